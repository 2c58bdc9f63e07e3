"""Whether a number is a level, a move or a spread, read from the words around it.

Rules are tried in order; the first whose condition holds decides. Two rules also decide
the direction of the move (a signed figure, a distance below a record); for the others the
direction comes from the words ("rose", "lower"). A new phrasing of a move or a level is
one rule here, with its examples.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from .. import lexicon as L
from ..features import Features, words
from ..units import CURRENCIES, MARKET_UNITS, SPREAD_UNITS, STEP_UNITS, Unit
from ..values import Kind
from .. import periodlabels
from . import Rule, first
from ..regexgate import gate_patterns

# a basis-point figure "over" another maturity or market is a spread between the two
SPREAD_AFTER = re.compile(
    r"\s*(?:over|above|below|under)\s+(?:the\s+)?(?:U\.?S\.?\s+|US\s+|Japanese\s+|German\s+|British\s+)?"
    r"(?:\d{1,2}(?:s|y|yr)\b|(?:\d{1,2}|two|five|ten|thirty)-year\b|Treasur|Bunds?\b|JGBs?\b|[Gg]ilts?\b|[Tt]-notes?\b)")
# "In points that's 3,320", "in index points, that is": the move just stated, in points
IN_POINTS_BEFORE = re.compile(r"\bin (?:index )?points,?\s+(?:that'?s|that is|it's|it is|it was|that was)\s+"
                              r"(?:about |roughly |around |nearly |almost |some )?$", re.I)
SIGNED_ASIDE = re.compile(r"\d[^\s(]*\s*\($")  # "158.10 (" before a signed move
PERIOD_LABEL_BEFORE = re.compile(r"(?i)(?:^|[.;|:]\s*|\n\s*[-*•]?\s*)(?:day|session|d/d|1d|w/w|wow|wtd|week|"
                                 r"m/m|mom|mtd|month|q/q|qoq|qtd|quarter|q[1-4]|h[12]|[12]h|half|ytd|y/y|yoy|year)"
                                 r"\s*:\s*$")
FROM_RECORD_AFTER = re.compile(r"^\s*(?:points?\s+)?(?:below|under|off|short of|beneath)\s+(?:its|the|a|their|[a-z]+'s)\s+"
                               r"(?:[a-z0-9-]+\.?\s+){0,3}?(?:record|all-time high|peak|high|closing high|top)\b", re.I)
DIRECTION_AFTER = re.compile(r"\s*(?:higher|lower)\b|\s+(?:up|down)\b(?!\s+from)")
# where a verb stops governing the number after it: punctuation or a preposition of level
VERB_OBJECT_CUT = re.compile(r"[,;:(]\s|\s[-—–]\s|\b(?:to|at|from|of|near|around|toward|towards|above|below|"
                             r"under|over|past|through|beyond)\b", re.I)
# "the 300 points it lost", "the 9% that the yen gained": a move named before its verb
MOVE_CLAUSE_AFTER = re.compile(r"^\s*(?:that|which)?\s*(?:it|they|the\s+[a-z]+|its\s+[a-z]+)\s+(?:had\s+|has\s+|have\s+)?"
                               r"([a-z]+(?:\s+(?:back|up|down|off|out))?)\b", re.I)
# words after a figure that start another clause: "tops 4.5% after a surge" (the surge is not the 4.5%)
CLAUSE_OPENERS = {"after", "amid", "as", "on", "following", "before", "despite", "since", "while", "when", "with",
                  "and", "but", "in", "from", "to", "at", "than"}
# words after which a negative figure is a level ("yielded -0.25%", "a rate of -0.1%")
NEGATIVE_LEVEL_WORDS = {"yield", "yields", "yielded", "yielding", "rate", "rates", "stood", "traded", "trading",
                        "quoted", "printed", "fixed", "set", "-"}
CLOSE_WORDS = {"closed", "ended", "finished"}  # "NKY closed -0.7%": a move in shorthand
TOTAL_BEFORE = re.compile(r"\bby\s+(?:a|an)\s+(?:total|combined|cumulative|accumulated|aggregate)(?:\s+of)?\s*$", re.I)
MAGNITUDE_WORDS = {"more than", "less than", "at least", "at most", "in excess of", "upwards of"}
# verbs of a trade: the money after them is what changed hands ("sold HK$3.2 billion of shares")
TRADE_VERBS = {"sold", "sell", "sells", "selling", "bought", "buy", "buys", "buying", "purchased", "offloaded", "dumped"}
MONEY_UNITS = frozenset(s.unit for s in CURRENCIES)
LEVEL_WORDS = {"a", "the", "its", "record", "fresh", "another", "finished", "closed", "ended", "rate", "yield"}


@dataclass(frozen=True)
class KindRule(Rule[Features, Kind | Callable[[Features], Kind]]):
    direction: Callable[[Features], int] | None = None  # set when the rule also decides the direction


def _names_a_line(f: Features) -> bool:
    """A threshold or extreme word before the number ("slid past 153", "touched 4%") makes
    it a line or a reading; but "rose as much as 6.5 bp" is still a move."""
    stripped = set(f.stripped)
    if f.prev_verb is not None and f.unit in (Unit.BP, Unit.PP, Unit.PERCENT, Unit.POINTS):
        stripped -= {"over"}  # "gained over 3,000 points": more than, the size of the move
    return bool(stripped) and not stripped <= MAGNITUDE_WORDS and not (
        f.extreme and f.prev_verb is not None and f.unit in (Unit.BP, Unit.PP, Unit.PERCENT, Unit.POINTS))


def _signed(f: Features) -> bool:
    """"+0.3%", "158.10 (-0.3%)", "2.30% (+4bp)": a signed figure is the day's move."""
    q = f.q
    return f.unit in MARKET_UNITS and not f.stripped and (
        q.plus or (q.negative and SIGNED_ASIDE.search(f.left) and f.previous_in_sentence is not None))


