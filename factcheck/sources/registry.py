"""The one list of data sources: what each is called, whether `data update` can fetch it,
whether its rows carry intraday highs and lows, and where a reader can look it up.

Each source is one module of this package that calls :func:`register_source` with a
:class:`SourceInfo` (live sources add their fetcher); the package's modules are imported
on first use, so adding ``factcheck/sources/newsource.py`` is all a new source takes.
Explanations, renderers and the updater read names and flags from here, never from
maps of their own.
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class SourceInfo:
    """One data source. ``name`` is how catalog entries and data rows name it."""

    name: str
    display_name: str  # how explanations name it: "FRED", "MoF"
    updatable: bool = False  # has a fetcher, so `factcheck data update` can refresh it
    intraday: bool = False  # its rows carry intraday high/low, not only closes
    page: str | None = None  # a page for readers; "{code}" becomes the series' code there
    shows_code: bool = False  # explanations add the series code: "FRED DGS10"
    aliases: tuple[str, ...] = ()  # other names its rows carry (FRED's two fetchers)
    fetcher: Callable | None = None  # fetcher(http) -> Source, for updatable sources
    note: str = ""  # why it is not updatable, for `data update`

    def page_for(self, code: str) -> str | None:
        return self.page.format(code=code) if self.page else None


_SOURCES: dict[str, SourceInfo] = {}
_loaded = False


def register_source(info: SourceInfo) -> SourceInfo:
    _SOURCES[info.name] = info
    return info


def _load() -> None:
    """Import every module of this package once, so each registers its source."""
    global _loaded
    if _loaded:
        return
    package = importlib.import_module(__package__)
    for module in pkgutil.iter_modules(package.__path__):
        if module.name != "registry":
            importlib.import_module(f"{__package__}.{module.name}")
    _loaded = True


def all_sources() -> dict[str, SourceInfo]:
    _load()
    return dict(_SOURCES)


def lookup(name: str) -> SourceInfo | None:
    """The source called ``name`` (or whose rows carry that name), or None."""
    _load()
    if name in _SOURCES:
        return _SOURCES[name]
    return next((s for s in _SOURCES.values() if name in s.aliases), None)


def display_name(code: str) -> str:
    """How an explanation names the source of a data row: "fred:DGS10" is "FRED DGS10",
    "mof" is "MoF", "user:mine.csv" is "user data"; an unknown source keeps its name."""
    head, _, rest = code.partition(":")
    info = lookup(head)
    if info is None:
        return head
    return info.display_name + (f" {rest}" if rest and info.shows_code else "")


def intraday_source(source_names) -> str | None:
    """The first of ``source_names`` (a series' sources) whose rows carry intraday bars."""
    for name in source_names:
        info = lookup(name)
        if info is not None and info.intraday:
            return info.name
    return None


def updatable_names() -> set[str]:
    return {s.name for s in all_sources().values() if s.updatable}
