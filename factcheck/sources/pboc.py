"""The People's Bank of China's daily USD/CNY central parity (the fixing published by CFETS):
in the shipped snapshot only, from a third-party collection; no fetcher."""
from __future__ import annotations

from .registry import SourceInfo, register_source

register_source(SourceInfo("pboc", "PBoC", page="https://www.chinamoney.com.cn/english/bmkcpr/",
                           note="snapshot only (no fetcher)"))
