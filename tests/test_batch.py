"""Batch checking: bad files become error rows, good ones get reports; re-runs skip
current reports; an interrupt keeps what was written; the Dask engine agrees with the
local one."""
from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from factcheck.batch import BatchConfig, discover, run, summarize
from factcheck.cli import app

from conftest import require_shared

runner = CliRunner()


@pytest.fixture
def folder(tmp_path):
    shared = require_shared()
    root = tmp_path / "notes"
    (root / "desk").mkdir(parents=True)
    for p in sorted((shared / "eval/dev").glob("dev*.txt"))[:6]:
        shutil.copy(p, root / p.name)
    shutil.copy(shared / "seed/article.txt", root / "desk" / "seed.md")
    (root / "page.html").write_text("<html><body><nav>Home | Markets</nav><article><h1>JGBs</h1><p>The 10-year JGB "
                                    "yield rose 6 basis points to 2.33% yesterday.</p></article></body></html>")
    (root / "binary.txt").write_bytes(b"\x00\x01\x02\xff binary")
    (root / "latin1.txt").write_bytes("Caf\xe9 talk: the Nikkei 225 rose 2.5% on Monday.\n".encode("latin-1"))
    (root / "empty.txt").write_text("")
    (root / "folder.txt").mkdir()
    with open(root / "huge.txt", "wb") as fh:  # 20 MB: refused by size, never read whole
        fh.write(b"The 10-year JGB yield rose 6 basis points to 2.33%. " * (20 * 1024 * 1024 // 52 + 1))
    return root


GOOD = {"dev01.txt", "dev02.txt", "dev03.txt", "dev04.txt", "dev05.txt", "dev06.txt", "desk/seed.md", "page.html"}
BAD = {"binary.txt": "binary", "folder.txt": "directory", "huge.txt": "limit"}
READ_ANYWAY = {"latin1.txt", "empty.txt"}  # decoded as cp1252; checked with a "no text" note


def test_good_documents_get_reports_and_bad_ones_error_rows(folder, tmp_path):
    out = tmp_path / "out"
    r = runner.invoke(app, ["batch", str(folder), "--out", str(out), "--jobs", "2", "-f", "md"])
    assert r.exit_code == 7, r.output
    for rel in GOOD:
        report = json.loads((out / f"{rel}.json").read_text())
        assert report["schema"] == "factcheck.report/1" and report["claims"]
        assert (out / f"{rel}.md").exists()
    rows = {line.split(",")[0]: line for line in (out / "summary.csv").read_text().splitlines()[1:]}
    assert set(rows) == GOOD | set(BAD) | READ_ANYWAY
    for rel, word in BAD.items():
        assert ",error," in rows[rel] and word in rows[rel], rows[rel]
    assert rows["empty.txt"].startswith("empty.txt,ok,,,0,") and rows["empty.txt"].endswith(",no text")
    latin1 = json.loads((out / "latin1.txt.json").read_text())
    assert "cp1252" in latin1["document"]["text_note"] and latin1["claims"][0]["text"] == "2.5%"
    assert "page.html" in (out / "index.html").read_text()
    html_report = json.loads((out / "page.html.json").read_text())
    assert "trafilatura" in html_report["document"]["text_note"]
    assert "Home | Markets" not in html_report["claims"][0]["sentence"]


def test_rerun_skips_current_reports_unless_forced(folder, tmp_path):
    out = tmp_path / "out"
    args = ["batch", str(folder), "--out", str(out), "--jobs", "1", "--glob", "dev0*.txt"]
    assert runner.invoke(app, args).exit_code == 0
    r = runner.invoke(app, args)
    assert "0 checked, 6 unchanged" in r.stdout
    (folder / "dev01.txt").write_text((folder / "dev01.txt").read_text() + "\nAn added line.\n")
    r = runner.invoke(app, args)
    assert "1 checked, 5 unchanged" in r.stdout
    r = runner.invoke(app, args + ["--force"])
    assert "6 checked, 0 unchanged" in r.stdout


def test_fail_on_exit_status(folder, tmp_path):
    r = runner.invoke(app, ["batch", str(folder), "--out", str(tmp_path / "o"), "--glob", "dev0*.txt",
                            "--fail-on", "misdated"])
    assert r.exit_code == 1


def test_interrupt_keeps_written_reports(folder, tmp_path):
    found = [(p.relative_to(folder).as_posix(), err) for p, err in discover(folder, ["dev0*.txt"])]
    config = BatchConfig(str(folder), str(tmp_path / "out"))
    seen = []

    def stop_after_three(row):
        seen.append(row)
        if len(seen) == 3:
            raise KeyboardInterrupt

    rows, interrupted = run(found, config, jobs=1, on_result=stop_after_three)
    assert interrupted and len(rows) == 3
    written = sorted((tmp_path / "out").glob("*.json"))
    assert len(written) == 3 and all(json.loads(p.read_text())["claims"] for p in written)
    assert "Interrupted" in (tmp_path / "out" / "index.html").read_text()


def test_symlink_out_of_the_folder_is_not_followed(folder, tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("The 10-year JGB yield rose to 2.33%.")
    (folder / "link.txt").symlink_to(outside)
    rows = dict(discover(folder, ["*.txt"]))
    assert "leaves the folder" in rows[folder.resolve() / "link.txt"]
    rows = dict(discover(folder, ["*.txt"], follow_symlinks=True))
    assert rows[folder.resolve() / "link.txt"] is None


def test_dask_engine_matches_local(folder, tmp_path):
    distributed = pytest.importorskip("distributed")
    found = [(p.relative_to(folder).as_posix(), err) for p, err in discover(folder)]
    local, _ = run(found, BatchConfig(str(folder), str(tmp_path / "local")), jobs=1)
    # several threads per worker, as `batch --engine dask` runs by default: one checker
    # per process is shared by its threads
    with distributed.LocalCluster(n_workers=2, threads_per_worker=4, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        remote, _ = run(found, BatchConfig(str(folder), str(tmp_path / "dask")), engine="dask", client=client)
    assert summarize(local) == summarize(remote)
    assert (tmp_path / "dask" / "summary.csv").read_text() == (tmp_path / "local" / "summary.csv").read_text()


def test_batch_json_is_the_reports_json_text_indented_by_two(folder, tmp_path):
    """The batch writes its JSON with orjson (factcheck/jsonfile.py): the same text as
    ``json.dumps(indent=2)`` gives for the same dict, and a value orjson refuses still goes
    through ``json``."""
    from factcheck.jsonfile import json_bytes

    out = tmp_path / "out"
    assert runner.invoke(app, ["batch", str(folder), "--out", str(out), "--glob", "dev01.txt"]).exit_code == 0
    written = (out / "dev01.txt.json").read_text(encoding="utf-8")
    report = json.loads(written)
    assert report["claims"] and written == json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    odd = {"big": 2 ** 70, "yen": "¥157", "n": [1.5, None]}
    assert json_bytes(odd).decode("utf-8") == json.dumps(odd, indent=2, ensure_ascii=False) + "\n"
