"""Central-bank decisions as tables shipped in the snapshot (announcement and effective
dates, rate): the Bank of Japan's (the policy-rate series is built from it) and the Fed's
(derived from FRED's target range when the snapshot is built). Nothing to fetch."""
from __future__ import annotations

from .registry import SourceInfo, register_source

register_source(SourceInfo("boj_decisions", "BoJ decisions table", page="https://www.boj.or.jp/en/mopo/mpmdeci/index.htm",
                           note="local decisions table, shipped in the snapshot"))
register_source(SourceInfo("fed_funds_decisions", "Fed decisions table",
                           page="https://www.federalreserve.gov/monetarypolicy/openmarket.htm",
                           note="local decisions table, derived when the snapshot is built"))
