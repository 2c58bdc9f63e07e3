"""Recognize numeric expressions with their unit: the recognizers are mostly data.

Each match carries the literal, the value in whole units, how many decimals were written
(that sets the precision tolerance) and the unit. Nothing here decides whether a number
is a market claim; :mod:`claims.extractor` does that with context.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .casefold import lowered
from .lexicon import CURRENCY_CODES, CURRENCY_SYMBOLS, CURRENCY_WORDS, SCALES
from .spelled import WORD as SPELLED_WORD
from .spelled import spelled_value

NUMBER = re.compile(
    r"(?<![\w.,/:$¥€£%])"  # never the tail of a larger token ("G7", "1.2.3"); "%-" is a range dash
    r"(?:(?P<neg>minus\s+|negative\s+|[-−](?=[$¥€£\d.]))|(?P<plus>\+(?=[$¥€£\d.])))?"
    r"(?P<cur>US\$|\$|¥|€|£|(?:USD|JPY|EUR|GBP)\s?)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?![\d])(?!:\d)"  # not a clock time ("12:35")
)
# a hyphen directly between two tokens ("8-1", "2.3-2.4%", "COVID-19") joins them
HYPHEN_JOINED = re.compile(r"[A-Za-z0-9][-–]$")

# a number written in words before a percent or point unit: "thirty basis points",
# "twenty-five basis points", "three point five percent", "two and a half percent"
# (lower case: reads the lowered text; never the tail of a hyphenated word; bounded
# repetition keeps a long run of number words linear)
WORD_PERCENT = re.compile(
    rf"(?<![\w-])(?P<words>(?:a (?=hundred|thousand))?{SPELLED_WORD}(?:(?:\s*-\s*|\s+|\s+and\s+){SPELLED_WORD}){{0,9}}"
    rf"(?:\s+point(?:\s+{SPELLED_WORD}){{1,6}})?)(?P<and>\s+and\s+a\s+(?:half|quarter))?"
    r"(?P<unit>\s+(?:percent|per cent)\b|\s+(?:percentage points?)\b|\s+basis points?\b)")

# fractions of a percentage point written out: "a quarter point", "half a percentage point",
# "three-quarters of a point", "a quarter-point cut" (lower case: reads the lowered text)
FRACTION_POINT = re.compile(
    r"\b(?P<frac>(?:a|one) quarter|(?:a|one) half|half|three[- ]quarters|(?:an|one) eighth|(?:a|one) full)"
    r"(?: of a| a)?[- ](?:(?P<kind>percentage|basis)[- ])?points?\b")
FRACTIONS = {"quarter": (0.25, 2), "half": (0.5, 1), "quarters": (0.75, 2), "eighth": (0.125, 3), "full": (1.0, 0)}

SCALE_RX = re.compile(r"(?P<sp>\s?)(?P<scale>trillion|billion|million|thousand|tn|trn|bn|bln|mn|mln|k|m|b)(?![\w])",
                      re.IGNORECASE)
UNIT_RX: list[tuple[str, re.Pattern]] = [
    ("percent", re.compile(r"\s?(?:%|percent\b|per cent\b|pc\b|pct\b(?!\s*pts?))", re.IGNORECASE)),
    ("bp", re.compile(r"(?:\s|-)?(?:basis[- ]points?|bps|bp|bpts?)\b", re.IGNORECASE)),
    ("pp", re.compile(r"(?:\s|-)?(?:percentage[- ]points?|pp|ppts?|pct pts?)\b", re.IGNORECASE)),
    ("fx", re.compile(r"(?:\s?yen)?\s(?:per|to the|against the|a) (?:US\s)?(?:dollar|\$|USD|greenback)\b", re.IGNORECASE)),
    ("points", re.compile(r"(?:\s|-)(?:index\s)?(?:points?|pts?)\b", re.IGNORECASE)),
    ("yen", re.compile(r"\syen\b", re.IGNORECASE)),
    ("currency_word", re.compile(r"\s(?:dollars|euros|pounds)\b", re.IGNORECASE)),
]
# letters glued to a number that are not a unit we know make it a non-claim ("10s", "3rd", "10yr")
GLUED_LETTERS = re.compile(r"[A-Za-z]+")


@dataclass
class Quantity:
    start: int
    end: int
    value: float
    decimals: int
    unit: str  # percent | bp | pp | points | fx | USD... | number
    scale: float = 1.0
    negative: bool = False
    hyphen_joined: bool = False
    spelled: bool = False
    fraction: bool = False  # a fraction of a point written out ("a quarter point")
    plus: bool = False  # written with an explicit "+": a move up ("(+4bp)", "+0.3%")

    @property
    def precision(self) -> float:
        """Half a unit in the last stated digit, in the quantity's own unit."""
        return 0.5 * 10 ** (-self.decimals) * self.scale


