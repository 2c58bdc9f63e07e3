"""The series catalog: what instruments exist, what they are called, how to check them.

The catalog is data (``data/catalog.toml``); it is validated when loaded, and users can add
their own file (``FACTCHECK_CATALOG`` or ``--catalog``) with more series or aliases.
From it we build the instrument :class:`claims.Vocabulary` the extractor reads.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from claims import Unit, Vocabulary, VocabularyEntry

from .errors import CatalogError
from .markets import Markets, parse_markets
from .resources_access import resource

ASSET_CLASSES = {"yield", "fx", "index", "policy_rate", "rate"}
UNITS = {Unit.PERCENT, Unit.FX, Unit.POINTS}  # the unit of a series' level


@dataclass(frozen=True)
class Licence:
    """Who owns a series' data and whether the snapshot may be published with them
    (``[licences.<key>]`` in the catalog; ``scripts/build_snapshot.py --redistributable``
    leaves out every series whose licence is not redistributable)."""

    key: str
    name: str
    redistributable: bool
    terms: str = ""


@dataclass(frozen=True)
class Series:
    id: str
    name: str
    aliases: tuple[str, ...]
    country: str
    asset_class: str
    unit: Unit
    frequency: str = "daily"
    tenor: int | None = None
    sources: tuple[dict, ...] = ()
    basis_allowance: float | None = None
    basis_allowance_pct: float | None = None
    basis_allowance_above: float | None = None  # for a quote above the published value, when wider
    hedge_allowance_pct: float | None = None
    change_allowance_bp: float | None = None
    change_allowance_pp: float | None = None
    change_allowance: float | None = None
    value_range: tuple[float, float] = (float("-inf"), float("inf"))
    quote_currency_aliases: tuple[str, ...] = ()
    tracked: bool = True
    notes: str = ""
    data_file: str | None = None  # a user CSV for this series
    licence: str | None = None  # a key of Catalog.licences
    intraday_source: str | None = None  # daily high/low bars shipped, from this source
    intraday_licence: str | None = None
    decisions: str | None = None  # a decisions table (announced/effective/rate) for moves
    price_currency: str | None = None  # "USD": "$63.63 a barrel" is a level of this series
    unseen_hours: str | None = None  # a part of the day no close or bar of the series covers
    crosses: tuple[tuple[str, str], ...] = ()  # ("yen", "eurjpy"): this currency priced in yen is that pair

    def cross(self, currency_word: str) -> str | None:
        """The series of this currency priced in ``currency_word`` ("yen"), if the catalog names one."""
        return dict(self.crosses).get(currency_word.lower())

    def source_label(self) -> str:
        """The series' first source (a decisions table's rows name it when they name none)."""
        return self.sources[0]["source"] if self.sources else "none"

    def level_allowance(self, value: float) -> float:
        """VERDICTS.md basis allowance for a level, in the series' unit."""
        if self.basis_allowance is not None:
            return self.basis_allowance
        if self.basis_allowance_pct is not None:
            return abs(value) * self.basis_allowance_pct / 100
        return 0.0

    def allowance_above(self, value: float) -> float:
        """The basis allowance for a quote above the published value: wider where quotes
        run above a fitted curve (super-long JGBs against MoF's), else the basis allowance."""
        base = self.level_allowance(value)
        return max(base, self.basis_allowance_above) if self.basis_allowance_above is not None else base

    def hedge_allowance(self, value: float) -> float:
        base = self.level_allowance(value)
        if self.hedge_allowance_pct is not None:
            return max(base, abs(value) * self.hedge_allowance_pct / 100)
        return base


