"""Levels: a stated value ("at 2.33%"), a range ("between 1.49% and 1.58%") and a line
crossed or touched ("above 4%", "touched 141.7 per dollar")."""
from __future__ import annotations

import re
from typing import Callable

import numpy as np
import pandas as pd

from claims import Claim, Kind, Side, Threshold

from ..observations import Window, ordinal
from . import explain
from .case import Case
from ..labels import Label
from .qualifiers import with_qualifiers
from .stale import stale_level
from .tolerance import EPS, bar_allowance, grade, level_allowance
from .verdict import Verdict


def on_observations(check: Callable[[Case, Window], Verdict]) -> Callable[[Case], Verdict]:
    """A checker of the window's observations; with none in the window, unverifiable."""
    def run(k: Case) -> Verdict:
        rows = k.rows()
        if rows.empty:
            return Verdict(Label.UNVERIFIABLE, explain.no_observation(k.s.id, k.start, k.end), "no_data_for_date")
        return check(k, rows)
    run.__doc__ = check.__doc__
    return run


def has_bars(rows: Window) -> bool:
    """The source gives intraday highs and lows for these days."""
    return rows.has_bars


@on_observations
def check_level(k: Case, rows: Window) -> Verdict:
    c, s = k.c, k.s
    if c.intraday and rows.has_bars:
        inside = intraday_reading(k)
        if inside is not None and inside.label.supports:
            return inside
    i = int(np.argmin(np.abs(rows.value - c.value)))  # the first nearest close
    best_ts, best = rows.ts(i), float(rows.value[i])
    diff = c.value - best
    allowed = level_allowance(c, s, above=diff > 0)
    label = grade(diff, c.precision, allowed)
    if label == Label.INACCURATE:
        moved = misdated_level(k, lambda v: abs(c.value - v) <= c.precision + EPS) or \
            stale_level(k, lambda v: abs(c.value - v) <= c.precision + allowed + EPS)
        if moved is not None:
            return moved
    text = explain.level(c, s, k.source(best_ts), best_ts, best, diff, allowed, abs(diff) <= allowed + EPS, label)
    v = Verdict(label, text, "level", used_observations(k, rows, best_ts), diff, c.precision + allowed)
    return with_qualifiers(k, best_ts, v)


def used_observations(k: Case, rows: Window, best_ts: pd.Timestamp) -> list:
    """The evidence a level verdict shows: for a day (and the lag window before it) the
    days read; for a month or a year, the day the verdict cites, not the period's last days."""
    if (k.end - k.start).days > k.policy.lag_days:
        return [k.obs(best_ts)]
    return [k.obs(rows.ts(i)) for i in range(max(len(rows) - 4, 0), len(rows))]


def intraday_reading(k: Case) -> Verdict | None:
    """The claim read as a quote taken during the session: inside a day's high-low range
    (the day of the window nearest to it), give or take the precision and the bar
    allowance (:func:`.tolerance.bar_allowance`). None when the data have no bars there."""
    rows = k.rows()
    if rows.empty or not rows.has_bars:
        return None
    c, s = k.c, k.s
    best = None
    for i, (lo, hi) in enumerate(zip(rows.column("low").tolist(), rows.column("high").tolist())):
        if lo != lo or hi != hi:
            continue  # a day without its bar
        dist = 0.0 if lo <= c.value <= hi else c.value - (hi if c.value > hi else lo)
        if best is None or abs(dist) <= abs(best[0]):
            best = (dist, i, lo, hi)
    dist, i, lo, hi = best
    ts = rows.ts(i)
    allowed = bar_allowance(c, s)
    label = grade(dist, c.precision, allowed)
    text = explain.intraday_range(c, s, ts, lo, hi, dist, allowed, label)
    v = Verdict(label, text, "intraday_range", [k.obs(ts, lo, "intraday low"), k.obs(ts, hi, "intraday high")],
                dist, c.precision + (0.0 if label == Label.ACCURATE else allowed))
    return with_qualifiers(k, ts, v, at=min(max(c.value, lo), hi))


@on_observations
def check_range(k: Case, rows: Window) -> Verdict:
    c, s = k.c, k.s
    values = rows.value
    lo, hi = sorted((c.range_low, c.range_high))
    low_at, high_at = rows.ts(int(np.argmin(values))), rows.ts(int(np.argmax(values)))
    vmin, vmax = float(values.min()), float(values.max())
    obs = [k.obs(low_at, fld="min"), k.obs(high_at, fld="max")]
    out = max(lo - vmin, vmax - hi, 0.0)
    allowed = s.level_allowance(c.value)
    label = grade(out, c.precision, allowed)
    text = explain.range_(s, k.source(low_at), rows.ts(0), rows.ts(-1), vmin, vmax, lo, hi, out, label)
    return Verdict(label, text, "range", obs, out, c.precision + (0.0 if label == Label.ACCURATE else allowed))


# "failed to close above 40,000", "could not break below 150": the line was not crossed
NEGATED_LINE = re.compile(r"\b(?:failed|fails|failing|unable|did\s+not|didn't|could\s+not|couldn't|never\s+managed)"
                          r"\s+(?:to\s+)?(?:[a-z]+\s+){0,2}(?:above|over|below|under|past|through)\s+(?:the\s+)?$", re.I)


