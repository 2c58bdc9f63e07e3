"""A move whose period the text does not state, read over the standard periods that end at
its session.

"Gold fell 11.8%" in a monthly recap, "2s up 41bp" in a quarter's review, "lost 3.9%" in a
note about the week: the extraction found no day, no period and no start, so the move was
checked as one session's close-to-close change. An editor knows better when the size is one
that no session of that series produces, or when the sentence or the document's heading
speaks of a week, month, quarter or year. This reading measures two things from the data:

* how unusual the stated size is as a one-day move of that series: its percentile among
  the series' absolute daily moves in the claim's unit (computed once per series and unit,
  cached for the process: :func:`percentile`);
* the move over each standard period that ends at the claim's session (:func:`periods`):
  the week to date, the week before, the month to date, the month just ended, the quarter
  to date, the quarter just ended, the year to date.

What follows (the figures are in the README's "Readings" section):

* the reading applies only to a move with nothing of its own that fixes it to one session:
  no day stated by the text ("on Tuesday" keeps the one-day check and its flag), no period,
  start or baseline, no intraday marker ("as much as"), no decision of a policy rate (a
  market price "saw an increase" decides nothing). A day carried from an
  earlier sentence of the paragraph ("... by Wednesday, up on January levels. The 30-year
  rose over 60 bp") admits it only for a size unusual for one session; a sentence that
  says the move is a session's ("the day after the vote", "on the day", a weekday) and
  names no period keeps the one-day reading;
* it is tried when the stated size is unusual for one session (at or above
  :data:`UNUSUAL` percent of the series' daily moves are smaller) or when the sentence or
  the heading names a period (then only the periods of that length: "month" tries the
  month to date and the month just ended). An ordinary-sized move in a sentence that
  names no period keeps the one-day reading: a wrong figure for the day stays caught;
* a period over which the move holds makes it supported, the period named: graded as
  usual over a length the text names, only approximately and within the stated precision
  over a period found from the data alone (:func:`_check_period`);
* a size beyond every one-day move in the series' history, with no period holding, is
  ``unverifiable``: it cannot be a session's move, and the text does not say which period
  it is ("period not stated: a one-day move of 11.8% would be larger than any since ...");
* otherwise the flag stands, its readings listing the percentile and each period tried.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

import numpy as np
import pandas as pd

from claims import DateBasis, Kind, change_between

from ..labels import Label
from ..store import SeriesData
from . import explain, periodrank
from .case import Case
from .moves import daily_changes
from .tolerance import change_tolerance, grade
from .verdict import Verdict

GUESSED_SHARE = 0.0  # of the move allowance for a period found from the data alone: its precision only (README)
UNUSUAL = 98.0  # percentile of the series' absolute daily moves from which one session is an unlikely reading
RECENT_DAYS = 7  # a period that ended this many days before the claim's session or fewer is "just ended"
# a period's length named as such; not a maturity or a span ("the 10-year", "52-week high")
NOT_A_SPAN = r"(?<![-\w])"
MOVE_NOUNS = r"(?:gain|rise|drop|fall|loss|decline|advance|move|change|increase|performance|basis)"
PERIOD_WORDS = {  # in the claim's sentence: "its worst month", "on the week"; "weekly" only of a move
    "week": re.compile(NOT_A_SPAN + r"(?:(?:week|wk|wtd|week-to-date)\b|weekly\s+" + MOVE_NOUNS + ")", re.I),
    "month": re.compile(NOT_A_SPAN + r"(?:(?:month|mth|mtd|month-to-date)\b|monthly\s+" + MOVE_NOUNS + ")", re.I),
    "quarter": re.compile(NOT_A_SPAN + r"(?:(?:quarter|qtr|qtd|q[1-4])\b|quarterly\s+" + MOVE_NOUNS + ")", re.I),
    "year": re.compile(NOT_A_SPAN + r"(?:(?:year|ytd|year-to-date)\b|(?:yearly|annual)\s+" + MOVE_NOUNS + ")", re.I),
}
# dated by the document's session or a day carried from an earlier sentence; not a day stated
# for the number ("on Friday"), nor a claim's own best date in a document without one
ONE_SESSION_BASES = (DateBasis.REFERENCE, DateBasis.SESSION, DateBasis.PENDING, DateBasis.CARRIED)
# a heading names the piece's own period: "Weekly wrap", "Monthly markets recap", "The week in
# review", "Markets this week", "wk recap"; not a release it mentions ("weekly jobless claims")
HEADING_PERIOD = re.compile(NOT_A_SPAN + r"(?:(?P<a>week|month|quarter|year|wk|mth|qtr)(?:ly)?\s+(?:\w+\s+)?"
                            r"(?:wrap|recap|review|round-?up|summary|letter|report|note|update|in review)\b|"
                            r"(?:this|the|last|past)\s+(?P<b>week|month|quarter|year)\b)", re.I)
# the sentence itself says the move is one session's, even when the day was not placed
ONE_DAY_WORDS = re.compile(r"\b(?:today|tonight|yesterday|overnight|on the day|the day (?:after|before)|one-day|"
                           r"single-day|daily|intraday|(?:this|the|that|previous|prior) session|"
                           r"(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:'s)?)\b", re.I)
LENGTH_OF = {"wk": "week", "mth": "month", "qtr": "quarter"}
_MOVES: dict[tuple, np.ndarray] = {}  # (series id, unit, observations, last day) -> sorted absolute daily moves


def applies(k: Case) -> bool:
    """A one-session move only because nothing in the text says otherwise."""
    c = k.c
    return c.kind == Kind.CHANGE and c.time is not None and c.time.precision == "day" and not c.time.days \
        and not c.time.sessions and c.since is None and not c.since_text and c.baseline is None \
        and not c.from_record and not (c.event and k.s.asset_class in ("policy_rate", "rate")) \
        and not c.intraday and not c.extreme \
        and c.date_basis in ONE_SESSION_BASES


def sorted_moves(k: Case) -> np.ndarray:
    """The series' absolute one-day moves in the claim's unit, sorted; computed once per
    series, unit and data for the process."""
    values = k.data.values
    key = (k.s.id, str(k.c.unit), len(values), values.index[-1] if len(values) else None)
    if key not in _MOVES:
        moves = daily_changes(values, k.c.unit).abs().replace([np.inf, -np.inf], np.nan).dropna()
        _MOVES[key] = np.sort(moves.to_numpy(dtype=float))
    return _MOVES[key]


def percentile(k: Case) -> tuple[float, float] | None:
    """The share of the series' daily moves smaller than the stated size, in percent, and
    the largest daily move in the data; None without enough history."""
    moves = sorted_moves(k)
    if len(moves) < 20:
        return None
    size = abs(k.c.value)
    return 100.0 * np.searchsorted(moves, size, side="left") / len(moves), float(moves[-1])


def named_lengths(k: Case) -> set[str]:
    """The period lengths the sentence or the document's heading names as the piece's own
    (:data:`HEADING_PERIOD`)."""
    named = {name for name, words in PERIOD_WORDS.items() if words.search(k.c.sentence)}
    for m in HEADING_PERIOD.finditer(k.heading):
        word = (m.group("a") or m.group("b")).lower()
        named.add(LENGTH_OF.get(word, word))
    return named


def period_move_reading(k: Case) -> Verdict | None:
    """The reading of the module docstring: a period that holds, an impossible one-day size,
    or None (the one-day flag stands) when the reading does not apply or settles nothing."""
    if not applies(k):
        return None
    rank = percentile(k)
    if rank is None:
        return None
    pct, largest = rank
    lengths = named_lengths(k)
    if pct < UNUSUAL and (not lengths or k.c.date_basis == DateBasis.CARRIED):
        return None  # an ordinary size, or a day carried from an earlier sentence: one session
    if not lengths and ONE_DAY_WORDS.search(k.c.sentence):
        return None  # "the day after the vote", "on the day": the text says one session
    end = k.data.on_or_before(k.end)
    if end is None:
        return None
    tried = [p for p in periods(k.data, end[0]) if not lengths or p[0] in lengths or pct >= UNUSUAL]
    best = None
    for length, name, base_ts, end_ts in tried:
        v = _check_period(k, length, name, base_ts, end_ts, pct, length in lengths)
        if v.label.supports or v.qualifiers:
            return v
        if best is None or abs(v.difference) < abs(best.difference):
            best = v
    if abs(k.c.value) > largest:
        return Verdict(Label.UNVERIFIABLE, explain.beyond_any_day(k.c, k.s, largest, k.data.first), "period_unstated")
    return best


def periods(data: SeriesData, end_ts: pd.Timestamp) -> list[tuple[str, str, pd.Timestamp, pd.Timestamp]]:
    """The standard periods ending at the session ``end_ts`` or just before it: (length, name,
    the close before the period, the period's last close). A period whose start is the
    previous close (the month to date on its first session) is the one-day move: left out;
    one that ended more than :data:`RECENT_DAYS` before the session is not "just ended".
    Sessions are found by bisection of the series' days."""
    day = end_ts.date()
    monday = day - timedelta(days=day.weekday())
    month = day.replace(day=1)
    prev_month = (month - timedelta(days=1)).replace(day=1)
    quarter = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    prev_quarter = date(quarter.year - (quarter.month == 1), (quarter.month - 4) % 12 + 1, 1)
    spans = [("week", f"the week to {day}", monday, None), ("week", f"the week before ({monday - timedelta(days=7)})",
                                                              monday - timedelta(days=7), monday),
             ("month", f"the month to {day}", month, None), ("month", f"the month {prev_month:%Y-%m}", prev_month, month),
             ("quarter", f"the quarter to {day}", quarter, None),
             ("quarter", f"the quarter from {prev_quarter}", prev_quarter, quarter),
             ("year", f"the year to {day}", date(day.year, 1, 1), None)]
    days = data.columns.days
    sessions = int(np.searchsorted(days, end_ts.value, side="right"))  # the sessions up to end_ts

    def last_before(d: date) -> int:
        """The position of the last session before the day ``d`` (-1: none)."""
        return int(np.searchsorted(days[:sessions], pd.Timestamp(d).value, side="left")) - 1

    out = []
    for length, name, first, after in spans:
        base, last = last_before(first), last_before(after) if after else sessions - 1
        if base < 0 or last < 0 or base >= last:
            continue
        if after and (day - after).days > RECENT_DAYS:
            continue  # ended too long ago to be what a note about this session reports
        if last - base < 2:
            continue  # one session: the move as first read
        out.append((length, name, data.frame.index[base], data.frame.index[last]))
    return out


def _check_period(k: Case, length: str, name: str, base_ts: pd.Timestamp, end_ts: pd.Timestamp, pct: float,
                  named: bool) -> Verdict:
    """The move over one period. Within its precision over a period whose length the text
    names ("Monthly recap", "its worst month") it is accurate: the text stated the period,
    only not where the extraction looks; else approximately accurate (a period found from
    the data). A period the text gives no hint of is one of several guesses: it holds only
    within the stated precision (:data:`GUESSED_SHARE` of the move allowance on top), so
    that a wrong figure does not pass by landing near one of them. A superlative about that length ("its worst month since 2022") is checked
    over that length's moves (:mod:`.periodrank`); one that fails refutes the claim."""
    c, values = k.c, k.data.values
    base_v, end_v = float(values[base_ts]), float(values[end_ts])
    actual = change_between(c.unit, base_v, end_v)
    claimed = c.value if c.direction != 0 or actual >= 0 or c.value < 0 else -c.value
    diff = claimed - actual
    tol = change_tolerance(c, k.s, k.policy, base_v) * (1.0 if named else GUESSED_SHARE)
    label = grade(diff, c.precision, tol)
    if label == Label.ACCURATE and not named:
        label = Label.APPROXIMATELY_ACCURATE
    text = explain.unstated_period(c, k.s, name, base_ts, end_ts, actual, pct, label)
    rank = periodrank.check(k, length, end_ts, actual) if label.supports else None
    if rank is not None:
        text += " " + rank["explanation"]
        label = Label.INACCURATE if rank["holds"] is False else label
    return Verdict(label, text, "period_unstated", [k.obs(base_ts), k.obs(end_ts)], diff,
                   c.precision + (0.0 if label == Label.ACCURATE else tol), [rank] if rank else [])
