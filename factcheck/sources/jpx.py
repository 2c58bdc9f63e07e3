"""JPX official index closes (TOPIX): in the shipped snapshot only; JPX restricts
redistribution of index data, so there is no fetcher."""
from __future__ import annotations

from .registry import SourceInfo, register_source

register_source(SourceInfo("jpx", "JPX", page="https://www.jpx.co.jp/english/markets/indices/topix/",
                           note="snapshot only (no fetcher)"))
