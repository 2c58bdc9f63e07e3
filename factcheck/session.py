"""The session a dated document's undated figures speak of, when the data say it is not the
one its phrases voted for.

A morning note dated Tuesday quotes Monday's closes without saying "Monday"; a paper dated
the next day prints "this morning"; a table published on April 1 holds March 31's levels.
The text alone cannot tell (:mod:`claims.timebind` votes with its phrases), the data can:
the figures dated by the document are scored, as in :mod:`factcheck.datefit`, on the day
the text chose, on the reference date and on the session before each, and move to another
of those days only when they fit it clearly better (:data:`MARGIN_BITS`) and at least two
of them hold there. Figures dated by a phrase of their own never move.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import date
from typing import Callable

import pandas as pd

from claims import Claim, DateBasis, periodlabels
from claims.timeref import previous_weekday

from .catalog import Catalog
from .datefit import Tiers, observed_tiers
from .policy import Policy
from .resolve import Mapping
from .store import Store

# how much better the figures must fit another day to move there: quotes taken early in a
# volatile session can sit nearer the previous close than the day's own (about 5 bits seen)
MARGIN_BITS = 8.0
MIN_FIGURES = 2


def _dated_by_document(c: Claim) -> bool:
    return c.checkable and c.date_basis in (DateBasis.REFERENCE, DateBasis.SESSION) and c.time is not None \
        and c.time.precision == "day" and bool(c.time.value)


def _dated_today(c: Claim) -> bool:
    """"this morning", "today": the writer's day, which in a paper dated the next day is
    the session before it."""
    return c.checkable and c.date_basis in (DateBasis.EXPLICIT, DateBasis.CARRIED) and c.time is not None \
        and c.time.pattern == "today" \
        and bool(c.time.value)


# settled apart: "this morning" does not follow undated closes
GROUPS = ((_dated_by_document, "the figures the text leaves undated"), (_dated_today, "the figures dated 'today'"))


def _score(tiers: list[Tiers], day: date) -> tuple[float, int]:
    """Bits and number of figures that hold on ``day`` (its own observation, no lag)."""
    ts, bits, held = pd.Timestamp(day).value, 0.0, 0
    for t in tiers:
        hit = t.best_on(ts)
        if hit is not None:
            bits, held = bits + hit, held + 1
    return bits, held


def settle(found: list[Claim], mappings: list[Mapping], ref: date | None, catalog: Catalog, store: Store,
           policy: Policy, oriented: Callable[[Claim, Mapping], Claim]) -> dict | None:
    """Move the figures dated by the document (and, apart, those dated "today") to the
    session they fit (see the module docstring); the detail for the report, or ``None``
    when nothing moved. ``oriented`` gives a copy of a claim in its series' terms, which is
    what is weighed against the data."""
    moved = {}
    for member, which in GROUPS:
        group = [(c, m) for c, m in zip(found, mappings) if member(c)]
        detail = _settle_group(group, which, ref, catalog, store, policy, oriented)
        if detail is not None:
            moved.update(detail if not moved else {"today_" + k: v for k, v in detail.items()})
    if moved:
        periodlabels.resolve(found)
    in_force_on_reference(found, mappings, ref, catalog)
    return moved or None


def in_force_on_reference(found: list[Claim], mappings: list[Mapping], ref: date | None, catalog: Catalog) -> None:
    """"The Bank of Japan decides tomorrow; its policy rate is 0.25%": a policy rate stated
    in the present tense as the one in force, with no day of its own (carried from an
    earlier sentence's day at most), is the writer's, on
    the document's date, even when the piece reports the session before (a decision, "left
    its rate at 0.5%", and a table row, "0.5% since the January hike", stay on the session
    the piece reports)."""
    if ref is None:
        return
    for c, m in zip(found, mappings):
        series = catalog.series.get(m.series_id) if m.series_id else None
        if series is None or series.frequency != "decisions" or not c.checkable or c.event or \
                c.date_basis not in (DateBasis.SESSION, DateBasis.CARRIED) or c.from_level or c.time is None or \
                c.time.value == ref.isoformat() or not _present(c):
            continue
        c.time, c.date_basis = replace(c.time, value=ref.isoformat()), DateBasis.REFERENCE
        c.trace["session"] = "rate_in_force"


def _settle_group(group: list[tuple[Claim, Mapping]], which: str, ref: date | None, catalog: Catalog,
                  store: Store, policy: Policy, oriented: Callable[[Claim, Mapping], Claim]) -> dict | None:
    if ref is None or len(group) < MIN_FIGURES:
        return None
    current = date.fromisoformat(Counter(c.time.value for c, _ in group).most_common(1)[0][0])
    tiers = [t for c, m in group
             if c.since is None and (t := observed_tiers(oriented(c, m), m, catalog, store, policy))]
    if len(tiers) < MIN_FIGURES:
        return None
    candidates = {current, ref, previous_weekday(ref), previous_weekday(current)}
    scores = {d: _score(tiers, d) for d in candidates}
    best = max(sorted(candidates), key=lambda d: scores[d][0])
    if best == current or scores[best][0] < scores[current][0] + MARGIN_BITS or scores[best][1] < MIN_FIGURES:
        return None
    for c, _ in group:
        if c.time.value == current.isoformat():
            c.time, c.date_basis = replace(c.time, value=best.isoformat()), DateBasis.SESSION
            c.trace["session"] = "fits_data"
    return {"session": best.isoformat(), "text_session": current.isoformat(),
            "note": f"{which} fit {best} ({scores[best][1]} of {len(tiers)}) "
                    f"better than {current} ({scores[current][1]})"}


PRESENT = re.compile(r"\b(?:is|are|remains?|sits?|stands?|now|still)\b", re.I)


def _present(c: Claim) -> bool:
    """Whether the clause of the figure (between semicolons and colons) is in the present."""
    at = c.start - c.sentence_start
    before = re.split(r"[;:]\s", c.sentence[:at])[-1]
    after = re.split(r";\s", c.sentence[at:], maxsplit=1)[0]
    return PRESENT.search(before + after) is not None
