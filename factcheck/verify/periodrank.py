""""Its worst month since 2022", "its best week since November last year": the superlative a
recap attaches to a move over a period, judged over that length's moves.

The extraction reads such a phrase neither as a period nor as a qualifier when the move's
period is not stated (:mod:`.unstated` finds the period from the data). Once a period of
the named length holds, the phrase says that no period of that length between the named
date and this one moved further the same way. It fails when one did and ended more than
:data:`SLACK_DAYS` after the named time ("since 2022" after a worse March 2025; an editor
forgives a month's slip as for "since June 1999"); the evidence names that period.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

import pandas as pd

from claims import Kind, change_between

from ..labels import Label
from . import explain
from .case import Case, month_bounds
from .verdict import Verdict

SLACK_DAYS = 31
MONTHS = "january february march april may june july august september october november december".split()
PHRASE = re.compile(r"\b(?P<way>worst|best|biggest|largest|steepest|sharpest|strongest|weakest)\s+"
                    r"(?:(?:monthly|weekly|quarterly|annual|yearly)\s+(?:gain|rise|drop|fall|loss|decline)|"
                    r"(?P<length>week|month|quarter|year))\s+since\s+(?:(?:early|mid|late|mid-)\s*)?"
                    r"(?:(?P<month>" + "|".join(MONTHS) + r")\s+)?(?P<year>\d{4}|last year)\b", re.I)
RULES = {"week": "W-FRI", "month": "ME", "quarter": "QE", "year": "YE"}
MIN_SPAN_DAYS = {"week": 4, "month": 20, "quarter": 60, "year": 300}  # a move this long is the period's
QUALIFIER_STRENGTH = 0.5  # as readings.QUALIFIER_STRENGTH: the figure holds, its superlative does not
UP_WORDS = ("best", "strongest")
DOWN_WORDS = ("worst", "weakest")


CLAUSE_END = re.compile(r"[;|\n]|\.\s")


def after_figure(c) -> str:
    """The words after the claim's figure up to the end of its clause or table cell, when no
    other number comes before a superlative ("lost 5.1%, its worst month since 2022"; not
    the next row's "-25.2% (worst month since ...)")."""
    rest = c.sentence[max(c.end - c.sentence_start, 0):]
    stop = CLAUSE_END.search(rest)
    rest = rest[:stop.start()] if stop else rest
    first = PHRASE.search(rest)
    return rest if first is not None and not re.search(r"\d", rest[:first.start()]) else ""


def phrases(c) -> list[re.Match]:
    return list(PHRASE.finditer(after_figure(c)))


def phrase(k: Case, length: str) -> re.Match | None:
    """The superlative right after the claim's figure about a period of ``length``."""
    for m in phrases(k.c):
        if (m.group("length") or length).lower() == length:
            return m
    return None


def since_end(m: re.Match, today: date) -> date:
    """The last day of the time the phrase names ("2022": 2022-12-31; "November last year")."""
    year = today.year - 1 if m.group("year").lower() == "last year" else int(m.group("year"))
    if m.group("month"):
        return month_bounds(f"{year}-{MONTHS.index(m.group('month').lower()) + 1:02d}")[1]
    return date(year, 12, 31)


def check(k: Case, length: str, end_ts: pd.Timestamp, actual: float) -> dict | None:
    """The qualifier's result (in the shape of :mod:`.qualifiers`), or None when the sentence
    has no such phrase for this length."""
    m = phrase(k, length)
    if m is None:
        return None
    way = m.group("way").lower()
    up = actual >= 0 if way not in UP_WORDS + DOWN_WORDS else way in UP_WORDS
    closes = k.data.values[k.data.values.index <= end_ts]
    ends = closes.resample(RULES[length]).last().dropna()
    moves = change_between(k.c.unit, ends.shift(1), ends).dropna().iloc[:-1]  # the last one is this period
    named = since_end(m, end_ts.date())
    later = moves[moves.index > pd.Timestamp(named + timedelta(days=SLACK_DAYS))]
    beyond = later[later > actual] if up else later[later < actual]
    text = m.group(0)
    if beyond.empty:
        return {"qualifier": text, "holds": True, "explanation": explain.period_rank_holds(text, length, named)}
    ts = beyond.index[-1]
    return {"qualifier": text, "holds": False,
            "explanation": explain.period_rank_fails(text, length, ts.date(), float(beyond.iloc[-1]), k.c.unit)}


def attach(k: Case, v: Verdict) -> Verdict:
    """A supported move over a period the extraction found ("lost 5.1%, its worst month since
    2022" read over the month) with its period superlative checked: one that fails makes
    the claim a flag at qualifier strength. A one-day move beside such a phrase ("fell 2%
    on Friday, capping its worst month") is not the period's: left alone."""
    c = k.c
    if c.kind != Kind.CHANGE or len(v.observed) < 2 or not c.sentence:
        return v
    first, last = (pd.Timestamp(o.date) for o in (v.observed[0], v.observed[-1]))
    span = (last - first).days
    m = next((m for m in phrases(c) if m.group("length")), None)
    if m is None or span < MIN_SPAN_DAYS[m.group("length").lower()]:
        return v
    actual = change_between(c.unit, v.observed[0].value, v.observed[-1].value)
    rank = check(k, m.group("length").lower(), last, actual)
    if rank is None:
        return v
    v.qualifiers = [*v.qualifiers, rank]
    v.explanation += " " + rank["explanation"]
    if rank["holds"] is False:
        v.label, v.strength = Label.INACCURATE, QUALIFIER_STRENGTH
    return v
