"""The batch-wide files: ``index.html`` (styled; one row per document with its reference
date, counts per verdict and a link to its HTML review page), ``summary.csv`` (the same
rows) and ``claims.csv`` (every claim of every document, one row each).

Links are always relative and start with ``./``, and the file name in them is
percent-encoded, so a document named ``javascript:alert(1).txt`` is a relative file link,
never a script. CSV cells that a spreadsheet would run as a formula are neutralised
(:func:`factcheck.render.csv.safe_cell`).
"""
from __future__ import annotations

import html
import io
from pathlib import Path
from urllib.parse import quote

import orjson

from .render.csv import FIELDS as CLAIM_FIELDS
from .render.csv import claim_row, safe_cell, write_rows
from .render.style import BASE, COLOURS
from .report import LABELS

E = html.escape
SUMMARY_FIELDS = ("document", "status", "error", "reference_date", "claims", *LABELS, "wrong", "wrong_series",
                  "note")


def summarize(rows) -> dict:
    totals: dict[str, int] = {}
    series: dict[str, int] = {}
    for r in rows:
        for k, v in r.summary.items():
            totals[k] = totals.get(k, 0) + v
        for s in r.wrong_series:
            series[s] = series.get(s, 0) + 1
    return {"documents": len(rows), "ok": sum(r.status == "ok" for r in rows),
            "skipped": sum(r.status == "skipped" for r in rows), "errors": sum(r.status == "error" for r in rows),
            "verdicts": totals, "most_wrong_series": sorted(series.items(), key=lambda kv: (-kv[1], kv[0]))[:10]}


def ordered(rows) -> list:
    """Errors first, then the documents with the most wrong claims."""
    return sorted(rows, key=lambda r: (r.status != "error", -r.wrong, -r.summary.get("unverifiable", 0), r.path))


def relative_link(rel: str, suffix: str = ".html") -> str:
    """``./`` + the percent-encoded path of a document's report."""
    return "./" + quote(rel + suffix, safe="/")


def summary_csv(rows) -> str:
    return write_rows(SUMMARY_FIELDS, ({"document": r.path, "status": r.status, "error": r.error or "",
                                        "reference_date": r.reference_date or "", "claims": r.summary.get("claims", 0),
                                        **{k: r.summary.get(k, 0) for k in LABELS}, "wrong": r.wrong,
                                        "wrong_series": " ".join(sorted(set(r.wrong_series))),
                                        "note": r.note or ""} for r in ordered(rows)))


def claims_csv(rows, out: Path) -> str:
    """Every claim of the batch, read back from each document's JSON report in path order
    (one report in memory at a time)."""
    buf = io.StringIO()
    fields = ("document", *CLAIM_FIELDS)
    write_rows(fields, (), buf)
    for r in sorted((r for r in rows if r.status != "error"), key=lambda r: r.path):
        try:
            d = orjson.loads((out / (r.path + ".json")).read_bytes())  # the parent reads them all: the fast parser
        except (OSError, ValueError):
            continue
        body = write_rows(fields, ({"document": r.path, **claim_row(i, c)} for i, c in enumerate(d["claims"], 1)))
        buf.write(body.split("\n", 1)[1])
    return buf.getvalue()


def _row_html(r, link=relative_link) -> str:
    name = f'<a href="{E(link(r.path))}">{E(r.path)}</a>' if r.status != "error" else E(r.path)
    cells = "".join(f'<td class="n">{r.summary.get(k, 0) or ""}</td>' for k in LABELS)
    note = E(r.error or "") if r.status == "error" else ("unchanged" if r.status == "skipped" else "")
    return (f"<tr class='{E(r.status)}'><td>{name}</td><td>{E(r.reference_date or '—')}</td>"
            f"<td class='n'>{r.summary.get('claims', 0)}</td>{cells}<td class='err'>{note}</td></tr>")


def index_html(rows, partial: bool = False, link=relative_link, title: str = "factcheck batch") -> str:
    """The index page; ``link(rel)`` gives each document's review page (relative)."""
    s = summarize(rows)
    head = "".join(f'<th><span class="dot" style="background:{COLOURS[k]}"></span>{E(k.replace("_", " "))}</th>'
                   for k in LABELS)
    series = "".join(f"<li>{E(k)}: {v}</li>" for k, v in s["most_wrong_series"]) or "<li>none</li>"
    totals = " · ".join(f"{E(k.replace('_', ' '))} {v}" for k, v in s["verdicts"].items() if v)
    note = "<p class='err'>Interrupted: this index covers the documents finished so far.</p>" if partial else ""
    body = "".join(_row_html(r, link) for r in ordered(rows))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{E(title)}</title><style>{BASE}.dot{{display:inline-block;width:9px;height:9px;border-radius:50%;margin-right:4px}}
td.n{{font-variant-numeric:tabular-nums}}</style></head><body>
<header><h1>{E(title)}</h1><p>{s['documents']} documents: {s['ok']} checked, {s['skipped']} unchanged,
{s['errors']} unreadable · claims: {totals or 'none'} · <a href="./summary.csv">summary.csv</a> ·
<a href="./claims.csv">claims.csv</a></p></header>
<main class="desk">{note}
<section class="panel"><h2>Documents (worst first)</h2><div class="scroll"><table class="index">
<tr><th>document</th><th>reference date</th><th>claims</th>{head}<th></th></tr>
{body}</table></div></section>
<section class="panel"><h2>Most frequently wrong series</h2><ul>{series}</ul></section></main></body></html>
"""


def write_batch_files(rows, out: Path, partial: bool = False) -> None:
    from .batch import _atomic_write

    _atomic_write(out / "summary.csv", summary_csv(rows))
    _atomic_write(out / "claims.csv", claims_csv(rows, out))
    _atomic_write(out / "index.html", index_html(rows, partial))


__all__ = ["summarize", "ordered", "relative_link", "summary_csv", "claims_csv", "index_html", "write_batch_files",
           "safe_cell"]
