"""The single-document API: text in, :class:`~factcheck.report.Report` out."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache

import claims

from . import charts
from .catalog import Catalog, load_catalog
from .errors import DataError, FactcheckError, InputError
from .labels import Label
from .plausible import RecentRange
from .policy import Policy, load_policy
from . import session
from .refdate import ReferenceDate, given_or_written, infer, own_best_date
from .report import INTERNAL_ERROR, ClaimResult, Report
from .resolve import Mapping, Resolver
from .store import Store
from .verify import Verdict, Verifier, explain
from claims.rules.nonclaims import MAX_NUMBERS_PER_SENTENCE, MAX_SENTENCE_CHARS


@dataclass
class Checker:
    """Everything a check needs, loaded once and reused across documents."""

    catalog: Catalog
    store: Store
    policy: Policy

    @classmethod
    def default(cls, catalog_file: str | None = None, policy_file: str | None = None) -> "Checker":
        catalog = load_catalog(catalog_file)
        return cls(catalog, Store(catalog), load_policy(policy_file))

    def _own_window(self, c: claims.Claim, m: Mapping) -> None:
        """No reference date fits the document: an undated claim is checked at its own
        best date, marked ``date_basis: own_best_date``."""
        if not c.checkable or (c.time is not None and c.time.value):
            return
        best = own_best_date(c, m, self.catalog, self.store, self.policy)
        if best is not None:
            c.time = claims.TimeRef("", c.start, c.start, best.isoformat(), "day", "point")
            c.date_basis = claims.DateBasis.OWN_BEST_DATE

    def _refresh(self, series_ids: set[str]) -> list[str]:
        """``--online``: fetch the series this document needs within ONLINE_BUDGET
        seconds; a failure is a warning (one per source) and the check goes on with the
        cache and snapshot."""
        from .sources import Http, HttpConfig
        from .update import update

        ids = sorted(i for i in series_ids if ":" not in i and (s := self.catalog.get(i)) is not None and s.tracked)
        http = Http(HttpConfig.from_env(budget=ONLINE_BUDGET, connect_timeout=ONLINE_BUDGET))
        try:
            result = update(self.catalog, ids, self.store.fetched, http)
        except DataError as exc:  # the cache cannot be written: check with what is there
            return [f"could not update the data ({exc}); using the cached/offline data"]
        finally:
            self.store.reload()
        return [f"could not update {', '.join(failed)} ({source}: {message}); using the cached/offline data"
                for source, (message, failed) in result.failures_by_source().items()]

    def _resolve(self, found: list[claims.Claim], resolver: Resolver, text: str) -> list[Mapping]:
        return [self._with_own_data(m) for m in resolver.resolve_all(found, text)]

    def _with_own_data(self, m: Mapping) -> Mapping:
        """A known instrument without a live source (TOPIX) whose data the user imported
        is checked against them like any series."""
        s = m.instrument
        if m.series_id is not None or s is None or s.tracked or self.store.get(s.id) is None:
            return m
        return Mapping(s.id, s.name, m.confidence, f"{s.name}: your imported data ({m.explanation})")

    def _known_but_empty(self, m: Mapping) -> Mapping:
        """A catalog series with no observations here (none in the snapshot, nothing
        fetched yet) is reported like TOPIX: ``series: null`` plus the instrument, and the
        verdict says what to fetch."""
        if m.series_id is None or m.spread:
            return m
        s = self.catalog.get(m.series_id)
        if s is None or self.store.get(s.id) is not None:
            return m
        withheld = self.store.withheld(s.id)
        if withheld is not None:
            lic = self.catalog.licences.get(withheld)
            return Mapping(None, confidence=m.confidence, instrument=s,
                           explanation=f"{m.explanation}; no data shipped (licence): this snapshot was built for "
                                       f"redistribution and leaves out {s.id} ({lic.name if lic else withheld})")
        src = ", ".join(f"{x['source']} {x['code']}" for x in s.sources) or "none"
        return Mapping(None, confidence=m.confidence, instrument=s,
                       explanation=f"{m.explanation}; no {s.id} data here (sources: {src}); run `factcheck data update {s.id}`")

    def check(self, text: str, published: date | str | None = None, path: str | None = None,
              online: bool = False) -> Report:
        """Extract, map and verify every claim of ``text``; :class:`InputError` when
        ``text`` is not a string or ``published`` not a date (or ``YYYY-MM-DD``).

        Every step reads the text normalised (:func:`claims.normalize`: invisible
        characters, full-width digits, odd spaces and line ends); the claims' spans are put
        back into ``text`` as given before the report is made. A defect met while checking
        one claim makes that claim ``unverifiable`` (internal error), never the document.
        """
        published = checked_input(text, published)
        if not text.strip():
            return self._no_text(published, path)
        norm = claims.normalize(text)
        resolver = Resolver(self.catalog)
        ref = self._reference(norm.text, published, resolver)
        rejected: list[tuple[int, int, str]] = []
        found = claims.extract(norm.text, ref.date, self.catalog.vocabulary(), rejected)
        mappings = self._resolve(found, Resolver(self.catalog, RecentRange(self.store, ref.date)), norm.text)
        warnings: list[str] = []
        if online:
            warnings += self._refresh({m.series_id for m in mappings if m.series_id} |
                                      {m.instrument.id for m in mappings if m.instrument is not None})
        stated = [(c.value, c.range_low, c.range_high, c.unit, c.precision) for c in found]
        moved = session.settle(found, mappings, ref.date, self.catalog, self.store, self.policy, self._oriented)
        if moved is not None:
            ref.detail = {**ref.detail, **moved}
        verifier = Verifier(self.catalog, self.store, self.policy, ref.basis, norm.text)
        results = [self._judged(verifier, c, m, ref.date) for c, m in zip(found, mappings)]
        as_stated(found, stated)
        claims.restore(found, norm, rejected)
        report = Report(path, ref.published.isoformat() if ref.published else None,
                        ref.date.isoformat() if ref.date else None, ref.basis, results, ref.detail,
                        self.store.vintage)
        report.text = text
        report.warnings += warnings + self.store.warnings + unread_numbers(rejected)
        needs_ref = any(c.checkable and c.date_basis != claims.DateBasis.EXPLICIT for c in found)
        if ref.basis == "none" and needs_ref:
            why = ref.detail.get("reason", "")
            report.warnings.append(f"no reference date ({why}): give --date YYYY-MM-DD; undated claims are checked "
                                   "at their own best date (date_basis own_best_date)")
        return report

    def _reference(self, text: str, published: date | None, resolver: Resolver) -> ReferenceDate:
        """The date undated claims are checked at: given, written in the text, or worked
        out from the figures (:mod:`factcheck.refdate`)."""
        ref = given_or_written(text, published)
        if ref is not None:
            return ref
        first = claims.extract(text, None, self.catalog.vocabulary())
        mappings = self._resolve(first, resolver, text)
        return infer(text, [self._oriented(c, m) for c, m in zip(first, mappings)], mappings, self.catalog,
                     self.store, self.policy)

    def _oriented(self, c: claims.Claim, m: Mapping) -> claims.Claim:
        """A copy of ``c`` in its series' terms (see :func:`orient`), for weighing where it
        fits before it is checked."""
        c = replace(c, trace=dict(c.trace))
        orient(c, m, self.catalog)
        return c

    def _judged(self, verifier: Verifier, c: claims.Claim, m: Mapping, ref: date | None) -> ClaimResult:
        """One claim put in its series' terms, dated when the document has no date,
        verified and given its chart. A defect on the way (any exception but a
        :class:`FactcheckError`, which concerns the whole run) becomes this claim's
        ``unverifiable`` verdict with rule ``internal_error``, its traceback goes to the
        ``factcheck`` logger (stderr), and the other claims are checked as usual."""
        try:
            orient(c, m, self.catalog)
            m = self._known_but_empty(m)
            if ref is None:
                self._own_window(c, m)
            result = ClaimResult(c, m, verifier.verify(c, m, ref))
            charts.attach([result], self.catalog, self.store)  # renderers draw from the report, not the store
            return result
        except FactcheckError:
            raise
        except Exception as exc:
            log.error("internal error while checking %r in %r", c.text, c.sentence[:300], exc_info=True)
            return ClaimResult(c, m, Verdict(Label.UNVERIFIABLE, explain.internal_error(type(exc).__name__),
                                             INTERNAL_ERROR))

    def _no_text(self, published: date | None, path: str | None) -> Report:
        """An empty or blank document: a report with no claims that says so (``check`` and
        ``batch`` alike), not an error."""
        day = published.isoformat() if published else None
        report = Report(path, day, day, "given" if published else "none", [], {}, self.store.vintage)
        report.text = ""
        report.warnings.append(NO_TEXT)
        return report


log = logging.getLogger("factcheck")
ONLINE_BUDGET = 4.0  # seconds `check --online` may spend fetching before it falls back
NO_TEXT = "no text: the document is empty or blank, so there is nothing to check"
EARLIEST = date(1900, 1, 1)


# numbers the extractor leaves unread for a reason the writer should hear about (not the
# ordinary ones: years, counts, days of the month), by the rule of claims.rules.nonclaims
UNREAD = {
    "long_sentence": f"in a sentence over {MAX_SENTENCE_CHARS:,} characters (a table, a log or text without full "
                     "stops); break it into sentences to check them",
    "crowded_sentence": f"in a sentence with over {MAX_NUMBERS_PER_SENTENCE} numbers (a table or a list)",
    "too_large": "too long to be a market value",
}


def unread_numbers(rejected: list[tuple[int, int, str]]) -> list[str]:
    """One warning per reason in :data:`UNREAD`: how many numbers, and where the first is
    (a character offset of the text as given)."""
    out = []
    for rule, why in UNREAD.items():
        spans = [(a, b) for a, b, r in rejected if r == rule]
        if spans:
            n = len(spans)
            out.append(f"{n} number{'s' if n > 1 else ''} not checked, {why} (first at characters "
                       f"{spans[0][0]}-{spans[0][1]})")
    return out


def checked_input(text, published) -> date | None:
    """The API's arguments as types, or :class:`InputError` saying what is wrong."""
    if not isinstance(text, str):
        raise InputError(f"text must be a string, got {type(text).__name__}")
    if published is None or (isinstance(published, date) and not isinstance(published, datetime)):
        day = published
    elif isinstance(published, datetime):
        day = published.date()
    elif isinstance(published, str):
        try:
            day = date.fromisoformat(published.strip())
        except ValueError:
            raise InputError(f"published must be a date YYYY-MM-DD, got {published[:40]!r}") from None
    else:
        raise InputError(f"published must be a date or 'YYYY-MM-DD', got {type(published).__name__}")
    if day is not None and not (EARLIEST <= day <= date(2200, 12, 31)):
        raise InputError(f"published {day} is outside the years 1900-2200")
    return day


