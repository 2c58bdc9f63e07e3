"""The ``factcheck`` command line. It parses options, calls the API and picks a renderer;
results go to stdout, errors to stderr with distinct exit codes:

0 ran (whatever the verdicts) · 1 ``--fail-on`` found such a verdict · 2 usage error ·
3 unknown series · 4 the input could not be read · 5 catalog, policy or data problem ·
6 `data update`: a source failed · 7 `batch`: some documents could not be read ·
70 internal error (a defect: a claim whose check failed, reported as unverifiable with the
rest of the report complete, or an unexpected exception; the traceback goes to stderr).
"""
from __future__ import annotations

from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .cli_common import CatalogOption, catalog_or_fail, fail, id_table
from .errors import INTERNAL_EXIT, FactcheckError, InputError
from .inputs import MAX_BYTES, decode_noted, main_text, read_bytes

app = typer.Typer(
    name="factcheck",
    help="Check the numeric claims in market commentary (yields, FX, indices, policy rates) "
         "against market data, and explain every verdict.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    epilog="Examples: factcheck check note.txt --date 2026-01-21 · factcheck check note.txt -f html -o note.html · "
           "factcheck batch notes/ -j 2 -f html · factcheck series search 'japan 30 year' · factcheck data status. "
           "Works offline on the shipped snapshot; `factcheck data update` fetches newer data.",
)



def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {_installed_version()}")
        raise typer.Exit()


def _installed_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("factcheck")
    except PackageNotFoundError:  # run from a source tree that is not installed
        from . import __version__

        return __version__


