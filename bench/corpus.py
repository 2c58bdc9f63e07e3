"""Benchmark corpora built at run time from ../shared (never committed, no network).

Two sets: ``real-dev`` (the real commentary of ../shared/eval/real-dev: claim-dense, as
market commentary is; the set the speed goals are stated on) and ``dev`` (the dev
documents and the seed article). Outside a checkout with ../shared the sample note
stands in for both.
"""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SETS = {
    "real-dev": lambda: sorted((SHARED / "eval/real-dev").glob("r*.txt")),
    "dev": lambda: sorted((SHARED / "eval/dev").glob("dev*.txt")) + [SHARED / "seed/article.txt"],
}


def documents(name: str = "real-dev") -> list[str]:
    """The documents of one set, in a stable order."""
    paths = [p for p in SETS[name]() if p.exists()]
    if not paths:
        paths = [ROOT / "examples/sample_note.txt"]
    return [p.read_text(encoding="utf-8") for p in paths]


def corpus(min_bytes: int, name: str = "real-dev") -> list[str]:
    """Whole documents of ``name`` repeated until their total size reaches ``min_bytes``."""
    base = documents(name)
    out, size, i = [], 0, 0
    while size < min_bytes:
        doc = base[i % len(base)]
        out.append(doc)
        size += len(doc.encode("utf-8"))
        i += 1
    return out
