"""Claims extraction speed against spaCy's bare blank-English tokenizer, same text, same run.

For each corpus (``real-dev``: the real commentary of ../shared/eval/real-dev repeated to
the size asked; ``dev``: the dev documents and the seed), prints MB/s for both, claims/s,
microseconds per claim and the ratio (tokenizer time / extraction time: above 1 means
extraction is faster than merely tokenizing the text). Each figure is the best of
``rounds`` runs of CPU time, alternating the two readers, so a shared machine's noise hurts
both alike.
Goal: ratio >= 1.0 on real-dev.

Usage: python bench/extract.py [MB] [rounds]
"""
from __future__ import annotations

import gc
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import spacy  # noqa: E402

import claims  # noqa: E402
from corpus import corpus  # noqa: E402
from factcheck.catalog import load_catalog  # noqa: E402


def timed(fn, docs) -> float:
    """CPU seconds of ``fn`` over ``docs`` (a shared machine's other processes do not count)."""
    gc.collect()
    t = time.process_time()
    for d in docs:
        fn(d)
    return time.process_time() - t


def measure(name: str, mb: float, rounds: int, vocabulary, tokenizer) -> None:
    docs = corpus(int(mb * 1024 * 1024), name)
    size = sum(len(d.encode("utf-8")) for d in docs) / 1024 / 1024
    extract = lambda d: claims.extract(d, "2026-01-21", vocabulary)  # noqa: E731
    n_claims = sum(len(extract(d)) for d in docs)  # also the warm-up
    tokenizer(docs[0])
    t_tok = t_claims = float("inf")
    for _ in range(rounds):
        t_tok = min(t_tok, timed(tokenizer, docs))
        t_claims = min(t_claims, timed(extract, docs))
    print(f"{name}: {size:.2f} MB in {len(docs)} documents, {n_claims} claims "
          f"({n_claims / size / 1024:.1f} per KB); best of {rounds} runs")
    print(f"  spaCy blank-English tokenizer: {size / t_tok:8.2f} MB/s")
    print(f"  claims.extract:                {size / t_claims:8.2f} MB/s, {n_claims / t_claims:8.0f} claims/s, "
          f"{t_claims / n_claims * 1e6:.1f} us per claim (all stages)")
    print(f"  ratio claims/tokenizer:        {t_tok / t_claims:8.2f}x (goal >= 1.0 on real-dev)", flush=True)


def main() -> None:
    mb = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    vocabulary = load_catalog().vocabulary()
    tokenizer = spacy.blank("en").tokenizer
    for name in ("real-dev", "dev"):
        measure(name, mb, rounds, vocabulary, tokenizer)


if __name__ == "__main__":
    main()
