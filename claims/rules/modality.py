"""Whether a number is stated as a fact, or as a forecast or a condition (not checkable).

The words read are those of the number's own clause before it (a new clause after ";" or
":" has its own modality) and the words after it up to the end of the clause.
"""
from __future__ import annotations

import re

from .. import lexicon as L
from ..casefold import Folded
from ..features import Features, words
from ..values import Modality
from . import Rule
from ..regexgate import gate_patterns

MARKET_PRICING = re.compile(
    r"\b(?:markets?|futures|swaps|traders|investors|dealers|ois|economists|strategists|analysts)\s+"
    r"(?:now\s+)?(?:price|prices|priced|pricing|see|sees|expect|expects|bet|bets|"
    r"forecast|forecasts|predict|predicts|project|projects|point to|points to)\b", re.I)
MARKET_PUT = re.compile(
    r"\b(?:markets?|futures|swaps|traders|investors|dealers|ois)\s+(?:now\s+)?puts?\s+[^.;]{0,40}?"
    r"\b(?:rates?|yields?|odds|probability|chances?)\b", re.I)
# "a 25 basis point rise was effectively priced in at the December meeting"
PRICED_AFTER = re.compile(r"^[^.;]{0,30}?\b(?:is|was|were|are|been|being)\s+(?:\w+\s+)?priced(?:\s+in)?\b", re.I)
CONDITIONAL = re.compile(r"\b(?:if|unless|should)\b", re.I)
# the same searches over the lower-cased clause (claims.casefold.Folded); "may" counts only
# in lower case (not the month), so it is searched apart over the clause as written
_CONDITIONAL = Folded(CONDITIONAL)
_PRICING = (Folded(MARKET_PRICING), Folded(MARKET_PUT))
_MAY = "|(?-i:may)"
assert _MAY in L.FORECAST_BEFORE.pattern
_FORECAST_BEFORE = Folded(re.compile(L.FORECAST_BEFORE.pattern.replace(_MAY, ""), L.FORECAST_BEFORE.flags),
                          cased=re.compile(r"\bmay\b"))

def _forecast_word(f: Features) -> bool:
    """A word of expectation before the number in its clause, unless a finite past verb
    between them reports a fact ("the yen, which many had expected to weaken, rose to 150")."""
    clause = f.clause_before
    if not _FORECAST_BEFORE.search(clause):  # the common case, answered over the lower-cased clause
        return False
    found = None
    for found in L.FORECAST_BEFORE.finditer(clause):
        pass
    if found is None:
        return False
    between = words(clause[found.end():])
    return not any(w in L.PAST_FACT_VERBS and (i == 0 or between[i - 1] not in L.MODAL_BEFORE_VERB)
                   for i, w in enumerate(between))


def _past_fact_before(f: Features) -> bool:
    """A finite past verb before the number in its clause ("closed at 38,200 by the end of
    the session", "reached 1.65% by December"): the horizon after it is where the market had
    got to, not a forecast."""
    said = words(f.clause_before)
    return any(w in L.PAST_FACT_VERBS and (i == 0 or said[i - 1] not in L.MODAL_BEFORE_VERB) or w == "had"
               for i, w in enumerate(said))


