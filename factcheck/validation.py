"""Observations are checked at every entrance: fetched from a source, imported from a
user's file, read back from the cache, loaded from the snapshot. Bad data refused at the
door cannot flag a true claim later (a value fetched x100, ``inf``, a year-2099 date, two
values for one day).

The rules: dates are ISO ``YYYY-MM-DD`` calendar dates, each at most once, none in the
future (one day of slack for time zones: Tokyo's today is New York's tomorrow); values
are finite numbers inside the series' catalog ``value_range``. The snapshot is checked
for structure (dates, duplicates, finite values) but not against today's date, since its
vintage is fixed when it is built. A refusal is a :class:`DataError` whose message names
the first offending row.
"""
from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd

from .catalog import Series
from .errors import DataError

ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
FUTURE_SLACK = timedelta(days=1)


def iso_dates(values: pd.Series, where: str) -> pd.DatetimeIndex:
    """Strings ``YYYY-MM-DD`` as dates; anything else (``07/01/2026``, ``2026-7-1``,
    ``2026-02-30``, an empty cell) is refused with the row it is on."""
    text = values.astype(str).str.strip()
    shaped = text.str.match(ISO_DATE)
    parsed = pd.to_datetime(text.where(shaped), format="%Y-%m-%d", errors="coerce")
    bad = parsed.isna()
    if bad.any():
        i = int(np.argmax(bad.to_numpy()))
        why = "not a calendar date" if shaped.iloc[i] else "not an ISO date (YYYY-MM-DD)"
        raise DataError(f"{where}: row {i + 1}: {text.iloc[i]!r} is {why}")
    return pd.DatetimeIndex(parsed, name="date")


def validate(frame: pd.DataFrame, series: Series | None, where: str, today: date | None = None,
             check_range: bool = True) -> pd.DataFrame:
    """``frame`` (DatetimeIndex, ``value`` column) sorted by date, or a :class:`DataError`.
    ``today=None`` skips the future check (the snapshot); ``series=None`` or
    ``check_range=False`` skips the range check."""
    if frame.empty:
        raise DataError(f"{where}: no observations")
    if not isinstance(frame.index, pd.DatetimeIndex) or frame.index.isna().any():
        raise DataError(f"{where}: dates missing or unreadable")
    dup = frame.index.duplicated()
    if dup.any():
        raise DataError(f"{where}: {frame.index[dup][0].date()} appears more than once")
    values = pd.to_numeric(frame["value"], errors="coerce").to_numpy(dtype=float)
    bad = ~np.isfinite(values)
    if bad.any():
        i = int(np.argmax(bad))
        raise DataError(f"{where}: value {frame['value'].iloc[i]!r} on {frame.index[i].date()} is not a finite number")
    if today is not None and frame.index.max().date() > today + FUTURE_SLACK:
        raise DataError(f"{where}: {frame.index.max().date()} is in the future (today is {today})")
    if series is not None and check_range:
        lo, hi = series.value_range
        out = (values < lo) | (values > hi)
        if out.any():
            i = int(np.argmax(out))
            raise DataError(f"{where}: value {values[i]:g} on {frame.index[i].date()} is outside {series.id}'s "
                            f"plausible range {lo:g}..{hi:g}")
    return frame.sort_index()
