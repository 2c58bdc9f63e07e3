"""The document's reference date: given, written in the text, or worked out from the data.

Order of evidence:

1. a date the caller gives (``basis: given``);
2. a full date the text writes for itself: a dateline, "As of <date>", the date of its lede
   (``basis: text``; :mod:`claims.dateline`);
3. otherwise the data decide, within what the text does say: a dateline's day and month
   without a year, the weekday it names for itself, and no earlier than the latest dated fact
   it reports. Each candidate day is scored by how well the undated figures fit there
   (:mod:`factcheck.datefit`: precise figures that match count for more than loose ones that
   merely do not contradict); among the best days a day the body names ("announced on
   December 19") wins, else the first day of the latest run of best days: the session the
   figures were observed on, not the weekend after it;
4. a piece that splices figures from different days is dated no earlier than the latest
   event it reports: a record that the figures name and that happened after the best day
   moves the date to that record's day, and the figures that fit only the earlier day are
   then stale (the verifier says so), never a reason to date the piece back;
5. a day and month without a year and no figure to place it: the latest such day the data
   cover (``detail.year`` says it was assumed); nothing at all: no date, and the report says
   the text does not pin one.

The result carries what decided it (``detail``), so a reader can judge it. Today's date is
never used.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import numpy as np
import pandas as pd

from claims import Claim
from claims.dateline import WrittenDate, body_month_days, find_written_date, lede_weekday, past_dates

from .catalog import Catalog
from .datefit import Fit, distinct_fits, fit
from .observations import NS_PER_DAY, ordinal
from .policy import Policy
from .resolve import Mapping
from .store import Store

INFERENCE_START = pd.Timestamp("1990-01-01")
AMBIGUOUS_DAYS = 90  # more best days than a quarter's worth: the date is not pinned down
TIE_BITS = 0.5  # days within this of the best score are as good as the best
MIN_BITS = 4.0  # below this the figures say too little to date the text
EVENT_HORIZON_DAYS = 62  # how far after the best day a reported record may move the date
LEDE_BITS = 2.0  # a day of the weekday the lede reports on ("plunged on Friday")
MARGIN_BITS = 0.25  # an undated text: its best day must beat every day far from it by this much
RIVAL_DAYS = 10  # "far": more than this many days from the chosen run
RECENT_BITS_PER_YEAR = 1.0  # a dateline without a year: each year further back costs this much


@dataclass
class ReferenceDate:
    date: date | None
    basis: str  # given | text | inferred | none
    published: date | None = None
    detail: dict = field(default_factory=dict)


@dataclass
class Evidence:
    """Everything the inference weighs, over one calendar of candidate days."""

    index: pd.DatetimeIndex
    allowed: np.ndarray
    fits: list[Fit]
    written: WrittenDate
    body_days: set[tuple[int, int]]
    lede_weekday: int | None = None
    not_before: date | None = None
    named_days: set[date] = field(default_factory=set)

    @property
    def days(self) -> "CalendarDays":
        return calendar_days(self.index)

    def names(self, i: int) -> bool:
        days = self.days
        return (int(days.month[i]), int(days.day[i])) in self.body_days or \
            (bool(self.named_days) and date.fromordinal(ordinal(days.ns[i])) in self.named_days)

    @property
    def total(self) -> np.ndarray:
        score = np.sum([f.score() for f in self.fits], axis=0) if self.fits else np.zeros(len(self.index))
        return np.where(self.allowed, score + self.prior(), -1.0)

    def prior(self) -> np.ndarray:
        """What the text says without the data: the weekday its lede reports on; for a
        dateline without a year, that recent years are likelier than old ones."""
        out = np.zeros(len(self.index))
        if self.lede_weekday is not None and self.fits and self.written.month_day is not None:
            out += np.where(self.days.weekday == self.lede_weekday, LEDE_BITS, 0.0)
        if self.written.month_day is not None and self.allowed.any():
            ns = self.days.ns
            last = ns[np.flatnonzero(self.allowed)[-1]]
            out -= RECENT_BITS_PER_YEAR * np.maximum(0, ((last - ns) // NS_PER_DAY) / 365.25).round()
        return out

    def agreeing(self, i: int) -> int:
        return sum(f.holds(i) for f in self.fits)


def given_or_written(text: str, published: date | None) -> ReferenceDate | None:
    """Steps 1 and 2: the caller's date or the text's own full date."""
    if published is not None:
        return ReferenceDate(published, "given", published)
    written = find_written_date(text)
    if written.date is not None:
        return ReferenceDate(written.date, "text", written.date, {"from": written.how})
    return None


def _allowed(index: pd.DatetimeIndex, written: WrittenDate, not_before: date | None) -> np.ndarray:
    days = calendar_days(index)
    ok = np.ones(len(index), dtype=bool)
    if written.month_day is not None:
        ok &= (days.month == written.month_day[0]) & (days.day == written.month_day[1])
    if written.weekday is not None:
        ok &= days.weekday == written.weekday
    if not_before is not None:
        ok &= days.ns >= pd.Timestamp(not_before).value
    return ok


def latest_fact(found: list[Claim]) -> date | None:
    """The latest day a checkable figure is explicitly dated to with a year of its own
    ("on August 5, 2024", "in January 2025"): the text is no older than that."""
    days = []
    for c in found:
        t = c.time
        if c.checkable and t is not None and t.value and not t.relative and t.role == "point":
            days.append(date.fromisoformat(t.value + "-01" * (3 - len(t.value.split("-")))))
    return max(days, default=None)


@lru_cache(maxsize=4)
def calendar(vintage: str) -> pd.DatetimeIndex:
    """The candidate reference dates, every day from :data:`INFERENCE_START` to the data's
    vintage: made once per vintage (every undated document and figure asks)."""
    return pd.date_range(INFERENCE_START, pd.Timestamp(vintage), freq="D")


@dataclass(frozen=True)
class CalendarDays:
    """The calendar's days as arrays: month, day of the month, weekday (Monday 0) and
    nanoseconds, for the masks the inference lays over it."""

    month: np.ndarray
    day: np.ndarray
    weekday: np.ndarray
    ns: np.ndarray


_DAYS: list = [None, None]  # the last calendar asked for and its CalendarDays


def calendar_days(index: pd.DatetimeIndex) -> CalendarDays:
    """``index``'s fields as arrays, made once for the calendar of :func:`calendar`."""
    if _DAYS[0] is not index:
        _DAYS[:] = [index, CalendarDays(index.month.to_numpy(), index.day.to_numpy(), index.day_of_week.to_numpy(),
                                        index.as_unit("ns").asi8)]
    return _DAYS[1]


