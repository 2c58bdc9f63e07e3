"""The one place that talks HTTP: a ``requests`` session with timeouts, retries with
backoff on 429/5xx (honouring Retry-After), a configurable User-Agent, and secrets kept
out of every URL that leaves this module (logs, cache metadata, error messages)."""
from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass

import requests

from ..errors import SourceDown, Unauthorized

DEFAULT_USER_AGENT = "factcheck/0.1 (+https://example.invalid/factcheck; market-commentary fact checker)"
SECRET_PARAMS = re.compile(r"(api_key|apikey|key|token)=[^&\s]+", re.I)


def redact(text: str) -> str:
    """Remove API keys from URLs and messages."""
    text = SECRET_PARAMS.sub(lambda m: f"{m.group(1)}=***", text)
    key = os.environ.get("FRED_API_KEY")
    if key:
        text = text.replace(key, "***")
    return text


@dataclass
class HttpConfig:
    timeout: float = 20.0
    retries: int = 3
    backoff: float = 1.0  # seconds, doubled each retry
    max_retry_after: float = 30.0
    user_agent: str = DEFAULT_USER_AGENT

    @classmethod
    def from_env(cls) -> "HttpConfig":
        return cls(
            timeout=float(os.environ.get("FACTCHECK_HTTP_TIMEOUT", 20)),
            retries=int(os.environ.get("FACTCHECK_HTTP_RETRIES", 3)),
            backoff=float(os.environ.get("FACTCHECK_HTTP_BACKOFF", 1.0)),
            user_agent=os.environ.get("FACTCHECK_USER_AGENT", DEFAULT_USER_AGENT),
        )


class Http:
    def __init__(self, config: HttpConfig | None = None, session: requests.Session | None = None,
                 sleep=time.sleep):
        self.config = config or HttpConfig.from_env()
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = self.config.user_agent
        self._sleep = sleep

    def get(self, source: str, url: str, params: dict | None = None) -> requests.Response:
        """GET with retries; raises :class:`SourceDown` or :class:`Unauthorized`. The
        caller checks that the body has the format it expects."""
        last = ""
        for attempt in range(self.config.retries + 1):
            try:
                resp = self.session.get(url, params=params, timeout=self.config.timeout)
            except requests.Timeout:
                last = f"timed out after {self.config.timeout:g}s"
            except requests.ConnectionError as exc:
                last = f"connection failed ({type(exc).__name__})"
            else:
                if resp.status_code in (401, 403):
                    raise Unauthorized(source, f"HTTP {resp.status_code} from {redact(resp.url)}")
                if resp.status_code == 429 or resp.status_code >= 500:
                    last = f"HTTP {resp.status_code} from {redact(resp.url)}"
                    wait = self._retry_after(resp)
                    if attempt < self.config.retries:
                        self._sleep(wait if wait is not None else self.config.backoff * 2 ** attempt)
                        continue
                    break
                return resp
            if attempt < self.config.retries:
                self._sleep(self.config.backoff * 2 ** attempt)
        raise SourceDown(source, redact(last) + f" (after {self.config.retries + 1} attempts)")

    def _retry_after(self, resp: requests.Response) -> float | None:
        value = resp.headers.get("Retry-After")
        if value is None:
            return None
        try:
            return min(float(value), self.config.max_retry_after)
        except ValueError:
            return None
