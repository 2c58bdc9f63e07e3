"""``factcheck batch``: the single-document API over a folder, in processes or on Dask.

It adds no checking logic: each worker loads the catalog, snapshot and policy once and
calls :meth:`Checker.check` per document, writing that document's reports itself (so the
parent only ever holds one small row per document and memory stays flat). A document
that cannot be read becomes an error row; every other document is still checked.

A re-run skips a document only when its JSON report was made from the same content
(SHA-256), with the same formats, the same ``--date`` and the same data vintage, and every
report file is still there; anything else is checked again. Which files are read is
:mod:`factcheck.discover`'s business (inside the folder only); every report is written
inside the output folder. The batch-wide files (``index.html``, ``summary.csv``,
``claims.csv``) are :mod:`factcheck.batch_reports`.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from .discover import EXTENSIONS, discover, inside  # noqa: F401  (re-exported for callers)
from .errors import FactcheckError, InputError
from .inputs import decode_noted, main_text, read_bytes
from .jsonfile import json_bytes

log = logging.getLogger("factcheck")
BAD = ("inaccurate", "misdated")
ALWAYS = ("json", "html")  # every document gets its JSON report and its HTML review page


@dataclass
class DocResult:
    path: str  # relative to the folder
    status: str  # ok | skipped | error
    error: str | None = None
    summary: dict = field(default_factory=dict)
    wrong_series: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    reference_date: str | None = None
    note: str | None = None  # "no text" for an empty document (checked, nothing to check)
    internal: bool = False  # a defect met the document (it failed) or one of its claims (unverifiable)

    @property
    def wrong(self) -> int:
        return sum(self.summary.get(k, 0) for k in BAD)


@dataclass
class BatchConfig:
    root: str
    out: str
    formats: tuple[str, ...] = ALWAYS
    force: bool = False
    max_bytes: int = 10 * 1024 * 1024
    published: str | None = None
    follow_symlinks: bool = False
    encoding: str | None = None  # None: detected (see factcheck.inputs)

    def __post_init__(self):
        self.formats = tuple(dict.fromkeys(ALWAYS + tuple(self.formats)))


# -- the worker side ----------------------------------------------------------------------
_CHECKER = None
_READY: set[tuple[str, str]] = set()  # (directory, output folder) made and checked by this process


def _checker():
    global _CHECKER
    if _CHECKER is None:
        from .api import Checker

        _CHECKER = Checker.default()
    return _CHECKER


def init_worker() -> None:
    """Load catalog, policy and the series the dev documents use most, once per process."""
    _READY.clear()
    checker = _checker()
    for sid in ("jgb_10y", "ust_10y", "usdjpy", "nikkei225", "boj_policy_rate"):
        try:
            checker.store.get(sid)
        except FactcheckError:
            pass


def report_path(out: Path, rel: str, fmt: str) -> Path:
    from .render import RENDERERS

    return out / (rel + RENDERERS[fmt].suffix)


def _atomic_write(path: Path, body: str | bytes, out: Path | None = None) -> None:
    """Write ``body`` to ``path`` through a temporary file; with ``out``, refuse a path
    that would land outside it (a linked directory inside the output folder). A directory
    is made and checked once per process (its reports share it); if it vanished since,
    the write makes and checks it again."""
    data = body if isinstance(body, bytes) else body.encode("utf-8")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    key = (str(path.parent), str(out))
    if key in _READY:
        try:
            tmp.write_bytes(data)
            tmp.replace(path)
            return
        except FileNotFoundError:
            _READY.discard(key)
    path.parent.mkdir(parents=True, exist_ok=True)
    if out is not None and not inside(path.parent.resolve(), out.resolve()):
        raise InputError(f"{path.name}: its report would be written outside the output folder")
    _READY.add(key)
    tmp.write_bytes(data)
    tmp.replace(path)


def run_key(digest: str, config: BatchConfig, vintage: str | None) -> dict:
    """What a report was made from; a re-run skips a document only when all of it is equal."""
    return {"content_sha256": digest, "formats": sorted(config.formats), "published": config.published,
            "data_vintage": vintage}


def _current(rel: str, key: dict, config: BatchConfig) -> dict | None:
    """The document's earlier JSON report when it is current for ``key``, else None."""
    out = Path(config.out)
    json_path = report_path(out, rel, "json")
    if config.force or not json_path.exists():
        return None
    try:
        old = json.loads(json_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # an unreadable old report is simply redone
    if not isinstance(old, dict) or old.get("document", {}).get("batch") != key:
        return None
    if not all(report_path(out, rel, fmt).exists() for fmt in config.formats):
        return None
    return old


def check_one(rel: str, config: BatchConfig) -> DocResult:
    """Check one document and write its reports; never raises for a bad document."""
    root, out = Path(config.root), Path(config.out)
    path = root / rel
    checker = _checker()
    try:
        raw, name = read_bytes(str(path), config.max_bytes)  # read once: hashed, then decoded
        key = run_key(hashlib.sha256(raw).hexdigest(), config, checker.store.vintage)
        old = _current(rel, key, config)
        if old is not None:
            return _row(rel, "skipped", old)
        decoded, encoding_note = decode_noted(raw, name, config.encoding)
        text, note = main_text(decoded, path)
        report = checker.check(text, config.published, rel)
        report.text_note = "; ".join(n for n in (encoding_note, note) if n) or None
        base = report.to_dict()
        d = {**base, "document": {**base["document"], "content_sha256": key["content_sha256"], "batch": key}}
        for fmt in config.formats:
            if fmt != "json":
                _atomic_write(report_path(out, rel, fmt), render_for_batch(report, fmt, rel, base), out)
        _atomic_write(report_path(out, rel, "json"), json_bytes(d), out)
        return _row(rel, "ok", d)
    except FactcheckError as exc:
        message = str(exc).replace(str(path), rel).replace(path.name + ": ", "", 1) if str(exc) else "unreadable"
        return DocResult(rel, "error", message)
    except OSError as exc:
        return DocResult(rel, "error", f"{exc.strerror or exc}")
    except Exception as exc:  # a bug must not stop the batch; it is reported on the row, its traceback logged
        log.error("internal error while checking %s", rel, exc_info=True)
        return DocResult(rel, "error", f"internal error {type(exc).__name__}: {exc}", internal=True)


def render_for_batch(report, fmt: str, rel: str, as_dict: dict | None = None) -> str:
    """A document's report in ``fmt``; its HTML page links back to the batch index.
    ``as_dict`` is ``report.to_dict()`` when the caller has made it already."""
    from .render import RenderOptions, render

    home = "../" * rel.count("/") + "index.html"
    return render(report, fmt, RenderOptions(home_url=home if home.startswith("../") else "./" + home,
                                             report_dict=as_dict))


def _row(rel: str, status: str, d: dict) -> DocResult:
    wrong = [((c.get("series") or {}).get("id") or "-") for c in d.get("claims", [])
             if c["verdict"]["label"] in BAD]
    empty = any(str(w).startswith("no text") for w in d.get("warnings", []))
    summary = d.get("summary", {})
    return DocResult(rel, status, None, summary, wrong, [c["verdict"]["label"] for c in d.get("claims", [])],
                     d.get("document", {}).get("reference_date"), "no text" if empty else None,
                     bool(summary.get("internal_errors")))


# -- engines --------------------------------------------------------------------------------
def run_local(rels: list[str], config: BatchConfig, jobs: int) -> Iterator[DocResult]:
    """Processes, results streamed as they finish (unordered), models loaded per worker."""
    if jobs <= 1:
        init_worker()
        for rel in rels:
            yield check_one(rel, config)
        return
    import multiprocessing as mp
    from functools import partial

    ctx = mp.get_context("fork") if hasattr(os, "fork") else mp.get_context()
    pool = ctx.Pool(jobs, initializer=init_worker)
    try:
        for result in pool.imap_unordered(partial(check_one, config=config), rels, chunksize=8):
            yield result
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()


def run_dask(rels: list[str], config: BatchConfig, scheduler: str | None, client=None) -> Iterator[DocResult]:
    """The same job on a Dask distributed cluster; workers read the same snapshot/cache."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise FactcheckError("the Dask engine needs the optional extra: pip install 'factcheck[dask]'") from None
    own = client is None
    client = client or Client(scheduler)
    try:
        futures = client.map(check_one, rels, config=config, pure=False)
        for fut in as_completed(futures):
            yield fut.result()
            fut.release()
    finally:
        if own:
            client.close()


def rows_to_json(rows: list[DocResult]) -> list[dict]:
    return [asdict(r) for r in rows]


def to_dataframe(rows: list[DocResult]):
    """The batch as a DataFrame, one row per document (:func:`factcheck.frames.documents_frame`)."""
    from .frames import documents_frame

    return documents_frame(rows)


def run(rels_and_errors: list[tuple[str, str | None]], config: BatchConfig, jobs: int = 1,
        engine: str = "local", scheduler: str | None = None, on_result: Callable[[DocResult], None] | None = None,
        client=None) -> tuple[list[DocResult], bool]:
    """Check the documents; returns the rows and whether the run was interrupted. Rows
    for documents that could not even be opened are made here, without a worker."""
    _READY.clear()  # directories are checked afresh for every run
    rows = [DocResult(rel, "error", err) for rel, err in rels_and_errors if err]
    todo = [rel for rel, err in rels_and_errors if not err]
    for r in rows:
        if on_result:
            on_result(r)
    results = run_dask(todo, config, scheduler, client) if engine == "dask" else run_local(todo, config, jobs)
    interrupted = False
    try:
        for r in results:
            rows.append(r)
            if on_result:
                on_result(r)
    except KeyboardInterrupt:
        interrupted = True
    from .batch_reports import write_batch_files

    write_batch_files(rows, Path(config.out), interrupted)
    return rows, interrupted


def summarize(rows: list[DocResult]) -> dict:
    from .batch_reports import summarize as totals

    return totals(rows)
