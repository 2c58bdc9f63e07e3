"""Sources that misbehave, through the installed CLI, against a local server on
127.0.0.1 (tests/fault_server.py): every fault ends in "source down" (exit 6) with a
reason, on time, without a traceback, and the cache is byte for byte what it was."""
from __future__ import annotations

import json
import time

import pandas as pd
import pytest

from conftest import run_cli
from fault_server import FaultServer

TRANSPORT = ["ust_10y", "jgb_10y", "jgb_30y", "boj_call_rate"]  # FRED, Treasury, MoF (two tenors), BoJ
FRED_ONLY = ["fed_funds_effective"]
FAST = {"FACTCHECK_HTTP_BACKOFF": "0", "FACTCHECK_HTTP_RETRIES": "1", "FACTCHECK_HTTP_MAX_SECONDS": "1",
        "FACTCHECK_HTTP_MAX_BYTES": "2000000", "FACTCHECK_HTTP_TIMEOUT": "5"}


@pytest.fixture(scope="module")
def server():
    with FaultServer() as s:
        yield s


@pytest.fixture
def seeded(tmp_path):
    """A cache holding one earlier observation for each series the tests update."""
    from factcheck.cache import Cache

    cache = Cache(tmp_path / "cache")
    for sid in TRANSPORT + FRED_ONLY:
        cache.write(sid, pd.DataFrame({"value": [1.0], "source": ["earlier"]}, index=pd.to_datetime(["2020-01-02"])),
                    {"source": "earlier"})
    return tmp_path / "cache"


def files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
            and not p.name.endswith(".lock")}


def run(installed, user_env, tmp_path, args, server, scenario, extra=None, input=None):
    env = {**user_env, **FAST, "FACTCHECK_SOURCES_URL": server.url(scenario), **(extra or {})}
    start = time.monotonic()
    proc = run_cli(installed, args, env, tmp_path, input, timeout=120)
    return proc, time.monotonic() - start


@pytest.mark.parametrize("scenario, series, reason", [
    ("status500", TRANSPORT, "HTTP 500"),
    ("retry-after-negative", TRANSPORT, "HTTP 503"),
    ("redirect-loop", TRANSPORT, "redirect loop"),
    ("redirect-scheme", TRANSPORT, "unsupported URL"),
    ("fake-gzip", TRANSPORT, "Content-Encoding"),
    ("short-body", TRANSPORT, "shorter than its Content-Length"),
    ("broken-chunked", TRANSPORT, "chunked"),
    ("gzip-bomb", TRANSPORT, "larger than 2000000 bytes"),
    ("drip", ["ust_10y"], "too slow"),
    ("times100", FRED_ONLY, "outside fed_funds_effective's plausible range"),
    ("infinite", FRED_ONLY, "not a finite number"),
    ("future", FRED_ONLY, "2099-01-02 is in the future"),
])
def test_a_failing_source_is_down_and_the_cache_unchanged(installed, user_env, tmp_path, seeded, server, scenario,
                                                          series, reason):
    before = files(seeded)
    proc, elapsed = run(installed, user_env, tmp_path, ["data", "update", *series], server, scenario)
    assert proc.returncode == 6, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    failed = [line for line in proc.stdout.splitlines() if line.startswith("FAILED")]
    assert failed and all(reason in line for line in failed), failed
    assert files(seeded) == before
    assert elapsed < 30, elapsed


def test_one_fetch_per_url_per_run(installed, user_env, tmp_path, seeded, server):
    """Two MoF tenors, one failing file: fetched retries+1 times in all, not per tenor."""
    run(installed, user_env, tmp_path, ["data", "update", "jgb_10y", "jgb_30y"], server, "status500~once")
    hist = "/english/policy/jgbs/reference/interest_rate/historical/jgbcme_all.csv"
    assert server.hits[("status500~once", hist)] == 2


def test_a_good_source_updates_the_cache(installed, user_env, tmp_path, seeded, server):
    proc, _ = run(installed, user_env, tmp_path, ["data", "update", *TRANSPORT, *FRED_ONLY], server, "ok")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.count(" ok ") == len(TRANSPORT + FRED_ONLY)
    status = {r["series"]: r for r in json.loads(run_cli(installed, ["data", "status", "-f", "json"], user_env,
                                                         tmp_path).stdout)}
    assert status["fed_funds_effective"]["last"] == "2026-11-04"
    assert status["jgb_30y"]["last"] == "2026-07-01" and status["jgb_30y"]["origin"] == "snapshot+cache"


def test_check_online_falls_back_within_five_seconds(installed, user_env, tmp_path, seeded, server):
    text = "The 10-year JGB yield rose to 2.33% on Tuesday."
    args = ["check", "-", "--date", "2026-01-21", "--format", "json"]
    offline, t_off = run(installed, user_env, tmp_path, args, server, "hang", input=text)
    online, t_on = run(installed, user_env, tmp_path, args + ["--online"], server, "hang", input=text)
    assert online.returncode == 0 and "could not update jgb_10y" in online.stderr
    assert t_on - t_off < 5, (t_on, t_off)
    assert json.loads(online.stdout)["claims"] == json.loads(offline.stdout)["claims"]


FAKE_KEY = "zzsecretkey0123456789abcdefghijk"


def test_fred_api_key_never_shows(installed, user_env, tmp_path, seeded, server):
    """The server echoes the key in a redirect and in its error message; neither output
    nor cache carry it."""
    env = {"FRED_API_KEY": FAKE_KEY}
    outputs = []
    for args, text in [(["data", "update", "ust_10y", "fed_funds_effective"], None),
                       (["check", "-", "--online", "--date", "2026-09-17", "--format", "json"],
                        "The 10-year Treasury yield closed at 4.94%."), (["data", "status"], None)]:
        proc, _ = run(installed, user_env, tmp_path, args, server, "echo-key", env, text)
        outputs.append(proc.stdout + proc.stderr)
    assert server.hits[("echo-key", "/fred/series/observations")] >= 2
    assert all(FAKE_KEY not in out for out in outputs)
    assert "api_key ***" in outputs[0] or "***" in outputs[0]
    for blob in files(tmp_path / "cache").values():
        assert FAKE_KEY.encode() not in blob
