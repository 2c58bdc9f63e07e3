"""Numbers written as words and as figures with scale suffixes, and number ranges.

This is the general-purpose number reader (what Microsoft Recognizers-Text's number,
percent and number-range models cover); :mod:`claims.numbers` builds the claim
quantities on the same tables. Values are plain floats; ranges are intervals with
inclusive or exclusive ends.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
         "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
         "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SUFFIX_SCALES = {"g": 1e9, "k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "mil": 1e6, "mln": 1e6, "mn": 1e6,
                 "million": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9, "billion": 1e9, "t": 1e12,
                 "tn": 1e12, "tln": 1e12, "trn": 1e12, "trillion": 1e12}
WORD = r"(?:" + "|".join(sorted(list(UNITS) + list(TENS) + ["hundred"] + list(MULTIPLIERS), key=len, reverse=True)) + r")"
SPELLED = re.compile(rf"\b(?P<neg>minus |negative )?(?:a (?=hundred|thousand|million|billion))?{WORD}"
                     rf"(?:(?:\s*-\s*|\s+|\s+and\s+){WORD}){{0,12}}(?:\s+point(?:\s+{WORD}){{1,8}})?\b", re.I)
FIGURE = re.compile(
    r"(?<![\w.,])(?P<neg>(?:minus|negative)\s+|-\s*|−)?(?:US\$\s?|\$|¥|€|£)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?![\d])"
    r"(?:(?P<frac>\s*/\s*\d+)|\s+(?P<mixed>\d+/\d+))?"
    r"(?P<exp>e[+-]?\d+)?"
    r"(?:\s*(?P<scale>k|mm|mil|mln|mn|m|bln|bn|b|g|tln|trn|tn|thousand|million|billion|trillion)(?![a-z]))?",
    re.I)


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    value: float
    percent: bool = False


def spelled_value(words: str) -> float | None:
    """"one hundred" -> 100, "thirty five" -> 35, "two million" -> 2e6,
    "two hundred point zero three" -> 200.03."""
    low = words.lower()
    if " point " in low:
        whole, _, frac = low.partition(" point ")
        head = spelled_value(whole)
        digits = []
        for w in re.findall(r"[a-z]+", frac):
            if w in UNITS and UNITS[w] < 10:
                digits.append(str(UNITS[w]))
            elif w in TENS or w in UNITS:
                digits.append(str(TENS.get(w, UNITS.get(w))))
        return None if head is None or not digits else float(f"{int(head)}.{''.join(digits)}")
    total, current, seen = 0.0, 0.0, False
    for w in re.findall(r"[a-z]+", low):
        if w in ("and", "a", "minus", "negative"):
            if w == "a":
                current = current or 1
            continue
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in MULTIPLIERS:
            total += (current or 1) * MULTIPLIERS[w]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


PERCENT_AFTER = re.compile(r"\s*(?:%|percents?\b|percentage\b|per cent\b|pc\b|pct\b)", re.I)


def parse_numbers(text: str) -> list[Number]:
    """Every number in ``text`` (figures, scale suffixes, words), left to right."""
    out: list[Number] = []
    taken: list[tuple[int, int]] = []
    for m in FIGURE.finditer(text):
        if re.match(r"\d", text[m.end():m.end() + 1]) or re.match(r"\.\d", text[m.end():m.end() + 2]):
            continue
        if re.match(r"[-–]\d", text[m.end():m.end() + 2]) and re.match(r"\d{4}$", m.group("num")):
            continue  # "1995-01": a date, not a number and a range
        value = float(m.group("num").replace(",", ""))
        if m.group("frac"):  # "3/4": a fraction (bond-price style)
            den = float(m.group("frac").strip(" /"))
            value = value / den if den else value
        if m.group("mixed"):  # "2 1/4"
            n, d = m.group("mixed").split("/")
            value += float(n) / float(d) if float(d) else 0
        if m.group("exp"):
            value *= 10 ** int(m.group("exp")[1:])
        if m.group("scale"):
            value *= SUFFIX_SCALES[m.group("scale").lower()]
        if m.group("neg"):
            before = text[max(0, m.start() - 1):m.start()]
            if m.group("neg").strip() in ("-", "−") and before and before.isalnum():
                pass  # "1000-5000": a dash between numbers is not a sign
            else:
                value = -value
        end = m.end()
        pm = PERCENT_AFTER.match(text, end)
        if pm:
            end = pm.end()
        start = m.start() if m.group("neg") and value < 0 else m.start("num") if not m.group(0).startswith(("$", "US$", "¥", "€", "£")) else m.start()
        out.append(Number(start, end, value, bool(pm)))
        taken.append((m.start(), end))
    for m in SPELLED.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        value = spelled_value(m.group(0))
        if value is None:
            continue
        if m.group("neg"):
            value = -value
        end = m.end()
        pm = PERCENT_AFTER.match(text, end)
        if pm:
            end = pm.end()
        out.append(Number(m.start(), end, value, bool(pm)))
    out.sort(key=lambda n: n.start)
    return out


@dataclass(frozen=True)
class Interval:
    start: int
    end: int
    low: float | None
    high: float | None
    low_inclusive: bool = True
    high_inclusive: bool = False


GT = r"(?:greater|larger|more|higher|bigger)\s+than|above|over|exceeds?|exceeding|surpass(?:es|ing)?|north of"
GE = (r"(?:greater|larger|more|higher|bigger)\s+than\s+or\s+equal\s+to|(?:greater|larger|more|higher|bigger)\s+or\s+equal\s+"
      r"(?:than|to)|no\s+less\s+than|at\s+least(?:\s+or\s+equal\s+to)?|not\s+less\s+than")
LT = r"(?:smaller|less|lower|fewer)\s+than|below|under|south of"
LE = (r"(?:smaller|less|lower|fewer)\s+than\s+or\s+equal\s+to|(?:smaller|less|lower|fewer)\s+or\s+equal\s+(?:than|to)|"
      r"no\s+more\s+than|at\s+most|up\s+to|not\s+more\s+than")
N = (r"(?:-?\$?\d[\d,]*(?:\.\d+)?(?:\s?(?:k|m|b|bn|mm|million|billion|thousand))?%?|"
     rf"(?:(?:negative|minus)\s+)?(?:a\s+)?{WORD}(?:(?:\s*-\s*|\s+|\s+and\s+){WORD}){{0,12}})")
RANGE_PATTERNS: list[tuple[re.Pattern, str]] = [
    (re.compile(rf"\bbetween\s+(?P<a>{N})\s+and\s+(?P<b>{N})", re.I), "[a,b)"),
    (re.compile(rf"\bfrom\s+(?P<a>{N})\s+(?:to|through|until)\s+(?P<b>{N})", re.I), "[a,b)"),
    (re.compile(rf"(?P<a>{N})\s*(?:through|thru)\s*(?P<b>{N})", re.I), "[a,b)"),
    (re.compile(rf"(?<![\d.])(?P<a>{N})\s?[-–—]\s?(?P<b>{N})(?![\d-])", re.I), "[a,b)"),
    (re.compile(rf"(?P<op1>{GE}|{GT})\s+(?P<a>{N})\s+and\s+(?P<op2>{LE}|{LT})\s+(?P<b>{N})", re.I), "ops"),
    (re.compile(rf"(?P<op1>{LE}|{LT})\s+(?P<a>{N})\s+and\s+(?P<op2>{GE}|{GT})\s+(?P<b>{N})", re.I), "ops"),
    (re.compile(rf"(?P<a>{N})\s+or\s+(?:greater|more|higher|above|over)\b", re.I), "[a,)"),
    (re.compile(rf"(?P<a>{N})\s+or\s+(?:less|fewer|lower|below|under)\b", re.I), "(,a]"),
    (re.compile(rf"(?P<op1>{GE}|{LE}|{GT}|{LT})\s+(?P<a>{N})", re.I), "op"),
]


def _num(s: str) -> float:
    found = parse_numbers(s)
    return found[0].value if found else float("nan")


def _bound(op: str) -> tuple[str, bool]:
    op = " ".join(op.lower().split())
    if re.fullmatch(GE, op, re.I):
        return "low", True
    if re.fullmatch(LE, op, re.I):
        return "high", True
    if re.fullmatch(GT, op, re.I):
        return "low", False
    return "high", False


def parse_ranges(text: str) -> list[Interval]:
    """Number ranges ("between 20 and 30", "1000-5000", "more than 30000", "up to 700")."""
    out: list[Interval] = []
    for rx, shape in RANGE_PATTERNS:
        for m in rx.finditer(text):
            if any(iv.start < m.end() and m.start() < iv.end for iv in out):
                continue
            a = _num(m.group("a"))
            if shape == "[a,b)":
                b = _num(m.group("b"))
                if re.fullmatch(r"(?:19|20)\d\d", m.group("a")) and re.fullmatch(r"\d{2}", m.group("b")):
                    continue  # "1995-01"
                out.append(Interval(m.start(), m.end(), a, b, True, False))
            elif shape == "ops":
                b = _num(m.group("b"))
                s1, inc1 = _bound(m.group("op1"))
                s2, inc2 = _bound(m.group("op2"))
                ends = {s1: (a, inc1), s2: (b, inc2)}
                lo, lo_inc = ends.get("low", (None, True))
                hi, hi_inc = ends.get("high", (None, False))
                if lo is not None and hi is not None and lo > hi:
                    continue  # "at most 40 and at least 50": two separate bounds
                out.append(Interval(m.start(), m.end(), lo, hi, lo_inc, hi_inc))
            elif shape == "[a,)":
                out.append(Interval(m.start(), m.end(), a, None, True, False))
            elif shape == "(,a]":
                out.append(Interval(m.start(), m.end(), None, a, True, True))
            else:
                side, inc = _bound(m.group("op1"))
                if side == "low":
                    out.append(Interval(m.start(), m.end(), a, None, inc, False))
                else:
                    out.append(Interval(m.start(), m.end(), None, a, True, inc))
    out.sort(key=lambda iv: iv.start)
    return out