def evidence(text: str, found: list[Claim], mappings: list[Mapping], catalog: Catalog, store: Store,
             policy: Policy) -> Evidence:
    index = calendar(store.vintage)
    fits = distinct_fits(found, mappings, catalog, store, policy, index)
    written, not_before = find_written_date(text), latest_fact(found)
    named = {d for m in past_dates(text) if (d := m.as_date()) is not None}
    return Evidence(index, _allowed(index, written, not_before), fits, written, body_month_days(text),
                    lede_weekday(text), not_before, named)


def infer(text: str, found: list[Claim], mappings: list[Mapping], catalog: Catalog, store: Store,
          policy: Policy) -> ReferenceDate:
    """Steps 3 to 5 (see the module docstring)."""
    ev = evidence(text, found, mappings, catalog, store, policy)
    if not ev.allowed.any():
        return ReferenceDate(None, "none", detail={"reason": "the date the text writes is outside the data"})
    total = ev.total
    best = float(total.max())
    if not ev.fits or best < MIN_BITS:
        return _from_text_alone(ev, "no figure places the text in time" if not ev.fits
                                else "the figures fit too many days to date the text")
    top = np.flatnonzero(total >= best - TIE_BITS)
    chosen, how = _choose(ev, top, total)
    if chosen is None:
        return _from_text_alone(ev, f"the figures do not pin down a date ({len(top)} days fit equally well)")
    moved = _latest_event(ev, chosen)
    detail = {"window": [ev.index[top[0]].date().isoformat(), ev.index[top[-1]].date().isoformat()],
              "agreeing": ev.agreeing(chosen), "claims": len(ev.fits), "dates_with_full_agreement": int(len(top)),
              "note": how}
    if moved is not None:
        detail["latest_event"] = f"{moved[1]} reported for {ev.index[moved[0]].date()}: dated no earlier"
        chosen = moved[0]
    if ev.written.month_day is not None:
        detail["dateline"] = f"month {ev.written.month_day[0]}, day {ev.written.month_day[1]}; year inferred from the data"
    return ReferenceDate(ev.index[chosen].date(), "inferred", detail=detail)


