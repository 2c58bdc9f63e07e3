"""The document's reference date: given, written in the text, or inferred from the data.

Inference asks which date makes the document's undated claims most consistent with the
data: for each checkable level or one-day change mapped to a daily series, the dates on
which it would hold (with the lag window and the claim's tolerance) are marked; the
dates where most claims agree win, and the latest of them is used. The result says how many
claims agree and over which window, so a reader can judge it. Today's date is never used.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from claims import DAILY_MOVE_UNITS, Claim, Kind

from .catalog import Catalog
from .policy import Policy
from .resolve import Mapping
from .store import Store
from .verify import change_tolerance, daily_changes

INFERENCE_START = pd.Timestamp("1990-01-01")
AMBIGUOUS_DAYS = 90  # more agreeing days than a quarter's worth: the date is not pinned down


@dataclass
class ReferenceDate:
    date: date | None
    basis: str  # given | text | inferred | none
    published: date | None = None
    detail: dict = field(default_factory=dict)


def _consistent_days(c: Claim, m: Mapping, catalog: Catalog, store: Store, policy: Policy,
                     index: pd.DatetimeIndex) -> pd.Series | None:
    if not c.checkable or m.series_id is None or m.spread:
        return None
    if c.time is not None and c.time.value is not None:
        return None  # dated by the text itself
    if c.since is not None or c.since_text or c.from_record or c.range_low is not None:
        return None
    s = catalog.get(m.series_id)
    data = store.get(m.series_id)
    if s is None or data is None:
        return None
    values = data.values
    if c.kind == Kind.LEVEL:
        tol = c.precision + (s.hedge_allowance(c.value) if c.hedge else s.level_allowance(c.value))
        if c.threshold == "at_least" or (c.extreme and c.direction >= 0 and c.threshold is None):
            ok = values >= c.value - tol
        elif c.threshold == "at_most":
            ok = values <= c.value + tol
        else:
            ok = (values - c.value).abs() <= tol
    elif c.kind == Kind.CHANGE and c.unit in DAILY_MOVE_UNITS:
        chg = daily_changes(values, c.unit)
        tol = change_tolerance(c, s, policy, values.shift(1).abs()) + c.precision
        ok = (chg - c.value).abs() <= tol if c.direction != 0 else (chg.abs() - abs(c.value)).abs() <= tol
    else:
        return None
    daily = ok.astype(float).reindex(index, fill_value=0.0)
    return daily.rolling(policy.lag_days + 1, min_periods=1).max()


def infer(claims: list[Claim], mappings: list[Mapping], catalog: Catalog, store: Store,
          policy: Policy, month_day: tuple[int, int] | None = None) -> ReferenceDate:
    """``month_day``: a dateline gave the day but not the year ("TOKYO, Aug 5"); only
    that day of each year is a candidate."""
    end = pd.Timestamp(store.vintage)
    index = pd.date_range(INFERENCE_START, end, freq="D")
    votes = []
    for c, m in zip(claims, mappings):
        days = _consistent_days(c, m, catalog, store, policy, index)
        if days is not None:
            votes.append(days)
    if not votes:
        return ReferenceDate(None, "none", detail={"reason": "no undated level or change claim to infer a date from"})
    total = np.sum([v.to_numpy() for v in votes], axis=0)
    if month_day is not None:
        total = np.where((index.month == month_day[0]) & (index.day == month_day[1]), total, 0)
    best = int(total.max())
    need = 1 if len(votes) == 1 else 2
    if best < need:
        return ReferenceDate(None, "none", detail={"reason": "no date makes the claims consistent with the data",
                                                  "claims": len(votes)})
    hits = index[total == best]
    if len(hits) > AMBIGUOUS_DAYS and month_day is None:
        return ReferenceDate(None, "none", detail={
            "reason": f"the claims do not pin down a date ({best} of {len(votes)} agree on {len(hits)} different days)",
            "claims": len(votes)})
    chosen = hits[-1].date()
    # the run of agreeing dates that ends at the chosen date
    run_start = chosen
    for ts in reversed(hits[:-1]):
        if (run_start - ts.date()).days <= 4:
            run_start = ts.date()
        else:
            break
    detail_extra = {"dateline": f"month {month_day[0]}, day {month_day[1]}; year inferred"} if month_day else {}
    return ReferenceDate(chosen, "inferred", detail={**detail_extra, 
        "window": [run_start.isoformat(), chosen.isoformat()], "agreeing": best, "claims": len(votes),
        "dates_with_full_agreement": int(len(hits)),
        "note": "latest date on which the most undated claims hold against the data",
    })


def own_best_date(c: Claim, m: Mapping, catalog: Catalog, store: Store, policy: Policy) -> date | None:
    """With no reference date for the document, the latest date on which this claim alone
    holds (its own best window); ``None`` when it never does."""
    end = pd.Timestamp(store.vintage)
    index = pd.date_range(INFERENCE_START, end, freq="D")
    days = _consistent_days(c, m, catalog, store, policy, index)
    if days is None or not days.any():
        return None
    return days[days > 0].index[-1].date()
