"""Renderers of a :class:`~factcheck.report.Report`, one module per format, registered in
:data:`RENDERERS` (this file, the one place). ``factcheck check`` and ``factcheck batch``
both render through :func:`render`; a new format is a module plus one line here.

Every renderer takes ``(report, options)`` and returns text; it reads the report's dict
form and the document text only, never the market data store (charts come from the data
the report carries, :mod:`factcheck.charts`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..errors import UsageError
from .claimreview import render_claimreview as _claimreview
from .csv import render_csv as _csv
from .html import render_html as _html
from .jsonout import render_json
from .markdown import render_markdown as _markdown
from .options import RenderOptions
from .table import render_text


@dataclass(frozen=True)
class Renderer:
    name: str
    suffix: str  # a batch report's file name: DOCUMENT + suffix
    media_type: str
    render: Callable[..., str]


RENDERERS: dict[str, Renderer] = {r.name: r for r in (
    Renderer("table", ".txt", "text/plain; charset=utf-8", render_text),
    Renderer("json", ".json", "application/json", render_json),
    Renderer("html", ".html", "text/html; charset=utf-8", _html),
    Renderer("md", ".md", "text/markdown; charset=utf-8", _markdown),
    Renderer("csv", ".csv", "text/csv; charset=utf-8", _csv),
    Renderer("claimreview", ".claimreview.json", "application/ld+json", _claimreview),
)}
FORMATS = tuple(RENDERERS)


def render(report, fmt: str, options: RenderOptions | None = None) -> str:
    """``report`` in format ``fmt`` (a key of :data:`RENDERERS`)."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise UsageError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})") from None
    return renderer.render(report, options or RenderOptions())


# direct entry points, with the old keyword names
def render_html(report, options: RenderOptions | None = None, title: str | None = None) -> str:
    return _html(report, options or RenderOptions(title=title))


def render_markdown(report, options: RenderOptions | None = None) -> str:
    return _markdown(report, options)


def render_csv(report, options: RenderOptions | None = None) -> str:
    return _csv(report, options)


def render_claimreview(report, url: str | None = None, review_date=None, publisher: str = "factcheck",
                       article_url: str | None = None) -> str:
    return _claimreview(report, RenderOptions(review_url=url, review_date=review_date, author=publisher,
                                              article_url=article_url))


__all__ = ["RENDERERS", "FORMATS", "Renderer", "RenderOptions", "render", "render_html", "render_markdown",
           "render_csv", "render_claimreview", "render_json", "render_text"]
