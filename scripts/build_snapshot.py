"""Rebuild the offline snapshot in data/snapshot/ from the raw files in ../shared/market-data/raw.

Usage: python scripts/build_snapshot.py [RAW_DIR] [--out DIR] [--redistributable]
                                        [--catalog FILE] [--series ID[,ID...]]

Each series becomes one CSV: ``date,value,source`` and, where intraday bars exist,
``open,high,low,bar_source``. Series are stitched from the raw files as PROVENANCE.md
suggests (``snapshot_recipes.py``), and every overlap between two files is compared: a
disagreement beyond the recipe's stated tolerance stops the build (exit status 2) and
nothing is written. MANIFEST.json records, per file, the rows, first and last date, a
SHA-256 (checked by factcheck before it reads the file), the licence, the raw files it came
from (with their SHA-256) and the overlap checks made.

``--redistributable`` leaves out every series whose owner restricts redistribution (the
licence table in data/catalog.toml says which), and the intraday columns where only the
bars are restricted (USD/JPY: public-domain closes, Yahoo bars), so that the result can be
published. ``--series`` builds only the named series (tests build a fixture tree this way).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
import tomllib
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fed_decisions import fed_decisions, read_announcements  # noqa: E402
from snapshot_recipes import RECIPES, Recipe  # noqa: E402
from snapshot_stitch import StitchError, attach_bars, stitch_bars, stitch_closes  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "snapshot"
RAW = ROOT.parent / "shared" / "market-data" / "raw"
FOMC = Path(__file__).resolve().parent / "fomc_announcements.csv"


class Licences:
    """Which series (and which series' intraday bars) may be redistributed, from the catalog."""

    def __init__(self, catalog_path: Path):
        doc = tomllib.loads(catalog_path.read_text(encoding="utf-8"))
        self.table = doc.get("licences", {})
        self.series = {s["id"]: s for s in doc.get("series", [])}

    def of(self, series_id: str) -> str:
        entry = self.series.get(series_id)
        if entry is None or "licence" not in entry:
            raise StitchError(f"{series_id}: no licence in the catalog; every shipped series needs one")
        return entry["licence"]

    def free(self, key: str | None) -> bool:
        return key is None or bool(self.table.get(key, {}).get("redistributable", False))

    def bars_licence(self, series_id: str) -> str | None:
        return (self.series.get(series_id, {}).get("intraday") or {}).get("licence")


def raw_checksums(raw: Path) -> dict[str, str]:
    """SHA256SUMS beside the raw folder (``<hash>  raw/<path>``), if there is one."""
    sums = raw.parent / "SHA256SUMS"
    if not sums.is_file():
        return {}
    out = {}
    for line in sums.read_text(encoding="utf-8").splitlines():
        digest, _, name = line.partition("  ")
        out[name.removeprefix("raw/")] = digest
    return out


def verify_raw(raw: Path, paths: list[str], sums: dict[str, str]) -> dict[str, str]:
    """Every raw file used must match SHA256SUMS (when the tree has one); returns their
    SHA-256 for the manifest."""
    seen = {}
    for rel in sorted(paths):
        digest = hashlib.sha256((raw / rel).read_bytes()).hexdigest()
        if sums and sums.get(rel) not in (None, digest):
            raise StitchError(f"raw file {rel} does not match SHA256SUMS: it was changed after gathering")
        seen[rel] = digest
    return seen


def build_series(recipe: Recipe, raw: Path, keep_bars: bool) -> tuple[pd.DataFrame, dict]:
    frame, checks = stitch_closes(recipe.id, raw, recipe.closes, recipe.tolerance)
    dropped = [d for d in recipe.drop if pd.Timestamp(d) in frame.index]
    frame = frame.drop(index=[pd.Timestamp(d) for d in dropped])
    info: dict = {"checks": checks, "dropped_dates": {d: recipe.drop[d] for d in dropped}}
    if recipe.bars and keep_bars:
        bars, bar_checks = stitch_bars(recipe.id, raw, recipe.bars, recipe.bars_tolerance)
        frame, bars_dropped = attach_bars(frame, bars, recipe.bars_match_close)
        with_bars = frame["high"].notna()
        info["intraday"] = {"rows": int(with_bars.sum()), "first": str(frame.index[with_bars][0].date()),
                            "last": str(frame.index[with_bars][-1].date()), "checks": bar_checks,
                            "bars_dropped": bars_dropped}
    elif recipe.bars:
        info["intraday"] = {"omitted": "licence (redistributable build)"}
    if frame.empty:
        raise StitchError(f"{recipe.id}: no observations")
    return frame, info


def write_csv(out: Path, name: str, frame: pd.DataFrame) -> bytes:
    frame = frame.copy()
    if isinstance(frame.index, pd.DatetimeIndex):
        frame.index = frame.index.strftime("%Y-%m-%d")
    path = out / name
    frame.to_csv(path, float_format="%.10g", lineterminator="\n", index=frame.index.name is not None)
    return path.read_bytes()


def entry(series_id: str, frame: pd.DataFrame, data: bytes, licence: str, digests: dict[str, str], info: dict,
          first_col: str | None = None) -> dict:
    """A MANIFEST.json record: what the file holds, its hash, licence and provenance."""
    dates = frame[first_col] if first_col else frame.index.strftime("%Y-%m-%d")
    return {"series": series_id, "rows": len(frame), "first": str(min(dates)), "last": str(max(dates)),
            "sha256": hashlib.sha256(data).hexdigest(), "licence": licence,
            "built_from": [f"{p} (sha256 {d[:12]})" for p, d in sorted(digests.items())], **info}


def build(raw: Path, out: Path, licences: Licences, redistributable: bool, only: set[str] | None) -> dict:
    recipes = [r for r in RECIPES if only is None or r.id in only]
    unknown = (only or set()) - {r.id for r in RECIPES} - {"boj_policy_rate"}
    if unknown:
        raise StitchError(f"no recipe for {sorted(unknown)}")
    sums = raw_checksums(raw)
    manifest: dict = {}
    built: dict[str, pd.DataFrame] = {}
    meta = {"redistributable": redistributable, "omitted": {}, "intraday_omitted": {}}
    for recipe in recipes:
        licence = licences.of(recipe.id)
        if redistributable and not licences.free(licence):
            meta["omitted"][recipe.id] = licence
            continue
        keep_bars = not redistributable or licences.free(licences.bars_licence(recipe.id))
        if recipe.bars and not keep_bars:
            meta["intraday_omitted"][recipe.id] = licences.bars_licence(recipe.id)
        frame, info = build_series(recipe, raw, keep_bars)
        digests = verify_raw(raw, list({p.path for p in recipe.closes + (recipe.bars if keep_bars else ())}), sums)
        data = write_csv(out, f"{recipe.id}.csv", frame)
        manifest[f"{recipe.id}.csv"] = entry(recipe.id, frame, data, licence, digests, info)
        built[recipe.id] = frame
    _decision_tables(raw, out, licences, manifest, built, sums, only, meta)
    print(f"built {len(manifest)} files" + (f"; left out (licence): {', '.join(meta['omitted'])}"
                                            if meta["omitted"] else ""))
    manifest["_build"] = meta
    return manifest


def _decision_tables(raw: Path, out: Path, licences: Licences, manifest: dict, built: dict, sums: dict,
                     only: set[str] | None, meta: dict) -> None:
    if (only is None or "boj_policy_rate" in only) and not redistributable_omits(licences, meta, "boj_policy_rate"):
        source = raw / "boj_policy_rate_decisions.csv"
        digests = verify_raw(raw, ["boj_policy_rate_decisions.csv"], sums)
        data = source.read_bytes()
        (out / "boj_policy_rate.csv").write_bytes(data)  # copied unchanged
        manifest["boj_policy_rate.csv"] = entry("boj_policy_rate", pd.read_csv(source, dtype=str), data,
                                                licences.of("boj_policy_rate"), digests, {}, first_col="effective")
    if {"fed_funds_upper", "fed_funds_lower"} <= set(built):
        effective = built.get("fed_funds_effective")
        table, record = fed_decisions(built["fed_funds_upper"]["value"], built["fed_funds_lower"]["value"],
                                      effective["value"] if effective is not None else pd.Series(dtype=float),
                                      read_announcements(FOMC))
        data = write_csv(out, "fed_funds_decisions.csv", table.set_index("announced"))
        info = {"checks": [record], "derived_from": "fed_funds_upper, fed_funds_lower, fed_funds_effective, "
                                                    "scripts/fomc_announcements.csv"}
        manifest["fed_funds_decisions.csv"] = entry("fed_funds_decisions", table, data,
                                                    licences.of("fed_funds_upper"), {}, info, first_col="effective")


def redistributable_omits(licences: Licences, meta: dict, series_id: str) -> bool:
    """A redistributable build leaves the series out (and records it) when its licence says so."""
    if meta["redistributable"] and not licences.free(licences.of(series_id)):
        meta["omitted"][series_id] = licences.of(series_id)
        return True
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("raw", nargs="?", type=Path, default=RAW)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--catalog", type=Path, default=ROOT / "data" / "catalog.toml")
    parser.add_argument("--redistributable", action="store_true")
    parser.add_argument("--series", help="comma-separated series ids (default: every recipe)")
    args = parser.parse_args(argv)
    only = set(args.series.split(",")) if args.series else None
    with tempfile.TemporaryDirectory() as tmp:
        staging = Path(tmp)
        try:
            manifest = build(args.raw, staging, Licences(args.catalog), args.redistributable, only)
        except StitchError as exc:
            print(f"build_snapshot: error: {exc}", file=sys.stderr)
            return 2
        (staging / "MANIFEST.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
        _replace(args.out, staging)
    return 0


def _replace(out: Path, staging: Path) -> None:
    """Only a complete build replaces the snapshot: old files are removed, new ones copied."""
    out.mkdir(parents=True, exist_ok=True)
    for old in out.iterdir():
        if old.suffix in (".csv", ".json"):
            old.unlink()
    for new in staging.iterdir():
        shutil.copyfile(new, out / new.name)


if __name__ == "__main__":
    sys.exit(main())
