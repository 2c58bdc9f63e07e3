"""Numbers that are not claims: counts, durations, years, days of the month, digits of a
name, votes, and bare figures no instrument names. A new kind of non-claim is one rule
here; the first rule whose condition holds drops the number and is recorded as the reason.

``SKIPPED_SENTENCES`` drop every number of a sentence (a title line, a table, a log).
"""
from __future__ import annotations

import bisect
import math
import re

from dataclasses import dataclass

from .. import lexicon as L
from ..context import Document, Sentence
from ..features import Features
from ..sentences import BULLET, LINE_END_PUNCT
from ..units import CURRENCIES, RATE_UNITS, Unit
from . import Rule
from ..regexgate import gate_patterns, may_match

MONTH_BEFORE = re.compile(r"\b(?:" + "|".join(L.MONTHS) + r")\.?\s*$", re.I)
PERIOD_COMPOUND = re.compile(r"^-(?:year|month|week|day|yr)", re.I)
RATE_PERIOD_COMPOUND = re.compile(r"^-(?:year|month)", re.I)
JOINED_AFTER = re.compile(r"^[-–]\d")
POINT_COMPOUND = re.compile(r"-points?$")
# a figure later in the same clause that restates a spelled move ("... cut to 4%")
RESTATED_AS_FIGURE = re.compile(r"[^,.;:\n]{0,40}?\b(?:to|at)\s+(?:a\s+range\s+of\s+)?[-−]?[$¥€£]?\d")
SPACES_AND_TABS = re.compile(r"[ \t]*")
NON_SPACE = re.compile(r"\S")
# a clock time or a time zone after the number: "by 0146 GMT", "at 5 p.m.", "09:30 JST"
TIME_OF_DAY_AFTER = re.compile(r"^\s?(?:a\.m\.|p\.m\.|am\b|pm\b|(?:GMT|UTC|JST|ET|EST|EDT|BST|CET|CEST|HKT|SGT|KST|"
                               r"AEST|AEDT|IST)\b|local time\b|hrs\b|h\b(?!-))", re.I)
COUNTER_AFTER = re.compile(r"^/\d")  # "3/8" in a thread, "1/2"
# the number of an episode, a part, a page ("episode 212", "Part 2", "No. 3", "#4")
ORDINAL_NOUN_BEFORE = re.compile(r"(?:\b(?:episode|ep\.?|part|vol\.?|volume|no\.|chapter|page|p\.|season|round|item|"
                                 r"slide|figure|fig\.|exhibit|section|article|version|update|thread|tweet|post|"
                                 r"question|q)|#)\s*$", re.I)
# a definition of a unit: "1bp = 0.01%", "One basis point is equal to 0.01%"
UNIT_DEFINITION = re.compile(
    r"\b(?:one|1|a|100|one hundred)\s*-?\s*(?:basis[- ]points?|bps?|bpts?|pips?|percentage[- ]points?|pp|ppts?)"
    r"\s*\)?\s*(?:=|is\s+equal\s+to|equals?|is\s+equivalent\s+to|is\s+worth|means|is)\s*\(?\s*"
    r"(?:one\s+)?[\d.]+\s*(?:%|percent|per\s+cent|percentage\s+points?|of\s+a\s+percentage\s+point|yen|sen)?", re.I)
# "($1 = 155.17 yen)", "1 yen reached US$0.0069": one unit of a currency is what a quote is of
ONE_UNIT_QUOTED = re.compile(r"^\s*(?:(?:to|per|in|against|/|-)\s*(?:the\s+)?(?:[A-Z]{3}|yen|dollars?|euros?)\b|"
                             r"(?:=|equals?)\s*(?:about\s+|around\s+)?(?:US\$|\$|¥|€|£|[A-Z]{3}\s?)?\d|"
                             r"(?:is worth|was worth|bought|buys|fetched|fetches|reached|hit|was|is|traded at|stood at)"
                             r"\s*(?:about\s+|around\s+|roughly\s+)?(?:US\$|\$|¥|€|£|[A-Z]{3}\s?)\d)")
