"""Where claims.extract spends its time, stage by stage, on real commentary.

Wraps the extractor's stages (normalising, sentence split, dateline, cues, numbers, the
rules per number, time phrases, qualifiers, dating) with CPU timers and extracts the
real-dev corpus repeated to the size asked; prints CPU milliseconds per stage, the best of
``rounds`` runs for each stage, beside spaCy's bare tokenizer on the same text. A stage
called inside another is counted in both (the rules per number include the features they
read; dating includes the binding rules).

Usage: python bench/extract_stages.py [MB] [rounds]  (bench/stages.py: the stages of a batch document)
"""
from __future__ import annotations

import gc
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import claims  # noqa: E402
import claims.extractor as X  # noqa: E402
import claims.sentences as S  # noqa: E402
from corpus import corpus  # noqa: E402
from factcheck.catalog import load_catalog  # noqa: E402

STAGES = [  # (module, attribute, label)
    (claims, "normalize", "normalising"), (S, "split", "sentence split"), (X, "find_dateline", "dateline"),
    (X.Extractor, "cues", "cues"), (X, "find_quantities", "numbers"), (X, "merge_ranges", "ranges"),
    (X, "skipped_sentence", "skipped sentences"), (X, "read_claim", "rules per number"),
    (X, "find_time_phrases", "time phrases"), (X.qualifiers, "attach", "qualifiers"), (X, "attach_times", "dating"),
]


def wrap(spent: dict[str, float], owner, name: str, label: str) -> None:
    """Replace ``owner.name`` by a version that adds its CPU time to ``spent[label]``."""
    fn = getattr(owner, name)

    def timed(*args, **kwargs):
        t = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[label] = spent.get(label, 0.0) + time.process_time() - t

    setattr(owner, name, timed)


def main() -> None:
    mb = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    vocabulary = load_catalog().vocabulary()
    docs = corpus(int(mb * 1024 * 1024), "real-dev")
    size = sum(len(d.encode("utf-8")) for d in docs) / 1024 / 1024
    n_claims = sum(len(claims.extract(d, "2026-01-21", vocabulary)) for d in docs)
    spent: dict[str, float] = {}
    for owner, name, label in STAGES:
        wrap(spent, owner, name, label)
    best: dict[str, float] = {}
    for _ in range(rounds):
        spent.clear()
        gc.collect()
        t = time.process_time()
        for d in docs:
            claims.extract(d, "2026-01-21", vocabulary)
        spent["all of claims.extract"] = time.process_time() - t
        for label, seconds in spent.items():
            best[label] = min(best.get(label, seconds), seconds)
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    t_tok = min(_timed(tokenizer, docs) for _ in range(rounds))
    print(f"real-dev: {size:.2f} MB, {len(docs)} documents, {n_claims} claims; CPU ms per MB, best of {rounds}")
    for label, seconds in sorted(best.items(), key=lambda kv: -kv[1]):
        print(f"  {label:24s} {seconds / size * 1000:7.0f}")
    print(f"  {'spaCy tokenizer':24s} {t_tok / size * 1000:7.0f}")


def _timed(fn, docs) -> float:
    gc.collect()
    t = time.process_time()
    for d in docs:
        fn(d)
    return time.process_time() - t


if __name__ == "__main__":
    main()
