"""The shape every source has (after OpenBB's fetchers): ``validate`` the query (no I/O),
``extract`` (the only I/O, through :class:`~factcheck.sources.http.Http`), ``transform``
the body into a typed frame of observations. Which sources exist is said once, in
:mod:`factcheck.sources.registry`."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timezone

import pandas as pd

from ..errors import EmptyResponse, FormatError, QueryError
from .http import Http, redact


@dataclass(frozen=True)
class Query:
    code: str  # the source's own code: "DGS10", "10Y", "FM01/STRDCLUCON", "10 Yr"
    start: date | None = None
    end: date | None = None


@dataclass
class Fetched:
    """Observations of one code from one source: ``frame`` has a DatetimeIndex named
    ``date`` and a float ``value`` column, ascending, no missing values."""

    source: str
    code: str
    frame: pd.DataFrame
    url: str  # as requested, secrets removed
    fetched_at: str = field(default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))


class Source:
    name = "source"
    description = ""

    def __init__(self, http: Http | None = None):
        self.http = http or Http()

    def validate(self, query: Query) -> None:
        if not query.code:
            raise QueryError(self.name, "empty series code")
        if query.start and query.end and query.start > query.end:
            raise QueryError(self.name, f"start {query.start} is after end {query.end}")

    def extract(self, query: Query):  # pragma: no cover - each source defines it
        raise NotImplementedError

    def transform(self, query: Query, raw) -> pd.DataFrame:  # pragma: no cover
        raise NotImplementedError

    def fetch(self, query: Query) -> Fetched:
        self.validate(query)
        raw, url = self.extract(query)
        frame = self.transform(query, raw)
        if query.start is not None:
            frame = frame[frame.index >= pd.Timestamp(query.start)]
        if query.end is not None:
            frame = frame[frame.index <= pd.Timestamp(query.end)]
        if frame.empty:
            raise EmptyResponse(self.name, f"no observations for {query.code}")
        return Fetched(self.name, query.code, frame, redact(url))

    # helpers shared by the text formats
    def expect_text(self, body: bytes, starts: tuple[str, ...], what: str) -> str:
        text = body.decode("utf-8", errors="replace").lstrip("\ufeff")
        head = text.lstrip()[:200].lower()
        if head.startswith(("<!doctype", "<html", "<?xml")) or "<html" in head:
            raise FormatError(self.name, f"expected {what}, got an HTML page")
        if not text.strip():
            raise EmptyResponse(self.name, f"empty body where {what} was expected")
        if starts and not text.lstrip().lower().startswith(tuple(s.lower() for s in starts)):
            raise FormatError(self.name, f"expected {what} starting with {starts[0]!r}, got {text.strip()[:40]!r}")
        return text


def frame_from(dates, values) -> pd.DataFrame:
    frame = pd.DataFrame({"date": pd.to_datetime(list(dates)), "value": pd.to_numeric(list(values), errors="coerce")})
    frame = frame.dropna().drop_duplicates("date", keep="last").set_index("date").sort_index()
    frame["value"] = frame["value"].astype(float)
    return frame