def _choose(ev: Evidence, top: np.ndarray, total: np.ndarray) -> tuple[int | None, str]:
    """Among the best days: one the text names, else the first day of the first run of
    best days after the latest dated fact, else of the latest run; ``None`` when the best
    days are too many or another period fits nearly as well."""
    named = [i for i in top if ev.names(i)]
    if named:
        return named[-1], "the latest day the text names on which the figures fit best"
    runs = _runs(top)
    run = runs[0] if ev.not_before is not None else runs[-1]
    if ev.written.month_day is None:
        if len(top) > AMBIGUOUS_DAYS or _rival(ev, run, total) > total[run[0]] - MARGIN_BITS:
            return None, ""
    how = "first run after the latest dated fact" if ev.not_before is not None else "latest run"
    return int(run[0]), f"first day of the {how} of days on which the figures fit best"


def _runs(top: np.ndarray) -> list[list[int]]:
    """Best days grouped into runs (gaps of at most four days: a weekend and a holiday)."""
    runs: list[list[int]] = []
    for i in top:
        if runs and i - runs[-1][-1] <= 4:
            runs[-1].append(int(i))
        else:
            runs.append([int(i)])
    return runs


def _rival(ev: Evidence, run: list[int], total: np.ndarray) -> float:
    """The best score on a day well away from the chosen run: a text whose figures fit two
    periods about equally is not pinned to either."""
    away = np.ones(len(total), dtype=bool)
    away[max(0, run[0] - RIVAL_DAYS):run[-1] + RIVAL_DAYS + 1] = False
    return float(total[away].max()) if away.any() else -1.0


def _latest_event(ev: Evidence, chosen: int) -> tuple[int, str] | None:
    """A record or decision the text reports that had not happened by the chosen day but
    did soon after: the text cannot be older than that. Of the days it could be, the one
    it fits best (the earliest of those)."""
    latest = None
    for f in ev.fits:
        if not f.event or f.holds(chosen):
            continue
        window = slice(chosen + 1, chosen + 1 + EVENT_HORIZON_DAYS)
        score = np.where(ev.allowed[window], f.score()[window], 0.0)
        if score.max() <= 0:
            continue
        day = chosen + 1 + int(np.argmax(score))
        if latest is None or day > latest[0]:
            latest = (day, f"an event ({f.claim.text}, {f.series_id})")
    return latest


def _from_text_alone(ev: Evidence, reason: str) -> ReferenceDate:
    """No figure decides: a written day and month is taken in the latest year the data
    cover (its weekday, when the text names one, agreeing); else no date."""
    if ev.written.month_day is None:
        return ReferenceDate(None, "none", detail={"reason": reason, "claims": len(ev.fits)})
    last = int(np.flatnonzero(ev.allowed)[-1])
    day = ev.index[last].date()
    return ReferenceDate(day, "inferred", detail={
        "dateline": f"month {ev.written.month_day[0]}, day {ev.written.month_day[1]}",
        "year": f"assumed: the latest such day the data cover ({reason})", "claims": len(ev.fits)})


def own_best_date(c: Claim, m: Mapping, catalog: Catalog, store: Store, policy: Policy) -> date | None:
    """With no reference date for the document, the latest day on which this figure alone
    holds (its own best window); ``None`` when it never does."""
    index = calendar(store.vintage)
    f = fit(c, m, catalog, store, policy, index)
    if f is None or not f.loose.any():
        return None
    return index[np.flatnonzero(f.loose)[-1]].date()
