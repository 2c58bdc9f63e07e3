"""A move over a period read from every start a careful reader would accept.

"Up 50 bp compared to January levels", "gained 15% this year", "has lost 9% over the past
month", "rose 60 bp since mid-March": the text names a period, not the close the move is
measured from. The checker of :mod:`.changes` takes one start (the last close before the
period); this reading takes them all: every close of a month named as the start ("January
levels"), the close before a year or month and its first close ("this year", "in
September"), the close a stated distance back and the next one ("over the past month"),
the close before a stated day and its own (and its intraday high and low: "from its July 11
peak"). A period a table's layout names ("m/m", "YTD", "Quarter:") is a convention with one
start, the close before the period (:mod:`claims.periodlabels`): only its end may vary. The move holds when it lies within its tolerance of the span of moves from those
starts to the period's last close (or any price of that day's bar, when that day is the
document's own: a piece written during the session): approximately accurate, since it
holds from a start other than the usual one. The evidence gives the
span: "from any January close: +45.1 to +55.2 bp".
"""
from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd

from claims import Kind, Threshold, change_between, periodlabels

from ..labels import Label
from . import explain
from .case import Case, month_bounds
from .changes import LINE_SHARE
from .tolerance import change_tolerance, grade
from .verdict import Verdict


def has_period(k: Case) -> bool:
    c = k.c
    return c.kind == Kind.CHANGE and not c.from_record and not c.event and (
        (c.since is not None and bool(c.since.value or c.since.days)) or c.time.precision in ("month", "year")
        or bool(c.time.days and c.time.role == "point"))


def starts(k: Case, end_ts: pd.Timestamp) -> tuple[str, pd.Series] | None:
    """The closes the period's move may be measured from, and how the text names them (a
    stated day by its date, YYYY-MM-DD): consecutive closes before ``end_ts``, found by
    bisection of the series' days."""
    c, values = k.c, k.data.values
    days = k.data.columns.days
    n = int(np.searchsorted(days, end_ts.value, side="left"))  # the closes before end_ts

    def cut(day, side: str) -> int:
        return int(np.searchsorted(days[:n], pd.Timestamp(day).value, side=side))

    def closes(a: int, b: int) -> pd.Series:
        return values.iloc[max(a, 0):min(max(b, 0), n)]

    since = c.since
    if since is not None and since.days:
        at = cut(end_ts.date() - timedelta(days=since.days), "right")
        return since.text or f"{since.days} days back", closes(at - 1, at + 1)  # on or before, and the next
    if c.time.days and c.time.role == "point" and since is None:
        at = cut(end_ts.date() - timedelta(days=c.time.days), "right")
        return c.time.text or f"{c.time.days} days back", closes(at - 1, at + 1)
    value = since.value if since is not None and since.value else c.time.value
    if not value:
        return None
    if len(value) == 10 and since is not None and since.pattern.startswith(periodlabels.PREFIX):
        at = cut(value, "right")
        return value, closes(at - 1, at)  # a column's period: its one close
    if len(value) == 10:  # "since Monday", "this year" (from January 1): the close before it or its own
        at = cut(date.fromisoformat(value), "left")
        return value, closes(at - 1, at + 1)
    first, last = (month_bounds(value) if len(value) == 7 else (date(int(value), 1, 1), date(int(value), 12, 31)))
    a, b = cut(first, "left"), cut(last, "right")  # the closes inside the period
    named_as_start = since is not None and len(value) == 7  # "compared to January levels": any January close
    return value, closes(a - 1, b if named_as_start else min(a + 1, b))  # the close before, then inside


def other_starts(k: Case) -> Verdict | None:
    """The move read from every start the period allows (see the module docstring), to
    the period's last close."""
    c, s = k.c, k.s
    found_end = k.data.on_or_before(k.end)
    found = starts(k, found_end[0]) if found_end is not None else None
    if found is None or found[1].empty:
        return None
    end_ts, end_v = found_end
    named, bases = found
    stated_day = len(named) == 10 and named[4] == "-"  # "from its July 11 peak": that day's bar too
    firsts = list(bases.values) + (_bar(k, bases.index[-1]) if stated_day else [])
    lasts = [end_v] + (_bar(k, end_ts) if k.ref is not None and end_ts.date() == k.ref else [])
    moves = [change_between(c.unit, a, b) for a in firsts for b in lasts]
    lo, hi = min(moves), max(moves)
    dist = _distance(c, lo, hi)
    tol = change_tolerance(c, s, k.policy, float(bases.iloc[0]))
    if c.threshold in (Threshold.AT_LEAST, Threshold.AT_MOST):
        tol = min(tol, LINE_SHARE * abs(c.value))  # as for one start (changes._change_threshold)
    label = grade(dist, c.precision, tol)
    if label == Label.ACCURATE and len(bases) > 1:
        label = Label.APPROXIMATELY_ACCURATE  # it holds from a start other than the usual one
    text = explain.period_starts(c, s, named, bases.index[0], bases.index[-1], end_ts, lo, hi, dist, tol, label)
    obs = [k.obs(bases.index[0]), k.obs(bases.index[-1]), k.obs(end_ts)]
    return Verdict(label, text, "period_starts", obs, dist, c.precision + (0.0 if label == Label.ACCURATE else tol))


def _bar(k: Case, ts: pd.Timestamp) -> list[float]:
    """The day's intraday low and high, where the data have them: a period may start at a
    stated day's peak ("from its July 11 peak") and end during the document's own session."""
    if not (k.data.has_column("high") and k.data.has_column("low")):
        return []
    lo, hi = k.data.cell(ts, "low"), k.data.cell(ts, "high")
    return [float(lo), float(hi)] if lo == lo and hi == hi else []


def _distance(c, lo: float, hi: float) -> float:
    """How far the stated move is from the span of moves [lo, hi] (0 inside); a "more than"
    move only needs the span to reach it, an "at most" one to stay under it."""
    claimed = c.value
    if c.direction == 0 and c.value > 0 and hi < 0:
        claimed = -c.value
    if c.threshold == Threshold.AT_LEAST:
        reach = hi if claimed >= 0 else lo
        return max(abs(claimed) - abs(reach), 0.0) * (1 if claimed >= 0 else -1)
    if c.threshold == Threshold.AT_MOST:
        inner = min(abs(lo), abs(hi)) if lo * hi > 0 else 0.0
        return max(inner - abs(claimed), 0.0)
    return 0.0 if lo <= claimed <= hi else claimed - (hi if claimed > hi else lo)
