"""``factcheck data update``: fetch series from their sources into the cache.

Each series tries its catalog sources in order (those the source registry marks
updatable); the first that answers wins. What a source sends is validated before it is
stored (:mod:`factcheck.validation`): a refused fetch leaves the cache as it was. A source
that fails is recorded with its error; one HTTP client serves the whole run, so a host
that cannot be reached fails its other series at once, and the result groups failures by
source (one message each) for the CLI. A cache that cannot be written stops the run with
:class:`~factcheck.cache.CacheWriteError`: every other series would fail the same way.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from .cache import Cache, CacheWriteError
from .catalog import Catalog, Series
from .errors import DataError, SourceError
from .sources import Http, Query, lookup, redact, source_for
from .validation import validate


@dataclass
class SeriesUpdate:
    series_id: str
    source: str | None = None
    added: int = 0
    last: str | None = None
    errors: list[str] = field(default_factory=list)
    skipped: str | None = None

    @property
    def ok(self) -> bool:
        return self.source is not None


@dataclass
class UpdateResult:
    series: list[SeriesUpdate] = field(default_factory=list)

    @property
    def failed(self) -> list[SeriesUpdate]:
        return [s for s in self.series if not s.ok and not s.skipped]

    def by_source(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = defaultdict(lambda: {"ok": 0, "failed": 0})
        for s in self.series:
            if s.source:
                out[s.source]["ok"] += 1
            for err in s.errors:
                out[err.split(":", 1)[0]]["failed"] += 1
        return dict(out)

    def failures_by_source(self) -> dict[str, tuple[str, list[str]]]:
        """Per failing source: its first error message and the series it failed for."""
        out: dict[str, tuple[str, list[str]]] = {}
        for s in self.failed:
            for err in s.errors:
                name, _, message = err.partition(": ")
                first, ids = out.setdefault(name, (message, []))
                if s.series_id not in ids:
                    ids.append(s.series_id)
        return out


def updatable(catalog: Catalog) -> list[Series]:
    """Series with at least one source the registry can fetch."""
    return [s for s in catalog if s.tracked and any(_fetchable(src["source"]) for src in s.sources)]


def _fetchable(name: str) -> bool:
    info = lookup(name)
    return info is not None and info.updatable


def update(catalog: Catalog, series_ids: list[str], cache: Cache | None = None, http: Http | None = None,
           start: date | None = None, progress: Callable[[str], None] | None = None) -> UpdateResult:
    cache = cache or Cache()
    http = http or Http()
    fetchers: dict[str, object] = {}  # one per source name: MoF downloads once for all tenors
    result = UpdateResult()
    for sid in series_ids:
        upd = SeriesUpdate(sid)
        result.series.append(upd)
        s = catalog.get(sid)
        if s is None:
            upd.errors.append(f"catalog: unknown series {sid}")
        elif not s.tracked or not s.sources:
            upd.skipped = "no data source"
        else:
            _update_one(s, upd, cache, http, fetchers, start)
        if progress:
            progress(sid)
    return result


def _update_one(s: Series, upd: SeriesUpdate, cache: Cache, http: Http, fetchers: dict, start: date | None) -> None:
    """Try the series' sources in order until one gives data that pass validation."""
    for spec in s.sources:
        name = spec["source"]
        info = lookup(name)
        if info is None:
            upd.errors.append(f"{name}: not a known source")
            continue
        if not info.updatable:
            if len(s.sources) == 1:
                upd.skipped = info.note or f"{info.display_name}: nothing to fetch"
            continue
        if name not in fetchers:
            fetchers[name] = source_for(name, http)
        try:
            fetched = fetchers[name].fetch(Query(spec["code"], start=start))
            frame = validate(fetched.frame, s, spec["code"], today=date.today())
            meta = {"source": fetched.source, "code": fetched.code, "url": fetched.url,
                    "fetched_at": fetched.fetched_at, "series": s.id}
            upd.added, _ = cache.merge_write(s.id, frame, meta)
            upd.source, upd.last = fetched.source, str(frame.index[-1].date())
            return
        except CacheWriteError:
            raise
        except SourceError as exc:
            upd.errors.append(redact(str(exc)))
        except DataError as exc:  # the source answered, with data that cannot be used
            upd.errors.append(redact(f"{fetchers[name].name}: refused its data: {exc}"))
