"""Extraction on 1 MB of adversarial text: seconds per input and the ratio to spaCy's bare
tokenizer on the same text (linear behaviour shows as a ratio that stays bounded)."""
from __future__ import annotations

import time

import spacy

import claims
from factcheck.catalog import load_catalog

CASES = {
    "digit run": "9" * 1_000_000,
    "percent signs": "%" * 1_000_000,
    "full stops": "." * 1_000_000,
    "1%1%1%...": "1%" * 500_000,
    "no spaces": ("rose2.5%to40,003.60yen" * 50_000)[:1_000_000],
    "number words": ("one hundred and twenty three point five " * 30_000)[:1_000_000],
    "one endless sentence": ("The 10-year JGB yield rose 6 bp to 2.33% " * 30_000)[:1_000_000],
    "prose": ("The 10-year JGB yield rose 6 basis points to 2.33%. The yen traded at 157.2 per dollar. " * 12_000)[:1_000_000],
}


def main() -> None:
    """The tokenizer baseline runs on a 2 KB prefix: spaCy's affix splitting is
    quadratic on runs without spaces (20 KB of "%" takes 50 s), so 1 MB is out of reach."""
    vocabulary = load_catalog().vocabulary()
    tokenizer = spacy.blank("en").tokenizer
    for name, text in CASES.items():
        prefix = text[:2_000]
        t = time.perf_counter()
        tokenizer(prefix)
        t_tok = time.perf_counter() - t
        t = time.perf_counter()
        claims.extract(prefix, "2026-01-21", vocabulary)
        t_prefix = time.perf_counter() - t
        t = time.perf_counter()
        found = claims.extract(text, "2026-01-21", vocabulary)
        t_full = time.perf_counter() - t
        print(f"{name:22s} 1 MB: claims {t_full:5.2f}s ({len(found)} claims) | 2 KB: claims {t_prefix:5.3f}s, "
              f"tokenizer {t_tok:5.3f}s, claims/tokenizer time {t_prefix / t_tok:5.2f}")


if __name__ == "__main__":
    main()
