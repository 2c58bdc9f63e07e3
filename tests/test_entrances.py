"""Data checked at every entrance, the cache's lock, sweep and disk errors, the source
registry and the fetch layer's rules, in process (the installed-CLI side is in
test_installed.py and test_faults.py)."""
from __future__ import annotations

import errno
from datetime import date

import pandas as pd
import pytest
import requests
import responses

from factcheck.cache import Cache, CacheWriteError
from factcheck.catalog import load_catalog
from factcheck.errors import DataError, SourceDown
from factcheck.sources import Http, HttpConfig, display_name, lookup, source_for
from factcheck.sources import fred as fred_module
from factcheck.sources.http import rebase
from factcheck.sources.registry import all_sources, intraday_source
from factcheck.store import Store
from factcheck.validation import iso_dates, validate

CAT = load_catalog()


def frame(dates, values):
    return pd.DataFrame({"value": values}, index=pd.to_datetime(dates))


@pytest.mark.parametrize("dates, values, words", [
    (["2026-01-05", "2026-01-05"], [1.0, 1.1], "more than once"),
    (["2026-01-05"], [float("inf")], "not a finite number"),
    (["2026-01-05"], [float("nan")], "not a finite number"),
    (["2099-01-05"], [1.0], "in the future"),
    (["2026-01-05"], [99.0], "outside jgb_10y's plausible range"),
    ([], [], "no observations"),
])
def test_validate_refuses_naming_the_row(dates, values, words):
    with pytest.raises(DataError, match=words):
        validate(frame(dates, values), CAT.get("jgb_10y"), "test", today=date(2026, 12, 3))


def test_validate_allows_one_day_ahead_and_sorts():
    out = validate(frame(["2026-12-04", "2026-12-01"], [1.0, 1.1]), CAT.get("jgb_10y"), "t", today=date(2026, 12, 3))
    assert list(out.index.day) == [1, 4]


@pytest.mark.parametrize("text, words", [("2026/01/05", "not an ISO date"), ("2026-13-01", "not a calendar date"),
                                         ("20260105", "not an ISO date"), ("", "not an ISO date")])
def test_iso_dates_only(text, words):
    with pytest.raises(DataError, match=words):
        iso_dates(pd.Series(["2026-01-02", text]), "t")


def test_cache_values_outside_the_range_are_quarantined(tmp_path):
    cache = Cache(tmp_path)
    cache.write("ust_10y", frame(["2026-11-02"], [430.0]), {"source": "fred_csv"})
    store = Store(CAT, cache=cache)
    assert str(store.get("ust_10y").last) == "2026-09-17"  # the snapshot alone
    assert "plausible range" in store.warnings[0] and "quarantine" in store.warnings[0]
    assert not cache.path("ust_10y").exists() and len(list((tmp_path / "quarantine").iterdir())) == 1


def test_merge_write_replaces_a_damaged_file_and_sweeps_temp_files(tmp_path):
    cache = Cache(tmp_path)
    cache.path("ust_10y").parent.mkdir(parents=True)
    cache.path("ust_10y").write_text("# {}\ndate,value\n2026-11-0")
    (cache.path("ust_10y").parent / ".ust_10y.dead.tmp").write_text("x")
    added, path = cache.merge_write("ust_10y", frame(["2026-11-02"], [4.1]), {"source": "fred_csv"})
    assert added == 1 and cache.read("ust_10y").frame["value"].tolist() == [4.1]
    assert not list(path.parent.glob("*.tmp"))


def test_a_full_disk_is_a_cache_write_error(tmp_path, monkeypatch):
    import factcheck.cache as cache_module

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(cache_module.tempfile, "mkstemp", full)
    with pytest.raises(CacheWriteError, match="No space left on device"):
        Cache(tmp_path).merge_write("ust_10y", frame(["2026-11-02"], [4.1]), {"source": "fred_csv"})


# -- the source registry ---------------------------------------------------------------------
def test_every_catalog_source_is_registered():
    names = {src["source"] for s in CAT for src in s.sources}
    assert names <= set(all_sources()), names - set(all_sources())


