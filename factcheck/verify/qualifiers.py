"""Qualifiers of a verified figure: "a record", "the highest since 1999", "a six-month low",
"for the first time", "its high for the year", "its biggest one-day fall on record".

``CHECKERS`` maps every qualifier kind to its checker. At import, every kind the extractor
can produce (``claims.QUALIFIER_KINDS``) must have one: a qualifier is
never silently left unchecked. A checker returns ``None`` only when the qualifier does not
apply to this claim (a first-time claim without a line, a move superlative on a level).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

import numpy as np
import pandas as pd

from claims import DAILY_MOVE_UNITS, QUALIFIER_KINDS, Kind, Qualifier, QualifierKind, Threshold

from ..errors import ConfigurationError
from . import explain
from .case import Case, month_bounds
from .history import History
from ..labels import Label
from .moves import series_changes
from .tolerance import BAR_SHARE, EPS
from .verdict import Verdict

Holds = bool | str | None  # True, "loosely", False, or None: cannot be checked


@dataclass
class Reading:
    """What a level qualifier is checked against: the claim's value at its day, the earlier
    values (intraday peaks where the claim is an extreme and the source has them), and the
    earlier values before the current plateau (an unchanged rate is not its own precedent)."""

    k: Case
    q: Qualifier
    ts: pd.Timestamp
    side: Threshold | None  # the line a threshold claim crossed, if any
    at: float | None = None  # the figure's value that day when read as a quote inside the day's bar

    def __post_init__(self):
        k = self.k
        self.high = self.q.high_in_series(k.s.asset_class == "fx" and k.c.subject_quote)
        values = History.of(k.data)
        column = "high" if self.high else "low"
        if (k.c.extreme or self.at is not None) and k.data.has_column(column):
            # "rose as high as 159.45 yen, its strongest since July 2024": an intraday peak (or a
            # quote read inside the day's bar) is compared with earlier intraday peaks, where
            # the source has them
            peaks = History.of(k.data, column)
            if peaks.at(self.ts) is not None:
                values = peaks
        at = values.at(self.ts)
        if at is None:
            raise KeyError(self.ts)
        self.values = values
        self.x = float(values.values[at]) if self.at is None else self.at
        # the values before the day, and before the run of values equal to this one that
        # ends there (an unchanged rate is not its own precedent)
        self.prior = values.upto(at)
        differs = np.flatnonzero(np.abs(self.prior.values - self.x) > EPS)
        self.before_run = self.prior.upto(differs[-1] + 1 if len(differs) else 0)
        self.first = values.ts(0).date()
        self.label = f"'{self.q.label}'"

    @property
    def tie(self) -> float:
        """How close an earlier value may come to this one and still count as a tie, not
        as higher (lower): the claim's precision plus the bar share of the basis allowance
        (a 0.1 bp difference between two closes does not undo "the highest since"). An
        index's close is one official number in every source, so "a record close" or
        "closed at its lowest" leaves no basis to share: only the claim's precision."""
        if self.k.s.asset_class == "index" and close_worded(self.k.c, self.q):
            return self.k.c.precision
        return self.k.c.precision + BAR_SHARE * self.k.s.level_allowance(self.x)

    def beyond(self, values: History, level: float) -> History:
        """The values at or beyond ``level`` on the qualifier's side."""
        v = values.values
        return values.where(v >= level - EPS) if self.high else values.where(v <= level + EPS)

    def clearly_beyond(self, values: History) -> History:
        """The values beyond this one by more than a tie."""
        v = values.values
        return values.where(v > self.x + self.tie + EPS) if self.high else values.where(v < self.x - self.tie - EPS)

    def crossed(self, values: History) -> History:
        """The values beyond the claim's line on the threshold's side; strictly beyond when
        the claim says "above" or "below" ("rose above 0.5% for the first time since 1995":
        an earlier 0.5% was not above it), at or beyond for "hit" or "reached"."""
        c = self.k.c
        strict = EPS if c.threshold in (Threshold.AT_LEAST, Threshold.AT_MOST) else -EPS
        v = values.values
        return values.where(v > c.value + strict) if self.side == Threshold.AT_LEAST else \
            values.where(v < c.value - strict)