# a gap quoted without the markets it is between, after an indefinite article: "profitable at a
# 400-basis-point spread" is a hypothetical, not a reading
GENERIC_GAP = re.compile(r"^\s*(?:spreads?|gaps?|differentials?|premiums?|carry|pick-up|pickup)\b", re.I)
INDEFINITE_BEFORE = re.compile(r"\b(?:a|an|any)\s+$", re.I)
MONEY_UNITS = frozenset(c.unit for c in CURRENCIES)
MARKET_CUES = ("instrument", "tenor", "country", "family", "bank", "benchmark")
TARIFF = re.compile(r"\b(?:tariffs?|duty|duties|levy|levies|customs|import tax(?:es)?)\b", re.I)
TARIFF_AFTER = re.compile(r"^\s*(?:tariffs?|duty|duties|levy|levies|import tax(?:es)?)\b", re.I)
# "80 pct of stocks", "70% of economists": a share of a population, not a market level
POPULATION_AFTER = re.compile(r"^\s*of\s+(?:the\s+|its\s+|all\s+)?(?:[a-z]+\s+)?(?:stocks|shares|companies|firms|issues|"
                              r"components|constituents|respondents|economists|analysts|investors|households|members|"
                              r"voters|seats|people|lawmakers|banks|funds|managers|traders|the\s+vote)\b", re.I)
LIST_BEFORE = re.compile(r"(?<![\d.,])\d+(?:\.\d+)?,\s+\d+(?:\.\d+)?(?:,\s*(?:or\s+|and\s+)?|\s+(?:or|and)\s+)$")
PART_OF_A_TOTAL_AFTER = re.compile(r"^\s+(?:out\s+)?of\s+(?:its|the|their|all|some)\s+\d")
RATE_TIER_AFTER = re.compile(r"^\s*(?:interest\s+)?rates?\b", re.I)
HYPOTHETICAL_BEFORE = re.compile(r"\b(?:if|unless|suppose|supposing|imagine|say|assume|assuming|what if)\b", re.I)
MAX_SENTENCE_CHARS = 3000  # longer "sentences" are tables, logs or noise, not commentary
MAX_NUMBERS_PER_SENTENCE = 40


def _inside_an_instrument_name(f: Features) -> bool:
    """"Nikkei 225", "S&P 500": the number is part of a name the vocabulary knows."""
    doc, q = f.doc, f.q
    j = bisect.bisect_right(doc.cue_starts, q.start) - 1
    return j >= 0 and any(c.kind == "instrument" and c.start <= q.start and q.end <= c.end
                          for c in doc.cues[max(0, j - 2):j + 1])


def _a_year(f: Features) -> bool:
    q = f.q
    return q.decimals == 0 and q.scale == 1 and 1800 <= q.value <= 2100 and "," not in f.text[q.start:q.end]


def _tariff(f: Features) -> bool:
    """A tariff or duty rate: "a 25% tariff", "tariffs on imports rose to 145%" (no instrument
    named between the tariff and the number: "tariff fears sent the Nikkei down 2%" is a move)."""
    if TARIFF_AFTER.match(f.right):
        return True
    if not may_match(TARIFF, f.clause_before[-90:]):
        return False  # no tariff word in the clause (most numbers): nothing below can hold
    if f.prev_verb is not None or (f.right_words and f.right_words[0] in L.CHANGE_NOUNS):
        return False  # "tariff fears ... a 10.5% slide": a move
    clause = re.split(r"[,;:(]\s", f.clause_before[-90:])[-1]
    found = list(TARIFF.finditer(clause))
    if not found:
        return False
    at = f.q.start - len(clause) + found[-1].end()
    return not any(c.kind in ("instrument", "tenor", "benchmark", "bank") for c in f.doc.cues_between(at, f.q.start))


def _defines_a_unit(f: Features) -> bool:
    """"1bp = 0.01%", "One basis point is equal to 0.01%": both numbers define a unit."""
    sent, q = f.sent, f.q
    return any(m.start() <= q.start - sent.start and q.end - sent.start <= m.end() + 1
               for m in UNIT_DEFINITION.finditer(sent.text))


def _one_unit_quoted(f: Features) -> bool:
    q = f.q
    return q.value == 1 and q.decimals == 0 and q.scale == 1 and q.unit is not Unit.PERCENT and \
        bool(ONE_UNIT_QUOTED.match(f.right))


def _generic_gap(f: Features) -> bool:
    return f.q.unit in (Unit.BP, Unit.PP) and bool(GENERIC_GAP.match(f.right)) and \
        bool(INDEFINITE_BEFORE.search(f.left)) and not any(c.kind in MARKET_CUES for c in f.sentence_cues)


