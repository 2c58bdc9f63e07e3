"""The ``factcheck.report/1`` JSON contract (REPORT.md), as ``Report.to_dict()`` gives it."""
from __future__ import annotations

from ..report import Report
from .options import RenderOptions


def render_json(report: Report, options: RenderOptions | None = None) -> str:
    return report.to_json() + "\n"
