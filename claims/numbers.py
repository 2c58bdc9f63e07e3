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
from .regexgate import gate_patterns
from .spelled import WORD as SPELLED_WORD
from .spelled import spelled_value
from .units import CURRENCIES, CURRENCY_BY_CODE, CURRENCY_BY_SYMBOL, UNITS, Dimension, Unit, UnitSpec

# currency symbols and codes written before a figure, from the unit table
_SIGNS = "".join(sorted({sym for u in CURRENCIES for sym in u.symbols if len(sym) == 1}))
_PREFIX = "|".join(re.escape(sym) for sym in sorted({sym for u in CURRENCIES for sym in u.symbols}, key=len, reverse=True))
_CODES = "|".join(u.code.upper() for u in CURRENCIES if u.code)
NUMBER = re.compile(
    rf"(?<![\w.,/:{_SIGNS}%])"  # never the tail of a larger token ("G7", "1.2.3"); "%-" is a range dash
    rf"(?:(?P<neg>minus\s+|negative\s+|[-−](?=[{_SIGNS}\d.]))|(?P<plus>\+(?=[{_SIGNS}\d.])))?"
    rf"(?P<cur>(?:{_PREFIX})(?:\s(?=\d))?|(?:{_CODES})\s?)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?![\d])(?!:\d)"  # not a clock time ("12:35")
)
# a hyphen directly between two tokens ("8-1", "2.3-2.4%", "COVID-19") joins them
HYPHEN_JOINED = re.compile(r"[A-Za-z0-9][-–]$")

# a number written in words before a percent or point unit: "thirty basis points",
# "twenty-five basis points", "three point five percent", "two and a half percent"
# (lower case: reads the lowered text; never the tail of a hyphenated word; bounded
# repetition keeps a long run of number words linear)
# "and" joins number words only after a scale word ("a hundred and forty"): "three and three
# quarters" is three plus a fraction, not "three and three" (see AND_FRACTION)
_AFTER_SCALE = "(?:" + "|".join(f"(?<={w})" for w in ("hundred", "thousand", "million", "billion", "trillion")) + ")"
SPELLED_RUN = re.compile(
    rf"(?<![\w-])(?P<words>(?:a (?=hundred|thousand|million|billion|trillion))?{SPELLED_WORD}"
    rf"(?:(?:\s*-\s*|\s+|{_AFTER_SCALE}\s+and\s+){SPELLED_WORD}){{0,9}}"
    rf"(?:\s+point(?:\s+{SPELLED_WORD}){{1,6}})?)"
    r"(?P<and>\s+and\s+(?:(?:a|one)[- ](?:half|quarter)|three[- ]quarters))?")
# the fraction an "and" adds to a whole number in words, with the decimals it implies
AND_FRACTION = {"half": (0.5, 1), "quarter": (0.25, 2), "quarters": (0.75, 2)}
# the unit after a number in words: "twenty-five basis points", "three thousand two hundred points"
WORD_UNIT = re.compile(r"\s+(?:(?P<pct>percent|per cent)\b|(?P<pp>percentage points?)\b|(?P<bp>basis points?)\b|"
                       r"(?P<pts>(?:index\s+)?points)\b)")

# fractions of a percentage point written out: "a quarter point", "half a percentage point",
# "three-quarters of a point", "a quarter-point cut" (lower case: reads the lowered text)
FRACTION_POINT = re.compile(
    r"\b(?P<frac>(?:a|one) quarter|(?:a|one) half|half|three[- ]quarters|(?:an|one) eighth|(?:a|one) full)"
    r"(?: of a| a)?[- ](?:(?:(?P<kind>percentage|basis)[- ])?points?|(?P<pct>percent|per cent))\b")
# every match of FRACTION_POINT holds one of these words and "point" or "per": a text
# without them is not scanned (few texts hold a match)
FRACTION_WORDS = ("quarter", "half", "eighth", "full")
FRACTIONS = {"quarter": (0.25, 2), "half": (0.5, 1), "quarters": (0.75, 2), "eighth": (0.125, 3), "full": (1.0, 0)}

SCALE_RX = re.compile(r"(?P<sp>\s?)(?P<scale>trillion|billion|million|thousand|tn|trn|bn|bln|mn|mln|k|m|b)(?![\w])",
                      re.IGNORECASE)