def _signed_shorthand(f: Features) -> bool:
    """"NKY -3.9%", "Day: -4.1%", "2s -5bp": a negative figure with no level word before it
    is a move (a negative level is written after one: "fell to -0.1%", "a yield of -0.2%")."""
    return f.q.negative and not f.stripped and f.unit in (Unit.PERCENT, Unit.BP, Unit.PP, Unit.POINTS) and \
        f.prev_word not in L.LEVEL_PREPOSITIONS and (f.prev_word not in LEVEL_WORDS or f.prev_word in CLOSE_WORDS) and \
        f.prev_word not in NEGATIVE_LEVEL_WORDS and f.prev_verb is None and \
        not f.text[f.q.start - 1:f.q.start].isalnum()


def _move_clause_after(f: Features) -> int:
    """The direction of the verb in "the 300 points it lost", 0 when the words after the
    figure are not such a clause."""
    m = MOVE_CLAUSE_AFTER.match(f.right)
    if m is None:
        return 0
    verb = m.group(1).lower()
    if verb in L.PHRASAL_MOVES or verb.split()[0] in L.CHANGE_VERBS:
        word = verb if verb in L.PHRASAL_MOVES else verb.split()[0]
        return 1 if word in L.UP_WORDS else -1
    return 0


def _change_noun_after(f: Features) -> bool:
    """"a 4% drop", "a 4% one-day drop", "200 bp of easing"; not "4.5% after a surge"."""
    rw = f.right_words
    if not rw or f.prev_word in ("to", "at"):
        return False
    return rw[0] in L.CHANGE_NOUNS or (len(rw) > 1 and rw[0] not in CLAUSE_OPENERS and rw[1] in L.CHANGE_NOUNS)


def _verb_object_between(f: Features) -> bool:
    """"a rally that has lifted the index some 8%": the verb's object sits between."""
    return f.unit is Unit.PERCENT and any(w in L.CHANGE_VERBS for w in words(VERB_OBJECT_CUT.split(f.left)[-1])[-5:])


