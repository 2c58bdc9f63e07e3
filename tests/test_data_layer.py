"""The cache, updates (atomic, failure-safe), the data commands and --online."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import responses
from typer.testing import CliRunner

from factcheck.cache import Cache
from factcheck.catalog import load_catalog
from factcheck.cli import app
from factcheck.sources import Http, HttpConfig
from factcheck.sources import fred as fred_module
from factcheck.sources import mof as mof_module
from factcheck.store import Store
from factcheck.update import update

P = Path(__file__).parent / "payloads"
runner = CliRunner()


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    return Cache(tmp_path / "cache")


def quiet_http():
    return Http(HttpConfig(timeout=1, retries=1, backoff=0), sleep=lambda s: None)


def mock_mof():
    responses.get(mof_module.HISTORICAL_URL, body=(P / "mof_historical.csv").read_bytes())
    responses.get(mof_module.CURRENT_URL, body=(P / "mof_current_with_footer.csv").read_bytes())


@responses.activate
def test_update_extends_the_snapshot_and_check_uses_it(cache):
    mock_mof()
    catalog = load_catalog()
    result = update(catalog, ["jgb_10y", "jgb_30y"], cache, quiet_http())
    assert [u.source for u in result.series] == ["mof", "mof"]
    assert len(responses.calls) == 2  # one download of each MoF file serves both tenors
    data = Store(catalog, cache=cache).get("jgb_30y")  # shipped MoF 30-year data end 2026-06-30
    assert str(data.last) == "2026-07-01" and data.origin == "snapshot+cache"
    assert data.frame.loc["2026-07-01", "source"] == "mof"
    from factcheck.api import Checker
    from factcheck.policy import load_policy

    checker = Checker(catalog, Store(catalog, cache=cache), load_policy())
    c = checker.check("The 30-year JGB yield closed at 3.88% on Wednesday.", "2026-07-02").to_dict()["claims"][0]
    assert c["verdict"]["label"] == "accurate" and c["verdict"]["observed"][0]["date"] == "2026-07-01"


@responses.activate
def test_failed_update_leaves_previous_data(cache):
    mock_mof()
    catalog = load_catalog()
    update(catalog, ["jgb_10y"], cache, quiet_http())
    before = cache.path("jgb_10y").read_bytes()
    responses.reset()
    responses.get(mof_module.HISTORICAL_URL, body=(P / "html_200.html").read_bytes())
    responses.get(mof_module.CURRENT_URL, status=500)
    result = update(catalog, ["jgb_10y"], cache, quiet_http())
    assert result.failed and "HTML page" in result.failed[0].errors[0]
    assert cache.path("jgb_10y").read_bytes() == before


@responses.activate
def test_update_interrupted_midway_leaves_the_store_readable(cache, monkeypatch):
    mock_mof()
    catalog = load_catalog()
    update(catalog, ["jgb_30y"], cache, quiet_http())
    before = cache.path("jgb_30y").read_bytes()

    import factcheck.cache as cache_module

    def crash(*args, **kwargs):
        raise KeyboardInterrupt("killed while writing")

    monkeypatch.setattr(cache_module.os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        update(catalog, ["jgb_30y"], cache, quiet_http())
    monkeypatch.undo()
    assert cache.path("jgb_30y").read_bytes() == before
    assert not list(cache.path("jgb_30y").parent.glob("*.tmp"))  # no half-written file left behind
    assert str(Store(catalog, cache=cache).get("jgb_30y").last) == "2026-07-01"


def test_damaged_cache_file_falls_back_to_snapshot_with_warning(cache):
    cache.path("ust_10y").parent.mkdir(parents=True)
    cache.path("ust_10y").write_text("# {}\nnot,a,valid\nfile")
    store = Store(load_catalog(), cache=cache)
    assert str(store.get("ust_10y").last) == "2026-09-17"
    assert store.warnings and "ust_10y.csv" in store.warnings[0]


@responses.activate
def test_data_update_cli_exit_status_and_summary(cache, monkeypatch):
    monkeypatch.setenv("FACTCHECK_HTTP_RETRIES", "0")
    monkeypatch.delenv("FRED_API_KEY", raising=False)
    mock_mof()
    responses.get(fred_module.CSV_URL, status=500)
    r = runner.invoke(app, ["data", "update", "jgb_2y", "ust_2y"])
    assert r.exit_code == 6
    assert "jgb_2y" in r.stdout and "ok" in r.stdout and "FAILED" in r.stdout
    assert "mof: 1 ok" in r.stdout and "fred_csv: 0 ok, 1 failed" in r.stdout
    r = runner.invoke(app, ["data", "update", "jgb_2y"])
    assert r.exit_code == 0


def test_data_import_cli(cache, tmp_path):
    csv = tmp_path / "jgb.csv"
    csv.write_text("date,value\n2026-07-01,3.88\n2026-07-02,3.9\n")
    r = runner.invoke(app, ["data", "import", str(csv), "--series", "jgb_30y"])
    assert r.exit_code == 0 and "2 observations" in r.stdout
    assert str(Store(load_catalog(), cache=cache).get("jgb_30y").last) == "2026-07-02"
    csv.write_text("date,value\n2026-07-03,270\n")
    r = runner.invoke(app, ["data", "import", str(csv), "--series", "jgb_30y"])
    assert r.exit_code == 4 and "outside" in r.stderr


def test_data_status_lists_every_series_md_id_to_2026_06(cache):
    r = runner.invoke(app, ["data", "status"], env={"COLUMNS": "200"})
    assert r.exit_code == 0
    ids = [f"jgb_{n}y" for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40)] + [
        "ust_2y", "ust_10y", "ust_30y", "usdjpy", "nikkei225", "sp500", "boj_policy_rate", "fed_funds_effective",
        "fed_funds_upper"]
    for sid in ids:
        line = next(l for l in r.stdout.splitlines() if f" {sid} " in l)
        last = [w for w in line.split("│") if w.strip()[:4] == "2026"]
        assert last and max(w.strip() for w in last) >= "2026-06", line


@responses.activate
def test_check_online_failure_warns_and_uses_the_snapshot(cache, monkeypatch):
    monkeypatch.setenv("FACTCHECK_HTTP_RETRIES", "0")
    responses.get(mof_module.HISTORICAL_URL, status=503)
    responses.get(mof_module.CURRENT_URL, status=503)
    r = runner.invoke(app, ["check", "-", "--online", "--date", "2026-01-21", "--format", "json"],
                      input="The 10-year JGB yield rose to 2.33% yesterday.")
    assert r.exit_code == 0
    assert "could not update jgb_10y" in r.stderr
    report = json.loads(r.stdout)
    assert report["claims"][0]["verdict"]["label"] == "accurate"
    assert any("could not update" in w for w in report["warnings"])
