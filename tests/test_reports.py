"""Report formats: golden files for Markdown, CSV and ClaimReview; escaping and structure
of the HTML page; the baseline review loop."""
from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.render import render_claimreview, render_csv, render_html, render_markdown

GOLDEN = Path(__file__).parent / "golden"
DOC = Path(__file__).parent / "golden" / "note.txt"
runner = CliRunner()


@pytest.fixture(scope="module")
def report(checker):
    return checker.check(DOC.read_text(encoding="utf-8"), "2026-01-21", "note.txt")


def golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs; FACTCHECK_UPDATE_GOLDEN=1 to accept"


def test_markdown_golden(report):
    golden("note.md", render_markdown(report))


def test_csv_golden(report):
    golden("note.csv", render_csv(report))


def test_claimreview_golden(report):
    golden("note.claimreview.json", render_claimreview(report, "https://example.org/reviews/note",
                                                       review_date=date(2026, 1, 22), publisher="Example Desk",
                                                       article_url="https://example.org/markets/note"))


def test_claimreview_has_googles_required_fields(report):
    items = json.loads(render_claimreview(report, "https://example.org/r", review_date=date(2026, 1, 22)))
    assert items, "at least one rated claim"
    for item in items:
        assert item["@type"] == "ClaimReview" and item["@context"] == "https://schema.org"
        assert item["claimReviewed"] and item["url"].startswith("https://example.org/r#claim-")
        rating = item["reviewRating"]
        assert rating["@type"] == "Rating" and rating["alternateName"]
        assert 1 <= rating["ratingValue"] <= 5 and rating["bestRating"] == 5 and rating["worstRating"] == 1
    labels = {i["reviewRating"]["alternateName"]: i["reviewRating"]["ratingValue"] for i in items}
    assert labels.get("accurate", 5) > labels.get("inaccurate", 1)


def test_html_escapes_the_document(checker, store):
    text = ('<script>alert(1)</script> The 10-year JGB yield rose 6 basis points to 2.33% yesterday. '
            '<img src=x onerror="alert(2)"> "quotes" & ampersands')
    page = render_html(checker.check(text, "2026-01-21"))
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "onerror=&quot;alert(2)&quot;" in page
    assert "Content-Security-Policy" in page and "<script" not in page.lower().replace("&lt;script", "")


def test_html_structure(report, store):
    page = render_html(report)
    assert page.count("<mark>") == len(report.results)
    assert page.count('<svg class="chart"') >= 3
    assert 'id="fv-inaccurate"' in page or 'id="fv-accurate"' in page
    labels = [r.verdict.label for r in report.results]
    if "inaccurate" in labels and "accurate" in labels:
        i_bad = labels.index("inaccurate") + 1
        i_good = labels.index("accurate") + 1
        assert page.index(f'id="c{i_bad}"') < page.index(f'id="c{i_good}"')  # mismatches first


def test_review_loop_suppresses_and_overrides(tmp_path):
    note = DOC.read_text(encoding="utf-8")
    src = tmp_path / "note.txt"
    src.write_text(note, encoding="utf-8")
    r = runner.invoke(app, ["check", str(src), "--date", "2026-01-21", "--format", "json", "-o", str(tmp_path / "r.json")])
    assert r.exit_code == 0, r.output
    first = json.loads((tmp_path / "r.json").read_text())
    flagged = [c for c in first["claims"] if c["verdict"]["label"] in ("inaccurate", "misdated")]
    assert flagged
    r = runner.invoke(app, ["review", str(tmp_path / "r.json"), "-o", str(tmp_path / "reviewed.toml"),
                            "--label", "inaccurate", "--label", "misdated"])
    assert r.exit_code == 0 and f"{len(flagged)} entries added" in r.stdout
    # a small edit elsewhere in the document keeps the fingerprints
    src.write_text("Editor's note: figures as of the close.\n\n" + note, encoding="utf-8")
    r = runner.invoke(app, ["check", str(src), "--date", "2026-01-21", "--format", "json",
                            "--baseline", str(tmp_path / "reviewed.toml")])
    assert r.exit_code == 0
    second = json.loads(r.stdout)
    assert second["summary"]["suppressed_by_baseline"] == len(flagged)
    assert not [c for c in second["claims"] if c["verdict"]["label"] in ("inaccurate", "misdated")]
    assert f"{len(flagged)} claims suppressed" in r.stderr


def test_override_sets_the_reviewers_label(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("The 10-year JGB yield rose to 2.95% on Tuesday.", encoding="utf-8")
    out = json.loads(runner.invoke(app, ["check", str(src), "--date", "2026-01-21", "--format", "json"]).stdout)
    fp = out["claims"][0]["fingerprint"]
    (tmp_path / "b.toml").write_text(f'[[claim]]\nfingerprint = "{fp}"\naction = "override"\n'
                                     f'label = "approximately_accurate"\nnote = "intraday print"\n')
    out = json.loads(runner.invoke(app, ["check", str(src), "--date", "2026-01-21", "--format", "json",
                                         "--baseline", str(tmp_path / "b.toml")]).stdout)
    c = out["claims"][0]
    assert c["verdict"]["label"] == "approximately_accurate" and c["review"]["was"] == "inaccurate"
    assert out["summary"]["overridden_by_baseline"] == 1


@pytest.mark.parametrize("fmt", ["html", "md", "csv", "claimreview"])
def test_every_format_through_the_cli(tmp_path, fmt):
    out = tmp_path / f"r.{fmt}"
    r = runner.invoke(app, ["check", str(DOC), "--date", "2026-01-21", "--format", fmt, "-o", str(out)])
    assert r.exit_code == 0 and out.stat().st_size > 200
