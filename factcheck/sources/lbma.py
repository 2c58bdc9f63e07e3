"""The LBMA Gold Price PM (the afternoon auction, US dollars per troy ounce): in the shipped
snapshot only; LBMA's prices are licensed, so there is no fetcher."""
from __future__ import annotations

from .registry import SourceInfo, register_source

register_source(SourceInfo("lbma", "LBMA", page="https://www.lbma.org.uk/prices-and-data/precious-metal-prices",
                           note="snapshot only (licensed prices, no fetcher)"))