@dataclass(eq=False)
class Catalog:
    series: dict[str, Series] = field(default_factory=dict)
    markets: Markets = field(default_factory=Markets)  # issuers, banks, countries, words
    licences: dict[str, Licence] = field(default_factory=dict)

    def get(self, series_id: str) -> Series | None:
        return self.series.get(series_id)

    def licence_label(self, series_id: str) -> str:
        """``us-government``, ``jpx (restricted)``; intraday bars under other terms are
        named too (``us-government; bars: yahoo (restricted)``)."""
        s = self.series.get(series_id)
        if s is None or not s.licence:
            return "-"

        def one(key: str) -> str:
            lic = self.licences.get(key)
            return key + ("" if lic is not None and lic.redistributable else " (restricted)")

        bars = f"; bars: {one(s.intraday_licence)}" if s.intraday_licence and s.intraday_licence != s.licence else ""
        return one(s.licence) + bars

    def __iter__(self):
        return iter(self.series.values())

    def yield_series(self, country: str, tenor: int) -> Series | None:
        for s in self.series.values():
            if s.asset_class == "yield" and s.country == country and s.tenor == tenor:
                return s
        return None

    def search(self, query: str, limit: int = 10) -> list[tuple[Series, float]]:
        """Series whose id, name or aliases resemble ``query`` (rapidfuzz WRatio)."""
        from rapidfuzz import fuzz

        q = query.lower().replace("-", " ")
        scored = []
        for s in self.series.values():
            names = (s.id, s.name) + s.aliases
            words = " ".join(names + (self.markets.search_words(s.country), f"{s.tenor} year" if s.tenor else ""))
            best_name = max(fuzz.WRatio(q, n.lower()) for n in names)
            score = 0.4 * best_name + 0.6 * fuzz.token_set_ratio(q, words.lower().replace("-", " "))
            scored.append((s, score))
        scored.sort(key=lambda t: -t[1])
        return [t for t in scored[:limit] if t[1] >= 50]

    def vocabulary(self) -> Vocabulary:
        return _vocabulary(self)


def _parse_series(entry: dict, where: str) -> Series:
    try:
        sid = entry["id"]
        if not isinstance(sid, str) or not sid:
            raise CatalogError(f"{where}: 'id' must be a non-empty string")
        missing = [k for k in ("name", "unit", "asset_class") if k not in entry]
        if missing:
            raise CatalogError(f"{where}: series {sid!r} lacks {', '.join(missing)}")
        if entry["asset_class"] not in ASSET_CLASSES:
            raise CatalogError(f"{where}: series {sid!r}: asset_class must be one of {sorted(ASSET_CLASSES)}")
        if entry["unit"] not in UNITS:
            raise CatalogError(f"{where}: series {sid!r}: unit must be one of {sorted(UNITS)}")
        vr = entry.get("value_range")
        if vr is not None and (len(vr) != 2 or vr[0] >= vr[1]):
            raise CatalogError(f"{where}: series {sid!r}: value_range must be [low, high]")
        return Series(
            id=sid, name=entry["name"], aliases=tuple(entry.get("aliases", ())),
            country=entry.get("country", ""), asset_class=entry["asset_class"], unit=Unit(entry["unit"]),
            frequency=entry.get("frequency", "daily"), tenor=entry.get("tenor"),
            sources=tuple(entry.get("sources", ())), basis_allowance=entry.get("basis_allowance"),
            basis_allowance_pct=entry.get("basis_allowance_pct"),
            basis_allowance_above=entry.get("basis_allowance_above"),
            hedge_allowance_pct=entry.get("hedge_allowance_pct"),
            change_allowance_bp=entry.get("change_allowance_bp"),
            change_allowance_pp=entry.get("change_allowance_pp"),
            change_allowance=entry.get("change_allowance"),
            value_range=tuple(vr) if vr else (float("-inf"), float("inf")),
            quote_currency_aliases=tuple(entry.get("quote_currency_aliases", ())),
            tracked=bool(entry.get("tracked", True)), notes=entry.get("notes", ""),
            data_file=entry.get("data_file"), licence=entry.get("licence"),
            intraday_source=(entry.get("intraday") or {}).get("source"),
            intraday_licence=(entry.get("intraday") or {}).get("licence"),
            decisions=entry.get("decisions"), price_currency=entry.get("price_currency"),
            unseen_hours=entry.get("unseen_hours"),
            crosses=_crosses(entry.get("crosses", {}), sid, where),
        )
    except KeyError as exc:
        raise CatalogError(f"{where}: missing field {exc}") from None


