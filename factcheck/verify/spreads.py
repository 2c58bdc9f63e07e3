"""Spreads: the gap between two yields ("the US-Japan 10-year gap is 330 bp", "2s10s"),
checked on the days both legs have data; the allowance is the sum of the legs' (or, with
the policy's ``[spread] sum_legs = false``, the larger of the two)."""
from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from claims import Claim, DateBasis, Unit

from ..catalog import Catalog
from ..policy import Policy
from ..resolve import Mapping
from ..store import SeriesData, Store
from . import explain
from .case import month_bounds
from ..labels import Label
from .tolerance import grade
from .verdict import Observed, Verdict


def _obs(data: SeriesData, ts: pd.Timestamp) -> Observed:
    return Observed(ts.date().isoformat(), round(float(data.cell(ts, "value")), 6), data.source_at(ts), "close")


def check_spread(c: Claim, m: Mapping, catalog: Catalog, store: Store, policy: Policy) -> Verdict:
    a_id, b_id = m.spread
    a, b = store.get(a_id), store.get(b_id)
    sa, sb = catalog.get(a_id), catalog.get(b_id)
    if a is None or b is None:
        return Verdict(Label.UNVERIFIABLE, explain.no_spread_data(a_id, b_id), "no_data")
    d = date.fromisoformat(c.time.value) if c.time.precision == "day" else month_bounds(c.time.value)[1]
    start = d if c.date_basis == DateBasis.EXPLICIT else d - timedelta(days=policy.lag_days)
    joined = pd.concat([a.window(start, d)["value"], b.window(start, d)["value"]], axis=1, keys=["a", "b"],
                       sort=True).dropna()
    if joined.empty:
        return Verdict(Label.UNVERIFIABLE, explain.no_common_day(a_id, b_id, start, d, min(a.last, b.last)),
                       "no_data_for_date")
    scale = 100 if c.unit == Unit.BP else 1
    spread = (joined["a"] - joined["b"]) * scale
    if c.value > 0 and (spread < 0).all():
        spread = -spread  # "a gap of 200 bp" states the size of the difference
    best_ts = (spread - c.value).abs().idxmin()
    best = float(spread[best_ts])
    legs = (sa.level_allowance(0), sb.level_allowance(0))
    tol = (sum(legs) if policy.spread_sum_legs else max(legs)) * scale
    diff = c.value - best
    label = grade(diff, c.precision, tol)
    text = explain.spread(c, sa, sb, best_ts, float(joined.at[best_ts, "a"]), float(joined.at[best_ts, "b"]), best,
                          scale == 100, tol, diff, label, policy.spread_sum_legs)
    return Verdict(label, text, "spread", [_obs(a, best_ts), _obs(b, best_ts)], diff,
                   c.precision + (0.0 if label == Label.ACCURATE else tol))
