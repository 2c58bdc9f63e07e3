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

from .context import Document, paragraph_of
from .model import Claim, TimeRef
from .rules.binding import AFTER_EVENT, CLAUSE_BREAK, RELATIVE_PRONOUN, Dating, date_claim, day_before
from .values import DateBasis

DEICTIC = re.compile(r"yesterday|today|this (?:morning|afternoon|evening)|tonight|overnight|now|"
                     r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|that day|on the day", re.I)


def in_relative_clause(text: str, pos: int) -> bool:
    """"the meeting, which ends on Wednesday": the phrase dates the meeting, not the
    document's session."""
    return bool(RELATIVE_PRONOUN.search(CLAUSE_BREAK.split(text[max(0, pos - 80):pos])[-1]))


def dates_other_event(text: str, pos: int) -> bool:
    """"after a 1.9% drop on Monday": the phrase dates that earlier event, not the session."""
    return bool(AFTER_EVENT.search(CLAUSE_BREAK.split(text[max(0, pos - 60):pos])[-1]))


def _is_day(p: TimeRef) -> bool:
    return p.role == "point" and p.precision == "day" and bool(p.value)


def _is_offset(p: TimeRef) -> bool:
    return p.text.lower().endswith(("ago", "earlier"))


def _by_sentence(doc: Document, phrases: list[TimeRef]) -> dict[int, list[TimeRef]]:
    """The phrases of each sentence, with "that day" resolved to the last day named before
    it (offsets like "a month ago" and days in relative clauses are not sessions)."""
    starts = [s.start for s in doc.sentences]
    previous_day: TimeRef | None = None
    out: dict[int, list[TimeRef]] = {}
    for p in phrases:
        if p.role == "anaphor":
            if previous_day is None:
                continue
            p = replace(p, value=previous_day.value, role="point")
        elif _is_day(p) and not _is_offset(p) and not in_relative_clause(doc.text, p.start):
            previous_day = p
        out.setdefault(paragraph_of(starts, p.start), []).append(p)
    return out


def _deictic_vote(text: str, p: TimeRef) -> bool:
    return DEICTIC.search(p.text) is not None and not dates_other_event(text, p.start)


def attach_times(doc: Document, claims: list[Claim], phrases: list[TimeRef]) -> None:
    text, ref = doc.text, doc.reference
    by_sentence = _by_sentence(doc, phrases)
    votes: Counter = Counter(p.value for ps in by_sentence.values() for p in ps
                             if _is_day(p) and not p.text.endswith("'s") and not in_relative_clause(text, p.start)
                             and _deictic_vote(text, p))
    if ref is not None:
        votes[ref.isoformat()] += 1.5  # the document's own date, unless its phrases say otherwise
    last_day: dict[int, TimeRef] = {}  # paragraph -> last day named
    pending: list[Claim] = []
    for sent in doc.sentences:
        sent_claims = tuple(doc.claims_by_sentence.get(sent.index, ()))
        own = by_sentence.get(sent.index, [])
        for c in sent_claims:
            date_claim(Dating(text, c, own, sent_claims, last_day.get(sent.paragraph), ref))
            if c.date_basis is DateBasis.PENDING:
                pending.append(c)
            elif c.checkable and c.time is not None and _deictic_vote(text, c.time):
                votes[c.time.value] += 1
        for p in own:
            if _is_day(p) and not p.text.endswith("'s") and not _is_offset(p):
                last_day[sent.paragraph] = p  # offsets ("a month ago") and possessives do not carry
    session = max(votes.items(), key=lambda kv: (kv[1], kv[0]))[0] if votes else None
    anchor_events(doc, claims, by_sentence)
    for c in pending:
        _date_by_session(c, session, ref)


def _date_by_session(c: Claim, session: str | None, ref) -> None:
    if session is None:
        c.date_basis = DateBasis.NONE
        c.trace["date"] = "no_session"
        return
    c.time = TimeRef("", c.start, c.start, session, "day", "point")
    c.date_basis = DateBasis.REFERENCE if ref is not None and session == ref.isoformat() else DateBasis.SESSION
    if c.from_level:
        c.time = day_before(c.time)


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
