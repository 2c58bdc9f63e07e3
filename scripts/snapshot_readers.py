"""Readers for the raw market-data files (../shared/market-data/raw), one per layout.

Every reader returns observations indexed by date, ascending, missing values dropped:
a ``pd.Series`` of closes, or for daily bars a ``pd.DataFrame`` with ``open``, ``high``,
``low``, ``close``. Layout details (header names, missing markers, CRLF, title rows) are
in PROVENANCE.md; the readers accept what it describes and nothing looser, so a changed
file fails loudly instead of being half-read.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

BAR_COLUMNS = ["open", "high", "low", "close"]


def _indexed(dates, values) -> pd.Series:
    out = pd.Series(pd.to_numeric(values, errors="raise").to_numpy(dtype=float),
                    index=pd.DatetimeIndex(pd.to_datetime(dates, format="%Y-%m-%d"), name="date"))
    out = out.dropna().sort_index()
    if out.index.has_duplicates:
        raise ValueError(f"duplicate dates: {sorted(set(out.index[out.index.duplicated()].date))[:3]}")
    return out


def fred_csv(path: Path) -> pd.Series:
    """A FRED download in either header form (``DATE`` / ``observation_date``) and either
    missing marker (``.`` or empty); also the repositories' rewrites with ``date,value``."""
    frame = pd.read_csv(path, na_values=[".", ""], keep_default_na=False, dtype=str)
    if frame.shape[1] != 2:
        raise ValueError(f"{path.name}: expected two columns, found {list(frame.columns)}")
    return _indexed(frame.iloc[:, 0], frame.iloc[:, 1])


def two_columns(path: Path) -> pd.Series:
    """``date,value`` / ``date,close`` / ``Date,Price`` / ``Date,Value`` files."""
    return fred_csv(path)


def fred_json(path: Path, code: str) -> pd.Series:
    """One series of the ``fred_cache.json`` layout: ``{"series": {CODE: [[date, value], ...]}}``."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    pairs = doc["series"][code]
    return _indexed([d for d, _ in pairs], pd.Series([v for _, v in pairs], dtype=float))


def mof_tenor(path: Path, tenor: str) -> pd.Series:
    """MoF ``jgbcme_all.csv``: a title row, then ``Date,1Y,...,40Y``; dates ``YYYY/M/D``;
    ``-`` for a tenor that did not exist yet."""
    frame = pd.read_csv(path, skiprows=1, na_values=["-"], keep_default_na=False, dtype=str)
    dates = pd.to_datetime(frame["Date"], format="%Y/%m/%d").dt.strftime("%Y-%m-%d")
    return _indexed(dates, frame[tenor])


def yahoo_bars(path: Path) -> pd.DataFrame:
    """Daily bars in the yfinance layouts (``Date,Open,High,Low,Close[,...]``,
    ``Date,Close,High,Low,Open,Volume`` or lower-case ``date,symbol,open,...``). Values
    are rounded to 4 decimals: yfinance writes float32 noise (``72366.34375``)."""
    frame = pd.read_csv(path, dtype=str)
    frame.columns = [c.lower() for c in frame.columns]
    missing = [c for c in ["date"] + BAR_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"{path.name}: no column(s) {missing}")
    bars = pd.DataFrame({c: _indexed(frame["date"], frame[c]) for c in BAR_COLUMNS})
    return bars.dropna().round(4)


def cboe_bars(path: Path) -> pd.DataFrame:
    """Cboe's ``VIX_History`` layout: ``DATE,OPEN,HIGH,LOW,CLOSE``."""
    return yahoo_bars(path)
