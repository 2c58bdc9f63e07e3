"""The HTML report in a real headless Chromium (Debian's package, installed by `make test`):
highlights and charts are in the rendered DOM, a screenshot is taken, and markup injected
into the article runs nothing."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from factcheck.render import render_html

from conftest import require_shared

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (make test installs it)")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"]

PAYLOAD = ('<script>document.title="PWNED";document.documentElement.setAttribute("data-pwned","script")</script>'
           '<img src=x onerror="document.documentElement.setAttribute(\'data-pwned\',\'onerror\')">'
           '<svg onload="document.documentElement.setAttribute(\'data-pwned\',\'svg\')"></svg>')


def chromium(tmp_path: Path, *args: str) -> str:
    profile = tmp_path / "profile"
    proc = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--virtual-time-budget=3000", *args],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory, checker):
    text = (require_shared() / "seed/article.txt").read_text(encoding="utf-8")
    report = checker.check(text, path="seed/article.txt")
    out = tmp_path_factory.mktemp("html") / "seed.html"
    out.write_text(render_html(report), encoding="utf-8")
    return out, report


def test_seed_report_renders_highlights_and_charts(seed_page, tmp_path):
    page, report = seed_page
    dom = chromium(tmp_path, "--dump-dom", page.as_uri())
    assert dom.count("<mark>") == len(report.results)
    assert dom.count('class="chart"') >= 5
    assert "misdated" in dom and "reference date" in dom


def test_screenshot(seed_page, tmp_path):
    page, _ = seed_page
    shot = tmp_path / "seed.png"
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=1400,1800", page.as_uri())
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000


def test_injected_markup_runs_nothing(tmp_path, checker):
    text = f"{PAYLOAD} The 10-year JGB yield rose 6 basis points to 2.33% yesterday. {PAYLOAD}"
    page = tmp_path / "evil.html"
    page.write_text(render_html(checker.check(text, "2026-01-21")), encoding="utf-8")
    dom = chromium(tmp_path, "--dump-dom", page.as_uri())
    assert "data-pwned" not in dom.split("<body", 1)[0] and 'data-pwned="' not in dom
    assert "<title>PWNED" not in dom
    assert "&lt;script&gt;document.title" in dom  # shown as text
    assert dom.count("<mark>") == 2
