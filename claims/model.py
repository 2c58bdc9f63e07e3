"""Typed values that cross the boundary out of ``claims``.

A :class:`Claim` is what a careful reader would underline: one number, its unit, whether it
is a level, a change or a spread, the words around it that matter for checking it (hedge,
threshold, qualifiers, time, the instrument named) and whether it can be checked at all.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date


@dataclass(frozen=True)
class TimeRef:
    """A time phrase resolved against the document's reference date.

    ``value`` is ``YYYY-MM-DD`` (precision ``day``), ``YYYY-MM`` (``month``) or ``YYYY``
    (``year``); ``role`` says how the phrase relates to a claim: a point in time, the start
    of a period (``since``) or a forecast horizon (``by``).
    """

    text: str
    start: int
    end: int
    value: str | None
    precision: str  # day | month | year | unknown
    role: str = "point"  # point | since | by | duration | anaphor
    relative: bool = False
    days: int | None = None  # for durations ("in four weeks" = 28)
    sessions: int | None = None  # for "over the last three sessions"

    def as_date(self) -> date | None:
        if self.value and self.precision == "day":
            return date.fromisoformat(self.value)
        return None


@dataclass(frozen=True)
class Cue:
    """A word or phrase that names (part of) an instrument: an alias, a country, a tenor."""

    kind: str  # instrument | country | tenor | bank | blocker
    value: str  # series id / family, ISO country, tenor in years, ...
    text: str
    start: int
    end: int
    unit: str | None = None  # for instrument cues: the unit of a bare number next to it
    low: float | None = None  # plausible value range for bare numbers
    high: float | None = None
    quote: bool = False  # an FX cue naming the quote currency ("the yen" for USD/JPY)


@dataclass(frozen=True)
class VocabularyEntry:
    pattern: str  # a regular expression, matched case-insensitively on word boundaries
    kind: str
    value: str
    unit: str | None = None
    low: float | None = None
    high: float | None = None
    quote: bool = False
    case_sensitive: bool = False


@dataclass
class Vocabulary:
    """Instrument vocabulary handed in by the caller (``factcheck`` builds it from its catalog)."""

    entries: list[VocabularyEntry] = field(default_factory=list)
    _compiled: tuple[re.Pattern, list[VocabularyEntry]] | None = field(default=None, repr=False)

    def compiled(self) -> tuple[re.Pattern, list[VocabularyEntry]]:
        """One alternation over every entry (longest patterns first), scanned once per
        text: far faster than one scan per alias. Case-sensitive entries carry an inline
        flag."""
        if self._compiled is None:
            parts = []
            for i, e in enumerate(self.entries):
                body = e.pattern if not e.case_sensitive else f"(?-i:{e.pattern})"
                parts.append(f"(?P<e{i}>{body})")
            order = sorted(range(len(parts)), key=lambda i: -len(self.entries[i].pattern))
            rx = re.compile(r"(?<![\w])(?:" + "|".join(parts[i] for i in order) + r")(?![\w])", re.IGNORECASE) \
                if parts else re.compile(r"(?!x)x")
            self._compiled = (rx, list(self.entries))
        return self._compiled

    def find(self, text: str) -> list[Cue]:
        rx, entries = self.compiled()
        cues = []
        for m in rx.finditer(text):
            e = entries[int(m.lastgroup[1:])]
            cues.append(Cue(e.kind, e.value, m.group(0), m.start(), m.end(), e.unit, e.low, e.high, e.quote))
        return cues


@dataclass
class Claim:
    """One numeric claim found in a text. Offsets are ``[start, end)`` in the input text."""

    start: int
    end: int
    text: str
    value: float
    unit: str  # percent | bp | pp | points | fx | USD/JPY/EUR/GBP | count | number
    kind: str  # level | change | spread
    sentence: str = ""
    sentence_start: int = 0
    sentence_index: int = 0
    decimals: int = 0
    precision: float = 0.5
    hedge: str | None = None
    threshold: str | None = None  # at_least | at_most
    extreme: bool = False  # "touched", "hit", "as much as"
    intraday: bool = False
    direction: int = 0  # +1 up / -1 down as written for the sentence's subject, 0 unknown
    subject: str | None = None  # the words the direction applies to ("the yen")
    subject_quote: bool = False  # the subject is the quote currency of an FX pair
    qualifiers: list[str] = field(default_factory=list)
    time: TimeRef | None = None
    since: TimeRef | None = None
    since_text: str | None = None
    horizon: TimeRef | None = None
    date_basis: str = "reference"  # explicit | carried | session | reference
    checkable: bool = True
    modality: str | None = None  # forecast | conditional | hypothetical
    event: bool = False  # the clause reports a decision ("raised rates to")
    from_level: bool = False  # "to 0.1% from minus 0.1%": the level before a move
    from_record: bool = False  # "4,000 points below its record"
    range_low: float | None = None
    range_high: float | None = None
    mention: str | None = None
    cues: list[Cue] = field(default_factory=list)  # nearest first
    paragraph: int = 0

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end

    @property
    def date(self) -> str | None:
        return self.time.value if self.time else None

    def to_dict(self) -> dict:
        out = asdict(self)
        out["cues"] = [asdict(c) for c in self.cues]
        return out
