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
from datetime import date, timedelta

from .casefold import lowered
from .lexicon import MONTHS, WEEKDAYS, WORD_NUMBERS
from .model import TimeRef

_MON = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMW = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"

PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso_date", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")),
    ("day_month_year", re.compile(rf"\b(?P<d>\d{{1,2}}) (?P<mon>{_MON})\.?,? (?P<y>(?:19|20)\d\d)\b")),
    ("month_day_year", re.compile(rf"\b(?P<mon>{_MON})\.? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<y>(?:19|20)\d\d)\b")),
    ("end_of_month", re.compile(rf"\b(?i:at |by )?(?i:the) end of (?P<mon>{_MON})(?: (?P<y>(?:19|20)\d\d))?\b")),
    ("end_of_year", re.compile(r"\b(?:by |at )?(?:the )?(?:end of (?:the year|(?P<last>last) year|(?P<y>(?:19|20)\d\d))|"
                               r"year-end|year end)\b", re.I)),
    ("year_close", re.compile(r"\b(?:ended|closed|finished|ending|closing|finishing) (?P<y>(?:19|20)\d\d)\b", re.I)),
    ("month_day", re.compile(rf"\b(?P<mon>{_MON})\.? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,? (?:19|20)\d\d)(?![\d%])(?![.,]\d)")),
    ("month_year", re.compile(rf"\b(?:(?P<mid>early|mid|late)[- ])?(?P<mon>{_MON})\.?,? (?P<y>(?:19|20)\d\d)\b")),
    ("month_last_year", re.compile(rf"\b(?:(?i:in|of|since|during|by) )?(?P<mon>{_MON}) (?P<rel>last|this|next) year\b")),
    ("mid_month", re.compile(rf"\b(?P<mid>early|mid|late)[- ](?P<mon>{_MON})\b")),
    ("month", re.compile(r"\b(?i:in|of|since|during|through|until|by|from) (?:the )?(?P<mon>(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Aug|Sept?|Oct|Nov|Dec))\b(?!\.? \d)")),
    ("weekday", re.compile(rf"\b(?:(?P<rel>on|last|this|next|since|until|by) )?(?P<wd>{_DAY})(?P<poss>'s)?\b")),
    ("yesterday", re.compile(r"\byesterday(?:'s)?\b", re.I)),
    ("today", re.compile(r"\b(?:today(?:'s)?|this (?:morning|afternoon|evening)(?:'s)?|tonight|overnight)\b", re.I)),
    ("now", re.compile(r"\bnow\b", re.I)),
    ("that_day", re.compile(r"\b(?:that day|on the day|the same day|on the session)\b", re.I)),
    ("this_month", re.compile(r"\b(?:the|this) month\b", re.I)),
    ("year_start", re.compile(rf"\b(?:in|over|during) the first (?:{_NUMW}|few) (?:days|weeks|sessions|trading days|months) of "
                              r"(?:the year|(?P<y>(?:19|20)\d\d))\b", re.I)),
    ("last_week", re.compile(r"\b(?:last|the previous|the prior) week\b", re.I)),
    ("this_week", re.compile(r"\b(?:so far )?this week\b|\bweek to date\b|\bweek-to-date\b|\b(?:for|over) the week\b", re.I)),
    ("ytd", re.compile(r"\b(?:so far )?this year\b|\byear to date\b|\byear-to-date\b|\bytd\b|"
                       r"\bsince the (?:start|beginning) of (?:the|this) year\b", re.I)),
    ("new_year", re.compile(r"\bNew Year's(?: Day)?\b")),
    ("christmas", re.compile(r"\bChristmas\b")),
    ("season", re.compile(r"\b(?:by |in |this |next )(?:the )?(?:next )?(?:spring|summer|autumn|fall|winter)\b", re.I)),
    ("year_rel", re.compile(r"\b(?P<rel>last|this|next) year\b", re.I)),
    ("in_year", re.compile(r"\b(?i:in|during|by|since|of|as recently as|as late as|as early as) (?P<y>(?:19|20)\d\d)\b")),
    ("sessions", re.compile(rf"\b(?:over|in) the (?:last|past) (?P<n>{_NUMW}) (?:sessions|trading days)\b", re.I)),
    ("duration", re.compile(rf"\bin (?:the (?:last|past) )?(?P<n>{_NUMW}|a) (?P<u>days?|weeks?|months?)\b", re.I)),
    ("period_ago", re.compile(r"\b(?:from|than|versus|vs\.?) a (?P<u>week|month|year) (?:earlier|ago|before)\b|"
                              r"\bon the (?P<u2>week|month|year)\b|\b(?P<u3>week|month|year)-on-(?:week|month|year)\b|"
                              r"\bover the (?:past|last) (?P<u4>week|month|year)\b", re.I)),
    ("days_span", re.compile(rf"\bover {_DAY} and (?P<wd>{_DAY})\b")),
    ("ago", re.compile(rf"\b(?P<n>{_NUMW}|a|an) (?P<u>days?|weeks?|months?|years?) (?:ago|earlier)\b", re.I)),
]

