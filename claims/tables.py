"""Data tables pasted as CSV or as whitespace-aligned columns, read as the sentences they stand for.

An export pasted into a mail ("date,nikkei225_close_pts,jgb10y_yield_pct") or a column
listing ("Market    Close    Chg (bp)") says everything about a figure in its header and
its row: the column names the instrument and the unit, the date column (or a date in the
header) the day. The sentence readers see one row at a time and none of that, so a row
is rewritten into the sentence a careful reader would say aloud::

    2025-09-24,46630.31,1.655          ->  On 2025-09-24: nikkei 225 close at 46630.31 points;
                                            jgb 10y yield at 1.655%.

Every figure of the row is copied verbatim (its span maps back to the cell as written);
only the words around it are new, and they map to the character before them, so a span
never starts or ends inside them. Header units read: ``pct``/``percent``/``%`` (percent),
``bp``/``bps`` (basis points), ``pts``/``points``, ``yen``/``jpy``; a header with
``chg``/``change``/``diff``/``delta`` makes its cells moves ("rose/fell"), others levels
("at"). Pipe tables are left to the sentence readers (:mod:`claims.implied`,
:mod:`claims.periodlabels`), which read their header units and periods in place.

What counts as a table (so prose with commas is never rewritten): a header line and at
least one row below it with the same number (two or more) of cells; every header cell a
short label with no figure of its own, every row cell a figure, a date or a short label,
and at least one figure in each row.
"""
from __future__ import annotations

import re

FIGURE = re.compile(r"[+\-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:%|bp|bps)?")
DATE_CELL = re.compile(r"\d{4}-\d{2}-\d{2}|\d{4}/\d{1,2}/\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{4}|"
                       r"\d{1,2} [A-Z][a-z]{2,8} \d{4}|[A-Z][a-z]{2,8} \d{1,2},? \d{4}")
LABEL_CELL = re.compile(r"[A-Za-z][\w/&.()%' -]{0,40}")
CSV_SPLIT = re.compile(r"\s*,\s*")
COLUMN_SPLIT = re.compile(r" {2,}|\t+")
MAY_BE_TABLE = re.compile(r"(?m)^[^\n]*(?:,[^\n,]*){1,}\n[^\n]*\d|\S(?: {2,}|\t)\S")

UNIT_WORDS = {"pct": "%", "percent": "%", "%": "%", "(%)": "%", "bp": " bp", "bps": " bp", "(bp)": " bp",
              "pts": " points", "points": " points", "(pts)": " points", "yen": " yen", "(yen)": " yen",
              "jpy": " yen", "(jpy)": " yen"}
CHANGE_WORDS = {"chg", "change", "diff", "delta", "move", "%chg", "d/d", "dod"}


class Column:
    """What a header cell says about the cells under it: a label (instrument and field
    words), a unit and whether they are moves."""

    def __init__(self, header: str):
        spaced = re.sub(r"[_]+", " ", header.strip())
        spaced = re.sub(r"(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z]{3,})", " ", spaced)
        words = spaced.replace("(", " (").split()
        self.unit = next((UNIT_WORDS[w.lower()] for w in words if w.lower() in UNIT_WORDS), "")
        self.change = any(w.lower().strip("()") in CHANGE_WORDS for w in words) or "% chg" in spaced.lower()
        self.label = " ".join(w for w in words if w.lower() not in UNIT_WORDS and w.lower() not in CHANGE_WORDS)
        self.is_date = self.label.lower() in ("date", "day", "as of", "trade date", "value date")


def _cells(line: str) -> list[tuple[int, int]] | None:
    """The ``[start, end)`` spans of a line's cells (CSV, else two or more spaces or a tab)."""
    for splitter in (CSV_SPLIT, COLUMN_SPLIT):
        spans, start = [], 0
        for m in splitter.finditer(line):
            spans.append((start, m.start()))
            start = m.end()
        spans.append((start, len(line)))
        spans = [(a + len(line[a:b]) - len(line[a:b].lstrip()), a + len(line[a:b].rstrip())) for a, b in spans]
        if len(spans) >= 2 and all(a < b for a, b in spans):
            return spans
    return None


