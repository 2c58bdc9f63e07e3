"""Chart data for each verdict, taken from the store when the check runs.

A report carries the few observations its charts draw (the series around the dates the
verdict used), so every renderer works from the report alone and never opens the store:
a report rendered later, in another process or from its JSON, draws the same chart.
"""
from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from .catalog import Catalog
from .errors import FactcheckError
from .store import Store

BEFORE = timedelta(days=40)  # the window drawn: 40 days before the earliest observation used
AFTER = timedelta(days=20)  # ... and 20 days after the latest


def series_unit(series_id: str | None, catalog: Catalog) -> str | None:
    """The unit the series publishes (a spread is published as its two yields, in percent)."""
    if not series_id:
        return None
    if series_id.startswith("spread:"):
        return "percent"
    s = catalog.get(series_id)
    return s.unit if s is not None else None


def _arrays(data) -> tuple:
    """The series' days (numpy datetime64[D]) and values, made once per loaded series and
    kept on it (a reloaded store loads new series objects, so they never go stale): a
    binary search per claim instead of a pandas slice keeps charts under a millisecond
    per document."""
    cached = getattr(data, "_chart_arrays", None)
    if cached is None:
        values = data.frame["value"].dropna()
        cached = (values.index.values.astype("datetime64[D]"), values.to_numpy(dtype=float))
        data._chart_arrays = cached
    return cached


def chart_data(series_id: str | None, observed: list, store: Store) -> dict | None:
    """``{"series", "name", "unit", "points": [[YYYY-MM-DD, value], ...]}`` around the
    observations a verdict used, or None when there is nothing to draw (no series, a
    spread, fewer than two points)."""
    if not series_id or series_id.startswith("spread:") or not observed:
        return None
    try:
        data = store.get(series_id)
    except FactcheckError:
        return None
    if data is None:
        return None
    days = [date.fromisoformat(o.date) for o in observed]
    index, values = _arrays(data)
    lo = int(np.searchsorted(index, np.datetime64(min(days) - BEFORE, "D"), side="left"))
    hi = int(np.searchsorted(index, np.datetime64(max(days) + AFTER, "D"), side="right"))
    if hi - lo < 2:
        return None
    labels = np.datetime_as_string(index[lo:hi], unit="D").tolist()
    points = [[d, round(v, 6)] for d, v in zip(labels, values[lo:hi].tolist())]
    return {"series": series_id, "name": data.series.name, "unit": data.series.unit, "points": points}


def attach(results: list, catalog: Catalog, store: Store) -> None:
    """Give each :class:`~factcheck.report.ClaimResult` its series unit and chart data."""
    for r in results:
        sid = r.mapping.series_id
        r.series_unit = series_unit(sid, catalog)
        r.chart = chart_data(None if r.mapping.spread else sid, r.verdict.observed, store)