# "a record close", "its lowest closing level", "closed at a record", "finished at its highest"
CLOSE_WORDS = re.compile(r"\b(?:clos(?:e|ed|es|ing)|finish(?:ed|es)?|settled?|shut)\b", re.I)


def close_worded(c, q: Qualifier) -> bool:
    """Whether the qualifier or the verb before the figure says the value is a close: from
    a few words before the figure or the qualifier to two words after the qualifier."""
    if q.span is None:
        return False
    base = c.sentence_start
    lo = max(min(q.span[0], c.start) - base - 30, 0)
    hi = q.span[1] - base
    after = re.match(r"(?:\W+\w+){0,2}", c.sentence[hi:])
    return bool(CLOSE_WORDS.search(c.sentence[lo:hi + (after.end() if after else 0)]))


def _result(q: Qualifier, holds: Holds, text: str) -> dict:
    return {"qualifier": q.label, "holds": holds, "explanation": text}


def _record(r: Reading) -> dict | None:
    if r.prior.empty:
        return None
    ref_ts, ref_v = r.prior.extreme(r.high)
    holds = r.x >= ref_v - EPS if r.high else r.x <= ref_v + EPS
    # a near-tie with the earlier record holds loosely, as for "the highest since" (README)
    state = True if holds else ("loosely" if abs(r.x - ref_v) <= r.tie + EPS else False)
    return _result(r.q, state, explain.record(r.high, ref_v, ref_ts, r.k.s.unit, r.first, holds))


LOOSE_MONTHS = 6  # "since June 1999" when the data say February 1999: loosely true


def _since_state(r: Reading, last_ts: pd.Timestamp) -> Holds:
    """"since 1999" holds when the last value beyond was in 1999; loosely a year off (half a
    year off for "since March 2024")."""
    arg = r.q.since
    got = f"{last_ts.year}" if len(arg) == 4 else f"{last_ts.year}-{last_ts.month:02d}"
    if got == arg:
        return True
    if len(arg) > 4:
        gap_months = (last_ts.year * 12 + last_ts.month) - (int(arg[:4]) * 12 + int(arg[5:7]))
        span = (r.ts.year * 12 + r.ts.month) - (int(arg[:4]) * 12 + int(arg[5:7]))
        return "loosely" if abs(gap_months) <= _slack(gap_months, span, LOOSE_MONTHS) else False
    gap, span = last_ts.year - int(arg[:4]), r.ts.year - int(arg[:4])
    return "loosely" if abs(gap) <= _slack(gap, span, r.k.policy.loose_years) else False


