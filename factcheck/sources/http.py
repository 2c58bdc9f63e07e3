"""The one place that talks HTTP. Whatever a server or the network does, a fetch ends in a
:class:`Reply` or a :class:`~factcheck.errors.SourceError`, on time and within memory:

- every ``requests`` failure (refused or unresolvable host, timeouts, redirect loops,
  redirects to other schemes, broken chunked encoding, a body shorter than its
  Content-Length, a body that claims gzip and is not) is "source down", with a reason;
- the body is read in small pieces with a cap on its size after decompression (a gzip
  bomb stops at ``max_bytes``) and on the time the whole read takes (a server dripping a
  byte a second stops at ``max_seconds``);
- a host that refused the connection or does not resolve is marked down for the rest of
  the run: its other series fail at once, without retries (offline, `data update` ends
  in seconds, not minutes); 429 and 5xx are retried with backoff, honouring a sane
  Retry-After; a ``budget`` bounds the whole run (``check --online`` gives up after it);
- one run fetches each URL once (the MoF file serves fifteen tenors, failures included);
- ``FACTCHECK_SOURCES_URL`` replaces every source's scheme and host (and prefixes its
  path), for mirrors, proxies and tests against a local server;
- secrets never leave: every URL and message goes through :func:`~factcheck.redact.redact`.

Limit: the time cap covers the body; headers trickled a byte at a time are bounded only
by the read timeout of each byte. ``requests`` is imported on the first request, so that
reading the source registry (explanations, renderers) costs no network stack.
"""
from __future__ import annotations

import os
import time
import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from ..errors import SourceDown, SourceError, Unauthorized
from ..redact import redact

if TYPE_CHECKING:
    import requests

__all__ = ["Http", "HttpConfig", "Reply", "redact", "rebase"]

DEFAULT_USER_AGENT = "factcheck/0.1 (+https://example.invalid/factcheck; market-commentary fact checker)"
CHUNK = 64 * 1024


@dataclass
class HttpConfig:
    timeout: float = 20.0  # each read (and the connection) may wait this long
    connect_timeout: float = 5.0
    retries: int = 2  # after a 429/5xx or a read timeout; never after a refused connection
    backoff: float = 1.0  # seconds, doubled each retry
    max_retry_after: float = 30.0
    max_bytes: int = 64 * 1024 * 1024  # a body, after decompression
    max_seconds: float = 60.0  # reading one body
    budget: float | None = None  # the whole run (every request, retries and waits)
    max_redirects: int = 5
    user_agent: str = DEFAULT_USER_AGENT

    @classmethod
    def from_env(cls, **overrides) -> "HttpConfig":
        env = os.environ.get
        values = dict(timeout=float(env("FACTCHECK_HTTP_TIMEOUT", 20)), retries=int(env("FACTCHECK_HTTP_RETRIES", 2)),
                      backoff=float(env("FACTCHECK_HTTP_BACKOFF", 1.0)),
                      max_bytes=int(env("FACTCHECK_HTTP_MAX_BYTES", 64 * 1024 * 1024)),
                      max_seconds=float(env("FACTCHECK_HTTP_MAX_SECONDS", 60)),
                      user_agent=env("FACTCHECK_USER_AGENT", DEFAULT_USER_AGENT))
        values.update(overrides)
        return cls(**values)


@dataclass
class Reply:
    """A whole response: status, final URL (may hold secrets: redact before showing),
    headers and the decoded body."""

    status_code: int
    url: str
    headers: dict = field(default_factory=dict)
    content: bytes = b""


class _HostDown(Exception):
    """The host refused the connection, did not resolve, or did not answer the connect."""


class _Broken(Exception):
    """The answer cannot be used and asking again will not help."""


class _Transient(Exception):
    """Worth one more try: a read timed out, the connection dropped mid-answer."""


def rebase(url: str) -> str:
    """``url`` with the scheme and host of ``FACTCHECK_SOURCES_URL`` (its path, if any,
    goes in front of the source's own path)."""
    base = os.environ.get("FACTCHECK_SOURCES_URL", "").strip()
    if not base:
        return url
    b = urlsplit(base)
    if b.scheme not in ("http", "https") or not b.netloc:
        raise _Broken(f"FACTCHECK_SOURCES_URL must be an http(s) URL with a host, got {redact(base)!r}")
    u = urlsplit(url)
    return urlunsplit((b.scheme, b.netloc, b.path.rstrip("/") + u.path, u.query, u.fragment))


