"""What a user installs works: the wheel (not the source tree) in a clean venv, driven
from outside the checkout as a user would. `make test` builds it (.ci/wheel); a module
or data file the wheel lacks makes these fail."""
from __future__ import annotations

import csv
import io
import json
import os
import socket
import time
from pathlib import Path

import pytest

from conftest import ROOT, run_cli

NOTE = ROOT / "examples" / "sample_note.txt"


@pytest.fixture
def cli(installed, user_env, tmp_path):
    def run(*args, input=None, env=None, timeout=120):
        return run_cli(installed, list(args), {**user_env, **(env or {})}, tmp_path, input, timeout)

    return run


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def catalog_ids(cli) -> list[str]:
    return [row["series"] for row in json.loads(cli("data", "status", "--format", "json").stdout)]


def test_the_wheel_is_what_runs(installed, tmp_path):
    """Not the checkout: the package imported by the installed interpreter lives in its venv."""
    proc = run_cli(installed, ["-c", "import factcheck, claims; print(factcheck.__file__); print(claims.__file__)"],
                   {"PATH": os.environ["PATH"]}, tmp_path, program="python")
    assert proc.returncode == 0, proc.stderr
    for line in proc.stdout.split():
        assert str(installed.parent) in line and str(ROOT / "factcheck") not in line


def test_version(cli):
    r = cli("--version")
    assert r.returncode == 0 and r.stdout.strip() == "factcheck 0.1.0"


FORMATS = {"table": "accurate", "json": '"schema": "factcheck.report/1"', "html": "<!DOCTYPE html>", "md": "| # |",
           "csv": "label", "claimreview": "ClaimReview"}


def test_every_report_format(cli, tmp_path):
    for fmt, marker in FORMATS.items():
        out = tmp_path / f"report.{fmt}"
        r = cli("check", str(NOTE), "--format", fmt, "-o", str(out))
        assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
        assert marker in out.read_text(encoding="utf-8"), fmt
    r = cli("check", str(NOTE), "--format", "md")  # and to standard output
    assert r.returncode == 0 and r.stdout == (tmp_path / "report.md").read_text(encoding="utf-8")


def test_series_commands_keep_ids_whole_when_piped(cli):
    ids = catalog_ids(cli)
    listing = cli("series", "list").stdout.split()
    assert all(i in listing for i in ids), [i for i in ids if i not in listing]
    show = cli("series", "show", "jgb_10y")
    assert show.returncode == 0 and "1986-07-05 .. 2026-08-20" in show.stdout and "japan-government" in show.stdout
    assert "jgb_30y" in cli("series", "search", "japan 30 year").stdout


def test_data_status_as_table_json_and_csv(cli):
    table = cli("data", "status")
    assert table.returncode == 0
    words = table.stdout.split()
    rows = list(csv.DictReader(io.StringIO(cli("data", "status", "--format", "csv").stdout)))
    ids = [r["series"] for r in rows]
    assert len(ids) > 40 and all(i in words for i in ids)
    jgb = next(r for r in rows if r["series"] == "jgb_10y")
    assert jgb["origin"] == "snapshot" and jgb["last"] == "2026-08-20" and jgb["first"] == "1986-07-05"
    licences = {r["series"]: r["licence"] for r in rows}
    assert licences["jgb_10y"] == "japan-government" and licences["topix"] == "jpx (restricted)"
    assert licences["usdjpy"] == "us-government; bars: yahoo (restricted)"


def test_offline_update_fails_fast_with_one_message_per_source(cli, tmp_path):
    """Every host unreachable (connection refused): each source fails once, at once, no
    retries (a backoff of 10 s would show), and the cache is not touched."""
    env = {"FACTCHECK_SOURCES_URL": f"http://127.0.0.1:{closed_port()}", "FACTCHECK_HTTP_BACKOFF": "10"}
    start = time.monotonic()
    r = cli("data", "update", env=env)
    elapsed = time.monotonic() - start
    assert r.returncode == 6 and "Traceback" not in r.stderr
    failed = [line for line in r.stdout.splitlines() if line.startswith("FAILED")]
    assert sorted(line.split()[1].rstrip(":") for line in failed) == ["boj", "fred_csv", "mof", "ustreasury"]
    assert all("connection refused" in line for line in failed)
    assert elapsed < 9, elapsed
    assert not (tmp_path / "cache" / "series").exists() or not list((tmp_path / "cache" / "series").glob("*.csv"))


