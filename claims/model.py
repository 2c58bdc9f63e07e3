"""Typed values that cross the boundary out of ``claims``.

A :class:`Claim` is what a careful reader would underline: one number, its unit, whether it
is a level, a change or a spread, the words around it that matter for checking it (hedge,
threshold, qualifiers, time, the instrument named) and whether it can be checked at all.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from .casefold import lowered
from .wordtrie import alternation
from .units import Unit
from .values import Baseline, DateBasis, Kind, Modality, Qualifier, Threshold


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
    # point | since | by | duration | anaphor ("that day") | later ("within weeks") | later_since ("has since"):
    # the last two are placed after the last time the text named
    role: str = "point"
    relative: bool = False
    days: int | None = None  # for durations ("in four weeks" = 28)
    sessions: int | None = None  # for "over the last three sessions"
    pattern: str = ""  # the time pattern that read it (claims.timeref.TIME_PATTERNS)


@dataclass(frozen=True)
class Cue:
    """A word or phrase that names (part of) an instrument: an alias, a country, a tenor."""

    kind: str  # instrument | country | tenor | bank | blocker
    value: str  # series id / family, ISO country, tenor in years, ...
    text: str
    start: int
    end: int
    unit: Unit | None = None  # for instrument cues: the unit of a bare number next to it
    low: float | None = None  # plausible value range for bare numbers
    high: float | None = None
    quote: bool = False  # an FX cue naming the quote currency ("the yen" for USD/JPY)


@dataclass(frozen=True)
class VocabularyEntry:
    """One literal phrase ("Nikkei 225", "Bank of Japan") and what it names. Matching is
    case-insensitive unless ``case_sensitive``; any run of whitespace matches a space."""

    phrase: str
    kind: str
    value: str
    unit: Unit | None = None
    low: float | None = None
    high: float | None = None
    quote: bool = False
    case_sensitive: bool = False


@dataclass(eq=False)  # compared and hashed by identity: it carries its own compiled index
class Vocabulary:
    """Instrument vocabulary handed in by the caller (``factcheck`` builds it from its catalog)."""

    entries: list[VocabularyEntry] = field(default_factory=list)
    _compiled: tuple | None = field(default=None, repr=False)

    def compiled(self):
        """An index from first words to the entries that can start there, plus one regex
        of those first words. ``find`` scans the text once with it and tries the full
        patterns only where a first word occurs: linear, and much faster than one
        alternation over every pattern tried at every position."""
        if self._compiled is None:
            by_first: dict[str, list[tuple[re.Pattern, VocabularyEntry]]] = {}
            for e in self.entries:
                words = e.phrase.split()
                body = r"\s+".join(re.escape(w) for w in words)
                rx = re.compile(body + r"(?![\w])", 0 if e.case_sensitive else re.IGNORECASE)
                by_first.setdefault(words[0].lower(), []).append((rx, e))
            # matched against a lower-cased copy of the text (see claims.casefold)
            trigger = re.compile(r"(?<![\w])" + alternation(by_first)) if by_first else re.compile(r"(?!x)x")
            self._compiled = (trigger, by_first)
        return self._compiled

    @staticmethod
    def _longest(text: str, pos: int, entries) -> tuple[re.Match, VocabularyEntry] | None:
        """The entry among ``entries`` whose pattern matches longest at ``pos``."""
        best = None
        for rx, e in entries:
            hit = rx.match(text, pos)
            if hit and (best is None or hit.end() > best[0].end()):
                best = (hit, e)
        return best

    def find(self, text: str) -> list[Cue]:
        trigger, by_first = self.compiled()
        cues: list[Cue] = []
        end = -1
        for m in trigger.finditer(lowered(text)):
            if m.start() < end:
                continue
            best = self._longest(text, m.start(), by_first.get(m.group(0), ()))
            if best is None:  # "Fed's rate": no "Fed's ..." entry fits, but "Fed" does
                word = m.group(0)
                shorter = [k for k in range(len(word) - 1, 0, -1) if not word[k].isalnum() and word[:k] in by_first]
                best = next((b for k in shorter if (b := self._longest(text, m.start(), by_first[word[:k]]))), None)
            if best is None:
                continue
            hit, e = best
            cues.append(Cue(e.kind, e.value, hit.group(0), hit.start(), hit.end(), e.unit, e.low, e.high, e.quote))
            end = hit.end()
        return cues


@dataclass
class Claim:
    """One numeric claim found in a text. Offsets are ``[start, end)`` in the input text."""

    start: int
    end: int
    text: str
    value: float
    unit: Unit
    kind: Kind
    sentence: str = ""
    sentence_start: int = 0
    sentence_index: int = 0
    decimals: int = 0
    precision: float = 0.5
    implied_unit: bool = False  # no unit written: it came from the instrument named nearby ("UJ 154.85")
    per_one: str | None = None  # the price of one unit of this currency ("1 yen reached US$0.0069": "yen")
    hedge: str | None = None
    threshold: Threshold | None = None
    extreme: bool = False  # "touched", "hit", "as much as"
    intraday: bool = False
    direction: int = 0  # +1 up / -1 down as written for the sentence's subject, 0 unknown
    subject: str | None = None  # the words the direction applies to ("the yen")
    subject_quote: bool = False  # the subject is the quote currency of an FX pair
    qualifiers: list[Qualifier] = field(default_factory=list)
    time: TimeRef | None = None
    since: TimeRef | None = None
    since_text: str | None = None
    baseline: Baseline | None = None  # what a move over ``since`` is measured from (its close, extreme or levels)
    horizon: TimeRef | None = None
    date_basis: DateBasis = DateBasis.REFERENCE
    checkable: bool = True
    modality: Modality | None = None
    event: bool = False  # the clause reports a decision ("raised rates to")
    from_level: bool = False  # "to 0.1% from minus 0.1%": the level before a move
    from_record: bool = False  # "4,000 points below its record"
    range_low: float | None = None
    range_high: float | None = None
    quoted_range: tuple[float, float] | None = None  # "a range of 0 to 0.1%": a policy range's bounds
    mention: str | None = None
    cues: list[Cue] = field(default_factory=list)  # nearest first
    paragraph: int = 0
    # the rules that made each decision: "kind", "modality", "period", "horizon", "date",
    # "qualifier <label>", and the time phrases rules kept from dating it ("not dated by 'on
    # Friday'"); see claims.rules
    trace: dict[str, str] = field(default_factory=dict)

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end

    @property
    def date(self) -> str | None:
        return self.time.value if self.time else None

    def to_dict(self) -> dict:
        out = asdict(self)
        out["cues"] = [asdict(c) for c in self.cues]
        out["qualifiers"] = [q.label for q in self.qualifiers]
        return out
