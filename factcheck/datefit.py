"""Where an undated figure fits the data: the days on which it holds, and how much that says.

A figure that holds on most days ("the policy rate is 0.5%") says little about when a text
was written; one that matches a close to the cent ("66,329.50") says a lot. Each figure gets
three day masks over a calendar of candidate reference dates (:data:`TIERS`): ``exact``
(within the precision it is stated to), ``close`` (the close within the series' allowance,
as a verdict would accept it) and ``range`` (inside the day's high-low range: a quote taken
during the session), and each mask is worth the information it carries: ``-log2`` of the
share of days on which it holds. A day's score is the sum over figures of the bits of the
tightest mask that holds there, so precise figures that agree outweigh loose ones that
merely do not contradict.

A figure dated by a relative phrase places the reference date relative to its day:
"yesterday" one day after, "on Tuesday" within the six days after a Tuesday; an undated
figure or "today" within the lag window (VERDICTS.md rule 6). A figure named a record must
also be a record that day.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from claims.lexicon import MONTHS
from claims import DAILY_MOVE_UNITS, Claim, Kind, QualifierKind, Unit, change_between

from .catalog import Catalog, Series
from .policy import Policy
from .resolve import Mapping
from .observations import Columns
from .store import SeriesData, Store
from .verify import change_tolerance

MAX_BITS = 12.0  # one figure never counts for more than this (a coincidence is always possible)
LATER_DECAY = 0.1  # each day between a figure's day and the reference date costs this share of its weight
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


TIERS = ("exact", "close", "range")  # within the stated precision; at the close within the allowance; in the day's range


@dataclass
class Fit:
    """One figure's fit: a day mask per tier over the calendar (tightest first) and the
    bits each is worth."""

    claim: Claim
    series_id: str
    masks: tuple[np.ndarray, ...]
    bits: tuple[float, ...]
    event: bool  # a record or a decision: something that happens on one day

    def score(self) -> np.ndarray:
        """Per candidate day: the bits of the best-weighted tier that holds."""
        return np.max([mask * bits for mask, bits in zip(self.masks, self.bits)], axis=0)

    @property
    def loose(self) -> np.ndarray:
        return self.masks[-1] > 0

    def holds(self, i: int) -> bool:
        return bool(self.loose[i])


def _bits(mask: np.ndarray) -> float:
    share = np.count_nonzero(mask) / len(mask) if len(mask) else 1.0
    return min(MAX_BITS, -math.log2(max(share, 1.0 / max(len(mask), 1))))


def _level(c: Claim, s: Series, data: SeriesData) -> tuple[np.ndarray, ...]:
    """A level: exactly at the close or the day's extreme; at the close within the
    allowance; anywhere in the day's range (a quote from any hour)."""
    col = data.columns
    values, high, low = col.value, col.high, col.low
    tol = s.hedge_allowance(c.value) if c.hedge else s.level_allowance(c.value)
    loose_tol, exact_tol = c.precision + tol, c.precision + 1e-9
    if c.threshold == "at_least" or (c.extreme and c.direction >= 0 and c.threshold is None):
        return values >= c.value - exact_tol, values >= c.value - loose_tol, high >= c.value - loose_tol
    if c.threshold == "at_most":
        return values <= c.value + exact_tol, values <= c.value + loose_tol, low <= c.value + loose_tol
    off = np.abs(values - c.value)
    exact = off <= exact_tol
    for bar in (high, low):  # a series without bars has its closes there: nothing to add
        if bar is not values:
            exact |= np.abs(bar - c.value) <= exact_tol
    close = off <= loose_tol
    return exact, close, close | ((low - loose_tol <= c.value) & (c.value <= high + loose_tol))


