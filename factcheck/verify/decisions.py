"""Policy decisions: "the BoJ raised rates to 0.75% on Friday", "the Fed cut by 25 basis
points", "its third straight cut", checked against the policy series' table of decisions
(:mod:`factcheck.decisions`: announced and effective dates, rates, holds), for any bank
whose catalog entry has one.

A bank's new rate takes effect a day (the Fed) or days (the BoJ) after the announcement:
a level that the rate in force does not bear out is also read against the rate as decided
(:func:`or_as_decided`).
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from typing import Callable

from claims import Kind, Unit

from ..decisions import Decision, Stated, latest_move, period_start, stated_streak, streak_at
from ..labels import Label
from . import explain
from .case import Case, add_months
from .tolerance import EPS
from .verdict import Observed, Verdict


# "at a two-day meeting on Thursday": the day named may be the meeting's first; the decision
# comes at its end
MULTI_DAY_MEETING = re.compile(r"\b(?P<n>two|three|2|3)-day\s+(?:[a-z]+\s+){0,2}?meeting\b", re.I)
MEETING_DAYS = {"two": 2, "three": 3, "2": 2, "3": 3}


# "at its Sept 17-18 meeting": a meeting named by its days; the decision comes on the last
DAY_SPAN_MEETING = re.compile(r"\b(?P<a>\d{1,2})\s*[-–]\s*(?P<b>\d{1,2})\b(?:,?\s+(?:19|20)\d\d)?\s+"
                              r"(?:[a-z]+\s+){0,2}?meeting\b", re.I)


def meeting_tail(sentence: str) -> timedelta:
    """The days a decision may follow the day named when the sentence speaks of a meeting
    of several days ("a two-day meeting on Thursday" ends on Friday; "its Sept 17-18
    meeting", dated by its first day, ends on the 18th)."""
    m = MULTI_DAY_MEETING.search(sentence)
    if m:
        return timedelta(days=MEETING_DAYS[m.group("n").lower()] - 1)
    span = DAY_SPAN_MEETING.search(sentence)
    days = int(span.group("b")) - int(span.group("a")) if span else 0
    return timedelta(days=days if 0 < days <= 3 else 0)


def has_decisions(k: Case) -> bool:
    """The series has a decisions table a move can be matched to."""
    return k.store.decisions(k.s.id) is not None


def observed(d: Decision) -> Observed:
    return Observed(d.effective.isoformat(), d.rate, d.source, "decision")


def _stated(k: Case) -> Stated:
    c = k.c
    change = c.kind == Kind.CHANGE
    return Stated(Kind.CHANGE if change else Kind.LEVEL, c.value, c.unit, c.precision,
                  change and c.direction == 0 and c.value > 0)


def check_decision(k: Case) -> Verdict:
    """A central bank's move ("cut by 25 bp in December", "raised to 0.75%"), matched to a
    decision by its announcement or its effective date; an undated move is the bank's
    latest; several moves of a stated period add up ("by a total of 0.75 points since
    September")."""
    c, s = k.c, k.s
    rows = k.store.decision_rows(s.id)
    moves = [r for r in rows if not r.is_hold]
    stated = _stated(k)
    a, b = (k.start, k.end) if k.explicit or c.time.precision != "day" else \
        (k.start - timedelta(days=k.policy.lag_days), k.end)
    b += meeting_tail(c.sentence) if c.time is not None and c.time.precision == "day" else timedelta(0)
    if c.kind == Kind.CHANGE and c.since is not None and c.since.value:
        a = period_start(c.since.value)
    here = [r for r in moves if r.within(a, b)]
    what = explain.move(c.value, c.unit) if c.kind == Kind.CHANGE else explain.fmt(c.value, Unit.PERCENT)
    found = next((r for r in here if stated.matches(r)), None)
    latest = latest_move(moves, k.end) if not here and not k.explicit else None
    if found is None and latest is not None and stated.matches(latest):
        found = latest  # undated ("the Fed lowered its rate to 3.75%"): the bank's latest move
    if found is not None:
        text = explain.decision_matches(s, found, what, k.end if found is latest else None)
        v = Verdict(Label.ACCURATE, text, "policy_decision", [observed(found)], 0.0, c.precision)
        return with_streak(k, rows, found, v)
    total = stated.total(here)
    if c.kind == Kind.CHANGE and len(here) > 1 and abs(total - c.value) <= c.precision + EPS:
        return Verdict(Label.ACCURATE, explain.decisions_add_up(s, here, a, b, total, c.unit, what), "policy_decision",
                       [observed(r) for r in here], c.value - total, c.precision)
    return _no_decision(k, moves, here, stated, what)


def _no_decision(k: Case, moves: list[Decision], here: list[Decision], stated: Stated, what: str) -> Verdict:
    """No decision of the stated period fits: the same move at another time is misdated;
    an undated rate that is simply in force holds; anything else is inaccurate."""
    c, s = k.c, k.s
    months = k.policy.misdated_window_months
    lo, hi = add_months(k.start, -months), add_months(k.end, months)
    elsewhere = [r for r in moves if r.within(lo, hi) and stated.matches(r) and r not in here]
    then = explain.decisions_then(here)
    if elsewhere:
        d = min(elsewhere, key=lambda r: abs((r.effective - k.start).days))
        return Verdict(Label.MISDATED, explain.decision_misdated(s, d.rate, explain.decision_when(d), c.time.value,
                                                                 then or "no decision"),
                       "policy_decision", [observed(d)], None, c.precision)
    in_force = k.data.on_or_before(k.end)
    if not here and c.kind == Kind.LEVEL and in_force is not None and abs(in_force[1] - c.value) <= c.precision + EPS \
            and not k.explicit:
        return Verdict(Label.ACCURATE, explain.rate_in_force(s, in_force[0], in_force[1]), "policy_in_force",
                       [k.obs(in_force[0])], 0.0, c.precision)
    return Verdict(Label.INACCURATE, explain.decision_differs(s, then or "no decision in that period", k.end, in_force,
                                                             what),
                   "policy_decision", [observed(x) for x in here], None, c.precision)


def with_streak(k: Case, rows: list[Decision], d: Decision, v: Verdict) -> Verdict:
    """"its third straight cut": the run of meetings up to this decision that moved the
    same way, counted where the table lists every meeting; a wrong count makes the claim
    inaccurate."""
    found = stated_streak(k.c.sentence)
    if found is None:
        return v
    n, kind, phrase = found
    got = streak_at(rows, d)
    label = f"streak:{n}:{kind}"
    if got is None:
        result = {"qualifier": label, "holds": None, "explanation": explain.streak_unchecked(phrase)}
    else:
        holds = kind == d.kind and got == n
        result = {"qualifier": label, "holds": holds, "explanation": explain.streak(d, got, holds, phrase)}
    v.qualifiers.append(result)
    v.explanation += " " + result["explanation"]
    if result["holds"] is False:
        v.label = Label.INACCURATE
    return v


def or_as_decided(check: Callable[[Case], Verdict]) -> Callable[[Case], Verdict]:
    """A level checker that also reads a policy rate as decided, not yet in force: "the
    policy rate is now 0.75%" on the announcement day holds against the rate decided that
    day. Only a claim the rate in force does not support is read again."""
    def run(k: Case) -> Verdict:
        v = check(k)
        if v.label.supports or k.c.from_level:
            return v
        return _as_decided(k, check) or v
    run.__doc__ = check.__doc__
    return run


def _as_decided(k: Case, check: Callable[[Case], Verdict]) -> Verdict | None:
    decided = k.store.as_decided(k.s.id)
    if decided is None:
        return None
    since = k.start - timedelta(days=k.policy.lag_days)
    if not any(r.announced is not None and r.announced < r.effective and r.announced <= k.end and r.effective > since
               for r in k.store.decision_rows(k.s.id)):
        return None
    v = check(replace(k, data=decided))
    if not v.label.supports:
        return None
    v.explanation = explain.AS_DECIDED + v.explanation
    return v
