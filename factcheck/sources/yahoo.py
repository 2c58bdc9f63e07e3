"""Yahoo Finance daily bars: in the shipped snapshot only (intraday open/high/low for
USD/JPY, the Nikkei 225, S&P 500, Nasdaq Composite, Dow and the VIX's last weeks; Nikkei
closes between FRED's files, S&P 500 closes before 2021, the Dow's after 2025-10). There
is no fetcher: Yahoo has no documented free API, so `data update` skips it."""
from __future__ import annotations

from .registry import SourceInfo, register_source

register_source(SourceInfo("yahoo", "Yahoo", intraday=True, page="https://finance.yahoo.com/quote/{code}",
                           note="snapshot only (no fetcher)"))