class Http:
    """One run's HTTP client (one per `data update` or `check --online`)."""

    def __init__(self, config: HttpConfig | None = None, session: "requests.Session | None" = None,
                 sleep=time.sleep, clock=time.monotonic):
        import requests

        self.config = config or HttpConfig.from_env()
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = self.config.user_agent
        self.session.headers["Accept-Encoding"] = "gzip, deflate"  # the encodings _read_body decodes
        self.session.max_redirects = self.config.max_redirects
        self._sleep, self._clock = sleep, clock
        self._started = clock()
        self._down: dict[str, str] = {}  # host -> why, for the rest of this run
        self._seen: dict[str, Reply | SourceError] = {}  # URL -> what it gave in this run

    def get(self, source: str, url: str, params: dict | None = None) -> Reply:
        """GET ``url`` once per run; raises :class:`SourceDown` or :class:`Unauthorized`.
        The caller checks that the body has the format it expects."""
        import requests

        try:
            full = requests.Request("GET", rebase(url), params=params).prepare().url
        except (_Broken, requests.RequestException, ValueError) as exc:
            raise SourceDown(source, str(exc) or type(exc).__name__) from None
        known = self._seen.get(full)
        if isinstance(known, SourceError):
            raise type(known)(source, known.reason)
        if known is not None:
            return known
        try:
            reply = self._get(source, full)
        except SourceError as exc:
            self._seen[full] = exc
            raise
        self._seen[full] = reply
        return reply

    def host_down(self, url: str) -> str | None:
        """Why the host of ``url`` was given up on in this run, or None."""
        return self._down.get(urlsplit(rebase(url)).netloc)

    def _get(self, source: str, url: str) -> Reply:
        host = urlsplit(url).netloc
        last = "no attempt made"
        for attempt in range(self.config.retries + 1):
            if host in self._down:
                raise SourceDown(source, f"{host} unreachable earlier in this run ({self._down[host]})")
            self._check_budget(source)
            wait = self.config.backoff * 2 ** attempt
            try:
                reply = self._once(url)
            except _HostDown as exc:
                self._down[host] = str(exc)
                raise SourceDown(source, f"cannot connect to {host}: {exc}") from None
            except _Broken as exc:
                raise SourceDown(source, str(exc)) from None
            except _Transient as exc:
                last = str(exc)
            else:
                if reply.status_code in (401, 403):
                    raise Unauthorized(source, f"HTTP {reply.status_code} from {redact(reply.url)}")
                if reply.status_code != 429 and reply.status_code < 500:
                    return reply
                last = f"HTTP {reply.status_code} from {redact(reply.url)}"
                wait = self._retry_after(reply, wait)
            if attempt < self.config.retries:
                self._sleep(min(wait, self._remaining()))
        raise SourceDown(source, f"{last} (after {self.config.retries + 1} attempts)")

    def _remaining(self) -> float:
        if self.config.budget is None:
            return float("inf")
        return max(0.0, self.config.budget - (self._clock() - self._started))

    def _check_budget(self, source: str) -> None:
        if self._remaining() <= 0:
            raise SourceDown(source, f"gave up: this run's time budget of {self.config.budget:g}s is spent")

    def _once(self, url: str) -> Reply:
        import requests

        remaining = self._remaining()
        timeout = (min(self.config.connect_timeout, remaining), min(self.config.timeout, remaining))
        try:
            resp = self.session.get(url, timeout=timeout, stream=True)
        except requests.RequestException as exc:
            raise _classify(exc) from None
        try:
            body = _read_body(resp, self.config.max_bytes, min(self.config.max_seconds, remaining), self._clock)
        finally:
            resp.close()
        return Reply(resp.status_code, resp.url, dict(resp.headers), body)

    def _retry_after(self, reply: Reply, default: float) -> float:
        """Seconds to wait before the next try: Retry-After when it is a sane number of
        seconds (negative, infinite or unparsable values are ignored), capped."""
        value = str(reply.headers.get("Retry-After", "")).strip()
        try:
            seconds = float(value)
        except ValueError:
            return default
        if not (0 <= seconds < float("inf")):
            return default
        return min(seconds, self.config.max_retry_after)


