"""Word lists the recognizers read: the language of market commentary, kept as data.

Nothing here knows about particular instruments or market data; instrument names reach
the extractor through a :class:`claims.model.Vocabulary` supplied by the caller.
"""
from __future__ import annotations

import re
from .regexgate import gate_patterns

WORD_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}

SCALES = {
    "trillion": 1e12, "tn": 1e12, "trn": 1e12, "tril": 1e12,
    "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9,
    "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6,
    "thousand": 1e3, "k": 1e3,
}

HEDGES = ("close to", "around", "about", "roughly", "nearly", "near", "almost", "some",
          "approximately", "circa", "around about", "just over", "just under", "~")

# Words after which a number is a level ("to 2.33%", "at 158.6").
LEVEL_PREPOSITIONS = {"to", "at", "of", "near", "around", "from", "past", "above", "below",
                      "under", "over", "topped", "reached", "is", "was", "sits", "stands",
                      "remains", "remained", "between", "hit", "touched", "exceeded",
                      "crossed", "cleared", "prints", "print", "hits", "touch", "and", "until", "till"}

def forms(*verbs: str) -> set[str]:
    """Every written form of each verb: "rise|rose|risen|rising" lists them all; a plain
    stem ("plunge", "slump") gets its regular forms (plunges, plunged, plunging)."""
    out: set[str] = set()
    for v in verbs:
        if "|" in v:
            out.update(v.split("|"))
            continue
        stem = v[:-1] if v.endswith("e") else v
        third = v + "es" if v.endswith(("s", "sh", "ch", "x")) else v[:-1] + "ies" if v.endswith("y") and \
            v[-2] not in "aeiou" else v + "s"
        past = v + "d" if v.endswith("e") else v[:-1] + "ied" if v.endswith("y") and v[-2] not in "aeiou" else v + "ed"
        out.update((v, third, past, stem + "ing"))
    return out


# Verbs of a move, every form ("plunged", "tumbling", "gave back"); irregular and doubled
# forms are written out.
UP_VERBS = forms(
    "rise|rose|risen|rising|rises", "gain", "jump", "climb", "advance", "surge", "rally", "increase", "hike",
    "raise", "lift", "add", "rip|rips|ripped|ripping", "soar", "bounce", "rebound", "widen", "strengthen", "firm",
    "spike", "rocket", "leap|leaps|leapt|leaped|leaping", "skyrocket", "shoot up|shot up|shooting up",
    "pop|pops|popped|popping", "zoom", "balloon", "grow|grew|grown|growing|grows", "expand", "escalate",
    "appreciate", "recover", "jump", "swell", "accelerate", "steepen", "pick up|picked up|picking up",
    "tack on|tacked on", "claw back|clawed back|clawing back", "bounce back|bounced back", "edge up|edged up",
    "tick up|ticked up", "inch up|inched up", "creep up|crept up", "move up|moved up")
DOWN_VERBS = forms(
    "fall|fell|fallen|falling|falls", "drop|drops|dropped|dropping", "ease", "decrease", "reduce", "diminish", "lose|lost|loses|losing",
    "shed|sheds|shedding", "slide|slid|slides|sliding", "plunge", "decline", "tumble", "sink|sank|sunk|sinking|sinks",
    "slump", "lower", "cut|cuts|cutting", "slip|slips|slipped|slipping", "weaken", "crash", "narrow",
    "shrink|shrank|shrunk|shrinking|shrinks", "dip|dips|dipped|dipping", "retreat", "erase", "plummet", "dive|dove",
    "nosedive", "tank", "sag|sags|sagged|sagging", "skid|skids|skidded|skidding", "collapse", "crater", "slash",
    "trim|trims|trimmed|trimming", "pare", "contract", "fade", "depreciate", "soften", "slacken", "flatten",
    "sell off|sold off|selling off", "give back|gave back|given back|giving back|gives back",
    "give up|gave up|given up|giving up|gives up",
    "hand back|handed back", "edge down|edged down", "tick down|ticked down", "inch down|inched down",
    "move down|moved down", "wipe out|wiped out")
UP_WORDS = UP_VERBS | {
    "up", "gains", "higher", "above", "broke", "topped", "exceeded", "cleared", "crossed", "north", "rally", "rallies"}
DOWN_WORDS = DOWN_VERBS | {
    "down", "loss", "lower", "below", "under", "sold", "selloff", "south", "losses"}
CHANGE_NOUNS = {"slide", "plunge", "drop", "decline", "crash", "fall", "rise", "gain", "jump",
                "loss", "surge", "rally", "increase", "hike", "cut", "move", "advance",
                "bounce", "rebound", "selloff", "sell-off", "swing", "slump", "tumble", "climb",
                "gains", "losses", "drops", "declines", "rises", "jumps", "dive", "nosedive", "rout",
                "retreat", "pullback", "dip", "spike", "slip", "cuts", "hikes", "easing", "tightening",
                "reduction", "increases", "plunges", "slides", "falls"}
