"""The per-call context of one document: everything that belongs to a single run of the
extractor lives here and is passed explicitly, never kept on a shared object, so one
extractor serves any number of threads at once."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Callable
from datetime import date

from .model import Claim, Cue

# a paragraph ends at a blank line, or at a line break after a full stop (many writers put
# one paragraph per line with no blank line between)
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*|(?<=[.!?:\"”])[ \t]*\n\s*")
# a line break inside a paragraph: regexes read it as a space (same offsets)
SOFT_BREAK = re.compile(r"(?<=[^\s])[ \t]*\n(?![ \t]*\n)(?=[ \t]*[^\s\-*•])")


def _soft_break_blanker(spans: list[tuple[int, int]]) -> Callable[[re.Match], str]:
    """:func:`_blank`, except for a line break the splitter ends a sentence at ("Thurs: ...
    4.30%\nWed: ..."): it stays, so a pattern anchored at a line start ("Wed:") still sees it."""
    starts = [a for a, _ in spans]

    def blank(m: re.Match) -> str:
        k = bisect.bisect_right(starts, m.start())
        if 0 < k < len(spans) and spans[k - 1][1] <= m.start() and spans[k][0] >= m.end():
            return m.group(0)
        return _blank(m)
    return blank


def _blank(m: re.Match) -> str:
    """A soft line break and the spaces before it, as as many spaces: offsets stay those of
    the raw text ("The yen \\n at 158.2" replaced by one space shifted every later span)."""
    return " " * len(m.group(0))


def paragraph_index(text: str) -> list[int]:
    """Start offsets of paragraphs."""
    return [0] + [m.end() for m in PARAGRAPH_BREAK.finditer(text)]


def paragraph_of(starts: list[int], pos: int) -> int:
    """The index of the paragraph (or sentence) whose start is the last one at or before ``pos``."""
    return max(0, bisect.bisect_right(starts, pos) - 1)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    index: int
    paragraph: int


@dataclass
class Document:
    """One document as the extractor reads it.

    ``raw`` is the text as given; ``text`` has the line breaks inside paragraphs turned into
    spaces (same offsets), so "6 basis\\npoints" is one unit while paragraphs still end at
    blank lines. ``cues`` are the instrument, issuer and tenor words, in text order.
    """

    raw: str
    text: str
    reference: date | None
    sentences: list[Sentence]
    cues: list[Cue]
    cue_starts: list[int] = field(default_factory=list)
    claims_by_sentence: dict[int, list[Claim]] = field(default_factory=dict)
    rejected: list[tuple[int, int, str]] = field(default_factory=list)  # numbers that are no claim, and why

    @classmethod
    def read(cls, raw: str, spans: list[tuple[int, int]], reference: date | None,
             find_cues: Callable[[str], list[Cue]]) -> "Document":
        text = SOFT_BREAK.sub(_soft_break_blanker(spans), raw)
        starts = paragraph_index(raw)
        sentences = [Sentence(s, e, text[s:e], i, paragraph_of(starts, s)) for i, (s, e) in enumerate(spans)]
        cues = sorted(find_cues(text), key=lambda c: c.start)
        return cls(raw, text, reference, sentences, cues, [c.start for c in cues])

    def cues_between(self, a: int, b: int) -> list[Cue]:
        """The cues that start in ``[a, b)``."""
        lo = bisect.bisect_left(self.cue_starts, a)
        hi = bisect.bisect_left(self.cue_starts, b)
        return self.cues[lo:hi]

    def cues_before(self, pos: int, limit: int) -> list[Cue]:
        """Up to ``limit`` cues that start before ``pos``, in text order."""
        lo = bisect.bisect_left(self.cue_starts, pos)
        return self.cues[max(0, lo - limit):lo]
