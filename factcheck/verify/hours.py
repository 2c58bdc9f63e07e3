"""Parts of the day a series' data do not see.

A series' closes are taken at one hour (USD/JPY: the noon New York fixing) and its daily bars
cover a trading day of their own (Yahoo's end before the New York afternoon). A figure the
text places in a part of the day that neither covers (``unseen_hours`` in the catalog) is
read against what the data do bound there: the stretch from the day's bar (or close) to the
next session's open (or next close), where the price must have passed. A level inside that
stretch cannot be settled (``unverifiable``, never a flag: the price may or may not have
been there); one outside it by more than the bar allowance fails like any other reading (a
dollar "at 158.9 yen in New York" when the day's bar topped at 157.49 and the next session
opened at 157.61). A move in those hours, measured from an hour the data miss as well, is
never settled.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

import pandas as pd

from claims import DAILY_MOVE_UNITS, Claim, Kind, Threshold, change_between

from ..labels import Label
from ..store import SeriesData
from . import explain
from .case import Case
from .tolerance import BAR_SHARE, EPS, bar_allowance, change_tolerance, grade
from .verdict import Verdict

# where a sentence places its figures in the New York afternoon: New York named (a dateline
# or "in New York trading"), or a clock time after noon with no other market named
NEW_YORK = re.compile(r"\bNew\s+York\b|\bN\.Y\.", re.I)
AFTERNOON_CLOCK = re.compile(r"\b(?:1[0-2]|[1-9])(?:[:.][0-5]\d)?\s*p\.?\s?m\b\.?", re.I)
_PLACES = r"Tokyo|Asia|Asian|London|Europe|European|Sydney|Singapore|Hong\s+Kong|Shanghai|Seoul|Mumbai"
OTHER_MARKET = re.compile(rf"\b(?:in|during)\s+(?:{_PLACES})\b|\b(?:{_PLACES})\s+(?:trade|trading|session|time|hours|"
                          rf"market|markets|morning|afternoon)\b|\b(?:GMT|UTC|JST|BST|CET|SGT|HKT)\b", re.I)


# the hour the fixing is taken: "at Friday's New York fix", "the noon rate in New York"
FIXING = re.compile(r"\bNew\s+York\s+(?:fix|fixing|noon)\b|\bnoon\b[^.;]{0,30}\bNew\s+York\b", re.I)


# a later part of the day named at the head of a sentence ("From around noon, however, ...")
LATER_IN_THE_DAY = re.compile(r"^\W*(?:from|after|by|in the|late in the|later in the)\s+(?:around\s+|about\s+)?"
                              r"(?:noon|midday|afternoon|evening|the afternoon|the close)\b", re.I)


def new_york_afternoon(sentence: str, preceding: str = "") -> bool:
    """The sentence places its figures in New York trading or at an afternoon clock time with
    no other market named, not at the noon fixing; or it goes on from a sentence in New York
    trading to a later hour ("In New York trading ... From around noon, ...")."""
    if FIXING.search(sentence):
        return False
    if NEW_YORK.search(sentence) or (AFTERNOON_CLOCK.search(sentence) and not OTHER_MARKET.search(sentence)):
        return True
    return bool(LATER_IN_THE_DAY.search(sentence)) and bool(NEW_YORK.search(preceding))


PLACED = {"New York afternoon": new_york_afternoon}

# the level an extreme move reached: "rallied as much as 1.8% against the dollar to 155.6"
EXTREME_MOVE_TO = re.compile(r"\bas\s+(?:much|high|low|far)\s+as\s+(?:[^.;:]|(?<=\d)\.(?=\d)){0,60}?\bto\s+(?:an?\s+)?[¥$]?\s*$", re.I)


def reached_by_extreme_move(c: Claim) -> bool:
    """The figure is the level an intraday extreme move of its sentence reached."""
    return c.kind == Kind.LEVEL and EXTREME_MOVE_TO.search(c.sentence[:max(c.start - c.sentence_start, 0)]) is not None


def day_extreme(c: Claim, preceding: str = "") -> bool:
    """A level or one-day move said to be the day's extreme ("as low as 155.6", "rallied as
    much as 1.8% to 155.6") on a stated day, with no market named whose hours the data
    cover (in its sentence or the one before, which sets the scene): the day's extreme of a
    price traded round the clock may have come in any of its hours."""
    if c.time is None or c.time.precision != "day" or c.range_low is not None:
        return False
    if OTHER_MARKET.search(c.sentence) or OTHER_MARKET.search(preceding) or FIXING.search(c.sentence):
        return False
    if c.kind == Kind.CHANGE:
        return c.extreme and c.unit in DAILY_MOVE_UNITS and c.since is None and not c.since_text and not c.from_record
    return c.kind == Kind.LEVEL and (c.extreme or reached_by_extreme_move(c))


def unseen(c: Claim, hours: str | None, preceding: str = "") -> bool:
    """The claim's sentence (and the one before it) place it in ``hours``, a part of the day
    the series' data miss, or it is the day's extreme, which may lie there."""
    placed = PLACED.get(hours or "")
    return placed is not None and (placed(c.sentence, preceding) or day_extreme(c, preceding))


def preceding(text: str, c: Claim) -> str:
    """The sentence before the claim's, if it is in the same paragraph: the paragraph's
    text before the claim's sentence (after the last blank line, trailing space dropped)
    from where its last sentence starts (after a . ! or ? and the space that follows).

    Found by bisection in the document's breaks and sentence ends (:func:`_marks`), not by
    splitting everything before the claim, which made a long paragraph quadratic (80 KB of
    CR-ended quote lines: 6 s)."""
    breaks, ends = _marks(text)
    end = c.sentence_start
    i = bisect.bisect_right(breaks, end - 2) - 1
    start = breaks[i] + 2 if i >= 0 else 0
    head_end = end
    while head_end > start and text[head_end - 1].isspace():
        head_end -= 1
    k = bisect.bisect_left(ends, head_end - 1) - 1  # the last end whose space lies inside the head
    if k >= 0 and ends[k] >= start:
        start = ends[k] + 1
        while start < head_end and text[start].isspace():
            start += 1
    return text[start:head_end]


@lru_cache(maxsize=4)
def _marks(text: str) -> tuple[list[int], list[int]]:
    """Where a blank line starts (every "\\n\\n", overlapping ones too) and where a sentence
    ends before a space (a . ! or ? followed by whitespace) in ``text``."""
    return [m.start() for m in BLANK_LINE.finditer(text)], [m.start() for m in SENTENCE_END.finditer(text)]


BLANK_LINE = re.compile(r"(?=\n\n)")
SENTENCE_END = re.compile(r"[.!?](?=\s)")


def unseen_reading(k: Case, side: Threshold | None) -> Verdict:
    """The claim read in the series' unseen hours (see the module docstring); ``side`` is
    the side of the line a threshold claim states (None for a level)."""
    c, s, data = k.c, k.s, k.data
    rows = k.rows()
    if c.kind == Kind.CHANGE and day_extreme(c, k.preceding) and not rows.empty:
        return _unseen_move(k, rows.ts(-1))
    if c.kind == Kind.CHANGE or c.range_low is not None or rows.empty:
        return Verdict(Label.UNVERIFIABLE, explain.unseen_hours(s), "unseen_hours")
    best = None
    for ts in (rows.ts(i) for i in range(len(rows))):
        span = _stretch(data, ts)
        if span is None:
            continue
        lo, hi = span
        if side == Threshold.AT_LEAST:
            dist = max(c.value - hi, 0.0)
        elif side == Threshold.AT_MOST:
            dist = min(c.value - lo, 0.0)
        else:
            dist = 0.0 if lo <= c.value <= hi else c.value - (hi if c.value > hi else lo)
        if best is None or abs(dist) <= abs(best[0]):
            best = (dist, ts, lo, hi)
    if best is None:
        return Verdict(Label.UNVERIFIABLE, explain.unseen_hours(s), "unseen_hours")
    dist, ts, lo, hi = best
    allowed = bar_allowance(c, s)
    inside = grade(dist, c.precision, allowed) != Label.INACCURATE
    text = explain.unseen_stretch(c, s, ts, lo, hi, dist, inside)
    obs = [k.obs(ts, lo, "unseen-hours low"), k.obs(ts, hi, "unseen-hours high")]
    if inside:
        return Verdict(Label.UNVERIFIABLE, text, "unseen_hours", obs)
    return Verdict(Label.INACCURATE, text, "unseen_hours", obs, dist, c.precision + allowed)


def _unseen_move(k: Case, ts: pd.Timestamp) -> Verdict:
    """A day's extreme move read in the unseen hours: from the previous close to any price
    of the stretch the series passed after the day's bar (a move measured from a close the
    data have, to an hour they miss). Inside it, or within the bar share of the move's
    allowance, it cannot be settled; beyond that it fails."""
    c, s, data = k.c, k.s, k.data
    span, base = _stretch(data, ts), data.before(ts.date())
    if span is None or base is None:
        return Verdict(Label.UNVERIFIABLE, explain.unseen_hours(s), "unseen_hours")
    lo_move, hi_move = sorted((change_between(c.unit, base[1], span[0]), change_between(c.unit, base[1], span[1])))
    claimed = -c.value if c.direction == 0 and c.value > 0 and hi_move < 0 else c.value
    dist = 0.0 if lo_move <= claimed <= hi_move else claimed - (hi_move if claimed > hi_move else lo_move)
    tol = change_tolerance(c, s, k.policy, base[1]) * BAR_SHARE
    inside = grade(dist, c.precision, tol) != Label.INACCURATE
    text = explain.unseen_move(c, s, ts, base, span, (lo_move, hi_move), dist, inside)
    obs = [k.obs(base[0]), k.obs(ts, span[0], "unseen-hours low"), k.obs(ts, span[1], "unseen-hours high")]
    if inside:
        return Verdict(Label.UNVERIFIABLE, text, "unseen_hours", obs)
    return Verdict(Label.INACCURATE, text, "unseen_hours", obs, dist, c.precision + tol)


def _stretch(data: SeriesData, ts: pd.Timestamp) -> tuple[float, float] | None:
    """The prices the series must have passed between the day ``ts`` and the next
    session: the day's bar (or close) and the next session's open (or close). Read by
    position (the next session is the next row)."""
    i = data.columns.position(ts)
    if i is None:
        raise KeyError(ts)
    if i + 1 >= len(data.columns.days):
        return None
    high = data.cell_at(i, "high") if data.has_column("high") else None
    bars = high is not None and high == high
    here = (float(data.cell_at(i, "low")), float(high)) if bars else (float(data.cell_at(i, "value")),) * 2
    opened = data.cell_at(i + 1, "open") if data.has_column("open") else None
    then = float(opened) if opened is not None and opened == opened else float(data.cell_at(i + 1, "value"))
    return min(here[0], then) - EPS, max(here[1], then) + EPS
