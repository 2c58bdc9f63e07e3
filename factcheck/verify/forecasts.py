"""Forecasts and conditions: not checkable. When the data now cover a forecast's horizon,
the verdict says what happened (the label stays ``not_checkable``: a forecast was not a
statement of fact when it was written)."""
from __future__ import annotations

from datetime import date

from claims import Claim, Kind, Modality

from ..resolve import Mapping
from ..store import Store
from . import explain
from .case import month_bounds
from ..labels import Label
from .tolerance import grade
from .verdict import Observed, Verdict


def horizon_end(c: Claim) -> date | None:
    t = c.time
    if t is None or not t.value or t.precision not in ("day", "month", "year"):
        return None
    if t.precision == "day":
        return date.fromisoformat(t.value)
    if t.precision == "month":
        return month_bounds(t.value)[1]
    return date(int(t.value[:4]), 12, 31)


def check_forecast(c: Claim, m: Mapping, store: Store) -> Verdict:
    v = Verdict(Label.NOT_CHECKABLE, explain.forecast(c), "modality")
    if c.modality != Modality.FORECAST or m.series_id is None or m.spread or c.kind != Kind.LEVEL:
        return v
    end = horizon_end(c)
    data = store.get(m.series_id) if end is not None else None
    if data is None or data.last < end or data.first > end:
        return v
    found = data.on_or_before(end)
    if found is None:
        return v
    ts, value = found
    s = data.series
    came_true = grade(value - c.value, c.precision, s.level_allowance(c.value)) != Label.INACCURATE
    v.observed, v.rule = [Observed(ts.date().isoformat(), round(value, 6), data.source_at(ts), "at horizon")], \
        "matured_forecast"
    v.explanation += " " + explain.matured(c, s, data.source_at(ts), ts, value, came_true)
    return v
