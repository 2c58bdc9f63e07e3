"""Dates for the claims of one document: each claim is dated by the rules of
:mod:`claims.rules.binding`; what those leave open is settled at document level.

* "that day", "on the day" refer back to the last day the text named;
* a day named in a paragraph carries to its later sentences;
* the document's session is the day its deictic phrases ("yesterday", "on Tuesday") point
  at most, the document's own date counting one and a half votes: a note written the
  morning after reports yesterday's session;
* "since the leadership vote" takes the date of the earlier sentence that dated the vote.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta

from . import periodlabels
from .context import Document, paragraph_of
from .model import Claim, TimeRef
from .rules.binding import (AFTER_EVENT, BASELINE_WORDS, CLAUSE_BREAK, RELATIVE_PRONOUN, Dating, date_claim,
                            dates_a_from_level, day_before)
from .rules import baselines
from .values import DateBasis, Kind
from .regexgate import gate_patterns, may_match

DEICTIC = re.compile(r"yesterday|today|this (?:morning|afternoon|evening)|tonight|overnight|last night|now|"
                     r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|that day|on the day", re.I)
REFERENCE_VOTES = 1.5  # the document's own date, unless its phrases say otherwise


def in_relative_clause(text: str, pos: int) -> bool:
    """"the meeting, which ends on Wednesday": the phrase dates the meeting, not the
    document's session."""
    window = text[max(0, pos - 80):pos]
    return may_match(RELATIVE_PRONOUN, window) and bool(RELATIVE_PRONOUN.search(CLAUSE_BREAK.split(window)[-1]))


def dates_other_event(text: str, pos: int) -> bool:
    """"after a 1.9% drop on Monday": the phrase dates that earlier event, not the session."""
    window = text[max(0, pos - 60):pos]
    return may_match(AFTER_EVENT, window) and bool(AFTER_EVENT.search(CLAUSE_BREAK.split(window)[-1]))


def _is_day(p: TimeRef) -> bool:
    return p.role == "point" and p.precision == "day" and bool(p.value)


def _is_offset(p: TimeRef) -> bool:
    return p.text.lower().endswith(("ago", "earlier"))


def names_a_baseline(text: str, p: TimeRef) -> bool:
    """"12% off the March 4 record close", "below its Feb. 19 peak": the day of a reference
    point a move is measured from, not a day the text reports on; "on the day" after it
    does not mean it, and it carries to no later sentence."""
    return BASELINE_WORDS.search(text[max(0, p.start - 40):p.start]) is not None


def _by_sentence(doc: Document, phrases: list[TimeRef]) -> dict[int, list[TimeRef]]:
    """The phrases of each sentence, with "that day" resolved to the last day named before
    it (offsets like "a month ago" and days in relative clauses are not sessions) and
    "within weeks" to the month after the last time named."""
    starts = [s.start for s in doc.sentences]
    previous_day: TimeRef | None = None
    previous_point: TimeRef | None = None
    out: dict[int, list[TimeRef]] = {}
    for p in phrases:
        if p.role == "anaphor":
            if previous_day is None:
                continue
            p = replace(p, value=previous_day.value, role="point")
        elif p.role == "later":
            if previous_point is None:
                continue
            p = later_than(p, previous_point)
        elif p.role == "later_since":  # "it has since rallied 12%": since the last time named
            if previous_point is None:
                continue
            p = replace(p, value=previous_point.value, precision=previous_point.precision, role="since")
        elif names_a_baseline(doc.text, p):
            pass
        elif _is_day(p) and not _is_offset(p) and not in_relative_clause(doc.text, p.start):
            previous_day = p
        if p.role == "point" and p.value and not _is_offset(p) and not in_relative_clause(doc.text, p.start) and \
                not names_a_baseline(doc.text, p):
            previous_point = p
        out.setdefault(paragraph_of(starts, p.start), []).append(p)
    return out


def later_than(p: TimeRef, base: TimeRef) -> TimeRef:
    """"In January 2025 ... Within weeks, the yield touched 4%": the month in which the
    stated span after the end of the earlier time ends (a day, for "days later" after a day)."""
    end = _period_end(base.value)
    then = end + timedelta(days=p.days or 0)
    if base.precision == "day" and p.sessions:  # "two sessions later": weekdays, not calendar days
        then = end
        for _ in range(p.sessions):
            then += timedelta(days=3 if then.weekday() == 4 else 2 if then.weekday() == 5 else 1)
    if base.precision == "day" and (p.days or 0) < 7:
        return replace(p, value=then.isoformat(), precision="day", role="point", days=None)  # a day, not a span
    return replace(p, value=f"{then.year}-{then.month:02d}", precision="month", role="point")


