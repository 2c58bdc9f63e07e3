"""The Bank of Japan's policy decisions as a table shipped in the snapshot (announcement
and effective dates, rate); the policy-rate series is built from it, so there is nothing
to fetch."""
from __future__ import annotations

from .registry import SourceInfo, register_source

register_source(SourceInfo("boj_decisions", "BoJ decisions table", page="https://www.boj.or.jp/en/mopo/mpmdeci/index.htm",
                           note="local decisions table, shipped in the snapshot"))