SINCE_BEFORE = re.compile(r"\b(?:since|from)\s+(?:the\s+)?(?:last\s+)?$", re.I)
BY_BEFORE = re.compile(r"\b(?:by|until|till|before|toward|towards)\s+(?:the\s+)?$", re.I)
QUALIFIER_SINCE = re.compile(
    r"\b(?:highest|lowest|weakest|strongest|biggest|largest|smallest|steepest|worst|best|"
    r"heaviest|first time|narrowest|widest|most|least|seen)\b[^.;]{0,40}\bsince\s+(?:the\s+)?$", re.I)
SEEN_BEFORE = re.compile(r"\b(?:last|not|un)\s*seen\s+$", re.I)  # "a level last seen in 1999": a qualifier


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


# Each pattern names the words that must occur in any of its matches; the text is scanned
# once for those words and a pattern runs only in small regions around its own words.
# Without this, thirty patterns would each scan most of every document.
KEYS: dict[str, tuple[str, ...]] = {
    "iso_date": ("YEAR",), "day_month_year": ("MON",), "month_day_year": ("MON",),
    "end_of_month": ("MON",), "end_of_year": ("year", "YEAR"), "year_close": ("YEAR",), "month_day": ("MON",),
    "month_year": ("MON",), "month_last_year": ("MON",), "mid_month": ("MON",), "month": ("MON",),
    "weekday": ("DAY",), "yesterday": ("yesterday",),
    "today": ("today", "tonight", "overnight", "morning", "afternoon", "evening"), "now": ("now",),
    "that_day": ("day", "session"), "this_month": ("month",), "year_start": ("year", "YEAR"),
    "last_week": ("week",), "this_week": ("week",), "ytd": ("year", "ytd"), "new_year": ("year",),
    "christmas": ("christmas",), "season": ("spring", "summer", "autumn", "fall", "winter"),
    "year_rel": ("year",), "in_year": ("YEAR",), "sessions": ("sessions", "days"),
    "duration": ("day", "days", "week", "weeks", "month", "months"),
    "period_ago": ("week", "month", "year"), "days_span": ("DAY",),
    "ago": ("ago", "earlier"),
}
_BY_KEY: dict[str, list[str]] = {}
for _name, _keys in KEYS.items():
    for _key in _keys:
        _BY_KEY.setdefault(_key, []).append(_name)
assert set(KEYS) == {name for name, _ in PATTERNS}, "every time pattern needs its key words"
# Case-insensitive patterns run case-sensitively over a lower-cased copy of the text
# (claims.casefold): same matches, several times faster. Their groups come out in lower case.
_FOLDED = {name for name, rx in PATTERNS if rx.flags & re.IGNORECASE}
PATTERNS = [(name, re.compile(rx.pattern, rx.flags & ~re.IGNORECASE) if name in _FOLDED else rx)
            for name, rx in PATTERNS]
assert not any(re.search(r"(?<![\\?])[A-Z]", rx.pattern) for name, rx in PATTERNS if name in _FOLDED), \
    "a folded pattern must be written in lower case"
# month and weekday names count only capitalized, as the patterns read them
CASED_KEY = re.compile(rf"\b(?:(?P<MON>{_MON})|(?P<DAY>{_DAY})|(?P<YEAR>(?:19|20)\d\d))\b")
# a key word after a hyphen is part of a compound ("10-year" names a tenor); every pattern
# that reads such a compound ("year-on-year", "week-to-date") begins with a key word of its own
WORD_KEY = re.compile(r"(?<![a-z-])(?:" + "|".join(sorted({k for ks in KEYS.values() for k in ks if k.islower()},
                                                          key=len, reverse=True)) + r")(?![a-z])")
