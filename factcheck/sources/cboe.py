"""Cboe's VIX history file (daily open, high, low, close): the VIX's intraday bars in the
shipped snapshot; closes come from FRED VIXCLS, which `data update` fetches."""
from __future__ import annotations

from .registry import SourceInfo, register_source

register_source(SourceInfo("cboe", "Cboe", intraday=True,
                           page="https://www.cboe.com/tradable_products/vix/vix_historical_data/",
                           note="snapshot only (closes come from FRED)"))
