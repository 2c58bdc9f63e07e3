"""A lower-case copy of a text with the same offsets.

Case-insensitive regexes over many alternatives are slow in Python's ``re`` (every
alternative is tried with case folding at every position); the same alternatives written
in lower case run several times faster over a lower-cased copy. Offsets must survive, so
the few characters whose lower case is longer ("İ") are kept as they are.
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)  # four scans of one document ask for the same copy in a row
def lowered(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
