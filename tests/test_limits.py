"""Input at the edges: numbers too long for a float, dates that are no day of the calendar,
sentences too long or too crowded to read. Each gives a clear warning or is ignored, the
JSON report stays valid for a strict reader, and nothing raises."""
from __future__ import annotations

import json
import math

import pytest
from typer.testing import CliRunner

import claims
from claims.rules.nonclaims import MAX_NUMBERS_PER_SENTENCE, MAX_SENTENCE_CHARS
from factcheck.cli import app
from factcheck.report import finite
from factcheck.verify import Verdict

runner = CliRunner()
DATE = "2026-01-21"


def strict_json(text: str):
    def refuse(name):
        raise ValueError(f"{name} in the JSON")

    return json.loads(text, parse_constant=refuse)


@pytest.mark.parametrize("number", ["9" * 400, "1" + "0" * 309, "9" * 320 + ".5"])
def test_a_number_too_long_for_a_float_is_refused_with_a_reason(checker, number):
    text = f"The 10-year JGB yield rose to {number}% on Tuesday. The Nikkei 225 fell 1.5% on Tuesday."
    report = checker.check(text, DATE)
    d = strict_json(report.to_json())
    assert [c["text"] for c in d["claims"]] == ["1.5%"]
    start = text.index(number)
    assert d["warnings"] == [f"1 number not checked, too long to be a market value (first at characters "
                             f"{start}-{start + len(number) + 1})"]


def test_a_range_whose_midpoint_overflows_is_refused(vocabulary):
    big = "1" + "0" * 307  # each bound is a float; their sum is not
    rejected = []
    found = claims.extract(f"The Nikkei 225 traded between {big} and {big} on Tuesday.", DATE, vocabulary, rejected)
    assert all(math.isfinite(c.value) for c in found)
    assert all(math.isfinite(c.range_low) and math.isfinite(c.range_high) for c in found if c.range_low is not None)


def test_the_report_never_writes_nan_or_infinity(checker, monkeypatch):
    """A non-finite difference or tolerance from any checker is written as null."""
    from factcheck.verify import verifier as verifier_module

    def odd(self, c, m, ref):
        return Verdict("inaccurate", "a checker that divided by zero", "level", difference=float("inf"),
                       tolerance=float("nan"))

    monkeypatch.setattr(verifier_module.Verifier, "verify", odd)
    d = strict_json(checker.check("The Nikkei 225 fell 1.5% on Tuesday.", DATE).to_json())
    assert d["claims"][0]["verdict"]["difference"] is None and d["claims"][0]["verdict"]["tolerance"] is None
    assert finite({"a": [1.0, float("-inf"), {"b": (float("nan"),)}], "c": "Infinity"}) == \
        {"a": [1.0, None, {"b": [None]}], "c": "Infinity"}


ODD_DATES = [
    "The 10-year JGB yield was 1.2% on 0001-01-01.", "The 10-year JGB yield was 1.2% on 9999-12-31.",
    "The 10-year JGB yield was 1.2% on 2026-02-30.", "The Nikkei 225 closed at 38,000 on February 30, 2026.",
    "On December 31, 9999 the yen was 150 per dollar.",
    "Posted February 30, 2026\n\nThe 10-year JGB yield rose 6 basis points to 2.33% yesterday.",
    "Posted January 1, 0001\n\nThe 10-year JGB yield rose 6 basis points to 2.33% yesterday.",
    "TOKYO, Feb 30 (Wire) - The 10-year JGB yield rose 6 basis points to 2.33% on Tuesday.",
    "The 10-year JGB yield was 1.2% on 31/12/9999 and 1.5% on 2026/02/30.",
    "The 10-year JGB yield was 1.2% 9999 years ago. The yen was 150 per dollar 100000 days ago.",
    "The 10-year JGB yield was 1.2% 2026 years ago; the Nikkei fell 2% 105000 weeks ago.",
]


@pytest.mark.parametrize("published", [None, "1900-01-01", DATE, "2200-12-31"])
def test_dates_that_are_no_day_are_ignored_never_a_traceback(checker, published):
    for text in ODD_DATES:
        d = strict_json(checker.check(text, published).to_json())
        assert all(c["verdict"]["rule"] != "internal_error" for c in d["claims"]), text
        for c in d["claims"]:
            assert c["date"] is None or "0001" <= c["date"][:4] <= "9999"


