"""The one table of units: how each is written after a number, what it measures and how a
move between two levels is expressed in it.

A new unit is one row here (plus, if it names a market series, the catalog's unit of that
series). The number reader (:mod:`claims.numbers`) tries the rows' written forms in table
order; the extractor asks a unit's row whether it can be a market figure or a spread; the
verifier asks how a move is measured in it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Unit(StrEnum):
    """The unit of a claim's value. Compares equal to its name ("percent" == Unit.PERCENT)."""

    PERCENT = "percent"
    BP = "bp"
    PP = "pp"
    POINTS = "points"
    FX = "fx"  # yen per dollar
    NUMBER = "number"  # a bare figure whose unit comes from its instrument, if any
    USD = "USD"
    JPY = "JPY"
    EUR = "EUR"
    GBP = "GBP"
    CNY = "CNY"
    CHF = "CHF"
    CAD = "CAD"
    AUD = "AUD"
    NZD = "NZD"
    HKD = "HKD"
    SGD = "SGD"
    KRW = "KRW"
    INR = "INR"


class Dimension(StrEnum):
    RATE = "rate"  # a percentage: a yield, a policy rate, or a relative move
    RATE_STEP = "rate_step"  # the difference of two percentages (basis points, percentage points)
    INDEX = "index"  # index points
    PRICE = "price"  # an exchange rate
    MONEY = "money"  # an amount in a currency
    NUMBER = "number"


class Change(StrEnum):
    """How a move from level ``a`` to level ``b`` is stated in a unit."""

    RELATIVE = "relative"  # percent: (b / a - 1) * 100
    HUNDREDTHS = "hundredths"  # basis points of a percentage level: (b - a) * 100
    DIFFERENCE = "difference"  # percentage points, index points, yen: b - a


@dataclass(frozen=True)
class UnitSpec:
    unit: Unit
    written: str | None  # regex read right after a number ("%", " basis points", " per dollar")
    dimension: Dimension
    change: Change
    market: bool = False  # a market level or move can be stated in it
    spread: bool = False  # can state the gap between two rates ("a 200 bp gap")
    symbols: tuple[str, ...] = field(default=())  # written before a number ("$", "¥")
    code: str | None = None  # an ISO code written before a number ("USD 5")
    words: tuple[str, ...] = field(default=())  # currency words that name it
    minor: str | None = None  # regex of the hundredth of the currency after a number ("cents")
    quote_word: bool = False  # "155 yen", "7.1 yuan": a small bare figure in it is an exchange rate
    examples: tuple[str, ...] = field(default=())  # figures that read in this unit (tested from the table)
    not_examples: tuple[str, ...] = field(default=())  # figures that look close but read otherwise


