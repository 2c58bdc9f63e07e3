"""A series' history as arrays, for the qualifier checkers ("the highest since 2008", "a
record", "for the first time"): the values before a day, those beyond a level, the last
of them, the extreme.

These questions read the whole history (decades of closes) for every qualified claim;
asked of a pandas Series, each boolean selection or label lookup costs tens of
microseconds of bookkeeping. A :class:`History` is the same selection as numpy arrays (the
days, the values and their positions in the series' frame), and gives back the frame's own
day labels, so explanations read exactly as before.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..store import SeriesData


@dataclass(frozen=True, eq=False)
class History:
    """Some of one series' values in day order: ``days`` (nanoseconds), ``values`` and
    ``pos``, their rows in ``index`` (the series frame's index, for the labels); ``pos``
    is ``None`` while they are the first rows of the frame (the closes up to a day), which
    spares an array of positions per series."""

    index: pd.DatetimeIndex
    days: np.ndarray
    values: np.ndarray
    pos: np.ndarray | None

    @classmethod
    def of(cls, data: SeriesData, column: str = "value") -> "History":
        """A column's values where the column has one (all closes; the days with an
        intraday high or low), made once per series and column."""
        def make() -> History:
            if column == "value":
                col = data.columns
                return cls(data.frame.index, col.days, col.value, None)
            raw = data.frame[column].to_numpy(dtype=float)
            pos = np.flatnonzero(~np.isnan(raw))
            return cls(data.frame.index, data.columns.days[pos], raw[pos], pos)

        return data.memo(("history", column), make)

    def __len__(self) -> int:
        return len(self.days)

    @property
    def empty(self) -> bool:
        return not len(self.days)

    def ts(self, i: int) -> pd.Timestamp:
        """The frame's label of the ``i``-th value (negative from the end)."""
        if self.pos is None:
            return self.index[i if i >= 0 else len(self.days) + i]
        return self.index[int(self.pos[i])]

    def at(self, ts: pd.Timestamp) -> int | None:
        """The position of the value dated ``ts``, or ``None``."""
        i = int(np.searchsorted(self.days, ts.value))
        return i if i < len(self.days) and self.days[i] == ts.value else None

    def upto(self, n: int) -> "History":
        """The first ``n`` values."""
        return History(self.index, self.days[:n], self.values[:n], None if self.pos is None else self.pos[:n])

    def before(self, ts: pd.Timestamp) -> "History":
        """The values dated before ``ts``."""
        return self.upto(int(np.searchsorted(self.days, pd.Timestamp(ts).value, side="left")))

    def where(self, mask: np.ndarray) -> "History":
        pos = np.flatnonzero(mask) if self.pos is None else self.pos[mask]
        return History(self.index, self.days[mask], self.values[mask], pos)

    def last(self) -> tuple[pd.Timestamp, float]:
        return self.ts(-1), float(self.values[-1])

    def extreme(self, high: bool) -> tuple[pd.Timestamp, float]:
        """The (first) highest or lowest value and its day."""
        i = int(np.argmax(self.values) if high else np.argmin(self.values))
        return self.ts(i), float(self.values[i])

