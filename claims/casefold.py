"""A lower-case copy of a text with the same offsets.

Case-insensitive regexes over many alternatives are slow in Python's ``re`` (every
alternative is tried with case folding at every position); the same alternatives written
in lower case run several times faster over a lower-cased copy. Offsets must survive, so
the few characters whose lower case is longer ("İ") are kept as they are.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .regexgate import lacks, required_literals


@lru_cache(maxsize=1)  # four scans of one document ask for the same copy in a row
def lowered(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


# The only characters outside ASCII that re.IGNORECASE matches to an ASCII letter (İ, ı, ſ
# and the Kelvin sign; tests/test_scanning.py checks every code point). A text without them
# gives a lower-case ASCII pattern the same matches lower-cased as an IGNORECASE pattern
# gives over the text as written.
FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def folds_like_ascii(text: str) -> bool:
    """Whether ``text`` can be read lower-cased by a lower-case ASCII pattern in place of
    a case-insensitive one."""
    return text.isascii() or FOLDS_TO_ASCII.search(text) is None  # isascii: a flag of the string, no scan


class Folded:
    """A case-insensitive pattern written in lower case and its case-sensitive twin: a
    search reads a lower-cased copy of the text with the twin (several times faster), or
    the text as written with the pattern itself when the text holds a character that folds
    to an ASCII letter (see :data:`FOLDS_TO_ASCII`). ``cased`` adds a case-sensitive
    pattern searched over the text as written (a word that counts only in lower case, as
    "may" and not "May")."""

    def __init__(self, pattern: re.Pattern, cased: re.Pattern | None = None):
        if not pattern.flags & re.IGNORECASE or pattern.pattern != pattern.pattern.lower():
            raise ValueError(f"a folded pattern is case-insensitive and written in lower case: {pattern.pattern!r}")
        self.pattern, self.cased = pattern, cased
        self.twin = re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)
        # the literals one of which every match holds (claims.regexgate): a lower-cased text
        # without them is not scanned at all
        self.need = required_literals(self.twin)[0]

    def search(self, text: str) -> bool:
        if self.cased is not None and self.cased.search(text):
            return True
        if folds_like_ascii(text):
            low = text.lower()
            if self.need is not None and lacks(low, self.need, False):
                return False
            return self.twin.search(low) is not None
        return self.pattern.search(text) is not None