KINDS: tuple[KindRule, ...] = (
    KindRule("below_record", lambda f: FROM_RECORD_AFTER.match(f.right), Kind.CHANGE,
             "a distance below a record or peak is a fall from it", direction=lambda f: -1,
             examples=("The Nikkei 225 is [4,000 points] below its record.",
                       "The index sits [4.4%] below January's record.", "Tokyo stocks are still [10%] below their July 11 peak."),
             counter=("The Nikkei 225 rose [400 points] to a record.",)),
    KindRule("period_label", lambda f: f.unit in MARKET_UNITS and (f.q.plus or f.q.negative) and (
             PERIOD_LABEL_BEFORE.search(f.left[-40:]) or periodlabels.label_period(f.doc.raw, f.q) is not None),
             Kind.CHANGE,
             "a signed figure after a period label ('Day: -4.1%', 'Quarter: -10.7%', 'YTD: +12%') is a move "
             "over that period (claims.periodlabels gives it the period)", direction=lambda f: 1 if f.q.plus else -1,
             examples=("Nikkei 225: 35,617.56 at the close. Quarter: [-10.7%].",
                       "| | last | m/m |\n| --- | --- | --- |\n| Brent | 92.88 | [-25.2%] (worst month since 2020) |"),
             counter=("The Nikkei 225 fell to [-10.7%] of its peak value.",)),
    KindRule("signed_figure", _signed, Kind.CHANGE, "a figure written with its sign is the day's move",
             direction=lambda f: 1 if f.q.plus else -1,
             examples=("- JGB 10y: 2.30% ([+4bp])", "USD/JPY: 158.10 ([-0.3%])"),
             counter=("The 10-year JGB yield fell to [-0.1%] in 2019.",)),
    KindRule("signed_shorthand", _signed_shorthand, Kind.CHANGE,
             "a negative figure with no level word before it is the move ('NKY -3.9%')", direction=lambda f: -1,
             examples=("NKY [-3.9%] on the day, worst since April.", "topix [-2.2%] at lunch, banks worst",
                       "NKY closed [-0.7%]. JGB 10s 1.10, barely moved."),
             counter=("The 10-year JGB yield fell to [-0.1%] in 2019.", "The Bund yielded [-0.25%] that week.")),
    KindRule("move_clause_after", lambda f: f.unit in MARKET_UNITS and _move_clause_after(f) != 0, Kind.CHANGE,
             "a figure followed by the verb of its move ('the 300 points it lost')", direction=_move_clause_after,
             examples=("The drop eclipsed the [3,836.48 points] it lost in October 1987.",
                       "The yen kept most of the [4%] it gained in July."),
             counter=("The Nikkei 225 closed at [38,500] after it lost ground early.",)),
    KindRule("threshold_spread", lambda f: _names_a_line(f) and f.unit is Unit.BP and L.SPREAD_WORDS.search(f.left[-70:]),
             Kind.SPREAD, "a line stated for a gap ('the spread widened past 200 bp')",
             examples=("The US-Japan spread widened past [200 bp].",),
             counter=("The 10-year JGB yield rose past [2%].",)),
    KindRule("threshold_line", _names_a_line, Kind.LEVEL, "a line crossed or touched is a level",
             examples=("The yen weakened past [150 per dollar].", "The Nikkei 225 closed above the [50,000] mark.",
                       "The two-year JGB yield touched [1.18%]."),
             counter=("The 10-year yield rose as much as [6.5 bp].", "The Nikkei 225 lost more than [5%].",
                      "The index briefly gained over [3,000 points] before the close.")),
    KindRule("move_restated_in_points", lambda f: IN_POINTS_BEFORE.search(f.left[-40:]) is not None, Kind.CHANGE,
             "'in points, that's 3,320': the move just stated, given again in another unit",
             examples=("The Nikkei 225 jumped 5.6% to a record. In points that's [3,320].",
                       "nky +5.6% on the day, in index points that is [three thousand three hundred and twenty]"),
             counter=("The Nikkei 225 closed at a record. That's [62,834] on the board.",)),
    KindRule("named_bare_number", lambda f: f.q.unit is Unit.NUMBER and f.prev_verb is None
             and f.prev_word != "by", Kind.LEVEL, "a bare figure named by its instrument is a level",
             examples=("USD/JPY traded at [158.6] on Friday.",),
             counter=("The Nikkei 225 fell [2%] to 38,200.",)),
    KindRule("not_a_market_unit", lambda f: f.unit not in MARKET_UNITS and f.prev_word != "by" and f.prev_verb is None,
             Kind.LEVEL, "an amount of money or a count is a level of that amount, unless a verb of a move governs it",
             examples=("Japan spent [¥5.5 trillion] on intervention.",),
             counter=("Brent crude dropped by [46 cents], or 0.68%, to $67.59.", "WTI lost [40 cents] to $63.15.")),
    KindRule("gap_over_another_maturity", lambda f: f.unit in SPREAD_UNITS and SPREAD_AFTER.match(f.right), Kind.SPREAD,
             "basis points over another maturity or market are the gap between the two",
             examples=("30s now trade [155bp] over 10s.", "The 10-year JGB, at 2.28%, is [202 bp] below the U.S. 10-year."),
             counter=("The 10-year JGB yield rose [4 bp] over the week.",)),
    KindRule("spread_word_before", lambda f: f.unit in SPREAD_UNITS and L.SPREAD_WORDS.search(f.left[-70:])
             and f.prev_word != "by" and f.prev_verb is None, Kind.SPREAD,
             "basis points after 'gap', 'spread' or 'curve' measure the gap",
             examples=("The US-Japan 10-year gap is back to [330 basis points].",),
             counter=("The US-Japan 10-year gap narrowed by [30 basis points].",)),
    KindRule("spread_noun_after", lambda f: f.unit in (Unit.BP, Unit.PP, Unit.PERCENT) and f.right_words
             and f.right_words[0] in ("spread", "gap", "differential"), Kind.SPREAD,
             "a figure before 'spread' or 'gap' names the gap",
             examples=("Japanese and U.S. 10-year yields keep a [3 percentage point] gap.",)),
    KindRule("same_as_the_figure_before", lambda f: f.prev_word == "or" and f.previous_in_sentence is not None,
             lambda f: f.previous_in_sentence.kind, "'or' restates the figure before in another unit",
             examples=("The Nikkei 225 plunged 12.4%, or [4,451 points], to 31,458.42.",)),
    KindRule("direction_word_after", lambda f: f.unit in MARKET_UNITS and f.prev_word not in ("to", "at")
             and DIRECTION_AFTER.match(f.right), Kind.CHANGE,
             "'higher', 'lower', 'up' or 'down' right after the figure makes it a move",
             examples=("The Nikkei 225 finished [1.3%] lower at 53,936.", "The 10-year yield ended [4 bp] higher."),
             counter=("The 10-year JGB yield was [1.87%], up from 1.80%.",)),
    KindRule("change_noun_after", _change_noun_after, Kind.CHANGE,
             "a figure before 'drop', 'gain', 'rally', or 'of easing', is the move",
             examples=("The Nikkei 225 suffered a [4%] drop on Monday.", "The Fed has delivered [200 bp] of easing.",
                       "Tokyo stocks logged a [2.1%] one-day gain."),
             counter=("10-year Treasury yield tops [4.5%] after surge this week",)),
    KindRule("by_or_of_a_move", lambda f: f.prev_word == "by" or TOTAL_BEFORE.search(f.left) or (
             f.prev_word == "of" and len(f.left_words) > 1 and f.left_words[-2] in L.CHANGE_NOUNS),
             Kind.CHANGE, "'by' a figure ('by a total of'), or a move 'of' a figure, is the size of the move",
             examples=("The Fed cut rates by [25 basis points].", "The Nikkei 225 posted a gain of [2%].",
                       "The Fed has lowered rates by a total of [0.75 percentage points] since September.")),
    KindRule("traded_amount", lambda f: f.unit in MONEY_UNITS and f.prev_word in TRADE_VERBS, Kind.LEVEL,
             "money after 'sold' or 'bought' is the size of a trade, not a fall or rise of anything",
             examples=("Overseas funds sold [HK$3.2 billion] of mainland shares via the Connect link.",
                       "offshore accounts sold [$2 billion] of Japanese stocks last week, per MoF data"),
             counter=("Japan's exports fell [$3 billion] to $80 billion in May.",)),
    KindRule("change_verb", lambda f: f.prev_verb is not None, Kind.CHANGE,
             "a verb of change right before the figure makes it the size of the move",
             examples=("The 10-year JGB yield rose [6 basis points] to 2.33%.",),
             counter=("The 10-year JGB yield rose 6 basis points to [2.33%].",)),
    KindRule("points_after_rate", lambda f: f.unit in STEP_UNITS and f.prev_word in ("rate", "rates", "yield", "yields"),
             Kind.CHANGE, "basis points are never a level: after 'rate' they are a move",
             examples=("The BoJ raised its policy rate [25 basis points] on Friday.",)),
    KindRule("level_word_before", lambda f: f.prev_word in L.LEVEL_PREPOSITIONS or f.prev_word in LEVEL_WORDS,
             Kind.LEVEL, "'to', 'at', 'of' or an article before the figure makes it a level",
             examples=("The 10-year JGB yield rose 6 basis points to [2.33%].", "The 30-year JGB settled at a record [3.8%]."),
             counter=("The Nikkei 225 jumped [1.5%] on Monday.",)),
    KindRule("verb_object_between", _verb_object_between, Kind.CHANGE,
             "a verb of change whose object sits before the percentage",
             examples=("The Nikkei jumped 1.5%, extending a rally that has lifted the index some [8%] this year.",)),
    KindRule("step_unit", lambda f: f.unit in (Unit.BP, Unit.PP, Unit.POINTS), Kind.CHANGE,
             "basis, percentage and index points without a level word are a move",
             examples=("JGBs: the 10-year [3 bp] on the day.",)),
    KindRule("small_yen_figure", lambda f: f.unit is Unit.FX and f.q.value < 30, Kind.CHANGE,
             "a yen figure under 30 is a move of the dollar-yen rate, not its level",
             examples=("That's [10 yen] in four weeks.",)),
    KindRule("level", lambda f: True, Kind.LEVEL, "otherwise the figure is a level",
             examples=("Dollar-yen, [158.6 yen per dollar], held steady.",)),
)


def decide_kind(f: Features) -> tuple[Kind, int | None, str]:
    """The claim's kind, the direction if the deciding rule sets it, and that rule's name."""
    rule = first(KINDS, f)
    kind = rule.produces(f) if callable(rule.produces) else rule.produces
    return kind, rule.direction(f) if rule.direction else None, rule.name


gate_patterns(globals())  # every pattern above behind its literal pre-check (claims.regexgate)
