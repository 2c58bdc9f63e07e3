"""Every source on payloads in its real format, through the real requests code path with
HTTP mocked at the transport (responses), including the failure modes of SOURCES.md."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
import requests
import responses

from factcheck.errors import EmptyResponse, FormatError, QueryError, SourceDown, Unauthorized
from factcheck.sources import Boj, FredApi, FredCsv, Http, HttpConfig, Mof, Query, UsTreasury
from factcheck.sources import fred as fred_module
from factcheck.sources import mof as mof_module
from factcheck.sources import ustreasury as ust_module
from factcheck.sources import boj as boj_module

P = Path(__file__).parent / "payloads"
FAKE_KEY = "abcdefghij0123456789klmnopqrstuv"


def payload(name: str) -> bytes:
    return (P / name).read_bytes()


@pytest.fixture
def http():
    slept: list[float] = []
    h = Http(HttpConfig(timeout=2, retries=2, backoff=0.5, user_agent="factcheck-test/1"), sleep=slept.append)
    h.slept = slept
    return h


@responses.activate
def test_fred_csv_current_header_and_blank_missing(http):
    responses.get(fred_module.CSV_URL, body=payload("fred_dgs10.csv"))
    got = FredCsv(http).fetch(Query("DGS10"))
    assert got.frame["value"].notna().all()
    assert got.frame.loc["2026-09-17", "value"] == 4.94
    assert pd.Timestamp("2026-07-03") not in got.frame.index  # a blank (US holiday) is missing, not zero
    assert "id=DGS10" in got.url


@responses.activate
def test_fred_csv_legacy_header_and_dot_missing(http):
    responses.get(fred_module.CSV_URL, body=payload("fred_nikkei225_legacy.csv"))
    got = FredCsv(http).fetch(Query("NIKKEI225"))
    assert got.frame.loc["2020-03-27", "value"] == 19389.43
    assert pd.Timestamp("2020-02-24") not in got.frame.index


@responses.activate
def test_timeout_then_success(http):
    responses.get(fred_module.CSV_URL, body=requests.exceptions.ReadTimeout("slow"))
    responses.get(fred_module.CSV_URL, body=payload("fred_dgs10.csv"))
    assert len(FredCsv(http).fetch(Query("DGS10")).frame) > 50
    assert http.slept == [0.5]


@responses.activate
def test_429_with_retry_after_then_success(http):
    responses.get(fred_module.CSV_URL, status=429, headers={"Retry-After": "7"})
    responses.get(fred_module.CSV_URL, body=payload("fred_dgs10.csv"))
    FredCsv(http).fetch(Query("DGS10"))
    assert http.slept == [7.0]


@responses.activate
def test_500_every_time_is_source_down(http):
    responses.get(fred_module.CSV_URL, status=500)
    with pytest.raises(SourceDown, match="HTTP 500.*3 attempts"):
        FredCsv(http).fetch(Query("DGS10"))
    assert http.slept == [0.5, 1.0]


@responses.activate
def test_connection_reset_is_source_down(http):
    responses.get(fred_module.CSV_URL, body=requests.exceptions.ConnectionError("reset by peer"))
    with pytest.raises(SourceDown, match="connection dropped"):
        FredCsv(http).fetch(Query("DGS10"))


@responses.activate
@pytest.mark.parametrize("body, error, match", [
    (payload("html_200.html"), FormatError, "HTML page"),
    (b"", EmptyResponse, "empty body"),
    (payload("fred_dgs10.csv")[:400] + b"2026-07-0", FormatError, "truncated"),
    (b"observation_date,SOMETHINGELSE\n2026-07-01,4.4\n", FormatError, "does not name DGS10"),
])
def test_fred_csv_bad_bodies(http, body, error, match):
    responses.get(fred_module.CSV_URL, body=body, status=200)
    with pytest.raises(error, match=match):
        FredCsv(http).fetch(Query("DGS10"))


@responses.activate
def test_fred_api_json_with_dot_missing(http, monkeypatch):
    monkeypatch.setenv("FRED_API_KEY", FAKE_KEY)
    responses.get(fred_module.API_URL, body=payload("fred_api_dgs10.json"))
    got = FredApi(http).fetch(Query("DGS10"))
    assert got.frame.loc["2026-09-17", "value"] == 4.94
    assert FAKE_KEY not in got.url and "api_key=***" in got.url


@responses.activate
def test_fred_api_error_message_is_surfaced_without_the_key(http, monkeypatch):
    monkeypatch.setenv("FRED_API_KEY", FAKE_KEY)
    responses.get(fred_module.API_URL, body=payload("fred_api_bad_key.json"), status=400)
    with pytest.raises(Unauthorized) as info:
        FredApi(http).fetch(Query("DGS10"))
    assert "32 character alpha-numeric" in str(info.value) and FAKE_KEY not in str(info.value)


def test_fred_api_needs_a_key(monkeypatch):
    monkeypatch.delenv("FRED_API_KEY", raising=False)
    with pytest.raises(Unauthorized, match="FRED_API_KEY"):
        FredApi(Http()).fetch(Query("DGS10"))
    assert isinstance(fred_module.fred_source(), FredCsv)


@responses.activate
def test_user_agent_is_configurable(http):
    responses.get(fred_module.CSV_URL, body=payload("fred_dgs10.csv"))
    FredCsv(http).fetch(Query("DGS10"))
    assert responses.calls[0].request.headers["User-Agent"] == "factcheck-test/1"


@responses.activate
def test_mof_history_plus_current_month_with_shift_jis_footer(http):
    responses.get(mof_module.HISTORICAL_URL, body=payload("mof_historical.csv"))
    responses.get(mof_module.CURRENT_URL, body=payload("mof_current_with_footer.csv"))
    got = Mof(http).fetch(Query("10Y"))
    assert got.frame.loc["2026-06-30", "value"] == 2.69
    assert got.frame.loc["2026-07-01", "value"] == 2.70
    assert got.frame.index.is_monotonic_increasing


@responses.activate
def test_mof_html_with_200_is_a_format_error(http):
    responses.get(mof_module.HISTORICAL_URL, body=payload("html_200.html"))
    responses.get(mof_module.CURRENT_URL, body=payload("html_200.html"))
    with pytest.raises(FormatError, match="HTML page"):
        Mof(http).fetch(Query("30Y"))


@responses.activate
def test_mof_current_month_missing_keeps_history(http):
    responses.get(mof_module.HISTORICAL_URL, body=payload("mof_historical.csv"))
    responses.get(mof_module.CURRENT_URL, body=payload("html_200.html"))
    got = Mof(http).fetch(Query("40Y"))
    assert got.frame.index[-1] == pd.Timestamp("2026-06-30")


@responses.activate
def test_mof_truncated_row(http):
    body = payload("mof_historical.csv")
    responses.get(mof_module.HISTORICAL_URL, body=body[: body.rfind(b",3.")])
    responses.get(mof_module.CURRENT_URL, status=404)
    with pytest.raises(FormatError, match="truncated"):
        Mof(http).fetch(Query("10Y"))


def test_mof_unknown_tenor_fails_before_io():
    with pytest.raises(QueryError):
        Mof(Http()).fetch(Query("11Y"))


@responses.activate
def test_us_treasury_maps_by_header_newest_first(http):
    responses.get(ust_module.URL.format(year=2023), body=payload("ustreasury_2023.csv"))
    got = UsTreasury(http).fetch(Query("10 Yr", date(2023, 8, 1), date(2023, 9, 30)))
    assert list(got.frame["value"]) == [4.09, 4.18]


@responses.activate
def test_boj_api_ok_with_null_values(http):
    responses.get(boj_module.URL, body=payload("boj_call_rate.json"))
    got = Boj(http).fetch(Query("FM01/STRDCLUCON", date(2026, 9, 1), date(2026, 9, 30)))
    assert list(got.frame["value"]) == [0.977]


@responses.activate
def test_boj_error_in_json_status_with_http_200(http):
    responses.get(boj_module.URL, body=payload("boj_bad_db.json"), status=200)
    with pytest.raises(QueryError, match="M181005E"):
        Boj(http).fetch(Query("XX01/STRDCLUCON"))


@responses.activate
def test_boj_service_unavailable_status(http):
    responses.get(boj_module.URL, json={"STATUS": 503, "MESSAGEID": "M181090S", "MESSAGE": "maintenance"})
    with pytest.raises(SourceDown, match="M181090S"):
        Boj(http).fetch(Query("FM01/STRDCLUCON"))
