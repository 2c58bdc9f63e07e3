"""Plain renderers: Markdown (for a review ticket), CSV (one row per claim) and
schema.org ClaimReview JSON-LD (one object per checked claim)."""
from __future__ import annotations

import csv
import io
import json
from datetime import date

from ..report import Report

RATING = {"accurate": 5, "approximately_accurate": 4, "misdated": 2, "inaccurate": 1}
CSV_FIELDS = ("n", "start", "end", "text", "value", "unit", "kind", "series", "date", "date_basis", "checkable",
              "label", "observed_date", "observed_value", "observed_source", "difference", "tolerance", "rule",
              "explanation", "fingerprint")


def _cell(s: str) -> str:
    return " ".join(str(s).split()).replace("|", "\\|")


def render_markdown(report: Report) -> str:
    d = report.to_dict()
    doc = d["document"]
    lines = [f"## factcheck: {doc['path'] or 'document'}", "",
             f"Reference date **{doc['reference_date']}** ({doc['reference_date_basis']}); data to {doc['data_vintage']}.",
             "", "Summary: " + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in d["summary"].items() if v), "",
             "| # | claim | series | date | verdict | evidence |", "|---|---|---|---|---|---|"]
    for i, c in enumerate(d["claims"], 1):
        series = (c["series"] or {}).get("id") or (c.get("instrument") or {}).get("id", "—")
        label = c["verdict"]["label"]
        mark = "**" if label in ("inaccurate", "misdated") else ""
        lines.append(f"| {i} | {_cell(c['text'])} | {_cell(series)} | {c['date'] or '—'} | {mark}{label}{mark} | "
                     f"{_cell(c['verdict']['explanation'])} |")
    for w in d.get("warnings", []):
        lines += ["", f"> warning: {_cell(w)}"]
    return "\n".join(lines) + "\n"


def render_csv(report: Report) -> str:
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    w.writeheader()
    for i, c in enumerate(report.to_dict()["claims"], 1):
        v = c["verdict"]
        first = v["observed"][0] if v["observed"] else {}
        w.writerow({"n": i, "start": c["value_span"][0], "end": c["value_span"][1], "text": " ".join(c["text"].split()),
                    "value": c["value"], "unit": c["unit"], "kind": c["kind"],
                    "series": (c["series"] or {}).get("id", ""), "date": c["date"] or "", "date_basis": c["date_basis"],
                    "checkable": c["checkable"], "label": v["label"], "observed_date": first.get("date", ""),
                    "observed_value": first.get("value", ""), "observed_source": first.get("source", ""),
                    "difference": "" if v["difference"] is None else v["difference"],
                    "tolerance": "" if v["tolerance"] is None else v["tolerance"], "rule": v["rule"],
                    "explanation": v["explanation"], "fingerprint": c["fingerprint"]})
    return out.getvalue()


def render_claimreview(report: Report, url: str | None = None, review_date: date | None = None,
                       publisher: str = "factcheck") -> str:
    """ClaimReview objects for claims with a truth rating (VERDICTS.md: 5 accurate ... 1
    inaccurate); unverifiable and not_checkable claims have no rating and are left out."""
    d = report.to_dict()
    doc = d["document"]
    base = url or (f"file://{doc['path']}" if doc["path"] else "urn:factcheck:document")
    reviewed = (review_date or date.today()).isoformat()
    items = []
    for i, c in enumerate(d["claims"], 1):
        label = c["verdict"]["label"]
        if label not in RATING:
            continue
        claim = {"@type": "Claim", "appearance": {"@type": "CreativeWork", "url": base}}
        if doc["published"]:
            claim["datePublished"] = doc["published"]
        items.append({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"{base}#claim-{i}",
            "claimReviewed": " ".join(c["sentence"].split()),
            "datePublished": reviewed,
            "author": {"@type": "Organization", "name": publisher},
            "itemReviewed": claim,
            "reviewRating": {"@type": "Rating", "ratingValue": RATING[label], "bestRating": 5, "worstRating": 1,
                             "alternateName": label.replace("_", " ")},
            "reviewBody": c["verdict"]["explanation"],
        })
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"
