"""Fetched and imported observations in the user cache dir (``$FACTCHECK_CACHE_DIR``
overrides it).

One CSV per series, its first line a ``# {json}`` comment with the source, the URL
(secrets removed) and the fetch time, its last line ending in a newline. Writers of a
series take its lock (``filelock``), so two imports or updates running at once both keep
their rows; under the lock, temporary files left by a killed writer are swept. Every write
goes to a temporary file in the same folder and is moved into place with ``os.replace``: an
interrupted update leaves the previous file exactly as it was. A file that fails its checks
on reading (truncated, non-ISO dates, duplicates, text for numbers) is moved to
``quarantine/`` and reported; the next `data update` (or import) writes a fresh one. A
read-only or full disk is a :class:`CacheWriteError` naming the folder, not a traceback.
"""
from __future__ import annotations

import io
import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .errors import DataError
from .validation import iso_dates, validate

LOCK_TIMEOUT = 60.0


class CacheWriteError(DataError):
    """The cache folder cannot be written (read-only, full, not a folder, locked)."""


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


def _write_failure(exc: OSError, folder: Path) -> CacheWriteError:
    why = exc.strerror or type(exc).__name__
    return CacheWriteError(f"cannot write to the cache folder {folder} ({why}); free some space, fix its "
                           "permissions or set FACTCHECK_CACHE_DIR to a writable folder")


class Cache:
    def __init__(self, root: Path | None = None):
        self.root = Path(root) if root else cache_dir()

    def path(self, series_id: str) -> Path:
        return self.root / "series" / f"{series_id}.csv"

    def read(self, series_id: str) -> CacheEntry | None:
        """The cached series, or None; a :class:`DataError` when the file fails its checks
        (see :meth:`quarantine`)."""
        path = self.path(series_id)
        if not path.exists():
            return None
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, ValueError) as exc:
            raise DataError(f"cache file {path} is unreadable ({exc})") from None
        meta, frame = _parse(text, str(path))
        return CacheEntry(frame, meta, path)

    def quarantine(self, series_id: str) -> Path | None:
        """Move a damaged file aside (kept for a look, out of every lookup); None when even
        that is impossible (a read-only cache: the file then stays and is skipped)."""
        path = self.path(series_id)
        target = self.root / "quarantine" / f"{series_id}.{time.strftime('%Y%m%dT%H%M%S')}.{os.getpid()}.csv"
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
        except OSError:
            return None
        return target

    def lock(self, series_id: str):
        """The writers' lock of one series (a context manager)."""
        from filelock import FileLock

        folder = self.path(series_id).parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _write_failure(exc, folder) from None
        return FileLock(str(folder / f".{series_id}.lock"), timeout=LOCK_TIMEOUT)

    def write(self, series_id: str, frame: pd.DataFrame, meta: dict) -> Path:
        """Atomically replace the cached series (merge first: see :meth:`merge_write`)."""
        path = self.path(series_id)
        out = frame.copy()
        out.index = pd.DatetimeIndex(out.index).strftime("%Y-%m-%d")
        out.index.name = "date"
        body = "# " + json.dumps(meta, sort_keys=True) + "\n" + out.to_csv(float_format="%.10g", lineterminator="\n")
        tmp = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{series_id}.", suffix=".tmp", dir=path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(body)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except OSError as exc:
            _unlink(tmp)
            raise _write_failure(exc, path.parent) from None
        except BaseException:
            _unlink(tmp)
            raise
        return path

    def merge_write(self, series_id: str, frame: pd.DataFrame, meta: dict) -> tuple[int, Path]:
        """Add new observations to what is cached (new values win on the same date), under
        the series' lock; returns how many dates are new. A damaged file is quarantined and
        replaced by the new data."""
        from filelock import Timeout

        try:
            with self.lock(series_id):
                self.sweep(series_id)
                return self._merge(series_id, frame, meta)
        except Timeout:
            raise CacheWriteError(f"another factcheck process has held the lock on {series_id} for over "
                                  f"{LOCK_TIMEOUT:g}s ({self.path(series_id).parent})") from None
        except OSError as exc:  # the lock file itself could not be made
            raise _write_failure(exc, self.path(series_id).parent) from None

    def _merge(self, series_id: str, frame: pd.DataFrame, meta: dict) -> tuple[int, Path]:
        try:
            old = self.read(series_id)
        except DataError:
            self.quarantine(series_id)
            old = None
        new = frame[["value"]].copy()
        new["source"] = meta.get("source", "")
        if old is None:
            return len(new), self.write(series_id, new.sort_index(), meta)
        before = set(old.frame.index)
        merged = pd.concat([old.frame, new])
        merged = merged[~merged.index.duplicated(keep="last")].sort_index()
        return len(set(merged.index) - before), self.write(series_id, merged, meta)

    def sweep(self, series_id: str) -> int:
        """Delete the temporary files of ``series_id`` (call with its lock held: no writer
        of it is running, so every one is left over from a killed process)."""
        folder = self.path(series_id).parent
        count = 0
        for tmp in folder.glob(f".{series_id}.*.tmp"):
            count += _unlink(str(tmp))
        return count

    def entries(self) -> list[str]:
        folder = self.root / "series"
        return sorted(p.stem for p in folder.glob("*.csv")) if folder.exists() else []


def _unlink(path: str | None) -> int:
    if path is None:
        return 0
    try:
        os.unlink(path)
        return 1
    except OSError:
        return 0


def _parse(text: str, where: str) -> tuple[dict, pd.DataFrame]:
    """The metadata and frame of a cache file, checked for what a damaged or hand-edited
    file shows: a missing final newline (truncated), non-ISO dates, duplicates, text
    where numbers belong."""
    if not text.endswith("\n"):
        raise DataError(f"cache file {where} is truncated (no final newline)")
    first, _, body = text.partition("\n")
    try:
        meta = json.loads(first[1:]) if first.startswith("#") else {}
        frame = pd.read_csv(io.StringIO(body if first.startswith("#") else text), dtype={"date": str})
    except (ValueError, pd.errors.ParserError) as exc:
        raise DataError(f"cache file {where} is unreadable ({exc})") from None
    if not isinstance(meta, dict) or "date" not in frame.columns or "value" not in frame.columns:
        raise DataError(f"cache file {where} lacks its header or its date/value columns")
    frame.index = iso_dates(frame.pop("date"), f"cache file {where}")
    frame = validate(frame, None, f"cache file {where}")
    frame["value"] = frame["value"].astype(float)
    return meta, frame
