"""Readings of a claim as another kind of figure, and when its kind is too doubtful to flag.

The extractor decides whether a number is a level or a move from the words around it; some
forms leave a careful reader two readings:

* a "%" change of a yield whose value is where the yield stood ("the 10-year yield tops
  4.5%") also reads as a level;
* a level in basis points or percentage points of a yield cannot be a level of it: it reads
  as a move ("60 basis points compared to January");
* a level in index points far from the index ("fell 3,836.48 points" read as a level) reads
  as a move;
* a "%" change of a rate smaller than one ("UST 2s down 0.12% on the day at 4.50%") is read
  in percentage points before anything else (:func:`points_reading`): a relative move that
  small of a yield is below the precision it is quoted to (and within the tolerance of any
  quiet day), so writers who print it (translated Japanese news above all) mean points.

A flag needs a confident kind (:func:`kind_doubt`): a level stated in basis points of a
yield, or a level so far from the series that it is more likely another quantity (an index
component count, a definition's "0.01%") than a wrong level, is unverifiable when no
reading makes it hold.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterator

from claims import Kind, Unit
from claims.periodlabels import column_header

from .case import Case
from .verdict import Verdict

GROSS_SHARE = 0.5  # a price level further than this share of the series' value from it is doubtful as a level
GROSS_PP = 3.0  # a rate further than this many points from the series is doubtful as a level of it ...
GROSS_RATIO = 3.0  # ... and so is one over three times (or under a third of) it and half a point away
GROSS_RATIO_FLOOR_PP = 0.5
NEAR_LEVEL_SHARE = 0.1  # a "%" change of a yield within this share of its level also reads as the level
SMALL_PERCENT_AS_POINTS = 1.0  # a "%" change of a rate under this many percent also reads as percentage points


def _last(k: Case) -> float | None:
    found = k.data.on_or_before(k.end)
    return None if found is None else found[1]


def other_kinds(k: Case) -> Iterator[tuple[str, Case]]:
    """The claim read as another kind of figure, with the reading's name."""
    c, s = k.c, k.s
    last = _last(k)
    if last is None:
        return
    if c.kind == Kind.CHANGE and c.unit == Unit.PERCENT and s.unit == Unit.PERCENT and s.asset_class != "policy_rate" \
            and c.value > 0 and abs(c.value - last) <= NEAR_LEVEL_SHARE * abs(last):
        yield "a level of the yield", replace(k, c=replace(c, kind=Kind.LEVEL))
    if c.kind == Kind.LEVEL and c.unit in (Unit.BP, Unit.PP) and s.unit == Unit.PERCENT and c.range_low is None:
        yield "a move of the yield", replace(k, c=replace(c, kind=Kind.CHANGE, threshold=None, extreme=False,
                                                          value=-abs(c.value) if c.direction < 0 else c.value))
    if c.kind == Kind.LEVEL and c.unit == Unit.POINTS and s.asset_class == "index" and gross(c.value, last, s.unit):
        yield "a move in index points", replace(k, c=replace(c, kind=Kind.CHANGE, threshold=None, extreme=False,
                                                             value=-abs(c.value) if c.direction < 0 else c.value))


def points_reading(c, s) -> bool:
    """Whether the claim is a "%" change of a rate in percent smaller than
    :data:`SMALL_PERCENT_AS_POINTS`, to be checked in percentage points."""
    return s is not None and c.kind == Kind.CHANGE and c.unit == Unit.PERCENT and s.unit == Unit.PERCENT and \
        0 < abs(c.value) < SMALL_PERCENT_AS_POINTS


# a column header that says its moves are in percent ("% chg", "1M change (% for prices, bp for
# yields)", "pct")
PERCENT_HEADER = re.compile(r"(?i)%|\bpct\b|\bpercent\b|\bper cent\b")
BARE_CELL = re.compile(r"[+\-−±]?\d[\d,]*(?:\.\d+)?")


def percent_column(c, s, text: str) -> bool:
    """Whether the claim is a bare move of a price (an index, a currency) in a table column
    whose header gives moves in percent: under "1M change (%)" the "+2.2" of the S&P 500 row
    is 2.2%, not 2.2 index points. A figure written with its own unit keeps it; a yield's
    move in the same column keeps the unit the extractor gave it (basis points)."""
    if s is None or c.kind != Kind.CHANGE or c.unit not in (Unit.POINTS, Unit.FX) or \
            s.asset_class not in ("index", "fx") or not BARE_CELL.fullmatch(c.text):
        return False
    header = column_header(text, c.start)
    return header is not None and PERCENT_HEADER.search(header) is not None


def gross(value: float, level: float, unit: str) -> bool:
    """``value`` is too far from the series' ``level`` to be a reading of it: for a price
    (index points, an exchange rate) more than half the level away ("of its 225 members"
    beside the Nikkei at 54,000); for a rate in percent more than three points away, or a
    factor of three and half a point ("one basis point is 0.01%" beside a 3.7% yield), not
    a 10-year yield of 4.30% stated when it was 2.33%, which is simply wrong."""
    gap = abs(value - level)
    if unit != Unit.PERCENT:
        return gap > GROSS_SHARE * abs(level)
    ratio = abs(value) / abs(level) if level else float("inf")
    far = ratio > GROSS_RATIO or ratio < 1 / GROSS_RATIO
    return gap > GROSS_PP or (far and gap > GROSS_RATIO_FLOOR_PP)


def far_off(k: Case) -> bool:
    """A level too far from its series to be a reading of it at any moment of the day."""
    c, s = k.c, k.s
    last = _last(k)
    return c.kind == Kind.LEVEL and c.unit == s.unit and last is not None and gross(c.value, last, s.unit)


def kind_doubt(k: Case, first: Verdict) -> str | None:
    """Why the claim's kind is too doubtful for a flag, or None."""
    c, s = k.c, k.s
    if c.kind != Kind.LEVEL or s.asset_class == "policy_rate":
        return None
    last = _last(k)
    if c.range_low is not None:
        if last is not None and (gross(c.range_low, last, s.unit) or gross(c.range_high, last, s.unit)):
            return f"the range {c.text.strip()} is nowhere near {s.name} (then {last:,.2f}): a misread"
        return None
    if c.unit in (Unit.BP, Unit.PP) and s.unit == Unit.PERCENT:
        return f"a figure in {'basis points' if c.unit == Unit.BP else 'percentage points'} is no level of {s.name}"
    if c.unit == s.unit and last is not None and gross(c.value, last, s.unit) and not said_points(c):
        return f"{c.text.strip()} is nowhere near {s.name} (then {last:,.2f}): more likely another quantity"
    return None


def said_points(c) -> bool:
    """The figure is written in index points ("3,836.48 points"): a move of the index when it
    is no level of it, and wrong when it is neither (read by :func:`other_kinds`)."""
    return c.unit == Unit.POINTS and re.search(r"\b(?:points?|pts?)\b", c.text, re.I) is not None
