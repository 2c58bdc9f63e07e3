"""Periods named by layout rather than by a phrase: a table column headed "Q2 change",
"chg H1", "m/m" or "YTD", and a label before a figure ("Quarter: -10.7%", "YTD: +12%",
"Week: +3.1%"), and a superlative appositive right after a move ("fell 11.8%, its worst
month since 2013"; :func:`appositive_period`). A move in such a column, after such a label
or before such an appositive is measured over that period, from the close before it began;
so is a move a periodic review ("Monthly recap", "Week in Review" in its first lines,
:func:`review_period`) leaves without a period or a day of its own.

The period is relative to the figure's own date (a quarterly table written on April 1
about the first quarter is dated March 31 once the figures are placed), so it is attached
as an unresolved ``since`` (:func:`attach`) and resolved once the dates are known
(:func:`resolve`, run again by whoever moves a figure to another day).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from datetime import date, timedelta

from .model import Claim, TimeRef
from .timeref import RECAP_DAYS, last_business_day
from .values import DateBasis, Kind
from .regexgate import gate_patterns

# label text -> period: week, month, quarter, half, year (to date); "q2"/"h1" name theirs
PERIOD_WORDS = re.compile(
    r"(?i)(?<![\w/])(?:(?P<week>w/w|wow|wtd|1w|week(?:ly)?)|(?P<month>m/m|mom|mtd|1m|month(?:ly)?)|"
    r"(?P<quarter>q/q|qoq|qtd|quarter(?:ly)?|q(?P<q>[1-4]))|(?P<half>(?P<h>[12])h|h(?P<h2>[12])|half|"
    r"(?P<hw>first|second) half)|(?P<year>ytd|year[- ]to[- ]date|y/y|yoy|1y|year))(?![\w/])")
CHANGE_HEADER = re.compile(r"(?i)\b(?:chg|change|move|return|perf(?:ormance)?|%|bp|diff|delta|since)\b|[+±]")
LABEL_BEFORE = re.compile(r"(?:^|[.;|]\s*|\n\s*[-*•]?\s*)(?P<label>[A-Za-z][\w/ -]{0,24}?)\s*:\s*$")
PREFIX = "label:"


def _period(label: str) -> str | None:
    m = PERIOD_WORDS.search(label)
    if m is None:
        return None
    kind = next(k for k in ("week", "month", "quarter", "half", "year") if m.group(k))
    if kind == "quarter" and m.group("q"):
        return f"quarter:{m.group('q')}"
    if kind == "half" and (m.group("h") or m.group("h2") or m.group("hw")):
        which = m.group("h") or m.group("h2") or ("1" if (m.group("hw") or "").lower() == "first" else "2")
        return f"half:{which}"
    if kind == "year" and re.search(r"(?i)y/y|yoy|1y", m.group(0)):
        return "year_ago"
    return kind


def column_header(text: str, pos: int) -> str | None:
    """The header of the table column holding ``pos`` (a pipe table), if any."""
    line_start = text.rfind("\n", 0, pos) + 1
    line = text[line_start:text.find("\n", pos) if "\n" in text[pos:] else len(text)]
    if line.count("|") < 2:
        return None
    col = text[line_start:pos].count("|")
    header = None
    start = line_start
    while start > 0:  # walk up to the first row of this table
        prev_start = text.rfind("\n", 0, start - 1) + 1
        prev = text[prev_start:start - 1]
        if prev.count("|") < 2:
            break
        header, start = prev, prev_start
    if header is None:
        return None
    cells = header.split("|")
    return cells[col] if col < len(cells) and not re.fullmatch(r"[\s:-]*", cells[col]) else None


def label_period(text: str, c) -> tuple[str, str] | None:
    """(words, period) a layout names for a move (a claim or a number, anything with a
    ``start``): its column's header, or a label right before it ("Quarter: -10.7%")."""
    header = column_header(text, c.start)
    if header is not None:
        period = _period(header)
        return (header.strip(), period) if period else None
    m = LABEL_BEFORE.search(text[max(0, c.start - 40):c.start])
    if m:
        period = _period(m.group("label"))
        return (m.group("label").strip(), period) if period else None
    return None


# "fell 11.8%, its worst month since 2013", "gained 3.9%, the index's best week in a year",
# "rose 4%, its biggest monthly gain": an appositive right after a move says the move is
# that period's ("fell 2% on Friday, capping its worst week" does not: the day's move)
SUPERLATIVE_PERIOD = re.compile(
    r"(?i)\s*(?:points?|percent|per cent|bps?|basis points|yen)?\s*,\s*(?:its|their|the\s+[\w.&-]+(?:'s|’s)|"
    r"the(?=\s+(?:best|worst|biggest|largest)))\s+(?:(?:best|worst|biggest|largest|strongest|weakest|sharpest|steepest|"
    r"heaviest|steepest)\s+(?:(?:one|single)-)?(?P<unit>week|month|quarter|year)\b|"
    r"(?:(?:best|worst|biggest|largest|strongest|weakest|sharpest|steepest|heaviest)\s+)?"
    r"(?P<adj>weekly|monthly|quarterly|annual|yearly)\s+(?:gain|loss|drop|decline|rise|fall|advance|increase|jump|"
    r"slide|rally|slump|performance|move)s?\b)")
ADJECTIVE_UNIT = {"weekly": "week", "monthly": "month", "quarterly": "quarter", "annual": "year", "yearly": "year"}


TO_LEVEL = re.compile(r"\s*(?:to|at)\s+(?:a\s+|an\s+)?(?:record\s+|fresh\s+)?", re.I)