def test_display_names_come_from_the_registry():
    assert display_name("fred:DGS10") == "FRED DGS10" and display_name("mof") == "MoF"
    assert display_name("fred_csv") == "FRED" and display_name("user:mine.csv") == "user data"
    assert display_name("boj_decisions") == "BoJ decisions table" and display_name("nowhere") == "nowhere"
    assert intraday_source(["fred", "yahoo"]) == "yahoo" and intraday_source(["fred"]) is None
    assert lookup("yahoo").updatable is False and lookup("mof").updatable is True
    assert source_for("yahoo") is None and source_for("mof").name == "mof"


# -- the fetch layer -------------------------------------------------------------------------
def quiet(**kw):
    return Http(HttpConfig(**{"timeout": 1, "retries": 2, "backoff": 0.01, **kw}), sleep=lambda s: None)


@responses.activate
def test_negative_retry_after_is_ignored_not_slept():
    slept = []
    responses.get(fred_module.CSV_URL, status=503, headers={"Retry-After": "-5"})
    http = Http(HttpConfig(timeout=1, retries=1, backoff=0.01), sleep=slept.append)
    with pytest.raises(SourceDown, match="HTTP 503"):
        http.get("fred_csv", fred_module.CSV_URL)
    assert slept == [0.01]


@responses.activate
def test_a_host_that_refuses_is_not_asked_again_in_the_run():
    from urllib3.exceptions import MaxRetryError, NewConnectionError

    refused = MaxRetryError(None, "/graph/fredgraph.csv", NewConnectionError(None, "Connection refused"))
    responses.get(fred_module.CSV_URL, body=requests.exceptions.ConnectionError(refused))
    http = quiet()
    with pytest.raises(SourceDown, match="connection refused"):
        http.get("fred_csv", fred_module.CSV_URL, {"id": "DGS10"})
    with pytest.raises(SourceDown):
        http.get("fred_csv", fred_module.CSV_URL, {"id": "DGS2"})
    assert len(responses.calls) == 1


@responses.activate
def test_connect_timeout_marks_the_host_down_at_once():
    responses.get(fred_module.CSV_URL, body=requests.exceptions.ConnectTimeout("connect timed out"))
    http = quiet()
    with pytest.raises(SourceDown, match="cannot connect"):
        http.get("fred_csv", fred_module.CSV_URL, {"id": "DGS10"})
    with pytest.raises(SourceDown, match="unreachable earlier in this run"):
        http.get("fred_csv", fred_module.CSV_URL, {"id": "DGS2"})
    assert len(responses.calls) == 1


def test_the_budget_bounds_the_whole_run():
    clock = iter([0.0, 10.0, 10.0, 10.0])
    http = Http(HttpConfig(budget=4), sleep=lambda s: None, clock=lambda: next(clock))
    with pytest.raises(SourceDown, match="time budget of 4s"):
        http.get("mof", "https://www.mof.go.jp/x.csv")


def test_sources_url_rebases_every_source_and_hides_passwords(monkeypatch):
    monkeypatch.setenv("FACTCHECK_SOURCES_URL", "http://user:hunter2@127.0.0.1:8080/mirror/")
    assert rebase("https://fred.stlouisfed.org/graph/fredgraph.csv?id=DGS10") == \
        "http://user:hunter2@127.0.0.1:8080/mirror/graph/fredgraph.csv?id=DGS10"
    monkeypatch.setenv("FACTCHECK_SOURCES_URL", "ftp://127.0.0.1/")
    with pytest.raises(SourceDown, match="must be an http") as err:
        quiet().get("mof", "https://www.mof.go.jp/x.csv")
    assert "hunter2" not in str(err.value)
    down = SourceDown("mirror", "failed at http://user:hunter2@127.0.0.1/x?api_key=abc&id=1")
    assert "hunter2" not in str(down) and "abc" not in str(down) and "api_key=***" in str(down)