@app.callback()
def _root(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Print the version and exit.")] = False) -> None:
    """factcheck: verify the numbers in market commentary against market data."""


# the formats are the renderer registry's (factcheck/render/__init__.py); listed here so
# that --help stays fast (the registry imports the report and its dependencies)
FORMAT_NAMES = ("table", "json", "html", "md", "csv", "claimreview")
Format = Enum("Format", {name: name for name in FORMAT_NAMES}, type=str)


class Label(str, Enum):
    accurate = "accurate"
    approximately_accurate = "approximately_accurate"
    misdated = "misdated"
    inaccurate = "inaccurate"
    unverifiable = "unverifiable"
    not_checkable = "not_checkable"


def _emit(report, fmt: "Format", output: Optional[Path], options) -> None:
    """Render ``report`` in ``fmt`` to ``output`` (atomically) or standard output."""
    from .render import render

    if fmt is Format.table and output is None:
        from rich.console import Console

        Console(soft_wrap=False).print(report)
        return
    body = render(report, fmt.value, options)
    if output is None:
        typer.echo(body, nl=False)
    else:
        tmp = output.with_name(output.name + ".tmp")
        tmp.write_text(body, encoding="utf-8")
        tmp.replace(output)
        typer.echo(f"wrote {output}", err=True)


_fail = fail


def _read_input(path: str, max_bytes: int, encoding: Optional[str]) -> tuple[str, Optional[str]]:
    """The text to check and a note on how it was read (encoding guessed, HTML main text)."""
    text, note = decode_noted(*read_bytes(path, max_bytes), encoding)
    if path != "-" and Path(path).suffix.lower() in (".html", ".htm"):
        text, html_note = main_text(text, Path(path))  # the main text, as `batch` reads it
        note = "; ".join(n for n in (note, html_note) if n) or None
    return text, note


EncodingOption = Annotated[Optional[str], typer.Option("--encoding", metavar="NAME",
                                                       help="Text encoding of the input (e.g. cp1252, utf-16); "
                                                            "default: detected (UTF-8 unless the bytes say otherwise).")]


def _publication_date(value: Optional[str]) -> Optional[date]:
    """``--date`` as a date; anything else (not ISO, not a calendar date, outside
    1900-2200) is a usage error (exit 2)."""
    from .api import checked_input

    try:
        return checked_input("", value)
    except InputError as exc:
        typer.echo(f"factcheck: error: --date: {exc}", err=True)
        raise typer.Exit(2)


def _render_options(review_url: Optional[str], article_url: Optional[str], author: str):
    """Renderer options from the command line; a URL that is not absolute http(s) is a usage error."""
    from .render import RenderOptions
    from .render.claimreview import checked_url

    try:
        return RenderOptions(review_url=checked_url(review_url, "--review-url"),
                             article_url=checked_url(article_url, "--article-url"), author=author)
    except FactcheckError as exc:
        _fail(exc)


def _check_path(path: str, published, catalog, policy, online: bool, max_bytes: int, encoding: Optional[str] = None):
    """Read PATH (or stdin) as `check` does (HTML reduced to its main text) and check it."""
    from .api import Checker

    text, note = _read_input(path, max_bytes, encoding)
    checker = Checker.default(str(catalog) if catalog else None, str(policy) if policy else None)
    report = checker.check(text, published, None if path == "-" else path, online=online)
    report.text_note = note
    return report


@app.command()
def check(
    path: Annotated[str, typer.Argument(help="Text file to check, or '-' to read standard input.")],
    date_: Annotated[Optional[str], typer.Option("--date", "-d", metavar="YYYY-MM-DD",
                                                 help="Publication date. Without it the date written in the text is used, "
                                                      "else one is inferred from the claims.")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="table: readable terminal report; json: the "
                                                               "factcheck.report/1 contract.")] = Format.table,
    fail_on: Annotated[Optional[list[Label]], typer.Option("--fail-on", help="Exit 1 when any claim gets this "
                                                                            "verdict (repeatable), for CI use.")] = None,
    catalog: Annotated[Optional[Path], typer.Option(help="Extra series catalog (TOML) to add to the shipped one.")] = None,
    policy: Annotated[Optional[Path], typer.Option(help="Tolerance policy file (TOML) replacing the defaults.")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to this file "
                                                                      "instead of standard output.")] = None,
    baseline: Annotated[Optional[Path], typer.Option("--baseline", help="Reviewed verdicts (TOML, see `factcheck "
                                                                        "review`) to suppress or override.")] = None,
    review_url: Annotated[Optional[str], typer.Option("--review-url", help="URL of the published review, for "
                                                                           "--format claimreview.")] = None,
    article_url: Annotated[Optional[str], typer.Option("--article-url", help="URL of the article, the claims' "
                                                                             "appearance in --format claimreview.")] = None,
    author: Annotated[str, typer.Option("--author", help="The reviewing organisation named in --format "
                                                         "claimreview.")] = "factcheck",
    max_bytes: Annotated[int, typer.Option("--max-bytes", envvar="FACTCHECK_MAX_BYTES",
                                           help="Refuse documents larger than this (checked before reading).")] = MAX_BYTES,
    online: Annotated[bool, typer.Option("--online/--offline", envvar="FACTCHECK_ONLINE",
                                         help="Fetch newer data for the claims' series first (offline by default, "
                                              "or set FACTCHECK_ONLINE=1; failures fall back to cache/snapshot).")] = False,
    encoding: EncodingOption = None,
) -> None:
    """Check one article: find its numeric claims, map each to a market series, and judge
    it against the offline snapshot of market data.

    Example: factcheck check article.txt --date 2026-01-21 --format json
    """
    published = _publication_date(date_)
    options = _render_options(review_url, article_url, author)
    try:
        report = _check_path(path, published, catalog, policy, online, max_bytes, encoding)
        if baseline is not None:
            from .baseline import load_baseline

            report.apply_baseline(load_baseline(baseline))
    except FactcheckError as exc:
        _fail(exc)
    for w in report.warnings:
        typer.echo(f"factcheck: warning: {w}", err=True)
    if baseline is not None:
        s = report.summary
        typer.echo(f"factcheck: baseline {baseline}: {len(report.suppressed)} claims suppressed, "
                   f"{s['overridden_by_baseline']} overridden, {s['accepted_by_baseline']} accepted", err=True)
    _emit(report, fmt, output, options)
    if report.internal_errors:
        typer.echo(f"factcheck: error: {report.internal_errors} claim(s) could not be checked because of an internal "
                   "error (traceback above; they are unverifiable in the report, which is otherwise complete)", err=True)
        raise typer.Exit(INTERNAL_EXIT)
    if fail_on and any(r.verdict.label in {f.value for f in fail_on} for r in report.results):
        raise typer.Exit(1)


def _run_with_progress(found, config, jobs: int, engine: str, scheduler: Optional[str]):
    """Run the batch with a progress bar on stderr."""
    import os

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .batch import run

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("checking", total=len(found))
        return run(found, config, jobs or (os.cpu_count() or 1), engine, scheduler,
                   on_result=lambda r: progress.update(task, advance=1, description=r.path[-40:]))


