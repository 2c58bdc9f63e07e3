"""``factcheck data update``: fetch series from their sources into the cache.

Each series tries its catalog sources in order; the first that answers wins. A source
that fails is recorded with its error (the cache keeps its previous data); the result
says, per source, what was fetched and what failed, so the CLI can exit non-zero.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from .cache import Cache
from .catalog import Catalog, Series
from .errors import DataError, SourceError
from .sources import Http, Query, redact, source_for


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


def updatable(catalog: Catalog) -> list[Series]:
    return [s for s in catalog if s.tracked and any(src["source"] in ("fred", "mof", "ustreasury", "boj")
                                                     for src in s.sources)]


def update(catalog: Catalog, series_ids: list[str], cache: Cache | None = None, http: Http | None = None,
           start: date | None = None, progress: Callable[[str], None] | None = None) -> UpdateResult:
    cache = cache or Cache()
    http = http or Http()
    sources: dict[str, object] = {}  # one instance per source name: MoF downloads once for all tenors
    result = UpdateResult()
    for sid in series_ids:
        s = catalog.get(sid)
        upd = SeriesUpdate(sid)
        result.series.append(upd)
        if s is None:
            upd.errors.append(f"catalog: unknown series {sid}")
            continue
        if not s.tracked or not s.sources:
            upd.skipped = "no data source"
            continue
        for spec in s.sources:
            name = spec["source"]
            if name not in sources:
                sources[name] = source_for(name, http)
            src = sources[name]
            if name == "boj_decisions":
                upd.skipped = "local decisions table, shipped in the snapshot"
                continue
            if src is None:
                upd.errors.append(f"{name}: no fetcher for this source")
                continue
            try:
                fetched = src.fetch(Query(spec["code"], start=start))
                meta = {"source": fetched.source, "code": fetched.code, "url": fetched.url,
                        "fetched_at": fetched.fetched_at, "series": sid}
                upd.added, _ = cache.merge_write(sid, fetched.frame, meta)
                upd.source, upd.last = fetched.source, str(fetched.frame.index[-1].date())
                break
            except (SourceError, DataError) as exc:
                upd.errors.append(redact(str(exc)))
        if progress:
            progress(sid)
    return result
