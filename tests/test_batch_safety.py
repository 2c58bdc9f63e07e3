"""Batch paths stay inside the folder, its output is never read back, links and CSV cells
are safe, re-runs are keyed on content, formats, date and data vintage, and the batch is
available as a DataFrame and as claims.csv."""
from __future__ import annotations

import csv
import json
import re

import pandas as pd
import pytest
from typer.testing import CliRunner

from factcheck.batch import BatchConfig, discover, run, to_dataframe
from factcheck.cli import app

runner = CliRunner()
NOTE = "The 10-year JGB yield rose 6 basis points to 2.33% on Tuesday.\n"


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "box" / "notes"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(NOTE)
    (root / "sub" / "b.md").write_text("The Nikkei 225 fell 2.5% on Tuesday.\n")
    return root


def test_patterns_that_leave_the_folder_are_refused(folder, tmp_path):
    (tmp_path / "secret.txt").write_text(NOTE)
    before = sorted(p for p in tmp_path.rglob("*"))
    for pattern in ("../../..", "../*.txt", "/etc/*", "sub/../../*.txt"):
        r = runner.invoke(app, ["batch", str(folder), "--out", str(folder / "out"), "--glob", pattern])
        assert r.exit_code == 2 and "may not contain '..'" in r.stderr, (pattern, r.output)
    assert sorted(p for p in tmp_path.rglob("*")) == before  # nothing read into reports, nothing written


def test_linked_directories_are_not_followed(folder, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "c.txt").write_text(NOTE)
    (folder / "linked").symlink_to(elsewhere, target_is_directory=True)
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    found = {p.relative_to(folder.resolve()).as_posix(): err for p, err in discover(folder)}
    assert set(found) == {"a.txt", "sub/b.md"}
    found = {p.relative_to(folder.resolve()).as_posix(): err for p, err in discover(folder, follow_symlinks=True)}
    assert "linked/c.txt" in found and not any(k.startswith("loop/loop") for k in found)


def test_the_output_folder_is_not_read_back(folder):
    args = ["batch", str(folder), "--out", str(folder / "reports"), "-f", "md", "-j", "1"]
    assert runner.invoke(app, args).exit_code == 0
    r = runner.invoke(app, args)
    assert r.exit_code == 0 and "2 documents" in r.stdout, r.stdout
    rows = list(csv.DictReader((folder / "reports" / "summary.csv").open()))
    assert {row["document"] for row in rows} == {"a.txt", "sub/b.md"}


def test_hostile_file_names_make_safe_links_and_cells(folder, tmp_path):
    names = ["javascript:alert(1).txt", "=HYPERLINK(1).txt", "+cmd.txt", "-2+3.txt", "@SUM(A1).txt",
             '"><img src=x onerror=alert(1)>.txt']
    for name in names:
        (folder / name).write_text(NOTE)
    out = tmp_path / "out"
    r = runner.invoke(app, ["batch", str(folder), "--out", str(out), "-j", "1"])
    assert r.exit_code == 0, r.output
    index = (out / "index.html").read_text()
    hrefs = re.findall(r'href="([^"]*)"', index)
    assert hrefs and all(h.startswith("./") for h in hrefs), hrefs
    assert "./javascript%3Aalert%281%29.txt.html" in hrefs
    assert "<img" not in index and "&lt;img src=x" in index
    for name in ("summary.csv", "claims.csv"):
        cells = [row[0] for row in csv.reader((out / name).open())][1:]
        assert all(not c.startswith(("=", "+", "-", "@")) for c in cells), cells
        assert "'=HYPERLINK(1).txt" in cells and "'-2+3.txt" in cells
    page = (out / "javascript:alert(1).txt.html").read_text()
    assert 'href="./index.html"' in page


def test_rerun_keyed_on_content_formats_date_and_vintage(folder, tmp_path):
    out = tmp_path / "out"
    base = ["batch", str(folder), "--out", str(out), "-j", "1"]
    assert runner.invoke(app, base).exit_code == 0
    assert "0 checked, 2 unchanged" in runner.invoke(app, base).stdout
    assert "2 checked, 0 unchanged" in runner.invoke(app, base + ["-f", "md"]).stdout  # formats changed
    assert "0 checked, 2 unchanged" in runner.invoke(app, base + ["-f", "md"]).stdout
    assert "2 checked, 0 unchanged" in runner.invoke(app, base + ["-f", "md", "--date", "2026-01-21"]).stdout
    (out / "a.txt.md").unlink()  # a report file gone: redone
    assert "1 checked, 1 unchanged" in runner.invoke(app, base + ["-f", "md", "--date", "2026-01-21"]).stdout
    report = json.loads((out / "a.txt.json").read_text())
    report["document"]["batch"]["data_vintage"] = "1999-01-01"  # older data than today's
    (out / "a.txt.json").write_text(json.dumps(report))
    assert "1 checked, 1 unchanged" in runner.invoke(app, base + ["-f", "md", "--date", "2026-01-21"]).stdout


def test_index_rows_claims_csv_and_dataframe(folder, tmp_path):
    found = [(p.relative_to(folder.resolve()).as_posix(), err) for p, err in discover(folder)]
    rows, _ = run(found, BatchConfig(str(folder), str(tmp_path / "out"), published="2026-01-21"))
    index = (tmp_path / "out" / "index.html").read_text()
    assert index.count("<tr class='ok'>") == 2 and "2026-01-21" in index and "<style>" in index
    assert 'href="./sub/b.md.html"' in index and (tmp_path / "out" / "sub" / "b.md.html").exists()
    claims = list(csv.DictReader((tmp_path / "out" / "claims.csv").open()))
    assert {c["document"] for c in claims} == {"a.txt", "sub/b.md"} and len(claims) >= 3
    frame = to_dataframe(rows)
    assert list(frame["document"]) == ["a.txt", "sub/b.md"] or set(frame["document"]) == {"a.txt", "sub/b.md"}
    assert str(frame["claims"].dtype) == "Int64" and pd.api.types.is_datetime64_any_dtype(frame["reference_date"])


def test_a_report_folder_is_checked_once_and_made_again_when_it_vanishes(tmp_path):
    """Report folders are made and checked once per run; one removed meanwhile is made
    again, and one that is (now) a link out of the output folder is refused on the next
    run."""
    import shutil

    from factcheck.batch import _READY, _atomic_write
    from factcheck.errors import InputError

    out, outside = tmp_path / "out", tmp_path / "elsewhere"
    outside.mkdir()
    _READY.clear()
    _atomic_write(out / "sub" / "a.json", "{}\n", out)
    shutil.rmtree(out / "sub")
    _atomic_write(out / "sub" / "b.json", b"{}\n", out)
    assert (out / "sub" / "b.json").read_text() == "{}\n"
    shutil.rmtree(out / "sub")
    (out / "sub").symlink_to(outside, target_is_directory=True)
    _READY.clear()  # what a new run does
    with pytest.raises(InputError):
        _atomic_write(out / "sub" / "c.json", "{}\n", out)
    assert not list(outside.iterdir())
