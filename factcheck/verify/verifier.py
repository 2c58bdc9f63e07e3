"""The verifier: which checker judges a claim, and the reasons a claim cannot be judged.

``CHECKERS`` is the table from a claim's kind (and shape) to its checker, tried in order:
a new kind of claim is one row here and one checker module. A level of a series with a
decisions table (a policy rate) is also read against the rate as decided
(:func:`.decisions.or_as_decided`).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Callable

from claims import Claim, DateBasis, Kind, Unit

from ..catalog import Catalog
from ..policy import Policy
from ..resolve import MIN_CONFIDENCE, Mapping
from ..store import Store
from . import explain
from .candidates import candidates
from .case import Case, window
from .changes import check_change
from .decisions import check_decision, has_decisions, or_as_decided
from .forecasts import check_forecast
from ..labels import Label
from .levels import check_level, check_range, check_threshold
from .hours import preceding
from .kinds import percent_column, points_reading
from .readings import judge
from .spreads import check_spread
from .verdict import Verdict


@dataclass(frozen=True)
class Route:
    name: str
    when: Callable[[Case], bool]
    check: Callable[[Case], Verdict]


CHECKERS: tuple[Route, ...] = (
    Route("policy_decision", lambda k: bool(k.c.event) and not k.c.from_level and has_decisions(k), check_decision),
    Route("change", lambda k: k.c.kind == Kind.CHANGE, check_change),
    Route("range", lambda k: k.c.range_low is not None, check_range),
    Route("threshold", lambda k: bool(k.c.threshold or k.c.extreme), or_as_decided(check_threshold)),
    Route("level", lambda k: True, or_as_decided(check_level)),
)


def route(k: Case) -> Callable[[Case], Verdict]:
    """The checker of a case: the first row of :data:`CHECKERS` that takes it."""
    return next(r for r in CHECKERS if r.when(k)).check


def unmapped(m: Mapping) -> Verdict:
    """Why a claim with no series cannot be checked."""
    if m.instrument is not None and m.instrument.tracked:
        return Verdict(Label.UNVERIFIABLE, explain.no_data_for_instrument(m.instrument.name, m.instrument.id,
                                                                          m.explanation), "no_data")
    if m.instrument is not None:
        return Verdict(Label.UNVERIFIABLE, explain.no_source_for_instrument(m.instrument.name, m.instrument.notes),
                       "no_data_source")
    return Verdict(Label.UNVERIFIABLE, explain.not_mapped(m.explanation or "no series", m.candidates), "no_series")


def heading(text: str) -> str:
    """The document's first non-empty line: a title may name the period its moves cover
    ("Weekly wrap", "March 2026: the month in markets")."""
    return next((line.strip() for line in text.splitlines() if line.strip()), "")[:200]


class Verifier:
    """Judges the claims of one document. ``reference_basis`` says where the document's
    date came from (given, text, inferred): only a date the tool worked out from the
    figures lets a figure that fits an earlier day be called stale (:mod:`.stale`).
    ``text`` is the document as the claims were read from (the sentence before a claim's
    may place it in the day: :mod:`.hours`)."""

    def __init__(self, catalog: Catalog, store: Store, policy: Policy, reference_basis: str | None = None,
                 text: str = ""):
        self.catalog, self.store, self.policy = catalog, store, policy
        self.reference_basis, self.text = reference_basis, text
        self.heading = heading(text)  # once per document: it was split into lines for every claim

    def verify(self, c: Claim, m: Mapping, ref: date | None) -> Verdict:
        s = self.catalog.get(m.series_id) if m.series_id and not m.spread else None
        token = explain.FX_IN_YEN.set(s is None or s.asset_class != "fx" or explain.in_yen(s))
        reread = self._as_read(c, s)
        try:
            v = self._verify(replace(c, unit=reread[0]) if reread else c, m, ref)
        finally:
            explain.FX_IN_YEN.reset(token)
        if reread and v.label not in (Label.NOT_CHECKABLE, Label.UNVERIFIABLE):
            v.explanation = reread[1] + v.explanation
        if c.date_basis == DateBasis.OWN_BEST_DATE and v.label not in (Label.NOT_CHECKABLE, Label.UNVERIFIABLE):
            v.explanation = explain.own_best_date(c) + v.explanation
        return v

    def _as_read(self, c: Claim, s) -> tuple[Unit, str] | None:
        """The unit a careful reader checks the claim in when it is not the one extracted,
        and the words that say so: a small "%" move of a rate is in points, a bare move under
        a column headed in percent is in percent."""
        if not c.checkable:
            return None
        if points_reading(c, s):
            return Unit.PP, explain.SMALL_PERCENT_AS_POINTS
        if percent_column(c, s, self.text):
            return Unit.PERCENT, explain.PERCENT_COLUMN
        return None

    def _verify(self, c: Claim, m: Mapping, ref: date | None) -> Verdict:
        if not c.checkable:
            return check_forecast(c, m, self.store)
        if m.series_id is None:
            return unmapped(m)
        if m.confidence < MIN_CONFIDENCE:
            return Verdict(Label.UNVERIFIABLE, explain.ambiguous(m.explanation), "ambiguous")
        if c.time is None or c.time.value is None:
            return Verdict(Label.UNVERIFIABLE, explain.NO_DATE, "no_date")
        if m.spread:
            return check_spread(c, m, self.catalog, self.store, self.policy)
        series, data = self.catalog.get(m.series_id), self.store.get(m.series_id)
        if series is None or data is None:
            return Verdict(Label.UNVERIFIABLE, explain.no_snapshot_data(m.series_id), "no_data")
        start, end = window(c, ref, self.policy)
        if start > data.last:
            return Verdict(Label.UNVERIFIABLE, explain.data_ends(series.id, data.last, c.time.value), "no_data_for_date")
        if end < data.first:
            return Verdict(Label.UNVERIFIABLE, explain.data_starts(series.id, data.first, c.time.value),
                           "no_data_for_date")
        others = candidates(c, m, self.catalog, self.store)
        k = Case(c, series, data, start, end, ref, self.policy, self.store, self.reference_basis == "inferred",
                 others=others, preceding=preceding(self.text, c), heading=self.heading)
        return judge(k, route)
