"""The readings of a claim a careful editor tries before refuting it.

A claim is first checked as read: its own day or window, its own kind, its series. When the
data refute that reading, :func:`judge` tries the other readings the text allows, in order
of plausibility (:func:`alternatives`):

* the day's intraday range, where the data have high-low bars: a level not said to be a
  close, a line touched, a move the text says was measured during the session;
* a quote from a part of the day the data do not see (a New York afternoon quote of
  USD/JPY: neither the noon fixing nor Yahoo's bar covers it): a reading that cannot be
  settled (:mod:`.hours`);
* other start points of a period move ("compared to January levels": from any January
  close; "this year": from the last close of the year before or the first of this one)
  (:mod:`.periods`);
* the session before, for a one-day move dated by the document (a note written the
  morning after reports the session before); the document's own day for a figure said to
  be "now" and dated to the session the document reports on;
* another series, when the claim's own is not certain (:mod:`.candidates`): one that
  holds makes the claim unverifiable, "series ambiguous";
* another kind (:mod:`.kinds`): a "%" change of a yield that is a level of it ("tops
  4.5%"), a level in basis points, or in index points far from the index, that is a move;
* a period the text does not state (:mod:`.unstated`): a move of a size no session
  produces, or in a piece that names a week or month, read over the standard periods
  ending at its session.

The first reading that holds decides: accurate or approximately accurate, the reading named.
A reading the data cannot settle (a figure from the middle of a session on a series with
closes only) blocks a flag: ``unverifiable``, with the reason. So does a figure whose kind
is in doubt and that no reading makes plausible (a "level" ninety percent away from the
series is another quantity, not a wrong level). Only when every plausible reading fails is
the claim flagged: ``misdated`` when the value fits another date of the same series,
``inaccurate`` otherwise; a period the text did not state over which the move holds but
its superlative fails ("its worst month since 2022") is the flag's verdict. A flag's ``strength`` is how far outside its tolerance the nearest
reading falls, in tolerances; the verdict lists every reading tried.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from typing import Callable, Iterator

from claims import Claim, DateBasis, Kind

from ..labels import Label
from . import explain, periodrank
from .case import Case
from .changes import intraday_move
from .hours import reached_by_extreme_move, unseen, unseen_reading
from .kinds import far_off, kind_doubt, other_kinds
from .levels import has_bars, intraday_reading, line_side
from .periods import has_period, other_starts
from .unstated import applies as unstated_applies, period_move_reading
from .verdict import Reading, Verdict

Route = Callable[[Case], Callable[[Case], Verdict]]  # the checker for a case (verifier.CHECKERS)

AS_STATED = "as stated"
QUALIFIER_STRENGTH = 0.5  # a flag whose figure holds but whose qualifier fails (subject certain)
# the clause before a figure says it is a closing level ("closed at", "ended the day at", "its
# record close of"; not "close to", a hedge): no intraday reading for it
CLOSE_WORDS = re.compile(r"\b(?:clos(?:ed|ing|es)|close(?!\s+to\b)|ended|ending|finished|finishing|settled|settling|"
                         r"end(?:ed)? (?:the )?(?:day|session|week))\b[^,;.]{0,30}$", re.I)


def said_close(c: Claim) -> bool:
    """The words right before the figure make it a closing level."""
    return CLOSE_WORDS.search(c.sentence[:max(c.start - c.sentence_start, 0)]) is not None


def snapshot(c: Claim) -> bool:
    """A figure from during the session ("in afternoon trade", "intraday") that names no
    extreme: it can be anywhere in the day's range."""
    return c.intraday and not c.extreme


def judge(k: Case, route: Route) -> Verdict:
    """The verdict over every plausible reading of the claim (see the module docstring)."""
    plain = replace(k, plain=True)
    first = route(plain)(plain)
    if not first.label.refutes:
        return periodrank.attach(plain, first) if first.label.supports else first
    tried = [as_reading(AS_STATED, first)]
    blocked = qualified = None
    for name, run in alternatives(plain, route):
        v = run()
        if v is None:
            continue
        tried.append(as_reading(name, v))
        if v.label.supports:
            v.explanation = explain.rescued(name, v.explanation)
            v.readings = tried
            return v
        if v.label == Label.UNVERIFIABLE and blocked is None:
            blocked = v.explanation
        if v.rule == "period_unstated" and v.label.refutes and qualifier_failed(v) and qualified is None:
            qualified = v  # the move holds over a period the text did not state; its superlative does not
    reason = blocked or ambiguous(plain, route, tried) or kind_doubt(plain, first)
    if reason is not None:
        return Verdict(Label.UNVERIFIABLE, explain.unsettled(reason, first.explanation), "unsettled", first.observed,
                       first.difference, first.tolerance, first.qualifiers, tried)
    final = qualified or (first if first.label == Label.MISDATED else route(k)(k))
    final.readings = tried
    final.strength = strength(tried, final)
    if len(tried) > 1:
        final.explanation += " " + explain.no_reading_holds(k.c, k.s, tried)
    return final


def qualifier_failed(v: Verdict) -> bool:
    """The figure holds but a qualifier surely about it fails."""
    return any(q.get("holds") is False and q.get("attributed", True) for q in v.qualifiers)


def ambiguous(k: Case, route: Route, tried: list[Reading]) -> str | None:
    """"series ambiguous: ..." when the claim, refuted on its series, holds on a series the
    words nearby name instead (:mod:`.candidates`); each candidate tried is a reading."""
    held = []
    for s, data in k.others:
        other = replace(k, s=s, data=data, others=())
        v = route(other)(other)
        tried.append(as_reading(f"{s.name} instead", v))
        if v.label.supports:
            held.append(s.name)
    return explain.series_ambiguous(k.s.name, held) if held else None


