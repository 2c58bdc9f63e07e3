"""Which time phrase dates which figure, and how a figure gets its date.

* ``POINT_BLOCKERS``: a point in time in the figure's sentence ("on Friday", "in June")
  dates the figure unless one of these rules says it belongs to something else;
* ``PERIOD_BLOCKERS``: the same for a period ("this year", "over the week", "since the
  vote"), which belongs only to the figure next to it;
* ``PERIODS``: which period, if any, a figure is measured over;
* ``DATES``: the figure's date and why (``Claim.date_basis``), first rule that applies.

Rejections are recorded in the claim's trace ("not dated by 'on Friday'": the rule).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Callable

from ..features import lazy
from ..model import Claim, TimeRef
from ..timeref import last_business_day, previous_weekday
from ..values import DateBasis, Kind
from . import Rule, baselines, first
from ..regexgate import gate_patterns

RELATIVE_PRONOUN = re.compile(r"\b(?:that|which|who|whose|when|where)\b", re.I)
CLAUSE_BREAK = re.compile(r"[,;:.!?](?=\s)|\n")  # punctuation that ends a clause, not "49,683.19"
NEW_CLAUSE_AFTER = re.compile(r",\s*(?:and|but|while|whereas)\b|;")
NEW_CLAUSE = re.compile(r",\s*(?:and|but|while|whereas)\b|[;:](?=\s)")
AFTER_EVENT = re.compile(r"\b(?:after|before|following|ahead of|until)\b", re.I)
COMPARED_WITH = re.compile(r"\bthan\b|\bcompar(?:ed|e|ing) (?:with|to)\b", re.I)
APPOSITIVE = re.compile(r",\s+(?:its|their|the|a|an)\s", re.I)
SHORT_LINK = re.compile(r"^[\s,]*(?:to|at|or|and|up|down|from|,)?[\s,]*(?:a |an )?(?:record |fresh |range of |band of )?$",
                        re.I)
CLAUSE_PUNCT = re.compile(r"[,;:](?=\s)")
SIGN_BEFORE = re.compile(r"[+−-]")  # a figure written with its sign
OR_BETWEEN = re.compile(r"\s*,?\s*or\s*")  # "3,597 points, or 7.1%": one move in two units
SINCE_WHAT = re.compile(r"\bsince (?:the |last |its )?(?P<what>[a-z][a-z' -]{2,40}?)(?=[,.;]|$| to )", re.I)
PRESENT_TENSE = re.compile(r"\b(?:is|are|remains?|sits?|stands?|trades?|holds?|now|still)\b", re.I)
WHEN_CLAUSE = re.compile(r",?\s+when\s+[^;:]*$", re.I)
DAY_AFTER = re.compile(r"\b(?P<n>a|one|two|three|the) (?:trading |business )?days? after\b", re.I)
NUMBER_WORDS = {"a": 1, "one": 1, "the": 1, "two": 2, "three": 3}
THEN = re.compile(r"\s*(?:and )?then\b", re.I)  # "a day after X touched 160.2, its high, and then tumbled to 154.5"
SUPERLATIVE_BEFORE = re.compile(r"\b(?:highest|lowest|weakest|strongest|first time|biggest|worst|best|heaviest)\b"
                                r"[^.;]{0,40}$", re.I)


def last_clause(text: str) -> str:
    return CLAUSE_BREAK.split(text)[-1]


class Pair:
    """A figure and a time phrase (or any span) of its sentence: whether the phrase comes
    after the figure, and the text between them."""

    __slots__ = ("text", "c", "start", "end", "sent_claims", "after", "between")

    def __init__(self, text: str, c: Claim, start: int, end: int, sent_claims: tuple[Claim, ...]):
        self.text, self.c, self.start, self.end, self.sent_claims = text, c, start, end, sent_claims
        self.after = start >= c.end
        self.between = text[c.end:start] if self.after else text[end:c.start]

    def others_between(self) -> list[Claim]:
        lo, hi = (self.c.end, self.start) if self.after else (self.end, self.c.start)
        return [o for o in self.sent_claims if o is not self.c and lo <= o.start and o.end <= hi]


def signed_list(pair: Pair) -> bool:
    """A period before a run of moves in one unit that ends in this signed one ("YTD: JGB
    30s up 60 bp, Bunds +40bp, USTs +9bp"): desk shorthand lists parallel figures that
    share the period named first."""
    c = pair.c
    others = pair.others_between()
    return (not pair.after and others and c.kind is Kind.CHANGE and SIGN_BEFORE.match(pair.text[c.start:c.end]) is not None
            and all(o.unit == c.unit and o.kind is Kind.CHANGE for o in others))


def closes_earlier_figure(pair: Pair) -> bool:
    """A period right after another figure of the sentence, before this level ("up 18% this
    year at about 59,000": the period closes the earlier figure)."""
    c, text = pair.c, pair.text
    return pair.start < c.start and c.kind is Kind.LEVEL and any(
        o is not c and o.end <= pair.start and pair.start - o.end <= 3 and not text[o.end:pair.start].strip()
        for o in pair.sent_claims)


BASELINE_WORDS = re.compile(r"\b(?:from|below|under|off|short of|above|beating|topping|surpassing|eclipsing|"
                            r"exceeding)\s+(?:its|the|a|an|their)\s*$", re.I)
POSSESSIVE_EVENT = re.compile(r"^['’]s\s+(?:[\w.-]+\s+){0,3}?(?:data|report|jobs|payrolls?|figures|numbers|auction|"
                              r"meeting|decision|election|vote|statement|speech|announcement|comments|remarks|minutes|"
                              r"survey|release|print|cpi|gdp|reading|testimony|press conference|summit|holiday|"
                              r"deadline)\b", re.I)


CAUSE_BEFORE = re.compile(r"\b(?:as|after|before|ahead of|following|despite|on the back of|into|until|since|with|"
                          r"awaiting|eyeing|over)\s+(?:the\s+)?$", re.I)


def names_another_event(p: Pair) -> bool:
    """"as Friday's dismal jobs data...", "ahead of this week's auction": the day of a
    report or a meeting that moved the market, not of the figure ("raised rates at
    Wednesday's meeting" is the figure's own day)."""
    end = p.end if p.text[p.end - 2:p.end] in ("'s", "’s") else p.end + 2
    if p.text[end - 2:end] not in ("'s", "’s") or not CAUSE_BEFORE.search(p.text[max(0, p.start - 30):p.start]):
        return False
    return bool(POSSESSIVE_EVENT.match(p.text[end - 2:end + 60]))


# "as traders priced in another BoJ hike this year", "on bets of a rate increase by
# December": a word of expectation, then a policy move right before the period
EXPECTATION = re.compile(r"\b(?:bets?|betting|wagers?|speculation|speculating|expectations?|expected|expecting|"
                         r"pric(?:ed|es|ing) in|odds|hopes?|fears?|prospects?|chances?|calls? for)\b", re.I)
POLICY_MOVE_BEFORE = re.compile(r"\b(?:hikes?|cuts?|increases?|rises?|reductions?|tightening|easing|moves?)"
                                r"(?:\s+(?:by|from|at)\s+(?:the\s+)?[A-Z][\w.]*)?\s*$", re.I)


def expected_move_period(p: Pair) -> bool:
    """A period right after a policy move that the clause expects ("on speculation of a
    rate increase this year") is when that move may come, not the figure's period."""
    return p.after and POLICY_MOVE_BEFORE.search(p.between) is not None and \
        EXPECTATION.search(last_clause(p.between) or p.between) is not None


def dates_the_baseline(p: Pair) -> bool:
    """"down 2.69 yen from the same time on Thursday": a phrase inside a "from" with no
    figure of its own dates where a move started, not the figure."""
    tail = re.split(r"\d", p.between)[-1]
    return bool(re.search(r"\bfrom\b", tail, re.I)) and not re.search(r"\bfrom\s*$", tail, re.I)


FROM_LEVEL_GAP = re.compile(r"\s*(?:(?:at|on|in|as of|by)\s+)?")


def dates_a_from_level(text: str, p: TimeRef, figures) -> bool:
    """"up from 1.66% at the start of November": the phrase right after the level a move
    started from is that level's time; it carries to no other figure."""
    return any(o.from_level and o.end <= p.start and FROM_LEVEL_GAP.fullmatch(text[o.end:p.start]) for o in figures)


def dates_the_from_level(p: Pair) -> bool:
    phrase = p.text[p.start:p.end].lower()
    if not (phrase.endswith(("ago", "earlier", "before")) or re.search(r"\b(?:month|year|quarter|week)\b", phrase)):
        return False
    return any((o.from_level or re.search(r"\b(?:vs\.?|versus|against)\s*$", p.text[max(0, o.start - 10):o.start]))
               and 0 <= p.start - o.end <= 3 for o in p.others_between())


# for a phrase after the figure
BLOCKERS_AFTER: tuple[Rule[Pair, bool], ...] = (
    Rule("another_event", names_another_event, True,
         "the phrase is the day of a report or meeting ('as Friday's jobs data ...'), not of the figure",
         examples=("The Nikkei 225 shed [12.4%] as Friday's weak jobs data fed recession fears.",
                   "JGB 10-year at [1.59%] into Thursday's 30y auction."),
         counter=("The Nikkei 225 fell [2%] on Friday's close.",
                  "The BoJ is expected to raise rates to [1%] at Wednesday's meeting.")),
    Rule("baseline_period", lambda p: BASELINE_WORDS.search(p.between) is not None, True,
         "the phrase is the period of a baseline ('10% below its July 11 record'), not the figure's day",
         examples=("The Nikkei 225 is still about [10%] below its July 11 record.",
                   "S&P 500 [-19%] from its Feb. 19 peak, ouch.",
                   "Nikkei 225 shut at [41,500] on Tue, topping its March 2024 peak."),
         counter=("The Nikkei 225 fell [10%] on July 11.",)),
    Rule("baseline_phrase", dates_the_baseline, True,
         "the phrase dates where a move started ('down 2.7 yen from the same time on Thursday'), not the figure",
         examples=("At 5 p.m. the dollar stood at [155.7 yen], down 2.7 yen from the same time on Thursday.",
                   "USD/JPY [157.2] now, +1.1 from the NY close on Mon."),
         counter=("The BoJ raised its policy rate to [0.75%] from 0.5% on Friday.",)),
    Rule("relative_clause_after", lambda p: RELATIVE_PRONOUN.search(last_clause(p.between)), True,
         "the phrase is in a relative clause about something else ('the meeting, which ends on Wednesday')",
         examples=("The U.S. 10-year yield held near [4.3%] as traders waited for the meeting, which ends on Wednesday.",),
         counter=("The U.S. 10-year yield held near [4.3%] on Wednesday.",)),
    Rule("new_clause_after", lambda p: NEW_CLAUSE_AFTER.search(p.between), True,
         "a new clause with its own subject and time follows the figure",
         examples=("The Nikkei 225 rose [1.2%], while the yen fell on Friday.",),
         counter=("The Nikkei 225 rose [1.2%] on Friday.",)),
    Rule("other_event", lambda p: AFTER_EVENT.search(p.between), True,
         "'after', 'before', 'following': the phrase dates another event",
         examples=("The Nikkei 225 rose [2%] after the jobs data on Friday.",)),
    Rule("comparison", lambda p: COMPARED_WITH.search(p.between), True,
         "after 'than' the phrase dates the comparison, not the figure",
         examples=("At around [145 per dollar], the yen is weaker than it was a year ago.",)),
    Rule("from_level_time", dates_the_from_level, True,
         "'to 1.47% from 1.14% last month': a month or an offset right after the level a move started from dates "
         "that level only ('from 0.5% on Friday' dates the move, both levels)",
         examples=("The two-year rate has moved to [1.47%] from 1.14% last month.",
                   "USD/JPY at [157] vs 149 a year ago."),
         counter=("The BoJ raised its policy rate to [0.75%] from 0.5% on Friday.",)),
    Rule("nearer_figure", lambda p: any(not SHORT_LINK.match(p.text[p.c.end:o.start]) for o in p.others_between()),
         True, "another figure stands between: the phrase belongs to the nearer one",
         examples=("The 10-year JGB yield rose [6 bp] while the 30-year rose 10 bp on Friday.",),
         counter=("The 10-year JGB yield rose [6 bp] to 2.3% on Friday.",)),
)
EARLIER_CLAUSE: Rule[Pair, bool] = Rule(
    "earlier_clause", lambda p: NEW_CLAUSE.search(p.between), True,
    "the phrase dates an earlier clause of the sentence (its day still carries to the figure, as from an earlier "
    "sentence: rule 'clause_carried')",
    examples=("On Friday the yen rose, and the Nikkei 225 fell [2%].",),
    counter=("On Friday the Nikkei 225 fell [2%].",))
# for a phrase before the figure
BLOCKERS_BEFORE: tuple[Rule[Pair, bool], ...] = (
    Rule("another_event_before", names_another_event, True,
         "a possessive day naming a report or meeting ('after Tuesday's auction, ...') dates that event",
         examples=("Ahead of Wednesday's Fed decision, the 10-year Treasury yield held at [4.3%].",)),
    EARLIER_CLAUSE,
    Rule("closed_relative_clause", lambda p: RELATIVE_PRONOUN.search(
        last_clause(p.text[max(0, p.start - 40):p.start])) and CLAUSE_PUNCT.search(p.between), True,
         "the phrase is inside a relative clause that closes before the figure",
         examples=("The 30-year JGB yield, which stood below 1% in 2021, now trades near [3.9%].",)),
)
POINT_BLOCKERS = BLOCKERS_AFTER + BLOCKERS_BEFORE

PERIOD_BLOCKERS: tuple[Rule[Pair, bool], ...] = (
    Rule("period_of_another_event", names_another_event, True,
         "'ahead of this week's Fed meeting': the period names an event's time, not the figure's",
         examples=("The 10-year Treasury yield slipped to [4.63%] ahead of this week's Federal Reserve meeting.",),
         counter=("The 10-year Treasury yield rose [20 bp] this week.",)),
    Rule("other_clause", lambda p: NEW_CLAUSE.search(p.between) or (p.after and RELATIVE_PRONOUN.search(
        last_clause(p.between))), True, "the period is in another clause",
         examples=("The Nikkei 225 rose [2%]; it is up 18% this year.",),
         counter=("The Nikkei 225 is up [18%] this year.",)),
    Rule("expected_move_period", expected_move_period, True,
         "the period is when an expected policy move may come ('bets on a hike this year'), not the figure's",
         examples=("the 10y JGB yield pushed up to [0.97%], dealers pricing in one more BoJ hike this year",
                   "Two-year JGB yield climbed to [0.74%] on speculation of a rate increase this year."),
         counter=("The two-year JGB yield rose [0.4 percentage point] this year on rate hike bets.",)),
    Rule("appositive_after", lambda p: p.after and APPOSITIVE.search(p.between), True,
         "after ', its ...' the period belongs to the appositive ('to 4%, its second cut this year')",
         examples=("The Fed cut rates last week to [4%], its second cut this year.",)),
    Rule("closes_earlier_figure", closes_earlier_figure, True,
         "the period closes the figure before it; this level is where that move ended",
         examples=("The Nikkei 225 is up roughly 18% this year at about [59,000].",)),
    Rule("another_figure_between", lambda p: not signed_list(p) and any(not OR_BETWEEN.fullmatch(p.text[p.c.end:o.start])
                                                                        for o in p.others_between()), True,
         "another figure stands between (an appositive 'or' shares the period, and so does a list of signed moves "
         "in one unit: 'up 30bp YTD, Bunds +21bp, USTs +5bp')",
         examples=("The Nikkei 225 rose [2%] to 39,000 this year.",),
         counter=("The Nikkei 225 rose 3,597 points, or [7.1%], this year.",
                  "JGB 20s up 40bp YTD, Bunds +21bp, USTs [+5bp]", "NKY +18% YTD SPX +9% HSI [+22%]")),
)


@dataclass
class Dating:
    """One figure of a sentence with the sentence's time phrases, while its period and date
    are decided."""

    text: str
    c: Claim
    own: list[TimeRef]  # the time phrases of the figure's sentence
    sent_claims: tuple[Claim, ...]
    carried: TimeRef | None  # the last day named earlier in the paragraph
    ref: date | None

    def pair(self, start: int, end: int) -> Pair:
        return Pair(self.text, self.c, start, end, self.sent_claims)

    def blocked(self, p: TimeRef, note: str, after: tuple[Rule, ...], before: tuple[Rule, ...]) -> bool:
        """Whether a rule keeps phrase ``p`` from the figure (noted in its trace): one of
        ``after`` for a phrase after the figure, of ``before`` for one before it."""
        pair = self.pair(p.start, p.end)
        rule = first(after if pair.after else before, pair)
        if rule is not None:
            self.c.trace[f"{note} {p.text!r}"] = rule.name
        return rule is not None

    def nearest(self, phrases: list[TimeRef]) -> TimeRef:
        return min(phrases, key=lambda p: abs(p.start - self.c.start))

    @lazy
    def points(self) -> list[TimeRef]:
        return [p for p in self.own if p.role == "point"
                and not self.blocked(p, "not dated by", BLOCKERS_AFTER, BLOCKERS_BEFORE)]

    @lazy
    def periods(self) -> list[TimeRef]:
        """The period phrases next to the figure ("this year", "since Monday", "over the week")."""
        return [p for p in self.own if p.role in ("since", "duration")
                and not self.blocked(p, "no period from", PERIOD_BLOCKERS, PERIOD_BLOCKERS)]

    @lazy
    def since_event(self) -> re.Match | None:
        """"since the leadership vote": a period from an event the sentence names."""
        return SINCE_WHAT.search(self.c.sentence) if not any(p.role == "since" for p in self.own) else None

    def since_event_is_period(self) -> bool:
        m, c = self.since_event, self.c
        if m is None or first(PERIOD_BLOCKERS, self.pair(c.sentence_start + m.start(), c.sentence_start + m.end())):
            return False
        return not re.match(r"(?:highest|lowest)", m.group("what")) and not SUPERLATIVE_BEFORE.search(
            c.sentence[:m.start()])

    def ends_a_period(self) -> bool:
        """A period phrase closes another figure right before this level: it is where that
        move ended ("up 18% this year at about 59,000")."""
        starts = [p.start for p in self.own if p.role in ("since", "duration")]
        if not self.periods and self.since_event is not None:
            starts.append(self.c.sentence_start + self.since_event.start())
        return any(closes_earlier_figure(self.pair(s, s)) for s in starts)

    @lazy
    def clause_day(self) -> TimeRef | None:
        """"On Friday the yen rose, and the Nikkei fell 2%": a day named in an earlier
        clause of the sentence, kept from dating the figure as its own point, still
        carries to it like a day named in an earlier sentence."""
        found = [p for p in self.own if p.role == "point" and p.precision == "day" and p.value and p.pattern != "now"
                 and p.end <= self.c.start and not p.text.lower().endswith(("ago", "earlier", "'s", "’s")) and
                 not RELATIVE_PRONOUN.search(last_clause(self.text[max(0, p.start - 40):p.start])) and
                 first(BLOCKERS_BEFORE, self.pair(p.start, p.end)) is EARLIER_CLAUSE and
                 not PRESENT_TENSE.search(self.clause_of_figure) and not dates_a_from_level(self.text, p, self.sent_claims)]
        return max(found, key=lambda p: p.start) if found else None

    @lazy
    def clause_of_figure(self) -> str:
        """The clause the figure stands in: from the last clause break before it to the next."""
        c = self.c
        before = NEW_CLAUSE.split(self.text[c.sentence_start:c.start])[-1]
        after = NEW_CLAUSE.split(self.text[c.end:c.sentence_start + len(c.sentence)], maxsplit=1)[0]
        return before + c.text + after

    @lazy
    def when_antecedent(self) -> TimeRef | None:
        """"since September 1995, when the bank cut from 1.0% to 0.5%": a figure in a
        "when" clause is dated by the time phrase the clause hangs on."""
        c = self.c
        before = self.text[c.sentence_start:c.start]
        m = WHEN_CLAUSE.search(before)
        if m is None:
            return None
        at = c.sentence_start + m.start()
        found = [p for p in self.own if p.value and 0 <= at - p.end <= 2]
        return replace(found[0], role="point") if found else None

    @lazy
    def day_after(self) -> TimeRef | None:
        """"on Tuesday, a day after the dollar touched 160.2": the figure of a "day after"
        clause is dated that many sessions before the day the sentence names."""
        c = self.c
        for p in self.own:
            if p.role != "point" or p.precision != "day" or not p.value or p.end > c.start:
                continue
            m = DAY_AFTER.search(self.text[p.end:c.start])
            scope = self.text[p.end + m.end():c.start] if m else ""
            if m and (not CLAUSE_PUNCT.search(scope) or THEN.match(CLAUSE_PUNCT.split(scope)[-1])):
                n = NUMBER_WORDS.get(m.group("n").lower(), 1)
                day = date.fromisoformat(p.value)
                for _ in range(n):
                    day = previous_weekday(day)
                return TimeRef(m.group(0).strip(), p.start, p.end, day.isoformat(), "day", "point", True,
                               pattern="day_after")
        return None

    @lazy
    def past_by_day(self) -> TimeRef | None:
        """"before easing to 3.318% by Wednesday", "By March 14 the dollar had climbed to 151.2
        yen": in a statement of fact, a past "by" or "until" day or month right after the
        figure, or opening the figure's clause, is the time it had got there (read back from
        the reference: a relative "by mid-August" in a December review is last August)."""
        c = self.c
        for p in self.own:
            if p.role != "by" or p.precision not in ("day", "month") or not p.value:
                continue
            after = p.start >= c.end and SHORT_LINK.match(self.text[c.end:p.start].replace(" by", "")) is not None
            if after or (p.end <= c.start and self._opens_clause_of_figure(p)):
                return replace(self._read_back(p), role="point")
        return None

    def _opens_clause_of_figure(self, p: TimeRef) -> bool:
        """"By March 14 the dollar had climbed to [151.20]": no clause break, other figure,
        present-tense word or nearer point in time stands between the phrase and the figure
        ("waited until July for its next move, raising the rate to [0.25%]" holds)."""
        c = self.c
        between = self.text[p.end:c.start]
        if NEW_CLAUSE.search(between) or PRESENT_TENSE.search(between):
            return False
        if any(p.end <= o.start and o.end <= c.start for o in self.sent_claims if o is not c):
            return False
        return not any(abs(q.start - c.start) < abs(p.start - c.start) for q in self.points)

    def _read_back(self, p: TimeRef) -> TimeRef:
        """A relative phrase the "by" role resolved forward, put back on or before the reference."""
        if self.ref is None or not p.relative:
            return p
        if p.precision == "day":
            d = date.fromisoformat(p.value)
            while d > self.ref:
                d -= timedelta(days=7)
            return replace(p, value=d.isoformat())
        y, m = map(int, p.value.split("-"))
        while (y, m) > (self.ref.year, self.ref.month):
            y -= 1
        return replace(p, value=f"{y}-{m:02d}")

    @lazy
    def extreme(self) -> baselines.Found | None:
        return baselines.extreme_after(self.text, self.c.end, self.ref) if self.c.kind is Kind.CHANGE else None

    @lazy
    def levels(self) -> baselines.Found | None:
        return baselines.levels_after(self.text, self.c.end, self.ref) if self.c.kind is Kind.CHANGE else None

    @lazy
    def close_than(self) -> baselines.Found | None:
        return baselines.close_than_at(self.text, self.c.end, self.ref) if self.c.kind is Kind.CHANGE else None

    def ends_period_move(self) -> bool:
        """A level that ends a move the same month or year phrase dates ("rose 78% in March
        to $126.69")."""
        c = self.c
        if c.kind is not Kind.LEVEL or c.event or not self.points or \
                self.nearest(self.points).precision not in ("month", "year"):
            return False  # a decision ("raised the rate in December to 0.75%") is checked by its month
        before = [o for o in self.sent_claims if o.kind is Kind.CHANGE and o.end <= c.start]
        return bool(before) and re.fullmatch(r"\s*(?:[\w.'-]+\s+){0,3}?to\s*", self.text[before[-1].end:c.start]) is not None

    def own_date(self, p: TimeRef) -> bool:
        """"from 0.75% a month ago", "down from about 147 on Friday": a phrase right after a
        from-level dates that level, unless it also dates the level the move went to
        ("raised to 0.25% from 0.1% on Wednesday": the day of the move)."""
        if p.start < self.c.end or not FROM_LEVEL_GAP.fullmatch(self.text[self.c.end:p.start]):
            return False
        if p.text.lower().endswith(("ago", "earlier", "before")) or p.precision != "day":
            return True
        to = [o for o in self.sent_claims if o is not self.c and o.end <= self.c.start]
        if not to:
            return True
        target = max(to, key=lambda o: o.end)
        return first(BLOCKERS_AFTER, Pair(self.text, target, p.start, p.end, self.sent_claims)) is not None

    def at_reference(self) -> tuple[TimeRef, DateBasis]:
        """The document's own date (its Friday, for a piece dated on a weekend)."""
        day = self.ref - timedelta(days=max(0, self.ref.weekday() - 4))
        basis = DateBasis.REFERENCE if day == self.ref else DateBasis.SESSION
        return TimeRef("", self.c.start, self.c.start, day.isoformat(), "day", "point"), basis


def _set_since(d: Dating, p: TimeRef) -> None:
    d.c.since = p


def _set_baseline(d: Dating, found: baselines.Found) -> None:
    d.c.since, d.c.baseline = found.period, found.kind


PERIODS: tuple[Rule[Dating, Callable[[Dating], None]], ...] = (
    Rule("baseline_extreme", lambda d: d.extreme is not None, lambda d: _set_baseline(d, d.extreme),
         "a move from a period's extreme ('27% from its July 11 peak', '10% below its February high')",
         examples=("The Nikkei 225 is now down [27%] from its July 11 peak.",
                   "S&P 500 [-8%] off the February high, ugly."),
         counter=("The Nikkei 225 is [4,000 points] below its record.",)),
    Rule("baseline_levels", lambda d: d.levels is not None, lambda d: _set_baseline(d, d.levels),
         "a move against the levels of a month or year ('60 bp higher compared with January levels')",
         examples=("The 30-year JGB yield is up [60 basis points] compared with January levels.",
                   "JGB 30-year [+60bp] vs January levels, brutal."),
         counter=("The 30-year JGB yield rose [6 basis points] on Tuesday compared with a 4 bp rise in the 20-year.",)),
    Rule("baseline_close_than", lambda d: d.close_than is not None, lambda d: _set_baseline(d, d.close_than),
         "a move against a named day's close ('7.5 yen lower than at the end of December')",
         examples=("USD/JPY at 149.90, [7.5 yen] lower than at the end of December.",
                   "10s [+12bp] higher than on Fri, oof."),
         counter=("The dollar bought [7.5 yen] more than it did in 2024.",
                  "The Nikkei 225 is [5%] higher than a year ago.")),
    Rule("period_phrase", lambda d: any(p.role == "since" for p in d.periods),
         lambda d: _set_since(d, d.nearest([p for p in d.periods if p.role == "since"])),
         "a period phrase next to the figure ('up 15% this year', 'since Monday')",
         examples=("The Nikkei 225 has gained [20%] since the start of the year.",)),
    Rule("duration_phrase", lambda d: any(p.role == "duration" for p in d.periods),
         lambda d: _set_since(d, d.nearest([p for p in d.periods if p.role == "duration"])),
         "a span next to the figure ('over the past week', 'in four weeks')",
         examples=("The 10-year JGB yield rose [20 bp] over the past week.",)),
    Rule("since_event", Dating.since_event_is_period, lambda d: setattr(d.c, "since_text", d.since_event.group(0)),
         "'since' an event the sentence names ('since the leadership vote'): placed later, if the text dates it",
         examples=("The Nikkei 225 has risen [8%] since the leadership vote.",),
         counter=("The 10-year yield rose to [2.3%], the highest since the crisis.",)),
)


def _forward(p: TimeRef, ref: date | None) -> TimeRef:
    """Re-resolve a relative phrase forward in time, for a forecast ("at Wednesday's
    meeting"); a forecast for a year ("148 for 2026") is a forecast for its end."""
    if p.precision == "year" and p.value:
        return replace(p, value=f"{p.value[:4]}-12-31", precision="day")
    if ref is None or not p.relative or p.value is None:
        return p
    if p.precision == "day":
        d = date.fromisoformat(p.value)
        if d < ref and (ref - d).days < 7 and re.search(r"day", p.text, re.I) and "yesterday" not in p.text.lower():
            return replace(p, value=(d + timedelta(days=7)).isoformat())
    if p.precision == "month":
        y, m = map(int, p.value.split("-"))
        if (y, m) < (ref.year, ref.month):
            return replace(p, value=f"{y + 1}-{m:02d}")
    return p


def day_before(t: TimeRef) -> TimeRef:
    """"to 0.75% from 0.5% on Friday": the from-level held until the day before the move."""
    return replace(t, value=(date.fromisoformat(t.value) - timedelta(days=1)).isoformat())


def _month_to_date(d: Dating) -> tuple[TimeRef, DateBasis]:
    p, ref = d.nearest(d.points), d.ref
    first_day = date(ref.year, ref.month, 1)
    d.c.since = TimeRef(p.text, p.start, p.end, (first_day - timedelta(days=1)).isoformat(), "day", "since")
    return TimeRef(p.text, p.start, p.end, ref.isoformat(), "day"), DateBasis.EXPLICIT


def _this_month(d: Dating) -> bool:
    p, ref = d.nearest(d.points), d.ref
    return p.precision == "month" and ref is not None and d.c.kind is Kind.CHANGE and \
        p.value == f"{ref.year}-{ref.month:02d}"


def _period_is_nearer(d: Dating) -> bool:
    """"trading between 1.49% and 1.58% since Monday": the figure is to date (a baseline's
    period, "19% below its February record", says where a move started, not when it ended)."""
    since = d.c.since
    return since is not None and since.role == "since" and since.pattern != "baseline" and d.ref is not None and \
        abs(since.start - d.c.start) < abs(d.nearest(d.points).start - d.c.start)


def _ends_at_reference(d: Dating) -> bool:
    c = d.c
    return d.ref is not None and ((c.since is not None and c.since.role != "duration") or bool(c.since_text)
                                  or d.ends_a_period())


def _end_of_period(d: Dating, whole_year: bool = False) -> tuple[TimeRef, DateBasis]:
    p = d.nearest(d.points)
    year, month = int(p.value[:4]), int(p.value[5:7]) if p.precision == "month" and not whole_year else 12
    day = last_business_day(year, month)
    if d.ref is not None and day > d.ref:
        day = d.ref
    return replace(p, value=day.isoformat(), precision="day"), DateBasis.EXPLICIT


# "and twice more after that, ending at 4.25%-4.50%": a level where a run of moves came to rest
ENDING_AT = re.compile(r"\b(?:ending|ended|finishing|finished|winding up|leaving\s+(?:[\w'-]+\s+){0,3}?)"
                       r"(?:\s*(?:the\s+year|up))?\s*at\s*$", re.I)
SEQUENCE = re.compile(r"\b(?:later|more|followed|subsequent(?:ly)?|further|then)\b", re.I)


def ends_a_sequence(d: Dating) -> bool:
    """A level after "ending at" or "leaving ... at" that closes a run of moves told after a
    month or year ("cut in September and twice more after that, ending at 4.25%-4.50%"): where
    the run had got to by the end of that year, not the level the month names."""
    c = d.c
    if c.kind is not Kind.LEVEL or d.ref is None or not d.points or not ENDING_AT.search(d.text[c.sentence_start:c.start]):
        return False
    p = d.nearest(d.points)
    return p.end <= c.start and p.precision in ("month", "year") and SEQUENCE.search(d.text[p.end:c.start]) is not None


def _end_of_sequence(d: Dating) -> tuple[TimeRef, DateBasis]:
    """The year's last session (or the document's day): a level in force then, not the
    decision of that day (the decisions the clause reports were told before it)."""
    d.c.event = False
    return _end_of_period(d, whole_year=True)


def _move_over_closed_period(d: Dating) -> tuple[TimeRef, DateBasis]:
    """The period "ended the month/week/year" closes: the move is measured from the close
    before it began."""
    p = d.nearest(d.points)
    end = date.fromisoformat(p.value)
    if p.days == 7:
        start = end - timedelta(days=end.weekday() + 3)
    elif p.days == 92:  # a quarter: from the close before its first month
        start = date(end.year, 3 * ((end.month - 1) // 3) + 1, 1) - timedelta(days=1)
    elif p.days == 31:
        start = date(end.year, end.month, 1) - timedelta(days=1)
    else:
        start = date(end.year - 1, 12, 31)
    d.c.since = TimeRef(p.text, p.start, p.end, start.isoformat(), "day", "since", True, pattern=p.pattern)
    return p, DateBasis.EXPLICIT


def _when_clause(d: Dating) -> tuple[TimeRef, DateBasis]:
    d.c.since = None  # "not above 0.5% since 1995, when ... to 0.5%": the clause is the point, not a period
    return d.when_antecedent, DateBasis.EXPLICIT


# the date of a forecast or condition
FORECAST_DATES: tuple[Rule[Dating, Callable[[Dating], tuple[TimeRef | None, DateBasis]]], ...] = (
    Rule("forecast_horizon", lambda d: d.c.horizon is not None and d.c.horizon.value and not (
        d.points and abs(d.nearest(d.points).start - d.c.start) < abs(d.c.horizon.start - d.c.start)),
         lambda d: (d.c.horizon, DateBasis.EXPLICIT), "a forecast is dated by its horizon ('by year-end')",
         examples=("Strategists see the 10-year JGB yield at [2.5%] by the end of the year.",),
         counter=("USD/JPY is expected to reach 152 by the end of the year, with a forecast of [148] for 2027.",)),
    Rule("forecast_point", lambda d: d.points,
         lambda d: (_forward(d.nearest(d.points), d.ref), DateBasis.EXPLICIT),
         "a forecast's day is read forward ('at Wednesday's meeting' is the coming one)",
         examples=("The BoJ is expected to raise rates to [1%] at Wednesday's meeting.",)),
    Rule("forecast_undated", lambda d: True, lambda d: (d.c.time, d.c.date_basis),
         "a forecast without a horizon has no date", examples=("The Nikkei could reach [60,000].",)),
)
# the date of a figure stated as fact
FACT_DATES: tuple[Rule[Dating, Callable[[Dating], tuple[TimeRef | None, DateBasis]]], ...] = (
    Rule("when_clause", lambda d: d.when_antecedent is not None, _when_clause,
         "a figure in a 'when' clause is dated by the time the clause hangs on",
         examples=("The rate had not been above 0.5% since September 1995, when the bank cut it from 1.0% to [0.5%].",
                   "back in 2016, when the 10-year JGB printed [-0.3%], nobody cared."),
         counter=("The yen weakened when the BoJ held its policy rate at [0.5%].",)),
    Rule("span_end", lambda d: d.c.since is not None and d.c.since.role == "duration" and bool(d.c.since.value),
         lambda d: (replace(d.c.since, role="point"), DateBasis.EXPLICIT),
         "a span that names its last day ('over four sessions through Oct 9') ends the figure there",
         examples=("The Nikkei 225 rose [8%] over four sessions through Jan. 9.",
                   "USD/JPY [-3.1%] across three sessions to Jan 9."),
         counter=("The yen rallied [3%] across two sessions.",)),
    Rule("period_to_date", lambda d: d.points and _period_is_nearer(d), Dating.at_reference,
         "a period phrase nearer than the point phrase: the figure is to the document's date",
         examples=("On Friday the Nikkei 225 was up [5%] since Monday.",)),
    Rule("now_is_the_session", lambda d: d.points and d.nearest(d.points).pattern == "now",
         lambda d: (None, DateBasis.PENDING),
         "'now' is the session the document reports on (the morning after a close, 'now' is that close)",
         examples=("The S&P 500 now sits [4.4%] below its record.",)),
    Rule("unresolved_point", lambda d: d.points and d.nearest(d.points).value is None,
         lambda d: (d.nearest(d.points), DateBasis.EXPLICIT),
         "the phrase that dates the figure cannot be placed (it is kept: a reference date found later places it)",
         examples=("The Nikkei 225 rose [5%] in the spring.",)),
    Rule("month_to_date", lambda d: d.points and _this_month(d), _month_to_date,
         "a move 'in' the current month is a move month to date",
         examples=("The Nikkei 225 is up [15%] in January alone.",)),
    Rule("end_of_period_move", Dating.ends_period_move, _end_of_period,
         "'rose 78% in March to $126.69': the level a move over a month or year reached is its last session's",
         examples=("Brent crude rose 78% in March to [$126.69] a barrel.",
                   "Nikkei 225 fell 13.2% in March to [51,063.72] - worst month since 2008."),
         counter=("The Nikkei 225 traded at [51,000] in March.",)),
    Rule("move_over_closed_period", lambda d: d.points and d.c.kind is Kind.CHANGE and
         d.nearest(d.points).pattern in ("period_close", "the_period", "year_close"), _move_over_closed_period,
         "'ended the month up 1.2%': a move over the period the phrase closes, dated at its last session "
         "('over the quarter' in a quarter's first days: the quarter just ended)",
         examples=("The Nikkei 225 ended the month up [1.2%].", "S&P 500 closed the week [+3.9%].",
                   "The Topix finished 2025 up [22%], a third straight gain."),
         counter=("The dollar ended the month at [142.63] yen.",)),
    Rule("day_after", lambda d: d.day_after is not None, lambda d: (d.day_after, DateBasis.EXPLICIT),
         "'on Tuesday, a day after X': the figure of X is dated that many sessions before the day named",
         examples=("The yen held its rebound on Tuesday, a day after the dollar touched [160.2 yen].",
                   "The yen held firm on Tuesday, a day after the dollar hit 160.2 yen, a 34-year high, and then "
                   "tumbled to [154.5].",
                   "Nikkei 225 flat on Thu, two days after it dumped [3%]."),
         counter=("The yen rose on Tuesday, and a day later the Nikkei 225 rose [2%] again.",)),
    Rule("by_day", lambda d: d.past_by_day is not None, lambda d: (d.past_by_day, DateBasis.EXPLICIT),
         "in a statement of fact, a past 'by Wednesday' or 'by June' right after the figure, or opening its "
         "clause, is the time it had got there",
         examples=("The 40-year yield hit a record 3.69% last week before easing to [3.32%] by Wednesday.",
                   "JGB 10-year back down to [1.50%] by Tue.",
                   "By March 14 the dollar had climbed to [151.20 yen].",
                   "and by mid-Aug USDJPY was sitting at [144.90] lol, carry trade gone",
                   "The Fed cut twice, leaving its target range at [4.50%-4.75%] by the November meeting."),
         counter=("Strategists see the 10-year JGB yield at [2.5%] by Friday.",
                  "By March 14 the dollar had climbed to 151.20 yen, and the Nikkei fell [1.5%] on March 15.",
                  "By Friday, traders said, the 10-year JGB yield is at [1.6%].")),
    Rule("point_before_move", lambda d: d.points and d.c.from_level and not d.c.extreme and
         d.nearest(d.points).precision == "day" and not d.own_date(d.nearest(d.points)),
         lambda d: (day_before(d.nearest(d.points)), DateBasis.EXPLICIT),
         "the level a move started from held the day before the move (not a swing within the day: 'from as high as')",
         examples=("On Tuesday the BoJ raised its policy rate to 0.75% from [0.5%].",
                   "BOJ hiked to 0.25% from a range of [0 to 0.1%] on Wednesday."),
         counter=("On Thursday the dollar slid from as high as [160.7 yen] to as low as 155.6.",)),
    Rule("end_of_sequence", ends_a_sequence, _end_of_sequence,
         "'cut in September and twice more after that, ending at 4.25%-4.50%': a level where a run of moves told after a "
         "month came to rest is the year's last (or the document's day, if earlier)",
         examples=("The Fed cut in September and twice more after that, ending at [4.25%-4.50%].",
                   "BoJ hiked in March, then again later on, leaving the policy rate at [0.25%]."),
         counter=("The 10-year JGB yield rose 5 bp in March, ending at [1.50%].",
                  "The Fed cut in September, leaving its range at [4.75%-5.00%].")),
    Rule("point", lambda d: d.points, lambda d: (d.nearest(d.points), DateBasis.EXPLICIT),
         "the nearest time phrase that belongs to the figure dates it",
         examples=("The Nikkei jumped [4.75%] on Oct. 6.",)),
    Rule("period_at_reference", _ends_at_reference, Dating.at_reference,
         "a figure measured over a period to now is dated by the document",
         examples=("The Nikkei 225 has gained [20%] since the start of the year.",)),
    Rule("carried_before_move", lambda d: d.carried is not None and d.c.from_level and not d.c.extreme and
         d.carried.precision == "day" and d.carried.value, lambda d: (day_before(d.carried), DateBasis.CARRIED),
         "a from-level dated by the paragraph's day held the day before",
         examples=("On Tuesday the BoJ raised its policy rate to 0.75%. The move was from [0.5%].",)),
    Rule("clause_carried", lambda d: d.clause_day is not None, lambda d: (d.clause_day, DateBasis.CARRIED),
         "a day named in an earlier clause of the sentence ('on Tuesday, while French yields rose ...')",
         examples=("The Nikkei 225 rose 2% on Friday, and the Topix gained [1.5%].",
                   "gilts sold off on Tue, while the 10-year JGB yield rose [5bp]."),
         counter=("The Nikkei 225 rose 2% on Friday; it has gained [15%] this year.",
                  "The Nikkei closed at a record on Monday, and with the policy rate at [0.5%], real rates are negative.")),
    Rule("carried", lambda d: d.carried is not None, lambda d: (d.carried, DateBasis.CARRIED),
         "the last day named earlier in the paragraph",
         examples=("On Tuesday the BoJ raised its policy rate. The 10-year JGB yield rose to [2.3%].",)),
    Rule("document_session", lambda d: True, lambda d: (None, DateBasis.PENDING),
         "no phrase dates it: the session the document reports on (its date, or the day its phrases point to most)",
         examples=("The 10-year JGB yield rose to [2.3%].",)),
)
DATES = FORECAST_DATES + FACT_DATES


def date_claim(d: Dating) -> None:
    """Decide the figure's period, horizon and date, recording the rules in its trace."""
    c = d.c
    period = first(PERIODS, d)
    if period is not None:
        period.produces(d)
        c.trace["period"] = period.name
    by = [p for p in d.own if p.role == "by"]
    if by:
        c.horizon = d.nearest(by)
        c.trace["horizon"] = "by_phrase"
    rule = first(FACT_DATES if c.checkable else FORECAST_DATES, d)
    c.time, c.date_basis = rule.produces(d)
    c.trace["date"] = rule.name


gate_patterns(globals())  # every pattern above behind its literal pre-check (claims.regexgate)
