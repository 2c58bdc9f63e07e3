"""Typed values a claim carries across the package boundary: its kind, modality, threshold,
date basis and qualifiers. The enumerations compare equal to their names ("level" ==
Kind.LEVEL), which is also how the JSON report writes them.

A :class:`Qualifier` is a structured statement about the claim's value ("the highest since
1999", "its biggest one-day fall on record"): the verifier dispatches on its ``kind`` and
reads its fields; ``label`` is the report's name for it ("highest_since:1999").
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

from .units import Unit


class Kind(StrEnum):
    LEVEL = "level"
    CHANGE = "change"
    SPREAD = "spread"


class Modality(StrEnum):
    FORECAST = "forecast"
    CONDITIONAL = "conditional"
    TARGET = "target"  # an aim or a consensus ("the 2% target"): not a reading of the market


class Threshold(StrEnum):
    AT_LEAST = "at_least"  # "above 4%", "more than 5%"
    AT_MOST = "at_most"  # "below 1%"
    DIRECTIONAL = "directional"  # "past 150": a line crossed in the direction of the move


class DateBasis(StrEnum):
    """Why a claim has the date it has."""

    EXPLICIT = "explicit"  # a time phrase bound to the number
    CARRIED = "carried"  # the last day named earlier in the paragraph
    SESSION = "session"  # the session the document reports on
    REFERENCE = "reference"  # the document's date
    PENDING = "pending"  # undecided until the document's session is known
    NONE = "none"  # no date at all
    OWN_BEST_DATE = "own_best_date"  # no reference date: the claim's own best fit (set by factcheck)


class Baseline(StrEnum):
    """What a move over a period is measured from (with ``Claim.since``, the period)."""

    CLOSE = "close"  # "since Monday", "this year": the close before the period began
    PEAK = "peak"  # "27% from its July 11 peak", "7% below its February high": the period's high
    TROUGH = "trough"  # "up 20% from its April low": the period's low
    LEVEL = "level"  # "60 bp higher compared with January levels": any level the period held


class QualifierKind(StrEnum):
    RECORD = "record"  # "a record", "an all-time low"
    SINCE = "since"  # "the highest since 1999", "a level last seen in 2016"
    IN_PERIOD = "in_period"  # "the highest in 18 months", "a 27-year high"
    MULTI_DECADE = "multi_decade"  # "a multi-decade high"
    FIRST_SINCE = "first_since"  # "for the first time since 2016": a line crossed
    FIRST_TIME = "first_time"  # "for the first time"
    YEAR_HIGH = "year_high"  # "its high for the year"
    MOVE = "move"  # "its biggest one-day fall on record / since 2008 / in 15 years"


class Side(StrEnum):
    """Which extreme a qualifier names. WEAK and STRONG name a currency's value, so their
    direction in a series depends on which side of the pair the subject is; EITHER is
    decided by the direction of the claim it attaches to."""

    HIGH = "high"
    LOW = "low"
    WEAK = "weak"
    STRONG = "strong"
    UP = "up"
    DOWN = "down"
    EITHER = "either"


SUPERLATIVE = {Side.HIGH: "highest", Side.LOW: "lowest", Side.WEAK: "weakest", Side.STRONG: "strongest"}


@dataclass(frozen=True)
class Qualifier:
    """One qualifier of a claim.

    ``since`` is a year or year-month ("1999", "2024-03"); ``count`` and ``period`` say how
    far back ("18", "month"); ``scope`` is how far back a move superlative looks (record,
    since, in_years); ``basis`` the unit a move superlative names ("point decline").
    ``compound`` marks the "27-year high" form of a period (against "highest in 27 years").
    """

    kind: QualifierKind
    side: Side | None = None
    since: str | None = None
    count: int | None = None
    period: str | None = None  # year | month | week
    scope: str | None = None  # record | since | in_years (moves)
    basis: Unit | None = None
    compound: bool = False
    # where the qualifier's words stand in the text ([start, end)); the verifier reads the
    # words between it and its figure to tell whether it is surely about that figure
    span: tuple[int, int] | None = field(default=None, compare=False)

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The report's name for the qualifier."""
        k = self.kind
        if k is QualifierKind.RECORD:
            return f"record_{self.side}"
        if k is QualifierKind.SINCE:
            return f"{SUPERLATIVE[self.side]}_since:{self.since}"
        if k is QualifierKind.IN_PERIOD and self.compound:
            return f"n_{self.period}_{self.side}:{self.count}"
        if k is QualifierKind.IN_PERIOD:
            return f"{SUPERLATIVE[self.side]}_in_{self.period}s:{self.count}"
        if k is QualifierKind.MULTI_DECADE:
            return f"multi_decade_{self.side}"
        if k is QualifierKind.FIRST_SINCE:
            return f"first_time_since:{self.since}"
        if k is QualifierKind.MOVE:
            arg = {"since": f":{self.since}", "in_years": f":{self.count}"}.get(self.scope, "")
            return f"move_{'?' if self.side is Side.EITHER else self.side}_{self.scope}{arg}"
        return k.value  # first_time, year_high

    def with_side(self, side: Side) -> "Qualifier":
        return replace(self, side=side)

    def high_in_series(self, quote_currency: bool) -> bool:
        """Whether the qualifier names a high of the series: "the yen's weakest" is a high
        of dollar-yen, "the yen's 34-year low" too (the subject is the quote currency)."""
        if self.side is None:
            return True  # "for the first time since": a line crossed upwards unless a threshold says otherwise
        return (self.side in (Side.HIGH, Side.STRONG, Side.UP)) != quote_currency

    def down_in_series(self, quote_currency: bool) -> bool:
        """For a move superlative: whether it names a fall of the series."""
        return (self.side is Side.DOWN) != quote_currency
