"""Fetched observations in the user cache dir (``$FACTCHECK_CACHE_DIR`` overrides it).

One CSV per series, its first line a ``# {json}`` comment with the source, the URL
(secrets removed) and the fetch time. Every write goes to a temporary file in the same
folder and is moved into place with ``os.replace``: a failed or interrupted update leaves
the previous file exactly as it was.
"""
from __future__ import annotations

import io
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .errors import DataError


def cache_dir() -> Path:
    env = os.environ.get("FACTCHECK_CACHE_DIR")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("factcheck"))


@dataclass
class CacheEntry:
    frame: pd.DataFrame
    meta: dict
    path: Path


class Cache:
    def __init__(self, root: Path | None = None):
        self.root = Path(root) if root else cache_dir()

    def path(self, series_id: str) -> Path:
        return self.root / "series" / f"{series_id}.csv"

    def read(self, series_id: str) -> CacheEntry | None:
        path = self.path(series_id)
        if not path.exists():
            return None
        try:
            text = path.read_text(encoding="utf-8")
            first, _, body = text.partition("\n")
            meta = json.loads(first[1:]) if first.startswith("#") else {}
            frame = pd.read_csv(io.StringIO(body if first.startswith("#") else text), parse_dates=["date"],
                                index_col="date")
            if "value" not in frame.columns:
                raise ValueError("no 'value' column")
            frame["value"] = frame["value"].astype(float)
        except (OSError, ValueError, KeyError) as exc:
            raise DataError(f"cache file {path} is unreadable ({exc}); delete it or run `factcheck data update`") from None
        return CacheEntry(frame.sort_index(), meta, path)

    def write(self, series_id: str, frame: pd.DataFrame, meta: dict) -> Path:
        """Atomically replace the cached series (merge first: see :meth:`merge_write`)."""
        path = self.path(series_id)
        path.parent.mkdir(parents=True, exist_ok=True)
        out = frame.copy()
        out.index = pd.DatetimeIndex(out.index).strftime("%Y-%m-%d")
        out.index.name = "date"
        body = "# " + json.dumps(meta, sort_keys=True) + "\n" + out.to_csv(float_format="%.10g", lineterminator="\n")
        fd, tmp = tempfile.mkstemp(prefix=f".{series_id}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(body)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        return path

    def merge_write(self, series_id: str, frame: pd.DataFrame, meta: dict) -> tuple[int, Path]:
        """Add newly fetched observations to what is cached (new values win on the same
        date); returns how many dates are new."""
        try:
            old = self.read(series_id)
        except DataError:
            old = None  # a damaged cache file is replaced by good data
        new = frame[["value"]].copy()
        new["source"] = meta.get("source", "")
        if old is not None:
            before = set(old.frame.index)
            merged = pd.concat([old.frame, new])
            merged = merged[~merged.index.duplicated(keep="last")].sort_index()
            added = len(set(merged.index) - before)
        else:
            merged, added = new.sort_index(), len(new)
        return added, self.write(series_id, merged, meta)

    def entries(self) -> list[str]:
        folder = self.root / "series"
        return sorted(p.stem for p in folder.glob("*.csv")) if folder.exists() else []
