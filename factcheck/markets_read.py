"""Markets named around a claim: which country a cue stands for, and which two series a
spread is between (two markets at one maturity, or two maturities of one market)."""
from __future__ import annotations

import re
from collections import Counter

from claims import Claim, Cue, Kind

from .catalog import Catalog
from .mapping import Mapping


class MarketReader:
    """Reads countries and spreads from cues with the catalog's market tables."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog

    def country_of(self, cue: Cue) -> str | None:
        if cue.kind in ("family", "country", "bank"):
            return cue.value
        if cue.kind == "benchmark":
            return cue.value.split(":")[0] or None
        if cue.kind == "instrument":
            # an index or a bond names its market ("the Nikkei": Japan, "Bund": Germany);
            # a currency pair does not ("the dollar" is in every market)
            s = self.catalog.get(cue.value)
            if s is not None and s.asset_class in ("index", "yield") and len(s.country) == 2 and s.country != "XA":
                return s.country
        return None

    def context_bank(self, c: Claim, cue: Cue, quoted: Counter, around: list[Cue]) -> str | None:
        """The central bank (by its country) of a level of "the policy rate" (``cue``) when no
        bank is named in the piece: the issuer whose yields the piece has quoted most
        (``quoted``), else the market named nearest (``around``: the sentence's cues, then
        the earlier ones nearest first). An interview about JGBs that says "the policy rate
        is still 0.5%" means the BoJ's, not a yield's; a move beside policy words is more
        often a yield's, and is left alone."""
        if cue.kind != "policy" or c.kind != Kind.LEVEL:
            return None
        in_sent = [k for k in around if k.start >= c.sentence_start]
        earlier = [k for k in around if k.start < c.sentence_start]
        countries = [k for k, _ in quoted.most_common()] + \
            [self.country_of(k) for k in reversed(in_sent)] + [self.country_of(k) for k in earlier]
        return next((k for k in countries if k and self.catalog.markets.bank(k)), None)

    def spread(self, c: Claim, in_sent: list[Cue], earlier: list[Cue]) -> Mapping:
        """A gap between two markets: the tenor and the two issuers named in the sentence,
        or, when it names fewer ("The gap is still 200 bp"), in the sentence just before."""
        sent_tenors = [cue for cue in in_sent if cue.kind == "tenor"]
        sent_countries = list(dict.fromkeys(k for k in map(self.country_of, in_sent) if k))
        if len({cue.value for cue in sent_tenors}) >= 2 and len(sent_countries) <= 1:
            # "30s now 155bp over 10s": two maturities of one market, the market named here or last
            country = sent_countries[0] if sent_countries else next(
                (k for k in map(self.country_of, sorted(earlier, key=lambda cue: -cue.start)) if k), None)
            curve = self.curve(c, country, sent_tenors) if country else None
            if curve is not None:
                return curve
        pool = in_sent
        if sum(1 for cue in in_sent if self.country_of(cue)) < 2 or not any(cue.kind == "tenor" for cue in in_sent):
            nearby = [cue for cue in earlier if c.sentence_start - cue.start <= 300]
            pool = sorted(nearby, key=lambda cue: cue.start) + in_sent
        tenors = [cue for cue in pool if cue.kind == "tenor"]
        countries: list[str] = []
        for cue in sorted(pool, key=lambda cue: cue.start):
            country = self.country_of(cue)
            if country and country not in countries:
                countries.append(country)
        if len(countries) == 1:
            curve = self.curve(c, countries[0], tenors)
            if curve is not None:
                return curve
        if not tenors or len(countries) < 2:
            return Mapping(None, explanation="a spread without two named markets and a tenor")
        tenor = int(tenors[0].value)
        # legs in the usual quoting order, the higher-yielding market first ("the US-Japan gap")
        first, second = sorted(countries[:2], key=self.catalog.markets.spread_rank)
        countries = [first, second]
        a = self.catalog.yield_series(first, tenor)
        b = self.catalog.yield_series(second, tenor)
        if a is None or b is None:
            return Mapping(None, explanation=f"no {tenor}-year yields for {countries[0]} and {countries[1]}")
        sid = f"spread:{a.id}:{b.id}"
        return Mapping(sid, f"{a.name} minus {b.name}", 0.9,
                       f"gap between {countries[0]} and {countries[1]} {tenor}-year yields", spread=(a.id, b.id))

    CURVE = re.compile(r"\b(\d{1,2})(?:s\s*[-/]?\s*|\s*[-/]\s*)(\d{1,2})s\b|\b(\d{1,2})-?\s*(?:and|to)\s+(\d{1,2})-year\b", re.I)

    def curve(self, c: Claim, country: str, tenors: list[Cue]) -> Mapping | None:
        """One market, two maturities: the curve spread, long minus short ("2s10s",
        "between 2- and 30-year JGBs")."""
        years = sorted({int(t.value) for t in tenors})
        m = self.CURVE.search(c.sentence)
        if m:
            years = sorted({int(x) for x in m.groups() if x})
        if len(years) != 2:
            return None
        short, long = (self.catalog.yield_series(country, y) for y in years)
        if short is None or long is None:
            return None
        return Mapping(f"spread:{long.id}:{short.id}", f"{long.name} minus {short.name}", 0.85,
                       f"a {years[0]}s{years[1]}s curve in one market ({country})", spread=(long.id, short.id))
