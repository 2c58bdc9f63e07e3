"""Claims extraction speed against spaCy's bare blank-English tokenizer, same text, same run.

Prints MB/s for both and their ratio (claims / tokenizer; above 1 means extraction is
faster than merely tokenizing the text). Usage: python bench/extract.py [MB]
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import spacy  # noqa: E402

import claims  # noqa: E402
from corpus import corpus  # noqa: E402
from factcheck.catalog import load_catalog  # noqa: E402


def timed(fn, docs) -> float:
    t = time.perf_counter()
    for d in docs:
        fn(d)
    return time.perf_counter() - t


def main() -> None:
    mb = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    docs = corpus(int(mb * 1024 * 1024))
    size = sum(len(d.encode("utf-8")) for d in docs) / 1024 / 1024
    vocabulary = load_catalog().vocabulary()
    tokenizer = spacy.blank("en").tokenizer
    claims.extract(docs[0], "2026-01-21", vocabulary)  # warm up
    tokenizer(docs[0])
    t_tok = timed(tokenizer, docs)
    t_claims = timed(lambda d: claims.extract(d, "2026-01-21", vocabulary), docs)
    n = sum(len(claims.extract(d, "2026-01-21", vocabulary)) for d in docs[:13])
    print(f"corpus: {size:.2f} MB in {len(docs)} documents ({n} claims in the first 13)")
    print(f"spaCy blank-English tokenizer: {size / t_tok:8.2f} MB/s")
    print(f"claims.extract:                {size / t_claims:8.2f} MB/s")
    print(f"ratio claims/tokenizer:        {t_tok / t_claims:8.2f}x (goal >= 2x)")
    # the goal assumes only sentences with numbers need the full pipeline: how much is that?
    from claims.sentences import split

    numeric = ["\n".join(d[a:b] for a, b in split(d) if any(ch.isdigit() for ch in d[a:b])) for d in docs]
    share = sum(len(n) for n in numeric) / sum(len(d) for d in docs)
    t_num = timed(tokenizer, numeric)
    print(f"share of text in sentences with a digit: {share:.0%}; tokenizing only those sentences "
          f"would run at {t_tok / t_num:.2f}x the full tokenizer, before any rule runs")


if __name__ == "__main__":
    main()