def test_spacy_component_in_any_english_pipeline(installed, tmp_path):
    script = tmp_path / "use_component.py"
    script.write_text(SPACY_SCRIPT)
    proc = run_cli(installed, [str(script)], {"PATH": os.environ["PATH"], "HOME": str(tmp_path)}, tmp_path,
                   program="python", timeout=300)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["blank"] == [["2.5%", "change"], ["50,512.32", "level"]]
    assert result["sentencizer"] == result["blank"]
    assert result["to_bytes"] and result["docbin"] and result["span_claim"] == "2.5%"
    assert result["n_process"] == [["2.5%"], ["150.25 yen"]] * 2
    assert result["loaded_pipes"] == ["market_claims"] and result["loaded_vocabulary"] > 100
    assert result["loaded_cue"] == "nikkei225"
    assert result["reference"] == "2026-01-20"


SPACY_SCRIPT = r'''
import json, sys, tempfile
from datetime import date
import spacy
from spacy.tokens import Doc, DocBin
from factcheck.catalog import load_catalog

VOCAB = load_catalog().vocabulary()  # the instrument names factcheck's catalog knows
TEXT = "The Nikkei 225 rose 2.5% to a record 50,512.32. It was a good day."
out = {}
nlp = spacy.blank("en")                      # no sentence boundaries at all
nlp.add_pipe("market_claims").set_vocabulary(VOCAB)
doc = nlp(TEXT)
out["blank"] = [[c.text, c.kind] for c in doc._.claims]
nlp2 = spacy.blank("en"); nlp2.add_pipe("sentencizer"); nlp2.add_pipe("market_claims").set_vocabulary(VOCAB)
out["sentencizer"] = [[c.text, c.kind] for c in nlp2(TEXT)._.claims]
back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
out["to_bytes"] = back._.claims == doc._.claims
out["span_claim"] = back.spans["market_claims"][0]._.claim.text
bin_ = DocBin(store_user_data=True); bin_.add(doc)
again = list(DocBin(store_user_data=True).from_bytes(bin_.to_bytes()).get_docs(nlp.vocab))[0]
out["docbin"] = again._.claims == doc._.claims
if __name__ == "__main__":
    docs = nlp.pipe(["The Nikkei 225 rose 2.5% today.", "USD/JPY traded at 150.25 yen today."] * 2, n_process=2)
    out["n_process"] = [[c.text for c in d._.claims] for d in docs]
    with tempfile.TemporaryDirectory() as tmp:
        nlp.to_disk(tmp)
        loaded = spacy.load(tmp)
        out["loaded_pipes"] = loaded.pipe_names
        out["loaded_vocabulary"] = len(loaded.get_pipe("market_claims").vocabulary.entries)
        out["loaded_cue"] = loaded("The Nikkei 225 rose 2.5% today.")._.claims[0].cues[0].value
    doc = nlp.make_doc("The yield rose to 2.3% yesterday.")
    doc._.reference_date = date(2026, 1, 21)
    out["reference"] = nlp(doc)._.claims[0].time.value
    print(json.dumps(out))
'''


def test_imported_data_count_for_a_series_without_a_live_source(cli, tmp_path):
    csv_file = tmp_path / "topix.csv"
    csv_file.write_text("date,value\n2026-11-27,3301.25\n2026-11-30,3312.50\n")
    r = cli("data", "import", str(csv_file), "--series", "topix")
    assert r.returncode == 0, r.stderr
    status = {row["series"]: row for row in json.loads(cli("data", "status", "-f", "json").stdout)}
    assert status["topix"]["origin"] == "snapshot+cache" and status["topix"]["last"] == "2026-11-30"
    r = cli("check", "-", "--date", "2026-12-01", "--format", "json", input="The Topix closed at 3,312.5 on Monday.")
    claim = json.loads(r.stdout)["claims"][0]
    assert claim["series"]["id"] == "topix" and claim["verdict"]["label"] == "accurate"
    assert claim["verdict"]["observed"][0]["source"] == "user:topix.csv"


