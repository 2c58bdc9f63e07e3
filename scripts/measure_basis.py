"""How far press quotes sit from the published series: the figures behind the basis and
change allowances in ``data/catalog.toml``.

For every claim of the scored sets that the gold calls true (accurate or approximately
accurate; ``unverifiable`` may be among its labels, never ``inaccurate`` or ``misdated``)
and dates to one day, the stated figure is set against the series' published value that
day (the close; the last one before a non-trading day): a level's gap in the level's unit
(bp for yields, yen for USD/JPY, % of the level for indexes), a move's gap as the stated
size minus the published one-day move's size (bp, yen, pp). Where the series has intraday
bars, the share of levels inside that day's high-low range is given too, and how far
outside it the others sit, as a share of the series' basis allowance (the bar allowance
of factcheck.verify.tolerance).

Usage: python scripts/measure_basis.py [EVAL_DIR ...]   (default ../shared/eval/dev,
../shared/eval/real-dev and the project's eval/fresh, read at run time; nothing of theirs
is copied here)
"""
from __future__ import annotations

import json
import statistics
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

from factcheck.catalog import load_catalog
from factcheck.store import Store

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SETS = (ROOT.parent / "shared/eval/dev", ROOT.parent / "shared/eval/real-dev", ROOT / "eval/fresh")
SUPPORTED = {"accurate", "approximately_accurate"}
FAMILIES = {  # family name -> test on a series id
    "JGB up to 10y": lambda s: s.startswith("jgb_") and s[4:-1].isdigit() and int(s[4:-1]) <= 10,
    "JGB 15y+": lambda s: s.startswith("jgb_") and s[4:-1].isdigit() and int(s[4:-1]) >= 15,
    "UST": lambda s: s.startswith("ust_"),
    "USD/JPY": lambda s: s == "usdjpy",
    "equity indexes": lambda s: s in ("nikkei225", "sp500", "nasdaq_comp", "djia", "topix"),
}
LEVEL_UNIT = {"JGB up to 10y": "bp", "JGB 15y+": "bp", "UST": "bp", "USD/JPY": "yen", "equity indexes": "% of level"}
MOVE_UNIT = {"bp": "bp", "fx": "yen", "percent": "pp", "points": "points"}


def family(series: str | None) -> str | None:
    return next((name for name, test in FAMILIES.items() if series and test(series)), None)


def true_claims(eval_dir: Path):
    """(document id, gold claim) for every claim the gold calls true and dates to a day."""
    for line in (eval_dir / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        for g in doc["claims"]:
            wanted = set(g["verdict"] if isinstance(g["verdict"], list) else [g["verdict"]])
            day = g.get("date") or ""
            if g.get("optional") or not g.get("checkable") or not (wanted & SUPPORTED) or wanted - SUPPORTED - {
                    "unverifiable"} or len(day) != 10 or family(g.get("series")) is None:
                continue
            yield doc["id"], g


def level_gap(data, g: dict, fam: str) -> tuple[float, bool | None] | None:
    """The stated level minus the close of its day, in the family's unit, and whether the
    stated level is inside that day's intraday range (None without bars)."""
    found = data.on_or_before(date.fromisoformat(g["date"]))
    if found is None or g["unit"] not in ("percent", "fx", "points"):
        return None
    ts, close = found
    gap = g["value"] - close
    gap = gap * 100 if fam.startswith(("JGB", "UST")) else gap / close * 100 if fam == "equity indexes" else gap
    outside = None
    if {"high", "low"} <= set(data.frame.columns) and data.frame.at[ts, "high"] == data.frame.at[ts, "high"]:
        lo, hi = float(data.frame.at[ts, "low"]), float(data.frame.at[ts, "high"])
        outside = max(lo - g["value"], g["value"] - hi, 0.0) / data.series.level_allowance(close)
    return gap, outside


def move_gap(data, g: dict) -> float | None:
    """The stated move's size minus the size of the published one-day move, in its unit."""
    found = data.on_or_before(date.fromisoformat(g["date"]))
    prev = data.before(found[0].date()) if found is not None else None
    if prev is None or g["unit"] not in MOVE_UNIT:
        return None
    end, base = found[1], prev[1]
    actual = {"bp": (end - base) * 100, "fx": end - base, "points": end - base,
              "percent": (end / base - 1) * 100 if base else None}[g["unit"]]
    return None if actual is None else abs(g["value"]) - abs(actual)


def summary(values: list[float]) -> str:
    if not values:
        return "n=0"
    q = statistics.quantiles(values, n=10) if len(values) >= 2 else [values[0]] * 9
    return (f"n={len(values):3d}  min {min(values):+8.2f}  median {statistics.median(values):+8.2f}  "
            f"p90 {q[8]:+8.2f}  max {max(values):+8.2f}  max|x| {max(map(abs, values)):7.2f}")


def main(argv: list[str]) -> int:
    sets = [Path(a) for a in argv] or list(DEFAULT_SETS)
    store = Store(load_catalog())
    levels: dict[str, list[float]] = defaultdict(list)
    inside: dict[str, list[float]] = defaultdict(list)
    near_bar: list[float] = []
    moves: dict[tuple[str, str], list[float]] = defaultdict(list)
    for eval_dir in sets:
        for doc_id, g in true_claims(eval_dir):
            data, fam = store.get(g["series"]), family(g["series"])
            if data is None:
                continue
            if g["kind"] == "level":
                got = level_gap(data, g, fam)
                if got is not None:
                    levels[fam].append(got[0])
                    if got[1] is not None:
                        inside[fam].append(got[1])
                        if 0 < got[1] < 1:  # near the bar: beyond it by less than the basis allowance
                            near_bar.append(got[1])
            elif g["kind"] == "change":
                gap = move_gap(data, g)
                if gap is not None:
                    moves[(fam, MOVE_UNIT[g["unit"]])].append(gap)
    print(f"sets: {', '.join(str(s) for s in sets)}")
    print("levels: stated minus the published close of the stated day")
    for fam in FAMILIES:
        bars = f"; inside the day's bars {sum(x == 0 for x in inside[fam])}/{len(inside[fam])}" if inside[fam] else ""
        print(f"  {fam:15} [{LEVEL_UNIT[fam]:>10}] {summary(levels[fam])}{bars}")
        if levels[fam]:
            print(f"  {'':15} {'':12} {sided(levels[fam])}")
    print(f"levels beyond the day's bar by less than the basis allowance, in basis allowances: "
          f"{', '.join(f'{x:.2f}' for x in sorted(near_bar)) or 'none'}")
    print("moves: stated size minus the published one-day move's size (multi-session and intraday moves")
    print("       stated without their period show up as the large gaps)")
    for (fam, unit), values in sorted(moves.items()):
        print(f"  {fam:15} [{unit:>10}] {summary(values)}")
    return 0


def sided(values: list[float]) -> str:
    """The largest gap on each side: quotes above and below the published value."""
    above = [v for v in values if v > 0]
    below = [v for v in values if v < 0]
    return (f"above the published value: {len(above)} (max {max(above, default=0):+.2f}); "
            f"below: {len(below)} (max {min(below, default=0):+.2f})")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