def _move(c: Claim, s: Series, policy: Policy, data: SeriesData) -> tuple[np.ndarray, ...]:
    """A day's move: exactly the close-to-close move; within the allowance of it; anywhere
    between the moves to the day's low and high (a snapshot taken during the session)."""
    chg, up, down = data.memo(("day moves", str(c.unit)), lambda: _day_moves(data.columns, c.unit))
    with np.errstate(all="ignore"):  # a move from a zero rate is no number, and fits no day
        tol = change_tolerance(c, s, policy, np.abs(data.columns.previous())) + c.precision
    if c.direction == 0:
        off = np.abs(np.abs(chg) - abs(c.value))
        return off <= c.precision + 1e-9, off <= tol, off <= tol
    off = np.abs(chg - c.value)
    close = off <= tol
    return off <= c.precision + 1e-9, close, close | ((down - tol <= c.value) & (c.value <= up + tol))


def _day_moves(col: Columns, unit) -> tuple[np.ndarray, ...]:
    """Each day's moves from the previous close to the close, the high and the low, in
    ``unit``: made once per series and unit (every undated move figure reads them); a
    series without bars keeps one array for the three."""
    prev = col.previous()
    with np.errstate(all="ignore"):
        chg = change_between(unit, prev, col.value)
        up = chg if col.high is col.value else change_between(unit, prev, col.high)
        down = chg if col.low is col.value else change_between(unit, prev, col.low)
    return chg, up, down


def _shifted(running: np.ndarray, fill: float) -> np.ndarray:
    """``running`` moved one day later, ``fill`` on the first day."""
    return np.concatenate(([fill], running[:-1]))


def _record(c: Claim, data: SeriesData) -> np.ndarray | None:
    """Days on which the series set a record in the direction the claim names: beyond
    every earlier close, at the close or during the day."""
    q = next((q for q in c.qualifiers if q.kind is QualifierKind.RECORD), None)
    if q is None:
        return None
    col = data.columns
    if q.high_in_series(c.subject_quote):
        return col.high >= _shifted(np.maximum.accumulate(col.value), -np.inf)
    return col.low <= _shifted(np.minimum.accumulate(col.value), np.inf)


def _since(c: Claim, data: SeriesData, tol: float) -> np.ndarray | None:
    """"the highest since 2008": days after 2008 on which no close since the end of 2008
    was higher (within the allowance)."""
    q = next((q for q in c.qualifiers if q.kind is QualifierKind.SINCE and q.since and q.side is not None
              and q.side.value in ("high", "low", "weak", "strong")), None)
    if q is None:
        return None
    parts = q.since.split("-")
    start = pd.Timestamp(int(parts[0]) + 1, 1, 1) if len(parts) == 1 else \
        pd.Timestamp(int(parts[0]), int(parts[1]), 1) + pd.offsets.MonthBegin(1)
    col = data.columns
    first = int(np.searchsorted(col.days, start.value))
    after = col.value[first:]
    ok = np.zeros(len(col.value), dtype=bool)
    if q.high_in_series(c.subject_quote):
        ok[first:] = after >= _shifted(np.maximum.accumulate(after), -np.inf) - tol
    else:
        ok[first:] = after <= _shifted(np.minimum.accumulate(after), np.inf) + tol
    return ok


def _qualified(c: Claim, s: Series, data: SeriesData) -> np.ndarray | None:
    """The days on which the claim's record or "since" qualifier holds, if it has one."""
    masks = [m for m in (_record(c, data), _since(c, data, s.level_allowance(c.value))) if m is not None]
    if not masks:
        return None
    out = masks[0]
    for m in masks[1:]:
        out = out & m
    return out


def _decision(c: Claim, s: Series, store: Store, data: SeriesData) -> np.ndarray | None:
    """"raised rates to 0.75%": a decision happens on the day it is announced (or takes
    effect), not on every day the rate is in force."""
    table = store.decision_days(s.id) if c.event else None
    if table is None or not len(table.rate):
        return None
    if c.kind == Kind.CHANGE:
        step = table.steps() * (100 if c.unit == Unit.BP else 1)
        with np.errstate(invalid="ignore"):  # the first decision has no step: it matches nothing
            hit = np.abs(step - c.value) <= c.precision + 1e-9
    else:
        hit = np.abs(table.rate - c.value) <= c.precision + 1e-9
    return np.isin(data.columns.days, table.days_of(hit))


