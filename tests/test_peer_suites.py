"""Microsoft Recognizers-Text number, percent and number-range cases (MIT licence), as
tagged for market commentary in ../shared/peer-suites/scope. The core cases must pass at
95% or better; the optional ones are reported, not required."""
import json
import math

import pytest

from claims.spelled import parse_numbers, parse_ranges

from conftest import require_shared

SUITES = ("percent", "number", "numberrange")


def load(suite):
    return json.loads((require_shared() / f"peer-suites/scope/{suite}.scope.json").read_text())


def parse_interval(s: str) -> tuple[float | None, float | None]:
    lo, hi = s[1:-1].split(",")
    return (float(lo) if lo else None), (float(hi) if hi else None)


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def passes(suite: str, case: dict) -> bool:
    text = case["Input"]
    expected = case["expected"]
    if suite == "numberrange":
        got = [(iv.low, iv.high) for iv in parse_ranges(text)]
        want = [parse_interval(e[1]) for e in expected]
        return len(got) == len(want) and all(close(g[0], w[0]) and close(g[1], w[1]) for g, w in zip(got, want))
    numbers = parse_numbers(text)
    want = [e[1] for e in expected]
    if suite == "percent":
        want_values = [float(w.rstrip("%")) for w in want if w != "null"]
        got = [n.value for n in numbers if n.percent]
        return len(got) == len(want_values) and all(close(g, w) for g, w in zip(got, want_values))
    got = [n.value for n in numbers]
    return len(got) == len(want) and all(close(g, float(w)) for g, w in zip(got, want))


def rate(suite: str, scope: str) -> tuple[int, int, list[str]]:
    cases = [c for c in load(suite) if c["scope"] == scope]
    failed = [c["Input"] for c in cases if not passes(suite, c)]
    return len(cases) - len(failed), len(cases), failed


@pytest.mark.parametrize("suite", SUITES)
def test_core_cases_pass_at_95_percent(suite):
    ok, total, failed = rate(suite, "core")
    print(f"{suite}: core {ok}/{total}; optional {rate(suite, 'optional')[0]}/{rate(suite, 'optional')[1]}")
    assert ok / total >= 0.95, failed


def test_all_core_together():
    ok = sum(rate(s, "core")[0] for s in SUITES)
    total = sum(rate(s, "core")[1] for s in SUITES)
    assert ok / total >= 0.95
