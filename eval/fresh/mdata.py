"""Read-only access to ../shared/market-data/raw for labelling eval/fresh (standard library only).

Every series is a dict ISO-date -> float (closes), stitched as PROVENANCE.md suggests;
OHLC series are dicts ISO-date -> {"open","high","low","close"}.
"""
from __future__ import annotations

import csv
import json
import os
from bisect import bisect_left, bisect_right
from datetime import date, timedelta
from functools import lru_cache

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.environ.get("FACTCHECK_RAW") or os.path.normpath(
    os.path.join(HERE, "..", "..", "..", "shared", "market-data", "raw"))

MOF_TENORS = ["1Y", "2Y", "3Y", "4Y", "5Y", "6Y", "7Y", "8Y", "9Y", "10Y",
              "15Y", "20Y", "25Y", "30Y", "40Y"]


def _p(*parts):
    return os.path.join(RAW, *parts)


def _num(s):
    s = (s or "").strip()
    if s in ("", ".", "-"):
        return None
    return float(s)


def _two_col(path, skip=1, date_fmt=None):
    out = {}
    with open(path, newline="") as fh:
        rows = csv.reader(fh)
        for _ in range(skip):
            next(rows)
        for r in rows:
            if len(r) < 2:
                continue
            v = _num(r[1])
            if v is None:
                continue
            out[r[0].strip()] = v
    return out


def _stitch(*dicts):
    out = {}
    for d in dicts:  # later files win only where earlier ones have no value
        for k, v in d.items():
            out.setdefault(k, v)
    return dict(sorted(out.items()))


@lru_cache(None)
def mof_table():
    out = {t: {} for t in MOF_TENORS}
    with open(_p("mof", "jgbcme_all.csv"), newline="") as fh:
        rows = csv.reader(fh)
        next(rows)
        header = next(rows)
        for r in rows:
            if not r or not r[0].strip():
                continue
            y, m, d = (int(x) for x in r[0].split("/"))
            iso = f"{y:04d}-{m:02d}-{d:02d}"
            for name, cell in zip(header[1:], r[1:]):
                v = _num(cell)
                if v is not None:
                    out[name][iso] = v
    for tenor, fname in (("10Y", "japan-10-year-jgb-yield.csv"), ("2Y", "japan-2-year-jgb-yield.csv")):
        ext = _two_col(_p("mof_rewritten", fname))
        for k, v in ext.items():
            out[tenor].setdefault(k, v)
    return {t: dict(sorted(v.items())) for t, v in out.items()}


def _ohlc_yahoo(path, cols=("Date", "Open", "High", "Low", "Close")):
    out = {}
    with open(path, newline="") as fh:
        for r in csv.DictReader(fh):
            c = _num(r[cols[4]])
            if c is None:
                continue
            out[r[cols[0]]] = {"open": _num(r[cols[1]]), "high": _num(r[cols[2]]),
                               "low": _num(r[cols[3]]), "close": c}
    return out


@lru_cache(None)
def ohlc(name):
    if name == "N225":
        a = _ohlc_yahoo(_p("yahoo", "N225_daily.csv"))
        b = _ohlc_yahoo(_p("yahoo", "automation-market", "nkx.csv"))
        return _stitch(a, b)
    if name == "USDJPY":
        a = _ohlc_yahoo(_p("yahoo", "USDJPY_daily.csv"))
        b = _ohlc_yahoo(_p("yahoo", "automation-market", "usdjpy.csv"))
        return _stitch(a, b)
    if name == "SPX":
        return _ohlc_yahoo(_p("yahoo", "automation-market", "spx.csv"))
    if name == "NDQ":
        return _ohlc_yahoo(_p("yahoo", "automation-market", "ndq.csv"))
    if name == "VIX":
        return _ohlc_yahoo(_p("cboe", "vix-daily.csv"), ("DATE", "OPEN", "HIGH", "LOW", "CLOSE"))
    if name == "DJI":
        return _ohlc_yahoo(_p("yahoo", "daily-podcast-stk", "daily_DJI.csv"),
                           ("date", "open", "high", "low", "close"))
    raise KeyError(name)


def _fedtar(which):
    a = _two_col(_p("fred_rewritten", "risk-model", f"{which}.csv"))
    with open(_p("fred_rewritten", "risk-model", "fred_cache.json")) as fh:
        js = json.load(fh)
    b = {d: float(v) for d, v in js["series"][which] if v is not None}
    extra = {}
    if which == "DFEDTARU":
        extra = _two_col(_p("fred", "window_2021_2026", "DFEDTARU.csv"))
    return _stitch(extra, a, b)


