"""What the command modules share: the error exit, the catalog option, and tables that
keep ids whole when the output is piped (a narrow or absent terminal squeezes the other
columns, never the one a script greps for)."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer

from .errors import FactcheckError

CatalogOption = Annotated[Optional[Path], typer.Option("--catalog", help="Extra series catalog (TOML) to add.")]


class ListFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def fail(exc: FactcheckError) -> NoReturn:
    typer.echo(f"factcheck: error: {exc}", err=True)
    raise typer.Exit(exc.exit_code)


def catalog_or_fail(path: Optional[Path]):
    from .catalog import load_catalog

    try:
        return load_catalog(str(path) if path else None)
    except FactcheckError as exc:
        fail(exc)


def id_table(id_header: str, ids, *headers: str, dates: tuple[str, ...] = ()):
    """A rich table whose first column (ids) and ``dates`` columns (dates and other short
    values) are never wrapped or cut; the other columns wrap when the width runs short."""
    from rich.table import Table

    table = Table(show_edge=False)
    table.add_column(id_header, no_wrap=True, min_width=max((len(i) for i in ids), default=len(id_header)))
    for h in headers:
        if h in dates:
            table.add_column(h, no_wrap=True, min_width=len(h))
        else:
            table.add_column(h, overflow="fold")
    return table


def print_rows(rows: list[dict], fmt: ListFormat, table) -> None:
    """``rows`` as JSON (a list of objects), CSV (a header line, then one line per row),
    or the rich ``table`` (already filled)."""
    if fmt is ListFormat.json:
        import json

        typer.echo(json.dumps(rows, indent=1, ensure_ascii=False))
    elif fmt is ListFormat.csv:
        import csv
        import io

        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(rows[0]) if rows else [], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        typer.echo(buf.getvalue(), nl=False)
    else:
        from rich.console import Console

        Console().print(table)
