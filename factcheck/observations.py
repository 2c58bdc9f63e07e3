"""A series' observations as plain numpy arrays, built once per series and process.

The verifier and the date inference ask the same few questions of a series thousands of
times per batch (every day a figure holds on, the close on or before a day); answered
with pandas, each boolean mask or index lookup costs tens of microseconds of
bookkeeping and the arithmetic itself almost nothing. These arrays answer them with
numpy and ``searchsorted`` (a bisection), so the hot path carries no pandas object:
pandas stays where it pays (reading and checking files, DataFrame output).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd


@dataclass(eq=False)
class Columns:
    """One series' days and values, aligned: ``days`` as nanoseconds since the epoch
    (the ``int64`` view of its DatetimeIndex, sorted), the close, and the day's high and
    low (the close where the source gives no bar). The calendar parts of the days (month,
    day, weekday) are made on first use: few figures name a weekday or a date."""

    days: np.ndarray
    value: np.ndarray
    high: np.ndarray
    low: np.ndarray
    _calendars: dict = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, frame: pd.DataFrame) -> "Columns":
        value = frame["value"].to_numpy(dtype=float)
        high = low = value
        if {"high", "low"} <= set(frame.columns):
            high = np.where(np.isnan(h := frame["high"].to_numpy(dtype=float)), value, h)
            low = np.where(np.isnan(w := frame["low"].to_numpy(dtype=float)), value, w)
        return cls(frame.index.as_unit("ns").asi8.copy(), value, high, low)

    @cached_property
    def _index(self) -> pd.DatetimeIndex:
        return pd.DatetimeIndex(self.days.view("datetime64[ns]"))

    @cached_property
    def month(self) -> np.ndarray:
        return self._index.month.to_numpy()

    @cached_property
    def day(self) -> np.ndarray:
        return self._index.day.to_numpy()

    @cached_property
    def weekday(self) -> np.ndarray:
        """Monday 0."""
        return self._index.day_of_week.to_numpy()

    def previous(self) -> np.ndarray:
        """Each day's previous close (NaN on the first day)."""
        return np.concatenate(([np.nan], self.value[:-1]))

    def position(self, ts: pd.Timestamp | int) -> int | None:
        """The position of the observation dated exactly ``ts``, or ``None``."""
        key = ts if isinstance(ts, (int, np.integer)) else pd.Timestamp(ts).value
        i = int(np.searchsorted(self.days, key))
        return i if i < len(self.days) and self.days[i] == key else None

    def on_calendar(self, mask: np.ndarray, calendar: np.ndarray) -> np.ndarray:
        """``mask`` (one entry per observation) laid on ``calendar`` (sorted nanosecond
        days): 1.0 where a day holds an observation whose mask is set, else 0.0."""
        where, inside = self._placed(calendar)
        out = np.zeros(len(calendar))
        out[where] = mask[inside]
        return out

    def _placed(self, calendar: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Where this series' days sit on ``calendar`` and which of them are on it; kept
        per calendar (a process asks about one or two)."""
        key = (len(calendar), int(calendar[0]), int(calendar[-1])) if len(calendar) else (0, 0, 0)
        placed = self._calendars.get(key)
        if placed is None:
            pos = np.searchsorted(calendar, self.days)
            inside = pos < len(calendar)
            inside[inside] = calendar[pos[inside]] == self.days[inside]
            placed = self._calendars[key] = (pos[inside], inside)
        return placed


_NAT = np.iinfo(np.int64).min  # NaT as an int64 nanosecond day


@dataclass(eq=False)
class DecisionDays:
    """A bank's decisions table as arrays, built once per series and process: the rate
    set by each decision and the days it was announced and took effect (nanoseconds,
    ``NaT`` where the table leaves a day out). The date inference asks it, for every
    figure of a decision ("raised rates to 0.75%"), on which days such a decision fell."""

    rate: np.ndarray
    announced: np.ndarray
    effective: np.ndarray

    @classmethod
    def of(cls, table: pd.DataFrame) -> "DecisionDays":
        def days(name: str) -> np.ndarray:
            return pd.DatetimeIndex(table[name]).as_unit("ns").asi8.copy()

        return cls(table["rate_percent"].to_numpy(dtype=float), days("announced"), days("effective"))

    def steps(self) -> np.ndarray:
        """Each decision's change of the rate, in points (NaN for the first)."""
        return np.concatenate(([np.nan], np.diff(self.rate)))

    def days_of(self, hit: np.ndarray) -> np.ndarray:
        """The announcement and effective days of the decisions ``hit`` marks."""
        both = np.concatenate((self.announced[hit], self.effective[hit]))
        return both[both != _NAT]


NS_PER_DAY = 86_400 * 10**9
EPOCH_ORDINAL = 719_163  # date(1970, 1, 1).toordinal()


def ordinal(ns: int) -> int:
    """The proleptic ordinal (``date.toordinal``) of a nanosecond day."""
    return int(ns) // NS_PER_DAY + EPOCH_ORDINAL


@dataclass(frozen=True, eq=False)
class Window:
    """The observations ``lo`` to ``hi - 1`` of one series (a :class:`factcheck.store.
    SeriesData`), read as arrays: what a verdict checker asks of the days a claim speaks
    of (the nearest close, the extreme, the days a test holds) without building a pandas
    slice per claim. Days come back as the frame's own index labels (``ts``), so
    explanations and evidence read the same as before."""

    data: object
    lo: int
    hi: int

    def __len__(self) -> int:
        return max(self.hi - self.lo, 0)

    @property
    def empty(self) -> bool:
        return self.hi <= self.lo

    @property
    def days(self) -> np.ndarray:
        return self.data.columns.days[self.lo:self.hi]

    @property
    def value(self) -> np.ndarray:
        return self.data.columns.value[self.lo:self.hi]

    def column(self, name: str) -> np.ndarray:
        """A column of the frame as it is (NaN where a source gives no bar)."""
        return self.data.column(name)[self.lo:self.hi]

    def ts(self, i: int) -> pd.Timestamp:
        """The index label of the window's ``i``-th day (negative from the end)."""
        return self.data.frame.index[self.lo + (i if i >= 0 else len(self) + i)]

    @property
    def has_bars(self) -> bool:
        """The source gives intraday highs and lows for some of these days."""
        return self.data.has_column("high") and self.data.has_column("low") and \
            bool((~np.isnan(self.column("high"))).any())

    def where(self, test) -> list[int]:
        """The positions whose close passes ``test`` (a function of one float)."""
        return [i for i, v in enumerate(self.value.tolist()) if test(v)]