def _period_end(value: str) -> date:
    parts = value.split("-")
    if len(parts) == 3:
        return date.fromisoformat(value)
    if len(parts) == 2:
        y, m = int(parts[0]), int(parts[1])
        return date(y + m // 12, m % 12 + 1, 1) - timedelta(days=1)
    return date(int(parts[0]), 12, 31)


def _deictic_vote(text: str, p: TimeRef) -> bool:
    return DEICTIC.search(p.text) is not None and not dates_other_event(text, p.start)


def lede_paragraph(doc: Document) -> int | None:
    """The paragraph where a piece sets its scene: the first that holds a full sentence
    (a headline or a dateline is not one)."""
    for sent in doc.sentences:
        if len(sent.text.split()) >= 8 and sent.text.rstrip().endswith((".", "!", "?", ":")):
            return sent.paragraph
    return None


class SessionVotes:
    """Which day the document reports on. Each deictic phrase ("yesterday", "on Friday")
    votes for its day, twice in the lede paragraph; each figure a phrase dates directly adds
    a vote, and so does each figure of the lede that carries or lacks a day (for the
    carried day, or for the document's own date); the document's own date has
    :data:`REFERENCE_VOTES`. Figures that carry a day named further down do not vote again:
    a paragraph about another market's Friday does not outvote a lede about Monday."""

    def __init__(self, doc: Document, by_sentence: dict[int, list[TimeRef]]):
        self.doc, self.lede = doc, lede_paragraph(doc)
        self.starts = [s.start for s in doc.sentences]  # once: per figure it made claim-dense text quadratic
        self.votes: Counter = Counter()
        if doc.reference is not None:
            self.votes[doc.reference.isoformat()] += REFERENCE_VOTES
        for ps in by_sentence.values():
            for p in ps:
                if self.counts(p):
                    self.votes[p.value] += 2 if self.in_lede(p.start) else 1

    def in_lede(self, pos: int) -> bool:
        return self.lede is not None and self.doc.sentences[paragraph_of(self.starts, pos)].paragraph == self.lede

    def counts(self, p: TimeRef) -> bool:
        text = self.doc.text
        return _is_day(p) and not p.text.endswith("'s") and not in_relative_clause(text, p.start) and \
            _deictic_vote(text, p)

    def figure(self, c: Claim) -> None:
        if c.from_level and c.date_basis is DateBasis.EXPLICIT and c.time is not None and self.counts(c.time):
            # "down from about 147 on Friday": the day a move started is not the day reported on
            self.votes[c.time.value] -= 2 if self.in_lede(c.time.start) else 1
            return
        if not c.checkable:
            return
        ref = self.doc.reference
        if c.date_basis is DateBasis.PENDING:
            if ref is not None and self.in_lede(c.start):
                self.votes[ref.isoformat()] += 1
        elif c.time is not None and self.counts(c.time) and (
                c.date_basis is DateBasis.EXPLICIT or (c.date_basis is DateBasis.CARRIED and self.in_lede(c.time.start))):
            self.votes[c.time.value] += 1

    @property
    def session(self) -> str | None:
        return max(self.votes.items(), key=lambda kv: (kv[1], kv[0]))[0] if self.votes else None


def attach_times(doc: Document, claims: list[Claim], phrases: list[TimeRef]) -> None:
    text, ref = doc.text, doc.reference
    by_sentence = _by_sentence(doc, phrases)
    votes = SessionVotes(doc, by_sentence)
    last_day: dict[int, TimeRef] = {}  # paragraph -> last day named
    pending: list[Claim] = []
    open_baseline: tuple[int, baselines.Found] | None = None  # (sentence, baseline no figure of it took)
    for sent in doc.sentences:
        sent_claims = tuple(doc.claims_by_sentence.get(sent.index, ()))
        own = by_sentence.get(sent.index, [])
        for c in sent_claims:
            date_claim(Dating(text, c, own, sent_claims, last_day.get(sent.paragraph), ref))
            votes.figure(c)
            if c.date_basis is DateBasis.PENDING:
                pending.append(c)
        if open_baseline is not None and open_baseline[0] == sent.index - 1 and \
                doc.sentences[sent.index - 1].paragraph == sent.paragraph:
            carry_baseline(sent_claims, open_baseline[1])
        open_baseline = _open_baseline(doc, sent, sent_claims)
        for p in own:
            if _carries(p, ref) and not dates_a_from_level(text, p, sent_claims) and not names_a_baseline(text, p):
                last_day[sent.paragraph] = p
    anchor_events(doc, claims, by_sentence)
    session = votes.session
    for c in pending:
        _date_by_session(c, session, ref)
    recap = periodlabels.attach(doc.raw, claims)
    if recap is not None:
        follow_recap(claims, recap, ref)
    periodlabels.resolve(claims)


def follow_recap(claims: list[Claim], session: str, ref) -> None:
    """A piece whose moves are those of a period just ended ("fell 11.8%, its worst month"
    on April 1) reports that period's last session: the figures it dates by its own date
    (left undated, or "has since rallied 12%" to now) speak of that session too."""
    for c in claims:
        if ref is not None and c.date_basis is DateBasis.REFERENCE and c.time is not None and \
                c.time.value == ref.isoformat():
            c.time, c.date_basis = replace(c.time, value=session), DateBasis.SESSION
            c.trace["date"] = "period_just_ended"


def _open_baseline(doc: Document, sent, sent_claims) -> tuple[int, baselines.Found] | None:
    """A "compared with January levels" that no move of its sentence took: "the 40-year
    yield eased to 3.3%, a sharp jump compared with January levels"."""
    if any(c.baseline is not None for c in sent_claims):
        return None
    found = baselines.levels_in(doc.text, sent.start, sent.end, doc.reference)
    return (sent.index, found) if found is not None else None


def carry_baseline(sent_claims, found: baselines.Found) -> None:
    """The moves of the sentence right after such a comparison, with no period or day of
    their own ("The 30-year yield rose over 60 basis points to 2.914%"), are measured
    against those levels too."""
    for c in sent_claims:
        if c.kind is Kind.CHANGE and c.checkable and c.since is None and not c.since_text and \
                c.date_basis is not DateBasis.EXPLICIT and not c.from_record:
            c.since, c.baseline = found.period, found.kind
            c.trace["period"] = "baseline_carried"


def _date_by_session(c: Claim, session: str | None, ref) -> None:
    if session is None:
        c.date_basis = DateBasis.NONE
        c.trace["date"] = "no_session"
        return
    c.time = TimeRef("", c.start, c.start, last_weekday(session), "day", "point")
    c.date_basis = DateBasis.REFERENCE if ref is not None and c.time.value == ref.isoformat() else DateBasis.SESSION
    if c.from_level:
        c.time = day_before(c.time)


def _carries(p: TimeRef, ref) -> bool:
    """A day named in a sentence carries to the next ones of its paragraph; offsets ("a
    month ago"), possessives and "now" do not, and a past "by Wednesday" does ("easing to
    3.3% by Wednesday. The 30-year rose to 2.9%")."""
    if p.role == "by" and p.precision == "day" and p.value and ref is not None and p.value <= ref.isoformat():
        return True
    return _is_day(p) and not p.text.endswith("'s") and not _is_offset(p) and p.pattern != "now"


def last_weekday(day: str) -> str:
    """A session on a weekend is the Friday before it: a note dated Saturday reports
    Friday's closes."""
    d = date.fromisoformat(day)
    return (d - timedelta(days=max(0, d.weekday() - 4))).isoformat()


def anchor_events(doc: Document, claims: list[Claim], by_sentence: dict[int, list[TimeRef]]) -> None:
    """"since the leadership vote": find the earlier sentence that dated that event
    ("on Oct. 6, the first session after ... the leadership vote") and use its date."""
    for c in claims:
        if c.since is not None or not c.since_text:
            continue
        words = re.findall(r"[a-z]+", c.since_text.lower())[-2:]
        if len(words) < 1 or words[-1] in ("the", "its"):
            continue
        needle = re.compile(r"\b" + r"\W+(?:\w+\W+)?".join(map(re.escape, words)) + r"\b", re.I)
        for sent in reversed(doc.sentences):
            if sent.start >= c.sentence_start:
                continue
            m = needle.search(sent.text)
            if not m:
                continue
            days = [p for p in by_sentence.get(sent.index, []) if _is_day(p)]
            if days:
                p = min(days, key=lambda p: abs(p.start - (sent.start + m.start())))
                c.since = TimeRef(c.since_text, p.start, p.end, p.value, "day", "since_event", True)
                c.since_text = None
                c.trace["period"] = "since_event_dated"
            break


gate_patterns(globals())  # every pattern above behind its literal pre-check (claims.regexgate)
