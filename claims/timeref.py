"""Find time phrases and resolve them against a reference date.

Relative phrases ("on Tuesday", "yesterday", "in June", "last year") resolve to the most
recent such time on or before the reference date, because commentary reports what has
happened; a phrase that sets a forecast horizon ("by year-end", "by the end of 2026") keeps
its role ``by`` and resolves forward. Without a reference date, relative phrases stay
unresolved (``value=None``) rather than being pinned to today's date.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

from .casefold import lowered
from .wordtrie import alternation
from .lexicon import MONTHS, WEEKDAYS, WORD_NUMBERS
from .dateline import WEEKDAY_ABBR, reconcile_weekday
from .model import TimeRef
from .regexgate import gate_patterns, lacks, required_literals

_MON = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WD_ABBR = r"(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri)"  # capitalised, as threads write them
# full month names only (and not "May", a verb at the start of a clause) for attributive uses
_MONTH_NAME = r"(?:January|February|March|April|June|July|August|September|October|November|December)"
_NUMW = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"

SINCE_BEFORE = re.compile(r"\b(?:since|from)\s+(?:the\s+)?(?:last\s+)?$", re.I)
BY_BEFORE = re.compile(r"\b(?:by|until|till|before|toward|towards)\s+(?:the\s+)?$", re.I)
QUALIFIER_SINCE = re.compile(
    r"\b(?:highest|lowest|weakest|strongest|biggest|largest|smallest|steepest|worst|best|"
    r"heaviest|first time|narrowest|widest|most|least|seen)\b[^.;]{0,40}\bsince\s+(?:the\s+)?$", re.I)
SEEN_BEFORE = re.compile(r"\b(?:last|not|un)\s*seen\s+$", re.I)  # "a level last seen in 1999": a qualifier
# "below 50,000 for the first time in this month" is a qualifier; "for the first time in February" dates the figure
FIRST_TIME_BEFORE = re.compile(r"\bfirst time (?:in\s+)?$", re.I)
# "second only to the rebound of Aug. 6 last year", "bigger than the one on Friday": the day
# of the event a figure is compared with dates nothing and carries to no later sentence
# (not a figure compared: in "rose more than 2% on Friday" the day is the figure's)
COMPARED_BEFORE = re.compile(r"\b(?:second only to|only (?:surpassed|exceeded|topped|beaten|outdone|rivall?ed) by|"
                             r"than|compared (?:with|to)|comparable to)\b(?P<what>(?:[^.;:,]|\.(?!\s+[A-Z])){0,40})$", re.I)
DATE_WORDS = re.compile(rf"\b{_MON}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MON}\b|\b(?:19|20)\d\d\b")
FIGURE_WORDS = re.compile(r"[-+$¥€£%\d]|\b(?:percent|per cent|points?|basis|bps?|yen|dollars?|cents?|pct|"
                          r"one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred)\b", re.I)


# "Correction appended Oct. 30:", "Corrected on 3 March", "Clarification added Tuesday": the
# day a notice was written, not a day any figure of the piece speaks of
# (a notice opens its line or a bracket: "stocks corrected on Tuesday" is a market's move)
EDIT_NOTE_BEFORE = re.compile(r"(?:^|[\n(\[*])\s*(?:correction|corrected|clarification|clarified)(?:\s*\(?\s*(?:appended|"
                              r"added|made|issued|published|posted|note))?\s*(?:on\s+)?[:,-]?\s*$", re.I)


def edit_note(text: str, start: int) -> bool:
    """Whether the time phrase at ``start`` dates a correction or clarification notice."""
    return EDIT_NOTE_BEFORE.search(("\n" if start <= 60 else "") + text[max(0, start - 60):start]) is not None


def compares(before: str) -> bool:
    """Whether the words before a time phrase compare with another event ("bigger than the
    one on Friday"); not when a figure is what is compared ("more than 2% on Friday",
    "more than nine percent yesterday": the day is the figure's)."""
    m = COMPARED_BEFORE.search(before)
    return m is not None and not FIGURE_WORDS.search(DATE_WORDS.sub(" ", m.group("what")))
OFFSET_UNITS = {"last": -1, "this": 0, "next": 1}
RECAP_DAYS = 3  # "the month" this early in a month is the one just ended
YEAR_END_REVIEW_DAY = 24  # from this day of December, "ends 2025 up 26%" speaks of the year now closing
AHEAD_DAYS = 31  # a day and month without a year is the coming one when that is this near (a scheduled meeting)


def _num(word: str) -> int:
    word = word.lower()
    if word == "a":
        return 1
    return int(word) if word.isdigit() else WORD_NUMBERS.get(word, 0)


def last_business_day(year: int, month: int) -> date:
    d = date(year, month, calendar.monthrange(year, month)[1])
    while d.weekday() >= 5:
        d -= timedelta(days=1)
    return d


def previous_weekday(d: date) -> date:
    """The last Monday-to-Friday day before ``d`` (Friday for a Monday)."""
    d -= timedelta(days=1)
    while d.weekday() >= 5:
        d -= timedelta(days=1)
    return d


def _past_month(ref: date, month: int, forward: bool) -> tuple[int, int]:
    if forward:
        year = ref.year if month >= ref.month else ref.year + 1
    else:
        year = ref.year if month <= ref.month else ref.year - 1
    return year, month


def _weekday(ref: date, wd: int, rel: str | None, forward: bool) -> date:
    if rel == "next" or (forward and rel != "last"):
        delta = (wd - ref.weekday()) % 7
        return ref + timedelta(days=delta if delta or rel != "next" else 7)
    delta = (ref.weekday() - wd) % 7
    if rel == "last" and delta == 0:
        delta = 7
    return ref - timedelta(days=delta)


def _role(text: str, start: int, phrase: str) -> str:
    """How the phrase relates to a figure, from the words just before it: a point, the
    start of a period (``since``), a horizon (``by``) or part of a qualifier."""
    before = text[max(0, start - 60):start]
    low = phrase.lower()
    if SEEN_BEFORE.search(before) or (FIRST_TIME_BEFORE.search(before) and low.startswith(("this ", "the "))) or \
            compares(before) or edit_note(text, start):
        return "qualifier"
    if low.startswith("since") or SINCE_BEFORE.search(before):
        probe = before + "since " if low.startswith("since") else before
        return "qualifier" if QUALIFIER_SINCE.search(probe) else "since"
    if low.startswith(("by ", "until ", "till ")) or BY_BEFORE.search(before):
        return "by"
    return "point"


@dataclass
class Found:
    """One match of a time pattern, being resolved against the reference date."""

    text: str
    start: int
    end: int
    gd: dict
    ref: date | None
    pattern: str = ""

    def __post_init__(self):
        self.phrase = self.text[self.start:self.end]
        self.role = _role(self.text, self.start, self.phrase)

    @property
    def forward(self) -> bool:
        return self.role == "by"

    @property
    def month(self) -> int | None:
        return MONTHS.get(self.gd["mon"].lower().rstrip(".")) if self.gd.get("mon") else None

    def tr(self, value, precision, relative=True, role=None, **kw) -> TimeRef:
        return TimeRef(self.phrase, self.start, self.end, value, precision, role or self.role, relative,
                       pattern=self.pattern, **kw)

    def span(self, value, precision, role, **kw) -> TimeRef:
        """A phrase whose role is its own (a period or a duration), whatever precedes it."""
        return TimeRef(self.phrase, self.start, self.end, value, precision, role, True, pattern=self.pattern, **kw)


def _day(f: Found, y: int, m: int, d: int) -> TimeRef | None:
    """A written date; with a weekday beside it that disagrees by one day and the date on
    a weekend ("Friday, January 24, 2026", a Saturday), the weekday wins."""
    try:
        day = date(y, m, d)
    except ValueError:
        return None
    if f.gd.get("wd"):
        day = reconcile_weekday(day, WEEKDAYS[f.gd["wd"].lower()])
    return f.tr(day.isoformat(), "day", False)


def _month_day(f: Found) -> TimeRef | None:
    if f.ref is None:
        return f.tr(None, "day")
    mon, day = f.month, int(f.gd["d"])
    try:
        d = date(f.ref.year, mon, day)
        if d > f.ref and not f.forward and (d - f.ref).days > AHEAD_DAYS:
            d = date(f.ref.year - 1, mon, day)
        elif d < f.ref and (date(f.ref.year + 1, mon, day) - f.ref).days <= AHEAD_DAYS:
            d = date(f.ref.year + 1, mon, day)  # "on January 5" in a piece of December 20
    except ValueError:
        return None
    return f.tr(d.isoformat(), "day")


def _day_of_month(f: Found) -> TimeRef | None:
    """"on the 20th", "at the close of 17th": the latest such day on or before the
    reference (this month's, else last month's)."""
    if f.ref is None:
        return f.tr(None, "day")
    day, ref = int(f.gd["d"]), f.ref
    year, month = ref.year, ref.month
    for _ in range(3):
        try:
            d = date(year, month, day)
        except ValueError:
            d = None
        if d is not None and (d <= ref or f.forward):
            return f.tr(d.isoformat(), "day")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return None


def first_business_day(year: int, month: int) -> date:
    d = date(year, month, 1)
    while d.weekday() >= 5:
        d += timedelta(days=1)
    return d


def _year_of_month(f: Found) -> int | None:
    """The year of the month a phrase names: written, else the latest such month before the
    reference (or the next one, read forward); ``None`` without a reference."""
    if f.gd.get("y"):
        return int(f.gd["y"])
    return None if f.ref is None else _past_month(f.ref, f.month, f.forward)[0]


def _start_of_month(f: Found) -> TimeRef:
    """"at the start of March": its first session; "since the start of March": from the
    last close before it."""
    year = _year_of_month(f)
    if year is None:
        return f.tr(None, "day")
    if f.role == "since":
        return f.tr(last_business_day(*((year, f.month - 1) if f.month > 1 else (year - 1, 12))).isoformat(), "day",
                    not f.gd.get("y"))
    return f.tr(first_business_day(year, f.month).isoformat(), "day", not f.gd.get("y"))


def _end_of_month(f: Found) -> TimeRef:
    year = _year_of_month(f)
    if year is None:
        return f.tr(None, "day")
    return f.tr(last_business_day(year, f.month).isoformat(), "day", not f.gd.get("y"))


def _year_end(f: Found, closing: bool) -> TimeRef | None:
    """"at the end of 2024", "ended 2024 at 157.2", "since the end of last year": a past
    year's last session; a year still ahead ("by the end of the year", "end-2026") is a
    horizon, its last calendar day."""
    gd, ref = f.gd, f.ref
    year = int(gd.get("y") or gd.get("y2")) if gd.get("y") or gd.get("y2") else \
        (ref.year - 1 if gd.get("last") else ref.year) if ref else None
    written = bool(gd.get("y") or gd.get("y2"))
    if year is not None and ref is not None and (f.role == "since" or (
            year < ref.year and not f.phrase.lower().startswith("by"))):
        return f.tr(last_business_day(year, 12).isoformat(), "day", not written)
    if closing and year is not None and ref is not None and year == ref.year and ref.month == 12 and \
            ref.day >= YEAR_END_REVIEW_DAY:  # "the Nikkei closes 2025 up 26%" in a review dated Dec. 31
        return f.tr(min(last_business_day(year, 12), ref).isoformat(), "day", False)
    if closing:
        return None
    return f.tr(f"{year}-12-31" if year else None, "day", not written, role="by" if f.role != "since" else f.role)


def quarter_end(year: int, quarter: int) -> date:
    return date(year, 3 * quarter, calendar.monthrange(year, 3 * quarter)[1])


def _quarter_end(f: Found) -> TimeRef | None:
    """"by the end of this quarter", "end-Q3", "at the end of the second quarter": the
    quarter's last calendar day (a horizon) or last session (a quarter already over)."""
    gd, ref = f.gd, f.ref
    if ref is None:
        return f.tr(None, "day")
    year = int(gd["y"]) if gd.get("y") else ref.year
    current = (ref.month - 1) // 3 + 1
    q = int(gd["q"]) if gd.get("q") else {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(
        (gd.get("qw") or "").lower(), current + OFFSET_UNITS.get((gd.get("rel") or "this").lower(), 0))
    year, q = year + (q - 1) // 4, (q - 1) % 4 + 1
    end = quarter_end(year, q)
    if end < ref and not f.phrase.lower().startswith("by"):
        return f.tr(last_business_day(end.year, end.month).isoformat(), "day", not gd.get("y"))
    return f.tr(end.isoformat(), "day", not gd.get("y"), role="by" if f.role != "since" else f.role)


def _month_of_year_rel(f: Found) -> TimeRef:
    if f.ref is None:
        return f.tr(None, "month")
    return f.tr(f"{f.ref.year + OFFSET_UNITS[f.gd['rel']]}-{f.month:02d}", "month")


def _month(f: Found, mid: bool) -> TimeRef:
    if f.ref is None:
        return f.tr(None, "month")
    year, month = _past_month(f.ref, f.month, f.forward)
    if mid and f.role == "since":
        return f.tr(date(year, month, {"early": 5, "mid": 15, "late": 25}[f.gd["mid"].lower()]).isoformat(), "day")
    return f.tr(f"{year}-{month:02d}", "month")


def _this_month(f: Found) -> TimeRef:
    """"this month", "last month", "earlier this month"; "the month" in the first days of a
    month is the month just ended (a recap written on May 1 about April)."""
    if f.ref is None:
        return f.tr(None, "month")
    rel = (f.gd.get("rel") or "this").lower()
    offset = OFFSET_UNITS.get(rel, 0)
    if f.phrase.lower().startswith("the") and f.ref.day <= RECAP_DAYS:
        offset = -1
    y, m = divmod(f.ref.year * 12 + f.ref.month - 1 + offset, 12)
    return f.tr(f"{y}-{m + 1:02d}", "month")


def _period_close(f: Found) -> TimeRef | None:
    """"ended the month at 159.08", "closed the week at 38,062": the last weekday of that
    period (for "the month" in a month's first days, the month just ended)."""
    if f.ref is None:
        return f.tr(None, "day")
    unit, rel, ref = f.gd["u"].lower(), (f.gd.get("rel") or "the").lower(), f.ref
    if unit == "month":
        back = 1 if rel == "last" or (rel == "the" and ref.day <= RECAP_DAYS) else 0
        y, m = divmod(ref.year * 12 + ref.month - 1 - back, 12)
        day = last_business_day(y, m + 1)
    elif unit == "year":
        year = ref.year - 1 if rel == "last" or (rel == "the" and ref.timetuple().tm_yday <= RECAP_DAYS) else ref.year
        day = last_business_day(year, 12)
    elif unit == "quarter":  # "ended the quarter at 157.4" on April 1: the quarter just ended
        first_month = (ref.month - 1) // 3 * 3 + 1
        back = 1 if rel == "last" or (rel == "the" and (ref - date(ref.year, first_month, 1)).days < RECAP_DAYS) else 0
        y, m = divmod(ref.year * 12 + first_month - 1 - 3 * back + 2, 12)
        day = last_business_day(y, m + 1)
    else:  # week
        day = ref - timedelta(days=(ref.weekday() - 4) % 7 + (7 if rel == "last" else 0))
    return f.tr(min(day, ref).isoformat(), "day", days={"week": 7, "month": 31, "quarter": 92, "year": 366}[unit])


def _the_period(f: Found) -> TimeRef | None:
    """"up 39 bp over the quarter", "fell 16.5 bp over the month", "so far this quarter": a
    move over the current month or quarter, from the close before it began; in its first
    days "the month" or "the quarter" is the one just ended (a recap written on April 1), a
    point at its last session like "ended the month" (:func:`_period_close`)."""
    if f.ref is None:
        return f.span(None, "day", "since")
    ref, quarter = f.ref, "quarter" in f.phrase.lower() or "qtd" in f.phrase.lower()
    start = date(ref.year, 3 * ((ref.month - 1) // 3) + 1 if quarter else ref.month, 1)
    if f.phrase.lower().startswith(("over the", "for the", "during the", "on the")) and (ref - start).days < RECAP_DAYS:
        last = start - timedelta(days=1)
        return f.tr(last_business_day(last.year, last.month).isoformat(), "day", days=92 if quarter else 31)
    return _since_close(f, start - timedelta(days=1))


US_ELECTION = re.compile(r"\b(?:(?P<n>[Tt]he|[Aa]|[Oo]ne|[Tt]wo) (?:trading )?days? after )?[Tt]he (?:(?P<us>U\.S\.|US|American)"
                         r"(?: presidential)?|presidential) (?:election|vote)\b|"
                         r"\b(?P<n2>[Tt]he|[Aa]|[Oo]ne|[Tt]wo) days? after the vote\b")


def _election_day(year: int) -> date:
    """A U.S. general election: the Tuesday after the first Monday of November."""
    nov2 = date(year, 11, 2)
    return nov2 + timedelta(days=(1 - nov2.weekday()) % 7)


def _us_election(f: Found) -> TimeRef | None:
    """"after the U.S. election", "the day after the vote" (in a text that names a U.S.
    election): the latest presidential election day on or before the reference, and the
    day or days after it."""
    if f.gd.get("n2") and not US_ELECTION.search(f.text.replace(f.phrase, "")):
        return None  # "the day after the vote" of some other vote
    if f.ref is None:
        return f.tr(None, "day", role="point")
    year = f.ref.year - f.ref.year % 4
    if _election_day(year) > f.ref:
        year -= 4
    n = (f.gd.get("n") or f.gd.get("n2") or "").lower()
    after = {"the": 1, "a": 1, "one": 1, "two": 2}.get(n, 0)
    return f.tr((_election_day(year) + timedelta(days=after)).isoformat(), "day", role="point")


def _month_named(f: Found) -> TimeRef:
    """"the yen's October rally", "last July", "this March": the most recent such month
    before the reference ("last" skips the current month; "this" is the current year's)."""
    if f.ref is None:
        return f.tr(None, "month")
    lead = f.phrase.lower()
    year, month = _past_month(f.ref, f.month, f.forward)
    if lead.startswith("last") and (year, month) == (f.ref.year, f.ref.month):
        year -= 1
    if lead.startswith("this"):
        year = f.ref.year
    return f.tr(f"{year}-{month:02d}", "month")


def _weekday_phrase(f: Found) -> TimeRef:
    rel = (f.gd.get("rel") or "").lower() or None
    role = "since" if rel == "since" else f.role
    if f.ref is None:
        return f.tr(None, "day", role=role)
    d = _weekday(f.ref, WEEKDAYS[f.gd["wd"].lower()], rel if rel in ("last", "next") else None, f.forward)
    return f.tr(d.isoformat(), "day", role=role)


def _weekday_short(f: Found) -> TimeRef:
    """Desk shorthand: "closed fri", "since Tue" (an abbreviation only after such a word,
    so "mon" and "wed" elsewhere are left alone)."""
    rel = f.gd["rel"].lower()
    role = "since" if rel in ("since", "from") else f.role
    if f.ref is None:
        return f.tr(None, "day", role=role)
    wd = WEEKDAY_ABBR[f.gd["wd"].lower()]
    d = _weekday(f.ref, wd, "last" if rel == "last" else None, f.forward)
    return f.tr(d.isoformat(), "day", role=role)


def _weekday_abbr(f: Found) -> TimeRef:
    """Thread and desk-note shorthand: "Tue's +3.1%", "Fri's close", a line that starts
    "Thurs:". Only a capitalised abbreviation with a possessive or a label colon is read, so
    that a lower-case "wed" or a "Mon" inside a name stays a word."""
    if f.ref is None:
        return f.tr(None, "day")
    d = _weekday(f.ref, WEEKDAY_ABBR[(f.gd["wd"] or f.gd["wd2"]).lower()], None, f.forward)
    return f.tr(d.isoformat(), "day")


def _sessions(f: Found) -> TimeRef:
    """"over the last five sessions", "across two sessions", "over four sessions through
    Oct 9": a span of sessions, ending on the day it names (else at the figure's date)."""
    n = _num(f.gd["n"])
    if f.gd.get("d"):
        end = _month_day(f)
        return f.span(end.value if end else None, "day", "duration", sessions=n)
    return f.span(None, "unknown", "duration", sessions=n)


def _period_ago(f: Found) -> TimeRef:
    gd = f.gd
    unit = (gd.get("u") or gd.get("u2") or gd.get("u3") or gd.get("u4")).lower()
    return f.span(None, "unknown", "duration", days={"week": 7, "month": 30, "year": 365}[unit])


def _days_span(f: Found) -> TimeRef:
    if f.ref is None:
        return f.tr(None, "day", role="point")
    d = _weekday(f.ref, WEEKDAYS[f.gd["wd"].lower()], None, False)
    return f.tr(d.isoformat(), "day", role="point", days=2, sessions=2)


def _since_close(f: Found, close: date | None) -> TimeRef:
    """A period to date, from the close before it started ("this week", "this year")."""
    return f.span(close.isoformat() if close else None, "day", "since")


def _year_start(f: Found) -> TimeRef:
    year = int(f.gd["y"]) if f.gd.get("y") else (f.ref.year if f.ref else None)
    return _since_close(f, date(year - 1, 12, 31) if year else None)


def _last_week(f: Found) -> TimeRef:
    if f.ref is None:
        return f.tr(None, "day")
    friday = f.ref - timedelta(days=f.ref.weekday() + 3)  # the Friday before this week's Monday
    return f.tr(friday.isoformat(), "day", days=7)


def _duration(f: Found) -> TimeRef:
    days = _num(f.gd["n"]) * {"day": 1, "week": 7, "month": 30}[f.gd["u"].lower().rstrip("s")]
    return f.span(None, "unknown", "duration", days=days)


def _ago(f: Found) -> TimeRef:
    """"three days ago" is that day; "three years ago" or "six months ago" is around that
    day: ``days`` is how far either side a careful reader allows, a quarter per year back
    beyond the first, up to half a year, and five days per month back beyond the first, up
    to half a month ("a year ago" and "a month earlier" are the year-on-year and
    month-on-month comparisons: that day)."""
    ref = f.ref
    if ref is None:
        return f.tr(None, "day", role="point")
    n = _num(f.gd["n"]) or 1
    unit = f.gd["u"].lower().rstrip("s")
    if unit in ("day", "week"):
        d = ref - timedelta(days=n * (7 if unit == "week" else 1))
        return f.tr(d.isoformat(), "day", role="point")
    y, m = divmod(ref.month - 1 - n * (12 if unit == "year" else 1), 12)
    y += ref.year
    d = date(y, m + 1, min(ref.day, calendar.monthrange(y, m + 1)[1]))
    slack = int(min(182, 91 * (n - 1)) if unit == "year" else min(15, 5 * (n - 1)))
    return f.tr(d.isoformat(), "day", role="point", days=slack or None)


def _ref_or_none(f: Found, fn) -> TimeRef:
    return f.tr(fn(f.ref) if f.ref else None, "day")


@dataclass(frozen=True)
class TimePattern:
    """A time phrase: its pattern, the words it needs (``keys``: the text is scanned once
    for all of them and a pattern runs only near its own), and how it resolves."""

    name: str
    regex: re.Pattern
    keys: tuple[str, ...]
    resolve: Callable[[Found], TimeRef | None]
    examples: tuple[tuple[str, str | None], ...] = ()  # (text, value with the reference 2026-01-21)


_P = TimePattern
# in pattern order: of two equal matches the earlier pattern wins
TIME_PATTERNS: tuple[TimePattern, ...] = (
    _P("iso_date", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b"), ("YEAR",),
       lambda f: _day(f, int(f.gd["y"]), int(f.gd["m"]), int(f.gd["d"])), (("on 2026-01-20", "2026-01-20"),)),
    _P("day_month_year", re.compile(rf"\b(?:(?:(?i:on) )?(?P<wd>{_DAY}),? )?(?P<d>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<mon>{_MON})\.?,? "
                                    r"(?P<y>(?:19|20)\d\d)\b"), ("MON",),
       lambda f: _day(f, int(f.gd["y"]), f.month, int(f.gd["d"])), (("on 20 January 2026", "2026-01-20"),)),
    _P("month_day_year", re.compile(rf"\b(?:(?:(?i:on) )?(?P<wd>{_DAY}),? )?(?P<mon>{_MON})\.? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?,? "
                                    r"(?P<y>(?:19|20)\d\d)\b"), ("MON",),
       lambda f: _day(f, int(f.gd["y"]), f.month, int(f.gd["d"])),
       (("on Jan. 20, 2026", "2026-01-20"), ("on Friday, January 17, 2026", "2026-01-16"))),
    _P("start_of_month", re.compile(rf"\b(?i:the) (?i:start|beginning) of (?P<mon>{_MON})(?: (?P<y>(?:19|20)\d\d))?\b"),
       ("MON",), _start_of_month, (("from about $77 at the start of January", "2026-01-01"),
                                    ("up 5% since the start of January", "2025-12-31"))),
    _P("end_of_month", re.compile(rf"\b(?i:at |by )?(?i:the) end of (?P<mon>{_MON})(?: (?P<y>(?:19|20)\d\d))?\b"),
       ("MON",), _end_of_month, (("at the end of March 2025", "2025-03-31"),)),
    _P("end_of_year", re.compile(r"\b(?:by |at )?(?:the )?(?:end of (?:the year|this year|(?P<last>last) year|"
                                 r"(?P<y>(?:19|20)\d\d))|year-end|year end|end-(?P<y2>(?:19|20)\d\d))\b", re.I),
       ("year", "YEAR", "end"), lambda f: _year_end(f, False),
       (("at the end of last year", "2025-12-31"), ("by year-end", "2026-12-31"), ("an end-2027 target", "2027-12-31"))),
    _P("end_of_quarter", re.compile(r"\b(?:by |at )?(?:the )?(?:end of (?:the |this |the current |(?P<rel>next|last) )?"
                                    r"(?:(?P<qw>first|second|third|fourth) )?quarter(?: of (?P<y>(?:19|20)\d\d))?|"
                                    r"quarter-end|quarter end|end-q(?P<q>[1-4]))\b", re.I), ("quarter", "end"),
       _quarter_end, (("by the end of this quarter", "2026-03-31"), ("at the end of last quarter", "2025-12-31"))),
    _P("year_close", re.compile(r"\b(?:ended|closed|finished|ending|closing|finishing|ends|closes|finishes) "
                                r"(?P<y>(?:19|20)\d\d)\b", re.I),
       ("YEAR",), lambda f: _year_end(f, True), (("the yen ended 2024 weaker", "2024-12-31"),
                                                 ("the Topix closes 2025 up 22%", "2025-12-31"))),
    _P("month_day", re.compile(rf"\b(?P<mon>{_MON})\.? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,? (?:19|20)\d\d)(?![\d%])"
                               r"(?![.,]\d)"), ("MON",), _month_day, (("on Jan. 20", "2026-01-20"),)),
    _P("day_month", re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<mon>{_MON})\b(?!\.?,? (?:19|20)\d\d)"),
       ("MON",), _month_day, (("at 17th Jan the FOMC", "2026-01-17"), ("on 9 January", "2026-01-09"))),
    _P("day_of_month", re.compile(r"\b(?:on|of|at|since|until|till|by|from) (?:the )?(?P<d>\d{1,2})(?:st|nd|rd|th)\b"
                                  r"(?! (?:of )?(?:century|anniversary|consecutive|straight|time|session|day|week|month|"
                                  r"year|largest|biggest|highest|lowest|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
                                  r")", re.I),
       ("st", "nd", "rd", "th"), _day_of_month, (("the close of 17th", "2026-01-17"), ("on the 20th", "2026-01-20"))),
    _P("month_year", re.compile(rf"\b(?:(?P<mid>early|mid|late)[- ])?(?P<mon>{_MON})\.?,? (?:of )?(?P<y>(?:19|20)\d\d)\b"),
       ("MON",), lambda f: f.tr(f"{int(f.gd['y'])}-{f.month:02d}", "month", False),
       (("in June 2025", "2025-06"), ("in June of 1984", "1984-06"))),
    _P("month_last_year", re.compile(rf"\b(?:(?i:in|of|since|during|by|at) )?(?P<mon>{_MON}) (?:of )?(?P<rel>last|this|next) "
                                     r"year\b"),
       ("MON",), _month_of_year_rel, (("in December last year", "2025-12"), ("at March of this year", "2026-03"))),
    # ("since its February record" is a baseline at that month's extreme, read with the period)
    _P("month_named", re.compile(rf"(?:'s |’s |\b(?i:the|its|their) )(?P<mon>{_MONTH_NAME})(?:'s|’s)?"
                                 r"(?= [a-z])(?! \d)(?! (?:record|peak|high|low|trough|top|bottom)s?\b)"), ("MON",),
       _month_named,
       (("the yen's October rally", "2025-10"), ("at the June meeting", "2025-06"))),
    _P("last_month_name", re.compile(rf"\b(?i:last|this) (?P<mon>{_MONTH_NAME})\b(?! \d)"), ("MON",), _month_named,
       (("last July", "2025-07"), ("this March", "2026-03"), ("since last January", "2025-01"))),
    _P("mid_month", re.compile(rf"\b(?P<mid>early|mid|late)[- ](?P<mon>{_MON})\b"), ("MON",),
       lambda f: _month(f, True), (("in mid-March", "2025-03"),)),
    _P("month", re.compile(r"\b(?i:in|of|since|during|through|until|by|from) (?:the )?(?P<mon>(?:January|February|March|"
                           r"April|May|June|July|August|September|October|November|December|Jan|Feb|Aug|Sept?|Oct|Nov|"
                           r"Dec))\b(?!\.? \d| of (?:19|20)\d\d\b)"), ("MON",), lambda f: _month(f, False), (("in March", "2025-03"),)),
    _P("weekday", re.compile(rf"\b(?:(?P<rel>on|last|this|next|since|until|by) )?(?P<wd>{_DAY})(?P<poss>'s)?\b"),
       ("DAY",), _weekday_phrase, (("on Tuesday", "2026-01-20"), ("last Wednesday", "2026-01-14"))),
    _P("previous_session", re.compile(r"\b(?:the )?(?:previous|prior|preceding) (?:session|trading day|day|close)\b",
                                      re.I), ("session", "day", "close"),
       lambda f: _ref_or_none(f, lambda r: previous_weekday(r).isoformat()),
       (("rose in the previous session", "2026-01-20"), ("up from the prior close", "2026-01-20"))),
    _P("weekday_short", re.compile(r"\b(?P<rel>closed|close|shut|opened|open|on|since|from|til|till|until|by|into|"
                                   r"last|thru|through) (?P<wd>mon|tues?|wed|thu|thur|thurs|fri)\b\.?(?!['’]s)", re.I),
       ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri"), _weekday_short,
       (("NKY closed fri at 40k", "2026-01-16"), ("UST 10s +5bp since Tue", "2026-01-20"))),
    _P("weekday_abbr", re.compile(rf"(?<![\w'’])(?P<wd>{_WD_ABBR})['’]s\b|^[ \t]*(?P<wd2>{_WD_ABBR})\.?:", re.M),
       ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri"), _weekday_abbr,
       (("Tue's +3.1% for the Nikkei", "2026-01-20"), ("Thurs: 10s at 4.30%", "2026-01-15"))),
    _P("yesterday", re.compile(r"\byesterday(?:'s)?\b", re.I), ("yesterday",),
       lambda f: _ref_or_none(f, lambda r: (r - timedelta(days=1)).isoformat()), (("yesterday", "2026-01-20"),)),
    _P("today", re.compile(r"\b(?:today(?:'s)?|this (?:morning|afternoon|evening)(?:'s)?|tonight)\b", re.I),
       ("today", "tonight", "morning", "afternoon", "evening"),
       lambda f: _ref_or_none(f, date.isoformat), (("this morning", "2026-01-21"),)),
    # "overnight", "last night": the session before the reference (a morning note on the
    # New York session); "overnight index swaps", "the overnight call rate" name instruments
    _P("last_night", re.compile(r"\b(?:last night(?:'s)?|overnight(?!\s+(?:index|indexed|swaps?|rates?|call|"
                                r"funding|lending|repos?|deposits?|loans?|borrowing|money|interbank|policy|"
                                r"target|unsecured|collateral|market)\b))\b", re.I), ("night", "overnight"),
       lambda f: _ref_or_none(f, lambda r: previous_weekday(r).isoformat()),
       (("10s closed at 4.35 last night", "2026-01-20"), ("stocks slid overnight", "2026-01-20"))),
    _P("now", re.compile(r"\bnow\b", re.I), ("now",), lambda f: _ref_or_none(f, date.isoformat),
       (("it is now", "2026-01-21"),)),
    _P("us_election", US_ELECTION, ("election", "elections", "vote"), _us_election,
       (("after the U.S. election", "2024-11-05"), ("the day after the presidential election", "2024-11-06"))),
    # "two sessions later": counted in sessions (weekdays) after the last day named
    _P("day_later", re.compile(r"\b(?P<n>a|one|two|three|four|five|[1-5]) (?:trading |business )?(?:days?|sessions?) "
                               r"later\b", re.I), ("day", "days", "session", "sessions"),
       lambda f: f.span(None, "day", "later", days=_num(f.gd["n"]),
                        sessions=_num(f.gd["n"]) if "session" in f.phrase.lower() or "trading" in f.phrase.lower()
                        or "business" in f.phrase.lower() else None),
       (("the Fed cut a day later", None), ("two sessions later the index rebounded", None))),
    _P("later", re.compile(r"\b(?:within (?:a few |several |two |three )?(?P<u>days|weeks|months)|"
                           r"(?:a few |several |two |three )?(?P<u2>days|weeks|months) later)\b", re.I),
       ("days", "weeks", "months"), lambda f: f.span(None, "month", "later", days={"days": 3, "weeks": 21, "months": 61}[
           (f.gd.get("u") or f.gd.get("u2")).lower()]), (("within weeks", None),)),
    _P("that_day", re.compile(r"\b(?:that day|on the day|the same day|on the session)\b", re.I), ("day", "session"),
       lambda f: f.span(None, "day", "anaphor"), (("on the day", None),)),
    _P("period_close", re.compile(r"\b(?:ended|closed|finished|ending|closing|finishing) (?P<rel>the|this|last) "
                                  r"(?P<u>week|month|quarter|year)\b", re.I), ("week", "month", "quarter", "year"),
       _period_close,
       (("the dollar ended last month at 158.1 yen", "2025-12-31"), ("it closed the week at 54,000", "2026-01-16"),
        ("the yen ended last quarter at 157.4", "2025-12-31"))),
    _P("since_then", re.compile(r"\b(?:has|have|had|'s|’s) (?:since|since then)\b|\bsince then\b", re.I),
       ("since",), lambda f: f.span(None, "day", "later_since"), (("it has since rallied", None),)),
    _P("this_month", re.compile(r"\b(?:earlier |later )?(?:the|this|(?P<rel>last|next)) month\b", re.I), ("month",),
       _this_month, (("this month", "2026-01"), ("earlier this month", "2026-01"), ("last month", "2025-12"))),
    _P("year_start", re.compile(rf"\b(?:in|over|during) the first (?:{_NUMW}|few) (?:days|weeks|sessions|trading days|"
                                r"months) of (?:the year|(?P<y>(?:19|20)\d\d))\b", re.I), ("year", "YEAR"), _year_start,
       (("in the first five trading days of the year", "2025-12-31"),)),
    _P("last_week", re.compile(r"\b(?:last|the previous|the prior) week\b", re.I), ("week",), _last_week,
       (("last week", "2026-01-16"),)),
    _P("the_period", re.compile(r"\b(?:(?:for|over|during|on) the|(?:so far )?this) quarter\b(?![- ]end)|"
                                  r"\bquarter[- ]to[- ]date\b|\bqtd\b|\b(?:for|over|during) the month\b", re.I),
       ("quarter", "qtd", "month"), _the_period,
       (("up 39 bp over the quarter", "2025-12-31"), ("so far this quarter", "2025-12-31"),
        ("fell 5 bp over the month", "2025-12-31"), ("down 7% on the quarter", "2025-12-31"))),
    _P("this_week", re.compile(r"\b(?:so far )?this week\b|\bweek to date\b|\bweek-to-date\b|\b(?:for|over) the week\b",
                               re.I), ("week",),
       lambda f: _since_close(f, f.ref - timedelta(days=f.ref.weekday() + 1) if f.ref else None),  # the close before Monday
       (("this week", "2026-01-18"),)),
    _P("ytd", re.compile(r"\b(?:so far )?this year\b|\byear to date\b|\byear-to-date\b|\bytd\b|"
                         r"\bsince the (?:start|beginning) of (?:the|this) year\b", re.I), ("year", "ytd"),
       lambda f: _since_close(f, date(f.ref.year - 1, 12, 31) if f.ref else None), (("so far this year", "2025-12-31"),)),
    _P("new_year", re.compile(r"\bNew Year's(?: Day)?\b"), ("year",),
       lambda f: f.tr(date(f.ref.year, 1, 1).isoformat() if f.ref else None, "day"), (("on New Year's Day", "2026-01-01"),)),
    _P("christmas", re.compile(r"\bChristmas\b"), ("christmas",),
       lambda f: f.tr(f"{f.ref.year}-12" if f.ref else None, "month"), (("by Christmas", "2026-12"),)),
    _P("season", re.compile(r"\b(?:by |in |this |next )(?:the )?(?:next )?(?:spring|summer|autumn|fall|winter)\b", re.I),
       ("spring", "summer", "autumn", "fall", "winter"),
       lambda f: f.span(None, "unknown", "by" if f.phrase.lower().startswith("by") else f.role), (("by next spring", None),)),
    _P("year_rel", re.compile(r"\b(?P<rel>last|this|next) year\b", re.I), ("year",),
       lambda f: f.tr(str(f.ref.year + OFFSET_UNITS[f.gd["rel"].lower()]) if f.ref else None, "year"),
       (("last year", "2025"),)),
    _P("in_year", re.compile(r"\b(?i:in|during|by|since|of|for|as recently as|as late as|as early as) (?P<y>(?:19|20)\d\d)\b"),
       ("YEAR",), lambda f: f.tr(f.gd["y"], "year", False), (("in 2024", "2024"),)),
    _P("sessions", re.compile(rf"\b(?:over|in|across|during|for) (?:the )?(?:(?:last|past|previous) )?(?P<n>{_NUMW}) "
                              r"(?:straight |consecutive |successive )?(?:sessions|trading days)"
                              rf"(?: (?:through|to|until|ending(?: on)?) (?P<mon>{_MON.lower()})\.? (?P<d>\d{{1,2}}))?\b", re.I),
       ("sessions", "days"), _sessions,
       (("over the last five sessions", None), ("across two sessions", None),
        ("over four sessions through Jan. 9", "2026-01-09"))),
    _P("duration", re.compile(rf"\bin (?:the (?:last|past) )?(?P<n>{_NUMW}|a) (?P<u>days?|weeks?|months?)\b", re.I),
       ("day", "days", "week", "weeks", "month", "months"), _duration, (("in the past three weeks", None),)),
    _P("period_ago", re.compile(r"\b(?:from|than|versus|vs\.?) a (?P<u>week|month|year) (?:earlier|ago|before)\b|"
                                r"\bon the (?P<u2>week|month|year)\b|\b(?P<u3>week|month|year)-on-(?:week|month|year)\b|"
                                r"\bover the (?:past|last) (?P<u4>week|month|year)\b", re.I), ("week", "month", "year"),
       _period_ago, (("up 2% on the week", None),)),
    _P("days_span", re.compile(rf"\bover {_DAY} and (?P<wd>{_DAY})\b"), ("DAY",), _days_span,
       (("over Monday and Tuesday", "2026-01-20"),)),
    _P("ago", re.compile(rf"\b(?P<n>{_NUMW}|a|an) (?P<u>days?|weeks?|months?|years?) (?:ago|earlier)\b", re.I),
       ("ago", "earlier"), _ago, (("three years ago", "2023-01-21"),)),
)
BY_NAME = {p.name: p for p in TIME_PATTERNS}
# Case-insensitive patterns run case-sensitively over a lower-cased copy of the text
# (claims.casefold): same matches, several times faster. Their groups come out in lower case.
FOLDED = {p.name for p in TIME_PATTERNS if p.regex.flags & re.IGNORECASE}
SCANNED = {p.name: re.compile(p.regex.pattern, p.regex.flags & ~re.IGNORECASE) if p.name in FOLDED else p.regex
           for p in TIME_PATTERNS}
assert not any(re.search(r"(?<![\\?])[A-Z]", p.regex.pattern) for p in TIME_PATTERNS if p.name in FOLDED), \
    "a folded pattern must be written in lower case"

# Each pattern names the words that must occur in any of its matches; the text is scanned
# once for those words and a pattern runs only in small regions around its own words.
# Without this, thirty patterns would each scan most of every document.
# month and weekday names count only capitalized, as the patterns read them
CASED_KEY = re.compile(rf"\b(?:(?P<MON>{_MON})|(?P<DAY>{_DAY})|(?P<YEAR>(?:19|20)\d\d))\b")
# a key word after a hyphen is part of a compound ("10-year" names a tenor); every pattern
# that reads such a compound ("year-on-year", "week-to-date") begins with a key word of its own
WORD_KEY = re.compile(r"(?<![a-z-])" + alternation({k for p in TIME_PATTERNS for k in p.keys if k.islower()})
                      + r"(?![a-z])")
REACH = 60  # no pattern reaches further than this from its key word, either side
# The literals one of which every match of a pattern holds (claims.regexgate): a region
# around a key word that holds none of them is not scanned. Most regions around a month
# name hold no "end of", "mid-" or "last": fifteen patterns are keyed by month names.
NEEDS = {name: required_literals(rx) for name, rx in SCANNED.items()}


# Patterns with the same key words have the same regions: worked out once per set of keys
# (fifteen patterns are keyed by month names alone)
_KEY_SETS: dict[frozenset[str], list[str]] = {}
for _p in TIME_PATTERNS:
    _KEY_SETS.setdefault(frozenset(_p.keys), []).append(_p.name)
_SETS_OF_KEY: dict[str, list[frozenset[str]]] = {}
for _keys in _KEY_SETS:
    for _key in _keys:
        _SETS_OF_KEY.setdefault(_key, []).append(_keys)


def _regions(text: str) -> tuple[dict[str, list[tuple[int, int]]], str]:
    """For each pattern, the merged regions around the key words it needs; and the
    lower-cased text. (Patterns with the same keys share one list: read, never changed.)"""
    hits: list[tuple[str, int, int]] = []
    for m in CASED_KEY.finditer(text):
        hits.append((m.lastgroup, m.start(), m.end()))
    low = lowered(text)
    for m in WORD_KEY.finditer(low):
        hits.append((m.group(0), m.start(), m.end()))
    hits.sort(key=lambda h: h[1])
    by_keys: dict[frozenset[str], list[tuple[int, int]]] = {}
    n = len(text)
    for key, s, e in hits:
        a, b = max(0, s - REACH), min(n, e + REACH)
        for keys in _SETS_OF_KEY[key]:
            spans = by_keys.setdefault(keys, [])
            if spans and a <= spans[-1][1]:
                spans[-1] = (spans[-1][0], b)
            else:
                spans.append((a, b))
    return {name: spans for keys, spans in by_keys.items() for name in _KEY_SETS[keys]}, low


def find_time_phrases(text: str, ref: date | None) -> list[TimeRef]:
    """Every time phrase in ``text`` with a resolved value where ``ref`` allows it.

    Overlapping matches keep the longest. The role (``point``, ``since``, ``by``) comes from
    the words just before the phrase.
    """
    raw: list[tuple[int, int, str, re.Match]] = []
    regions, low = _regions(text)
    for p in TIME_PATTERNS:
        source = low if p.name in FOLDED else text
        need, folded = NEEDS[p.name]
        for a, b in regions.get(p.name, ()):
            if need is not None and lacks(source[a:b], need, folded):
                continue  # e.g. a month named without "end of" before it: no "end of January" here
            for m in SCANNED[p.name].finditer(source, a, b):
                raw.append((m.start(), m.end(), p.name, m))
    raw.sort(key=lambda r: (r[0], -(r[1] - r[0])))
    chosen: list[tuple[int, int, str, re.Match]] = []
    for r in raw:
        if chosen and r[0] < chosen[-1][1]:
            continue
        chosen.append(r)
    return [t for t in (resolve(text, s, e, name, m, ref) for s, e, name, m in chosen) if t]


def resolve(text: str, s: int, e: int, name: str, m: re.Match, ref: date | None) -> TimeRef | None:
    """The time phrase ``text[s:e]`` that pattern ``name`` matched, resolved against ``ref``;
    ``None`` for a phrase that names no day of the calendar ("February 30", "9999 years
    ago"): it is not read as a date, so it dates no claim."""
    try:
        return BY_NAME[name].resolve(Found(text, s, e, m.groupdict(), ref, name))
    except (ValueError, OverflowError):
        return None


gate_patterns(globals())  # every pattern above behind its literal pre-check (claims.regexgate)
