"""Live data sources, one small fetcher each, and the registry that lists every source.

    >>> from factcheck.sources import source_for
    >>> source_for("fred").fetch(Query("DGS10"))

Catalog entries name their sources (``fred``, ``mof``, ``ustreasury``, ``boj``) with the
source's own code; ``fred`` means the API when ``FRED_API_KEY`` is set, else the keyless CSV.
A new source is one module here that registers a :class:`SourceInfo`.
"""
from __future__ import annotations

from .base import Fetched, Query, Source
from .boj import Boj
from .fred import FredApi, FredCsv, fred_source
from .http import Http, HttpConfig, redact
from .mof import Mof
from .registry import SourceInfo, all_sources, display_name, lookup
from .ustreasury import UsTreasury

__all__ = ["Boj", "Fetched", "FredApi", "FredCsv", "Http", "HttpConfig", "Mof", "Query", "Source", "SourceInfo",
           "UsTreasury", "all_sources", "display_name", "lookup", "redact", "source_for"]


def source_for(name: str, http: Http | None = None) -> Source | None:
    """A fetcher for the source called ``name``, or None when it has none."""
    info = lookup(name)
    return info.fetcher(http) if info is not None and info.fetcher is not None else None
