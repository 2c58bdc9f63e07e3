"""Qualifiers of a figure: "a record", "the highest since 1999", "a six-month low", "for the
first time", "its high for the year", "its biggest one-day fall on record".

Each rule is a pattern and a builder of the typed :class:`~claims.values.Qualifier`; it
declares the qualifier kinds it can produce (``kinds``), which the verifier checks at
import: every kind the extractor can produce must have a checker. A qualifier attaches to
the figure it describes (see :func:`attach`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Callable

from .. import lexicon as L
from ..casefold import folds_like_ascii
from ..context import Sentence
from ..model import Claim
from ..units import DAILY_MOVE_UNITS, MARKET_UNITS, Unit
from ..values import Kind, Qualifier, QualifierKind, Side
from . import trigger_pattern
from ..regexgate import gate_patterns

_MONTHS = (r"January|February|March|April|May|June|July|August|September|October|November|December|"
           r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec")
_COUNT = r"\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty|forty|fifty"
SIDE_OF_WORD = {"highest": Side.HIGH, "lowest": Side.LOW, "weakest": Side.WEAK, "strongest": Side.STRONG}
MOVE_DOWN = {"drop", "decline", "fall", "loss", "slide", "selloff", "sell-off", "plunge"}
MOVE_UP = {"gain", "rise", "rally", "jump", "advance", "increase", "surge"}
# "since last Wednesday's record close", "below its record", "19% below its February record":
# the words name another figure (the baseline of a move), not a record set by this one
SINCE_BEFORE_QUALIFIER = re.compile(r"\bsince\b[^,.;]*$|\b(?:below|under|off|short of|from|near|close to|approaching|beneath)"
                                    r"\s+(?:its|the|their|a|[a-z]+'s)\s+(?:[a-z0-9-]+\.?\s+){0,3}$", re.I)


@dataclass(frozen=True)
class QualifierRule:
    name: str
    pattern: re.Pattern
    build: Callable[[dict, date | None], Qualifier | None]
    kinds: frozenset[QualifierKind]  # what ``build`` can produce
    why: str
    examples: tuple[str, ...] = field(default=())
    counter: tuple[str, ...] = field(default=())
    triggers: tuple[str, ...] = field(default=())


def _count(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else L.WORD_NUMBERS.get(word)


def _since(g: dict, ref: date | None) -> Qualifier | None:
    """"the highest since 1999", "the weakest since March", "the lowest in 18 months"."""
    side = SIDE_OF_WORD[g["word"].lower()]
    if g["rel"].lower() == "in":
        if g.get("year"):
            return Qualifier(QualifierKind.SINCE, side, since=g["year"])
        n = (g.get("n") or "").lower()
        per = (g.get("per") or "").lower().rstrip("s")
        if n == "a" and not per:
            return None
        count = 1 if n == "a" else _count(n) if n else None
        if per == "decade":
            count, per = count and count * 10, "year"
        return Qualifier(QualifierKind.IN_PERIOD, side, count=count, period=per or "year") if count else None
    mon = L.MONTHS[g["mon"].lower().rstrip(".")] if g.get("mon") else None
    if mon and g.get("year"):
        return Qualifier(QualifierKind.SINCE, side, since=f"{g['year']}-{mon:02d}")
    if g.get("year"):
        return Qualifier(QualifierKind.SINCE, side, since=g["year"])
    if mon and ref is not None:
        year = ref.year if mon < ref.month else ref.year - 1
        return Qualifier(QualifierKind.SINCE, side, since=f"{year}-{mon:02d}")
    return None


def _move(g: dict, ref: date | None) -> Qualifier:
    """The direction may come from the claim ("the biggest day since 2020")."""
    noun, adj = g["noun"].lower(), g["adj"].lower()
    side = Side.DOWN if noun in MOVE_DOWN or (noun in ("session", "day") and adj == "worst") else \
        Side.UP if noun in MOVE_UP or (noun in ("session", "day") and adj == "best") else Side.EITHER
    basis = {"point": Unit.POINTS, "percentage": Unit.PERCENT}.get((g.get("basis") or "").strip().lower())
    if g.get("record"):
        return Qualifier(QualifierKind.MOVE, side, scope="record", basis=basis)
    if g.get("year"):
        return Qualifier(QualifierKind.MOVE, side, scope="since", since=g["year"], basis=basis)
    return Qualifier(QualifierKind.MOVE, side, scope="in_years", count=_count(g["n"]), basis=basis)


def _n_period(g: dict, ref: date | None) -> Qualifier | None:
    count = _count(g["n"])
    return Qualifier(QualifierKind.IN_PERIOD, Side(g["hl"].lower()), count=count, period=g["per"].lower(),
                     compound=True) if count else None


_K = QualifierKind
QUALIFIERS: tuple[QualifierRule, ...] = (
    QualifierRule("record", re.compile(r"(?<!\bon )\b(?:a |an |another |fresh |new )?record(?P<low> low| lows)?"
                                       r"(?: high| highs| close| closing high| closing level| level)?\b(?! prices)"
                                       r"(?! \$)(?! budget)", re.I),
                  lambda g, ref: Qualifier(_K.RECORD, Side.LOW if g.get("low") else Side.HIGH), frozenset({_K.RECORD}),
                  "'a record', 'record low': beyond every earlier value",
                  examples=("The 30-year JGB closed at a record [4.04%].",),
                  counter=("The 30-year JGB closed at [4.04%], below its record.",
                           "The Nikkei 225 is now some [12%] below its February record."), triggers=("record",)),
    QualifierRule("all_time", re.compile(r"\ball-time (?P<hl>high|low)s?\b", re.I),
                  lambda g, ref: Qualifier(_K.RECORD, Side(g["hl"].lower())), frozenset({_K.RECORD}),
                  "an all-time high or low is a record",
                  examples=("The S&P 500 closed at an all-time high of [5,667.56].",), triggers=("all-time",)),
    QualifierRule("superlative_since", re.compile(
        r"\b(?P<word>highest|lowest|weakest|strongest)(?: level| close| closing level| reading| yield)?"
        r" (?P<rel>since|in) (?:the )?(?:(?P<mid>early|mid|late)[- ])?"
        rf"(?:(?P<mon>{_MONTHS})\.?\s*)?(?P<year>(?:19|20)\d\d)?(?P<n>\d+|a|thirty|twenty|forty|fifty|ten|fifteen|"
        r"eighteen|two|three|four|five|six|seven|eight|nine|eleven|twelve)?"
        r"(?: (?P<per>years?|decades?|months?|weeks?))?\b", re.I), _since, frozenset({_K.SINCE, _K.IN_PERIOD}),
        "'the highest since 1999', 'the weakest since March', 'the lowest in 18 months'",
        examples=("The 10-year JGB yield rose to [2.33%], the highest since 1999.",
                  "The 10-year yield rose to [2.18%], its highest in 18 months."),
        counter=("At [2.1%], the 10-year JGB yield stands near its highest since 1999.",),
        triggers=("highest", "lowest", "weakest", "strongest")),
    QualifierRule("period_high", re.compile(rf"\b(?P<n>{_COUNT})[- ](?P<per>year|month|week) (?P<hl>high|low)s?\b",
                                            re.I), _n_period, frozenset({_K.IN_PERIOD}),
                  "'a 27-year high', 'a six-month low', 'a 10-week high'",
                  examples=("The 10-year yield rose to [2.18%], a six-month high.",
                            "The yen slid to a 10-week low of [159 per dollar]."),
                  triggers=(r"(?:year|month|week) (?:high|low)",)),
    QualifierRule("multi_decade", re.compile(r"\bmulti-?decade (?P<hl>high|low)s?\b", re.I),
                  lambda g, ref: Qualifier(_K.MULTI_DECADE, Side(g["hl"].lower())), frozenset({_K.MULTI_DECADE}),
                  "'a multi-decade high': the highest for at least two decades (policy)",
                  examples=("The 30-year JGB yield hit [3.2%], a multi-decade high.",), triggers=("decade",)),
    QualifierRule("first_since", re.compile(r"\bfor the first time since (?P<year>(?:19|20)\d\d)\b", re.I),
                  lambda g, ref: Qualifier(_K.FIRST_SINCE, since=g["year"]), frozenset({_K.FIRST_SINCE}),
                  "a line crossed for the first time since a year",
                  examples=("The Nikkei 225 closed above [40,000] for the first time since 1989.",), triggers=("first",)),
    QualifierRule("last_seen", re.compile(r"\b(?:last seen|not seen since|unseen since|not seen in)\s+(?:in\s+)?"
                                          r"(?P<year>(?:19|20)\d\d)\b", re.I),
                  lambda g, ref: Qualifier(_K.SINCE, Side.EITHER, since=g["year"]), frozenset({_K.SINCE}),
                  "'a level last seen in 1999': the highest or lowest since then, by the move's direction",
                  examples=("The 10-year JGB yield climbed to [2.1%], a level last seen in 1999.",),
                  counter=("The 10-year JGB yield was [2.1%], a level last seen in 1999.",), triggers=("seen",)),
    QualifierRule("first_time", re.compile(r"\bfor the first time(?: ever)?\b(?! since)(?:\s+(?:in\s+)?this\s+"
                                           r"(?P<per>week|month|year)\b)?|\b(?:only |had )?first "
                                           r"(?:crossed|cleared|topped|broke|closed|hit|rose|went)\b", re.I),
                  lambda g, ref: Qualifier(_K.FIRST_TIME, period=(g.get("per") or "").lower() or None),
                  frozenset({_K.FIRST_TIME}), "a line crossed for the first time (ever, or this week, month or year)",
                  examples=("The 40-year JGB broke above [4%] for the first time.",
                            "The Nikkei closed below [50,000] for the first time this month."), triggers=("first",)),
    QualifierRule("year_high", re.compile(r"\bits (?:high|peak) for the year\b", re.I),
                  lambda g, ref: Qualifier(_K.YEAR_HIGH, Side.HIGH), frozenset({_K.YEAR_HIGH}),
                  "'its high for the year': above every earlier value of the same calendar year",
                  examples=("The dollar rose to [161.9 yen] on Wednesday, its high for the year.",),
                  triggers=(r"its (?:high|peak)",)),
    QualifierRule("move_superlative", re.compile(
        r"\b(?P<adj>biggest|largest|steepest|sharpest|heaviest|deepest|worst|best)\s+"
        r"(?:one-day\s+|single-day\s+|daily\s+|one-session\s+)?(?P<basis>point\s+|percentage\s+)?"
        r"(?P<noun>drop|decline|fall|loss|slide|selloff|sell-off|plunge|gain|rise|rally|jump|advance|"
        r"increase|surge|session|day)s?\s+(?:(?P<record>on record|ever)|since\s+(?:(?:January|February|"
        r"March|April|May|June|July|August|September|October|November|December)\s+)?(?P<year>(?:19|20)\d\d)|"
        r"in\s+(?P<n>\d+|two|three|four|five|ten|fifteen|twenty|thirty|forty|fifty)\s+years)\b", re.I),
        _move, frozenset({_K.MOVE}), "'its biggest point decline on record', 'the worst day since 1987'",
        examples=("The Nikkei 225 plunged 12.4%, or [4,451 points], to 31,458.42, its biggest point decline on record.",
                  "The Nikkei jumped [10.2%] on Tuesday, its biggest one-day gain since 2008."),
        counter=("The Nikkei 225 plunged [12.4%], or 4,451 points, to 31,458.42, its biggest point decline on record.",),
        triggers=("biggest", "largest", "steepest", "sharpest", "heaviest", "deepest", "worst", "best")),
)
PRODUCED_KINDS: frozenset[QualifierKind] = frozenset().union(*(r.kinds for r in QUALIFIERS))
TRIGGER = trigger_pattern(QUALIFIERS)  # a sentence without any of these words has no qualifier
# every match of a rule's pattern holds one of its trigger words: a rule runs only where they occur
RULE_TRIGGERS = [(rule, trigger_pattern([rule])) for rule in QUALIFIERS]
# the same, written in lower case for a lower-cased sentence (claims.casefold): several
# times faster than case-insensitive matching; the triggers are lower-case words
assert all(t == t.lower() for r in QUALIFIERS for t in r.triggers), "qualifier triggers are written in lower case"
LOW_TRIGGER = trigger_pattern(QUALIFIERS, 0)
LOW_RULE_TRIGGERS = [trigger_pattern([rule], 0) for rule in QUALIFIERS]


def _triggered(sentence: str) -> list[QualifierRule]:
    """The rules whose trigger words the sentence holds."""
    if not folds_like_ascii(sentence):
        if not TRIGGER.search(sentence):
            return []
        return [rule for rule, trigger in RULE_TRIGGERS if trigger.search(sentence)]
    low = sentence.lower()
    if not LOW_TRIGGER.search(low):
        return []
    return [rule for rule, trigger in zip(QUALIFIERS, LOW_RULE_TRIGGERS) if trigger.search(low)]


def attach(sent: Sentence, claims: list[Claim], ref: date | None) -> None:
    """Find the sentence's qualifiers and attach each to the figure it describes: the figure
    right after it, else the nearest before it, else one a little later; a move
    superlative to the nearest one-day move before it."""
    for rule in _triggered(sent.text):
        for m in rule.pattern.finditer(sent.text):
            q = rule.build(m.groupdict(), ref)
            if q is None or SINCE_BEFORE_QUALIFIER.search(sent.text[:m.start()]):
                continue
            start, end = sent.start + m.start(), sent.start + m.end()
            q = replace(q, span=(start, end))
            if q.kind is QualifierKind.MOVE:
                _attach_move(q, rule.name, start, claims)
            else:
                _attach_level(q, rule.name, start, end, claims)


def _attach_level(q: Qualifier, rule: str, start: int, end: int, claims: list[Claim]) -> None:
    following = [c for c in claims if c.start >= end and c.start - end <= 4]
    preceding = [c for c in claims if c.end <= start and start - c.end <= 90]
    later = [c for c in claims if c.start >= end and c.start - end <= 60]
    target = following[0] if following else _level_of_tagged_move(preceding, q) if preceding else \
        later[0] if later else None
    if target is None or target.unit not in MARKET_UNITS:
        return
    if q.side is Side.EITHER:  # "a level last seen in 1999": by the claim's direction
        side = {1: Side.HIGH, -1: Side.LOW}.get(target.direction)
        if side is None:
            return
        q = q.with_side(side)
    _add(target, q, rule)


# what may stand between a level and the day's move written right after it: "2.61 (-2.5)",
# "37,800, down 1.2%", "155.20 / +0.4"
TAGGED_MOVE_GAP = re.compile(r"\s*[(\[,/]?\s*(?:(?:up|down|off|or)\s+)?", re.I)


def _level_of_tagged_move(preceding: list[Claim], q: Qualifier) -> Claim:
    """The nearest figure before a level superlative, except that a day's move tagged right
    after a level ("JGB 10s 2.61 (-2.5), lowest since May") leaves it to that level: a
    level's highest or lowest is said of the level, not of its move."""
    last = preceding[-1]
    if q.side is Side.EITHER or last.kind is not Kind.CHANGE or len(preceding) < 2:
        return last
    level = preceding[-2]
    if level.kind is Kind.LEVEL and level.unit in MARKET_UNITS and \
            TAGGED_MOVE_GAP.fullmatch(last.sentence[level.end - last.sentence_start:last.start - last.sentence_start]):
        return level
    return last


def _attach_move(q: Qualifier, rule: str, start: int, claims: list[Claim]) -> None:
    """"its biggest point decline" is the points figure: the move in the unit it names."""
    moves = [c for c in claims if c.end <= start and c.kind is Kind.CHANGE and c.since is None
             and c.unit in DAILY_MOVE_UNITS and (q.basis is None or c.unit == q.basis)]
    if not moves:
        return
    target = moves[-1]
    if q.side is Side.EITHER:  # "the biggest day since 2020": the move's own direction
        if not target.direction and not target.value:
            return
        q = q.with_side(Side.UP if (target.direction or target.value) > 0 else Side.DOWN)
    _add(target, q, rule)


def _add(target: Claim, q: Qualifier, rule: str) -> None:
    if q.label not in {x.label for x in target.qualifiers}:
        target.qualifiers.append(q)
        target.trace[f"qualifier {q.label}"] = rule


gate_patterns(globals())  # every pattern above behind its literal pre-check (claims.regexgate)
