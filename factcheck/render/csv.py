"""CSV, one row per claim, safe to open in a spreadsheet: a text cell that starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return (a formula to Excel, LibreOffice and
Google Sheets) gets a leading apostrophe, unless it is a plain number such as "-0.4" or
"-2.5%", which no spreadsheet runs."""
from __future__ import annotations

import csv
import io
import re

from ..report import Report
from .options import RenderOptions

FIELDS = ("n", "start", "end", "text", "value", "unit", "kind", "series", "date", "date_basis", "checkable",
          "label", "observed_date", "observed_value", "observed_source", "difference", "tolerance", "rule",
          "explanation", "fingerprint")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?(?:\d[\d,]*)?(?:\.\d+)?%?")


def safe_cell(value: object) -> object:
    """``value`` unchanged unless it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def write_rows(fields: tuple[str, ...], rows, out: io.TextIOBase | None = None) -> str:
    """CSV of dict rows with every cell passed through :func:`safe_cell`."""
    buf = out or io.StringIO()
    w = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
    w.writeheader()
    for row in rows:
        w.writerow({k: safe_cell(v) for k, v in row.items()})
    return buf.getvalue() if out is None else ""


def claim_row(i: int, c: dict) -> dict:
    v = c["verdict"]
    first = v["observed"][0] if v["observed"] else {}
    return {"n": i, "start": c["value_span"][0], "end": c["value_span"][1], "text": " ".join(c["text"].split()),
            "value": c["value"], "unit": c["unit"], "kind": c["kind"], "series": (c["series"] or {}).get("id", ""),
            "date": c["date"] or "", "date_basis": c["date_basis"], "checkable": c["checkable"], "label": v["label"],
            "observed_date": first.get("date", ""), "observed_value": first.get("value", ""),
            "observed_source": first.get("source", ""),
            "difference": "" if v["difference"] is None else v["difference"],
            "tolerance": "" if v["tolerance"] is None else v["tolerance"], "rule": v["rule"],
            "explanation": v["explanation"], "fingerprint": c["fingerprint"]}


def render_csv(report: Report, options: RenderOptions | None = None) -> str:
    return write_rows(FIELDS, (claim_row(i, c) for i, c in enumerate(report.to_dict()["claims"], 1)))
