"""What a batch adds per document on top of the check: the chart data, the JSON and the
HTML review page, as ratios of the check's own time, measured in the same process.

Usage: python bench/render.py [REPEATS]
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import documents  # noqa: E402
from factcheck import charts  # noqa: E402
from factcheck.api import Checker  # noqa: E402
from factcheck.render import render  # noqa: E402


def per_doc(fn, items) -> float:
    t = time.perf_counter()
    for item in items:
        fn(item)
    return (time.perf_counter() - t) / len(items) * 1000


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    checker = Checker.default()
    docs = documents() * repeats
    for d in docs[:3]:
        checker.check(d)  # warm: series loaded once
    reports = []
    check_ms = per_doc(lambda d: reports.append(checker.check(d)), docs)
    chart_ms = per_doc(lambda r: charts.attach(r.results, checker.catalog, checker.store), reports)
    json_ms = per_doc(lambda r: render(r, "json"), reports)
    html_ms = per_doc(lambda r: render(r, "html"), reports)
    print(f"documents: {len(docs)}, claims: {sum(len(r.results) for r in reports)}")
    print(f"check (includes chart data): {check_ms:6.2f} ms/document")
    for name, ms in (("chart data", chart_ms), ("JSON report", json_ms), ("HTML review page", html_ms)):
        print(f"{name:17s}: {ms:6.2f} ms/document = {ms / check_ms:.2f}x the check")


if __name__ == "__main__":
    main()