CHANGE_VERBS = (UP_WORDS | DOWN_WORDS) - {"above", "below", "under", "north", "south",
                                          "higher", "lower", "broke", "topped", "exceeded",
                                          "cleared", "crossed", "firm"}
# the last word of a two-word verb ("gave back", "edged up") names the move with the word before
PHRASAL_MOVES = {v for v in UP_VERBS | DOWN_VERBS if " " in v}

# One-sided comparisons: the claimed value bounds the observed extreme.
AT_LEAST = ("more than", "at least", "north of", "in excess of", "upwards of", "above",
            "over", "topped", "tops", "topping", "exceeded", "exceeds", "exceed", "broke above",
            "breaks above", "surpassed", "surpasses", "surpass")
AT_MOST = ("less than", "at most", "south of", "below", "under", "broke below", "breaks below")
DIRECTIONAL_THRESHOLDS = ("past", "through", "crossed", "crosses", "cleared", "clears", "broke through",
                          "breaks through", "breached", "breaches")
# comparatives that name a side of a line for the sentence's subject ("the yen, weaker than 155")
COMPARATIVES = {"weaker than": -1, "lower than": -1, "softer than": -1, "stronger than": 1, "higher than": 1,
                "firmer than": 1}
EXTREME_WORDS = ("touched", "touching", "touch", "hit", "hits", "hitting", "reached", "reaching",
                 "as much as", "as high as", "as low as", "as far as", "peaked at", "a high of", "a low of")
INTRADAY_WORDS = ("as much as", "as high as", "as low as", "as far as", "intraday", "touched", "touching",
                  "a high of", "a low of", "in afternoon trade", "in morning trade")

# Verbs that report a decision rather than a state ("raised rates to 0.75%").
EVENT_WORDS = forms("raise", "lift", "hike", "increase", "cut|cuts|cutting", "lower", "take|took|takes|taking",
                    "reduce", "trim|trims|trimmed|trimming", "move", "slash") | {"came"}

# Verbs and words that report a rate held at a meeting ("kept its policy rate at 0.5%"): nearer
# the number than a decision word ("after January's hike, the BoJ kept ... at 0.5%"), the
# figure is the level in force, not a move dated that day.
HOLD_WORDS = forms("keep|keeps|kept|keeping", "hold|holds|held|holding", "leave|leaves|left", "maintain",
                   "stay|stays|stayed|staying", "remain") | {"unchanged", "steady", "pat", "pause", "paused"}

# a decision named by the noun after its size: "a 25 basis point cut", "a half-point rate hike"
DECISION_NOUN_AFTER = re.compile(r"^[\s-]*(?:(?:interest[- ])?rates?\s+)?(?:cut|cuts|hike|hikes|reduction)\b", re.I)

# Modality: a number governed by these is a forecast, expectation or hypothetical.
FORECAST_BEFORE = re.compile(
    r"\b(?:expects?|expected|expecting|expectations?|forecasts?|forecast(?:ing)?|predicts?|"
    r"projects?|projected|projections?|targeting|aims? for|see|sees|seeing|could|would|might|(?-i:may)|will|shall|"
    r"if|unless|likely|bet|talk about|estimating|assum(?:e|es|ed|ing)|consensus|"
    r"think|thinks|believe|believes|reckon|reckons|guess|potential|potentially|scope for|room for|"
    r"toward|towards|hope|hopes|"
    r"scenario|suppose|imagine)\b|'d\b|'ll\b",
    re.IGNORECASE)
# a horizon ahead, after the number in its clause ("at 3% by the end of next year"); a comma
# ends the clause unless the horizon follows it ("... 0.75%, in January, meets next week" is no horizon)
FORECAST_AFTER = re.compile(
    r"^(?:[^.;:,]{0,40}?|\s*,\s*)\b(?:by (?:the )?(?:end of|year-end|year end|christmas|xmas|spring|summer|"
    r"autumn|fall|winter|next|mid-|the autumn|the spring|the holidays)|by (?:19|20)\d\d|to come\b|next year|"
    r"next month|next week|in the coming|before (?:the )?(?:year|month|quarter) is out|"
    r"before (?:the )?(?:end of the year|year-end|year end|christmas))",
    re.IGNORECASE)
# said of the figure right after it: "a return to the 110-130 range is unlikely", "3% is possible"
LIKELIHOOD_AFTER = re.compile(
    r"^\s*(?:range|level|mark|area|handle|zone|line|region)?\s*(?:is|are|was|seems|looks|appears|remains|sounds)\s+"
    r"(?:(?:highly|very|quite|still|now|also|increasingly|entirely)\s+)?"
    r"(?:un)?(?:likely|possible|probable|plausible|realistic|achievable|on the cards|in play|a stretch)\b", re.I)