@dataclass(frozen=True)
class NumberRule(Rule[Features, bool]):
    units: frozenset[Unit] | None = None  # the units as written it can apply to (None: any)


NON_CLAIMS: tuple[NumberRule, ...] = (
    NumberRule("too_large", lambda f: not math.isfinite(f.q.value), True,
               "a number too long for a floating-point value (over 308 digits) is noise, not a market figure",
               examples=(f"The 10-year JGB yield rose to [{'9' * 400}%].",),
               counter=("The 10-year JGB yield rose to [2.33%].",)),
    NumberRule("count_or_duration", lambda f: L.NON_CLAIM_UNITS.match(f.after), True,
               "a number of years, sessions, people or times, or an ordinal, counts something",
               examples=("The BoJ kept rates negative for [8] years.", "The Nikkei 225 rose for [5] sessions in a row.",
                         "The board has [9] members."),
               counter=("The Nikkei 225 closed at [38,500.5] on Friday.",), units=frozenset({Unit.NUMBER, Unit.FX})),
    NumberRule("period_compound", lambda f: PERIOD_COMPOUND.match(f.after), True,
               "a number joined to a period names a span ('a 5-yearly review')",
               examples=("The ministry holds a [5]-yearly review of the debt plan.",),
               counter=("The 10-year JGB yield rose to [2.33%].",), units=frozenset({Unit.NUMBER})),
    NumberRule("joined_by_hyphen", lambda f: f.q.hyphen_joined or JOINED_AFTER.match(f.after),
               True, "a number joined by a hyphen to another token is a vote, score or code ('8-1', 'COVID-19')",
               examples=("The board voted [8]-1 to raise the rate.", "The board voted 8-[1] to raise the rate."),
               counter=("The Nikkei 225 fell to 38,500 - [2%] below its peak.",), units=frozenset({Unit.NUMBER})),
    NumberRule("day_of_month", lambda f: MONTH_BEFORE.search(f.before), True,
               "a number after a month name is a day of the month",
               examples=("On Oct. [6] the Nikkei 225 jumped 4.75%.",),
               counter=("On Oct. 6 the Nikkei 225 jumped [4.75%].",), units=frozenset({Unit.NUMBER})),
    NumberRule("year", _a_year, True, "a whole number between 1800 and 2100 without a thousands comma is a year",
               examples=("The Nikkei 225 peaked in [1989] before the bubble burst.",),
               counter=("The S&P 500 first rose above [2,000] in 2014.",), units=frozenset({Unit.NUMBER})),
    NumberRule("instrument_name", _inside_an_instrument_name, True, "the number is part of an instrument's name",
               examples=("The Nikkei [225] fell 2% on Monday.", "The S&P [500] rose 1.1%."),
               counter=("The Nikkei 225 fell [2%] on Monday.",)),
    NumberRule("spelled_event_compound", lambda f: f.q.fraction and POINT_COMPOUND.search(f.text[f.q.start:f.q.end])
               and RESTATED_AS_FIGURE.match(f.text, f.q.end), True,
               "a hyphenated fraction naming an event whose figure follows ('a quarter-point cut to 4%')",
               examples=("Futures price [a quarter-point] cut to 4% in March.",),
               counter=("The BoJ raised its policy rate [a quarter of a percentage point] to 0.75% on Dec. 19.",)),
    NumberRule("rate_period_compound", lambda f: RATE_PERIOD_COMPOUND.match(f.after), True,
               "a rate joined to a period is part of a compound ('a 2%-year target'), not a reading",
               examples=("The bank keeps a [2%]-year inflation goal.",),
               counter=("The bank keeps its policy rate at [0.75%] this year.",), units=RATE_UNITS),
    NumberRule("time_of_day", lambda f: TIME_OF_DAY_AFTER.match(f.after), True,
               "a clock time or a time zone after the number: a timestamp",
               examples=("The Nikkei 225 surged 5.7% by [0146] GMT.", "Dollar-yen was at 155.6 at [5] p.m."),
               counter=("The Nikkei 225 surged [5.7%] by 0146 GMT.",), units=frozenset({Unit.NUMBER, Unit.FX})),
    NumberRule("counter", lambda f: COUNTER_AFTER.match(f.after), True,
               "a number before a slash and another number counts posts or parts ('3/8')",
               examples=("[3]/8 UJ 157.40 now, highest since July",), counter=("[3] UJ at 157.40 now",),
               units=frozenset({Unit.NUMBER})),
    NumberRule("ordinal_noun", lambda f: ORDINAL_NOUN_BEFORE.search(f.before), True,
               "a number after 'episode', 'part', 'No.' or '#' names an item",
               examples=("Dollar-yen at 160 - episode [212] of the Tokyo Close.", "The Nikkei 225, part [2]."),
               counter=("The Nikkei 225 fell to [38,500] in part of the session.",), units=frozenset({Unit.NUMBER})),
    NumberRule("unit_definition", _defines_a_unit, True, "a definition of a unit ('1bp = 0.01%') states no market value",
               examples=("JGB yields rose 4 bp (1bp = [0.01%]).", "One basis point is equal to [0.01%] of yield.",
                         "[One basis point] is equal to 0.01% and yields move inversely to prices."),
               counter=("The 10-year JGB yield rose [1 bp] to 2.01%.",)),
    NumberRule("one_unit_quoted", _one_unit_quoted, True,
               "one unit of a currency in a quote ('$1 = 155.17 yen', '1 yen reached US$0.0069') is what is priced",
               examples=("([$1] = 155.1700 yen)", "On Monday, [1 yen] reached US$0.0069, a seven-month high.",
                         "The [1 USD] to JPY exchange rate is near 159."),
               counter=("($1 = [155.1700 yen])", "The dollar rose [1 yen] to 157.")),
    NumberRule("generic_gap", _generic_gap, True,
               "a gap after an indefinite article with no market named is a hypothetical, not a reading",
               examples=("Trades that paid at a [400-basis-point] spread stop paying at a 150-basis-point spread.",),
               counter=("The US-Japan 10-year gap is a [200-basis-point] spread again.",)),
    NumberRule("tariff_rate", _tariff, True, "a tariff or duty rate is trade policy, not a market level",
               examples=("U.S. tariffs on Chinese imports rose to [145%].", "A [25%] tariff on cars took effect.",
                         "Washington cut duties to a universal rate of [10%] on Wednesday.",
                         "China raised its duties on American goods from 84% to [125%]."),
               counter=("Tariff fears sent the Nikkei 225 down [2%] on Monday.",
                        "Stocks swung on rumours of a tariff pause, after a [10.5%] slide over two days.",
                        "On tariff news, the index shed [3%]."), units=RATE_UNITS),
    NumberRule("share_of_a_population", lambda f: POPULATION_AFTER.match(f.right), True,
               "a percentage of stocks, economists or seats is a share of a population, not a market level",
               examples=("About [80 pct] of stocks on the Prime section advanced.",
                         "Some [70%] of economists polled see a hike in July."),
               counter=("The Nikkei 225 rose [2%] as most of its stocks advanced.",), units=frozenset({Unit.PERCENT})),
    NumberRule("part_of_a_total", lambda f: PART_OF_A_TOTAL_AFTER.match(f.right), True,
               "a count out of a total ('197 of its 225 components') is a count",
               examples=("The Nikkei 225 rose, with [197] of its 225 components gaining.",),
               counter=("The Nikkei 225 closed at [38,500] of its own accord.",), units=frozenset({Unit.NUMBER})),
    NumberRule("example_list", lambda f: LIST_BEFORE.search(f.left), True,
               "the last of a list of bare figures ('yielding 7, 8, 12 percent') gives examples, not a reading",
               examples=("Funds moved into bonds yielding 7, 8, [12 percent] abroad.",),
               counter=("JGB 10s [0.925], 30s 2.04",)),
    NumberRule("amount_naming_a_rate", lambda f: RATE_TIER_AFTER.match(f.right), True,
               "an amount before 'interest rate' names the rate's tier ('the JPY 1 million interest rate')",
               examples=("The [JPY 1 million] interest rate moved to 1.47%.",),
               counter=("Japan spent [¥5.5 trillion] on intervention.",),
               units=MONEY_UNITS),
    NumberRule("hypothetical_amount", lambda f: HYPOTHETICAL_BEFORE.search(f.clause_before), True,
               "an amount of money in a condition or a supposition ('If $5 trillion of positions unwind') is no claim",
               examples=("If [$5 trillion] of yen-funded positions unwind, bonds will suffer.",),
               counter=("Japan spent [$62 billion] to support the yen in 2024.",),
               units=MONEY_UNITS),
    NumberRule("no_instrument_for_bare_number", lambda f: f.unit is None, True,
               "a bare figure is a claim only when an instrument whose unit it would carry is named nearby",
               examples=("Governor Ueda, [72], spoke on Tuesday.", "The index rose to [38,500] on Friday."),
               counter=("USD/JPY traded at [158.6] on Friday.", "The Nikkei 225 closed at [38,500] on Friday.")),
    NumberRule("negative_exchange_rate", lambda f: f.unit is Unit.FX and f.q.value < 0, True,
               "an exchange rate is never negative: the sign belongs to something else",
               examples=("Dollar-yen printed [-150 yen per dollar] in the feed.",),
               counter=("Dollar-yen printed [150 yen per dollar] in the feed.",)),
)


