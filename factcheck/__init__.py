"""factcheck: verify the numeric claims of market commentary against market data.

    >>> from factcheck import check_text
    >>> report = check_text(open("article.txt").read(), published="2026-01-21")
    >>> report.summary, report.to_dict()["claims"][0]["verdict"]["label"]

Heavy modules (pandas, spaCy) load on first use, so ``factcheck --help`` and the CLI's
light commands start fast.
"""
from __future__ import annotations

from .errors import CatalogError, DataError, FactcheckError, InputError, PolicyError, SourceError

__all__ = ["Checker", "check_text", "Report", "FactcheckError", "InputError", "CatalogError", "DataError",
           "PolicyError", "SourceError"]
__version__ = "0.1.0"


def __getattr__(name: str):
    if name in ("Checker", "check_text"):
        from . import api

        return getattr(api, name)
    if name == "Report":
        from .report import Report

        return Report
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
