"""What a caller may ask of a renderer beyond the report itself."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass
class RenderOptions:
    title: str | None = None  # html: the page title (default: "factcheck: PATH")
    review_url: str | None = None  # claimreview: URL of the published review (http/https)
    article_url: str | None = None  # claimreview: URL of the article the claims appear in
    author: str = "factcheck"  # claimreview: the reviewing organisation
    review_date: date | None = None  # claimreview: default today
    review_action: str | None = None  # html: where reviewer decisions are POSTed (the desk)
    home_url: str | None = None  # html: a link back (the desk's front page or batch index)
    width: int = 120  # table: columns when writing to a file
    # the report's dict form when the caller has just made it (a batch writes the JSON and
    # the HTML page of each document from one dict; making it walks every chart point)
    report_dict: dict | None = None
