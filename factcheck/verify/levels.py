"""Levels: a stated value ("at 2.33%"), a range ("between 1.49% and 1.58%") and a line
crossed or touched ("above 4%", "touched 141.7 per dollar")."""
from __future__ import annotations

import re
from typing import Callable

import pandas as pd

from claims import Claim, Kind, Side, Threshold

from . import explain
from .case import Case
from ..labels import Label
from .qualifiers import with_qualifiers
from .stale import stale_level
from .tolerance import EPS, bar_allowance, grade, level_allowance
from .verdict import Verdict


def on_observations(check: Callable[[Case, pd.DataFrame], Verdict]) -> Callable[[Case], Verdict]:
    """A checker of the window's observations; with none in the window, unverifiable."""
    def run(k: Case) -> Verdict:
        frame = k.frame()
        if frame.empty:
            return Verdict(Label.UNVERIFIABLE, explain.no_observation(k.s.id, k.start, k.end), "no_data_for_date")
        return check(k, frame)
    run.__doc__ = check.__doc__
    return run


def has_bars(frame: pd.DataFrame) -> bool:
    """The source gives intraday highs and lows for these days."""
    return {"high", "low"} <= set(frame.columns) and frame["high"].notna().any()


@on_observations
def check_level(k: Case, frame: pd.DataFrame) -> Verdict:
    c, s = k.c, k.s
    values = frame["value"]
    if c.intraday and has_bars(frame):
        inside = intraday_reading(k)
        if inside is not None and inside.label.supports:
            return inside
    best_ts = (values - c.value).abs().idxmin()
    best = float(values[best_ts])
    diff = c.value - best
    allowed = level_allowance(c, s, above=diff > 0)
    label = grade(diff, c.precision, allowed)
    if label == Label.INACCURATE:
        moved = misdated_level(k, lambda v: abs(c.value - v) <= c.precision + EPS) or \
            stale_level(k, lambda v: abs(c.value - v) <= c.precision + allowed + EPS)
        if moved is not None:
            return moved
    text = explain.level(c, s, k.source(best_ts), best_ts, best, diff, allowed, abs(diff) <= allowed + EPS, label)
    v = Verdict(label, text, "level", used_observations(k, values, best_ts), diff, c.precision + allowed)
    return with_qualifiers(k, best_ts, v)


def used_observations(k: Case, values: pd.Series, best_ts: pd.Timestamp) -> list:
    """The evidence a level verdict shows: for a day (and the lag window before it) the
    days read; for a month or a year, the day the verdict cites, not the period's last days."""
    if (k.end - k.start).days > k.policy.lag_days:
        return [k.obs(best_ts)]
    return [k.obs(ts) for ts in values.index[-4:]]


def intraday_reading(k: Case) -> Verdict | None:
    """The claim read as a quote taken during the session: inside a day's high-low range
    (the day of the window nearest to it), give or take the precision and the bar
    allowance (:func:`.tolerance.bar_allowance`). None when the data have no bars there."""
    frame = k.frame()
    if frame.empty or not has_bars(frame):
        return None
    c, s = k.c, k.s
    best = None
    for ts, row in frame.dropna(subset=["high", "low"]).iterrows():
        lo, hi = float(row["low"]), float(row["high"])
        dist = 0.0 if lo <= c.value <= hi else c.value - (hi if c.value > hi else lo)
        if best is None or abs(dist) <= abs(best[0]):
            best = (dist, ts, lo, hi)
    dist, ts, lo, hi = best
    allowed = bar_allowance(c, s)
    label = grade(dist, c.precision, allowed)
    text = explain.intraday_range(c, s, ts, lo, hi, dist, allowed, label)
    v = Verdict(label, text, "intraday_range", [k.obs(ts, lo, "intraday low"), k.obs(ts, hi, "intraday high")],
                dist, c.precision + (0.0 if label == Label.ACCURATE else allowed))
    return with_qualifiers(k, ts, v, at=min(max(c.value, lo), hi))


@on_observations
def check_range(k: Case, frame: pd.DataFrame) -> Verdict:
    c, s = k.c, k.s
    values = frame["value"]
    lo, hi = sorted((c.range_low, c.range_high))
    vmin, vmax = float(values.min()), float(values.max())
    obs = [k.obs(values.idxmin(), fld="min"), k.obs(values.idxmax(), fld="max")]
    out = max(lo - vmin, vmax - hi, 0.0)
    allowed = s.level_allowance(c.value)
    label = grade(out, c.precision, allowed)
    text = explain.range_(s, k.source(values.idxmin()), values.index[0], values.index[-1], vmin, vmax, lo, hi, out,
                          label)
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
    frame = k.frame()
    return None if frame.empty else _side(k, frame)


def _side(k: Case, frame: pd.DataFrame) -> Threshold:
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
        direction = -1 if c.value < float(frame["value"].iloc[-1]) else 1
    return Threshold.AT_MOST if direction < 0 else Threshold.AT_LEAST


@on_observations
def check_threshold(k: Case, frame: pd.DataFrame) -> Verdict:
    c, s = k.c, k.s
    side = _side(k, frame)
    at_least = side == Threshold.AT_LEAST
    denied = negated(c)  # "failed to close above X": every close stayed on the near side
    col = ("high" if at_least else "low") if c.intraday and has_bars(frame) and not denied else "value"
    series = frame[col].dropna()
    if series.empty:
        series, col = frame["value"], "value"
    ext_ts = series.idxmax() if at_least else series.idxmin()
    ext = float(series[ext_ts])
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
    text = explain.threshold(c, s, obs[0].source, at_least, col != "value", series.index[0], series.index[-1],
                             ext, ext_ts, short, allowed, label, denied)
    difference = -short if at_least or label != Label.ACCURATE else short
    v = Verdict(label, text, "threshold", obs, difference, prec + (0.0 if label == Label.ACCURATE else allowed))
    return with_qualifiers(k, ext_ts, v, side=side)


def misdated_level(k: Case, test: Callable[[float], bool]) -> Verdict | None:
    """A value wrong for the stated time but right for the same series nearby."""
    if not k.explicit or k.plain:
        return None
    c, s, data = k.c, k.s, k.data
    lo, hi = k.misdated_span()
    values = data.window(lo, hi)["value"]
    hits = values[values.map(test)]
    hits = hits[(hits.index < pd.Timestamp(k.start)) | (hits.index > pd.Timestamp(k.end))]
    if hits.empty:
        return None
    nearest = min(hits.index, key=lambda ts: min(abs((ts.date() - k.start).days), abs((ts.date() - k.end).days)))
    after = hits[hits.index > pd.Timestamp(k.end)]
    first_after = after.index[0] if not after.empty else None
    when = first_after if first_after is not None and any(q.kind.startswith("first") for q in c.qualifiers) else nearest
    stated = data.window(k.start, k.end)["value"]
    text = explain.misdated_level(c, s, when, float(values[when]), data.source_at(when),
                                  explain.then(stated, data.series.unit, k.start == k.end))
    return Verdict(Label.MISDATED, text, "misdated", [k.obs(when)], None, c.precision)