def _classify(exc: "requests.RequestException") -> Exception:
    """A ``requests`` failure as host down, broken or worth a retry, with a plain reason."""
    import requests

    chain = _chain(exc)
    names = {type(e).__name__ for e in chain}
    if isinstance(exc, requests.TooManyRedirects):
        return _Broken("redirect loop (too many redirects)")
    if isinstance(exc, (requests.exceptions.InvalidSchema, requests.exceptions.MissingSchema,
                        requests.exceptions.InvalidURL)):
        return _Broken("redirected to an unsupported URL")
    if names & {"NameResolutionError", "gaierror"}:
        return _HostDown("host name does not resolve")
    if isinstance(exc, requests.ConnectTimeout) or "ConnectTimeoutError" in names:
        return _HostDown("no answer to the connection attempt")
    if names & {"NewConnectionError", "ConnectionRefusedError"}:
        return _HostDown("connection refused")
    if isinstance(exc, requests.exceptions.SSLError):
        return _Broken("TLS handshake failed")
    if isinstance(exc, requests.Timeout):
        return _Transient("timed out waiting for an answer")
    if isinstance(exc, requests.ConnectionError):
        return _Transient("connection dropped")
    return _Broken(f"request failed ({type(exc).__name__})")


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception, its causes and contexts, and the reasons urllib3 wraps inside."""
    out, todo = [], [exc]
    while todo and len(out) < 20:
        e = todo.pop()
        if e is None or e in out:
            continue
        out.append(e)
        todo += [e.__cause__, e.__context__, getattr(e, "reason", None)]
        todo += [a for a in getattr(e, "args", ()) if isinstance(a, BaseException)]
    return [e for e in out if isinstance(e, BaseException)]


def _decoder(resp: requests.Response):
    encoding = resp.headers.get("Content-Encoding", "identity").strip().lower()
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip", "deflate"):
        return zlib.decompressobj(32 + zlib.MAX_WBITS)  # gzip or zlib header, detected
    raise _Broken(f"unsupported Content-Encoding {encoding[:30]!r}")


def _expected_length(resp: requests.Response) -> int | None:
    if "chunked" in resp.headers.get("Transfer-Encoding", "").lower():
        return None
    value = resp.headers.get("Content-Length")
    if value is None:
        return None
    if not value.strip().isdigit():
        raise _Broken(f"bad Content-Length header {value[:30]!r}")
    return int(value)


def _read_body(resp: requests.Response, max_bytes: int, max_seconds: float, clock) -> bytes:
    """The decoded body, read a piece at a time within ``max_bytes`` and ``max_seconds``."""
    decoder, expected = _decoder(resp), _expected_length(resp)
    deadline = clock() + max_seconds
    out, raw_bytes = bytearray(), 0
    try:
        while True:
            if clock() > deadline:
                raise _Broken(f"body not complete after {max_seconds:g}s (server too slow)")
            piece = resp.raw.read1(CHUNK, decode_content=False)
            if not piece:
                break
            raw_bytes += len(piece)
            out += decoder.decompress(piece, max_bytes + 1 - len(out)) if decoder else piece
            if len(out) > max_bytes or (decoder is not None and decoder.unconsumed_tail):
                raise _Broken(f"body larger than {max_bytes} bytes (after decompression)")
        if decoder is not None:
            out += decoder.flush()
            if not decoder.eof:
                raise _Broken("compressed body ends early")
    except zlib.error:
        raise _Broken("body is not the gzip/deflate data its Content-Encoding says") from None
    except (_Broken, _Transient):
        raise
    except Exception as exc:  # urllib3/http.client errors: broken chunks, resets, timeouts mid-body
        if expected is not None and raw_bytes < expected:
            raise _Broken(f"body shorter than its Content-Length ({raw_bytes} of {expected} bytes)") from None
        raise _body_failure(exc) from None
    if expected is not None and raw_bytes < expected:
        raise _Broken(f"body shorter than its Content-Length ({raw_bytes} of {expected} bytes)")
    return bytes(out)


def _body_failure(exc: Exception) -> Exception:
    names = {type(e).__name__ for e in _chain(exc)}
    if names & {"ReadTimeoutError", "TimeoutError", "timeout"}:
        return _Transient("timed out reading the body")
    if names & {"IncompleteRead", "InvalidChunkLength"} or "chunk" in str(exc).lower():
        return _Broken("body cut short or badly chunked")
    return _Transient(f"connection dropped while reading the body ({type(exc).__name__})")
