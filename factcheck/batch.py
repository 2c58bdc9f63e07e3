"""``factcheck batch``: the single-document API over a folder, in processes or on Dask.

It adds no checking logic: each worker loads the catalog, snapshot and policy once and
calls :meth:`Checker.check` per document, writing that document's reports itself (so the
parent only ever holds one small row per document and memory stays flat). A document
that cannot be read becomes an error row; every other document is still checked. A
document whose JSON report carries the same content hash and data vintage is skipped
unless ``force``.
"""
from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .errors import FactcheckError
from .inputs import decode, main_text, read_bytes

EXTENSIONS = (".txt", ".md", ".html", ".htm")
BAD = ("inaccurate", "misdated")


@dataclass
class DocResult:
    path: str  # relative to the folder
    status: str  # ok | skipped | error
    error: str | None = None
    summary: dict = field(default_factory=dict)
    wrong_series: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    reference_date: str | None = None

    @property
    def wrong(self) -> int:
        return sum(self.summary.get(k, 0) for k in BAD)


@dataclass
class BatchConfig:
    root: str
    out: str
    formats: tuple[str, ...] = ("json",)
    force: bool = False
    max_bytes: int = 10 * 1024 * 1024
    published: str | None = None
    follow_symlinks: bool = False


def discover(root: Path, patterns: Iterable[str] | None = None, follow_symlinks: bool = False) -> Iterator[tuple[Path, str | None]]:
    """Candidate documents under ``root`` in a stable order, with a reason when one must
    become an error row rather than be read (a directory named like a file, a link that
    leaves the folder)."""
    root = root.resolve()
    seen: set[Path] = set()
    globs = list(patterns) if patterns else [f"**/*{ext}" for ext in EXTENSIONS]
    for pattern in globs:
        for p in sorted(root.glob(pattern)):
            if p in seen:
                continue
            seen.add(p)
            if p.is_symlink() and not follow_symlinks:
                target = p.resolve()
                if root not in target.parents and target != root:
                    yield p, "symbolic link leaves the folder (use --follow-symlinks to allow)"
                    continue
            if p.is_dir():
                yield p, "is a directory, not a document"
                continue
            yield p, None


# -- the worker side ----------------------------------------------------------------------
_CHECKER = None


def _checker():
    global _CHECKER
    if _CHECKER is None:
        from .api import Checker

        _CHECKER = Checker.default()
    return _CHECKER


def init_worker() -> None:
    """Load catalog, policy and the series the dev documents use most, once per process."""
    checker = _checker()
    for sid in ("jgb_10y", "ust_10y", "usdjpy", "nikkei225", "boj_policy_rate"):
        try:
            checker.store.get(sid)
        except FactcheckError:
            pass


def report_path(out: Path, rel: str, fmt: str) -> Path:
    suffix = {"json": ".json", "html": ".html", "md": ".md", "csv": ".csv", "claimreview": ".claimreview.json",
              "table": ".txt"}[fmt]
    return out / (rel + suffix)


