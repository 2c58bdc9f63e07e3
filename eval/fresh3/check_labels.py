#!/usr/bin/env python3
"""Re-check the labels of eval/fresh3 against ../shared/market-data/raw.

Runs the checks of eval/fresh/check_labels.py (format, every data value quoted in a note
re-read from the raw files, every "A -> B (move)" recomputed, and a verdict worked out from
the data where its rules can) on this folder's gold.jsonl, with this set's own list of
hand-reviewed exceptions. One checker for all three held-out sets keeps one set of rules.

    python3 eval/fresh3/check_labels.py [--verbose]

Exit status 1 when a citation disagrees with the data, a format check fails, or a verdict
disagreement is not in REVIEWED below.
"""
from __future__ import annotations

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "fresh"))
import check_labels as base  # noqa: E402  (eval/fresh/check_labels.py)

# Claims whose verdict was decided by hand because the automatic rules are too coarse for
# them. Key: (doc, value_text, occurrence). The data behind each reason is cited in the
# claim's note, and those citations are re-read like all others.
REVIEWED = {
    ("h09", "fifty-five twenty-one", 1): "the 'February record' in the same sentence is the peak the index is ten percent "
                                         "below, not a claim that 5,521 is a record (FRED SP500 2025-03-13 = 5521.52 "
                                         "matches the level); the rules here read any 'record' after a level as a record claim",
    ("h10", "three and a half to three and three quarters percent", 1):
        "a range written in words: the rules here take the bounds from digits only; FRED DFEDTARU 2026-08-14 = 3.75 "
        "and FRED DFEDTARL 2026-08-14 = 3.50 are the two ends stated",
    ("h12", "58,850 yen", 1): "'closing record high' is a record close, which holds (N225 close 2026-02-27 = 58,850.27, "
                              "no higher close before it); the word 'high' makes the rules here compare the intraday "
                              "high with earlier intraday highs instead",
}


if __name__ == "__main__":
    sys.exit(base.check_folder(HERE, REVIEWED))
