"""US Treasury daily par yield curve CSV, one calendar year per request. Columns are
mapped by header name (the set changes over the years), dates are ``MM/DD/YYYY`` newest
first; early in January the current-year file can be empty, so the previous year is
tried as well."""
from __future__ import annotations

import io
from datetime import date

import pandas as pd

from ..errors import EmptyResponse, FormatError, QueryError
from .base import Query, Source, frame_from
from .registry import SourceInfo, register_source

URL = ("https://home.treasury.gov/resource-center/data-chart-center/interest-rates/daily-treasury-rates.csv/"
       "{year}/all?type=daily_treasury_yield_curve&field_tdr_date_value={year}&page&_format=csv")
COLUMNS = ("1 Mo", "1.5 Mo", "2 Mo", "3 Mo", "4 Mo", "6 Mo", "1 Yr", "2 Yr", "3 Yr", "5 Yr", "7 Yr", "10 Yr", "20 Yr", "30 Yr")


def parse_treasury(body: bytes, code: str, source: str = "ustreasury") -> pd.DataFrame:
    text = body.decode("utf-8", errors="replace").lstrip("\ufeff")
    if text.lstrip().lower().startswith(("<!doctype", "<html")):
        raise FormatError(source, "expected the Treasury CSV, got an HTML page")
    if not text.strip():
        raise EmptyResponse(source, "empty body")
    if not text.startswith("Date,"):
        raise FormatError(source, f"expected a 'Date,' header, got {text[:30]!r}")
    frame = pd.read_csv(io.StringIO(text), dtype=str)
    if code not in frame.columns:
        return frame_from([], [])  # this year's file has no such tenor
    dates = pd.to_datetime(frame["Date"], format="%m/%d/%Y", errors="coerce")
    if dates.isna().any():
        raise FormatError(source, "truncated or malformed row")
    return frame_from(dates, frame[code])


class UsTreasury(Source):
    name = "ustreasury"
    description = "US Treasury daily par yield curve (CSV by year)"

    def validate(self, query: Query) -> None:
        super().validate(query)
        if query.code not in COLUMNS:
            raise QueryError(self.name, f"unknown tenor column {query.code!r}")

    def extract(self, query: Query):
        end = query.end or date.today()
        start = query.start or date(end.year, 1, 1)
        years = list(range(start.year, end.year + 1))
        if len(years) == 1 and end.month == 1:
            years.insert(0, end.year - 1)  # the new year's file may still be empty
        bodies = []
        for year in years:
            resp = self.http.get(self.name, URL.format(year=year))
            bodies.append(resp.content)
        return bodies, URL.format(year=years[-1])

    def transform(self, query: Query, raw) -> pd.DataFrame:
        parts = []
        for body in raw:
            try:
                parts.append(parse_treasury(body, query.code, self.name))
            except EmptyResponse:
                continue
        if not parts:
            raise EmptyResponse(self.name, "every yearly file was empty")
        frame = pd.concat(parts).sort_index()
        return frame[~frame.index.duplicated(keep="last")]


register_source(SourceInfo("ustreasury", "US Treasury", updatable=True, fetcher=UsTreasury,
                           page="https://home.treasury.gov/resource-center/data-chart-center/interest-rates"))
