"""Market observations: the offline snapshot shipped in ``data/snapshot`` plus user data.

Every snapshot file is checked against ``MANIFEST.json`` (SHA-256) the first time it is
read; a damaged file raises :class:`DataError` naming it rather than producing wrong
verdicts. Lookups are by series id and date window; frames are cached per process.
"""
from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from .catalog import Catalog, Series
from .errors import DataError
from .observations import Columns, DecisionDays, Window
from .resources_access import resource
from .validation import iso_dates, validate


@dataclass
class SeriesData:
    """Observations of one series: a frame indexed by date with ``value`` (close),
    ``source`` and, where the source has them, intraday ``high``/``low``."""

    series: Series
    frame: pd.DataFrame
    origin: str  # "snapshot" | "user" | "decisions"

    @cached_property
    def first(self) -> date:
        return self.frame.index[0].date()

    @cached_property
    def last(self) -> date:
        """Kept, like :attr:`first`: the verifier asks for every claim, and the frame of a
        loaded series does not change."""
        return self.frame.index[-1].date()

    @cached_property
    def values(self) -> pd.Series:
        return self.frame["value"]

    @cached_property
    def columns(self) -> Columns:
        """The same observations as numpy arrays (built once: the store keeps this object
        for the process), for the lookups of the hot path."""
        return Columns.of(self.frame)

    def window(self, start: date, end: date) -> pd.DataFrame:
        """Observations from ``start`` to ``end`` as a frame (see :meth:`span`)."""
        span = self.span(start, end)
        return self.frame.iloc[span.lo:span.hi]

    def span(self, start: date, end: date) -> Window:
        """Observations from ``start`` to ``end``, by position. A monthly series'
        observation (dated the first of its month) stands for the whole month and a weekly
        one for the seven days it ends (the latest one on or before the start, up to six
        days), so a window inside that period still finds it."""
        first = pd.Timestamp(start)
        if self.series.frequency == "monthly":
            first = first.replace(day=1)
        elif self.series.frequency == "weekly":
            idx = self.frame.index.searchsorted(first, side="right") - 1
            if idx >= 0 and first - self.frame.index[idx] <= pd.Timedelta(days=6):
                first = self.frame.index[idx]
        days = self.columns.days  # by position: a label slice of the frame costs several times more
        lo = int(np.searchsorted(days, first.value, side="left"))
        hi = int(np.searchsorted(days, pd.Timestamp(end).value, side="right"))
        return Window(self, lo, max(lo, hi))

    def on_or_before(self, day: date) -> tuple[pd.Timestamp, float] | None:
        idx = int(np.searchsorted(self.columns.days, pd.Timestamp(day).value, side="right")) - 1
        if idx < 0:
            return None
        return self.values.index[idx], float(self.columns.value[idx])

    def before(self, day: date) -> tuple[pd.Timestamp, float] | None:
        idx = int(np.searchsorted(self.columns.days, pd.Timestamp(day).value, side="left")) - 1
        if idx < 0:
            return None
        return self.values.index[idx], float(self.columns.value[idx])

    def source_at(self, ts: pd.Timestamp) -> str:
        if "source" in self.frame.columns:
            return str(self.cell(ts, "source"))
        return self.origin

    def bar_source_at(self, ts: pd.Timestamp) -> str:
        """Where the day's intraday high and low come from (often not the close's source:
        USD/JPY closes are FRED's noon rate, its bars Yahoo's)."""
        if "bar_source" in self.frame.columns and isinstance(bar := self.cell(ts, "bar_source"), str):
            return bar
        return self.series.intraday_source or self.source_at(ts)

    def cell(self, ts: pd.Timestamp, column: str):
        """``frame.at[ts, column]`` through a bisection of the day (``frame.at`` costs
        tens of microseconds per call, and every verdict asks a few times)."""
        i = self.columns.position(ts)
        if i is None:
            raise KeyError(ts)
        return self._column(column)[i]

    def cell_at(self, i: int, column: str):
        """``frame[column].iloc[i]``, from the column's array."""
        return self._column(column)[i]

    def column(self, name: str) -> np.ndarray:
        """A column of the frame as an array, made once."""
        return self._column(name)

    def memo(self, key, make):
        """``make()`` computed once per key for this series' data (the whole-history
        derivatives a checker asks for again and again: daily moves in a unit, a column's
        intraday peaks). Callers must not change what they get."""
        got = self._memo.get(key)
        if got is None:
            got = self._memo[key] = make()
        return got

    @cached_property
    def _memo(self) -> dict:
        return {}

    def has_column(self, name: str) -> bool:
        return name in self._names

    @cached_property
    def _names(self) -> frozenset:
        return frozenset(self.frame.columns)

    def _column(self, name: str) -> np.ndarray:
        got = self._arrays.get(name)
        if got is None:
            got = self._arrays[name] = self.frame[name].to_numpy()
        return got

    @cached_property
    def _arrays(self) -> dict:
        return {}