# the written forms of the unit table, tried in its order right after a number
UNIT_RX: list[tuple[UnitSpec, re.Pattern]] = [(u, re.compile(u.written, re.IGNORECASE)) for u in UNITS if u.written]
# all of them in one alternation: a match at a position takes the first row that matches
# there, so one call finds where the row-by-row reading has to start (most numbers have
# no unit word and then cost one call instead of one per row)
ANY_UNIT = re.compile("|".join(f"(?P<u{i}>{rx.pattern})" for i, (_, rx) in enumerate(UNIT_RX)), re.IGNORECASE)
# letters glued to a number that are not a unit we know make it a non-claim ("10s", "3rd", "10yr")
GLUED_LETTERS = re.compile(r"[A-Za-z]+")
# an ISO code after an amount: "250USD", "400 EUR", "5bn USD"
CODE_AFTER = re.compile(rf"\s?(?P<code>{_CODES})\b")
# the hundredth of a currency after a number: "46 cents", "85 pence"
MINOR_RX: list[tuple[UnitSpec, re.Pattern]] = [(u, re.compile(u.minor, re.IGNORECASE)) for u in CURRENCIES if u.minor]
# the sen after a whole number of yen ("263 yen 16 sen"), as Japanese news writes an index
# level or move; the yen word must be the last thing read
SEN_AFTER = re.compile(r"(?<=yen)\s+(?P<sen>\d{1,2})\s+sen\b", re.I)
# any of them: one call tells that none follows (most numbers), instead of one per row
ANY_MINOR = re.compile("|".join(f"(?:{rx.pattern})" for _, rx in MINOR_RX), re.IGNORECASE)
AMOUNT_FROM = 1000  # "320,000 yen" is an amount; "155 yen" an exchange rate


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
    fuzzy: bool = False  # named by its neighbourhood ("the upper 140s"): the range is the span

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
    if any(word in low for word in FRACTION_WORDS) and ("point" in low or "per" in low):
        out += _fractions(low)
    out += _spelled(low) + _fuzzy(low)
    out.sort(key=lambda q: (q.start, q.start - q.end))
    kept: list[Quantity] = []
    for q in out:  # "3 billion yen" is one figure, not also the words "billion yen"
        if kept and q.start < kept[-1].end and q.end > kept[-1].start:
            continue
        kept.append(q)
    return kept


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
    minor = next(((row, mm) for row, rx in MINOR_RX if (mm := rx.match(text, end))), None) \
        if scale == 1 and not currency and ANY_MINOR.match(text, end) else None
    if minor is not None:  # "46 cents": a hundredth of a dollar
        scale, end = 0.01, minor[1].end()
        unit = minor[0].unit
    else:
        unit, end = _unit_after(text, end, scale, currency, value * scale)
    if unit is Unit.NUMBER and scale == 1.0 and GLUED_LETTERS.match(text, end):
        return None  # "10s", "3rd", "10yr", "2Y": not a quantity
    sen = SEN_AFTER.match(text, end) if unit in (Unit.JPY, Unit.FX) and scale == 1.0 and not decimals else None
    if sen is not None:  # "40,003 yen 60 sen": the hundredths written as sen, Japanese style
        value, decimals, end = value + int(sen.group("sen")) / 100, 2, sen.end()
    return Quantity(start, end, -value * scale if neg else value * scale, decimals, unit, scale, neg,
                    bool(HYPHEN_JOINED.search(text[max(0, start - 2):start])), plus=bool(m.group("plus")))


def _unit_after(text: str, end: int, scale: float, currency: Unit | None, amount: float) -> tuple[Unit, int]:
    """The unit written after a number (first row of the unit table that matches) and
    where it ends. A currency word is an amount when the figure is scaled, carries a
    currency symbol or is too large for an exchange rate ("320,000 yen"); a smaller figure
    in a quote currency ("155 yen", "7.1 yuan") is an exchange rate, "5 dollars" no unit."""
    first = ANY_UNIT.match(text, end)  # the rows before the first that matches here cannot
    for row, rx in UNIT_RX[int(first.lastgroup[1:]):] if first is not None else ():
        um = rx.match(text, end)
        if not um:
            continue
        if row.dimension is Dimension.MONEY:
            if scale > 1 or currency or abs(amount) >= AMOUNT_FROM:
                return row.unit, um.end()
            if not row.quote_word:
                continue
            return Unit.FX, um.end()
        return row.unit, um.end()
    code = CODE_AFTER.match(text, end) if currency is None else None
    if code is not None:
        return CURRENCY_BY_CODE[code.group("code").lower()], code.end()
    return currency or Unit.NUMBER, end


