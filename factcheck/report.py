"""The report: typed results for one document, its JSON contract and its renderers.

``Report.to_dict()`` is the ``factcheck.report/1`` contract of REPORT.md; renderers turn a
report into a terminal table or JSON. Extra fields (``instrument``, ``rule``,
``reference_inference``) are additions the contract allows.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from claims import Claim

from .resolve import Mapping
from .verify import Verdict

SCHEMA = "factcheck.report/1"
LABELS = ("accurate", "approximately_accurate", "misdated", "inaccurate", "unverifiable", "not_checkable")
COLOURS = {"accurate": "green", "approximately_accurate": "green3", "misdated": "yellow", "inaccurate": "red",
           "unverifiable": "grey62", "not_checkable": "blue"}


@dataclass
class ClaimResult:
    claim: Claim
    mapping: Mapping
    verdict: Verdict
    review: dict | None = None  # a reviewer's decision from a baseline file

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
            "series": m.to_dict(),
            "date": c.date,
            "date_basis": c.date_basis,
            "hedge": c.hedge,
            "threshold": c.threshold,
            "qualifiers": list(c.qualifiers),
            "checkable": c.checkable,
            "mention": c.mention,
            "verdict": self.verdict.to_dict(),
            "fingerprint": self.fingerprint,
        }
        if self.review:
            out["review"] = self.review
        if m.instrument is not None:
            out["instrument"] = {"id": m.instrument.id, "name": m.instrument.name, "tracked": m.instrument.tracked}
        if c.range_low is not None:
            out["range"] = [c.range_low, c.range_high]
        return out


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
    def summary(self) -> dict:
        out = {"claims": len(self.results)}
        for label in LABELS:
            out[label] = sum(1 for r in self.results if r.verdict.label == label)
        if self.suppressed or any(r.review for r in self.results):
            out["suppressed_by_baseline"] = len(self.suppressed)
            out["overridden_by_baseline"] = sum(1 for r in self.results if r.review)
        return out

    def apply_baseline(self, decisions: dict) -> None:
        """Drop suppressed claims from the findings and set overridden verdicts."""
        kept = []
        for r in self.results:
            d = decisions.get(r.fingerprint)
            if d is None:
                kept.append(r)
            elif d.action == "suppress":
                self.suppressed.append(r)
            else:
                r.review = {"label": d.label, "was": r.verdict.label, "note": d.note}
                r.verdict.explanation = f"Reviewer: {d.label} ({d.note or 'no note'}); tool said {r.verdict.label}. " \
                                        + r.verdict.explanation
                r.verdict.label = d.label
                kept.append(r)
        self.results = kept

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
                                  "label": r.verdict.label} for r in self.suppressed]
        return out

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def __rich__(self):
        return render_table(self)


def render_table(report: Report):
    """A rich renderable: one row per claim with its verdict and one line of evidence."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    basis = report.reference_date_basis
    head = Text.assemble(("factcheck ", "bold"), (report.path or "<text>", "cyan"), "  reference date ",
                         (str(report.reference_date), "bold"), f" ({basis})")
    if report.reference_inference.get("window"):
        w = report.reference_inference["window"]
        head.append(f"  inferred: {report.reference_inference['agreeing']} of "
                    f"{report.reference_inference['claims']} claims agree {w[0]}..{w[1]}")
    table = Table(show_lines=True, expand=True, pad_edge=False)
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("claim and evidence", ratio=1)
    table.add_column("verdict", no_wrap=True)
    for i, r in enumerate(report.results, 1):
        label = r.verdict.label
        series = r.mapping.series_id or (f"{r.mapping.instrument.id} (no data source)" if r.mapping.instrument else "no series")
        cell = Text.assemble((" ".join(r.claim.text.split()), "bold"), ("  " + series, "cyan"), ("  " + (r.claim.date or "no date"), "dim"),
                             "\n", r.verdict.explanation)
        table.add_row(str(i), cell, Text(label, style=COLOURS[label]))
    summary = "  ".join(f"{k}={v}" for k, v in report.summary.items() if v or k == "claims")
    parts = [head, table, Text(summary, style="bold")]
    for w in report.warnings:
        parts.append(Text(f"warning: {w}", style="yellow"))
    return Group(*parts)
