"""Linearity sweep: each input is one short unit repeated to 20 KB and to 80 KB; extraction
time should grow about 4x. A ratio far above that marks a scan that rescans its input (the
two found so far: runs of "." and runs of number words). Usage: python bench/linearity.py
"""
from __future__ import annotations

import time

import claims
from factcheck.catalog import load_catalog

UNITS = {
    ".": ".", "!?": "!?", "dash": "-", "space": " ", "newline": "\n", "blank lines": "\n \n", "quote": "'",
    "comma digits": "1,000,", "dollar": "$", "yen sign": "¥1", "dotted digits": "1.1.", "letter": "a",
    "year": "2024 ", "month": "January ", "bp": "5bp ", "percent word": "percent ", "and": "and ",
    "to": "to ", "hyphen number": "1-", "paren": "(", "paren number": "(1)", "since": "since ",
    "record": "record ", "highest since": "highest since ", "tab": "\t", "minus": "minus ",
    "tenor": "10-year ", "yen": "yen ", "per dollar": "per dollar ", "colon": ":", "full stop space": ". ",
    "between": "between 1 and ", "ellipsis": "…", "ten-year": "ten-year-", "capital": "A", "U.S.": "U.S.",
    "number words": "one hundred and twenty ", "claims": "1.5% to 2.5%, ",
}
SIZES = (20_000, 80_000)


def main() -> None:
    vocabulary = load_catalog().vocabulary()
    for name, unit in UNITS.items():
        times = []
        for n in SIZES:
            text = (unit * (n // len(unit) + 1))[:n]
            t = time.perf_counter()
            claims.extract(text, "2026-01-21", vocabulary)
            times.append(time.perf_counter() - t)
        ratio = times[1] / max(times[0], 1e-4)
        flag = "  <-- grows faster than the input" if ratio > 6 and times[1] > 0.3 else ""
        print(f"{name:16s} 20 KB {times[0]:6.3f}s  80 KB {times[1]:6.3f}s  x{ratio:4.1f}{flag}", flush=True)


if __name__ == "__main__":
    main()