@pytest.mark.parametrize("value, message", [
    ("0001-01-01", "outside the years 1900-2200"), ("9999-12-31", "outside the years 1900-2200"),
    ("2026-02-30", "must be a date YYYY-MM-DD"), ("2026-13-01", "must be a date YYYY-MM-DD"),
    ("yesterday", "must be a date YYYY-MM-DD"),
])
def test_an_impossible_date_option_is_a_usage_error(tmp_path, value, message):
    note = tmp_path / "note.txt"
    note.write_text("The Nikkei 225 fell 1.5% on Tuesday.\n")
    for command in (["check", str(note)], ["batch", str(tmp_path), "--out", str(tmp_path / "out")]):
        r = runner.invoke(app, [*command, "--date", value])
        assert r.exit_code == 2 and message in r.stderr and "Traceback" not in r.output, (command, r.output)


def test_long_and_crowded_sentences_are_reported_not_dropped_silently(checker):
    run_on = "The Nikkei 225 rose 2% on Tuesday " + "and kept rising " * (MAX_SENTENCE_CHARS // 16) + "."
    crowded = "The Nikkei 225 moved " + ", ".join(f"{i}.5%" for i in range(MAX_NUMBERS_PER_SENTENCE + 1)) + "."
    text = f"The yen traded at 158.2 per dollar on Tuesday.\n\n{run_on}\n\n{crowded}\n"
    report = checker.check(text, DATE)
    d = strict_json(report.to_json())
    assert [c["text"] for c in d["claims"]] == ["158.2 per dollar"]
    long_warning = next(w for w in d["warnings"] if "over 3,000 characters" in w)
    at = text.index("225")  # every number of the sentence counts, the one in the index's name too
    assert long_warning.startswith("2 numbers not checked")
    assert long_warning.endswith(f"(first at characters {at}-{at + 3})")
    crowded_warning = next(w for w in d["warnings"] if f"over {MAX_NUMBERS_PER_SENTENCE} numbers" in w)
    assert crowded_warning.startswith(f"{MAX_NUMBERS_PER_SENTENCE + 2} numbers not checked")  # with the 225


def test_the_terminal_says_so_too(tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("The Nikkei 225 rose 2% on Tuesday " + "and kept rising " * 200 + ".\n")
    r = runner.invoke(app, ["check", str(note), "--date", DATE])
    assert r.exit_code == 0 and "factcheck: warning: 2 numbers not checked, in a sentence over 3,000" in r.stderr


# -- shapes that were quadratic (bench/linearity.py sweeps them; these only run them once) ---
def test_many_short_lines_are_read_in_one_pass(vocabulary):
    """500 KB of "2.5%" lines: each headline test copied the rest of the text (2.5 MB took
    108 s); every line is a title line whose number is not a claim."""
    rejected = []
    assert claims.extract("2.5%\n" * 100_000, DATE, vocabulary, rejected) == []
    assert len(rejected) == 100_000 and {r for _, _, r in rejected} == {"headline"}


def test_hard_wrapped_prose_through_the_spacy_component():
    """256 KB of hard-wrapped prose: line_breaks rebuilt doc.text per line break and each
    sentence start it set scanned the Doc (64 KB took 4.4 s); sentences still end at
    blank lines and full stops, never at a wrapped line's end."""
    paragraph = ("The ten-year yield moved higher in early trade as investors weighed\n"
                 "the outlook for policy and the path of the currency.\n\n")
    nlp = claims.pipeline()
    doc = nlp(paragraph * (256_000 // len(paragraph)))
    sentences = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert len(sentences) == 256_000 // len(paragraph)
    assert set(sentences) == {paragraph.strip()}


def test_a_long_run_of_spaces_is_read_in_one_pass():
    """1 MB of spaces and tabs with no line end: the trailing-space rule re-read the run
    from each of its positions (80 KB took 43 s); a run before a line end is still
    removed."""
    assert claims.extract(" \t" * 500_000 + "x", DATE) == []
    assert claims.normalize("a  \t\nb").text == "a\nb"


def test_claim_dense_lines_through_check(checker):
    """120 KB of CR-ended quote lines: the sentence before each claim was found by
    splitting the whole paragraph before it (80 KB took 6.3 s); each line's USD/JPY level
    is read and checked."""
    report = checker.check("USD/JPY 157.20.\r" * 7_500, DATE).to_dict()
    assert len(report["claims"]) == 7_500


def test_currency_words_after_figures_are_read_in_one_pass(vocabulary):
    """400 KB of "yen ": each currency cue looked for a figure before it from the top of
    the text (80 KB took 4.2 s)."""
    assert claims.extract("yen " * 100_000, DATE, vocabulary) == []


def test_moves_and_the_levels_they_reached_in_one_pass(vocabulary):
    """160 KB of short claim lines: every move tested every later claim as the level it
    reached, slicing the text between them (80 KB took 7 s); each line still gives its
    yield level and its move."""
    found = claims.extract("10y JGB 1.23% (+2bp)\n" * 8_000, DATE, vocabulary)
    assert len(found) == 16_000 and {c.kind for c in found} == {claims.Kind.LEVEL, claims.Kind.CHANGE}
