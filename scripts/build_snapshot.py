"""Rebuild the offline snapshot in data/snapshot/ from the raw files in ../shared/market-data/raw.

Usage: python scripts/build_snapshot.py [RAW_DIR]

Each series becomes one CSV (`date,value,source[,high,low]`), stitched from the raw files
as PROVENANCE.md suggests; MANIFEST.json records rows, first/last date and a SHA-256 per
file so that a damaged snapshot is detected when it is loaded.
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "snapshot"
MOF_TENORS = ["1Y", "2Y", "3Y", "4Y", "5Y", "6Y", "7Y", "8Y", "9Y", "10Y", "15Y", "20Y", "25Y", "30Y", "40Y"]


def read_fred(path: Path) -> pd.Series:
    """A FRED CSV in either header form (DATE / observation_date) and either missing marker."""
    frame = pd.read_csv(path, na_values=[".", ""], keep_default_na=False)
    frame.columns = ["date", "value"]
    frame["date"] = pd.to_datetime(frame["date"])
    return frame.dropna().set_index("date")["value"].astype(float)


def read_yahoo(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path, parse_dates=["Date"]).set_index("Date")
    return frame[["Close", "High", "Low"]].astype(float).round(4)


def stitch(parts: list[tuple[pd.Series, str]]) -> pd.DataFrame:
    """Later parts win on overlapping dates (PROVENANCE.md found them identical)."""
    frames = [pd.DataFrame({"value": s, "source": src}) for s, src in parts]
    out = pd.concat(frames)
    out = out[~out.index.duplicated(keep="last")].sort_index()
    out.index.name = "date"
    return out


def write(series_id: str, frame: pd.DataFrame, manifest: dict, note: str) -> None:
    path = OUT / f"{series_id}.csv"
    frame = frame.copy()
    frame.index = frame.index.strftime("%Y-%m-%d")
    frame.to_csv(path, float_format="%.10g", lineterminator="\n")
    data = path.read_bytes()
    manifest[path.name] = {
        "series": series_id, "rows": len(frame), "first": frame.index[0], "last": frame.index[-1],
        "sha256": hashlib.sha256(data).hexdigest(), "built_from": note,
    }


def main(raw: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    manifest: dict = {}
    fred = raw / "fred"
    recent = fred / "recent_2025-12_2026-09"
    window = fred / "window_2021_2026"

    mof = pd.read_csv(raw / "mof" / "jgbcme_all.csv", skiprows=1, na_values=["-"])
    mof["Date"] = pd.to_datetime(mof["Date"], format="%Y/%m/%d")
    mof = mof.set_index("Date")
    for tenor in MOF_TENORS:
        s = mof[tenor].dropna().astype(float)
        write(f"jgb_{tenor.lower()}", stitch([(s, "mof")]), manifest, "mof/jgbcme_all.csv")

    write("ust_10y", stitch([(read_fred(fred / "long/DGS10.csv"), "fred:DGS10"),
                             (read_fred(recent / "DGS10.csv"), "fred:DGS10")]), manifest,
          "fred/long/DGS10.csv + fred/recent/DGS10.csv")
    write("ust_2y", stitch([(read_fred(fred / "long/DGS2.csv"), "fred:DGS2"),
                            (read_fred(window / "DGS2.csv"), "fred:DGS2"),
                            (read_fred(recent / "DGS2.csv"), "fred:DGS2")]), manifest,
          "fred/long + window + recent DGS2.csv")
    write("ust_30y", stitch([(read_fred(fred / "long/DGS30.csv"), "fred:DGS30")]), manifest,
          "fred/long/DGS30.csv")
    write("sp500", stitch([(read_fred(window / "SP500.csv"), "fred:SP500"),
                           (read_fred(recent / "SP500.csv"), "fred:SP500")]), manifest,
          "fred/window + recent SP500.csv")
    write("fed_funds_effective", stitch([(read_fred(fred / "long/DFF.csv"), "fred:DFF"),
                                         (read_fred(window / "DFF.csv"), "fred:DFF")]), manifest,
          "fred/long + window DFF.csv")
    write("fed_funds_upper", stitch([(read_fred(window / "DFEDTARU.csv"), "fred:DFEDTARU")]), manifest,
          "fred/window/DFEDTARU.csv")

    # USD/JPY: closes are FRED's noon NY rate; intraday high/low come from the Yahoo file.
    usdjpy = stitch([(read_fred(fred / "long/DEXJPUS.csv"), "fred:DEXJPUS"),
                     (read_fred(recent / "DEXJPUS.csv"), "fred:DEXJPUS")])
    yahoo_fx = read_yahoo(raw / "yahoo/USDJPY_daily.csv")
    usdjpy = usdjpy.join(yahoo_fx[["High", "Low"]].rename(columns={"High": "high", "Low": "low"}), how="left")
    write("usdjpy", usdjpy, manifest, "fred DEXJPUS (close) + yahoo USDJPY_daily (high/low)")

    # Nikkei 225: FRED legacy file to 2020-03, Yahoo closes after that, FRED recent from 2025-12.
    legacy = read_fred(fred / "long/NIKKEI225.csv")
    y225 = read_yahoo(raw / "yahoo/N225_daily.csv")
    y1 = pd.read_csv(raw / "yahoo/nikkei225_1y.csv", parse_dates=["Date"]).set_index("Date")
    y1 = y1[["Close", "High", "Low"]].astype(float).round(4)
    yclose = y225["Close"].round(2)
    nikkei = stitch([(legacy, "fred:NIKKEI225"),
                     (yclose[yclose.index > legacy.index[-1]], "yahoo:^N225"),
                     (read_fred(recent / "NIKKEI225.csv"), "fred:NIKKEI225"),
                     (y1["Close"].round(2)[y1.index > pd.Timestamp("2026-09-17")], "yahoo:^N225")])
    highlow = pd.concat([y225[["High", "Low"]], y1[["High", "Low"]]])
    highlow = highlow[~highlow.index.duplicated(keep="last")]
    nikkei = nikkei.join(highlow.rename(columns={"High": "high", "Low": "low"}), how="left")
    write("nikkei225", nikkei, manifest, "fred NIKKEI225 legacy + yahoo N225_daily + fred recent + yahoo 1y")

    decisions = raw / "boj_policy_rate_decisions.csv"
    target = OUT / "boj_policy_rate.csv"
    target.write_bytes(decisions.read_bytes())
    frame = pd.read_csv(target)
    manifest[target.name] = {
        "series": "boj_policy_rate", "rows": len(frame), "first": str(frame["effective"].min()),
        "last": str(frame["effective"].max()), "sha256": hashlib.sha256(target.read_bytes()).hexdigest(),
        "built_from": "boj_policy_rate_decisions.csv (decisions table, copied unchanged)",
    }
    (OUT / "MANIFEST.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    print(f"wrote {len(manifest)} files to {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "market-data" / "raw")