class SentenceReading:
    """A sentence and how many numbers it holds, for the sentence-level rules."""

    __slots__ = ("raw", "sent", "numbers", "doc")

    def __init__(self, raw: str, sent: Sentence, numbers: int, doc: Document | None = None):
        self.raw, self.sent, self.numbers, self.doc = raw, sent, numbers, doc

    def names_a_market(self) -> bool:
        """The sentence names an instrument, a maturity or a central bank."""
        return self.doc is not None and any(
            c.kind in MARKET_CUES + ("policy",) for c in self.doc.cues_between(self.sent.start, self.sent.end))


def _is_headline(s: SentenceReading) -> bool:
    """A title line without a market in it ("Four Percent", "One percent, at last"):
    short, on its own line, without a full stop. A headline that names an instrument
    ("BoJ raises policy rate to 0.75%", "Dollar dives below 156 yen") states its figures
    like any sentence."""
    text, sent = s.raw, s.sent
    if s.names_a_market():
        return False
    body = sent.text.strip()
    if not body or body[-1] in LINE_END_PUNCT or len(body) > 80:
        return False
    if body[0] in BULLET or ":" in body:
        return False  # a bullet or a "label: value" line carries data, not a title
    line_start = text.rfind("\n", 0, sent.start) + 1
    line_end = text.find("\n", sent.start)
    line_end = len(text) if line_end < 0 else line_end
    # what follows the line, read in place: a copy of the rest of the text per sentence
    # made many short lines quadratic (2.5 MB of "2.5%" lines took 108 s)
    blank_line_follows = text.startswith("\n\n", SPACES_AND_TABS.match(text, line_end).end())
    nxt = NON_SPACE.search(text, line_end)
    first = nxt.group(0) if nxt else ""
    next_starts_line = blank_line_follows or not first or first.isupper() or first.isdigit()
    return text[line_start:line_end].strip() == body and next_starts_line


