"""The report: typed results for one document, its JSON contract and its renderers.

``Report.to_dict()`` is the ``factcheck.report/1`` contract of REPORT.md; renderers turn a
report into a terminal table or JSON. Extra fields (``instrument``, ``rule``,
``reference_inference``) are additions the contract allows.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

from claims import Claim

from .resolve import Mapping
from .labels import Label
from .verify import Verdict

SCHEMA = "factcheck.report/1"
LABELS = tuple(label.value for label in Label)  # the summary's order
INTERNAL_ERROR = "internal_error"  # the rule of a verdict whose check met a defect (factcheck.api)


_PLAIN = (str, int, bool, type(None))  # exactly these types hold no float (a subclass goes the long way)


def finite(value):
    """``value`` with every NaN or infinite float inside it replaced by ``None``: JSON has
    no such numbers, and a report must always be valid JSON (``json.dumps`` would write
    ``NaN``/``Infinity``, which strict readers refuse)."""
    if type(value) in _PLAIN:
        return value
    if type(value) is float:
        return value if math.isfinite(value) else None
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite(v) for v in value]
    return value


def period_of(c: Claim) -> dict:
    """A move's period as the report states it: where it is measured from (a day, month or
    year, or a count of sessions), the words that said so and the baseline (the close
    before the period, or its peak, trough or levels)."""
    s = c.since
    out = {"from": s.value, "words": s.text, "baseline": c.baseline or "close"}
    if s.sessions:
        out["sessions"] = s.sessions
    if s.days:
        out["days"] = s.days
    return out


def qualifier_labels(c: Claim) -> list[str]:
    """The report's qualifier names; a policy range quoted by its bounds ("a range of 0 to
    0.1%") is listed as ``range_of:LOW-HIGH`` (its value is then the upper bound)."""
    quoted = [f"range_of:{c.quoted_range[0]:g}-{c.quoted_range[1]:g}"] if c.quoted_range is not None else []
    return quoted + [q.label for q in c.qualifiers]


@dataclass
class ClaimResult:
    claim: Claim
    mapping: Mapping
    verdict: Verdict
    review: dict | None = None  # a reviewer's decision from a baseline file
    series_unit: str | None = None  # the unit the series publishes (set with the chart)
    chart: dict | None = None  # the observations a chart draws (factcheck.charts)

    @property
    def fingerprint(self) -> str:
        from .baseline import fingerprint

        return fingerprint(self.claim.sentence, self.claim.text, self.mapping.series_id)

    def to_dict(self) -> dict:
        c, m = self.claim, self.mapping
        out = {
            "value_span": [c.start, c.end],
            "text": c.text,
            "sentence": c.sentence,
            "value": c.value,
            "unit": c.unit,
            "kind": c.kind,
            "series": self._series(),
            "date": c.date,
            "date_basis": c.date_basis,
            "hedge": c.hedge,
            "threshold": c.threshold,
            "qualifiers": qualifier_labels(c),
            "checkable": c.checkable,
            "mention": c.mention,
            "verdict": self.verdict.to_dict(),
            "fingerprint": self.fingerprint,
            "trace": dict(c.trace),  # the rules that decided the claim's kind, date, modality, qualifiers
        }
        if self.review:
            out["review"] = self.review
        if m.instrument is not None:
            out["instrument"] = {"id": m.instrument.id, "name": m.instrument.name, "tracked": m.instrument.tracked}
        if c.range_low is not None:
            out["range"] = [c.range_low, c.range_high]
        if c.since is not None and c.kind == "change":
            out["period"] = period_of(c)
        if self.chart:
            out["chart"] = self.chart
        return out

    def _series(self) -> dict | None:
        series = self.mapping.to_dict()
        if series is not None and self.series_unit:
            series["unit"] = self.series_unit
        return series


@dataclass
class Report:
    path: str | None
    published: str | None
    reference_date: str | None
    reference_date_basis: str
    results: list[ClaimResult] = field(default_factory=list)
    reference_inference: dict = field(default_factory=dict)
    data_vintage: str | None = None
    warnings: list[str] = field(default_factory=list)
    suppressed: list[ClaimResult] = field(default_factory=list)
    text: str | None = None  # the document as read (for renderers that show it)
    text_note: str | None = None  # how the text was read, when not verbatim (HTML main text)

    @property
    def internal_errors(self) -> int:
        """Claims whose check met a defect of the program (unverifiable, rule ``internal_error``)."""
        return sum(1 for r in self.results if r.verdict.rule == INTERNAL_ERROR)

    @property
    def summary(self) -> dict:
        out = {"claims": len(self.results)}
        for label in LABELS:
            out[label] = sum(1 for r in self.results if r.verdict.label == label)
        if self.internal_errors:
            out["internal_errors"] = self.internal_errors
        if self.suppressed or any(r.review for r in self.results):
            out["suppressed_by_baseline"] = len(self.suppressed)
            out["overridden_by_baseline"] = sum(1 for r in self.results if r.review and r.review["action"] == "override")
            out["accepted_by_baseline"] = sum(1 for r in self.results if r.review and r.review["action"] == "accept")
        return out

    def apply_baseline(self, decisions: dict) -> None:
        """Apply a reviewer's decisions (:mod:`factcheck.baseline`): ``suppress`` drops a
        claim from the findings, ``override`` sets its verdict, ``accept`` confirms the
        tool's verdict and ``comment`` only attaches a note; each kept decision is recorded
        on the claim as ``review``."""
        kept = []
        for r in self.results:
            d = decisions.get(r.fingerprint)
            if d is None:
                kept.append(r)
                continue
            if d.action == "suppress":
                self.suppressed.append(r)
                continue
            was = r.verdict.label
            r.review = {"action": d.action, "label": d.label if d.action == "override" else was, "was": was,
                        "note": d.note}
            if d.action == "override":
                r.verdict.explanation = f"Reviewer: {d.label} ({d.note or 'no note'}); tool said {was}. " \
                                        + r.verdict.explanation
                r.verdict.label = Label(d.label)
            kept.append(r)
        self.results = kept

    def to_dataframe(self):
        """One row per claim with typed columns (see :func:`factcheck.frames.claims_frame`)."""
        from .frames import claims_frame

        return claims_frame(self.to_dict())

    def to_dict(self) -> dict:
        document = {"path": self.path, "published": self.published, "reference_date": self.reference_date,
                    "reference_date_basis": self.reference_date_basis, "data_vintage": self.data_vintage}
        if self.reference_inference:
            document["reference_inference"] = self.reference_inference
        if self.text_note:
            document["text_note"] = self.text_note
        out = {"schema": SCHEMA, "document": document, "claims": [r.to_dict() for r in self.results],
               "summary": self.summary}
        if self.warnings:
            out["warnings"] = list(self.warnings)
        if self.suppressed:
            out["suppressed"] = [{"fingerprint": r.fingerprint, "text": r.claim.text, "value_span": [r.claim.start, r.claim.end],
                                  "label": r.verdict.label.value} for r in self.suppressed]
        return finite(out)

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False, allow_nan=False)

    def __rich__(self):
        return render_table(self)


def render_table(report: Report):
    """The terminal table (kept here for callers of ``factcheck.report.render_table``)."""
    from .render.table import render_table as table

    return table(report)
