"""Policy decisions: "the BoJ raised rates to 0.75% on Friday", "cut by 25 basis points",
checked against the table of decisions (announced and effective dates)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from claims import Kind, Unit

from . import explain
from .case import Case, add_months
from ..labels import Label
from .tolerance import EPS
from .verdict import Observed, Verdict


@dataclass(frozen=True)
class Decision:
    announced: pd.Timestamp  # NaT when the table gives no announcement date
    effective: pd.Timestamp
    rate: float
    previous: float | None

    def within(self, a: date, b: date) -> bool:
        return any(a <= d.date() <= b for d in (self.announced, self.effective) if not pd.isna(d))

    @property
    def when(self) -> str:
        return explain.decision_when(self.announced, self.effective)

    def observed(self) -> Observed:
        return Observed(self.effective.date().isoformat(), self.rate, "boj_decisions", "decision")


def decisions(k: Case) -> list[Decision]:
    rows, previous = [], None
    for _, r in k.store.decisions(k.s.id).iterrows():
        rows.append(Decision(r["announced"], r["effective"], float(r["rate_percent"]), previous))
        previous = float(r["rate_percent"])
    return rows


def _matches(k: Case, d: Decision) -> bool:
    c = k.c
    if c.kind == Kind.CHANGE:
        if d.previous is None:
            return False
        return abs((d.rate - d.previous) * (100 if c.unit == Unit.BP else 1) - c.value) <= c.precision + EPS
    return abs(d.rate - c.value) <= c.precision + EPS


def check_decision(k: Case) -> Verdict:
    c, s = k.c, k.s
    rows = decisions(k)
    a, b = (k.start, k.end) if k.explicit or c.time.precision != "day" else \
        (k.start - timedelta(days=k.policy.lag_days), k.end)
    here = [d for d in rows if d.within(a, b)]
    what = explain.move(c.value, c.unit) if c.kind == Kind.CHANGE else explain.fmt(c.value, Unit.PERCENT)
    for d in here:
        if _matches(k, d):
            return Verdict(Label.ACCURATE, explain.decision_matches(s, d.rate, d.previous, d.when, what),
                           "policy_decision", [d.observed()], 0.0, c.precision)
    months = k.policy.misdated_window_months
    lo, hi = add_months(k.start, -months), add_months(k.end, months)
    elsewhere = [d for d in rows if d.within(lo, hi) and _matches(k, d) and d not in here]
    then = ", ".join(f"{explain.fmt(x.rate, Unit.PERCENT)} ({x.when})" for x in here)
    if elsewhere:
        d = min(elsewhere, key=lambda d: abs((d.effective.date() - k.start).days))
        return Verdict(Label.MISDATED, explain.decision_misdated(s, d.rate, d.when, c.time.value, then or "no decision"),
                       "policy_decision", [d.observed()], None, c.precision)
    in_force = k.data.on_or_before(k.end)
    if not here and c.kind == Kind.LEVEL and in_force is not None and abs(in_force[1] - c.value) <= c.precision + EPS \
            and not k.explicit:
        return Verdict(Label.ACCURATE, explain.rate_in_force(s, in_force[0], in_force[1]), "policy_in_force",
                       [k.obs(in_force[0])], 0.0, c.precision)
    return Verdict(Label.INACCURATE, explain.decision_differs(s, then or "no decision in that period", k.end, in_force,
                                                             what),
                   "policy_decision", [x.observed() for x in here], None, c.precision)