def _print_batch_summary(rows, out: Path) -> dict:
    from .batch import summarize

    s = summarize(rows)
    verdicts = ", ".join(f"{k} {v}" for k, v in s["verdicts"].items() if v and k != "claims")
    typer.echo(f"{s['documents']} documents: {s['ok']} checked, {s['skipped']} unchanged (use --force to redo), "
               f"{s['errors']} unreadable; {s['verdicts'].get('claims', 0)} claims: {verdicts}")
    if s["most_wrong_series"]:
        typer.echo("most often wrong: " + ", ".join(f"{k} ({v})" for k, v in s["most_wrong_series"][:5]))
    for r in rows:
        if r.status == "error":
            typer.echo(f"error: {r.path}: {r.error}", err=True)
    typer.echo(f"reports in {out}/ (index.html, summary.csv, claims.csv)")
    return s


@app.command()
def batch(
    folder: Annotated[Path, typer.Argument(help="Folder of .txt, .md and .html documents (searched recursively).")],
    glob: Annotated[Optional[list[str]], typer.Option("--glob", help="File pattern(s) instead of the default "
                                                                     "'**/*.txt', '**/*.md', '**/*.html'.")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes (default: the number of cores).")] = 0,
    out: Annotated[Path, typer.Option("--out", help="Where reports, index.html and summary.csv go.")] = Path("factcheck-reports"),
    fmt: Annotated[Optional[list[Format]], typer.Option("--format", "-f", help="Report formats per document (repeatable; "
                                                                             "JSON is always written).")] = None,
    fail_on: Annotated[Optional[list[Label]], typer.Option("--fail-on", help="Exit 1 when any document has a claim "
                                                                            "with this verdict.")] = None,
    date_: Annotated[Optional[str], typer.Option("--date", metavar="YYYY-MM-DD", help="Publication date for every document.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Re-check documents whose report is current.")] = False,
    engine: Annotated[str, typer.Option(help="local (processes) or dask (needs factcheck[dask]).")] = "local",
    scheduler: Annotated[Optional[str], typer.Option(help="Dask scheduler address, e.g. tcp://10.0.0.5:8786.")] = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", help="Documents larger than this are refused.")] = MAX_BYTES,
    follow_symlinks: Annotated[bool, typer.Option("--follow-symlinks", help="Follow links that leave the folder.")] = False,
    encoding: EncodingOption = None,
) -> None:
    """Check every document in a folder: a JSON report and an HTML review page per document
    in OUT (plus any --format), and index.html, summary.csv and claims.csv for the batch
    (worst documents first, most frequently wrong series). Only files inside FOLDER are
    read (linked directories are not followed) and OUT itself is never read.

    Exit status: 0 all documents ran; 1 --fail-on matched; 7 some documents could not be
    read (they are error rows; every other document was checked); 70 an internal error in
    a claim or a document (the rest was checked); 130 interrupted (the reports already
    written are complete).
    """
    from .batch import BatchConfig, discover

    if not folder.is_dir():
        typer.echo(f"factcheck: error: {folder}: not a folder", err=True)
        raise typer.Exit(4)
    if engine not in ("local", "dask"):
        typer.echo("factcheck: error: --engine must be local or dask", err=True)
        raise typer.Exit(2)
    _publication_date(date_)  # a bad --date is a usage error before any work
    formats = tuple(dict.fromkeys(["json", "html"] + [f.value for f in (fmt or [])]))
    root = folder.resolve()
    try:
        found = [(p.relative_to(root).as_posix(), err) for p, err in discover(root, glob, follow_symlinks, out)]
    except FactcheckError as exc:
        _fail(exc)
    if not found:
        typer.echo(f"factcheck: error: no documents in {folder}", err=True)
        raise typer.Exit(4)
    out.mkdir(parents=True, exist_ok=True)
    config = BatchConfig(str(root), str(out.resolve()), formats, force, max_bytes, date_, follow_symlinks, encoding)
    rows, interrupted = _run_with_progress(found, config, jobs, engine, scheduler)
    _batch_exit(rows, len(found), _print_batch_summary(rows, out), interrupted, fail_on)


def _batch_exit(rows, total: int, s: dict, interrupted: bool, fail_on) -> None:
    """The batch's exit status, the gravest first: 130 interrupted, 70 an internal error,
    7 unreadable documents, 1 ``--fail-on`` matched, else 0."""
    if interrupted:
        typer.echo(f"factcheck: interrupted after {len(rows)} of {total} documents; the reports written are "
                   "complete and a re-run skips them", err=True)
        raise typer.Exit(130)
    if any(r.internal for r in rows):
        typer.echo(f"factcheck: error: {sum(r.internal for r in rows)} document(s) met an internal error (tracebacks "
                   "above; the other documents and claims were checked)", err=True)
        raise typer.Exit(INTERNAL_EXIT)
    if s["errors"]:
        raise typer.Exit(7)
    if fail_on and any(lab in {f.value for f in fail_on} for r in rows for lab in r.labels):
        raise typer.Exit(1)


@app.command()
def review(
    report: Annotated[Path, typer.Argument(help="A JSON report from `factcheck check --format json`.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The baseline file to create or extend.")] = Path("reviewed.toml"),
    label: Annotated[Optional[list[Label]], typer.Option("--label", help="Only claims with this verdict (repeatable; "
                                                                         "default: every claim).")] = None,
    action: Annotated[str, typer.Option(help="suppress (hide from findings), override (keep the verdict as "
                                              "decided), accept (confirm it) or comment (a note only).")] = "suppress",
    note: Annotated[str, typer.Option(help="A note stored with each entry.")] = "reviewed",
) -> None:
    """Record a reviewer's decisions on a report's claims, for `check --baseline`."""
    import json

    from .baseline import ACTIONS, write_baseline

    if action not in ACTIONS:
        typer.echo(f"factcheck: error: --action must be one of {', '.join(ACTIONS)}", err=True)
        raise typer.Exit(2)
    try:
        doc = json.loads(report.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        typer.echo(f"factcheck: error: {report}: not a readable JSON report ({exc})", err=True)
        raise typer.Exit(4)
    try:
        n = write_baseline(doc, output, {x.value for x in label} if label else None, action, note)
    except FactcheckError as exc:
        _fail(exc)
    typer.echo(f"{output}: {n} entries added")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on (the desk is local unless you say otherwise).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8765,
    batch_dir: Annotated[Optional[Path], typer.Option("--batch-dir", help="A folder of documents to show as a batch "
                                                                          "index with every document's review page.")] = None,
    baseline: Annotated[Optional[Path], typer.Option("--baseline", help="Where reviewer decisions go (default: "
                                                                        "reviewed.toml in the state folder).")] = None,
    state_dir: Annotated[Optional[Path], typer.Option("--state-dir", help="Where submitted documents are kept "
                                                                          "(default: the user data folder).")] = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", help="Refuse documents and request bodies larger than "
                                                               "this.")] = MAX_BYTES,
) -> None:
    """Run the review desk: paste or upload an article, review each verdict (accept,
    override, comment; saved to a baseline `check --baseline` reads), browse a folder's
    batch, or POST /api/check for the JSON report. Needs: pip install 'factcheck\\[serve]'.
    """
    try:
        import uvicorn

        from .serve import DeskConfig, create_app
    except ImportError:
        typer.echo("factcheck: error: the desk needs the optional extra: pip install 'factcheck[serve]'", err=True)
        raise typer.Exit(2)
    if batch_dir is not None and not batch_dir.is_dir():
        typer.echo(f"factcheck: error: {batch_dir}: not a folder", err=True)
        raise typer.Exit(4)
    if state_dir is None:
        from platformdirs import user_data_dir

        state_dir = Path(user_data_dir("factcheck")) / "desk"
    try:
        application = create_app(DeskConfig(state_dir, baseline, batch_dir, max_bytes), host)
    except (FactcheckError, OSError) as exc:
        typer.echo(f"factcheck: error: {exc}", err=True)
        raise typer.Exit(getattr(exc, "exit_code", 4))
    typer.echo(f"factcheck desk on http://{host}:{port}/ (decisions: {application.state.desk.config.baseline})",
               err=True)
    uvicorn.run(application, host=host, port=port, log_level="warning")


