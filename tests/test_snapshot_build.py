"""scripts/build_snapshot.py against tiny fixture trees, and the shipped snapshot's integrity:
overlaps verified (a disagreeing file stops the build), raw files checked against
SHA256SUMS, MANIFEST covering every file, and the redistributable build."""
import hashlib
import json
import subprocess
import sys

import pytest

from conftest import ROOT, require_shared
from factcheck.catalog import load_catalog
from factcheck.errors import DataError
from factcheck.resources_access import resource
from factcheck.store import Store

SCRIPT = ROOT / "scripts" / "build_snapshot.py"
RECENT = "fred/recent_2025-12_2026-09"


def write(root, rel, text):
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def oil_tree(root, brent_recent_close="70.45"):
    """EIA Brent + FRED copies overlapping on 2026-02-05/06, WTI likewise, plus TOPIX and
    USD/JPY (FRED closes, Yahoo bars), enough for `--series brent,wti,topix,usdjpy`."""
    write(root, "eia/brent-daily.csv", "Date,Price\r\n2026-02-04,71.15\r\n2026-02-05,69.87\r\n2026-02-06,70.45\r\n")
    write(root, f"{RECENT}/DCOILBRENTEU.csv",
          f"observation_date,DCOILBRENTEU\n2026-02-05,69.87\n2026-02-06,{brent_recent_close}\n2026-02-09,71.19\n")
    write(root, "fred/window_2010_2026/DCOILBRENTEU.csv", "observation_date,DCOILBRENTEU\n2026-02-04,71.15\n")
    write(root, "eia/wti-daily.csv", "Date,Price\r\n2026-02-05,62.90\r\n2026-02-06,63.77\r\n")
    write(root, f"{RECENT}/DCOILWTICO.csv", "observation_date,DCOILWTICO\n2026-02-06,63.77\n2026-02-09,64.10\n")
    write(root, "topix/topix.csv", "date,value\n2026-02-06,3699\n2026-02-09,3783.57\n")
    write(root, "fred/long/DEXJPUS.csv", "DATE,DEXJPUS\n2026-02-05,157.00\n2026-02-06,.\n")
    write(root, f"{RECENT}/DEXJPUS.csv", "observation_date,DEXJPUS\n2026-02-05,157.00\n2026-02-06,157.10\n")
    bars = "Date,Close,High,Low,Open,Volume\n2026-02-05,157.2,157.6,156.8,157.0,0\n2026-02-06,157.3,157.9,156.9,157.1,0\n"
    write(root, "yahoo/USDJPY_daily.csv", bars)
    write(root, "yahoo/automation-market/usdjpy.csv",
          "Date,Open,High,Low,Close\r\n2026-02-06,157.1000,157.9000,156.9000,157.3000\r\n")
    return root


def build(raw, out, *args):
    return subprocess.run([sys.executable, str(SCRIPT), str(raw), "--out", str(out), *args],
                          capture_output=True, text=True, timeout=120)


def test_fixture_build_stitches_and_records_the_checks(tmp_path):
    raw = oil_tree(tmp_path / "raw")
    out = tmp_path / "snap"
    r = build(raw, out, "--series", "brent,wti")
    assert r.returncode == 0, r.stderr
    manifest = json.loads((out / "MANIFEST.json").read_text())
    brent = manifest["brent.csv"]
    assert (brent["first"], brent["last"], brent["rows"]) == ("2026-02-04", "2026-02-09", 4)
    assert [c["overlap_days"] for c in brent["checks"]] == [2, 1]  # FRED recent, then the 2010-2026 copy
    assert brent["licence"] == "us-government"
    assert hashlib.sha256((out / "brent.csv").read_bytes()).hexdigest() == brent["sha256"]
    store = Store(load_catalog(), out, cache=False)
    assert store.get("brent").on_or_before(__import__("datetime").date(2026, 2, 9))[1] == 71.19


def test_disagreeing_overlap_fails_the_build_and_keeps_the_old_snapshot(tmp_path):
    out = tmp_path / "snap"
    assert build(oil_tree(tmp_path / "good"), out, "--series", "brent").returncode == 0
    before = (out / "MANIFEST.json").read_bytes()
    r = build(oil_tree(tmp_path / "bad", brent_recent_close="70.95"), out, "--series", "brent")
    assert r.returncode == 2
    assert "DCOILBRENTEU.csv disagrees" in r.stderr and "2026-02-06" in r.stderr and "1 of 2" in r.stderr
    assert (out / "MANIFEST.json").read_bytes() == before


def test_raw_file_changed_after_gathering_is_refused(tmp_path):
    raw = oil_tree(tmp_path / "raw")
    (tmp_path / "SHA256SUMS").write_text(f"{'0' * 64}  raw/eia/wti-daily.csv\n")
    r = build(raw, tmp_path / "snap", "--series", "wti")
    assert r.returncode == 2 and "does not match SHA256SUMS" in r.stderr