class Store:
    """Snapshot + user CSVs (+ cache, when the data layer grows one) behind one lookup."""

    def __init__(self, catalog: Catalog, snapshot_dir: Path | None = None, cache: "object | None | bool" = True):
        """``cache``: True for the user cache dir, a :class:`factcheck.cache.Cache`, or
        False/None for the snapshot alone."""
        from .cache import Cache

        self.catalog = catalog
        self._dir = snapshot_dir
        self._cache: dict[str, SeriesData | None] = {}
        self._manifest: dict | None = None
        self._vintage: tuple[dict, str] | None = None
        self.fetched = Cache() if cache is True else (cache or None)
        self.warnings: list[str] = []

    def reload(self) -> None:
        """Forget loaded frames (after an update wrote to the cache)."""
        self._cache.clear()

    # -- files -----------------------------------------------------------------------
    def _file(self, name: str):
        if self._dir is not None:
            return Path(self._dir) / name
        return resource("snapshot", name)

    @property
    def manifest(self) -> dict:
        if self._manifest is None:
            try:
                self._manifest = json.loads(self._file("MANIFEST.json").read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise DataError(f"snapshot manifest unreadable: {exc}") from None
        return self._manifest

    def _read_checked(self, name: str) -> bytes:
        entry = self.manifest.get(name)
        if entry is None:
            raise DataError(f"snapshot file {name} is not listed in MANIFEST.json")
        try:
            data = self._file(name).read_bytes()
        except OSError as exc:
            raise DataError(f"snapshot file {name} is missing: {exc}") from None
        if hashlib.sha256(data).hexdigest() != entry["sha256"]:
            raise DataError(f"snapshot file {name} is damaged (SHA-256 does not match MANIFEST.json); "
                            "reinstall factcheck or rebuild the snapshot with scripts/build_snapshot.py")
        return data

    @property
    def vintage(self) -> str:
        """The newest date any snapshot file reaches: what 'current' means offline (worked
        out once per manifest: every document and many claims ask)."""
        manifest = self.manifest
        if self._vintage is None or self._vintage[0] is not manifest:
            self._vintage = (manifest, max(str(v["last"]) for k, v in manifest.items() if not k.startswith("_")))
        return self._vintage[1]

    def withheld(self, series_id: str) -> str | None:
        """The licence key of a series this snapshot leaves out because its owner restricts
        redistribution (a ``build_snapshot.py --redistributable`` build), else None."""
        return (self.manifest.get("_build") or {}).get("omitted", {}).get(series_id)

    # -- series ----------------------------------------------------------------------
    def get(self, series_id: str) -> SeriesData | None:
        if series_id not in self._cache:
            self._cache[series_id] = self._load(series_id)
        return self._cache[series_id]

    def _load(self, series_id: str) -> SeriesData | None:
        """Snapshot and cache merged, the newer vintage (the cache) winning on the same date.
        A series without a live source (``tracked = false``) has what the user imported."""
        series = self.catalog.get(series_id)
        if series is None:
            return None
        if series.data_file:
            return SeriesData(series, read_user_csv(Path(series.data_file), series), "user")
        if series.frequency == "decisions":
            return self._load_decisions(series)
        name = f"{series_id}.csv"
        frame = self._snapshot_frame(name) if series.tracked and name in self.manifest else None
        fetched = self._fetched(series)
        if fetched is None:
            return SeriesData(series, frame, "snapshot") if frame is not None else None
        if frame is None:
            return SeriesData(series, fetched, "cache")
        merged = fetched.combine_first(frame)[frame.columns.union(fetched.columns, sort=False)]
        merged.loc[fetched.index, "source"] = fetched["source"]
        return SeriesData(series, merged.sort_index(), "snapshot+cache")

    def _snapshot_frame(self, name: str) -> pd.DataFrame:
        """A snapshot file, hash-checked, then checked like any data (its vintage is fixed,
        so not against today's date)."""
        frame = pd.read_csv(io.BytesIO(self._read_checked(name)), dtype={"date": str})
        frame.index = iso_dates(frame.pop("date"), f"snapshot file {name}")
        return validate(frame, None, f"snapshot file {name}")

    def _fetched(self, series: Series) -> pd.DataFrame | None:
        """The cached rows of ``series``; a file that fails its checks is quarantined with
        a warning (the snapshot then serves alone until `data update` writes a new one)."""
        if self.fetched is None:
            return None
        try:
            entry = self.fetched.read(series.id)
            if entry is not None:
                validate(entry.frame, series, f"cache file {entry.path}")
        except DataError as exc:
            moved = self.fetched.quarantine(series.id)
            where = f"moved to {moved}" if moved else "left in place and skipped"
            self.warnings.append(f"{exc}; {where}; using the offline snapshot until `factcheck data update "
                                 f"{series.id}` (or a new import) rebuilds it")
            return None
        if entry is None:
            return None
        frame = entry.frame
        if "source" not in frame.columns:
            frame["source"] = entry.meta.get("source", "cache")
        return frame

    def decisions(self, series_id: str) -> pd.DataFrame | None:
        """A central bank's decisions for a policy series (``announced``, ``effective``,
        ``rate_percent``, optionally ``kind`` and ``source``): the series' own file for a
        step series (the BoJ), else the table its catalog entry names (the Fed)."""
        key = "decisions:" + series_id
        if key not in self._cache:
            self._cache[key] = self._read_decisions(series_id)
        return self._cache[key]

    def decision_days(self, series_id: str) -> DecisionDays | None:
        """The decisions table as arrays (:class:`~factcheck.observations.DecisionDays`),
        built once per series: the date inference reads it for every decision figure."""
        key = "decision days:" + series_id
        if key not in self._cache:
            table = self.decisions(series_id)
            self._cache[key] = DecisionDays.of(table) if table is not None else None
        return self._cache[key]

    def decision_rows(self, series_id: str) -> list:
        """The decisions table as :class:`~factcheck.decisions.Decision` rows (each with the
        rate before it), built once per series: every policy claim reads them."""
        key = "decision rows:" + series_id
        if key not in self._cache:
            from .decisions import decisions_from

            table = self.decisions(series_id)
            self._cache[key] = tuple(decisions_from(table)) if table is not None else ()
        return list(self._cache[key])

    def _read_decisions(self, series_id: str) -> pd.DataFrame | None:
        series = self.catalog.get(series_id)
        if series is None:
            return None
        table = series.decisions or (series.id if series.frequency == "decisions" else None)
        name = f"{table}.csv"
        if table is None or name not in self.manifest:
            return None
        frame = pd.read_csv(io.BytesIO(self._read_checked(name)), parse_dates=["announced", "effective"])
        if "source" not in frame.columns:
            frame["source"] = series.source_label()
        frame["source"] = frame["source"].where(frame["source"].notna(), series.source_label())
        return frame.sort_values(["effective", "announced"]).reset_index(drop=True)

    def _load_decisions(self, series: Series, by: str = "effective") -> SeriesData | None:
        """A step series becomes a daily 'rate in force' series (by effective date) running
        to the snapshot's vintage, so that levels and superlatives read it like any other;
        ``by="announced"`` gives the rate as decided (see :meth:`as_decided`)."""
        decisions = self.decisions(series.id)
        if decisions is None or decisions.empty:
            return None
        end = pd.Timestamp(self.vintage)
        dates = decisions[by].fillna(decisions["effective"])
        days = pd.date_range(dates.min(), end, freq="D")
        rate = decisions.set_index(dates)["rate_percent"]
        rate = rate[~rate.index.duplicated(keep="last")].sort_index()
        source = series.decisions or series.source_label()
        frame = pd.DataFrame({"value": rate.reindex(days).ffill(), "source": source})
        frame.index.name = "date"
        return SeriesData(series, frame, "decisions")

    def as_decided(self, series_id: str) -> SeriesData | None:
        """The policy rate by announcement date (the rate decided as of each day), for a
        series with a decisions table; None otherwise."""
        key = "decided:" + series_id
        if key not in self._cache:
            series = self.catalog.get(series_id)
            self._cache[key] = self._load_decisions(series, "announced") if series is not None else None
        return self._cache[key]


def read_user_csv(path: Path, series: Series | None = None) -> pd.DataFrame:
    """A user's own data: a CSV whose first two columns are an ISO date and a value. Rows
    whose value is a missing marker (empty, ``.``, ``-``) are skipped; everything else
    must pass :func:`factcheck.validation.validate` (against ``series`` when given), or
    the whole file is refused, naming the first bad row."""
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise DataError(f"cannot read data file {path}: {exc}") from None
    if frame.shape[1] < 2:
        raise DataError(f"data file {path} needs a date column and a value column")
    frame = frame.iloc[:, :2].copy()
    frame.columns = ["date", "value"]
    frame["value"] = frame["value"].str.strip()
    frame = frame[~frame["value"].isin(("", ".", "-"))]
    frame.index = iso_dates(frame.pop("date"), f"data file {path}") if len(frame) else pd.DatetimeIndex([], name="date")
    numbers = pd.to_numeric(frame["value"], errors="coerce")
    if numbers.isna().any():
        i = int(numbers.isna().to_numpy().argmax())
        raise DataError(f"data file {path}: value {frame['value'].iloc[i]!r} on {frame.index[i].date()} is not a number")
    frame["value"] = numbers.astype(float)
    frame = validate(frame, series, f"data file {path}", today=date.today())
    frame["source"] = f"user:{path.name}"
    return frame