def as_reading(name: str, v: Verdict) -> Reading:
    holds = True if v.label.supports else None if v.label in (Label.UNVERIFIABLE, Label.NOT_CHECKABLE) else False
    difference = None if qualifier_failed(v) else v.difference  # the figure's own distance is no miss
    return Reading(name, list(v.observed), difference, v.tolerance, holds, v.explanation)


def strength(tried: list[Reading], final: Verdict) -> float:
    """How far outside its tolerance the nearest reading is, in tolerances; a figure that
    holds but fails on its qualifier gets :data:`QUALIFIER_STRENGTH`; a flag with no
    measurable distance (a decision at another date) counts as one tolerance."""
    if qualifier_failed(final):
        return QUALIFIER_STRENGTH
    misses = [r.miss for r in tried if r.miss is not None]
    return min(misses) if misses else 1.0


def alternatives(k: Case, route: Route) -> Iterator[tuple[str, Callable[[], Verdict | None]]]:
    """The other readings of the claim, most plausible first, each a name and a thunk that
    checks it (None when it does not apply)."""
    if intraday_plausible(k):
        yield "the day's intraday range", lambda: intraday(k, route)
    if unseen(k.c, k.s.unseen_hours, k.preceding):
        yield f"a {k.s.unseen_hours} quote", lambda: unseen_reading(k, line_side(k))
    if has_period(k):
        yield "other start points of the period", lambda: other_starts(k)
    prev = previous_session(k)
    if prev is not None:
        yield f"the session before ({prev.end})", lambda: route(prev)(prev)
    written = writing_day(k)
    if written is not None:
        yield f"'now' as the day of writing ({written.end})", lambda: route(written)(written)
    if unstated_applies(k):
        yield "a period the text does not state", lambda: period_move_reading(k)
    for name, other in other_kinds(k):
        yield name, lambda other=other: route(other)(other)


def same_day(k: Case) -> bool:
    """The claim is read on the document's own day without a date of its own: the document
    may have been written during that session."""
    return k.ref is not None and k.end == k.ref and k.c.date_basis != DateBasis.EXPLICIT


def intraday_plausible(k: Case) -> bool:
    """Whether the claim may speak of a moment during the session: a move or level the
    text says was measured then or that is read on the document's own day, a line touched
    or crossed, a level placed in a month or year ("when the dollar was at 160 yen at the
    end of April": any moment of it); never a figure said to be a close (an intraday-marked
    level already reads the bars first). A plain level of a finished session ("fell 2% on
    Friday to 37,000") is its close."""
    c = k.c
    if c.kind == Kind.CHANGE:
        return daily_move(c) and (c.intraday or c.extreme or same_day(k))
    if c.range_low is not None or said_close(c) or (c.intraday and has_bars(k.rows())) or far_off(k):
        return False
    return bool(c.threshold or c.extreme or c.intraday) or reached_by_extreme_move(c) or same_day(k) or \
        c.time.precision in ("month", "year")


def intraday(k: Case, route: Route) -> Verdict | None:
    """The claim checked against the day's high-low bars. Without bars, a figure from
    during the session (said so, or read on the document's own day) of a price traded in
    sessions cannot be settled by the close (:func:`traded_in_sessions`)."""
    c = k.c
    if c.kind == Kind.CHANGE:
        if not daily_move(c):
            return None
        found = intraday_move(k)
    elif not has_bars(k.rows()):
        found = None
    elif c.threshold or c.extreme:
        bars = replace(k, c=replace(c, intraday=True))
        found = route(bars)(bars)
    else:
        found = intraday_reading(k)
    if found is None and (snapshot(c) or same_day(k)) and traded_in_sessions(k):
        return Verdict(Label.UNVERIFIABLE, explain.mid_session(k.s), "mid_session")
    return found


def traded_in_sessions(k: Case) -> bool:
    """A daily market price whose close can differ from a quote taken during the session by
    more than its basis allowance (indexes, commodities, currencies); not a yield (its
    allowance was set for quotes taken at any hour), a policy rate or a monthly figure."""
    return k.s.asset_class in ("index", "fx") and k.s.frequency == "daily"


def daily_move(c: Claim) -> bool:
    """A move over one session (not over a period, from a record, or a policy decision)."""
    return c.kind == Kind.CHANGE and c.since is None and not c.since_text and not c.from_record and not c.event and \
        c.time.precision == "day" and not c.time.days and not c.time.sessions


def writing_day(k: Case) -> Case | None:
    """A figure said to be where a market is "now", dated to the session the document
    reports on, read on the document's own day: "now" in a chat line stamped in the
    evening is the evening the line was written, not the close the morning lines reported."""
    if k.c.trace.get("date") != "now_is_the_session" or k.ref is None or k.end >= k.ref:
        return None
    return replace(k, start=k.ref, end=k.ref)


def previous_session(k: Case) -> Case | None:
    """A one-day move dated by the document read on the session before the one it was
    checked on."""
    c = k.c
    if not daily_move(c) or c.date_basis not in (DateBasis.REFERENCE, DateBasis.SESSION, DateBasis.PENDING):
        return None
    found = k.data.on_or_before(k.end)
    before = k.data.before(found[0].date()) if found is not None else None
    if before is None:
        return None
    day = before[0].date()
    return replace(k, start=day, end=day)