@pytest.mark.parametrize("body, words", [
    ("date,value\n07/01/2026,3300\n", "not an ISO date"),
    ("date,value\n2026-02-30,3300\n", "not a calendar date"),
    ("date,value\n2026-07-01,3300\n2026-07-01,3301\n", "more than once"),
    ("date,value\n2099-07-01,3300\n", "in the future"),
    ("date,value\n2026-07-01,330000\n", "outside topix's plausible range"),
    ("date,value\n2026-07-01,inf\n", "not a finite number"),
    ("date,value\n2026-07-01,abc\n", "not a number"),
    ("date,value\n", "no observations"),
    ("", "cannot read"),
])
def test_bad_imports_are_refused_naming_the_row(cli, tmp_path, body, words):
    csv_file = tmp_path / "mine.csv"
    csv_file.write_text(body)
    r = cli("data", "import", str(csv_file), "--series", "topix")
    assert r.returncode == 4 and words in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert not (tmp_path / "cache" / "series" / "topix.csv").exists()


def test_import_into_a_decision_table_is_refused_with_the_reason(cli, tmp_path):
    csv_file = tmp_path / "boj.csv"
    csv_file.write_text("date,value\n2026-07-01,0.75\n")
    r = cli("data", "import", str(csv_file), "--series", "boj_policy_rate")
    assert r.returncode == 4 and "decisions table" in r.stderr and "never be read" in r.stderr


