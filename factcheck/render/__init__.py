"""Renderers of a :class:`~factcheck.report.Report`: JSON and the terminal table live on
the report itself; these add HTML, Markdown, CSV and ClaimReview."""
from .html import render_html
from .text import render_claimreview, render_csv, render_markdown

__all__ = ["render_html", "render_markdown", "render_csv", "render_claimreview"]