# the rules that can apply to a number as written, by its unit (in table order)
BY_UNIT: dict[Unit, tuple[NumberRule, ...]] = {u: tuple(r for r in NON_CLAIMS if r.units is None or u in r.units)
                                               for u in Unit}

SKIPPED_SENTENCES: tuple[Rule[SentenceReading, bool], ...] = (
    Rule("long_sentence", lambda s: len(s.sent.text) > MAX_SENTENCE_CHARS, True,
         f"a 'sentence' over {MAX_SENTENCE_CHARS} characters is a table, log or noise, not commentary"),
    Rule("crowded_sentence", lambda s: s.numbers > MAX_NUMBERS_PER_SENTENCE, True,
         f"a sentence with over {MAX_NUMBERS_PER_SENTENCE} numbers is a table or a list, not commentary"),
    Rule("headline", _is_headline, True,
         "a title line without a market named: its numbers are restated in the body if they matter",
         examples=("[Four Percent]\n\nThe 30-year JGB closed at 4.04%.", "What [2%] Means\n\nDollar-yen rose to 150.2."),
         counter=("Four Percent\n\nThe 30-year JGB closed at [4.04%].", "- 10-year JGB: [2.33%]\n- 30-year JGB: 3.77%",
                  "Yen at [150]\n\nDollar-yen rose to 150.2.", "BoJ raises policy rate to [0.75%]\n\nThe bank acted.")),
)


def skipped_sentence(doc: Document, sent: Sentence, numbers: int) -> Rule | None:
    from . import first

    return first(SKIPPED_SENTENCES, SentenceReading(doc.raw, sent, numbers, doc))


gate_patterns(globals())  # every pattern above behind its literal pre-check (claims.regexgate)