def appositive_period(text: str, c, claims: list[Claim], starts: list[int] | None = None) -> tuple[str, str] | None:
    """(words, period) of a superlative appositive right after a move ("its worst month"),
    or after the level the move reached ("fell 13.2% to 51,063.72, its worst month")."""
    end = c.end
    # only a claim starting within TO_LEVEL's longest match after the move can be the level
    # it reached (its greedy match is its longest): testing every later claim made
    # claim-dense text quadratic (80 KB of short claim lines: 7 s)
    longest = TO_LEVEL.match(text, c.end)
    reached = [] if longest is None else [o for o in _starting_within(claims, starts, c.end, longest.end())
                                          if TO_LEVEL.fullmatch(text[c.end:o.start])]
    if reached:
        end = reached[0].end
    m = SUPERLATIVE_PERIOD.match(text, end)
    if m is None:
        return None
    unit = m.group("unit") or ADJECTIVE_UNIT[m.group("adj").lower()]
    return m.group(0).strip(" ,"), unit.lower(), reached[:1]


def in_order_starts(claims: list[Claim]) -> list[int] | None:
    """The claims' starts when the list is in text order (the extractor's is), else None."""
    starts = [o.start for o in claims]
    return starts if all(x <= y for x, y in zip(starts, starts[1:])) else None


def _starting_within(claims: list[Claim], starts: list[int] | None, a: int, b: int) -> list[Claim]:
    """The claims that start in ``[a, b]``, in list order (by bisection in ``starts``,
    :func:`in_order_starts`, when there are any)."""
    if starts is not None:
        return claims[bisect.bisect_left(starts, a):bisect.bisect_right(starts, b)]
    return [o for o in claims if a <= o.start <= b]


# a header naming the piece a periodic review ("Monthly recap, May 1", "Week in Review:
# August 12-16"): its moves with no period or day of their own are the period's
REVIEW_HEADER = re.compile(
    r"(?i)\b(?:(?P<adj>weekly|monthly|quarterly)\s+(?:markets?\s+)?(?:recap|review|wrap|round-?up|summary|digest)|"
    r"(?P<unit>week|month|quarter)\s+in\s+(?:review|numbers|markets))\b")
HEADER_LINES = 3


def review_period(text: str) -> tuple[str, str] | None:
    """(words, period) a periodic review's header names, read in its first lines only (a
    "weekly jobless claims" in a headline is no review)."""
    head = "\n".join(text.lstrip().splitlines()[:HEADER_LINES])
    m = REVIEW_HEADER.search(head)
    if m is None:
        return None
    return m.group(0), (m.group("unit") or ADJECTIVE_UNIT[m.group("adj").lower()]).lower()


def attach(text: str, claims: list[Claim]) -> str | None:
    """Give every move without a period of its own the period its layout, or a
    superlative appositive after it, names; the last session of a period just ended that
    such an appositive moved a figure to ("its worst month" on April 1), if any."""
    recap, review = None, review_period(text)
    starts = in_order_starts(claims)
    for c in claims:
        if c.kind is not Kind.CHANGE or c.since is not None or c.since_text or c.from_record:
            continue
        found, reached = label_period(text, c), []
        if found is not None:
            _give(c, *found, "layout_label")
        elif c.time is not None and c.time.precision == "day":  # a day to place it against
            found = appositive_period(text, c, claims, starts)
            if found is not None:
                _give(c, *found[:2], "superlative_period")
                recap = _recap([c, *found[2]], found[1]) or recap
            elif review is not None and c.date_basis in (DateBasis.REFERENCE, DateBasis.SESSION):
                _give(c, *review, "review_period")
                recap = _recap([c], review[1]) or recap
    return recap


def _give(c: Claim, words: str, period: str, rule: str) -> None:
    c.since = TimeRef(words, c.start, c.start, None, "day", "since", True, pattern=PREFIX + period)
    c.trace["period"] = rule


def _recap(figures: list[Claim], period: str) -> str | None:
    """"fell 11.8%, its worst month" in a piece of April 1: in a month's (quarter's, year's)
    first days such a period is the one just ended, and the move (with the level it
    reached) is dated its last session."""
    day = date.fromisoformat(figures[0].time.value)
    first = _start(period, day) + timedelta(days=1)
    if period == "week" or (day - first).days >= RECAP_DAYS:
        return None
    last = first - timedelta(days=1)
    session = last_business_day(last.year, last.month).isoformat()
    for c in figures:
        if c.time is not None and c.time.value == day.isoformat():
            c.time = replace(c.time, value=session)
            c.trace["date"] = "period_just_ended"
    return session


def _start(period: str, day: date) -> date | None:
    """The day whose close a period ending on ``day`` is measured from."""
    name, _, arg = period.partition(":")
    if name == "week":
        return day - timedelta(days=day.weekday() + 3)  # the Friday before its Monday
    if name == "month":
        return date(day.year, day.month, 1) - timedelta(days=1)
    if name == "quarter":
        q = int(arg) if arg else (day.month - 1) // 3 + 1
        return date(day.year, 3 * q - 2, 1) - timedelta(days=1)
    if name == "half":
        h = int(arg) if arg else (1 if day.month <= 6 else 2)
        return date(day.year, 1 if h == 1 else 7, 1) - timedelta(days=1)
    if name == "year":
        return date(day.year - 1, 12, 31)
    if name == "year_ago":
        return day - timedelta(days=365)
    return None


def resolve(claims: list[Claim]) -> None:
    """Place every layout period against its figure's date (again, after a figure moves)."""
    for c in claims:
        s = c.since
        if s is None or not s.pattern.startswith(PREFIX) or c.time is None or not c.time.value or \
                c.time.precision != "day":
            continue
        start = _start(s.pattern[len(PREFIX):], date.fromisoformat(c.time.value))
        c.since = replace(s, value=start.isoformat() if start else None)


gate_patterns(globals())  # every pattern above behind its literal pre-check (claims.regexgate)