def orient(c: claims.Claim, m, catalog: Catalog) -> None:  # noqa: D401
    """Put a claim in the series' own terms: "the yen lost 6 yen" is dollar-yen +6, a range
    stated for a policy rate ("range of 0 to 0.1%", "to 3.50%-3.75%") is the policy rate at its
    upper bound, and a dollar price (or a move in cents) of a series quoted in dollars is in
    the series' unit."""
    in_units_of(c, m.instrument if m.series_id is None else catalog.get(m.series_id))
    s = catalog.get(m.series_id) if m.series_id else None
    if s is not None and c.per_one and s.asset_class == "fx" and c.unit != s.unit and c.value > 0:
        v, p = c.value, min(c.precision, c.value / 2)  # "1 yen reached US$0.0069": 1/0.0069 yen per dollar
        c.value, c.unit, c.precision = 1 / v, s.unit, (1 / (v - p) - 1 / (v + p)) / 2
        c.subject_quote = True  # a high of the yen's dollar price is a low of dollar-yen
    if s is not None and s.unit == claims.Unit.PERCENT and c.unit == claims.Unit.POINTS and c.kind == claims.Kind.CHANGE:
        c.unit = claims.Unit.PP  # "the yield has edged up by 0.20 points": percentage points of a rate
    if s is not None and s.asset_class == "policy_rate" and c.range_high is not None:
        # a range stated for a policy rate is its target range ("between 3.5% and 3.75%")
        c.value, c.range_low, c.range_high = c.range_high, None, None  # a target range: its upper bound
        c.decimals = max(c.decimals, 0)
    if s is not None and s.asset_class == "policy_rate" and c.kind == claims.Kind.LEVEL and \
            c.unit in (claims.Unit.BP, claims.Unit.PP):
        c.kind = claims.Kind.CHANGE  # a policy rate stands in percent; "by a total of 0.75 percentage points" is a move
        c.value = -abs(c.value) if c.direction < 0 else c.value
    if s is not None and s.asset_class == "policy_rate" and c.kind == claims.Kind.LEVEL:
        c.precision = min(c.precision, 0.005)  # "1%" for a policy rate means 1.00%, set in 25 bp steps
    if s is not None and s.asset_class == "fx" and c.subject_quote and c.direction != 0:
        c.direction = -c.direction
        if c.kind == claims.Kind.CHANGE:
            c.value = -c.value