REACH = 60  # no pattern reaches further than this from its key word, either side


def _regions(text: str) -> tuple[dict[str, list[tuple[int, int]]], str]:
    """For each pattern, the merged regions around the key words it needs; and the
    lower-cased text."""
    hits: list[tuple[str, int, int]] = []
    for m in CASED_KEY.finditer(text):
        hits.append((m.lastgroup, m.start(), m.end()))
    low = lowered(text)
    for m in WORD_KEY.finditer(low):
        hits.append((m.group(0), m.start(), m.end()))
    hits.sort(key=lambda h: h[1])
    regions: dict[str, list[tuple[int, int]]] = {}
    n = len(text)
    for key, s, e in hits:
        a, b = max(0, s - REACH), min(n, e + REACH)
        for name in _BY_KEY[key]:
            spans = regions.setdefault(name, [])
            if spans and a <= spans[-1][1]:
                spans[-1] = (spans[-1][0], b)
            else:
                spans.append((a, b))
    return regions, low


def find_time_phrases(text: str, ref: date | None) -> list[TimeRef]:
    """Every time phrase in ``text`` with a resolved value where ``ref`` allows it.

    Overlapping matches keep the longest. The role (``point``, ``since``, ``by``) comes from
    the words just before the phrase.
    """
    raw: list[tuple[int, int, str, re.Match]] = []
    regions, low = _regions(text)
    for name, rx in PATTERNS:  # in pattern order: of two equal matches the earlier pattern wins
        source = low if name in _FOLDED else text
        for a, b in regions.get(name, ()):
            for m in rx.finditer(source, a, b):
                raw.append((m.start(), m.end(), name, m))
    raw.sort(key=lambda r: (r[0], -(r[1] - r[0])))
    chosen: list[tuple[int, int, str, re.Match]] = []
    for r in raw:
        if chosen and r[0] < chosen[-1][1]:
            continue
        chosen.append(r)
    return [t for t in (_resolve(text, s, e, name, m, ref) for s, e, name, m in chosen) if t]


def _role(text: str, start: int, phrase: str) -> str:
    before = text[max(0, start - 60):start]
    low = phrase.lower()
    if SEEN_BEFORE.search(before):
        return "qualifier"
    if low.startswith("since") or SINCE_BEFORE.search(before):
        probe = before + "since " if low.startswith("since") else before
        return "qualifier" if QUALIFIER_SINCE.search(probe) else "since"
    if low.startswith(("by ", "until ", "till ")) or BY_BEFORE.search(before):
        return "by"
    return "point"


