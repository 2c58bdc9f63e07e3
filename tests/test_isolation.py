"""Per-claim isolation: a defect met while checking one claim makes that claim
``unverifiable`` (rule ``internal_error``) with its traceback logged, never a lost
document; the CLI says so with exit status 70; in a batch one bad claim never sinks its
document and one bad document never sinks the batch."""
from __future__ import annotations

import json
import logging

import pytest
from typer.testing import CliRunner

from factcheck.batch import BatchConfig, run
from factcheck.cli import app
from factcheck.errors import INTERNAL_EXIT
from factcheck.verify import verifier as verifier_module

runner = CliRunner()
DATE = "2026-01-21"
NOTE = ("The 10-year JGB yield rose 6 basis points to 2.33% on Tuesday. "
        "The yen traded at 158.2 per dollar on Tuesday.\n")


def strict_json(text: str):
    """JSON as a strict reader takes it: NaN and Infinity are refused."""
    def refuse(name):
        raise ValueError(f"{name} in the JSON")

    return json.loads(text, parse_constant=refuse)


@pytest.fixture
def failing_level_checker(monkeypatch):
    """The level checker raises for the exchange rate (a defect injected into one checker)."""
    def check(case):
        if case.s.id == "usdjpy":
            raise ZeroDivisionError("injected")
        return original(case)

    routes = list(verifier_module.CHECKERS)
    level = next(i for i, r in enumerate(routes) if r.name == "level")
    original = routes[level].check
    routes[level] = verifier_module.Route("level", routes[level].when, check)
    monkeypatch.setattr(verifier_module, "CHECKERS", tuple(routes))


def test_a_failing_checker_costs_one_claim(checker, failing_level_checker, caplog):
    with caplog.at_level(logging.ERROR, logger="factcheck"):
        report = checker.check(NOTE, DATE)
    d = strict_json(report.to_json())
    labels = {c["text"]: (c["verdict"]["label"], c["verdict"]["rule"]) for c in d["claims"]}
    assert labels["158.2 per dollar"] == ("unverifiable", "internal_error")
    assert labels["2.33%"] == ("accurate", "level") and labels["6 basis points"] == ("accurate", "change")
    yen = next(c for c in d["claims"] if c["text"] == "158.2 per dollar")
    assert yen["verdict"]["explanation"].startswith("Internal error while checking this claim (ZeroDivisionError)")
    assert d["summary"]["internal_errors"] == 1 and report.internal_errors == 1
    record = next(r for r in caplog.records if r.name == "factcheck")
    assert record.exc_info and record.exc_info[0] is ZeroDivisionError and "158.2" in record.getMessage()
    assert "Traceback" not in report.to_json() and "injected" not in report.to_json()  # the log has it, not the report


def test_clean_reports_have_no_internal_error_count(checker):
    assert "internal_errors" not in checker.check(NOTE, DATE).to_dict()["summary"]


def test_a_data_error_still_stops_the_document(checker, monkeypatch):
    """A FactcheckError (a damaged snapshot) concerns the run, not one claim: it is raised
    for the CLI to report with its own exit status."""
    from factcheck.errors import DataError

    def broken(self, series_id):
        raise DataError("snapshot file usdjpy.csv failed its checksum")

    monkeypatch.setattr(type(checker.store), "get", broken)
    with pytest.raises(DataError):
        checker.check(NOTE, DATE)


def test_the_crash_of_the_issue_is_checked(checker, caplog):
    """"has risen since 2020 to 2.3%" raised ValueError in the verifier (a year alone as the
    start of the period) and lost the document; it is a verdict like any other now."""
    text = "The 10-year JGB yield has risen since 2020 to 2.3%. " + NOTE
    with caplog.at_level(logging.ERROR, logger="factcheck"):
        d = strict_json(checker.check(text, DATE).to_json())
    by_text = {c["text"]: c["verdict"] for c in d["claims"]}
    assert by_text["2.3%"]["label"] == "accurate" and by_text["2.3%"]["rule"] != "internal_error"
    assert by_text["2.33%"]["label"] == "accurate" and by_text["6 basis points"]["label"] == "accurate"
    assert not [r for r in caplog.records if r.name == "factcheck"]


def test_check_exits_70_with_the_report_written(tmp_path, failing_level_checker):
    note = tmp_path / "note.txt"
    note.write_text(NOTE)
    r = runner.invoke(app, ["check", str(note), "--date", DATE, "--format", "json", "--fail-on", "inaccurate"])
    assert r.exit_code == INTERNAL_EXIT, r.output
    d = strict_json(r.stdout)
    assert d["summary"]["internal_errors"] == 1 and d["summary"]["accurate"] == 2
    assert "1 claim(s) could not be checked because of an internal error" in r.stderr


def test_an_unexpected_exception_in_a_command_exits_70(monkeypatch, tmp_path, capsys):
    """main(): a defect outside any claim is its traceback on stderr and status 70, never
    status 1 (which --fail-on uses)."""
    from factcheck import cli

    note = tmp_path / "note.txt"
    note.write_text(NOTE)

    def explode(*args, **kwargs):
        raise KeyError("injected")

    monkeypatch.setattr(cli, "_check_path", explode)
    monkeypatch.setattr("sys.argv", ["factcheck", "check", str(note)])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == INTERNAL_EXIT
    err = capsys.readouterr().err
    assert "internal error (a defect in factcheck; please report it): KeyError" in err and "Traceback" in err


def test_batch_keeps_every_document_and_says_70(tmp_path, failing_level_checker, monkeypatch):
    from factcheck.api import Checker

    root, out = tmp_path / "notes", tmp_path / "out"
    root.mkdir()
    (root / "fx.txt").write_text(NOTE)  # one claim fails inside
    (root / "jgb.txt").write_text("The 10-year JGB yield rose 6 basis points to 2.33% on Tuesday.\n")
    (root / "boom.txt").write_text("This document makes the checker itself fail.\n")
    original = Checker.check

    def check(self, text, *args, **kwargs):
        if text.startswith("This document makes"):
            raise RuntimeError("injected document failure")
        return original(self, text, *args, **kwargs)

    monkeypatch.setattr(Checker, "check", check)
    rows, interrupted = run([(p, None) for p in ("fx.txt", "jgb.txt", "boom.txt")],
                            BatchConfig(str(root), str(out), published=DATE), jobs=1)
    by_path = {r.path: r for r in rows}
    assert not interrupted
    assert by_path["fx.txt"].status == "ok" and by_path["fx.txt"].internal
    assert by_path["fx.txt"].summary["accurate"] == 2 and by_path["fx.txt"].summary["internal_errors"] == 1
    assert by_path["jgb.txt"].status == "ok" and not by_path["jgb.txt"].internal
    assert by_path["boom.txt"].status == "error" and by_path["boom.txt"].internal
    assert "internal error RuntimeError" in by_path["boom.txt"].error
    strict_json((out / "fx.txt.json").read_text())
    r = runner.invoke(app, ["batch", str(root), "--out", str(out), "--date", DATE, "--jobs", "1", "--force"])
    assert r.exit_code == INTERNAL_EXIT, r.output
    assert "2 document(s) met an internal error" in r.stderr
