"""Live data sources, one small fetcher each, registered by name.

    >>> from factcheck.sources import source_for
    >>> source_for("fred").fetch(Query("DGS10"))

Catalog entries name their sources (``fred``, ``mof``, ``ustreasury``, ``boj``) with the
source's own code; ``fred`` means the API when ``FRED_API_KEY`` is set, else the keyless CSV.
"""
from __future__ import annotations

from .base import REGISTRY, Fetched, Query, Source
from .boj import Boj
from .fred import FredApi, FredCsv, fred_source
from .http import Http, HttpConfig, redact
from .mof import Mof
from .ustreasury import UsTreasury

__all__ = ["Boj", "Fetched", "FredApi", "FredCsv", "Http", "HttpConfig", "Mof", "Query", "REGISTRY", "Source",
           "UsTreasury", "redact", "source_for"]


def source_for(name: str, http: Http | None = None) -> Source | None:
    if name == "fred":
        return fred_source(http)
    cls = REGISTRY.get(name)
    return cls(http) if cls else None