def observed(c: Claim, s: Series, data: SeriesData, policy: Policy, store: Store):
    """(tier masks, event?) on the series' own days (``data.columns.days``), or ``None``
    for a figure whose day cannot be tested alone (periods, ranges, spreads, moves in
    other units)."""
    decided = _decision(c, s, store, data)
    if decided is not None:
        return (decided, decided, decided), True
    if c.kind == Kind.LEVEL:
        tiers = _level(c, s, data)
    elif c.kind == Kind.CHANGE and c.unit in DAILY_MOVE_UNITS:
        tiers = _move(c, s, policy, data)
    else:
        return None
    qualified = _qualified(c, s, data)
    if qualified is not None:
        tiers = tuple(t & qualified for t in tiers)
    record = any(q.kind is QualifierKind.RECORD for q in c.qualifiers)
    return tuple(np.asarray(t, dtype=bool) for t in tiers), record


@dataclass(frozen=True)
class Place:
    """Where the reference date sits after the figure's day: ``shift`` to ``shift +
    window - 1`` days later (``window`` -1: the lag window), the figure's day being of
    ``weekday`` or on ``month_day`` when the phrase says so."""

    shift: int = 0
    window: int = -1
    weekday: int | None = None
    month_day: tuple[int, int] | None = None


MONTH_DAY_WINDOW = 31  # "on December 19" with no year: written within a month of that day


def placement(c: Claim) -> Place | None:
    """How the phrase dating a figure places it before the reference date; ``None`` when
    it cannot be used without a reference."""
    t = c.time
    if t is None or (not t.text and t.value is None):
        return Place()  # undated: the lag window
    if t.value is not None:
        return None
    name, low = t.pattern, t.text.lower()
    if name in ("today", "now"):
        return Place()
    if name == "yesterday":
        return Place(1, 1)
    if name == "last_night":
        return Place(1, 3)
    if name == "weekday" and not low.startswith(("last", "next", "this", "since", "until", "by")):
        day = next((i for i, n in enumerate(WEEKDAY_NAMES) if n in low), None)
        return Place(0, 7, day) if day is not None else None
    if name in ("month_day", "day_month"):
        m = re.search(r"(?P<mon>[a-z]+)\.?\s+(?P<d>\d{1,2})|(?P<d2>\d{1,2})\w*\s+(?:of\s+)?(?P<mon2>[a-z]+)", low)
        month = MONTHS.get((m.group("mon") or m.group("mon2") or "").rstrip(".")) if m else None
        if month:
            return Place(0, MONTH_DAY_WINDOW, month_day=(month, int(m.group("d") or m.group("d2"))))
    return None


def _calendar_masks(masks: tuple[np.ndarray, ...], col: Columns, calendar: np.ndarray, place: Place,
                    lag: int) -> tuple[np.ndarray, ...]:
    """How well each candidate reference date (``calendar``: sorted nanosecond days)
    agrees with a figure holding on each of ``masks``' days (the series' own, ``col``): 1
    on the day itself (after ``place.shift``), a little less for each day later within the
    window (a note about Friday is likelier written on Friday than on Monday)."""
    keep = None
    if place.weekday is not None:
        keep = col.weekday == place.weekday
    if place.month_day is not None:
        on_day = (col.month == place.month_day[0]) & (col.day == place.month_day[1])
        keep = on_day if keep is None else keep & on_day
    width = lag + 1 if place.window < 0 else place.window
    return tuple(_later(col.on_calendar(mask if keep is None else mask & keep, calendar), place.shift, width)
                 for mask in masks)


