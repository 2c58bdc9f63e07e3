"""Markdown for a review ticket: one table row per claim, in document order, or with the
flags first, strongest first, when the verdicts carry strengths; the readings tried are
listed under the evidence."""
from __future__ import annotations

from ..report import Report
from .flags import list_order, readings
from .options import RenderOptions
from .units import observed_value


def cell(s: str) -> str:
    return " ".join(str(s).split()).replace("|", "\\|")


def readings_text(claim: dict) -> str:
    """"readings tried: stated day close 2.330% on 2026-01-20 (failed); ..." or ""."""
    parts = []
    said = claim["verdict"]["explanation"]
    for r in readings(claim["verdict"]):
        seen = ", ".join(observed_value(claim, v, "close") + (f" on {d}" if d else "") for d, v in r.observed)
        held = {True: "held", False: "failed"}.get(r.held, "not settled")
        note = r.note if r.note and r.note not in said else ""  # the evidence above says it already
        parts.append(f"{r.name}{' ' + seen if seen else ''} ({held}{'; ' + note if note else ''})")
    return "readings tried: " + "; ".join(parts) if parts else ""


def render_markdown(report: Report, options: RenderOptions | None = None) -> str:
    d = report.to_dict()
    doc = d["document"]
    lines = [f"## factcheck: {doc['path'] or 'document'}", "",
             f"Reference date **{doc['reference_date']}** ({doc['reference_date_basis']}); data to {doc['data_vintage']}.",
             "", "Summary: " + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in d["summary"].items() if v), "",
             "| # | claim | series | date | verdict | evidence |", "|---|---|---|---|---|---|"]
    for i in list_order(d["claims"]):
        c = d["claims"][i]
        series = (c["series"] or {}).get("id") or (c.get("instrument") or {}).get("id", "—")
        label = c["verdict"]["label"]
        mark = "**" if label in ("inaccurate", "misdated") else ""
        tried = readings_text(c)
        evidence = c["verdict"]["explanation"] + (f"<br>{tried}" if tried else "")
        lines.append(f"| {i + 1} | {cell(c['text'])} | {cell(series)} | {c['date'] or '—'} | {mark}{label}{mark} | "
                     f"{cell(evidence)} |")
    for w in d.get("warnings", []):
        lines += ["", f"> warning: {cell(w)}"]
    return "\n".join(lines) + "\n"
