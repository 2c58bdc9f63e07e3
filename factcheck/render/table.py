"""The terminal report (a rich renderable): one row per claim with its verdict and one
line of evidence, the flags first and strongest first when the verdicts carry strengths,
and the readings tried under the evidence."""
from __future__ import annotations

import io

from ..labels import Label
from ..report import Report
from .flags import list_order
from .markdown import readings_text
from .options import RenderOptions


def _heading(report: Report):
    from rich.text import Text

    head = Text.assemble(("factcheck ", "bold"), (report.path or "<text>", "cyan"), "  reference date ",
                         (str(report.reference_date), "bold"), f" ({report.reference_date_basis})")
    if report.reference_inference.get("window"):
        w = report.reference_inference["window"]
        head.append(f"  inferred: {report.reference_inference['agreeing']} of "
                    f"{report.reference_inference['claims']} claims agree {w[0]}..{w[1]}")
    return head


def render_table(report: Report):
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    claims = report.to_dict()["claims"]
    table = Table(show_lines=True, expand=True, pad_edge=False)
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("claim and evidence", ratio=1)
    table.add_column("verdict", no_wrap=True)
    for i in list_order(claims):
        c = claims[i]
        label = c["verdict"]["label"]
        series = (c["series"] or {}).get("id") or (f"{c['instrument']['id']} (no data source)" if c.get("instrument")
                                                   else "no series")
        cell = Text.assemble((" ".join(c["text"].split()), "bold"), ("  " + series, "cyan"),
                             ("  " + (c["date"] or "no date"), "dim"), "\n", c["verdict"]["explanation"])
        tried = readings_text(c)
        if tried:
            cell.append("\n" + tried, style="dim")
        table.add_row(str(i + 1), cell, Text(label, style=Label(label).style.colour))
    summary = "  ".join(f"{k}={v}" for k, v in report.summary.items() if v or k == "claims")
    parts = [_heading(report), table, Text(summary, style="bold")]
    parts += [Text(f"warning: {w}", style="yellow") for w in report.warnings]
    return Group(*parts)


def render_text(report: Report, options: RenderOptions | None = None) -> str:
    """The table as plain text, ``options.width`` columns wide (for files)."""
    from rich.console import Console

    buf = io.StringIO()
    Console(file=buf, width=(options or RenderOptions()).width, soft_wrap=False).print(render_table(report))
    return buf.getvalue()