def test_concurrent_imports_keep_every_row(installed, user_env, tmp_path):
    import subprocess

    files = []
    for i in range(3):
        f = tmp_path / f"part{i}.csv"
        f.write_text(f"date,value\n2026-11-{10 + i:02d},{3000 + i}\n")
        files.append(f)
    procs = [subprocess.Popen([str(installed / "factcheck"), "data", "import", str(f), "--series", "topix"],
                              env=user_env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for f in files]
    assert [p.wait(timeout=120) for p in procs] == [0] * 3
    cached = (tmp_path / "cache" / "series" / "topix.csv").read_text()
    assert all(f"2026-11-{10 + i:02d},{3000 + i}" in cached for i in range(3)), cached


def test_damaged_cache_file_is_quarantined_and_import_rebuilds_it(cli, tmp_path):
    series = tmp_path / "cache" / "series"
    series.mkdir(parents=True)
    (series / "ust_10y.csv").write_text('# {"source": "fred_csv"}\ndate,value,source\n2026-11-02,4.1,fred_csv\n2026-11-0')
    (series / ".ust_10y.abc123.tmp").write_text("left by a killed writer")
    r = cli("data", "status", "-f", "json")
    assert r.returncode == 0 and "truncated" in r.stderr and "quarantine" in r.stderr
    row = next(x for x in json.loads(r.stdout) if x["series"] == "ust_10y")
    assert row["origin"] == "snapshot"  # the snapshot serves alone meanwhile
    assert not (series / "ust_10y.csv").exists() and list((tmp_path / "cache" / "quarantine").glob("ust_10y.*"))
    good = tmp_path / "ust.csv"
    good.write_text("date,value\n2026-11-02,4.10\n")
    assert cli("data", "import", str(good), "--series", "ust_10y").returncode == 0
    assert (series / "ust_10y.csv").read_text().endswith("2026-11-02,4.1,user:ust.csv\n")
    assert not list(series.glob("*.tmp"))  # swept under the lock


def test_unwritable_cache_is_a_clear_error(cli, tmp_path):
    csv_file = tmp_path / "topix.csv"
    csv_file.write_text("date,value\n2026-11-27,3301.25\n")
    env = {"FACTCHECK_CACHE_DIR": "/sys/factcheck-cache-test"}  # not writable, even by root
    r = cli("data", "import", str(csv_file), "--series", "topix", env=env)
    assert r.returncode == 5 and "cannot write to the cache folder" in r.stderr and "Traceback" not in r.stderr
    r = cli("data", "update", "ust_10y", env={**env, "FACTCHECK_SOURCES_URL": f"http://127.0.0.1:{closed_port()}"})
    assert r.returncode in (5, 6) and "Traceback" not in r.stderr


def test_empty_input_is_no_text_in_check_and_batch(cli, tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "empty.txt").write_text("  \n\n")
    r = cli("check", str(folder / "empty.txt"), "--format", "json")
    assert r.returncode == 0 and "no text" in r.stderr
    report = json.loads(r.stdout)
    assert report["claims"] == [] and report["warnings"][0].startswith("no text")
    r = cli("batch", str(folder), "--out", str(tmp_path / "out"), "--jobs", "1")
    assert r.returncode == 0, r.stderr
    row = next(csv.DictReader(io.StringIO((tmp_path / "out" / "summary.csv").read_text())))
    assert row["status"] == "ok" and row["note"] == "no text" and row["claims"] == "0"
    assert json.loads((tmp_path / "out" / "empty.txt.json").read_text())["warnings"][0].startswith("no text")


@pytest.mark.parametrize("encoding", ["utf-16", "cp1252", "utf-8-sig"])
def test_encodings_are_detected(cli, tmp_path, encoding):
    doc = tmp_path / "note.txt"
    doc.write_bytes("The 10-year JGB yield rose to 2.33% on Tuesday \u2014 a caf\xe9 talk.\n".encode(encoding))
    r = cli("check", str(doc), "--date", "2026-01-21", "--format", "json")
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert report["claims"][0]["text"] == "2.33%" and report["claims"][0]["verdict"]["label"] == "accurate"
    if encoding != "utf-8-sig":
        assert encoding in report["document"]["text_note"]
    if encoding == "utf-16":
        forced = cli("check", str(doc), "--encoding", "utf-32", "--format", "json")
        assert forced.returncode == 4 and "--encoding" in forced.stderr


def test_fifo_devices_and_endless_input_do_not_hang(cli, tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    r = cli("check", str(fifo), timeout=30)
    assert r.returncode == 4 and "named pipe" in r.stderr
    folder = tmp_path / "notes"
    folder.mkdir()
    os.mkfifo(folder / "stuck.txt")
    (folder / "good.txt").write_text("The 10-year JGB yield rose to 2.33% on Tuesday.\n")
    r = cli("batch", str(folder), "--out", str(tmp_path / "out"), "--jobs", "1", timeout=60)
    assert r.returncode == 7 and "stuck.txt" in r.stderr and "named pipe" in r.stderr
    r = cli("check", "/dev/zero", timeout=30)
    assert r.returncode == 4 and "character device" in r.stderr


def test_endless_standard_input_is_read_only_to_the_limit(installed, user_env, tmp_path):
    import subprocess

    with open("/dev/zero", "rb") as zero:
        proc = subprocess.run([str(installed / "factcheck"), "check", "-", "--max-bytes", "100000"], stdin=zero,
                              capture_output=True, env=user_env, cwd=tmp_path, timeout=30)
    assert proc.returncode == 4 and b"limit" in proc.stderr


def test_api_input_errors_are_the_package_s_own(installed, tmp_path):
    code = ("from factcheck import check_text, InputError\n"
            "for args in [(None,), (b'x',), ('x', '2026-02-30'), ('x', 20260130), ('x', '0001-01-01')]:\n"
            "    try:\n        check_text(*args)\n    except InputError as e:\n        print('InputError', e)\n")
    proc = run_cli(installed, ["-c", code], {"PATH": os.environ["PATH"], "HOME": str(tmp_path)}, tmp_path,
                   program="python")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("InputError") == 5
    code = "from factcheck import check_text\nr = check_text('')\nprint(r.summary['claims'], r.warnings[0][:7])"
    proc = run_cli(installed, ["-c", code], {"PATH": os.environ["PATH"], "HOME": str(tmp_path)}, tmp_path,
                   program="python")
    assert proc.stdout.split() == ["0", "no", "text"]


# -- issue 18 through the installed CLI: text as read, edges of the input, internal errors ------
CLEAN = ("TOKYO, Jan 21 (Wire) - The Nikkei 225 fell 1.5% to 51,234.10 on Tuesday.\r\n\r\n"
         "The 10-year JGB yield rose 3 basis points to 2.33%, and the yen weakened to 158.40 per dollar.\n")


def strict_json(text: str):
    def refuse(name):
        raise ValueError(f"{name} in the JSON")

    return json.loads(text, parse_constant=refuse)


def test_invisible_full_width_and_odd_spaces_read_as_the_clean_text(cli, tmp_path):
    """A file with a BOM inside, zero-width and direction characters in its numbers,
    full-width digits, a thin-space thousands separator and lone CR line ends: the claims
    and verdicts of the clean file, spans on the original characters."""
    dirty = (CLEAN.replace("\r\n", "\r").replace("1.5%", "1\u200b.5%").replace("51,234.10", "51\u2009234.10")
             .replace("2.33%", "\u2066２．３３％\u2069").replace("158.40", "15\u00ad8.40").replace("The 10", "\ufeffThe 10"))
    (tmp_path / "clean.txt").write_text(CLEAN, newline="")
    (tmp_path / "dirty.txt").write_text(dirty, newline="")
    got = {}
    for name in ("clean", "dirty"):
        r = cli("check", str(tmp_path / f"{name}.txt"), "--format", "json")
        assert r.returncode == 0, r.stderr
        got[name] = strict_json(r.stdout)["claims"]
    assert [(c["value"], c["verdict"]["label"]) for c in got["dirty"]] == \
           [(c["value"], c["verdict"]["label"]) for c in got["clean"]] and len(got["clean"]) == 5
    for c in got["dirty"]:
        s, e = c["value_span"]
        assert dirty[s:e] == c["text"]
    assert [c["text"] for c in got["dirty"]][1:3] == ["51\u2009234.10", "3 basis points"]


def test_edges_of_the_input_are_warnings_not_tracebacks(cli, tmp_path):
    """A 400-digit number, a 3,000-character run-on sentence, impossible dates and the
    sentence that crashed the verifier: exit 0, strict JSON, a warning for what was not read."""
    doc = tmp_path / "odd.txt"
    doc.write_text(f"The 10-year JGB yield rose to {'9' * 400}% on February 30, 2026.\n\n"
                   "The Nikkei 225 rose 2% " + "and kept rising " * 200 + ".\n\n"
                   "The 10-year JGB yield has risen since 2020 to 2.3%. The yen was 150 per dollar 9999 years ago.\n")
    r = cli("check", str(doc), "--date", "2026-01-21", "--format", "json")
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    report = strict_json(r.stdout)
    assert "internal_errors" not in report["summary"]
    assert any("too long to be a market value" in w for w in report["warnings"])
    assert any("over 3,000 characters" in w for w in report["warnings"])
    assert "not checked" in r.stderr
    assert next(c for c in report["claims"] if c["text"] == "2.3%")["verdict"]["label"] == "accurate"


def test_an_internal_error_in_the_installed_package_exits_70(installed, user_env, tmp_path):
    """A defect injected into one checker of the installed package: the report is written
    with that claim unverifiable, the traceback goes to stderr, the status is 70."""
    doc = tmp_path / "note.txt"
    doc.write_text("The 10-year JGB yield rose 6 basis points to 2.33% on Tuesday. The yen was 158.2 per dollar.\n")
    code = ("import sys\nfrom factcheck.verify import verifier as v\n"
            "routes = [v.Route(r.name, r.when, (lambda case: 1 / 0) if r.name == 'level' else r.check) "
            "for r in v.CHECKERS]\nv.CHECKERS = tuple(routes)\nfrom factcheck.cli import main\n"
            f"sys.argv = ['factcheck', 'check', {str(doc)!r}, '--date', '2026-01-21', '--format', 'json']\nmain()\n")
    proc = run_cli(installed, ["-c", code], user_env, tmp_path, program="python")
    assert proc.returncode == 70, proc.stderr
    report = strict_json(proc.stdout)
    assert report["summary"]["internal_errors"] == 2 and report["summary"]["accurate"] == 1
    assert "ZeroDivisionError" in proc.stderr and "Traceback" in proc.stderr and "Traceback" not in proc.stdout


def test_a_damaged_cache_never_stops_a_check(cli, tmp_path):
    """A duplicated date, a file with no rows and a truncated file in the cache (an older
    version's import, a killed writer): each is quarantined with a warning and the check
    runs on the snapshot."""
    series = tmp_path / "cache" / "series"
    series.mkdir(parents=True)
    (series / "ust_10y.csv").write_text('# {"source": "fred_csv"}\ndate,value,source\n'
                                        '2026-11-02,4.1,fred_csv\n2026-11-02,4.2,fred_csv\n')
    (series / "topix.csv").write_text('# {"source": "user"}\ndate,value,source\n')
    (series / "jgb_10y.csv").write_text('# {"source": "mof"}\ndate,value,source\n2026-11-02,1.7')
    r = cli("check", "-", "--date", "2026-01-21", "--format", "json",
            input="The U.S. 10-year Treasury yield was 4.30% on Tuesday. The 10-year JGB yield was 2.33% on Tuesday. "
                  "The Topix closed at 3,312.5 on Tuesday.")
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    labels = [c["verdict"]["label"] for c in strict_json(r.stdout)["claims"]]
    assert labels[:2] == ["accurate", "accurate"] and len(labels) == 3  # the Topix is checked against the snapshot
    for words in ("appears more than once", "no observations", "truncated"):
        assert words in r.stderr
    assert len(list((tmp_path / "cache" / "quarantine").iterdir())) == 3