def _later(daily: np.ndarray, shift: int, width: int) -> np.ndarray:
    """``daily`` (one entry per calendar day) moved ``shift`` to ``shift + width - 1`` days
    later, each day later weighted less, the largest kept. One row at a time: measured,
    a 3-row array took twice as long as three rows (its column slices are strided)."""
    n = len(daily)
    out = np.zeros(n)
    for k in range(width):  # each later day: the figure's days moved that far, weighted less
        s = shift + k
        if s >= n:
            continue
        if k == 0:
            out[s:] = daily[:n - s]  # weight 1 over zeros: the marks themselves
        else:
            np.maximum(out[s:], daily[:n - s] * max(0.0, 1.0 - LATER_DECAY * min(k, 5)), out=out[s:])
    return out


@dataclass(frozen=True)
class Tiers:
    """One figure's tier masks on its series' own days (tightest first), the bits each is
    worth, and the series' columns the masks are aligned with."""

    masks: tuple[np.ndarray, ...]
    bits: tuple[float, ...]
    columns: Columns

    def best_on(self, ts) -> float | None:
        """The bits of the tightest tier that holds on ``ts`` (its own observation), or
        ``None`` when none does or the series has no observation that day."""
        i = self.columns.position(ts)
        if i is None:
            return None
        return next((b for m, b in zip(self.masks, self.bits) if m[i]), None)


def _testable_series(c: Claim, m: Mapping, catalog: Catalog, store: Store) -> tuple | None:
    """The (series, data) of a figure whose day can be tested alone: a checkable claim on one
    series with data, measured from no other point ("since", a record, a range, a from-level)."""
    if not c.checkable or m.series_id is None or m.spread:
        return None
    if c.since is not None or c.since_text or c.from_record or c.range_low is not None or c.from_level:
        return None
    s, data = catalog.get(m.series_id), store.get(m.series_id)
    return None if s is None or data is None else (s, data)


def observed_tiers(c: Claim, m: Mapping, catalog: Catalog, store: Store, policy: Policy) -> Tiers | None:
    """The tiers of a figure whose day can be tested alone, else ``None``."""
    sd = _testable_series(c, m, catalog, store)
    if sd is None:
        return None
    found = observed(c, *sd, policy, store)
    return Tiers(found[0], tuple(_bits(t) for t in found[0]), sd[1].columns) if found is not None else None


def fit(c: Claim, m: Mapping, catalog: Catalog, store: Store, policy: Policy,
        index: pd.DatetimeIndex) -> Fit | None:
    """The fit of one undated figure over the calendar ``index``, or ``None``."""
    place = placement(c)
    sd = _testable_series(c, m, catalog, store) if place is not None else None
    if sd is None:
        return None
    found = observed(c, *sd, policy, store)
    if found is None:
        return None
    tiers, event = found
    return Fit(c, m.series_id, _calendar_masks(tiers, sd[1].columns, nanoseconds(index), place, policy.lag_days),
               tuple(_bits(t) for t in tiers), event)


_NANOSECONDS: list = [None, None]  # the last calendar asked for and its days as nanoseconds


def nanoseconds(index: pd.DatetimeIndex) -> np.ndarray:
    """``index`` as int64 nanosecond days, kept for the last calendar (a document's figures
    are all fitted over the same one)."""
    if _NANOSECONDS[0] is not index:
        _NANOSECONDS[:] = [index, index.as_unit("ns").asi8]
    return _NANOSECONDS[1]


def distinct_fits(found: list[Claim], mappings: list[Mapping], catalog: Catalog, store: Store, policy: Policy,
                  index: pd.DatetimeIndex) -> list[Fit]:
    """One fit per figure: a number repeated ("2.37% ... the 2.37% yield") counts once. A
    repeat is skipped before its masks are laid on the calendar: each fit holds a few
    calendar-long arrays, and a document of thousands of identical lines kept them all
    (80 KB of short claim lines: 15 s and gigabytes, growing faster than the text)."""
    seen, out = set(), []
    for c, m in zip(found, mappings):
        key = (m.series_id, c.kind, round(c.value, 6), c.unit)
        if key in seen:
            continue
        f = fit(c, m, catalog, store, policy, index)
        if f is not None:
            seen.add(key)
            out.append(f)
    return out