MODALITY: tuple[Rule[Features, Modality], ...] = (
    Rule("condition", lambda f: _CONDITIONAL.search(f.clause_before), Modality.CONDITIONAL,
         "'if', 'unless' or 'should' before the number in its clause makes it a condition",
         examples=("If the 30-year prints [4.5%], the BoJ will act.",),
         counter=("The 30-year printed [4.5%], and the BoJ acted.",),
         triggers=(CONDITIONAL.pattern,)),
    Rule("market_pricing", lambda f: any(p.search(f.clause_before) for p in _PRICING)
         or PRICED_AFTER.match(f.right) or L.ODDS_AFTER.match(f.right),
         Modality.FORECAST, "what markets, traders or economists price, see or expect is a forecast",
         examples=("Overnight index swaps now put the BoJ's policy rate at [1.25%] by year-end.",
                   "Economists expect the yen at [160 per dollar].",
                   "A [25 basis point] rise was effectively priced in for the BoJ meeting.",
                   "BOJ still 0.5%. OIS has about a [50%] chance of a hike by Oct."),
         counter=("Traders sold the yen to [160 per dollar].",),
         triggers=(MARKET_PRICING.pattern, MARKET_PUT.pattern, PRICED_AFTER.pattern.lstrip("^"),
                   L.ODDS_AFTER.pattern.lstrip("^"))),
    Rule("target", lambda f: L.TARGET_AFTER.match(f.right) or L.TARGET_BEFORE.search(f.left), Modality.TARGET,
         "a target, an aim or a consensus ('the 2% target', 'the 0.4% consensus forecast') states no reading",
         examples=("Inflation stays above the central bank's [2%] target.", "GDP missed the [0.4%] consensus forecast.",
                   "We have a modest target of [152] for USD/JPY."),
         counter=("The Fed cut rates to a [4.25%-4.50%] target range.",),
         triggers=(L.TARGET_AFTER.pattern.lstrip("^"), L.TARGET_BEFORE.pattern.rstrip("$"))),
    Rule("target_frame", lambda f: L.TARGET_FRAME_BEFORE.search(f.left), Modality.TARGET,
         "a forecaster's own target or call stated as a sentence ('our year-end target for the Nikkei is 58,500')",
         examples=("Our year-end target for the Nikkei is [58,500].", "my 12-month call for USD/JPY: [165]"),
         counter=("The BoJ said its target for the call rate is [0.5%].",),
         triggers=(L.TARGET_FRAME_BEFORE.pattern.rstrip("$"),)),
    Rule("trade_level", lambda f: L.TRADE_LEVEL_BEFORE.search(f.left), Modality.TARGET,
         "a trade's target, stop or entry level in a strategy note says where the writer would act, not where "
         "the market was",
         examples=("Short USD/JPY from 148.20 yen, stop [151.40 yen], target 146 yen.",
                   "JGB 10s: buy at [1.55%], stop-loss 1.62%",
                   "Buy the 10-year JGB at 1.55%, target [1.35%]."),
         counter=("The dollar slid to [146.00 yen] as stop-loss orders were hit.",
                  "Short USD/JPY from [148.20 yen], stop 151.40 yen, target 146 yen."),
         triggers=(L.TRADE_LEVEL_BEFORE.pattern.rstrip("$"),)),
    Rule("forecast_word", _forecast_word, Modality.FORECAST,
         "a word of expectation, possibility or aim before the number ('expects', 'could', 'estimating', 'I think')",
         examples=("The bank expects the yen to weaken to [160 per dollar] by the end of 2026.",
                   "The Nikkei could reach [60,000] this year.",
                   "Economists at the firm tried to size the trade, estimating it at as much as [$1.1 trillion].",
                   "honestly i think [3%] on the 10-year is possible"),
         counter=("The yen weakened past [150 per dollar] after the bank said it expected conditions to ease.",
                  "The yen, which many had expected to weaken, rose to [150 per dollar] on Friday.",
                  "Markets had braced for a hike that was expected in July, and the 10-year JGB yield climbed to [1.2%]."),
         triggers=(L.FORECAST_BEFORE.pattern,)),
    Rule("likelihood_after", lambda f: L.LIKELIHOOD_AFTER.match(f.right) or L.GUESS_AFTER.match(f.right),
         Modality.FORECAST, "a figure said to be likely, unlikely or possible, or a speaker's guess, is no reading",
         examples=("Dollar-yen: a return to the [110–130] range is unlikely.", "UJ 157.40 now. MoF starts jawboning at [158] i bet"),
         counter=("Dollar-yen rose to [158] on Friday; a move to 160 is unlikely.",),
         triggers=(L.LIKELIHOOD_AFTER.pattern.lstrip("^"), L.GUESS_AFTER.pattern.lstrip("^"))),
    Rule("horizon_after", lambda f: (L.FORECAST_AFTER.search(f.right) or L.MONTH_HORIZON_AFTER.match(f.right))
         and not _past_fact_before(f), Modality.FORECAST,
         "a future horizon after the number ('by the end of next year', 'next month', 'by December'), unless a past "
         "verb before it tells where the market had got to",
         examples=("The 10-year yield at [3%] by the end of next year is the house view.",
                   "We have the Nikkei at [58,500] by December."),
         counter=("The 10-year yield rose to [3%] on the last day of the week.",
                  "The Nikkei closed at [38,200] by the end of the session.",
                  "The 10-year JGB yield reached [1.65%] by December."),
         triggers=(L.FORECAST_AFTER.pattern.lstrip("^"), L.MONTH_HORIZON_AFTER.pattern.lstrip("^"))),
)


gate_patterns(globals())  # every pattern above behind its literal pre-check (claims.regexgate)