def _atomic_write(path: Path, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(body, encoding="utf-8")
    tmp.replace(path)


def check_one(rel: str, config: BatchConfig) -> DocResult:
    """Check one document and write its reports; never raises for a bad document."""
    root, out = Path(config.root), Path(config.out)
    path = root / rel
    checker = _checker()
    try:
        raw, name = read_bytes(str(path), config.max_bytes)  # read once: hashed, then decoded
        digest = hashlib.sha256(raw).hexdigest()
        json_path = report_path(out, rel, "json")
        if not config.force and json_path.exists():
            try:
                old = json.loads(json_path.read_text(encoding="utf-8"))
                doc = old.get("document", {})
                if doc.get("content_sha256") == digest and doc.get("data_vintage") == checker.store.vintage:
                    return _row(rel, "skipped", old)
            except (OSError, ValueError):
                pass  # an unreadable old report is simply redone
        text, note = main_text(decode(raw, name), path)
        report = checker.check(text, config.published, rel)
        report.text_note = note
        d = report.to_dict()
        d["document"]["content_sha256"] = digest
        _atomic_write(json_path, json.dumps(d, indent=1, ensure_ascii=False) + "\n")
        for fmt in config.formats:
            if fmt != "json":
                _atomic_write(report_path(out, rel, fmt), _render(report, fmt, checker))
        return _row(rel, "ok", d)
    except FactcheckError as exc:
        message = str(exc).replace(str(path), rel).replace(path.name + ": ", "", 1) if str(exc) else "unreadable"
        return DocResult(rel, "error", message)
    except OSError as exc:
        return DocResult(rel, "error", f"{exc.strerror or exc}")
    except Exception as exc:  # a bug must not stop the batch; it is reported on the row
        return DocResult(rel, "error", f"{rel}: internal error {type(exc).__name__}: {exc}")


def _render(report, fmt: str, checker) -> str:
    from .render import render_claimreview, render_csv, render_html, render_markdown

    if fmt == "html":
        return render_html(report, checker.store)
    if fmt == "md":
        return render_markdown(report)
    if fmt == "csv":
        return render_csv(report)
    if fmt == "claimreview":
        return render_claimreview(report)
    from rich.console import Console

    buf = io.StringIO()
    Console(file=buf, width=120).print(report)
    return buf.getvalue()


def _row(rel: str, status: str, d: dict) -> DocResult:
    wrong = [((c.get("series") or {}).get("id") or "-") for c in d.get("claims", [])
             if c["verdict"]["label"] in BAD]
    return DocResult(rel, status, None, d.get("summary", {}), wrong, [c["verdict"]["label"] for c in d.get("claims", [])],
                     d.get("document", {}).get("reference_date"))


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


# -- summaries -----------------------------------------------------------------------------
def summarize(rows: list[DocResult]) -> dict:
    totals: dict[str, int] = {}
    series: dict[str, int] = {}
    for r in rows:
        for k, v in r.summary.items():
            totals[k] = totals.get(k, 0) + v
        for s in r.wrong_series:
            series[s] = series.get(s, 0) + 1
    return {"documents": len(rows), "ok": sum(r.status == "ok" for r in rows),
            "skipped": sum(r.status == "skipped" for r in rows), "errors": sum(r.status == "error" for r in rows),
            "verdicts": totals, "most_wrong_series": sorted(series.items(), key=lambda kv: (-kv[1], kv[0]))[:10]}


def ordered(rows: list[DocResult]) -> list[DocResult]:
    """Errors first, then the documents with the most wrong claims."""
    return sorted(rows, key=lambda r: (r.status != "error", -r.wrong, -r.summary.get("unverifiable", 0), r.path))


def write_summary_csv(rows: list[DocResult], path: Path) -> None:
    from .report import LABELS

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["document", "status", "error", "claims", *LABELS, "wrong", "wrong_series", "reference_date"])
    for r in ordered(rows):
        w.writerow([r.path, r.status, r.error or "", r.summary.get("claims", 0), *[r.summary.get(k, 0) for k in LABELS],
                    r.wrong, " ".join(sorted(set(r.wrong_series))), r.reference_date or ""])
    _atomic_write(path, buf.getvalue())


def write_index_html(rows: list[DocResult], path: Path, formats: tuple[str, ...], partial: bool = False) -> None:
    from .report import LABELS

    E = html.escape
    s = summarize(rows)
    head = "".join(f"<th>{E(k.replace('_', ' '))}</th>" for k in LABELS)
    body = []
    link_fmt = "html" if "html" in formats else "json"
    for r in ordered(rows):
        link = E(report_path(Path("."), r.path, link_fmt).as_posix())
        name = f'<a href="{link}">{E(r.path)}</a>' if r.status != "error" else E(r.path)
        cells = "".join(f"<td>{r.summary.get(k, 0)}</td>" for k in LABELS)
        err = f'<td class="err">{E(r.error or "")}</td>'
        body.append(f"<tr class='{r.status}'><td>{name}</td><td>{r.status}</td><td>{r.wrong}</td>{cells}{err}</tr>")
    series = "".join(f"<li>{E(k)}: {v}</li>" for k, v in s["most_wrong_series"]) or "<li>none</li>"
    totals = " · ".join(f"{E(k.replace('_', ' '))} {v}" for k, v in s["verdicts"].items() if v)
    note = "<p class='err'>Interrupted: this index covers the documents finished so far.</p>" if partial else ""
    _atomic_write(path, f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>factcheck batch</title><style>body{{font:14px system-ui,sans-serif;margin:20px}}table{{border-collapse:collapse}}
td,th{{border:1px solid #ddd;padding:2px 8px}}tr.error{{background:#fee}}.err{{color:#b91c1c}}</style></head><body>
<h1>factcheck batch</h1>{note}<p>{s['documents']} documents: {s['ok']} checked, {s['skipped']} unchanged, {s['errors']} unreadable.
Claims: {totals}</p><h2>Most frequently wrong series</h2><ul>{series}</ul>
<h2>Documents (worst first)</h2><table><tr><th>document</th><th>status</th><th>wrong</th>{head}<th>error</th></tr>
{''.join(body)}</table></body></html>
""")


def rows_to_json(rows: list[DocResult]) -> list[dict]:
    return [asdict(r) for r in rows]


def run(rels_and_errors: list[tuple[str, str | None]], config: BatchConfig, jobs: int = 1,
        engine: str = "local", scheduler: str | None = None, on_result: Callable[[DocResult], None] | None = None,
        client=None) -> tuple[list[DocResult], bool]:
    """Check the documents; returns the rows and whether the run was interrupted. Rows
    for documents that could not even be opened are made here, without a worker."""
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
    out = Path(config.out)
    write_summary_csv(rows, out / "summary.csv")
    write_index_html(rows, out / "index.html", config.formats, interrupted)
    return rows, interrupted