def _is_header(line: str, cells) -> bool:
    return all(LABEL_CELL.fullmatch(line[a:b]) and _kind(line[a:b]) != "figure" for a, b in cells)


def _is_row(line: str, cells) -> bool:
    kinds = [_kind(line[a:b]) for a, b in cells]
    return None not in kinds and "figure" in kinds


def _kind(cell: str) -> str | None:
    if DATE_CELL.fullmatch(cell):
        return "date"
    if FIGURE.fullmatch(cell):
        return "figure"
    if LABEL_CELL.fullmatch(cell) and len(cell.split()) <= 5:
        return "label"
    return None


def find_tables(text: str) -> list[tuple[list[Column], list[tuple[int, list[tuple[int, int]]]]]]:
    """The tables of ``text``: their columns and rows (a row: its line start and cell spans)."""
    if MAY_BE_TABLE.search(text) is None:
        return []
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    tables, k = [], 0
    while k < len(lines):
        start, line = lines[k]
        cells = _cells(line) if "|" not in line else None
        rows = []
        if cells and _is_header(line, cells):
            j = k + 1
            while j < len(lines):
                row_cells = _cells(lines[j][1])
                if row_cells is None or len(row_cells) != len(cells) or not _is_row(lines[j][1], row_cells):
                    break
                rows.append((lines[j][0], row_cells))
                j += 1
        if rows:
            tables.append(([Column(line[a:b]) for a, b in cells], rows))
            k += len(rows) + 1
        else:
            k += 1
    return tables


def _row_sentence(line: str, row_start: int, cells, columns: list[Column]) -> list[tuple[str, int | None]]:
    """The pieces of one row's sentence: ``(text, None)`` for new words, ``(text, offset)``
    for text copied from ``offset`` of the source."""
    dated = [(row_start + a, line[a:b]) for (a, b), col in zip(cells, columns) if _kind(line[a:b]) == "date"]
    names = " ".join(line[a:b] for (a, b), col in zip(cells, columns) if _kind(line[a:b]) == "label")
    pieces: list[tuple[str, int | None]] = []
    if dated:
        pieces += [("On ", None), (dated[0][1], dated[0][0]), (": ", None)]
    for (a, b), col in zip(cells, columns):
        cell = line[a:b]
        if _kind(cell) != "figure" or col.is_date:
            continue
        if len(pieces) > 3 or (pieces and not dated):
            pieces.append(("; ", None))
        label = " ".join(w for w in (names, col.label) if w)
        verb = " moved " if col.change else " at "
        pieces += [(label + verb, None), (cell, row_start + a)]
        if col.unit and not cell.endswith(("%", "bp", "bps")):
            pieces.append((col.unit, None))
    return pieces + [(".", None)]


def rewrite(text: str) -> tuple[str, list[int]] | None:
    """``text`` with every table row read as a sentence, and for each of its characters the
    offset in ``text`` it stands for (a new word: the character before it); ``None`` when
    ``text`` has no table."""
    tables = find_tables(text)
    if not tables:
        return None
    out: list[str] = []
    where: list[int] = []
    copied = 0
    for columns, rows in tables:
        for row_start, cells in rows:
            line_end = text.find("\n", row_start)
            line_end = len(text) if line_end < 0 else line_end
            out.append(text[copied:row_start])
            where.extend(range(copied, row_start))
            for piece, source in _row_sentence(text[row_start:line_end], row_start, cells, columns):
                out.append(piece)
                if source is None:
                    where.extend([max(where[-1] if where else 0, 0)] * len(piece))
                else:
                    where.extend(range(source, source + len(piece)))
            copied = line_end
    out.append(text[copied:])
    where.extend(range(copied, len(text)))
    return "".join(out), where
