"""A local stand-in for every live source, on 127.0.0.1, that misbehaves on request.

Point the installed CLI at it with ``FACTCHECK_SOURCES_URL=http://127.0.0.1:PORT/<scenario>``:
the first path segment names the scenario (``name~tag`` counts its hits apart), the rest
is the source's own path (FRED's
``/graph/fredgraph.csv``, MoF's ``/english/...``, the Treasury's ``/resource-center/...``,
the BoJ's ``/api/v1/getDataCode``), answered with the recorded payloads in
``tests/payloads``. Every loop is bounded (a drip sends at most ``DRIP_BYTES``) and the
server stops with the test. ``hits`` counts requests per (scenario, path).
"""
from __future__ import annotations

import gzip
import threading
import time
from collections import Counter
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

PAYLOADS = Path(__file__).parent / "payloads"
DRIP_BYTES = 40
DRIP_PAUSE = 0.25
HANG = 12.0
FRED_ROWS = "2026-11-02,{v}\n2026-11-03,{v}\n2026-11-04,{v}\n"


def fred_csv(code: str, value: str = "4.1", extra: str = "") -> bytes:
    return f"observation_date,{code}\n{FRED_ROWS.format(v=value)}{extra}".encode()


def good_body(path: str, query: dict) -> bytes:
    """The recorded (or, for FRED codes without a recording, made-up plausible) answer."""
    if path.endswith("/fredgraph.csv"):
        code = query.get("id", ["DGS10"])[0]
        return fred_csv(code, {"DEXJPUS": "151.2", "NIKKEI225": "50100.5", "SP500": "6800.1"}.get(code, "4.1"))
    if path.endswith("/historical/jgbcme_all.csv"):
        return (PAYLOADS / "mof_historical.csv").read_bytes()
    if path.endswith("/interest_rate/jgbcme.csv"):
        return (PAYLOADS / "mof_current_with_footer.csv").read_bytes()
    if "daily-treasury-rates.csv" in path:
        return (PAYLOADS / "ustreasury_2023.csv").read_bytes()
    if path.endswith("/getDataCode"):
        return (PAYLOADS / "boj_call_rate.json").read_bytes()
    if path.endswith("/fred/series/observations"):
        return (PAYLOADS / "fred_api_dgs10.json").read_bytes()
    return b""


@lru_cache(maxsize=1)
def bomb() -> bytes:
    """64 MB of zeros in about 64 KB of gzip."""
    return gzip.compress(b"0" * (64 * 1024 * 1024), compresslevel=9)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802
        parts = urlsplit(self.path)
        scenario, _, rest = parts.path.lstrip("/").partition("/")
        path = "/" + rest
        self.server.hits[(scenario, path)] += 1
        body = good_body(path, parse_qs(parts.query))
        kind = scenario.split("~")[0]  # "status500~mine": the status500 answers, counted apart
        getattr(self, "s_" + kind.replace("-", "_"), self.s_ok)(body, path, parts.query)

    def send(self, status: int, body: bytes, headers: dict | None = None, length: int | None = None) -> None:
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    # -- scenarios -----------------------------------------------------------------------
    def s_ok(self, body, path, query):
        self.send(200, body)

    def s_status500(self, body, path, query):
        self.send(500, b"internal error")

    def s_retry_after_negative(self, body, path, query):
        self.send(503, b"busy", {"Retry-After": "-5"})

    def s_redirect_loop(self, body, path, query):
        self.send(302, b"", {"Location": self.path})

    def s_redirect_scheme(self, body, path, query):
        self.send(302, b"", {"Location": "ftp://127.0.0.1/data.csv"})

    def s_fake_gzip(self, body, path, query):
        self.send(200, body, {"Content-Encoding": "gzip"})

    def s_short_body(self, body, path, query):
        self.send(200, body[: len(body) // 2], length=len(body))

    def s_gzip_bomb(self, body, path, query):
        self.send(200, bomb(), {"Content-Encoding": "gzip"})

    def s_broken_chunked(self, body, path, query):
        self.send_response(200)
        self.send_header("Transfer-Encoding", "chunked")
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(b"10\r\n" + body[:16] + b"\r\nzz-not-a-size\r\n" + body[16:40] + b"\r\n")

    def s_drip(self, body, path, query):
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        for i in range(min(DRIP_BYTES, len(body))):
            try:
                self.wfile.write(body[i:i + 1])
                self.wfile.flush()
            except OSError:
                return
            time.sleep(DRIP_PAUSE)

    def s_hang(self, body, path, query):
        """Accept, then say nothing for HANG seconds (bounded), then the good answer."""
        time.sleep(HANG)
        try:
            self.send(200, body)
        except OSError:
            pass

    def s_times100(self, body, path, query):
        code = parse_qs(query).get("id", ["DGS10"])[0]
        self.send(200, fred_csv(code, "410.0") if path.endswith("/fredgraph.csv") else body)

    def s_infinite(self, body, path, query):
        code = parse_qs(query).get("id", ["DGS10"])[0]
        self.send(200, fred_csv(code, "inf") if path.endswith("/fredgraph.csv") else body)

    def s_future(self, body, path, query):
        code = parse_qs(query).get("id", ["DGS10"])[0]
        self.send(200, fred_csv(code, "4.1", "2099-01-02,4.2\n") if path.endswith("/fredgraph.csv") else body)

    def s_echo_key(self, body, path, query):
        """The FRED API echoing the key in an error, once after a redirect carrying it."""
        key = parse_qs(query).get("api_key", [""])[0]
        if "hop" not in query:
            self.send(302, b"", {"Location": f"{self.path}&hop=1"})
            return
        self.send(400, f'{{"error_code": 400, "error_message": "Bad Request. api_key {key} is not '
                       f'registered (url {self.path})"}}'.encode())


class FaultServer:
    def __init__(self):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.hits = Counter()
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)

    @property
    def hits(self) -> Counter:
        return self.httpd.hits

    def url(self, scenario: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/{scenario}"

    def __enter__(self) -> "FaultServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
