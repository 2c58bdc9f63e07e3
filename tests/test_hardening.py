"""Hardening: property-based runs over the extractor and check_text, a fault-injection
matrix for every source, secrets that never leak, and input limits."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import requests
import responses
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import claims
from factcheck.cache import Cache
from factcheck.catalog import load_catalog, parse_catalog
from factcheck.cli import app
from factcheck.sources import Http, HttpConfig
from factcheck.sources import boj as boj_module
from factcheck.sources import fred as fred_module
from factcheck.sources import mof as mof_module
from factcheck.sources import ustreasury as ust_module
from factcheck.update import update

P = Path(__file__).parent / "payloads"
runner = CliRunner()

WORDS = ["The", "10-year", "JGB", "yield", "rose", "fell", "basis points", "bp", "to", "%", "per dollar", "yen",
         "Nikkei", "record", "highest since 1998", "yesterday", "on Tuesday", "in January 2025", "around", "touched",
         "by the end of 2026", "if", "BoJ", "raised rates", "between", "and", "$", "¥", "billion", ".", ",", "\n",
         "\n\n", "minus", "two percent", "U.S.", "Treasury", "spread", "the gap", "-"]
ODD = ["\u200f", "\u202e", "\u200b", "\ufeff", "\x00", "\x07", "\r", "\t", "٣", "１２", "½", "\u2028", "%%%%", "9" * 40]


def texts():
    token = st.one_of(st.sampled_from(WORDS), st.sampled_from(ODD), st.text(max_size=6),
                      st.from_regex(r"-?\d{1,6}(?:[.,]\d{1,4})?", fullmatch=True))
    return st.lists(token, max_size=60).map(" ".join)


def check_spans(text: str, found) -> None:
    for c in found:
        assert 0 <= c.start < c.end <= len(text)
        piece = text[c.start:c.end]
        assert any(ch.isdigit() for ch in piece) or any(w in piece.lower() for w in claims.lexicon.WORD_NUMBERS)


@pytest.fixture(scope="module")
def vocab():
    return load_catalog().vocabulary()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts())
def test_extractor_never_raises_and_spans_stay_in_text(vocab, text):
    check_spans(text, claims.extract(text, "2026-01-21", vocab))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts(), st.sampled_from([None, "2024-08-05", "2026-01-21"]))
def test_check_text_never_raises_and_reports_serialise(checker, text, published):
    report = checker.check(text, published).to_dict()
    json.dumps(report)
    for c in report["claims"]:
        s, e = c["value_span"]
        assert 0 <= s < e <= len(text) and text[s:e] == c["text"]
        assert c["verdict"]["label"] and c["verdict"]["explanation"]


@pytest.mark.slow
@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts())
def test_ten_thousand_examples_extractor(vocab, text):
    check_spans(text, claims.extract(text, "2026-01-21", vocab))


@pytest.mark.slow
@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts())
def test_ten_thousand_examples_check_text(checker, text):
    for c in checker.check(text, "2026-01-21").to_dict()["claims"]:
        s, e = c["value_span"]
        assert text[s:e] == c["text"]


@pytest.mark.parametrize("text", [
    "x" * 1_000_000, "1" * 1_000_000, "%" * 300_000, "\u200b9%" * 100_000, ("2.5% " * 200_000),
    "\n".join(["The yen at 158 per dollar."] * 20_000),
    "one two three four five six seven eight nine ten " * 8_000,  # was quadratic: 98 KB took 42 s
    "." * 1_000_000, "!?" * 500_000,  # a run of end punctuation was rescanned from every position
])
def test_large_adversarial_documents(checker, text):
    report = checker.check(text, "2026-01-21").to_dict()
    for c in report["claims"][:50]:
        s, e = c["value_span"]
        assert text[s:e] == c["text"]


# -- fault injection at the transport, one table for every source -------------------------------
SOURCES = {"t_fred": ("yield", "fred", "DGS10"), "t_mof": ("yield", "mof", "10Y"),
           "t_ust": ("yield", "ustreasury", "10 Yr"), "t_boj": ("rate", "boj", "FM01/STRDCLUCON")}
CATALOG = parse_catalog("".join(
    f'[[series]]\nid = "{sid}"\nname = "t"\nasset_class = "{asset}"\nunit = "percent"\n'
    f'sources = [{{ source = "{source}", code = "{code}" }}]\n'
    for sid, (asset, source, code) in SOURCES.items()), "test")

GOOD = {"t_fred": (fred_module.CSV_URL, "fred_dgs10.csv"), "t_mof": (mof_module.HISTORICAL_URL, "mof_historical.csv"),
        "t_ust": (None, "ustreasury_2023.csv"), "t_boj": (boj_module.URL, "boj_call_rate.json")}


def _url(series: str) -> str:
    url, _ = GOOD[series]
    return url or ust_module.URL.format(year=2026)


def _fault(series: str, fault: str) -> None:
    url = _url(series)
    body = (P / GOOD[series][1]).read_bytes()
    if fault == "timeout":
        responses.get(url, body=requests.exceptions.ConnectTimeout("timed out"))
    elif fault == "reset":
        responses.get(url, body=requests.exceptions.ConnectionError("connection reset by peer"))
    elif fault == "429":
        responses.get(url, status=429, headers={"Retry-After": "1"})
    elif fault == "500":
        responses.get(url, status=500)
    elif fault == "html200":
        responses.get(url, body=(P / "html_200.html").read_bytes(), status=200)
    elif fault == "truncated":
        responses.get(url, body=body[: len(body) // 2])
    elif fault == "header":
        first, _, rest = body.partition(b"\n")
        changed = {"t_fred": b"observation_date,DGS10_RENAMED", "t_mof": b"Zins,,,", "t_ust": b"Datum,x",
                   "t_boj": b'{"STATUS": "weird"'}[series]
        responses.get(url, body=changed + b"\n" + rest)
    elif fault == "empty":
        responses.get(url, body=b"")
    if series == "t_mof":
        responses.get(mof_module.CURRENT_URL, status=404)


@pytest.mark.parametrize("series", ["t_fred", "t_mof", "t_ust", "t_boj"])
@pytest.mark.parametrize("fault", ["timeout", "reset", "429", "500", "html200", "truncated", "header", "empty"])
@responses.activate
def test_fault_matrix_keeps_the_store_and_reports_the_failure(tmp_path, series, fault, monkeypatch):
    monkeypatch.delenv("FRED_API_KEY", raising=False)
    cache = Cache(tmp_path)
    cache.write(series, __import__("pandas").DataFrame({"value": [1.0]}, index=__import__("pandas").to_datetime(["2020-01-01"])),
                {"source": "earlier"})
    before = cache.path(series).read_bytes()
    _fault(series, fault)
    http = Http(HttpConfig(timeout=1, retries=1, backoff=0, max_retry_after=0), sleep=lambda s: None)
    from datetime import date

    result = update(CATALOG, [series], cache, http, start=date(2023, 8, 1) if series == "t_ust" else None)
    assert result.failed and result.failed[0].series_id == series, (fault, result)
    assert result.failed[0].errors[0]  # a reason, never an exception
    assert cache.path(series).read_bytes() == before


# -- secrets ------------------------------------------------------------------------------------
FAKE_KEY = "zzsecretkey0123456789abcdefghijk"


@responses.activate
def test_fred_key_never_leaks(tmp_path, monkeypatch):
    monkeypatch.setenv("FRED_API_KEY", FAKE_KEY)
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("FACTCHECK_HTTP_RETRIES", "0")
    echo = {"error_code": 400, "error_message": f"Bad Request.  api_key {FAKE_KEY} is not registered."}
    responses.get(fred_module.API_URL, json=echo, status=400)
    responses.get(fred_module.API_URL, body=(P / "fred_api_dgs10.json").read_bytes())
    responses.get(fred_module.API_URL, status=500)
    responses.get(ust_module.URL.format(year=2026), status=500)
    outputs = []
    for args, stdin in [(["data", "update", "ust_10y"], None), (["data", "update", "ust_10y"], None),
                        (["data", "update", "ust_10y"], None), (["data", "status"], None),
                        (["series", "show", "ust_10y"], None),
                        (["check", "-", "--online", "--format", "json", "--date", "2026-09-17"],
                         "The 10-year Treasury yield closed at 4.94%."),
                        (["check", "-", "--format", "html", "--date", "2026-09-17"], "The 10-year Treasury yield closed at 4.94%.")]:
        r = runner.invoke(app, args, input=stdin)
        outputs.append(r.stdout + r.stderr + (repr(r.exception) if r.exception else ""))
    for blob in outputs:
        assert FAKE_KEY not in blob
    for path in (tmp_path / "cache").rglob("*"):
        if path.is_file():
            assert FAKE_KEY not in path.read_text(errors="replace")
    assert any("api_key=***" in p.read_text() for p in (tmp_path / "cache").rglob("*.csv"))


# -- input limits -------------------------------------------------------------------------------
def test_oversized_document_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(5 * 1024 ** 3)  # 5 GB sparse: reading it would be noticed
    r = runner.invoke(app, ["check", str(big)])
    assert r.exit_code == 4 and "limit" in r.stderr
    small = tmp_path / "small.txt"
    small.write_text("The 10-year JGB yield rose to 2.33% yesterday. " * 100)
    r = runner.invoke(app, ["check", str(small), "--max-bytes", "1000"])
    assert r.exit_code == 4 and "1000-byte limit" in r.stderr


def test_stdin_limit(tmp_path):
    r = runner.invoke(app, ["check", "-", "--max-bytes", "100"], input="x" * 500)
    assert r.exit_code == 4 and "limit" in r.stderr
