"""The offline snapshot: integrity checks, step series, resource access."""

import pytest

from factcheck.catalog import load_catalog
from factcheck.errors import DataError
from factcheck.resources_access import resource
from factcheck.store import Store


def copy_snapshot(tmp_path):
    src = resource("snapshot")
    dst = tmp_path / "snapshot"
    dst.mkdir()
    for item in src.iterdir():
        (dst / item.name).write_bytes(item.read_bytes())
    return dst


def test_damaged_file_is_a_clear_error_naming_it(tmp_path):
    snap = copy_snapshot(tmp_path)
    path = snap / "jgb_10y.csv"
    path.write_bytes(path.read_bytes().replace(b"2.33,", b"9.99,", 1))
    store = Store(load_catalog(), snap)
    with pytest.raises(DataError, match="jgb_10y.csv is damaged"):
        store.get("jgb_10y")
    assert store.get("ust_10y") is not None  # the other files are still usable


def test_policy_rate_is_a_step_series():
    store = Store(load_catalog())
    data = store.get("boj_policy_rate")
    from datetime import date

    assert data.on_or_before(date(2025, 12, 21))[1] == 0.5
    assert data.on_or_before(date(2025, 12, 22))[1] == 0.75
    assert data.on_or_before(date(2016, 3, 1))[1] == -0.1


def test_snapshot_vintage_and_coverage():
    store = Store(load_catalog())
    assert store.vintage == "2026-09-17"
    assert str(store.get("jgb_10y").last) == "2026-08-20"  # MoF 2Y and 10Y only run past June
    assert str(store.get("jgb_30y").last) == "2026-06-30"
    assert str(store.get("nikkei225").first) == "1949-05-16"


def test_wheel_ships_the_data(tmp_path):
    """`pip install .` (not only editable installs) must carry the catalog and snapshot."""
    import subprocess
    import sys
    import zipfile
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
                    str(tmp_path), str(root)], check=True)
    wheel = next(tmp_path.glob("factcheck-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "factcheck/resources/catalog.toml" in names
    assert "factcheck/resources/snapshot/MANIFEST.json" in names
    assert "factcheck/resources/snapshot/jgb_10y.csv" in names
