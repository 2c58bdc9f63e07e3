"""Central-bank decisions as rows a claim can be matched to, for any bank (the checker is
:mod:`factcheck.verify.decisions`).

A decisions table (the BoJ's hand-compiled file, the Fed's table derived from FRED's target
range) has one row per decision: the announcement date, the date the new rate took effect
(the BoJ's can be days later; FRED shows the Fed's new range from the day after the
statement), the rate and, where the table lists every meeting, the meetings that changed
nothing (``kind = hold``). A claim dated by either date matches the decision: writers date
a move by the announcement, data by the effective day.

"Its third straight cut" is a streak: consecutive meetings that moved the same way. It can
only be counted where the table lists every meeting (``calendar = complete``); a table of
changes alone cannot tell a hold from no meeting.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import pandas as pd

ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
            "tenth": 10, "eleventh": 11, "twelfth": 12}
_N = r"(?P<n>" + "|".join(ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th))"
_WHAT = r"(?:(?:interest[- ]rate|rate|quarter[- ]point|half[- ]point|\d{2}[- ]basis[- ]point)\s+)?(?P<what>cuts?|reductions?|hikes?|increases?|rises?)"
STREAK = re.compile(rf"\b{_N}\s+(?:straight|consecutive|successive)\s+{_WHAT}\b"
                    rf"|\b{_N.replace('?P<n>', '?P<n2>')}\s+{_WHAT.replace('?P<what>', '?P<what2>')}\s+in\s+a\s+row\b", re.I)


@dataclass(frozen=True)
class Decision:
    announced: date | None
    effective: date
    rate: float
    previous: float | None
    kind: str  # start | hike | cut | hold
    source: str
    complete: bool  # the table lists every meeting around this one

    @property
    def is_hold(self) -> bool:
        return self.kind == "hold"

    def move(self, unit: str) -> float | None:
        if self.previous is None:
            return None
        return (self.rate - self.previous) * (100 if unit == "bp" else 1)

    def within(self, start: date, end: date) -> bool:
        return any(start <= d <= end for d in (self.announced, self.effective) if d is not None)


@dataclass(frozen=True)
class Stated:
    """What a claim says a decision did: a move (``change``, in bp or pp; ``unsigned`` when
    no direction word gave it a sign) or the rate it set (``level``, percent)."""

    kind: str
    value: float
    unit: str
    precision: float
    unsigned: bool = False

    def move_of(self, r: Decision) -> float | None:
        move = r.move(self.unit)
        return abs(move) if self.unsigned and move is not None else move

    def matches(self, r: Decision) -> bool:
        if self.kind == "change":
            move = self.move_of(r)
            return move is not None and abs(move - self.value) <= self.precision + 1e-9
        return abs(r.rate - self.value) <= self.precision + 1e-9

    def total(self, rows: list[Decision]) -> float:
        """The moves of several decisions added up ("by a total of 0.75 points this year")."""
        total = sum(r.move(self.unit) or 0.0 for r in rows)
        return abs(total) if self.unsigned else total


def period_start(value: str) -> date:
    """The first day of an ISO day, month or year."""
    if len(value) == 10:
        return date.fromisoformat(value)
    if len(value) == 7:
        return date(int(value[:4]), int(value[5:7]), 1)
    return date(int(value[:4]), 1, 1)


def latest_move(moves: list[Decision], day: date) -> Decision | None:
    """The bank's last move announced (or, without an announcement date, effective) by ``day``."""
    done = [r for r in moves if (r.announced or r.effective) <= day]
    return done[-1] if done else None


def decisions_from(table: pd.DataFrame) -> list[Decision]:
    """Rows in effective-date order, each with the rate in force before it."""
    out: list[Decision] = []
    previous = None
    for _, r in table.iterrows():
        rate = float(r["rate_percent"])
        kind = str(r["kind"]) if isinstance(r.get("kind"), str) else _kind(rate, previous)
        announced = None if pd.isna(r["announced"]) else r["announced"].date()
        complete = r.get("calendar") == "complete"
        out.append(Decision(announced, r["effective"].date(), rate, previous, kind, str(r["source"]), complete))
        previous = rate
    return out


def _kind(rate: float, previous: float | None) -> str:
    if previous is None:
        return "start"
    return "hike" if rate > previous else "cut" if rate < previous else "hold"


def stated_streak(sentence: str) -> tuple[int, str, str] | None:
    """"its third straight cut" -> (3, "cut", the phrase); hikes, increases and rises are
    "hike", cuts and reductions "cut"."""
    m = STREAK.search(sentence or "")
    if not m:
        return None
    n = m.group("n") or m.group("n2")
    what = (m.group("what") or m.group("what2")).lower()
    count = ORDINALS.get(n.lower()) or int(re.sub(r"\D", "", n))
    return count, ("cut" if what.startswith(("cut", "reduction")) else "hike"), m.group(0)


def streak_at(rows: list[Decision], target: Decision) -> int | None:
    """How many meetings in a row up to ``target`` moved the way it did; None when the
    count runs into a stretch where the table does not list every meeting."""
    count = 0
    for row in reversed(rows[: rows.index(target) + 1]):
        if row.kind != target.kind:
            return count  # a hold or a move the other way ends the run
        if not row.complete:
            return None  # holds before this one are not listed
        count += 1
    return None