def test_redistributable_build_leaves_out_restricted_series(tmp_path, checker):
    from factcheck.api import Checker

    raw = oil_tree(tmp_path / "raw")
    out = tmp_path / "public"
    r = build(raw, out, "--series", "brent,topix,usdjpy", "--redistributable")
    assert r.returncode == 0, r.stderr
    manifest = json.loads((out / "MANIFEST.json").read_text())
    assert "topix.csv" not in manifest and not (out / "topix.csv").exists()
    assert manifest["_build"]["omitted"] == {"topix": "jpx"}
    assert manifest["_build"]["intraday_omitted"] == {"usdjpy": "yahoo"}
    assert (out / "usdjpy.csv").read_text().splitlines()[0] == "date,value,source"  # Yahoo bars left out
    catalog = load_catalog()
    public = Checker(catalog, Store(catalog, out, cache=False), checker.policy)
    topix = public.check("The Topix closed at 3,783.57 on Monday.", "2026-02-09").to_dict()["claims"][0]
    assert topix["verdict"]["label"] == "unverifiable"
    assert "no data shipped (licence)" in topix["verdict"]["explanation"]
    brent = public.check("Brent crude settled at $70.45 a barrel on Friday.", "2026-02-06").to_dict()["claims"][0]
    assert brent["verdict"]["label"] == "accurate"


def test_full_build_reproduces_the_shipped_snapshot(tmp_path):
    """Built from ../shared/market-data/raw, every file is byte-for-byte the shipped one."""
    shared = require_shared()
    r = build(shared / "market-data" / "raw", tmp_path / "snap")
    assert r.returncode == 0, r.stderr
    shipped = json.loads(resource("snapshot", "MANIFEST.json").read_text())
    rebuilt = json.loads((tmp_path / "snap" / "MANIFEST.json").read_text())
    assert {k: v.get("sha256") for k, v in rebuilt.items()} == {k: v.get("sha256") for k, v in shipped.items()}


def test_manifest_covers_every_shipped_file_with_a_licence():
    catalog = load_catalog()
    manifest = json.loads(resource("snapshot", "MANIFEST.json").read_text())
    files = {p.name for p in resource("snapshot").iterdir() if p.name != "MANIFEST.json"}
    listed = {k for k in manifest if not k.startswith("_")}
    assert files == listed
    for name in listed:
        assert manifest[name]["licence"] in catalog.licences, name
        data = resource("snapshot", name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == manifest[name]["sha256"], name


def test_every_series_of_the_issue_is_shipped_with_its_licence():
    catalog = load_catalog()
    store = Store(catalog, cache=False)
    wanted = {"topix": "2026-08", "nasdaq_comp": "2026-08", "djia": "2026-08", "vix": "2026-09", "brent": "2026-09",
              "wti": "2026-09", "gold": "2026-08", "eurusd": "2026-09", "gbpusd": "2025-08", "usdcny": "2023-09",
              "usdcny_fixing": "2026-07", "ust_5y": "2026-07", "ust_1y": "2026-07", "ust_3m": "2026-07",
              "ust_30y": "2026-08", "bund_10y": "2026-01", "mortgage_30y": "2026-06", "fed_funds_upper": "2026-08",
              "fed_funds_lower": "2026-08", "jgb_2y": "2026-08", "jgb_10y": "2026-08"}
    for sid, month in wanted.items():
        data = store.get(sid)
        assert data is not None and str(data.last)[:7] == month, sid
        assert catalog.get(sid).licence, sid


def test_damaged_new_file_is_refused(tmp_path):
    from test_store import copy_snapshot

    snap = copy_snapshot(tmp_path)
    path = snap / "topix.csv"
    path.write_bytes(path.read_bytes().replace(b"3783.57", b"3883.57"))
    store = Store(load_catalog(), snap, cache=False)
    with pytest.raises(DataError, match="topix.csv is damaged"):
        store.get("topix")
    assert store.get("brent") is not None


def test_catalog_refuses_an_unknown_licence():
    from factcheck.catalog import parse_catalog
    from factcheck.errors import CatalogError

    text = ('[[series]]\nid = "x"\nname = "X"\nasset_class = "index"\nunit = "points"\nlicence = "nobody"\n')
    with pytest.raises(CatalogError, match="unknown licence 'nobody'"):
        parse_catalog(text, "test.toml", base=load_catalog())


def test_shipped_values_and_bars_are_inside_each_series_range():
    """value_range must hold history (data outside it are refused at every entrance), and a
    kept bar is a consistent one: low <= open <= high, low <= high."""
    catalog = load_catalog()
    store = Store(catalog, cache=False)
    for s in catalog:
        data = store.get(s.id)
        if data is None:
            continue
        lo, hi = s.value_range
        for col in [c for c in ("value", "open", "high", "low") if c in data.frame.columns]:
            values = data.frame[col].dropna()
            assert values.between(lo, hi).all(), (s.id, col, values[~values.between(lo, hi)].head())
        if "high" in data.frame.columns:
            bars = data.frame.dropna(subset=["high", "low"])
            assert (bars["low"] <= bars["high"]).all(), s.id
            opens = bars.dropna(subset=["open"])
            assert opens["open"].between(opens["low"], opens["high"]).all(), s.id