def in_units_of(c: claims.Claim, s) -> None:
    """A claim in the unit of the instrument it is about (tracked or not): a bare number
    takes the instrument's unit ("at 164" is dollar-yen's 164 yen), a price in the currency
    the instrument is priced in is its level ("the euro at $1.19" is EUR/USD 1.19, "Brent
    at $67.59" Brent 67.59), and "fell $1.28 to $69.87" makes the $1.28 the move."""
    if s is None:
        return
    if c.implied_unit and c.unit != s.unit and {c.unit, s.unit} <= {claims.Unit.FX, claims.Unit.POINTS}:
        c.unit = s.unit
    if s.price_currency is not None and (c.unit == s.price_currency or (c.unit == claims.Unit.FX and s.price_currency ==
                                                                         claims.Unit.JPY and s.asset_class != "fx")):
        c.unit = s.unit
        if c.kind == claims.Kind.LEVEL and _money_move(c):
            c.kind, c.value = claims.Kind.CHANGE, -abs(c.value) if c.direction < 0 else c.value


MONEY_MOVE = re.compile(r"\s*(?:,\s*or\s+\d[\d.,]*\s*(?:%|per\s*cent|percent)|,?\s*(?:to|at)\s+(?:a\s+)?(?:record\s+)?"
                        r"(?:high\s+of\s+)?(?:US)?\$)", re.I)


