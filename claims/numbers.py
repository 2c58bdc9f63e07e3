"""Recognize numeric expressions with their unit: the recognizers are mostly data.

Each match carries the literal, the value in whole units, how many decimals were written
(that sets the precision tolerance) and the unit. Nothing here decides whether a number
is a market claim; :mod:`claims.extractor` does that with context.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .casefold import lowered
from .lexicon import SCALES
from .spelled import WORD as SPELLED_WORD
from .spelled import spelled_value
from .units import CURRENCIES, CURRENCY_BY_CODE, CURRENCY_BY_SYMBOL, CURRENCY_BY_WORD, UNITS, Dimension, Unit, UnitSpec

# currency symbols and codes written before a figure, from the unit table
_SIGNS = "".join(sorted({sym for u in CURRENCIES for sym in u.symbols if len(sym) == 1}))
_PREFIX = "|".join(re.escape(sym) for sym in sorted({sym for u in CURRENCIES for sym in u.symbols}, key=len, reverse=True))
_CODES = "|".join(u.code.upper() for u in CURRENCIES if u.code)
NUMBER = re.compile(
    rf"(?<![\w.,/:{_SIGNS}%])"  # never the tail of a larger token ("G7", "1.2.3"); "%-" is a range dash
    rf"(?:(?P<neg>minus\s+|negative\s+|[-−](?=[{_SIGNS}\d.]))|(?P<plus>\+(?=[{_SIGNS}\d.])))?"
    rf"(?P<cur>{_PREFIX}|(?:{_CODES})\s?)?"
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
# the written forms of the unit table, tried in its order right after a number
UNIT_RX: list[tuple[UnitSpec, re.Pattern]] = [(u, re.compile(u.written, re.IGNORECASE)) for u in UNITS if u.written]
# letters glued to a number that are not a unit we know make it a non-claim ("10s", "3rd", "10yr")
GLUED_LETTERS = re.compile(r"[A-Za-z]+")


@dataclass
class Quantity:
    start: int
    end: int
    value: float
    decimals: int
    unit: Unit
    scale: float = 1.0
    negative: bool = False
    hyphen_joined: bool = False
    fraction: bool = False  # a fraction of a point written out ("a quarter point")
    plus: bool = False  # written with an explicit "+": a move up ("(+4bp)", "+0.3%")
    range: tuple[float, float] | None = None  # "between 2.3% and 2.4%": both bounds (value = midpoint)
    quoted_range: bool = False  # "a range of 0 to 0.1%": how policy ranges are quoted

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
    out = [q for q in map(lambda m: _figure(text, m), NUMBER.finditer(text)) if q is not None]
    low = lowered(text)
    out += _fractions(low) + _spelled(low)
    out.sort(key=lambda q: q.start)
    return out


def _figure(text: str, m: re.Match) -> Quantity | None:
    """A number written in figures, with its currency, scale and unit."""
    value, decimals = parse_number(m.group("num"))
    start, end = m.start(), m.end()
    neg = bool(m.group("neg"))
    cur = (m.group("cur") or "").strip().lower()
    currency = CURRENCY_BY_SYMBOL.get(cur) or CURRENCY_BY_CODE.get(cur)
    scale = 1.0
    sm = SCALE_RX.match(text, end)
    if sm and (sm.group("scale").lower() in ("trillion", "billion", "million", "thousand") or not sm.group("sp")):
        word = sm.group("scale").lower()
        if len(word) > 1 or currency or word == "k":
            scale = SCALES[word]
            end = sm.end()
    if start > 0 and text[start - 1] == "(" and text[end:end + 1] == ")" and not neg:
        # an accounting negative: "(1.2)%", "(¥3.4bn)"
        neg, start, end = True, start - 1, end + 1
    unit, end = _unit_after(text, end, scale, currency)
    if unit is Unit.NUMBER and scale == 1.0 and GLUED_LETTERS.match(text, end):
        return None  # "10s", "3rd", "10yr", "2Y": not a quantity
    return Quantity(start, end, -value * scale if neg else value * scale, decimals, unit, scale, neg,
                    bool(HYPHEN_JOINED.search(text[max(0, start - 2):start])), plus=bool(m.group("plus")))


def _unit_after(text: str, end: int, scale: float, currency: Unit | None) -> tuple[Unit, int]:
    """The unit written after a number (first row of the unit table that matches) and
    where it ends. A currency word is an amount only when the figure is scaled or carries
    a currency symbol; "155 yen" alone is an exchange rate, "5 dollars" no unit at all."""
    for row, rx in UNIT_RX:
        um = rx.match(text, end)
        if not um:
            continue
        if row.dimension is Dimension.MONEY:
            if scale > 1 or currency:
                return CURRENCY_BY_WORD[um.group(0).strip().lower()], um.end()
            if row.unit is not Unit.JPY:
                continue
            return Unit.FX, um.end()
        return row.unit, um.end()
    return currency or Unit.NUMBER, end


def _fractions(low: str) -> list[Quantity]:
    """Fractions of a point written out ("a quarter point", "half a basis point")."""
    out = []
    for m in FRACTION_POINT.finditer(low):
        value, decimals = FRACTIONS[m.group("frac").split()[-1].split("-")[-1]]
        unit = Unit.BP if m.group("kind") == "basis" else Unit.PP  # "half a basis point" is 0.5 bp
        out.append(Quantity(m.start(), m.end(), value, decimals, unit, fraction=True))
    return out


def _spelled(low: str) -> list[Quantity]:
    """Numbers in words before a percent or point unit ("twenty-five basis points")."""
    out = []
    for m in WORD_PERCENT.finditer(low):
        value = spelled_value(m.group("words"))
        if value is None:
            continue
        decimals = len(m.group("words").split(" point ", 1)[1].split()) if " point " in m.group("words") else 0
        if m.group("and"):
            value += 0.5 if m.group("and").endswith("half") else 0.25
            decimals = max(decimals, 1 if m.group("and").endswith("half") else 2)
        unit_text = m.group("unit")
        unit = Unit.PERCENT if "per" in unit_text and "point" not in unit_text else (
            Unit.PP if "percentage" in unit_text else Unit.BP)
        out.append(Quantity(m.start(), m.end(), value, decimals, unit))
    return out
