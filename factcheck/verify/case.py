"""One claim checked against one series: the claim, the series and its data, the window of
days the claim speaks of, and the helpers every checker shares."""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from claims import Claim, DateBasis, Kind

from ..catalog import Series
from ..policy import Policy
from ..observations import Window
from ..store import SeriesData, Store
from .verdict import Observed


def month_bounds(value: str) -> tuple[date, date]:
    y, m = map(int, value.split("-")[:2])
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def since_start(value: str) -> date:
    """The first day of a "since" phrase's day (``YYYY-MM-DD``), month or year ("since
    2020": a year alone raised ValueError and lost the document)."""
    if len(value) == 10:
        return date.fromisoformat(value)
    return month_bounds(value)[0] if "-" in value else date(int(value[:4]), 1, 1)


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    y += d.year
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def explicit(c: Claim) -> bool:
    """The text itself dates the claim (a time phrase bound to it)."""
    return c.date_basis == DateBasis.EXPLICIT and c.time is not None and bool(c.time.text)


def window(c: Claim, ref: date | None, policy: Policy) -> tuple[date, date]:
    """The days a claim speaks of: its day (or the lag window before an undated one), the
    period of a level measured "since", a stated week, month or year."""
    t = c.time
    lag = policy.lag_days
    if t.precision == "day":
        d = date.fromisoformat(t.value)
        if c.since is not None and c.since.value and c.kind == Kind.LEVEL:
            s = c.since.value
            return since_start(s), d
        if c.date_basis == DateBasis.EXPLICIT and t.days and t.role == "point" and t.pattern == "ago":
            return d - timedelta(days=t.days), d + timedelta(days=t.days)  # "three years ago": around that day
        if c.date_basis == DateBasis.EXPLICIT and t.days and t.role == "point":
            return d - timedelta(days=t.days - 3), d  # "last week": Monday to Friday
        if c.date_basis in (DateBasis.EXPLICIT, DateBasis.CARRIED) and (ref is None or d != ref):
            return d, d
        return d - timedelta(days=lag), d
    if t.precision == "month":
        a, b = month_bounds(t.value)
        if ref is not None and a <= ref <= b:
            b = ref
        return a, b
    if t.precision == "year":
        y = int(t.value[:4])
        return date(y, 1, 1), date(y, 12, 31)
    return (ref or date.today()) - timedelta(days=lag), ref or date.today()


@dataclass
class Case:
    c: Claim
    s: Series
    data: SeriesData
    start: date
    end: date
    ref: date | None
    policy: Policy
    store: Store
    inferred_reference: bool = False  # the document's date was worked out from its figures
    plain: bool = False  # read the claim at its own time only: no search for another date (misdated)
    others: tuple = ()  # (Series, SeriesData) the claim may be about instead (verify.candidates)
    preceding: str = ""  # the sentence before the claim's, in its paragraph (verify.hours)
    heading: str = ""  # the document's first line ("Monthly markets recap": verify.unstated)

    @property
    def explicit(self) -> bool:
        return explicit(self.c)

    def frame(self) -> pd.DataFrame:
        """The observations of :meth:`rows` as a frame."""
        rows = self.rows()
        return self.data.frame.iloc[rows.lo:rows.hi]

    def rows(self) -> Window:
        """The observations in the window, by position; for an explicit day without a
        print, the last ones before it (within the lag)."""
        rows = self.data.span(self.start, self.end)
        if rows.empty and self.start == self.end:
            rows = self.data.span(self.start - timedelta(days=self.policy.lag_days), self.end)
        return rows

    def obs(self, ts: pd.Timestamp, value: float | None = None, fld: str = "close") -> Observed:
        """An observation of the day ``ts``; an intraday high or low names the bars' source
        (often not the close's: USD/JPY closes are FRED's noon rate, its bars Yahoo's)."""
        v = float(self.data.cell(ts, "value")) if value is None else float(value)
        source = self.data.bar_source_at(ts) if fld.startswith("intraday") else self.data.source_at(ts)
        return Observed(ts.date().isoformat(), round(v, 6), source, fld)

    def source(self, ts: pd.Timestamp) -> str:
        return self.data.source_at(ts)

    def misdated_span(self) -> tuple[date, date]:
        """How far around the stated time a right value makes a claim misdated rather than
        wrong: ten days around a stated day, the policy's months around a month or year;
        never after the document's own date (a text cannot report what had not happened)."""
        if self.c.time.precision == "day":
            lo, hi = self.start - timedelta(days=10), self.end + timedelta(days=10)
        else:
            months = self.policy.misdated_window_months
            lo, hi = add_months(self.start, -months), add_months(self.end, months)
        return lo, min(hi, self.ref) if self.ref is not None and self.ref >= self.end else hi