@lru_cache(None)
def series(key):
    """Close series by key: 'mof:10Y', 'DGS10', 'DEXJPUS', 'NIKKEI225', 'SP500', 'DFF', ..."""
    f = _p("fred")
    if key.startswith("mof:"):
        return mof_table()[key[4:]]
    if key == "DGS10":
        return _stitch(_two_col(_p("fred", "long", "DGS10.csv")),
                       _two_col(_p("fred", "recent_2025-12_2026-09", "DGS10.csv")))
    if key == "DGS2":
        return _stitch(_two_col(_p("fred", "long", "DGS2.csv")),
                       _two_col(_p("fred", "window_2021_2026", "DGS2.csv")),
                       _two_col(_p("fred", "recent_2025-12_2026-09", "DGS2.csv")))
    if key == "DGS30":
        return _stitch(_two_col(_p("fred", "long", "DGS30.csv")),
                       _two_col(_p("fred_rewritten", "macro-watch", "DGS30.csv")))
    if key in ("DGS5", "DGS1", "DGS3MO"):
        return _stitch(_two_col(_p("fred", "long", f"{key}.csv")),
                       _two_col(_p("fred_rewritten", "treasury-desk", f"{key}.csv")))
    if key == "DEXJPUS":
        return _stitch(_two_col(_p("fred", "long", "DEXJPUS.csv")),
                       _two_col(_p("fred", "recent_2025-12_2026-09", "DEXJPUS.csv")))
    if key == "NIKKEI225":
        y = {k: v["close"] for k, v in ohlc("N225").items()}
        return _stitch(_two_col(_p("fred", "long", "NIKKEI225.csv")), y,
                       _two_col(_p("fred", "recent_2025-12_2026-09", "NIKKEI225.csv")))
    if key == "SP500":
        return _stitch(_two_col(_p("fred", "window_2021_2026", "SP500.csv")),
                       _two_col(_p("fred", "recent_2025-12_2026-09", "SP500.csv")),
                       {k: v["close"] for k, v in ohlc("SPX").items()})
    if key == "DFF":
        return _stitch(_two_col(_p("fred", "long", "DFF.csv")),
                       _two_col(_p("fred", "window_2021_2026", "DFF.csv")))
    if key in ("DFEDTARU", "DFEDTARL"):
        return _fedtar(key)
    if key == "TOPIX":
        return _two_col(_p("topix", "topix.csv"))
    if key == "BRENT":
        return _stitch(_two_col(_p("eia", "brent-daily.csv")),
                       _two_col(_p("fred", "recent_2025-12_2026-09", "DCOILBRENTEU.csv")))
    if key == "WTI":
        return _stitch(_two_col(_p("eia", "wti-daily.csv")),
                       _two_col(_p("fred", "recent_2025-12_2026-09", "DCOILWTICO.csv")))
    if key == "GOLD":
        return _two_col(_p("lbma", "gold_usd_daily.csv"))
    if key == "VIX":
        return {k: v["close"] for k, v in ohlc("VIX").items()}
    if key == "NASDAQ":
        return _two_col(_p("fred_rewritten", "macro-watch", "NASDAQCOM.csv"))
    if key == "DJIA":
        return _stitch(_two_col(_p("fred_rewritten", "bachelor-project", "DJIA.csv")),
                       {k: v["close"] for k, v in ohlc("DJI").items()})
    if key == "DEXUSEU":
        return _stitch(_two_col(_p("fred", "long", "DEXUSEU.csv")),
                       _two_col(_p("fred", "window_2020_2025", "DEXUSEU.csv")),
                       _two_col(_p("fred", "window_2025_2026", "DEXUSEU.csv")),
                       _two_col(_p("fred", "recent_2025-12_2026-09", "DEXUSEU.csv")))
    raise KeyError(key)


@lru_cache(None)
def boj_decisions():
    out = []
    with open(_p("boj_policy_rate_decisions.csv"), newline="") as fh:
        for r in csv.DictReader(fh):
            out.append({"announced": r["announced"] or None, "effective": r["effective"],
                        "rate": float(r["rate_percent"])})
    return out


def boj_rate_on(day):
    rate = None
    for d in boj_decisions():
        if d["effective"] <= day:
            rate = d["rate"]
    return rate


# ---- helpers -------------------------------------------------------------------------
def get(key, day):
    return series(key).get(day)


def prev_day(key, day):
    s = series(key)
    keys = list(s)
    i = bisect_left(keys, day)
    return (keys[i - 1], s[keys[i - 1]]) if i > 0 else (None, None)


def window(key, start, end):
    s = series(key)
    keys = list(s)
    return [(k, s[k]) for k in keys[bisect_left(keys, start):bisect_right(keys, end)]]


def shift(day, n):
    return (date.fromisoformat(day) + timedelta(days=n)).isoformat()


def last_ge_before(key, day, value):
    """Last date before `day` with a value >= value (for 'highest since')."""
    for k, v in reversed(window(key, "1900-01-01", shift(day, -1))):
        if v >= value:
            return k, v
    return None, None


def last_le_before(key, day, value):
    for k, v in reversed(window(key, "1900-01-01", shift(day, -1))):
        if v <= value:
            return k, v
    return None, None
