"""factcheck: verify the numeric claims of market commentary against market data.

    >>> from factcheck import check_text
    >>> report = check_text(open("article.txt").read(), published="2026-01-21")
    >>> report.summary, report.to_dict()["claims"][0]["verdict"]["label"]
"""
from __future__ import annotations

from .api import Checker, check_text
from .errors import CatalogError, DataError, FactcheckError, InputError, PolicyError, SourceError
from .report import Report

__all__ = ["Checker", "check_text", "Report", "FactcheckError", "InputError", "CatalogError", "DataError",
           "PolicyError", "SourceError"]
__version__ = "0.1.0"