UNITS: tuple[UnitSpec, ...] = (
    UnitSpec(Unit.PERCENT, r"\s?(?:%|percent\b|per cent\b|pc\b|pct\b(?!\s*pts?))", Dimension.RATE,
             Change.RELATIVE, market=True, examples=("2.5%", "3 percent", "4 per cent", "1.5 pct", "(0.5)%"),
             not_examples=("1.5 pct pts",)),
    UnitSpec(Unit.BP, r"(?:\s|-)?(?:basis[- ]points?|bps|bp|bpts?)\b", Dimension.RATE_STEP, Change.HUNDREDTHS,
             market=True, spread=True, examples=("6 basis points", "25bp", "4 bps", "+4bp", "10-basis-point"),
             not_examples=("5 points",)),
    UnitSpec(Unit.PP, r"(?:\s|-)?(?:percentage[- ]points?|pp|ppts?|pct pts?)\b", Dimension.RATE_STEP,
             Change.DIFFERENCE, market=True, spread=True, examples=("0.25 percentage point", "1.5 pct pts", "2pp"),
             not_examples=("0.25 percent",)),
    UnitSpec(Unit.FX, r"(?:\s?yen)?\s(?:per|to the|against the|a) (?:US\s)?(?:dollar|\$|USD|greenback)\b",
             Dimension.PRICE, Change.DIFFERENCE, market=True,
             examples=("150 per dollar", "141.7 yen to the dollar", "155 yen", "158 against the greenback"),
             not_examples=("¥155 billion",)),
    UnitSpec(Unit.POINTS, r"(?:\s|-)(?:index\s)?(?:points?|pts?)\b", Dimension.INDEX, Change.DIFFERENCE, market=True,
             examples=("4,451 points", "300 index points", "12 pts", "a 500-point"), not_examples=("25 basis points",)),
    # a currency word after a number is an amount when scaled, with a symbol, or too large
    # for an exchange rate ("¥5.5 trillion", "3 billion dollars", "320,000 yen"); "155 yen"
    # alone is an exchange rate (see claims.numbers); "85 pence", "12.5 cents" are hundredths
    UnitSpec(Unit.JPY, r"\s(?:Japanese\s+)?yen\b", Dimension.MONEY, Change.DIFFERENCE, symbols=("¥", "JP¥"), code="jpy",
             words=("yen",), quote_word=True,
             examples=("¥5.5 trillion", "3 billion yen", "JPY 400bn", "320,000 yen", "three million yen",
                       "one trillion yen"), not_examples=("155 yen",)),
    UnitSpec(Unit.USD, r"\s(?:(?:U\.?S\.?|American)\s+)?dollars\b", Dimension.MONEY, Change.DIFFERENCE,
             symbols=("$", "US$", "U.S.$"), code="usd", words=("dollars", "dollar"), minor=r"\s?cents?\b",
             examples=("$3bn", "US$2.5 billion", "5 billion dollars", "USD 40", "$ 40 million", "250USD", "12.5 cents"),
             not_examples=("5 dollars",)),
    UnitSpec(Unit.EUR, r"\seuros?\b", Dimension.MONEY, Change.DIFFERENCE, symbols=("€",), code="eur",
             words=("euros", "euro"), examples=("€2 billion", "3 million euros", "EUR 400")),
    UnitSpec(Unit.GBP, r"\s(?:pounds|pounds sterling)\b", Dimension.MONEY, Change.DIFFERENCE, symbols=("£",), code="gbp",
             words=("pounds", "sterling"), minor=r"\s?pence\b", examples=("£1.5bn", "2 million pounds", "85 pence")),
    UnitSpec(Unit.CNY, r"\s(?:Chinese\s+)?(?:yuan|renminbi)\b", Dimension.MONEY, Change.DIFFERENCE, symbols=("CN¥", "RMB"),
             code="cny", words=("yuan", "renminbi"), quote_word=True,
             examples=("50 billion yuan", "CNY 3 trillion", "RMB 2 billion"), not_examples=("7.1 yuan",)),
    UnitSpec(Unit.CHF, r"\s(?:Swiss\s+)?francs?\b", Dimension.MONEY, Change.DIFFERENCE, code="chf",
             words=("francs", "Swiss francs"), quote_word=True, examples=("2,000 Swiss francs", "CHF 1.2 billion")),
    UnitSpec(Unit.CAD, r"\sCanadian\s+dollars?\b", Dimension.MONEY, Change.DIFFERENCE, symbols=("C$", "CA$", "Can$"),
             code="cad", words=("Canadian dollars",), examples=("C$800 million", "3 million Canadian dollars")),
    UnitSpec(Unit.AUD, r"\sAustralian\s+dollars?\b", Dimension.MONEY, Change.DIFFERENCE, symbols=("A$", "AU$"),
             code="aud", words=("Australian dollars",), examples=("A$1.5 billion",)),
    UnitSpec(Unit.NZD, r"\sNew\s+Zealand\s+dollars?\b", Dimension.MONEY, Change.DIFFERENCE, symbols=("NZ$",),
             code="nzd", words=("New Zealand dollars",), examples=("NZ$300 million",)),
    UnitSpec(Unit.HKD, r"\s(?:Hong\s+Kong|HK)\s+dollars?\b", Dimension.MONEY, Change.DIFFERENCE, symbols=("HK$",),
             code="hkd", words=("Hong Kong dollars",), examples=("HK$3.2 billion",)),
    UnitSpec(Unit.SGD, r"\sSingapore\s+dollars?\b", Dimension.MONEY, Change.DIFFERENCE, symbols=("S$", "SG$"),
             code="sgd", words=("Singapore dollars",), examples=("S$8.9 billion",)),
    UnitSpec(Unit.KRW, r"\s(?:South\s+)?(?:Korean\s+)?won\b", Dimension.MONEY, Change.DIFFERENCE, symbols=("₩",),
             code="krw", words=("won",), examples=("₩3 trillion", "5 trillion won")),
    UnitSpec(Unit.INR, r"\s(?:Indian\s+)?rupees?\b", Dimension.MONEY, Change.DIFFERENCE, symbols=("₹", "Rs."),
             code="inr", words=("rupees",), examples=("₹500 billion", "2 billion rupees")),
    UnitSpec(Unit.NUMBER, None, Dimension.NUMBER, Change.DIFFERENCE, examples=("40,003.60", "158.6"),
             not_examples=("10s", "3rd")),
)
SPECS: dict[Unit, UnitSpec] = {spec.unit: spec for spec in UNITS}
assert set(SPECS) == set(Unit), "every unit needs a row in the table"

MARKET_UNITS = frozenset(s.unit for s in UNITS if s.market)
SPREAD_UNITS = frozenset(s.unit for s in UNITS if s.spread)
STEP_UNITS = frozenset(s.unit for s in UNITS if s.dimension is Dimension.RATE_STEP)
# the units a day's move of a series is compared in (a move in percentage points is read as
# a policy step or a spread, not as a daily move of a market series)
DAILY_MOVE_UNITS = MARKET_UNITS - {Unit.PP}
RATE_UNITS = frozenset(s.unit for s in UNITS if s.dimension in (Dimension.RATE, Dimension.RATE_STEP))
CURRENCIES = tuple(s for s in UNITS if s.dimension is Dimension.MONEY)
CURRENCY_BY_SYMBOL = {sym.lower(): s.unit for s in CURRENCIES for sym in s.symbols}  # read lower-cased
CURRENCY_BY_CODE = {s.code: s.unit for s in CURRENCIES if s.code}
CURRENCY_BY_WORD = {w: s.unit for s in CURRENCIES for w in s.words}


def spec(unit: str) -> UnitSpec:
    """The table row of ``unit`` (a :class:`Unit` or its name)."""
    return SPECS[Unit(unit)]


def change_between(unit: str, start, end):
    """The move from ``start`` to ``end`` stated in ``unit`` (scalars or whole series)."""
    how = spec(unit).change
    if how is Change.RELATIVE:
        return (end / start - 1) * 100
    if how is Change.HUNDREDTHS:
        return (end - start) * 100
    return end - start