# odds of an event: "about a 50% chance of a hike by October"
ODDS_AFTER = re.compile(r"^\s*(?:chance|probability|odds|likelihood|risk)\b", re.I)
# a speaker's guess after the figure: "jawboning at 158 i bet", "150 imo"
GUESS_AFTER = re.compile(r"^[^.;:]{0,20}?\b(?:i bet|i think|i guess|i reckon|imo|imho|in my view|my guess)\b", re.I)
# a target, aim or consensus: "the central bank's 2% target", "the 0.4% consensus forecast",
# "a target of 152" (not "the 4.25%-4.50% target range", a policy rate)
TARGET_AFTER = re.compile(r"^\s*(?:inflation\s+|price\s+|consensus\s+|year-end\s+|end-year\s+|official\s+|"
                          r"medium-term\s+)?(?:target|goal|objective|aim|consensus|median|estimate|projection|"
                          r"forecast)\b(?!\s+(?:range|rate|band|for\s+the))", re.I)
TARGET_BEFORE = re.compile(r"\b(?:target|goal|objective|aim|consensus|estimate|projection)\s+(?:of|at)\s+"
                           r"(?:about\s+|around\s+|roughly\s+)?$", re.I)
# a forecaster's own target or call stated as a sentence: "our year-end target for the Nikkei
# is 58,500", "my call for USD/JPY: 165" (a possessive or horizon word before it, so that "its
# target for the call rate is 0.5%", a policy setting, stays checkable)
TARGET_FRAME_BEFORE = re.compile(
    r"\b(?:our|my|house|year-?end|end-year|year end|12-month|price)\s+(?:[\w&/-]+\s+){0,2}"
    r"(?:target|call|projection|base case)\s+(?:for\s+[^.;:]{1,30}?\s*)?(?:is|was|stays|remains|of|at|:)\s*"
    r"(?:about\s+|around\s+|roughly\s+|now\s+)?$", re.I)
# a horizon month after the number ("we have the Nikkei at 58,500 by December"): a forecast
# unless a finite past verb before the number reports where the market had got to
MONTH_HORIZON_AFTER = re.compile(
    r"^[^.;:,]{0,40}?\bby\s+(?:the\s+end\s+of\s+|end-|late\s+|early\s+|mid-)?(?:January|February|March|April|May|"
    r"June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b")
# a trade's levels in a strategy note ("target 146.00, stop 151.40", "SL @ 1.0850", "entry at
# 152"): where the writer plans to act, not a reading of the market
TRADE_LEVEL_BEFORE = re.compile(r"\b(?:(?:price\s+)?target|tgt|stop(?:[- ]loss)?|sl|tp|take[- ]profit|entry|"
                                r"re-?entry|(?:buy|sell)\s+limit|(?:buy|sell)\b[^.;:,]{0,30}?"
                                r"(?:\bat|@|\bfrom))\s*(?:at|of|@|:|=)?\s*(?:about\s+|around\s+)?$", re.I)
# a finite past verb between a forecast word and the number reports a fact: "the yen, which
# many had expected to weaken, rose to 150"
PAST_FACT_VERBS = {w for w in UP_VERBS | DOWN_VERBS if w.endswith("ed") and " " not in w} | {
    "rose", "fell", "slid", "sank", "shed", "lost", "hit", "leapt", "grew", "dove", "stood", "was", "were", "closed",
    "ended", "finished", "settled", "traded", "touched", "reached", "held", "kept", "came"}
MODAL_BEFORE_VERB = {"to", "will", "would", "could", "might", "may", "should", "can", "shall", "'ll", "'d"}

NON_CLAIM_UNITS = re.compile(
    r"^(?:-|\s)?(?:years?|yrs?|months?|weeks?|days?|sessions?|hours?|minutes?|decades?|"
    r"centuries|century|times|people|staff|members|companies|firms|banks|countries|"
    r"components|constituents|issues|stocks|seats|votes|lawmakers|employees|workers|jobs|contracts|"
    r"meetings|cuts|hikes|straight|consecutive|sources|analysts|economists|respondents|"
    r"year-old|-year-old|st|nd|rd|th)\b", re.IGNORECASE)

SPREAD_WORDS = re.compile(r"\b(?:gap|spread|differential|difference|premium|curve|steepened|flattened)\b", re.IGNORECASE)

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
            "saturday": 5, "sunday": 6}

# Tenors are language, not markets: "10-year", "ten-year", "10yr", "10s", "2y".
TENOR = re.compile(
    r"\b(?P<n>\d{1,2}|one|two|three|five|seven|ten|fifteen|twenty|twenty-five|thirty|forty)"
    r"(?:[- ]?(?:year|yr)s?\b(?!-old)(?! (?:high|low|record|peak|trough)s?\b)|(?<=\d)y\b|(?<=\d)s\b)")
# TENOR is written in lower case and read over claims.casefold.lowered(text): same offsets, faster
TENOR_WORDS = {"one": 1, "two": 2, "three": 3, "five": 5, "seven": 7, "ten": 10, "fifteen": 15,
               "twenty": 20, "twenty-five": 25, "thirty": 30, "forty": 40}


gate_patterns(globals())  # every pattern above behind its literal pre-check (claims.regexgate)