def _resolve(text: str, s: int, e: int, name: str, m: re.Match, ref: date | None) -> TimeRef | None:
    phrase = text[s:e]
    role = _role(text, s, phrase)
    gd = m.groupdict()
    forward = role == "by"

    def tr(value, precision, relative=True, **kw):
        return TimeRef(phrase, s, e, value, precision, kw.pop("role", role), relative, **kw)

    mon = MONTHS.get(gd["mon"].lower().rstrip(".")) if gd.get("mon") else None
    if name == "iso_date":
        try:
            return tr(date(int(gd["y"]), int(gd["m"]), int(gd["d"])).isoformat(), "day", False)
        except ValueError:
            return None
    if name in ("month_day_year", "day_month_year"):
        try:
            return tr(date(int(gd["y"]), mon, int(gd["d"])).isoformat(), "day", False)
        except ValueError:
            return None
    if name == "month_day":
        if ref is None:
            return tr(None, "day")
        year = ref.year
        try:
            d = date(year, mon, int(gd["d"]))
            if d > ref and not forward and (d - ref).days > 7:
                d = date(year - 1, mon, int(gd["d"]))
        except ValueError:
            return None
        return tr(d.isoformat(), "day")
    if name == "end_of_month":
        if gd.get("y"):
            year = int(gd["y"])
        elif ref is None:
            return tr(None, "day")
        else:
            year, _ = _past_month(ref, mon, forward)
        return tr(last_business_day(year, mon).isoformat(), "day", not gd.get("y"))
    if name in ("end_of_year", "year_close"):
        if gd.get("y"):
            year = int(gd["y"])
        elif ref is not None:
            year = ref.year - 1 if gd.get("last") else ref.year
        else:
            year = None
        if role != "since" and year is not None and ref is not None and year < ref.year and \
                not phrase.lower().startswith("by"):
            # "at the end of 2024", "ended 2024 at 157.2": a past year's last session
            return tr(last_business_day(year, 12).isoformat(), "day", not gd.get("y"))
        if name == "year_close":
            return None
        return tr(f"{year}-12" if year else None, "month", not gd.get("y"), role="by" if role != "since" else role)
    if name == "month_year":
        return tr(f"{int(gd['y'])}-{mon:02d}", "month", False)
    if name == "month_last_year":
        if ref is None:
            return tr(None, "month")
        offset = {"last": -1, "this": 0, "next": 1}[gd["rel"]]
        return tr(f"{ref.year + offset}-{mon:02d}", "month")
    if name in ("month", "mid_month"):
        if ref is None:
            return tr(None, "month")
        year, month = _past_month(ref, mon, forward)
        if name == "mid_month" and role == "since":
            day = {"early": 5, "mid": 15, "late": 25}[gd["mid"].lower()]
            return tr(date(year, month, day).isoformat(), "day")
        return tr(f"{year}-{month:02d}", "month")
    if name == "weekday":
        rel = (gd.get("rel") or "").lower() or None
        if rel == "since":
            role = "since"
        if ref is None:
            return tr(None, "day")
        d = _weekday(ref, WEEKDAYS[gd["wd"].lower()], rel if rel in ("last", "next") else None,
                     forward)
        return tr(d.isoformat(), "day", role=role)
    if name == "period_ago":
        unit = (gd.get("u") or gd.get("u2") or gd.get("u3") or gd.get("u4")).lower()
        return TimeRef(phrase, s, e, None, "unknown", "duration", True, days={"week": 7, "month": 30, "year": 365}[unit])
    if name == "days_span":
        if ref is None:
            return tr(None, "day", role="point")
        d = _weekday(ref, WEEKDAYS[gd["wd"].lower()], None, False)
        return tr(d.isoformat(), "day", role="point", days=2, sessions=2)
    if name == "yesterday":
        return tr((ref - timedelta(days=1)).isoformat() if ref else None, "day")
    if name in ("today", "now"):
        return tr(ref.isoformat() if ref else None, "day")
    if name == "that_day":
        return TimeRef(phrase, s, e, None, "day", "anaphor", True)
    if name == "year_start":
        year = int(gd["y"]) if gd.get("y") else (ref.year if ref else None)
        if year is None:
            return TimeRef(phrase, s, e, None, "day", "since", True)
        return TimeRef(phrase, s, e, date(year - 1, 12, 31).isoformat(), "day", "since", True)
    if name == "last_week":
        if ref is None:
            return tr(None, "day")
        friday = ref - timedelta(days=ref.weekday() + 3)  # the Friday before this week's Monday
        return tr(friday.isoformat(), "day", days=7)
    if name == "this_week":
        if ref is None:
            return TimeRef(phrase, s, e, None, "day", "since", True)
        sunday = ref - timedelta(days=ref.weekday() + 1)  # the close before Monday
        return TimeRef(phrase, s, e, sunday.isoformat(), "day", "since", True)
    if name == "ytd":
        if ref is None:
            return TimeRef(phrase, s, e, None, "day", "since", True)
        return TimeRef(phrase, s, e, date(ref.year - 1, 12, 31).isoformat(), "day", "since", True)
    if name == "this_month":
        return tr(f"{ref.year}-{ref.month:02d}" if ref else None, "month")
    if name == "new_year":
        if ref is None:
            return tr(None, "day")
        return tr(date(ref.year, 1, 1).isoformat(), "day")
    if name == "christmas":
        if ref is None:
            return tr(None, "month")
        return tr(f"{ref.year}-12", "month")
    if name == "season":
        return TimeRef(phrase, s, e, None, "unknown", "by" if phrase.lower().startswith("by") else role, True)
    if name == "year_rel":
        if ref is None:
            return tr(None, "year")
        offset = {"last": -1, "this": 0, "next": 1}[gd["rel"].lower()]
        return tr(str(ref.year + offset), "year")
    if name == "in_year":
        return tr(gd["y"], "year", False)
    if name == "sessions":
        return TimeRef(phrase, s, e, None, "unknown", "duration", True, sessions=_num(gd["n"]))
    if name == "duration":
        unit = gd["u"].lower().rstrip("s")
        n = _num(gd["n"])
        days = n * {"day": 1, "week": 7, "month": 30}[unit]
        return TimeRef(phrase, s, e, None, "unknown", "duration", True, days=days)
    if name == "ago":
        if ref is None:
            return tr(None, "day", role="point")
        n = _num(gd["n"]) or 1
        unit = gd["u"].lower().rstrip("s")
        if unit in ("day", "week"):
            d = ref - timedelta(days=n * (7 if unit == "week" else 1))
        else:
            months = n * (12 if unit == "year" else 1)
            y, m = divmod(ref.month - 1 - months, 12)
            y += ref.year
            d = date(y, m + 1, min(ref.day, calendar.monthrange(y, m + 1)[1]))
        return tr(d.isoformat(), "day", role="point")
    return None


