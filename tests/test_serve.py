"""The review desk over HTTP (Starlette's TestClient, no network): paste and upload,
review decisions that the CLI then reads, the batch view, the JSON API, and the guards
(size limit, cross-site posts, host names, escaping)."""
from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from typer.testing import CliRunner

pytest.importorskip("starlette")
from starlette.testclient import TestClient  # noqa: E402

from factcheck.cli import app as cli  # noqa: E402
from factcheck.serve import DeskConfig, create_app  # noqa: E402

NOTE = ("The 10-year JGB yield rose 6 basis points to 2.33% on Tuesday. "
        "The Nikkei 225 fell 2.5% on Tuesday, and the yen traded near 158 per dollar.\n")
SCRIPT = '<script>document.title="PWNED"</script><img src=x onerror="alert(1)">'
FILE_NAME = '"><img src=x onerror=alert(1)><svg onload=alert(2)>.txt'  # a file name cannot hold "/"
BASE = "http://127.0.0.1:8765"


@pytest.fixture
def desk(tmp_path, checker):
    folder = tmp_path / "folder"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(NOTE)
    (folder / "sub" / FILE_NAME).write_text(NOTE)
    config = DeskConfig(tmp_path / "state", batch_dir=folder, max_bytes=200_000)
    return TestClient(create_app(config, checker=checker), base_url=BASE), config


def submit(client, **data) -> str:
    r = client.post("/check", data=data, follow_redirects=False)
    assert r.status_code == 303, r.text
    return r.headers["location"]


def cards(page: str) -> list[tuple[str, str]]:
    return re.findall(r'name="fingerprint" value="([0-9a-f]{16})"><input type="hidden" name="n" value="(\d+)"', page)


