"""Reports as pandas DataFrames, for analysts who work there.

``Report.to_dataframe()``: one row per claim. ``factcheck.batch.to_dataframe(rows)``: one
row per document of a batch. Columns are typed, not left as ``object``: integers as
nullable ``Int64``, numbers as ``Float64``, flags as ``boolean``, verdicts as an ordered
``category`` (flags first, as reviews list them), text as ``string`` and days as
``datetime64``. A claim's ``date`` can be a month ("2025-01"), so it stays text and the
``day`` column holds it as a date only when it names one.
"""
from __future__ import annotations

import pandas as pd

from .render.flags import RANK, strength
from .report import LABELS

CLAIM_TYPES = {"n": "Int64", "start": "Int64", "end": "Int64", "text": "string", "value": "Float64",
               "unit": "string", "kind": "string", "series": "string", "date": "string", "date_basis": "string",
               "checkable": "boolean", "hedge": "string", "label": pd.CategoricalDtype(RANK, ordered=True),
               "difference": "Float64", "tolerance": "Float64", "strength": "Float64", "observed_value": "Float64",
               "observed_source": "string", "rule": "string", "explanation": "string", "fingerprint": "string",
               "review": "string", "document": "string"}


def _claim_record(i: int, c: dict, path: str | None) -> dict:
    v = c["verdict"]
    first = v["observed"][0] if v["observed"] else {}
    return {"document": path, "n": i, "start": c["value_span"][0], "end": c["value_span"][1], "text": c["text"],
            "value": c["value"], "unit": c["unit"], "kind": c["kind"], "series": (c["series"] or {}).get("id"),
            "date": c["date"], "date_basis": c.get("date_basis"), "checkable": c["checkable"], "hedge": c.get("hedge"),
            "label": v["label"], "difference": v["difference"], "tolerance": v["tolerance"], "strength": strength(v),
            "observed_date": first.get("date"), "observed_value": first.get("value"),
            "observed_source": first.get("source"), "rule": v.get("rule"), "explanation": v["explanation"],
            "fingerprint": c.get("fingerprint"), "review": (c.get("review") or {}).get("action")}


def claims_frame(report: dict) -> pd.DataFrame:
    """One row per claim of a ``factcheck.report/1`` dict."""
    path = report["document"].get("path")
    frame = pd.DataFrame([_claim_record(i, c, path) for i, c in enumerate(report["claims"], 1)],
                         columns=["document", "n", "start", "end", "text", "value", "unit", "kind", "series", "date",
                                  "date_basis", "checkable", "hedge", "label", "difference", "tolerance", "strength",
                                  "observed_date", "observed_value", "observed_source", "rule", "explanation",
                                  "fingerprint", "review"])
    frame = frame.astype(CLAIM_TYPES)
    frame["day"] = pd.to_datetime(frame["date"].where(frame["date"].str.len() == 10), errors="coerce")
    frame["observed_date"] = pd.to_datetime(frame["observed_date"], errors="coerce")
    return frame


def documents_frame(rows) -> pd.DataFrame:
    """One row per document of a batch: status, reference date, counts per verdict."""
    records = [{"document": r.path, "status": r.status, "error": r.error, "reference_date": r.reference_date,
                "claims": r.summary.get("claims", 0), **{k: r.summary.get(k, 0) for k in LABELS}, "wrong": r.wrong}
               for r in rows]
    columns = ["document", "status", "error", "reference_date", "claims", *LABELS, "wrong"]
    frame = pd.DataFrame(records, columns=columns)
    types = {"document": "string", "status": pd.CategoricalDtype(["ok", "skipped", "error"]), "error": "string",
             "claims": "Int64", "wrong": "Int64", **{k: "Int64" for k in LABELS}}
    frame = frame.astype(types)
    frame["reference_date"] = pd.to_datetime(frame["reference_date"], errors="coerce")
    return frame
