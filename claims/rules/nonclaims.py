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
from ..units import RATE_UNITS, Unit
from . import Rule

MONTH_BEFORE = re.compile(r"\b(?:" + "|".join(L.MONTHS) + r")\.?\s*$", re.I)
PERIOD_COMPOUND = re.compile(r"^-(?:year|month|week|day|yr)", re.I)
RATE_PERIOD_COMPOUND = re.compile(r"^-(?:year|month)", re.I)
JOINED_AFTER = re.compile(r"^[-–]\d")
POINT_COMPOUND = re.compile(r"-points?$")
# a figure later in the same clause that restates a spelled move ("... cut to 4%")
RESTATED_AS_FIGURE = re.compile(r"[^,.;:\n]{0,40}?\b(?:to|at)\s+(?:a\s+range\s+of\s+)?[-−]?[$¥€£]?\d")
SPACES_AND_TABS = re.compile(r"[ \t]*")
NON_SPACE = re.compile(r"\S")
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

    __slots__ = ("raw", "sent", "numbers")

    def __init__(self, raw: str, sent: Sentence, numbers: int):
        self.raw, self.sent, self.numbers = raw, sent, numbers


def _is_headline(s: SentenceReading) -> bool:
    """A title line ("Four Percent", "One percent, at last"): short, on its own line,
    without a full stop. Its numbers are restated in the body if they matter."""
    text, sent = s.raw, s.sent
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
    Rule("headline", _is_headline, True, "a title line's numbers are restated in the body if they matter",
         examples=("[Four Percent]\n\nThe 30-year JGB closed at 4.04%.", "Yen at [150]\n\nDollar-yen rose to 150.2."),
         counter=("Four Percent\n\nThe 30-year JGB closed at [4.04%].", "- 10-year JGB: [2.33%]\n- 30-year JGB: 3.77%")),
)


def skipped_sentence(doc: Document, sent: Sentence, numbers: int) -> Rule | None:
    from . import first

    return first(SKIPPED_SENTENCES, SentenceReading(doc.raw, sent, numbers))