def _slack(gap: int, span: int, loose: int) -> int:
    """How far off "since X" may be and still hold loosely. An earlier last value than X
    only understates the claim; a later one overstates it, and that is forgiven only in
    proportion to how far back X lies: a year off on "since 1999" is a slip of memory, a
    month off on "since May" said in late June is the whole claim wrong."""
    return loose if gap <= 0 else min(loose, span // 4)


def _since(r: Reading) -> dict | None:
    if r.q.kind == QualifierKind.FIRST_SINCE:
        if r.side is None:
            return None
        earlier = r.crossed(r.prior)
    else:
        earlier = r.beyond(r.before_run, r.x)
    if earlier.empty:
        if r.first.year >= int(r.q.since[:4]):
            return _result(r.q, None, explain.since_unchecked(r.first, r.q.since[:4], r.label, r.high))
        return _result(r.q, "loosely", explain.since_exceeded(r.first, r.label, r.high))
    last_ts, last_v = earlier.last()
    state = _since_state(r, last_ts)
    if state is not True and r.q.kind != QualifierKind.FIRST_SINCE:
        clear = r.clearly_beyond(earlier)  # past the near-ties ("a 0.1 bp near-tie" in between)
        if clear.empty or _since_state(r, clear.ts(-1)) is not False:
            state = "loosely"
    return _result(r.q, state, explain.last_beyond(r.high, r.ts, last_v, r.k.s.unit, last_ts, state, r.label))


PERIOD_YEARS = {"year": (1.0, 0.25), "month": (1 / 12, 0.5), "week": (7 / 365.25, 0.5)}  # length, slack in periods


def _in_period(r: Reading) -> dict:
    """"a six-month high" holds when nothing was higher for six months, give or take half a
    month (a quarter of a year for years, half a week for weeks); loosely when the last
    higher value is one period short. "A multi-decade high": nothing higher for the
    policy's number of years."""
    multi = r.q.kind == QualifierKind.MULTI_DECADE
    per = "year" if multi else r.q.period
    unit_years, slack = PERIOD_YEARS[per]
    years = (r.k.policy.multi_decade_years if multi else r.q.count) * unit_years
    earlier = r.beyond(r.before_run, r.x)
    if earlier.empty:
        if (r.ts.date() - r.first).days / 365.25 < years:
            return _result(r.q, None, explain.period_unchecked(r.first, r.label))
        return _result(r.q, True, explain.nothing_beyond_since_start(r.high, r.first))
    last_ts, last_v = earlier.last()
    state = _period_state(r, last_ts, years, unit_years, slack, multi)
    if state is not True:
        clear = r.clearly_beyond(earlier)  # past the near-ties
        if clear.empty or _period_state(r, clear.ts(-1), years, unit_years, slack, multi) is not False:
            state = "loosely"
    back = (r.ts - last_ts).days / 365.25
    ago = f"{back:.1f} years" if per == "year" else f"{back / unit_years:.1f} {per}s"
    return _result(r.q, state, explain.last_beyond_ago(r.high, last_v, r.k.s.unit, last_ts, ago))


def _period_state(r: Reading, last_ts: pd.Timestamp, years: float, unit_years: float, slack: float,
                  multi: bool) -> Holds:
    back = (r.ts - last_ts).days / 365.25
    if multi:
        return back >= years
    # one period short holds loosely, but never less than half the span ("a one-month low"
    # with a lower close a week earlier fails)
    loose_floor = max(years - unit_years, years / 2)
    return True if years <= back + slack * unit_years else ("loosely" if back >= loose_floor else False)


def _first_time(r: Reading) -> dict | None:
    """"for the first time": no earlier crossing of the line (before the stated month, for a
    claim dated by one); "for the first time this month": none earlier in that month."""
    if r.side is None:
        return None
    c = r.k.c
    earlier = r.crossed(r.prior)
    if r.q.period:
        day = r.ts.date()
        start = {"week": day - timedelta(days=day.weekday()), "month": day.replace(day=1),
                 "year": day.replace(month=1, day=1)}[r.q.period]
        earlier = earlier.where(earlier.days >= pd.Timestamp(start).value)
        if earlier.empty:
            return _result(r.q, True, explain.first_time_in_period(c, r.q.period, start))
        return _result(r.q, False, explain.first_time_fails(float(earlier.values[-1]), r.k.s.unit, earlier.ts(-1)))
    start = month_bounds(c.time.value)[0] if c.time is not None and c.time.precision == "month" else r.ts.date()
    earlier = earlier.before(pd.Timestamp(start))
    if earlier.empty:
        return _result(r.q, True, explain.first_time_holds(c, r.first))
    return _result(r.q, False, explain.first_time_fails(float(earlier.values[-1]), r.k.s.unit, earlier.ts(-1)))


def _year_high(r: Reading) -> dict:
    """"its high for the year": beyond every earlier value of the same calendar year; within
    the series' basis allowance of the earlier extreme it holds loosely."""
    year = r.ts.year
    earlier = r.prior.where(r.prior.days >= pd.Timestamp(date(year, 1, 1)).value)
    if earlier.empty:
        return _result(r.q, True, explain.year_high(r.high, r.ts, None, r.x, r.k.s.unit, True))
    ref_ts, ref_v = earlier.extreme(r.high)
    holds = r.x >= ref_v - EPS if r.high else r.x <= ref_v + EPS
    state = True if holds else ("loosely" if abs(r.x - ref_v) <= r.k.s.level_allowance(r.x) else False)
    return _result(r.q, state, explain.year_high(r.high, r.ts, (ref_ts, ref_v), r.x, r.k.s.unit, state))


def _move(k: Case, q: Qualifier, ts: pd.Timestamp) -> dict | None:
    """"its biggest point decline on record", "the worst day since 1987", "the sharpest
    rise in 15 years": the day's move against every earlier day's move, in the claim's unit."""
    c = k.c
    if c.kind != Kind.CHANGE or c.since is not None or c.unit not in DAILY_MOVE_UNITS:
        return None
    changes = series_changes(k.data, c.unit, dropped=True)
    if ts not in changes.index:
        return None
    down = q.down_in_series(k.s.asset_class == "fx" and c.subject_quote)
    x = float(changes[ts])
    if (x < 0) != down:
        return _result(q, False, explain.move_direction_differs(x, c.unit, down))
    prior = changes[changes.index < ts]
    beyond = prior[prior <= x + EPS] if down else prior[prior >= x - EPS]
    if beyond.empty:
        return _result(q, True, explain.no_bigger_move(down, changes.index[0].date()))
    last_ts = beyond.index[-1]
    if q.scope == "record":
        state: Holds = False
    elif q.scope == "since":
        gap = last_ts.year - int(q.since[:4])
        state = True if gap == 0 else ("loosely" if abs(gap) <= k.policy.loose_years else False)
    else:  # in_years
        back = (ts - last_ts).days / 365.25
        state = True if q.count <= back + 0.25 else ("loosely" if back >= q.count - 1 else False)
    return _result(q, state, explain.last_bigger_move(down, float(beyond.iloc[-1]), c.unit, last_ts, state, q.label))


def _level(check: Callable[[Reading], dict | None]):
    """A checker of a level qualifier, read at the claim's day (at ``at`` within it)."""
    return lambda k, q, ts, side, at=None: check(Reading(k, q, ts, side, at))


CHECKERS: dict[QualifierKind, Callable[..., dict | None]] = {
    QualifierKind.RECORD: _level(_record),
    QualifierKind.SINCE: _level(_since),
    QualifierKind.FIRST_SINCE: _level(_since),
    QualifierKind.IN_PERIOD: _level(_in_period),
    QualifierKind.MULTI_DECADE: _level(_in_period),
    QualifierKind.FIRST_TIME: _level(_first_time),
    QualifierKind.YEAR_HIGH: _level(_year_high),
    QualifierKind.MOVE: lambda k, q, ts, side, at=None: _move(k, q, ts),
}


def require_checkers(produced: frozenset[QualifierKind], checkers: dict) -> None:
    """Every qualifier kind the extractor can produce has a checker (else an error at import)."""
    missing = sorted(produced - set(checkers))
    if missing:
        raise ConfigurationError(f"qualifier kinds without a checker in factcheck.verify.qualifiers: {missing}")


require_checkers(QUALIFIER_KINDS, CHECKERS)


def with_qualifiers(k: Case, ts: pd.Timestamp, v: Verdict, side: Threshold | None = None,
                    at: float | None = None) -> Verdict:
    """Check the claim's qualifiers on a passing verdict: one that fails makes the claim
    inaccurate, one that holds only loosely makes it approximately accurate. A qualifier is
    read on the claim's day and on the window's extreme on its side ("as of last week, a
    record": the record may have been set a few sessions before the figure quoted). One
    that fails but may be about another subject (:func:`attributed`) is reported and not
    counted. ``at``: the value the figure is read at on that day, when it is a quote from
    inside the day's high-low bar (the superlative is then the quote's, not the close's)."""
    if not v.label.supports or not k.c.qualifiers:
        return v
    worst = None
    for q in k.c.qualifiers:
        result = _best(k, q, ts, side, at)
        if result is None:
            continue
        if result["holds"] is False and not attributed(k, q):
            result["attributed"] = False
            result["explanation"] += " " + explain.unattributed_qualifier(q.label)
        v.qualifiers.append(result)
        v.explanation += " " + result["explanation"]
        if result["holds"] is False and result.get("attributed", True):
            worst = Label.INACCURATE
        elif result["holds"] == "loosely" and worst is None:
            worst = Label.APPROXIMATELY_ACCURATE
    if worst == Label.INACCURATE:
        v.label = Label.INACCURATE
    elif worst == Label.APPROXIMATELY_ACCURATE and v.label == Label.ACCURATE:
        v.label = Label.APPROXIMATELY_ACCURATE
    return v


RANK = {True: 0, "loosely": 1, None: 2, False: 3}


def _best(k: Case, q: Qualifier, ts: pd.Timestamp, side: Threshold | None, at: float | None) -> dict | None:
    """The qualifier's result on the claim's day, or on the window's extreme on the
    qualifier's side when that one holds better."""
    result = CHECKERS[q.kind](k, q, ts, side, at)
    if result is None or result["holds"] is True or q.kind == QualifierKind.MOVE:
        return result
    rows = k.rows()
    if rows.empty:
        return result
    high = q.high_in_series(k.s.asset_class == "fx" and k.c.subject_quote)
    other = rows.ts(int(np.argmax(rows.value) if high else np.argmin(rows.value)))
    if other == ts:
        return result
    again = CHECKERS[q.kind](k, q, other, side)
    return again if again is not None and RANK[again["holds"]] < RANK[result["holds"]] else result


# the words between a qualifier and its figure open another clause or subject ("..., while
# falling to a record low", "..., and futures fell to their weakest level since 2009")
OTHER_CLAUSE = re.compile(r";|,\s*(?:while|whereas|but|and|as|with|even as)\b|\b(?:while|whereas)\b", re.I)
AGAINST = re.compile(r"^\s*(?:against|versus|vs\.?)\s+(?:the\s+)?([A-Za-z$€£¥.]+)", re.I)
# the qualifier names the point a figure is measured from ("12% below its February record")
REFERENCE_POINT = re.compile(r"\b(?:below|under|beneath|off|short of|from|since|near|close to|approaching)\s+"
                             r"(?:its|the|their|a)\s+(?:[\w-]+\s+){0,3}$", re.I)


def attributed(k: Case, q: Qualifier) -> bool:
    """Whether a qualifier is surely about the claim's figure: nothing between them opens
    another clause or names another instrument, it does not name the point the figure is
    measured from ("12% below its February record"), and it is not said against a currency
    outside the series' pair ("a record low against the euro" on a dollar-yen figure)."""
    c, s = k.c, k.s
    if q.span is None:
        return True
    base = c.sentence_start
    a, b = q.span[0] - base, q.span[1] - base
    if not (0 <= a <= b <= len(c.sentence)):
        return True
    lo, hi = (b, c.start - base) if b <= c.start - base else (c.end - base, a)
    between = c.sentence[max(lo, 0):max(hi, 0)]
    if OTHER_CLAUSE.search(between) or REFERENCE_POINT.search(c.sentence[:max(a, 0)]):
        return False
    if any(cue.kind == "instrument" and cue.value != s.id and base + lo <= cue.start < base + hi for cue in c.cues):
        return False
    against = AGAINST.match(c.sentence[b:b + 30])
    if against is None:
        return True
    word = against.group(1).lower().strip(".")
    names = " ".join((s.name, s.id) + s.aliases + s.quote_currency_aliases).lower()
    return word in names or word in ("dollar", "greenback", "u.s", "us")