# a level named by its neighbourhood: "the upper 140s", "the low 150s", "the mid-40,000s",
# "mid-4s" (a decade of the number's last figure); "the mid-156-yen level", "low 150" (a
# handle: the number's units). Low, mid and upper are the first three tenths, the middle four
# and the last three of the span (lower case: reads the lowered text).
FUZZY = re.compile(r"\b(?P<where>low|lower|mid|middle|upper|high|late|early)(?:-|\s+)(?:to-mid-\s*)?"
                   r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:(?P<s>'?s)\b|(?P<yen>[- ]yen)\b|(?![\d.,%]))"
                   r"|\bthe\s+(?P<num2>[1-9]\d{2,}|\d{1,3}(?:,\d{3})+)s\b")
FUZZY_PART = {"low": (0.0, 0.3), "lower": (0.0, 0.3), "early": (0.0, 0.3), "mid": (0.3, 0.7), "middle": (0.3, 0.7),
              "upper": (0.7, 1.0), "high": (0.7, 1.0), "late": (0.7, 1.0)}


def _fuzzy(low: str) -> list[Quantity]:
    """Levels named by their neighbourhood ("the upper 140s", "mid-156-yen"): the span's
    midpoint, with the span as the range the data must stay in."""
    out = []
    for m in FUZZY.finditer(low):
        literal = m.group("num") or m.group("num2")
        base, decimals = parse_number(literal)
        decade = bool(m.group("num2") or m.group("s"))
        if 1800 <= base <= 2100 and not decimals or (decade and base < 1):
            continue  # "the early 2000s", "mid-2026", "late 2025": years
        if not decade and low[m.start("num") - 1] != "-":
            continue  # a handle is written joined: "mid-156", "the mid-156-yen level"
        if decade:  # the span of the last figure: 140s -> 140 to 150, 40,000s -> 40,000 to 50,000
            digits = literal.replace(",", "").split(".")[0]
            size = 10.0 ** (len(digits) - len(digits.rstrip("0")))
        else:  # a handle: 156 -> 156 to 157
            size = 10.0 ** -decimals
        a, b = FUZZY_PART.get(m.group("where") or "", (0.0, 1.0))
        lo, hi = base + a * size, base + b * size
        unit = Unit.FX if m.group("yen") else Unit.NUMBER
        out.append(Quantity(m.start(), m.end(), round((lo + hi) / 2, 10), decimals + 1, unit,
                            range=(round(lo, 10), round(hi, 10)), fuzzy=True))
    return out


def _fractions(low: str) -> list[Quantity]:
    """Fractions of a point written out ("a quarter point", "half a basis point")."""
    out = []
    for m in FRACTION_POINT.finditer(low):
        value, decimals = FRACTIONS[m.group("frac").split()[-1].split("-")[-1]]
        unit = Unit.BP if m.group("kind") == "basis" else Unit.PP  # "half a basis point" is 0.5 bp
        unit = Unit.PERCENT if m.group("pct") else unit  # "half a percent"
        out.append(Quantity(m.start(), m.end(), value, decimals, unit, fraction=True))
    return out


def _spelled(low: str) -> list[Quantity]:
    """Numbers in words ("twenty-five basis points", "three million yen", "a hundred and
    forty-five and a half"): with the unit written after them, or bare when they are more
    than one word or have decimals (a single "two" or "sixty" counts something)."""
    out = []
    for m in SPELLED_RUN.finditer(low):
        value = spelled_value(m.group("words"))
        if value is None:
            continue
        words = m.group("words")
        decimals = len(words.split(" point ", 1)[1].split()) if " point " in words else 0
        if m.group("and"):  # "three and a half", "three and three quarters"
            extra, places = AND_FRACTION[re.split(r"[- ]", m.group("and"))[-1]]
            value += extra
            decimals = max(decimals, places)
        unit, end, scale = _spelled_unit(low, m.end(), value)
        if unit is None and decimals == 0 and len(re.findall(r"[a-z]+", words.replace(" and ", " "))) < 2 \
                and not _opens_spelled_range(low, m.start(), end):
            continue
        out.append(Quantity(m.start(), end, value, decimals, unit or Unit.NUMBER, scale))
    return out


# "between four and five percent", "a range of three to three and a half percent": a lone
# number word is the low end of a range whose high end carries the unit
RANGE_OPENER = re.compile(r"\b(?:between|(?:range|band|corridor)(?:\s+(?:of|at|from|between))?)\s+$")
RANGE_JOIN = re.compile(rf"\s+(?:and|to)\s+{SPELLED_WORD}\b")


def _opens_spelled_range(low: str, start: int, end: int) -> bool:
    return bool(RANGE_OPENER.search(low[max(0, start - 30):start]) and RANGE_JOIN.match(low, end))


def _spelled_unit(low: str, end: int, value: float) -> tuple[Unit | None, int, float]:
    """The unit written after a number in words, where it ends and the figure's scale."""
    um = WORD_UNIT.match(low, end)
    if um is not None:
        unit = Unit.PERCENT if um.group("pct") else Unit.PP if um.group("pp") else Unit.BP if um.group("bp") \
            else Unit.POINTS
        return unit, um.end(), 1.0
    for row, rx in UNIT_RX:
        if row.dimension is not Dimension.MONEY:
            continue
        mm = rx.match(low, end)
        if mm is not None:  # "three million yen"; "a hundred and forty-five yen" is a rate
            money = value >= AMOUNT_FROM or not row.quote_word
            return (row.unit if money else Unit.FX), mm.end(), 1.0
    return None, end, 1.0


gate_patterns(globals())  # every pattern above behind its literal pre-check (claims.regexgate)