def negated(c: Claim) -> bool:
    """The words before the figure deny the crossing its threshold word names."""
    return NEGATED_LINE.search(c.sentence[:max(c.start - c.sentence_start, 0)]) is not None


def line_side(k: Case) -> Threshold | None:
    """The side of the line a threshold claim states (None for a plain level)."""
    if not (k.c.threshold or k.c.extreme) or k.c.kind != Kind.LEVEL:
        return None
    rows = k.rows()
    return None if rows.empty else _side(k, rows)


def _side(k: Case, rows: Window) -> Threshold:
    """The side of the line the claim states: its threshold word, else the move's direction,
    else the side its qualifier names ("reached 1.905%, the highest since 2007" is a peak),
    else where the market was ("touched 140.7" is a low if that is below the last close)."""
    c = k.c
    if c.threshold in (Threshold.AT_LEAST, Threshold.AT_MOST):
        return c.threshold
    direction = c.direction  # in the series' own terms (factcheck.api.orient turned "the yen weakened")
    named = [q for q in c.qualifiers if q.side in (Side.HIGH, Side.LOW, Side.WEAK, Side.STRONG)]
    if direction == 0 and named:
        direction = 1 if named[0].high_in_series(k.s.asset_class == "fx" and c.subject_quote) else -1
    if direction == 0:
        direction = -1 if c.value < float(rows.value[-1]) else 1
    return Threshold.AT_MOST if direction < 0 else Threshold.AT_LEAST


@on_observations
def check_threshold(k: Case, rows: Window) -> Verdict:
    c, s = k.c, k.s
    side = _side(k, rows)
    at_least = side == Threshold.AT_LEAST
    denied = negated(c)  # "failed to close above X": every close stayed on the near side
    col = ("high" if at_least else "low") if c.intraday and rows.has_bars and not denied else "value"
    values = rows.column(col) if col != "value" else rows.value
    read = np.flatnonzero(~np.isnan(values))  # the days with a value in that column
    if not len(read):
        values, col, read = rows.value, "value", np.arange(len(rows))
    j = int(read[np.argmax(values[read]) if at_least else np.argmin(values[read])])
    ext_ts, ext = rows.ts(j), float(values[j])
    short = (c.value - ext) if at_least else (ext - c.value)  # >0: the claim overshoots
    if denied:
        short = -short  # >0: the market crossed the line the claim says it did not
    # "above 4%" / "touched 4%" name a line; "hit 1.59%" is a rounded reading (±precision)
    prec = c.precision if c.extreme and not c.threshold and c.decimals > 0 else 0.0
    allowed = bar_allowance(c, s) if col != "value" else level_allowance(c, s, above=short > 0 and at_least != denied)
    label = grade(max(short, 0.0), prec, allowed)
    if label == Label.INACCURATE:
        test = (lambda v: v >= c.value - prec - EPS) if at_least != denied else (lambda v: v <= c.value + prec + EPS)
        loose = (lambda v: v >= c.value - prec - allowed - EPS) if at_least != denied else \
            (lambda v: v <= c.value + prec + allowed + EPS)
        moved = misdated_level(k, test) or stale_level(k, loose)
        if moved is not None:
            return moved
    obs = [k.obs(ext_ts, ext, {"value": "close", "high": "intraday high", "low": "intraday low"}[col])]
    text = explain.threshold(c, s, obs[0].source, at_least, col != "value", rows.ts(int(read[0])), rows.ts(int(read[-1])),
                             ext, ext_ts, short, allowed, label, denied)
    difference = -short if at_least or label != Label.ACCURATE else short
    v = Verdict(label, text, "threshold", obs, difference, prec + (0.0 if label == Label.ACCURATE else allowed))
    return with_qualifiers(k, ext_ts, v, side=side)


def misdated_level(k: Case, test: Callable[[float], bool]) -> Verdict | None:
    """A value wrong for the stated time but right for the same series nearby."""
    if not k.explicit or k.plain:
        return None
    c, s, data = k.c, k.s, k.data
    near = data.span(*k.misdated_span())
    days, start, end = near.days, pd.Timestamp(k.start).value, pd.Timestamp(k.end).value
    hits = [i for i in near.where(test) if days[i] < start or days[i] > end]
    if not hits:
        return None
    first, last = k.start.toordinal(), k.end.toordinal()
    nearest = min(hits, key=lambda i: min(abs(ordinal(days[i]) - first), abs(ordinal(days[i]) - last)))
    first_after = next((i for i in hits if days[i] > end), None)
    i = first_after if first_after is not None and any(q.kind.startswith("first") for q in c.qualifiers) else nearest
    when = near.ts(i)
    stated = data.span(k.start, k.end).value
    text = explain.misdated_level(c, s, when, float(near.value[i]), data.source_at(when),
                                  explain.then(stated, data.series.unit, k.start == k.end))
    return Verdict(Label.MISDATED, text, "misdated", [k.obs(when)], None, c.precision)
