"""Bank of Japan Time-Series Data Search API (since 2026-02-18). HTTP status is always
200: success or failure is the JSON ``STATUS`` (with a ``MESSAGEID``); dates are
``YYYYMMDD`` numbers, values may be ``null``, and ``NEXTPOSITION`` pages the result."""
from __future__ import annotations

import json
from datetime import date

import pandas as pd

from ..errors import EmptyResponse, FormatError, QueryError, SourceDown
from .base import Query, Source, frame_from
from .registry import SourceInfo, register_source

URL = "https://www.stat-search.boj.or.jp/api/v1/getDataCode"


class Boj(Source):
    name = "boj"
    description = "Bank of Japan time-series API (getDataCode)"

    def validate(self, query: Query) -> None:
        super().validate(query)
        if "/" not in query.code:
            raise QueryError(self.name, f"code must be DB/SERIES, e.g. FM01/STRDCLUCON, got {query.code!r}")

    def extract(self, query: Query):
        db, code = query.code.split("/", 1)
        start = query.start or date(1990, 1, 1)
        end = query.end or date.today()
        params = {"db": db, "code": code, "format": "json", "lang": "en",
                  "startDate": f"{start:%Y%m}", "endDate": f"{end:%Y%m}"}
        pages, position = [], None
        for _ in range(50):  # NEXTPOSITION paging, bounded
            if position is not None:
                params["startPosition"] = position
            resp = self.http.get(self.name, URL, params)
            pages.append(resp.content)
            position = self._next(resp.content)
            if position is None:
                break
        return pages, URL + f"?db={db}&code={code}"

    def _next(self, body: bytes):
        try:
            return json.loads(body).get("NEXTPOSITION")
        except (ValueError, AttributeError):
            return None

    def transform(self, query: Query, raw) -> pd.DataFrame:
        dates, values = [], []
        for body in raw:
            self.expect_text(body, ("{",), "BoJ API JSON")
            try:
                doc = json.loads(body)
            except ValueError:
                raise FormatError(self.name, "truncated or malformed JSON") from None
            status = doc.get("STATUS")
            if isinstance(status, str) and status.isdigit():
                status = int(status)
            msg = f"{doc.get('MESSAGEID', '?')} {doc.get('MESSAGE', '')}".strip()
            if status == 400:
                raise QueryError(self.name, msg)
            if status in (500, 503):
                raise SourceDown(self.name, msg)
            if status != 200:
                raise FormatError(self.name, f"unexpected STATUS {status!r}")
            for series in doc.get("RESULTSET") or []:
                block = series.get("VALUES") or {}
                dates += [str(d) for d in block.get("SURVEY_DATES", [])]
                values += list(block.get("VALUES", []))
        if not dates:
            raise EmptyResponse(self.name, f"no observations for {query.code}")
        parsed = pd.to_datetime(dates, format="%Y%m%d", errors="coerce")
        if parsed.isna().any():  # monthly series answer YYYYMM
            parsed = pd.to_datetime(dates, format="%Y%m", errors="coerce")
        return frame_from(parsed, values)


register_source(SourceInfo("boj", "BoJ", updatable=True, fetcher=Boj, page="https://www.stat-search.boj.or.jp/"))