def parse_number(literal: str) -> tuple[float, int]:
    literal = literal.replace(",", "")
    decimals = len(literal.split(".", 1)[1]) if "." in literal else 0
    return float(literal), decimals


def find_quantities(text: str) -> list[Quantity]:
    """Every number in ``text`` with its unit; linear in the length of the text."""
    out: list[Quantity] = []
    for m in NUMBER.finditer(text):
        value, decimals = parse_number(m.group("num"))
        start, end = m.start(), m.end()
        neg = bool(m.group("neg"))
        cur = (m.group("cur") or "").strip().lower()
        currency = CURRENCY_SYMBOLS.get(cur) or CURRENCY_CODES.get(cur)
        scale = 1.0
        sm = SCALE_RX.match(text, end)
        if sm and (sm.group("scale").lower() in ("trillion", "billion", "million", "thousand")
                   or not sm.group("sp")):
            word = sm.group("scale").lower()
            if len(word) > 1 or currency or word == "k":
                scale = SCALES[word]
                end = sm.end()
        if start > 0 and text[start - 1] == "(" and text[end:end + 1] == ")" and not neg:
            # an accounting negative: "(1.2)%", "(¥3.4bn)"
            neg, start, end = True, start - 1, end + 1
        unit = "number"
        for name, rx in UNIT_RX:
            um = rx.match(text, end)
            if not um:
                continue
            if name == "yen":
                if scale > 1 or currency:
                    currency, unit = "JPY", "money"
                else:
                    unit = "fx"
            elif name == "currency_word":
                if scale > 1 or currency:
                    currency = CURRENCY_WORDS[um.group(0).strip().lower()]
                    unit = "money"
                else:
                    continue
            else:
                unit = name
            end = um.end()
            break
        if currency and unit in ("number", "money"):
            unit = currency
        elif unit == "money":
            unit = currency or "USD"
        glued = GLUED_LETTERS.match(text, end)
        if glued and unit == "number" and scale == 1.0:
            continue  # "10s", "3rd", "10yr", "2Y": not a quantity
        q = Quantity(start, end, -value * scale if neg else value * scale, decimals, unit, scale, neg,
                     bool(HYPHEN_JOINED.search(text[max(0, start - 2):start])), plus=bool(m.group("plus")))
        out.append(q)
    low = lowered(text)
    for m in FRACTION_POINT.finditer(low):
        value, decimals = FRACTIONS[m.group("frac").split()[-1].split("-")[-1]]
        unit = "bp" if m.group("kind") == "basis" else "pp"  # "half a basis point" is 0.5 bp
        out.append(Quantity(m.start(), m.end(), value, decimals, unit, spelled=True, fraction=True))
    for m in WORD_PERCENT.finditer(low):
        value = spelled_value(m.group("words"))
        if value is None:
            continue
        decimals = len(m.group("words").split(" point ", 1)[1].split()) if " point " in m.group("words") else 0
        if m.group("and"):
            value += 0.5 if m.group("and").endswith("half") else 0.25
            decimals = max(decimals, 1 if m.group("and").endswith("half") else 2)
        unit_text = m.group("unit")
        unit = "percent" if "per" in unit_text and "point" not in unit_text else (
            "pp" if "percentage" in unit_text else "bp")
        out.append(Quantity(m.start(), m.end(), value, decimals, unit, spelled=True))
    out.sort(key=lambda q: q.start)
    return out
