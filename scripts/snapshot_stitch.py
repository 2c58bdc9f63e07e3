"""Stitching raw files into one series, with every overlap verified.

A series is built from parts in order; a later part wins on a date both have (the newer
download). Before a part is added, its values on every date the series already has are
compared with them: a difference beyond the recipe's stated tolerance (outside a short,
documented list of known differences) stops the build with a :class:`StitchError` naming
the files, the number of disagreeing days and the worst one. PROVENANCE.md found most
overlaps identical; the build proves it again on every run instead of trusting the note.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd

from snapshot_readers import BAR_COLUMNS


class StitchError(Exception):
    """Two raw files disagree beyond the stated tolerance, or a raw file is unusable."""


@dataclass(frozen=True)
class Part:
    """One raw file's contribution. ``use_from``/``use_to`` limit the dates it adds (the
    whole file is still compared with the series, from ``compare_from`` on if given: two
    vendors' long histories can differ in the distant past while agreeing where they are
    joined); ``check_only`` adds nothing and is there to be compared (an independent copy
    of the same data)."""

    path: str
    source: str
    read: Callable[[Path], object]
    use_from: str | None = None
    use_to: str | None = None
    check_only: bool = False
    compare_from: str | None = None


@dataclass(frozen=True)
class Tolerance:
    """How far two copies of one observation may differ: ``absolute`` in the series' unit
    plus ``relative`` times the value; ``known`` lists dates (ISO) that may differ more,
    each with the reason (from PROVENANCE.md)."""

    absolute: float = 1e-9
    relative: float = 0.0
    known: dict[str, str] = field(default_factory=dict)

    def limit(self, values: pd.Series) -> pd.Series:
        return self.absolute + self.relative * values.abs()

    def describe(self) -> str:
        rel = f" + {self.relative:g} x value" if self.relative else ""
        return f"{self.absolute:g}{rel}"


def _clip(data, part: Part):
    if part.use_from:
        data = data[data.index >= pd.Timestamp(part.use_from)]
    if part.use_to:
        data = data[data.index <= pd.Timestamp(part.use_to)]
    return data


def compare(series_id: str, part: Part, have: pd.Series, new: pd.Series, tol: Tolerance) -> dict:
    """Check ``new`` against ``have`` on their common dates; return the check's record."""
    common = have.index.intersection(new.index)
    if part.compare_from:
        common = common[common >= pd.Timestamp(part.compare_from)]
    diff = (have[common] - new[common]).abs()
    bad = diff[diff > tol.limit(have[common])]
    bad = bad[~bad.index.strftime("%Y-%m-%d").isin(list(tol.known))]
    if not bad.empty:
        worst = bad.idxmax()
        raise StitchError(
            f"{series_id}: {part.path} disagrees with the files before it on {len(bad)} of {len(common)} "
            f"overlapping days (worst {worst.date()}: {new[worst]:g} vs {have[worst]:g}; tolerance "
            f"{tol.describe()})")
    return {"part": part.path, "compared_from": part.compare_from, "overlap_days": int(len(common)),
            "max_difference": round(float(diff.max()), 10) if len(common) else None,
            "tolerance": tol.describe(), "known_differences": sorted(set(tol.known) & set(common.strftime("%Y-%m-%d")))}


def _read(raw: Path, part: Part):
    path = raw / part.path
    if not path.is_file():
        raise StitchError(f"raw file missing: {path}")
    try:
        return part.read(path)
    except (ValueError, KeyError) as exc:
        raise StitchError(f"{part.path}: unreadable: {exc}") from None


def stitch_closes(series_id: str, raw: Path, parts: tuple[Part, ...], tol: Tolerance) -> tuple[pd.DataFrame, list]:
    """The series' closes as a frame (``value``, ``source``) and the overlap checks made."""
    frame = pd.DataFrame({"value": pd.Series(dtype=float), "source": pd.Series(dtype=str)})
    seen = pd.Series(dtype=float)  # every earlier file whole, also the dates it did not add
    checks = []
    for part in parts:
        values = _read(raw, part)
        if not seen.empty:
            checks.append(compare(series_id, part, seen, values, tol))
        seen = pd.concat([seen, values])
        seen = seen[~seen.index.duplicated(keep="last")].sort_index()
        if part.check_only:
            continue
        add = pd.DataFrame({"value": _clip(values, part), "source": part.source})
        frame = pd.concat([frame, add])
        frame = frame[~frame.index.duplicated(keep="last")].sort_index()
    frame.index.name = "date"
    return frame, checks


def stitch_bars(series_id: str, raw: Path, parts: tuple[Part, ...], tol: Tolerance) -> tuple[pd.DataFrame, list]:
    """Daily bars (``open``/``high``/``low``/``close`` + ``bar_source``); every column of
    an overlap is compared."""
    bars = pd.DataFrame(columns=BAR_COLUMNS + ["bar_source"])
    seen = pd.DataFrame(columns=BAR_COLUMNS, dtype=float)
    checks = []
    for part in parts:
        new = _read(raw, part)
        if not seen.empty:
            per_column = [compare(f"{series_id} ({col})", part, seen[col], new[col], tol) for col in BAR_COLUMNS]
            checks.append(max(per_column, key=lambda c: c["max_difference"] or 0.0))
        seen = pd.concat([seen, new[BAR_COLUMNS]]) if not seen.empty else new[BAR_COLUMNS]
        seen = seen[~seen.index.duplicated(keep="last")].sort_index()
        if part.check_only:
            continue
        add = _clip(new, part).assign(bar_source=part.source)
        bars = pd.concat([bars, add]) if not bars.empty else add
        bars = bars[~bars.index.duplicated(keep="last")].sort_index()
    return bars, checks


def attach_bars(closes: pd.DataFrame, bars: pd.DataFrame, match_close: float | None) -> tuple[pd.DataFrame, dict]:
    """Join bars to the closes by date, keeping only real bars: a close-only row of the
    bar file (open = high = low = close, the form of much early history), a bar whose high
    is below its low, and (with ``match_close``, a relative tolerance) a bar whose own
    close disagrees with the series' close (another vendor's day) are dropped; an open
    outside its day's high-low range is blanked."""
    bars = bars.reindex(closes.index)
    flat = (bars["open"] == bars["high"]) & (bars["high"] == bars["low"]) & (bars["low"] == bars["close"])
    crossed = bars["high"] < bars["low"]
    other = pd.Series(False, index=bars.index)
    if match_close is not None:
        other = (bars["close"] - closes["value"]).abs() > match_close * closes["value"].abs()
    keep = bars["high"].notna() & ~flat & ~crossed & ~other
    # an open outside its own day's range is a typo in the file (Cboe's 2004-11-08 open 2.58):
    # the open goes, the high and low stay
    stray_open = keep & ((bars["open"] < bars["low"]) | (bars["open"] > bars["high"]))
    dropped = {"close_only": int((flat & bars["high"].notna()).sum()), "high_below_low": int(crossed.sum()),
               "other_vendor_close": int((other & bars["high"].notna() & ~flat).sum()),
               "open_outside_range": int(stray_open.sum())}
    bars = bars.where(keep)
    bars.loc[stray_open, "open"] = float("nan")
    out = closes.join(bars[["open", "high", "low", "bar_source"]])
    return out, dropped
