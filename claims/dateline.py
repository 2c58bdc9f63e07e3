"""The day a text says it speaks from: a dateline, an "as of" date, the date of its lede,
or a day and month without a year; and the weekday it names for itself.

Writers put the date in many places and shapes: "TOKYO, Aug 5, 2024 (Wire) -", "Posted
May 19, 2026", "12:06 JST, August 5, 2024 (updated at 17:30 JST)", "Fri 26 Jun 2026",
"19-Dec-2024", "(22nd May 2024)", "episode 212 - Thursday, 14 March 2026", "As of January 14,
2026, the dollar is...". A line near the top counts as a dateline when nothing but the date,
clock times, time zones and episode or issue numbers carries digits (a first sentence with
figures is a sentence that mentions a date). Without a year ("TOKYO, Feb 4 (Wire)", "On
Monday morning (9 February, 9:16 AM)") the day and month are kept and the year is left to
the caller, who can read it from the data, from the weekday the text names, or take the
latest such day.

When the text names both a weekday and a date that disagree, and the date is a weekend day
next to that weekday ("Friday, January 24, 2026", a Saturday), the weekday wins: writers
mistype dates more often than the day they are describing.

Nothing here knows markets; :mod:`factcheck.refdate` combines this with the data.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from .lexicon import MONTHS, WEEKDAYS
from .regexgate import gate_patterns

_MON = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
        r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_WD = (r"(?:Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?|Sat(?:urday)?|"
       r"Sun(?:day)?)")
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
WEEKDAY_ABBR = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5,
                "sun": 6}

# A written date, with or without a year and a weekday before it. Day-first and month-first
# orders, ordinals ("22nd May"), "03 Jul, 2025", "19-Dec-2024", ISO and unambiguous numeric
# forms (a numeric day-month is read only when one part cannot be a month: "14/03").
DATE = re.compile(
    rf"(?:\b(?P<wd>{_WD})\.?,?\s+)?(?:"
    rf"\b(?P<mon>{_MON})\.?\s+(?P<d>\d{{1,2}}){_ORD}\b(?:\s*(?:[-–]|and)\s*(?P<dend>\d{{1,2}}){_ORD}\b(?![.,]\d|%))?"
    rf"(?:,?\s+(?P<y>{_YEAR})\b)?"
    rf"|\b(?P<d2>\d{{1,2}}){_ORD}(?:\s+of)?[\s-]+(?P<mon2>{_MON})\.?\b(?:[,\s-]+(?P<y2>{_YEAR})\b)?"
    rf"|\b(?P<iy>{_YEAR})-(?P<im>\d\d)-(?P<id>\d\d)\b"
    rf"|\b(?P<na>\d{{1,2}})[/.](?P<nb>\d{{1,2}})(?:[/.](?P<ny>{_YEAR}))?\b(?![/.]\d)"
    r")")
# What a dateline may hold besides its date: clock times, zones, offsets, episode and issue
# numbers, an update count, a year on its own
NOT_A_FIGURE = re.compile(
    r"\b\d{1,2}:\d\d(?:\s*[ap]\.?m\b\.?)?|\b\d{1,2}(?:\.\d\d)?\s*[ap]\.?m\b\.?|\b(?:GMT|UTC)\s*[+-]\s*\d{1,2}\b|"
    r"\b(?:episode|ep\.?|no\.?|issue|vol\.?|volume|update|part|#)\s*\d+\b|\b" + _YEAR + r"\b", re.I)
AS_OF = re.compile(r"\b(?:as of|as at)\s+$", re.I)
IT_IS_WEEKDAY = re.compile(rf"\b(?:it'?s|it is|today is|today,)\s+(?:a\s+)?(?P<wd>{_WD})\b", re.I)
HEAD_LINES, HEAD_CHARS = 5, 600


@dataclass(frozen=True)
class WrittenDate:
    """What the text says about its own day.

    ``date``: the full date, when the text pins one (``how``: dateline, as_of or lede).
    ``month_day``: a day and month without a year (a wire dateline, a dated lede).
    ``weekday``: the weekday the text names for its own day ("TKY CLOSE - Wed", "It's
    Thursday evening"), 0 = Monday. ``span``: the dateline's characters (its numbers are no
    claims and its date dates no figure)."""

    date: date | None = None
    month_day: tuple[int, int] | None = None
    weekday: int | None = None
    span: tuple[int, int] | None = None
    how: str = "none"

    @property
    def pinned(self) -> bool:
        return self.date is not None


def weekday_number(word: str) -> int | None:
    w = word.lower().rstrip(".")
    return WEEKDAYS.get(w, WEEKDAY_ABBR.get(w))


def reconcile_weekday(d: date, weekday: int | None) -> date:
    """A date and the weekday written beside it: when they disagree and the date is a
    weekend day one day from that weekday, the writer meant the weekday."""
    if weekday is None or d.weekday() == weekday or d.weekday() < 5:
        return d
    for step in (-1, 1):
        if (d + timedelta(days=step)).weekday() == weekday:
            return d + timedelta(days=step)
    return d


@dataclass(frozen=True)
class DateMention:
    """One written date: its parts (year may be missing) and where it is."""

    start: int
    end: int
    month: int
    day: int
    year: int | None
    weekday: int | None

    def as_date(self) -> date | None:
        if self.year is None:
            return None
        try:
            return reconcile_weekday(date(self.year, self.month, self.day), self.weekday)
        except ValueError:
            return None


def _numeric(a: int, b: int) -> tuple[int, int] | None:
    """(month, day) of a numeric date when only one reading is a date."""
    day_first, month_first = 1 <= b <= 12 and 1 <= a <= 31, 1 <= a <= 12 and 1 <= b <= 31
    if day_first and not month_first:
        return b, a
    if month_first and not day_first:
        return a, b
    return None


def mention(m: re.Match, offset: int = 0) -> DateMention | None:
    """The date a match of :data:`DATE` spells, or ``None`` for a numeric form that could
    be read either way ("03/04") or is no date at all."""
    g = m.groupdict()
    wd = weekday_number(g["wd"]) if g["wd"] else None
    if g["mon"] or g["mon2"]:
        month = MONTHS[(g["mon"] or g["mon2"]).lower().rstrip(".")]
        day, year = int(g["dend"] or g["d"] or g["d2"]), g["y"] or g["y2"]  # a range: its last day
    elif g["iy"]:
        month, day, year = int(g["im"]), int(g["id"]), g["iy"]
    else:
        if g["ny"] is None and "." in m.group(0):
            return None  # "4.5" is a number, not the fourth of May
        parts = _numeric(int(g["na"]), int(g["nb"]))
        if parts is None:
            return None
        (month, day), year = parts, g["ny"]
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return DateMention(offset + m.start(), offset + m.end(), month, day, int(year) if year else None, wd)


HAS_DIGIT = re.compile(r"\d")  # every form of DATE holds a digit: text without one holds no date


def _mentions(line: str, offset: int, numeric: bool, matches: list[re.Match] | None = None) -> list[DateMention]:
    """The dates written in ``line`` (``matches``: DATE's matches in it, when already found)."""
    out = []
    if not HAS_DIGIT.search(line):
        return out
    for m in DATE.finditer(line) if matches is None else matches:
        if not numeric and m.group("na"):
            continue
        found = mention(m, offset)
        if found is not None:
            out.append(found)
    return out


def _bare(line: str, found: list[DateMention], offset: int) -> str:
    """The line without its dates and the digits a dateline may hold."""
    for f in sorted(found, key=lambda f: -f.start):
        line = line[:f.start - offset] + " " + line[f.end - offset:]
    return NOT_A_FIGURE.sub(" ", line)


# "TOKYO, Feb 4 (Wire) -", "New York, Jan. 23 (Jiji Press)–": a place, a date, perhaps an
# agency, then a dash; the lede that follows on the same line does not make it a sentence
WIRE_PLACE = re.compile(r"^\s*(?:\(?[A-Z][\w.'/ -]{1,40}\)?\s*[,:]\s*)$")
WIRE_AFTER = re.compile(r"^\s*(?:\([^()\n]{1,40}\))?\s*(?:[-–—:]|$)")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(\[])")
DATELINE_CHARS = 120  # a longer unit with a date is the lede, not a dateline


def _head_units(text: str):
    """(line, start offset, whole line?) for the first lines of the text and, in a long
    line, its first sentence."""
    head = text[:HEAD_CHARS]
    lines = [m for m in re.finditer(r"[^\n]+", head) if m.group(0).strip()][:HEAD_LINES]
    for lm in lines:
        line = lm.group(0)
        yield line, lm.start(), True
        if len(line) > DATELINE_CHARS:
            first = SENTENCE_END.split(line, maxsplit=1)[0]
            if first != line:
                yield first, lm.start(), False


def _line_weekday(line: str) -> int | None:
    """The weekday a short header line names for itself ("TKY EOD RUN - Wed")."""
    if len(line.strip()) > 60:
        return None
    m = re.search(rf"(?<![\w'])(?P<wd>{_WD})\b\.?(?!\s*['’]s)", line)
    return weekday_number(m.group("wd")) if m else None


def _wire(line: str, offset: int, matches: list[re.Match]) -> DateMention | None:
    """A dateline's date: the place before it, an agency and a dash after it (``matches``:
    DATE's matches in the line)."""
    for m in matches:
        if m.group("na") is None and WIRE_PLACE.match(line[:m.start()]) and WIRE_AFTER.match(line[m.end():]):
            return mention(m, offset)
    return None


def _written(found: DateMention, weekday: int | None, how: str, span, unit: str = "") -> WrittenDate:
    if found.weekday is None:  # "On Monday morning (9 February, 9:16 AM)": the weekday of the same line
        m = re.search(rf"(?<![\w'])(?P<wd>{_WD})\b(?!\s*['’]s)", unit)
        if m:
            found = replace(found, weekday=weekday_number(m.group("wd")))
    d = found.as_date()
    if d is not None:
        return WrittenDate(d, (d.month, d.day), d.weekday(), span, how)
    wd = found.weekday if found.weekday is not None else weekday
    return WrittenDate(None, (found.month, found.day), wd, span, how)


# figures in digits or in words ("between four and five percent"): a line holding them is
# a sentence that mentions a date, never a dateline
FIGURES = re.compile(r"[\d%$¥€£]|\b(?:percent|per cent|percentage points?|basis points?)\b", re.I)


@lru_cache(maxsize=8)
def find_written_date(text: str) -> WrittenDate:
    """The day the text says it speaks from (see the module docstring). Kept for the last
    few texts: a check asks up to five times per document (the reference date, both
    extractions, the evidence and the lede's weekday), and the answer is immutable."""
    weekday = None
    for line, offset, whole in _head_units(text):
        matches = list(DATE.finditer(line)) if HAS_DIGIT.search(line) else []  # read once, for both
        wire = _wire(line, offset, matches) if whole else None
        if wire is not None:
            return _written(wire, weekday, "dateline", (wire.start, wire.end))
        found = _mentions(line, offset, numeric=True, matches=matches)
        if not found:
            if whole:
                weekday = weekday if weekday is not None else _line_weekday(line)
            continue
        bare = _bare(line, found, offset)
        if FIGURES.search(bare):
            continue  # a sentence with figures that mentions a date
        best = next((f for f in found if f.year is not None), found[0])
        if whole and len(line) <= DATELINE_CHARS:
            return _written(best, weekday, "dateline", (best.start, best.end), line)
        return _written(best, weekday, "lede", None, line)
    as_of = _as_of(text)
    if as_of is not None:
        return as_of
    if weekday is None:
        m = IT_IS_WEEKDAY.search(text[:HEAD_CHARS])
        weekday = weekday_number(m.group("wd")) if m else None
    return WrittenDate(weekday=weekday, how="weekday" if weekday is not None else "none")


def _as_of(text: str) -> WrittenDate | None:
    """"As of January 14, 2026, the dollar is trading around 159.20": a full date that the
    first paragraph states its figures as of."""
    first = re.split(r"\n\s*\n", text[:HEAD_CHARS * 2], maxsplit=1)[0]
    folded = first.casefold()
    if "as of" not in folded and "as at" not in folded:
        return None  # no "as of" / "as at" before any date (AS_OF reads the same two phrases)
    for m in DATE.finditer(first):
        found = mention(m)
        if found is not None and found.year is not None and AS_OF.search(first[max(0, m.start() - 12):m.start()]):
            d = found.as_date()
            if d is not None:
                return WrittenDate(d, (d.month, d.day), d.weekday(), None, "as_of")
    return None


def find_dateline(text: str) -> tuple[date | None, tuple[int, int] | None]:
    """The publication date a dateline at the top of a piece writes, with its span; a
    dateline without a year gives its span but no date."""
    w = find_written_date(text)
    if w.how != "dateline":
        return (w.date, None) if w.date is not None else (None, None)
    return w.date, w.span


def past_dates(text: str) -> list[DateMention]:
    """Every written date with a year ("on August 5, 2024", "in 2024-07-03"), in text order."""
    return [f for f in _mentions(text, 0, numeric=False) if f.year is not None]


def body_month_days(text: str) -> set[tuple[int, int]]:
    """(month, day) of every date the text writes without a year ("announced on December
    19", "the meeting on January 23 and 24"): days the text itself speaks of."""
    return {(f.month, f.day) for f in _mentions(text, 0, numeric=False) if f.year is None}


LEDE_WEEKDAY = re.compile(rf"\b(?:on|late on|early on)\s+(?P<wd>{_WD})\b(?!\s*['’]s)", re.I)


def lede_weekday(text: str) -> int | None:
    """The weekday the first sentences report on ("... plunged on Friday"): the session a
    news story is usually about, a hint (not a rule) for the year of a dateline without one."""
    w = find_written_date(text)
    start = w.span[1] if w.span else 0
    m = LEDE_WEEKDAY.search(text[start:start + 400])
    return weekday_number(m.group("wd")) if m else None


gate_patterns(globals())  # every pattern above behind its literal pre-check (claims.regexgate)
