"""Whether a number is stated as a fact, or as a forecast or a condition (not checkable).

The words read are those of the number's own clause before it (a new clause after ";" or
":" has its own modality) and the words after it up to the end of the clause.
"""
from __future__ import annotations

import re

from .. import lexicon as L
from ..features import Features
from ..values import Modality
from . import Rule

MARKET_PRICING = re.compile(
    r"\b(?:markets?|futures|swaps|traders|investors|dealers|ois|economists|strategists|analysts)\s+"
    r"(?:now\s+)?(?:price|prices|priced|pricing|see|sees|expect|expects|bet|bets|"
    r"forecast|forecasts|predict|predicts|project|projects|point to|points to)\b", re.I)
MARKET_PUT = re.compile(
    r"\b(?:markets?|futures|swaps|traders|investors|dealers|ois)\s+(?:now\s+)?puts?\s+[^.;]{0,40}?"
    r"\b(?:rates?|yields?|odds|probability|chances?)\b", re.I)
CONDITIONAL = re.compile(r"\b(?:if|unless|should)\b", re.I)

MODALITY: tuple[Rule[Features, Modality], ...] = (
    Rule("condition", lambda f: CONDITIONAL.search(f.clause_before), Modality.CONDITIONAL,
         "'if', 'unless' or 'should' before the number in its clause makes it a condition",
         examples=("If the 30-year prints [4.5%], the BoJ will act.",),
         counter=("The 30-year printed [4.5%], and the BoJ acted.",),
         triggers=(CONDITIONAL.pattern,)),
    Rule("market_pricing", lambda f: MARKET_PRICING.search(f.clause_before) or MARKET_PUT.search(f.clause_before),
         Modality.FORECAST, "what markets, traders or economists price, see or expect is a forecast",
         examples=("Overnight index swaps now put the BoJ's policy rate at [1.25%] by year-end.",
                   "Economists expect the yen at [160 per dollar]."),
         counter=("Traders sold the yen to [160 per dollar].",),
         triggers=(MARKET_PRICING.pattern, MARKET_PUT.pattern)),
    Rule("forecast_word", lambda f: L.FORECAST_BEFORE.search(f.clause_before), Modality.FORECAST,
         "a word of expectation, possibility or aim before the number ('expects', 'could', 'toward')",
         examples=("The bank expects the yen to weaken to [160 per dollar] by the end of 2026.",
                   "The Nikkei could reach [60,000] this year."),
         counter=("The yen weakened past [150 per dollar] after the bank said it expected conditions to ease.",),
         triggers=(L.FORECAST_BEFORE.pattern,)),
    Rule("horizon_after", lambda f: L.FORECAST_AFTER.search(f.right), Modality.FORECAST,
         "a future horizon after the number ('by the end of next year', 'next month')",
         examples=("The 10-year yield at [3%] by the end of next year is the house view.",),
         counter=("The 10-year yield rose to [3%] on the last day of the week.",),
         triggers=(L.FORECAST_AFTER.pattern.lstrip("^"),)),
)
