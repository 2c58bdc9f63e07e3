"""Issuers, central banks, countries and the words for kinds of series, read from the
catalog's ``[[issuer]]``, ``[[bank]]``, ``[[country]]`` and ``[[words]]`` tables.

They are not series: the resolver combines them (a tenor and an issuer name a yield, policy
words and a bank name the bank's policy rate, two countries name a spread, legs in their
``spread_rank`` order). ``[[benchmark]]`` phrases ("the benchmark JGB", "the benchmark
bond") name a tenor, with the issuer they name or, if none, the issuer of the context. A new
central bank or country is one entry in the catalog.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from claims import VocabularyEntry

from .errors import CatalogError

WORD_KINDS = ("policy", "rates", "yield", "equity")


@dataclass(frozen=True)
class Names:
    """Phrases a writer uses for one thing, as the extractor's cues of ``kind`` and ``value``."""

    kind: str  # family (an issuer) | bank | country | policy | rates | yield | equity
    value: str  # a country code, or the kind of words
    phrases: tuple[str, ...]
    case_sensitive: bool = False

    def entries(self) -> list[VocabularyEntry]:
        return [VocabularyEntry(p, self.kind, self.value, case_sensitive=self.case_sensitive) for p in self.phrases]


@dataclass(frozen=True)
class Bank:
    country: str
    name: str
    policy_series: str
    names: Names


@dataclass(frozen=True)
class Country:
    code: str
    spread_rank: int = 99
    search: str = ""
    names: Names | None = None


@dataclass
class Markets:
    issuers: list[Names] = field(default_factory=list)
    banks: dict[str, Bank] = field(default_factory=dict)  # by country
    countries: dict[str, Country] = field(default_factory=dict)
    words: list[Names] = field(default_factory=list)
    benchmarks: list[Names] = field(default_factory=list)  # "the benchmark JGB": a tenor (and issuer)

    def bank(self, country: str) -> Bank | None:
        return self.banks.get(country)

    def spread_rank(self, country: str) -> int:
        """Where a market's leg goes in a spread as quoted (lower first); unknown last."""
        c = self.countries.get(country)
        return c.spread_rank if c is not None else 99

    def search_words(self, country: str) -> str:
        c = self.countries.get(country)
        return c.search if c is not None else ""

    def vocabulary_entries(self) -> list[VocabularyEntry]:
        """Issuers, banks, countries and words, in that order (of two entries for the same
        phrase the earlier wins)."""
        groups = self.benchmarks + self.issuers + [b.names for b in self.banks.values()] + \
            [c.names for c in self.countries.values() if c.names] + self.words
        return [e for g in groups for e in g.entries()]


def _names(entry: dict, kind: str, value: str, where: str, required: bool = True) -> Names | None:
    phrases = entry.get("names", [])
    if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
        raise CatalogError(f"{where}: 'names' must be a list of phrases")
    if not phrases:
        if required:
            raise CatalogError(f"{where}: 'names' is empty")
        return None
    return Names(kind, value, tuple(phrases), bool(entry.get("case_sensitive", False)))


def _field(entry: dict, key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value:
        raise CatalogError(f"{where}: '{key}' must be a non-empty string")
    return value


def parse_markets(doc: dict, where: str, base: Markets | None = None) -> Markets:
    """The market tables of a catalog document, added to ``base`` (a bank or country of the
    same code replaces the base's)."""
    out = Markets(list(base.issuers), dict(base.banks), dict(base.countries), list(base.words),
                  list(base.benchmarks)) if base else Markets()
    for i, e in enumerate(doc.get("issuer", [])):
        at = f"{where} [[issuer]] #{i + 1}"
        out.issuers.append(_names(e, "family", _field(e, "country", at), at))
    for i, e in enumerate(doc.get("bank", [])):
        at = f"{where} [[bank]] #{i + 1}"
        country = _field(e, "country", at)
        out.banks[country] = Bank(country, _field(e, "name", at), _field(e, "policy_series", at),
                                  _names(e, "bank", country, at))
    for i, e in enumerate(doc.get("country", [])):
        at = f"{where} [[country]] #{i + 1}"
        code = _field(e, "code", at)
        rank = e.get("spread_rank", 99)
        if not isinstance(rank, int):
            raise CatalogError(f"{at}: 'spread_rank' must be a whole number")
        out.countries[code] = Country(code, rank, str(e.get("search", "")), _names(e, "country", code, at, False))
    for i, e in enumerate(doc.get("words", [])):
        at = f"{where} [[words]] #{i + 1}"
        kind = _field(e, "kind", at)
        if kind not in WORD_KINDS:
            raise CatalogError(f"{at}: 'kind' must be one of {', '.join(WORD_KINDS)}")
        out.words.append(_names(e, kind, kind, at))
    for i, e in enumerate(doc.get("benchmark", [])):
        at = f"{where} [[benchmark]] #{i + 1}"
        tenor = e.get("tenor")
        if not isinstance(tenor, int) or tenor <= 0:
            raise CatalogError(f"{at}: 'tenor' must be a whole number of years")
        country = e.get("country", "")
        if not isinstance(country, str):
            raise CatalogError(f"{at}: 'country' must be a country code")
        out.benchmarks.append(_names(e, "benchmark", f"{country}:{tenor}", at))
    return out