series_app = typer.Typer(help="What instruments factcheck knows: list, search, show.", no_args_is_help=True)
app.add_typer(series_app, name="series")

_catalog = catalog_or_fail


def _store(catalog):
    from .store import Store

    return Store(catalog)


@series_app.command("list")
def series_list(catalog: CatalogOption = None) -> None:
    """Every series: id, name, unit, data coverage (or why there is none)."""
    from rich.console import Console

    cat = _catalog(catalog)
    store = _store(cat)
    table = id_table("id", [s.id for s in cat], "name", "unit", "data", "source")
    for s in cat:
        try:
            data = store.get(s.id)
        except FactcheckError as exc:
            data, note = None, f"error: {exc}"
        else:
            note = "no data source" if not s.tracked else "no data here"
        coverage = f"{data.first} .. {data.last}" if data is not None else note
        src = ", ".join(f"{x['source']}:{x['code']}" for x in s.sources) or "-"
        table.add_row(s.id, s.name, s.unit, coverage, src)
    Console().print(table)


@series_app.command("search")
def series_search(query: Annotated[str, typer.Argument(help="Words to look for, e.g. 'japan 30 year'.")],
                  catalog: CatalogOption = None) -> None:
    """Series whose id, name or aliases resemble QUERY (fuzzy match)."""
    cat = _catalog(catalog)
    found = cat.search(query)
    if not found:
        typer.echo(f"no series resembles {query!r}", err=True)
        raise typer.Exit(3)
    for s, score in found:
        typer.echo(f"{s.id:20s} {score:5.1f}  {s.name}")


