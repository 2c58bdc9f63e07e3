"""Moves of a series, in the unit a claim states them (see ``claims.units``)."""
from __future__ import annotations

import pandas as pd

from claims import change_between


def daily_changes(values: pd.Series, unit: str) -> pd.Series:
    """Each close's move over the previous close, in ``unit``."""
    return change_between(unit, values.shift(1), values)


def series_changes(data, unit: str, dropped: bool = False) -> pd.Series:
    """:func:`daily_changes` of a series' closes (a :class:`factcheck.store.SeriesData`),
    computed once per unit and process: every move claim reads the whole history;
    ``dropped``: without the days that have no move (the first, a move from zero)."""
    if dropped:
        return data.memo(("daily_changes dropped", str(unit)), lambda: series_changes(data, unit).dropna())
    return data.memo(("daily_changes", str(unit)), lambda: daily_changes(data.values, unit))
