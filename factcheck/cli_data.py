"""``factcheck data``: what data are here (status), fetch newer (update), add your own
(import). Exit status: 0 done · 3 unknown series · 4 the import file is refused (the
message names the row) · 5 data or cache problem (a read-only or full disk) · 6 a source
failed during `update` (the data it would have replaced are kept).
"""
from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path
from typing import Annotated, Optional

import typer

from .cli_common import CatalogOption, ListFormat, catalog_or_fail, fail, id_table, print_rows
from .errors import DataError, FactcheckError

data_app = typer.Typer(help="Market data: what is here, fetch newer data, import your own.", no_args_is_help=True)
SHOWN_IDS = 6  # series named per failed source before "and N more"


def status_rows(cat, store) -> list[dict]:
    """One row per catalog series: where its data come from, first and last date, age, and
    the licence its owner gives them (``jpx (restricted)``: not for redistribution)."""
    today = date.today()
    rows = []
    for s in cat:
        row = {"series": s.id, "origin": "", "first": "", "last": "", "age_days": "", "source": "",
               "licence": cat.licence_label(s.id)}
        try:
            data = store.get(s.id)
        except FactcheckError as exc:
            row.update(origin="error", source=str(exc))
            rows.append(row)
            continue
        if data is None and store.withheld(s.id):
            row.update(origin="none", source="not shipped (licence): a redistributable snapshot")
        elif data is None:
            row["origin"] = "none"
            row["source"] = "run: factcheck data update" if s.tracked else \
                "no live source (factcheck data import adds yours)"
        else:
            src = str(data.frame["source"].iloc[-1]) if "source" in data.frame.columns else data.origin
            row.update(origin=data.origin, first=str(data.first), last=str(data.last),
                       age_days=(today - data.last).days, source=src)
        rows.append(row)
    return rows


@data_app.command("status")
def data_status(catalog: CatalogOption = None,
                fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="table, json or csv.")] = ListFormat.table
                ) -> None:
    """Each series: where its data come from, first and last date, and how old they are."""
    from .store import Store

    cat = catalog_or_fail(catalog)
    store = Store(cat)
    rows = status_rows(cat, store)
    table = id_table("series", [r["series"] for r in rows], "origin", "first", "last", "days", "source", "licence",
                     dates=("first", "last", "days"))
    for r in rows:
        origin = "[red]error[/]" if r["origin"] == "error" else r["origin"]
        table.add_row(r["series"], origin, r["first"] or "-", r["last"] or "-", str(r["age_days"]) or "-",
                      r["source"] or "-", r["licence"])
    print_rows(rows, fmt, table)
    for w in store.warnings:
        typer.echo(f"factcheck: warning: {w}", err=True)


@data_app.command("update")
def data_update(
    series: Annotated[Optional[list[str]], typer.Argument(help="Series ids to fetch (default: every series with a source).")] = None,
    catalog: CatalogOption = None,
) -> None:
    """Fetch newer observations from the live sources into the local cache. A failing
    source leaves the cached and shipped data as they were (one message per source); the
    exit status is 6 when any source failed."""
    from rich.console import Console
    from rich.progress import Progress

    from .cache import Cache
    from .update import updatable, update

    cat = catalog_or_fail(catalog)
    ids = list(series) if series else [s.id for s in updatable(cat)]
    unknown = [i for i in ids if cat.get(i) is None]
    if unknown:
        typer.echo(f"factcheck: error: unknown series: {', '.join(unknown)}", err=True)
        raise typer.Exit(3)
    cache = Cache()
    try:
        with Progress(console=Console(stderr=True), transient=True) as progress:
            task = progress.add_task("fetching", total=len(ids))
            result = update(cat, ids, cache, progress=lambda sid: progress.update(task, advance=1, description=sid))
    except DataError as exc:  # the cache cannot be written: nothing else can succeed either
        fail(exc)
    _print_update(result, cache)
    if result.failed:
        typer.echo(f"factcheck: {len(result.failed)} series could not be updated; the previous data are kept", err=True)
        raise typer.Exit(6)


def _print_update(result, cache) -> None:
    """A line per updated or skipped series, then one per failed source."""
    for u in result.series:
        if u.ok:
            typer.echo(f"{u.series_id:22s} ok      {u.source:11s} +{u.added} new, last {u.last}")
        elif u.skipped:
            typer.echo(f"{u.series_id:22s} skipped {u.skipped}")
    for source, (message, ids) in result.failures_by_source().items():
        shown = ", ".join(ids[:SHOWN_IDS]) + (f" and {len(ids) - SHOWN_IDS} more" if len(ids) > SHOWN_IDS else "")
        typer.echo(f"FAILED  {source}: {message}; not updated: {shown}")
    summary = ", ".join(f"{name}: {v['ok']} ok, {v['failed']} failed" for name, v in sorted(result.by_source().items()))
    typer.echo(f"sources: {summary or 'none'}; cache: {cache.root}")


@data_app.command("import")
def data_import(
    csv: Annotated[Path, typer.Argument(help="CSV whose first two columns are an ISO date (YYYY-MM-DD) and a value.")],
    series: Annotated[str, typer.Option("--series", help="The catalog id the data belong to.")],
    catalog: CatalogOption = None,
) -> None:
    """Add your own observations for a catalog series, with or without a live source (they
    go to the cache and win over the shipped snapshot on the same dates). The file is
    refused whole, naming the row, when a date is not ISO, repeats, or lies in the future,
    or a value is not a finite number inside the series' plausible range."""
    from .cache import Cache
    from .store import read_user_csv

    cat = catalog_or_fail(catalog)
    s = cat.get(series)
    if s is None:
        typer.echo(f"factcheck: error: unknown series {series!r}", err=True)
        raise typer.Exit(3)
    why = _unusable(s)
    if why:
        typer.echo(f"factcheck: error: cannot import into {s.id}: {why}", err=True)
        raise typer.Exit(4)
    try:
        frame = read_user_csv(csv, s)
    except DataError as exc:
        typer.echo(f"factcheck: error: {exc}", err=True)
        raise typer.Exit(4)
    meta = {"source": f"user:{csv.name}", "url": str(csv.resolve()), "fetched_at": _now(), "series": s.id}
    try:
        added, path = Cache().merge_write(s.id, frame, meta)
    except FactcheckError as exc:
        fail(exc)
    typer.echo(f"{s.id}: {len(frame)} observations imported ({added} new dates) into {path}")


def _unusable(s) -> str | None:
    """Why imported rows for ``s`` would never be read, or None."""
    if s.frequency == "decisions":
        return ("its values are built from the policy decisions table shipped in the snapshot (announcement and "
                "effective dates); imported daily rows would never be read")
    if s.data_file:
        return f"its data come from the catalog's data_file {s.data_file}; add the rows there"
    return None


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