@series_app.command("show")
def series_show(series_id: Annotated[str, typer.Argument(help="A series id, e.g. jgb_10y.")],
                catalog: CatalogOption = None) -> None:
    """Everything known about one series: aliases, sources, allowances, data coverage."""
    cat = _catalog(catalog)
    s = cat.get(series_id)
    if s is None:
        from rapidfuzz import fuzz, process

        close = ", ".join(m[0] for m in process.extract(series_id, [x.id for x in cat], scorer=fuzz.WRatio, limit=5)
                          if m[1] >= 60)
        typer.echo(f"factcheck: error: unknown series {series_id!r}" + (f" (did you mean: {close})" if close else ""),
                   err=True)
        raise typer.Exit(3)
    try:
        data = _store(cat).get(s.id)
    except FactcheckError as exc:
        _fail(exc)
    rows = [("id", s.id), ("name", s.name), ("aliases", ", ".join(s.aliases)), ("country", s.country),
            ("asset class", s.asset_class), ("unit", s.unit), ("frequency", s.frequency),
            ("tenor", f"{s.tenor} years" if s.tenor else "-"),
            ("sources", ", ".join(f"{x['source']}:{x['code']}" for x in s.sources) or "none"),
            ("basis allowance", f"{s.basis_allowance}" if s.basis_allowance is not None else
             f"{s.basis_allowance_pct}% of the level" if s.basis_allowance_pct is not None else "-"),
            ("value range", f"{s.value_range[0]:g} .. {s.value_range[1]:g}"),
            ("licence", cat.licence_label(s.id)),
            ("intraday", f"daily high/low bars from {s.intraday_source}" if s.intraday_source else "closes only")]
    if data is not None:
        rows.append(("data", f"{data.origin}: {data.first} .. {data.last}, {len(data.frame)} observations, "
                              f"last value {float(data.values.iloc[-1]):g}"))
        if s.data_file:
            rows.append(("data file", s.data_file))
    else:
        rows.append(("data", "none here" if s.tracked else "no data source"))
    if s.notes:
        rows.append(("notes", s.notes))
    for k, v in rows:
        typer.echo(f"{k:16s} {v}")


from .cli_data import data_app  # noqa: E402  (the `data` commands live in their own module)

app.add_typer(data_app, name="data")


def _log_to_stderr() -> None:
    """The ``factcheck`` logger (internal errors with their tracebacks) writes to stderr,
    each message prefixed like the command's own."""
    import logging

    logger = logging.getLogger("factcheck")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("factcheck: %(message)s"))
        logger.addHandler(handler)
        logger.propagate = False


def main() -> None:
    """The console entry point: an unexpected exception is a defect, reported with its
    traceback on stderr and exit status 70, never a bare traceback with status 1 (the
    status ``--fail-on`` uses)."""
    import logging

    _log_to_stderr()
    try:
        app()
    except Exception as exc:
        logging.getLogger("factcheck").error("internal error (a defect in factcheck; please report it): %s: %s",
                                             type(exc).__name__, exc, exc_info=True)
        raise SystemExit(INTERNAL_EXIT) from None


if __name__ == "__main__":
    main()