def test_paste_review_override_and_the_cli_reads_it(desk, tmp_path):
    client, config = desk
    home = client.get("/")
    assert home.status_code == 200 and 'name="text"' in home.text and 'type="file"' in home.text
    doc = submit(client, text=NOTE, date="2026-01-21")
    page = client.get(doc).text
    assert page.count('<form class="review"') == 4 and "<mark>" in page
    fp, n = cards(page)[0]
    r = client.post(f"{doc}/decide", data={"fingerprint": fp, "n": n, "action": "override", "label": "misdated",
                                           "note": "wrong session", "text": "x", "was": "accurate"},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"{doc}#c{n}"
    again = client.get(doc).text  # a reload shows the decision kept
    assert "Reviewer overrode to misdated" in again and "wrong session" in again
    assert re.search(r'<option value="misdated" selected>', again)
    src = tmp_path / "note.txt"
    src.write_text(NOTE)
    out = CliRunner().invoke(cli, ["check", str(src), "--date", "2026-01-21", "-f", "json", "--baseline",
                                   str(config.baseline)])
    decided = [c for c in json.loads(out.stdout)["claims"] if c["fingerprint"] == fp]
    assert decided and decided[0]["verdict"]["label"] == "misdated" and decided[0]["review"]["note"] == "wrong session"


def test_accept_and_comment(desk):
    client, config = desk
    doc = submit(client, text=NOTE, date="2026-01-21")
    (fp1, n1), (fp2, n2) = cards(client.get(doc).text)[:2]
    client.post(f"{doc}/decide", data={"fingerprint": fp1, "n": n1, "action": "accept", "note": ""})
    client.post(f"{doc}/decide", data={"fingerprint": fp2, "n": n2, "action": "comment", "note": "ask the author"})
    page = client.get(doc).text
    assert "Reviewer accepted" in page and "Reviewer commented" in page and "ask the author" in page
    r = client.post(f"{doc}/decide", data={"fingerprint": fp1, "action": "override", "label": "bogus"})
    assert r.status_code == 400 and "verdict label" in r.text
    r = client.post(f"{doc}/decide", data={"fingerprint": "nothex", "action": "accept"})
    assert r.status_code == 400 and "16 hex digits" in r.text


def test_upload_and_escaping(desk):
    client, _ = desk
    html_doc = f"<html><body><article><h1>Bonds</h1><p>{NOTE}</p></article></body></html>".encode()
    r = client.post("/check", files={"file": (FILE_NAME + ".html", html_doc, "text/html")}, data={"date": "2026-01-21"},
                    follow_redirects=False)
    assert r.status_code == 303
    page = client.get(r.headers["location"]).text
    assert "<script>document" not in page and "<img src=x" not in page and "&lt;img src=x onerror" in page
    doc = submit(client, text=f"{SCRIPT} {NOTE}", date="2026-01-21")
    page = client.get(doc).text
    assert "<script>" not in page and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page
    home = client.get("/").text  # the recent list escapes too
    assert SCRIPT not in home and "<img src=x" not in home and "<svg onload" not in home


@pytest.mark.parametrize("data,message", [({"text": "   "}, "empty document"), ({"text": NOTE, "date": "2026-02-30"},
                                          "YYYY-MM-DD"), ({"text": NOTE, "date": "0001-01-01"}, "from 1900")])
def test_bad_input_is_a_clear_400(desk, data, message):
    client, _ = desk
    r = client.post("/check", data=data)
    assert r.status_code == 400 and message in r.text


def test_json_api(desk):
    client, _ = desk
    r = client.post("/api/check", json={"text": NOTE, "date": "2026-01-21"})
    body = r.json()
    assert r.status_code == 200 and body["schema"] == "factcheck.report/1" and body["summary"]["claims"] == 4
    assert body["document"]["reference_date"] == "2026-01-21"
    r = client.post("/api/check", files={"file": ("note.txt", NOTE.encode(), "text/plain")}, data={"date": "2026-01-21"})
    assert r.status_code == 200 and r.json()["document"]["path"] == "note.txt" and r.json()["claims"]
    r = client.post("/api/check", files={"file": ("bin.txt", b"\x00\x01binary", "application/octet-stream")})
    assert r.status_code == 400 and "binary" in r.json()["error"]
    r = client.post("/api/check", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 400 and "JSON" in r.json()["error"]
    r = client.post("/api/check", json={"text": 5})
    assert r.status_code == 400


def test_size_limit_is_413(desk):
    client, config = desk
    big = "x" * (config.max_bytes + 100 * 1024)
    assert client.post("/api/check", json={"text": big}).status_code == 413

    def stream():  # no Content-Length: chunked
        for _ in range(40):
            yield b"y" * 8192

    r = client.post("/api/check", content=stream(), headers={"content-type": "application/json"})
    assert r.status_code == 413
    r = client.post("/api/check", json={"text": "a" * (config.max_bytes + 10)})
    assert r.status_code in (400, 413)


def test_cross_site_posts_and_foreign_hosts_are_refused(desk):
    client, _ = desk
    r = client.post("/check", data={"text": NOTE}, headers={"origin": "https://evil.example"})
    assert r.status_code == 403
    r = client.post("/check", data={"text": NOTE}, headers={"sec-fetch-site": "cross-site"})
    assert r.status_code == 403
    assert client.post("/check", data={"text": NOTE}, headers={"origin": BASE}, follow_redirects=False).status_code == 303
    assert client.get("/", headers={"host": "attacker.example"}).status_code == 400  # DNS rebinding
    assert "frame-ancestors 'none'" in client.get("/").headers["content-security-policy"]


def test_batch_view(desk):
    client, config = desk
    index = client.get("/batch/")
    assert index.status_code == 200
    links = re.findall(r'href="([^"]*)"', index.text)
    doc_links = [h for h in links if h.startswith("./doc/")]
    assert len(doc_links) == 2 and "./doc/a.txt" in doc_links and "<img src=x" not in index.text
    for link in doc_links:
        page = client.get("/batch/" + link[2:])
        assert page.status_code == 200 and '<form class="review"' in page.text
    fp, n = cards(client.get("/batch/doc/a.txt").text)[0]
    r = client.post("/batch/doc/a.txt", data={"fingerprint": fp, "n": n, "action": "accept"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/batch/doc/a.txt#c{n}"
    assert "Reviewer accepted" in client.get("/batch/doc/a.txt").text
    for bad in ("/batch/doc/../../etc/passwd", "/batch/doc/%2e%2e/%2e%2e/etc/passwd", "/batch/doc/nothere.txt",
                "/doc/../../x", "/doc/0123456789abcdef"):
        assert client.get(bad).status_code == 404, bad


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_command_binds_localhost(tmp_path):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "factcheck.cli", "serve", "--port", str(port), "--state-dir",
                             str(tmp_path / "state")], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        body = None
        for _ in range(100):
            try:
                body = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).read().decode()
                break
            except OSError:
                time.sleep(0.1)
        assert body is not None and "review desk" in body
        with socket.socket() as probe:  # nothing listens on the machine's other addresses
            other = socket.gethostbyname(socket.gethostname())
            if not other.startswith("127."):
                assert probe.connect_ex((other, port)) != 0
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_a_broken_baseline_is_a_clear_page_not_a_crash(desk):
    client, config = desk
    doc = submit(client, text=NOTE, date="2026-01-21")
    config.baseline.write_text('[[claim]]\nfingerprint = "0123456789abcdef"\naction = "override"\nlabel = "bad"\n')
    r = client.get(doc)
    assert r.status_code == 500 and "not a verdict label" in r.text and "Traceback" not in r.text