DATELINE = re.compile(
    rf"^(?:[^\n]{{0,80}}?(?:{_DAY},? )?)(?P<mon>{_MON})\.? (?P<d>\d{{1,2}}),? (?P<y>(?:19|20)\d\d)\b"
    rf"|^(?:[^\n]{{0,80}}?(?:{_DAY},? )?)(?P<d3>\d{{1,2}}) (?P<mon3>{_MON})\.?,? (?P<y3>(?:19|20)\d\d)\b"
    r"|^(?:[^\n]{0,80}?)(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d)\b"
    r"|^[A-Z][A-Z ]+, (?P<mon2>" + _MON + r")\.? (?P<d2>\d{1,2}) \(")


def _strip_date(s: str) -> str:
    """``s`` without its date parts, to see whether other numbers remain."""
    return re.sub(rf"(?:{_MON})\.? \d{{1,2}},? (?:19|20)\d\d|\d{{1,2}} (?:{_MON})\.?,? (?:19|20)\d\d|"
                  r"(?:19|20)\d\d-\d\d-\d\d|" + rf"(?:{_MON})\.? \d{{1,2}}", "", s)


def find_dateline(text: str) -> tuple[date | None, tuple[int, int] | None]:
    """The publication date written at the top of a piece ("Posted May 19, 2026",
    "Morning Note - Wednesday, January 21, 2026"), with its span. A wire dateline without a
    year ("TOKYO, Aug 5 (Wire)") gives its span but no date."""
    head = text[:400]
    for n, line_match in enumerate(re.finditer(r"[^\n]+", head)):
        line = line_match.group(0)
        if n >= 4:
            break
        m = DATELINE.search(line)
        if not m:
            continue
        if not m.group("mon2") and len(line.strip()) > 100:
            continue  # a date inside a body sentence is not the dateline
        rest = line[:m.start()] + line[m.end():] if not m.group("mon2") else ""
        if re.search(r"\d", _strip_date(line[:m.end()])) or re.search(r"\d|%", rest):
            continue  # a line with other numbers is a sentence with a date, not a dateline
        date_start = min((m.start(g) for g in ("mon", "d3", "iy", "mon2") if m.group(g)), default=m.start())
        span = (line_match.start() + date_start, line_match.start() + m.end())
        try:
            if m.group("mon"):
                return date(int(m.group("y")), MONTHS[m.group("mon").lower().rstrip(".")], int(m.group("d"))), span
            if m.group("mon3"):
                return date(int(m.group("y3")), MONTHS[m.group("mon3").lower().rstrip(".")], int(m.group("d3"))), span
            if m.group("iy"):
                return date(int(m.group("iy")), int(m.group("im")), int(m.group("id"))), span
        except ValueError:
            return None, span
        return None, span
    return None, None


def dateline_month_day(text: str) -> tuple[int, int] | None:
    """The month and day of a wire dateline that gives no year ("TOKYO, Aug 5 (Wire)")."""
    _, span = find_dateline(text)
    if span is None:
        return None
    m = re.search(rf"(?P<mon>{_MON})\.? (?P<d>\d{{1,2}})", text[span[0]:span[1]])
    if not m:
        return None
    return MONTHS[m.group("mon").lower().rstrip(".")], int(m.group("d"))
