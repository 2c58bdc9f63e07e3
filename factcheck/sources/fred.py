"""FRED: the keyless ``fredgraph.csv`` download and the keyed JSON API
(``FRED_API_KEY``). Both header forms (``DATE``/``observation_date``) and both missing
markers (empty, ``.``) are accepted; API error messages are surfaced, keys never."""
from __future__ import annotations

import io
import json
import os

import pandas as pd

from ..errors import FormatError, QueryError, Unauthorized
from .base import Query, Source, frame_from
from .registry import SourceInfo, register_source

CSV_URL = "https://fred.stlouisfed.org/graph/fredgraph.csv"
API_URL = "https://api.stlouisfed.org/fred/series/observations"


class FredCsv(Source):
    name = "fred_csv"
    description = "FRED keyless CSV (fredgraph.csv)"

    def extract(self, query: Query):
        params = {"id": query.code}
        if query.start:
            params["cosd"] = query.start.isoformat()
        if query.end:
            params["coed"] = query.end.isoformat()
        resp = self.http.get(self.name, CSV_URL, params)
        if resp.status_code == 404:
            raise QueryError(self.name, f"unknown series {query.code}")
        return resp.content, resp.url

    def transform(self, query: Query, raw: bytes) -> pd.DataFrame:
        text = self.expect_text(raw, ("observation_date,", "date,"), "a FRED CSV")
        if not text.endswith("\n"):
            raise FormatError(self.name, "truncated body (FRED files end with a newline)")
        header = text.splitlines()[0].strip().split(",")
        if len(header) < 2 or header[1].strip() != query.code:
            raise FormatError(self.name, f"header {header!r} does not name {query.code}")
        try:
            frame = pd.read_csv(io.StringIO(text), na_values=[".", ""], keep_default_na=False, dtype=str)
        except (ValueError, pd.errors.ParserError) as exc:
            raise FormatError(self.name, f"unreadable CSV: {exc}") from None
        dates = pd.to_datetime(frame.iloc[:, 0], format="%Y-%m-%d", errors="coerce")
        if dates.isna().any():
            bad = frame.iloc[:, 0][dates.isna()].iloc[0]
            raise FormatError(self.name, f"truncated or malformed row (date {bad!r})")
        return frame_from(dates, frame.iloc[:, 1])


class FredApi(Source):
    name = "fred_api"
    description = "FRED API, series/observations (needs FRED_API_KEY)"

    def validate(self, query: Query) -> None:
        super().validate(query)
        if not os.environ.get("FRED_API_KEY"):
            raise Unauthorized(self.name, "FRED_API_KEY is not set")

    def extract(self, query: Query):
        params = {"series_id": query.code, "api_key": os.environ["FRED_API_KEY"], "file_type": "json"}
        if query.start:
            params["observation_start"] = query.start.isoformat()
        if query.end:
            params["observation_end"] = query.end.isoformat()
        resp = self.http.get(self.name, API_URL, params)
        if resp.status_code >= 400:
            message = _error_message(resp.content) or f"HTTP {resp.status_code}"
            if "api_key" in message.lower():
                raise Unauthorized(self.name, message)
            raise QueryError(self.name, message)
        return resp.content, resp.url

    def transform(self, query: Query, raw: bytes) -> pd.DataFrame:
        self.expect_text(raw, ("{",), "FRED API JSON")
        try:
            doc = json.loads(raw)
        except ValueError:
            raise FormatError(self.name, "truncated or malformed JSON") from None
        if "error_message" in doc:
            raise QueryError(self.name, doc["error_message"])
        obs = doc.get("observations")
        if not isinstance(obs, list):
            raise FormatError(self.name, "JSON without 'observations'")
        return frame_from((o["date"] for o in obs), (None if o.get("value") in (".", "") else o.get("value") for o in obs))


def _error_message(body: bytes) -> str | None:
    try:
        return json.loads(body).get("error_message")
    except (ValueError, AttributeError):
        return None


def fred_source(http=None) -> Source:
    """The FRED source to use: the API when a key is configured, else the keyless CSV."""
    return FredApi(http) if os.environ.get("FRED_API_KEY") else FredCsv(http)


register_source(SourceInfo("fred", "FRED", updatable=True, fetcher=fred_source, shows_code=True,
                           aliases=(FredCsv.name, FredApi.name), page="https://fred.stlouisfed.org/series/{code}"))
