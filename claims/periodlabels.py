"""Periods named by layout rather than by a phrase: a table column headed "Q2 change",
"chg H1", "m/m" or "YTD", and a label before a figure ("Quarter: -10.7%", "YTD: +12%",
"Week: +3.1%"). A move in such a column or after such a label is measured over that
period, from the close before it began.

The period is relative to the figure's own date (a quarterly table written on April 1
about the first quarter is dated March 31 once the figures are placed), so it is attached
as an unresolved ``since`` (:func:`attach`) and resolved once the dates are known
(:func:`resolve`, run again by whoever moves a figure to another day).
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from .model import Claim, TimeRef
from .values import Kind

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


def _column(text: str, pos: int) -> str | None:
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
    header = _column(text, c.start)
    if header is not None:
        period = _period(header)
        return (header.strip(), period) if period else None
    m = LABEL_BEFORE.search(text[max(0, c.start - 40):c.start])
    if m:
        period = _period(m.group("label"))
        return (m.group("label").strip(), period) if period else None
    return None


def attach(text: str, claims: list[Claim]) -> None:
    """Give every move without a period of its own the period its layout names."""
    for c in claims:
        if c.kind is not Kind.CHANGE or c.since is not None or c.since_text or c.from_record:
            continue
        found = label_period(text, c)
        if found is not None:
            words, period = found
            c.since = TimeRef(words, c.start, c.start, None, "day", "since", True, pattern=PREFIX + period)
            c.trace["period"] = "layout_label"


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
