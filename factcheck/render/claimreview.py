"""schema.org ClaimReview JSON-LD, one object per claim with a truth rating (VERDICTS.md:
5 accurate ... 1 inaccurate; unverifiable and not_checkable claims have none and are
left out).

The article the claims appear in is ``itemReviewed.appearance`` (``--article-url``); the
review's own page is ``url`` (``--review-url``, one fragment per claim). Both must be
absolute http(s) URLs: a local path or ``file://`` URL means nothing to a reader of the
markup, so it is refused, and a URL not given is left out rather than made up.
"""
from __future__ import annotations

import json
from datetime import date
from urllib.parse import urlsplit

from ..errors import UsageError
from ..labels import Label
from ..report import Report
from .options import RenderOptions

RATING = {label.value: label.style.rating for label in Label if label.style.rating}


def checked_url(url: str | None, what: str) -> str | None:
    """``url`` when it is an absolute http(s) URL with a host; else a :class:`UsageError`."""
    if url is None:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or any(ch.isspace() for ch in url.strip()):
        raise UsageError(f"{what} must be an absolute http(s) URL, got {url!r}")
    return url.strip()


def _item(i: int, c: dict, doc: dict, opts: RenderOptions, article: str | None, review: str | None) -> dict:
    claim = {"@type": "Claim"}
    if article:
        claim["appearance"] = {"@type": "CreativeWork", "url": article}
    if doc["published"]:
        claim["datePublished"] = doc["published"]
    label = c["verdict"]["label"]
    item = {"@context": "https://schema.org", "@type": "ClaimReview"}
    if review:
        item["url"] = f"{review}#claim-{i}"
    item.update({
        "claimReviewed": " ".join(c["sentence"].split()),
        "datePublished": (opts.review_date or date.today()).isoformat(),
        "author": {"@type": "Organization", "name": opts.author},
        "itemReviewed": claim,
        "reviewRating": {"@type": "Rating", "ratingValue": RATING[label], "bestRating": 5, "worstRating": 1,
                         "alternateName": label.replace("_", " ")},
        "reviewBody": c["verdict"]["explanation"],
    })
    return item


def render_claimreview(report: Report, options: RenderOptions | None = None) -> str:
    opts = options or RenderOptions()
    article = checked_url(opts.article_url, "the article URL")
    review = checked_url(opts.review_url, "the review URL")
    d = report.to_dict()
    items = [_item(i, c, d["document"], opts, article, review) for i, c in enumerate(d["claims"], 1)
             if c["verdict"]["label"] in RATING]
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"
