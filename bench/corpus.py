"""Build a benchmark corpus from the dev documents and the seed article (no network)."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def documents() -> list[str]:
    docs = sorted((SHARED / "eval/dev").glob("dev*.txt")) + [SHARED / "seed/article.txt"]
    if not docs[0].exists():
        docs = [ROOT / "examples/sample_note.txt"]
    return [p.read_text(encoding="utf-8") for p in docs if p.exists()]


def corpus(min_bytes: int) -> list[str]:
    """Whole documents repeated until their total size reaches ``min_bytes``."""
    base = documents()
    out, size, i = [], 0, 0
    while size < min_bytes:
        doc = base[i % len(base)]
        out.append(doc)
        size += len(doc.encode("utf-8"))
        i += 1
    return out
