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


# -- the installed wheel (built by `make wheel` / .ci/wheel) --------------------------------
@pytest.fixture(scope="session")
def installed() -> Path:
    """The bin folder of a clean venv with the wheel installed (not editable). `make test`
    builds it first and passes FACTCHECK_WHEEL_VENV; run alone, pytest builds it here."""
    import os
    import subprocess
    import sys

    venv = os.environ.get("FACTCHECK_WHEEL_VENV")
    if not venv or not (Path(venv) / "bin" / "factcheck").exists():
        proc = subprocess.run([sys.executable, str(ROOT / ".ci" / "wheel")], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        venv = proc.stdout.strip().splitlines()[-1]
    return (ROOT / venv / "bin") if not Path(venv).is_absolute() else Path(venv) / "bin"


@pytest.fixture
def user_env(tmp_path) -> dict:
    """The environment of a user of the installed CLI: an empty cache of their own, no
    keys, no Python paths into this checkout, offline unless a test says otherwise."""
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith(("FACTCHECK_", "PYTHON", "FRED_"))}
    env.update(FACTCHECK_CACHE_DIR=str(tmp_path / "cache"), COLUMNS="80", NO_COLOR="1")
    return env


def run_cli(bin_dir: Path, args: list[str], env: dict, cwd: Path, input: str | bytes | None = None,
            timeout: float = 120, program: str = "factcheck"):
    """The installed program run as a user would, from outside the checkout."""
    import subprocess

    data = input.encode() if isinstance(input, str) else input
    proc = subprocess.run([str(bin_dir / program), *args], input=data, capture_output=True, env=env, cwd=cwd,
                          timeout=timeout)
    proc.stdout, proc.stderr = proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")
    return proc
