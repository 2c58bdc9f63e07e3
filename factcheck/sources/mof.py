"""Japan Ministry of Finance JGB yields: the historical file (to the end of the previous
month) merged with the current-month file. CRLF lines, ``-`` for missing, dates
``YYYY/M/D``, possibly a Shift-JIS footer; rows are kept only when their first field is a
date, and the ``Date,`` header is found by content, never by offset."""
from __future__ import annotations

import re

import pandas as pd

from ..errors import EmptyResponse, FormatError, QueryError, SourceError
from .base import Query, Source, frame_from
from .registry import SourceInfo, register_source

HISTORICAL_URL = "https://www.mof.go.jp/english/policy/jgbs/reference/interest_rate/historical/jgbcme_all.csv"
CURRENT_URL = "https://www.mof.go.jp/english/policy/jgbs/reference/interest_rate/jgbcme.csv"
TENORS = ("1Y", "2Y", "3Y", "4Y", "5Y", "6Y", "7Y", "8Y", "9Y", "10Y", "15Y", "20Y", "25Y", "30Y", "40Y")
ROW = re.compile(r"^\d{4}/\d{1,2}/\d{1,2}$")


def parse_mof(body: bytes, source: str = "mof") -> pd.DataFrame:
    """All tenors of one MoF file as a wide frame (columns 1Y..40Y)."""
    text = body.decode("utf-8", errors="replace")
    if text.lstrip().lower().startswith(("<!doctype", "<html")):
        raise FormatError(source, "expected the MoF CSV, got an HTML page (moved or wrong URL?)")
    if not text.strip():
        raise EmptyResponse(source, "empty body")
    if not text.endswith("\n"):
        raise FormatError(source, "truncated body (MoF files end with CRLF)")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not lines[0].lower().startswith("interest rate"):
        raise FormatError(source, f"first line is not the 'Interest Rate' title: {lines[0][:40]!r}")
    try:
        h = next(i for i, line in enumerate(lines) if line.startswith("Date,"))
    except StopIteration:
        raise FormatError(source, "no 'Date,' header line") from None
    header = lines[h].split(",")
    missing = [t for t in TENORS if t not in header]
    if missing:
        raise FormatError(source, f"header lacks {missing}")
    rows = []
    for line in lines[h + 1:]:
        fields = line.split(",")
        if not fields or not ROW.match(fields[0].strip()):
            continue  # footer notes, blank lines, a row of bare commas
        if len(fields) < len(header):
            raise FormatError(source, f"truncated row {line[:40]!r}")
        rows.append(fields[:len(header)])
    frame = pd.DataFrame(rows, columns=header)
    frame["Date"] = pd.to_datetime(frame["Date"], format="%Y/%m/%d")
    return frame.set_index("Date").replace("-", None)


class Mof(Source):
    name = "mof"
    description = "Japan MoF JGB benchmark yields (historical + current month)"

    def validate(self, query: Query) -> None:
        super().validate(query)
        if query.code not in TENORS:
            raise QueryError(self.name, f"unknown tenor {query.code!r} (one of {', '.join(TENORS)})")

    def __init__(self, http=None):
        super().__init__(http)
        self._bodies: tuple[bytes, bytes] | None = None  # one download serves every tenor

    def extract(self, query: Query):
        if self._bodies is not None:
            return self._bodies, HISTORICAL_URL
        hist = self.http.get(self.name, HISTORICAL_URL)
        try:
            cur = self.http.get(self.name, CURRENT_URL)
            current = cur.content if cur.status_code == 200 else b""
        except SourceError:
            current = b""  # the current-month file is optional; history alone still helps
        self._bodies = (hist.content, current)
        return self._bodies, HISTORICAL_URL

    def transform(self, query: Query, raw) -> pd.DataFrame:
        hist, current = raw
        wide = parse_mof(hist, self.name)
        if current:
            try:
                wide = pd.concat([wide, parse_mof(current, self.name)])
            except (EmptyResponse, FormatError):
                pass  # first business day of a month, or a moved current-month file: history still holds
        wide = wide[~wide.index.duplicated(keep="last")]
        return frame_from(wide.index, wide[query.code])


register_source(SourceInfo("mof", "MoF", updatable=True, fetcher=Mof,
                           page="https://www.mof.go.jp/english/policy/jgbs/reference/interest_rate/index.htm"))
