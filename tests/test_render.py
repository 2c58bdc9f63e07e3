"""Renderers: one registry for `check` and `batch`, numbers in the claim's unit, charts
drawn from the report alone, flags ordered by strength with the readings tried, CSV cells
that cannot run, ClaimReview URLs, DataFrames and validated baselines."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from factcheck.baseline import Decision, load_baseline, set_decision
from factcheck.cli import FORMAT_NAMES, app
from factcheck.errors import InputError, UsageError
from factcheck.render import FORMATS, RENDERERS, RenderOptions, render
from factcheck.render.csv import safe_cell
from factcheck.render.flags import list_order, readings, review_order
from factcheck.render.units import difference_line, observed_value, quantity
from factcheck.report import LABELS
from factcheck.store import Store

DOC = Path(__file__).parent / "golden" / "note.txt"
runner = CliRunner()


@pytest.fixture
def report(checker):
    return checker.check(DOC.read_text(encoding="utf-8"), "2026-01-21", "note.txt")


@pytest.fixture
def check_report(checker):
    return lambda text, day: checker.check(text, day, "wrap.txt")


def with_flags(report, strengths: dict[int, float], tried: list[dict]) -> None:
    """Give verdicts the optional strength/readings fields the verifier will add."""
    for i, r in enumerate(report.results):
        base = r.verdict.to_dict
        extra = {"readings": tried} if i in strengths else {}
        if i in strengths:
            extra["strength"] = strengths[i]
        r.verdict.to_dict = lambda base=base, extra=extra: {**base(), **extra}


def test_cli_formats_are_the_registry():
    assert FORMAT_NAMES == FORMATS and set(RENDERERS) == set(FORMATS)
    with pytest.raises(UsageError):
        render(None, "pdf")


def test_every_format_renders_without_opening_the_store(report, monkeypatch):
    def no_store(*a, **k):
        raise AssertionError("a renderer read the store")

    monkeypatch.setattr(Store, "get", no_store)
    for fmt in FORMATS:
        assert len(render(report, fmt, RenderOptions(review_url="https://example.org/r"))) > 200, fmt
    assert render(report, "html").count('<svg class="chart"') >= 3  # drawn from report data


def test_chart_data_travels_in_the_json(report):
    claims = json.loads(render(report, "json"))["claims"]
    charted = [c for c in claims if c.get("chart")]
    assert charted and all(len(c["chart"]["points"]) >= 2 for c in charted)
    assert {c["series"]["unit"] for c in claims if c["series"] and c["series"]["id"] == "nikkei225"} == {"points"}


def test_numbers_in_the_claims_unit():
    level = {"unit": "percent", "kind": "level", "series": {"id": "jgb_10y", "unit": "percent"},
             "verdict": {"difference": 0.04, "tolerance": 0.055}}
    assert difference_line(level) == "stated − observed +4.0 bp · allowance ±5.5 bp"
    move = {"unit": "percent", "kind": "change", "series": {"id": "nikkei225", "unit": "points"},
            "verdict": {"difference": 2.205749, "tolerance": 0.35}}
    assert difference_line(move) == "stated − observed +2.21 pp · allowance ±0.35 pp"
    points = {"unit": "points", "kind": "level", "series": {"id": "nikkei225", "unit": "points"},
              "verdict": {"difference": 13540.123, "tolerance": 573.87}}
    assert difference_line(points) == "stated − observed +13,540.12 points · allowance ±573.87 points"
    fx = {"unit": "fx", "kind": "level", "series": {"id": "usdjpy", "unit": "fx"},
          "verdict": {"difference": -0.87, "tolerance": 1.0}}
    assert difference_line(fx) == "stated − observed −0.87 yen · allowance ±1.00 yen"
    assert observed_value(move, 47734.99, "close") == "47,734.99"
    assert observed_value(move, -12.395759, "daily change") == "−12.40%"
    assert observed_value(level, 2.33, "close") == "2.330%"
    assert quantity(float("inf"), "bp") == "n/a" and "e+" not in quantity(1.354e4, "points")


def test_review_page_never_shows_pp_beside_bp(report):
    page = render(report, "html")
    for line in page.split("<p class=numbers>")[1:]:
        numbers = line.split("</p>", 1)[0]
        assert not ("bp" in numbers and "pp" in numbers), numbers
        assert "e+" not in numbers and "e-" not in numbers


def test_flags_ordered_by_strength_with_readings(report):
    labels = [r.verdict.label for r in report.results]
    flagged = [i for i, lab in enumerate(labels) if lab in ("inaccurate", "misdated")]
    assert len(flagged) >= 2
    weak, strong = flagged[0], flagged[1]
    tried = [{"name": "stated day close", "observed": [{"date": "2026-01-20", "value": 2.33}], "holds": False,
              "note": "12 bp away"}, {"name": "intraday range", "observed": {"date": "2026-01-20", "value": 2.36},
                                      "holds": False}]
    with_flags(report, {weak: 0.5, strong: 7.25}, tried)
    claims = report.to_dict()["claims"]
    assert list_order(claims)[:2] == [strong, weak] and review_order(claims)[0] in (strong, weak)
    page = render(report, "html")
    assert page.index(f'id="c{strong + 1}"') < page.index(f'id="c{weak + 1}"')
    assert "strength 7.25" in page and "<details class=\"readings\"><summary>readings tried (2)" in page
    md = render(report, "md").splitlines()
    rows = [line for line in md if line.startswith("| ") and line[2].isdigit()]
    assert rows[0].startswith(f"| {strong + 1} |") and rows[1].startswith(f"| {weak + 1} |")
    assert "readings tried: stated day close 2.330% on 2026-01-20 (failed; 12 bp away)" in rows[0]
    text = render(report, "table", RenderOptions(width=200))
    assert text.index("readings tried") > 0 and text.index(" 2.5% ") < text.index(" 6 basis points ")


def test_without_strengths_the_order_is_unchanged(report):
    for r in report.results:  # a report from before the verifier gave flags a strength
        r.verdict.strength, r.verdict.readings = None, []
    claims = report.to_dict()["claims"]
    assert list_order(claims) == list(range(len(claims)))
    assert readings({"readings": "nonsense"}) == [] and readings({}) == []
    assert "readings tried" not in render(report, "html") and "readings tried" not in render(report, "md")


def test_the_verifiers_flags_lead_strongest_first_with_their_readings(check_report):
    """A note with three wrong figures of different sizes: every report lists the flags
    first, the furthest outside its allowance first, and shows the readings tried."""
    text = ("Market wrap, Tuesday, January 20, 2026\n\nThe 10-year JGB yield closed at 2.42% on Tuesday. "
            "The Nikkei 225 closed at 50,100.00 on Tuesday. The 20-year JGB yield stood at 2.95% on Tuesday. "
            "The yen traded at 158.2 per dollar.")
    report = check_report(text, "2026-01-20")
    claims = report.to_dict()["claims"]
    flags = [i for i, c in enumerate(claims) if c["verdict"]["label"] in ("inaccurate", "misdated")]
    assert len(flags) == 3 and all(claims[i]["verdict"]["strength"] > 0 for i in flags)
    by_strength = sorted(flags, key=lambda i: -claims[i]["verdict"]["strength"])
    assert list_order(claims)[:3] == by_strength and review_order(claims)[:3] == by_strength
    assert all(claims[i]["verdict"]["readings"][0]["holds"] is False for i in flags)
    md = [line for line in render(report, "md").splitlines() if line.startswith("| ") and line[2].isdigit()]
    assert [int(line.split("|")[1]) - 1 for line in md[:3]] == by_strength and "readings tried: as stated" in md[0]
    page = render(report, "html")
    assert page.index(f'id="c{by_strength[0] + 1}"') < page.index(f'id="c{by_strength[2] + 1}"')
    assert "readings tried" in page and "strength " in page
    text_report = render(report, "table", RenderOptions(width=200))
    assert text_report.index(claims[by_strength[0]]["text"]) < text_report.index(claims[by_strength[2]]["text"])


def test_cards_link_to_their_highlight_and_back(report):
    page = render(report, "html")
    for n in range(1, len(report.results) + 1):
        assert f'href="#c{n}"' in page and f'id="c{n}"' in page
        assert f'id="t{n}" href="#c{n}"' in page and f'href="#t{n}"' in page


@pytest.mark.parametrize("cell,safe", [("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
                                       ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
                                       ("-0.4", "-0.4"), ("-2.5%", "-2.5%"), ("+4", "+4"), ("plain", "plain"), (3, 3)])
def test_csv_cells_cannot_run(cell, safe):
    assert safe_cell(cell) == safe


def test_claimreview_urls(report):
    body = json.loads(render(report, "claimreview", RenderOptions(article_url="https://news.example.com/a?id=1",
                                                                  author="Markets Desk")))
    assert body and all(i["itemReviewed"]["appearance"]["url"] == "https://news.example.com/a?id=1" for i in body)
    assert all("url" not in i and i["author"]["name"] == "Markets Desk" for i in body)
    for bad in ("file:///etc/passwd", "javascript:alert(1)", "note.txt", "https://", "http://a b.com/"):
        with pytest.raises(UsageError):
            render(report, "claimreview", RenderOptions(article_url=bad))
    r = runner.invoke(app, ["check", str(DOC), "--date", "2026-01-21", "-f", "claimreview", "--article-url",
                            "file:///tmp/x"])
    assert r.exit_code == 2 and "http(s) URL" in r.stderr
    r = runner.invoke(app, ["check", str(DOC), "--date", "2026-01-21", "-f", "claimreview", "--article-url",
                            "https://example.org/a", "--author", "Desk"])
    assert r.exit_code == 0 and "file://" not in r.stdout and '"name": "Desk"' in r.stdout


def test_report_dataframe_is_typed(report):
    frame = report.to_dataframe()
    assert len(frame) == len(report.results)
    assert str(frame["value"].dtype) == "Float64" and str(frame["n"].dtype) == "Int64"
    assert str(frame["checkable"].dtype) == "boolean" and isinstance(frame["label"].dtype, pd.CategoricalDtype)
    assert pd.api.types.is_datetime64_any_dtype(frame["day"]) and frame["day"].notna().any()
    assert set(frame["label"].dropna()) <= set(LABELS)


def test_baseline_labels_match_the_reports():
    from factcheck import baseline, report as report_module

    assert baseline.LABELS == report_module.LABELS


@pytest.mark.parametrize("entry,message", [
    ('fingerprint = "0123456789abcdef"\naction = "override"\nlabel = "wrong"', "not a verdict label"),
    ('fingerprint = "0123456789abcdef"\naction = "delete"', "action must be one of"),
    ('fingerprint = "xyz"\naction = "accept"', "16 hex digits"),
    ('fingerprint = "0123456789abcdef"\naction = "comment"\nnote = 5', "note must be a string"),
])
def test_bad_baseline_entries_are_clear_errors(tmp_path, entry, message):
    path = tmp_path / "b.toml"
    path.write_text(f"[[claim]]\n{entry}\n", encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_baseline(path)
    r = runner.invoke(app, ["check", str(DOC), "--date", "2026-01-21", "-f", "html", "--baseline", str(path)])
    assert r.exit_code == 4 and message in r.stderr and "Traceback" not in r.output


def test_desk_decisions_replace_earlier_ones_and_check_reads_them(tmp_path, report):
    claim = report.to_dict()["claims"][0]
    path = tmp_path / "reviewed.toml"
    set_decision(path, Decision(claim["fingerprint"], "accept", note='looks "fine"\nto me', text=claim["text"]))
    set_decision(path, Decision(claim["fingerprint"], "override", "misdated", "wrong day", claim["text"]))
    decisions = load_baseline(path)
    assert len(decisions) == 1 and decisions[claim["fingerprint"]].label == "misdated"
    r = runner.invoke(app, ["check", str(DOC), "--date", "2026-01-21", "-f", "json", "--baseline", str(path)])
    out = json.loads(r.stdout)
    assert out["claims"][0]["verdict"]["label"] == "misdated" and out["claims"][0]["review"]["action"] == "override"
    set_decision(path, Decision(claim["fingerprint"], "accept", note="ok after all"))
    out = json.loads(runner.invoke(app, ["check", str(DOC), "--date", "2026-01-21", "-f", "json", "--baseline",
                                         str(path)]).stdout)
    first = out["claims"][0]
    assert first["verdict"]["label"] == claim["verdict"]["label"] and first["review"]["note"] == "ok after all"
    assert out["summary"]["accepted_by_baseline"] == 1
    rows = list(csv.reader(io.StringIO(render(report, "csv"))))
    assert rows[0][0] == "n" and len(rows) == len(report.results) + 1