def _money_move(c: claims.Claim) -> bool:
    """A dollar figure followed by the level it moved to ("up $48 to $4,948", "down $1.28 at
    $69.87") or by its percentage ("$1.28, or 1.8%") is a move: the extractor reads money
    amounts as levels."""
    return MONEY_MOVE.match(c.sentence[c.end - c.sentence_start:]) is not None


def as_stated(found: list[claims.Claim], stated: list[tuple]) -> None:
    """A policy range "to 3.50%-3.75%" was checked at its upper bound (:func:`orient`); the
    report gives it as stated (GOLD.md: a range's value is its midpoint). "a range of 0 to
    0.1%" (``quoted_range``) names the rate by its bound and keeps it."""
    for c, (value, low, high, unit, precision) in zip(found, stated):
        if low is not None and c.range_low is None and c.quoted_range is None:
            c.value, c.range_low, c.range_high = value, low, high
        if c.per_one and c.unit != unit:  # an inverse quote, checked as the pair, reported as written
            c.value, c.unit, c.precision = value, unit, precision


@lru_cache(maxsize=1)
def default_checker() -> Checker:
    return Checker.default()


def check_text(text: str, published: date | str | None = None, path: str | None = None) -> Report:
    """Extract, map and verify every numeric claim in ``text``.

    ``published`` is the document's date; without it the date written in the text is used,
    else one is inferred from the claims themselves (``reference_date_basis`` says which).
    """
    return default_checker().check(text, published, path)
