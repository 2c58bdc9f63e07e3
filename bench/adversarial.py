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
    "1%1%1%...": "1%" * 500_000,
    "no spaces": ("rose2.5%to40,003.60yen" * 50_000)[:1_000_000],
    "one endless sentence": ("The 10-year JGB yield rose 6 bp to 2.33% " * 30_000)[:1_000_000],
    "prose": ("The 10-year JGB yield rose 6 basis points to 2.33%. The yen traded at 157.2 per dollar. " * 12_000)[:1_000_000],
}


def main() -> None:
    vocabulary = load_catalog().vocabulary()
    tokenizer = spacy.blank("en").tokenizer
    for name, text in CASES.items():
        t = time.perf_counter()
        tokenizer(text)
        t_tok = time.perf_counter() - t
        t = time.perf_counter()
        found = claims.extract(text, "2026-01-21", vocabulary)
        t_claims = time.perf_counter() - t
        print(f"{name:22s} claims {t_claims:6.2f}s  tokenizer {t_tok:6.2f}s  ratio {t_claims / t_tok:6.2f}  ({len(found)} claims)")


if __name__ == "__main__":
    main()
