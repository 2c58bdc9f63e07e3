"""Yahoo Finance daily bars: in the shipped snapshot only (intraday high/low for USD/JPY
and the Nikkei 225, Nikkei closes between FRED's files). There is no fetcher: Yahoo has
no documented free API, so `data update` skips it."""
from __future__ import annotations

from .registry import SourceInfo, register_source

register_source(SourceInfo("yahoo", "Yahoo", intraday=True, page="https://finance.yahoo.com/quote/{code}",
                           note="snapshot only (no fetcher)"))
