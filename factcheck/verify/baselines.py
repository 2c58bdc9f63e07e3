"""Where a move over a stated period starts, when the text names what it is measured from
(``Claim.baseline``, read by :mod:`claims.rules.baselines`):

* a peak or trough ("27% from its July 11 peak", "10% below its February high"): the
  period's highest (lowest) close, or its intraday high (low) where the data have bars;
* levels ("60 bp higher compared with January levels"): any close of the period.

Of those readings the one nearest the stated move is used (a claim is refuted only when
every plausible reading refutes it); the verdict names the day and value it started from.
This is the one place the verifier reads a baseline; :mod:`.changes` calls
:func:`baseline_start` before its other ways of placing a move's start.
"""
from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from claims import Baseline, change_between

from . import explain
from .case import Case, month_bounds
from ..labels import Label
from .verdict import Verdict


def period_bounds(value: str) -> tuple[date, date]:
    """The days of a period written YYYY-MM-DD, YYYY-MM or YYYY."""
    if len(value) == 10:
        d = date.fromisoformat(value)
        return d, d
    if len(value) == 7:
        return month_bounds(value)
    return date(int(value[:4]), 1, 1), date(int(value[:4]), 12, 31)


def _readings(k: Case, window: pd.DataFrame) -> list[tuple[pd.Timestamp, float, str]]:
    """(day, value, what) for every start the baseline allows."""
    kind, values = k.c.baseline, window["value"]
    if kind is Baseline.LEVEL:
        return [(ts, float(v), "close") for ts, v in values.items()]
    high = kind is Baseline.PEAK
    ts = values.idxmax() if high else values.idxmin()
    out = [(ts, float(values[ts]), "close")]
    bars = "high" if high else "low"
    if bars in window.columns and window[bars].notna().any():
        col = window[bars].dropna()
        bts = col.idxmax() if high else col.idxmin()
        out.append((bts, float(col[bts]), f"intraday {bars}"))
    return out


def baseline_start(k: Case, end_ts: pd.Timestamp, end_v: float):
    """(day, value, what) the move is measured from, the reading nearest the stated move;
    a :class:`Verdict` when the period has no data; ``None`` when the claim names no
    baseline."""
    c = k.c
    if c.baseline is None or c.baseline is Baseline.CLOSE or c.since is None or not c.since.value:
        return None
    a, b = period_bounds(c.since.value)
    window = k.data.window(a, min(b, end_ts.date() - timedelta(days=1)))
    if window.empty:
        return Verdict(Label.UNVERIFIABLE, explain.period_start_unknown(c.since.text), "unresolved_period")
    readings = _readings(k, window)
    return min(readings, key=lambda r: abs(change_between(c.unit, r[1], end_v) - c.value))
