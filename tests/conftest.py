from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def require_shared() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not beside the checkout")
    return SHARED


@pytest.fixture(scope="session")
def checker():
    from factcheck.api import Checker

    return Checker.default()


@pytest.fixture(scope="session")
def vocabulary():
    from factcheck.catalog import load_catalog

    return load_catalog().vocabulary()


@pytest.fixture(scope="session")
def check(checker):
    """check(text, date) -> list of claim dicts from the JSON contract."""

    def run(text: str, published: str | None = None) -> list[dict]:
        return checker.check(text, published).to_dict()["claims"]

    return run


def by_text(claims: list[dict], text: str, occurrence: int = 1) -> dict:
    found = [c for c in claims if c["text"].startswith(text)]
    assert len(found) >= occurrence, f"{text!r} not among {[c['text'] for c in claims]}"
    return found[occurrence - 1]


def load_gold() -> list[dict]:
    shared = require_shared()
    return [json.loads(line) for line in (shared / "eval/dev/gold.jsonl").read_text().splitlines() if line.strip()]


@pytest.fixture(autouse=True, scope="session")
def _isolated_cache(tmp_path_factory):
    """Tests never read or write the user's real cache."""
    import os

    os.environ["FACTCHECK_CACHE_DIR"] = str(tmp_path_factory.mktemp("factcheck-cache"))
    yield


@pytest.fixture(scope="session")
def store(checker):
    return checker.store