def _crosses(table, sid: str, where: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(table, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in table.items()):
        raise CatalogError(f"{where}: series {sid!r}: crosses must map a currency word to a series id")
    return tuple((k.lower(), v) for k, v in table.items())


def _parse_licences(table: dict, where: str) -> dict[str, Licence]:
    out = {}
    for key, entry in table.items():
        if not isinstance(entry, dict) or "name" not in entry or not isinstance(entry.get("redistributable"), bool):
            raise CatalogError(f"{where}: [licences.{key}] needs a name and redistributable = true|false")
        out[key] = Licence(key, entry["name"], entry["redistributable"], entry.get("terms", ""))
    return out


def parse_catalog(text: str, where: str, base: Catalog | None = None, base_dir: Path | None = None) -> Catalog:
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogError(f"{where}: not valid TOML: {exc}") from None
    catalog = Catalog(dict(base.series) if base else {}, parse_markets(doc, where, base.markets if base else None),
                      dict(base.licences) if base else {})
    catalog.licences.update(_parse_licences(doc.get("licences", {}), where))
    for i, entry in enumerate(doc.get("series", [])):
        s = _parse_series(entry, f"{where} [[series]] #{i + 1}")
        for key in (s.licence, s.intraday_licence):
            if key is not None and key not in catalog.licences:
                raise CatalogError(f"{where}: series {s.id!r}: unknown licence {key!r} "
                                   f"(known: {', '.join(sorted(catalog.licences)) or 'none'})")
        if s.data_file and base_dir is not None and not Path(s.data_file).is_absolute():
            s = Series(**{**s.__dict__, "data_file": str((base_dir / s.data_file).resolve())})
        catalog.series[s.id] = s
    for i, entry in enumerate(doc.get("alias", [])):
        sid = entry.get("series")
        if sid not in catalog.series:
            raise CatalogError(f"{where} [[alias]] #{i + 1}: unknown series {sid!r}")
        s = catalog.series[sid]
        extra = tuple(entry.get("aliases", ()))
        catalog.series[sid] = Series(**{**s.__dict__, "aliases": s.aliases + extra})
    for s in catalog.series.values():
        for word, target in s.crosses:
            if target not in catalog.series:
                raise CatalogError(f"{where}: series {s.id!r}: cross {word!r} names unknown series {target!r}")
    for bank in catalog.markets.banks.values():
        if bank.policy_series not in catalog.series:
            raise CatalogError(f"{where}: bank {bank.name!r}: unknown policy_series {bank.policy_series!r}")
    return catalog


@lru_cache(maxsize=8)
def load_catalog(user_file: str | None = None) -> Catalog:
    """The shipped catalog, extended by ``user_file`` or ``$FACTCHECK_CATALOG`` if given."""
    catalog = parse_catalog(resource("catalog.toml").read_text(encoding="utf-8"), "catalog.toml")
    user_file = user_file or os.environ.get("FACTCHECK_CATALOG")
    if user_file:
        path = Path(user_file)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise CatalogError(f"cannot read catalog file {path}: {exc.strerror}") from None
        catalog = parse_catalog(text, str(path), base=catalog, base_dir=path.parent)
    return catalog


def _strip_article(alias: str) -> str:
    words = alias.split()
    if len(words) > 1 and words[0].lower() in ("the", "its"):
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=8)
def _vocabulary(catalog: Catalog) -> Vocabulary:
    entries: list[VocabularyEntry] = []
    for s in catalog:
        if s.asset_class == "yield" and s.tenor is not None:
            # yields are named by tenor + issuer (resolved in factcheck.resolve); a name
            # without a tenor ("Bund", "gilts") names the issuer. Bills (tenors in months,
            # no `tenor`) are named by their aliases ("3-month T-bill") like any instrument.
            for alias in s.aliases:
                if not any(ch.isdigit() for ch in alias) and "-year" not in alias:
                    entries.append(VocabularyEntry(_strip_article(alias), "family", s.country))
            continue
        quotes = {_strip_article(q).lower() for q in s.quote_currency_aliases}
        seen: set[tuple[str, bool]] = set()
        for alias in s.aliases:
            phrase = _strip_article(alias)
            if s.asset_class in ("policy_rate", "rate") and phrase.lower() in (
                    "policy rate", "short-term policy rate", "benchmark interest rate", "call rate"):
                continue  # generic words: a bank or country decides which series
            case_sensitive = phrase.isupper() and len(phrase) <= 5  # "KOSPI" and "Kospi" are both names
            if (phrase.lower(), case_sensitive) in seen:
                continue
            seen.add((phrase.lower(), case_sensitive))
            unit = s.unit if s.unit in (Unit.FX, Unit.POINTS) else None  # a bare number next to it takes it
            lo, hi = s.value_range
            entries.append(VocabularyEntry(
                phrase, "instrument", s.id, unit, lo if unit else None, hi if unit else None,
                phrase.lower() in quotes, case_sensitive=case_sensitive))
    return Vocabulary(entries + catalog.markets.vocabulary_entries())
