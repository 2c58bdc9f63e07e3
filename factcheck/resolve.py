"""Map each claim to a catalog series, with a confidence and the words that decided it.

The extractor hands over the cues around a number (instrument names, tenors, issuers,
central banks, countries), nearest first. The rules here are market knowledge:

* the unit narrows the candidates (an FX rate is not a yield; index points are an index);
* the nearest deciding cue in the sentence (a tenor, a bank or policy word, an instrument
  name) sets the asset type; a number written before its noun ("the 2.37% 10-year JGB
  yield") takes the cue right after it;
* a tenor needs an issuer: the nearest issuer or country cue in the sentence, else the
  nearest earlier one in the document (an instrument such as the Nikkei implies Japan);
* a policy rate needs a central bank: one named in the sentence, else the first one the
  document named;
* with no cue at all, a claim continues the series of the claim before it, if the units agree.

Below :data:`MIN_CONFIDENCE` the claim gets no series and the verdict names the candidates.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field

from claims import MARKET_UNITS, RATE_UNITS, Claim, Cue, Kind, Unit

from .catalog import Catalog, Series

MIN_CONFIDENCE = 0.5
NON_MARKET_LEFT = re.compile(  # searched in the noun phrase before the number only
    r"\b(?P<noun>tariffs?|gdp|debt|budget|deficit|stimulus|inflation|consumer prices|cpi|prices|wages?|"
    r"unemployment|jobless|payrolls?|stake|market share|positions?|holdings?|inflows?|outflows?|"
    r"spending|package|sales|earnings|profits?|revenue|population|turnout|approval|poll|survey|"
    r"probability|odds|chance|vote|growth|output|exports?|imports?|economy|mortgages?|savings|"
    r"participation|vacancy|defaults?|tax|wage|margin|dividend|earnings per share|eps)\b(?:[^.;]|\.(?=\d)){0,40}$", re.I)
# "JGB 10-year futures fell 0.5 yen to 140.2": a futures contract's price, not the yield or
# index it tracks (market pricing, "futures price a cut", is a forecast and reads on)
FUTURES_CONTRACT = re.compile(r"\b(?P<noun>(?:bond|jgb|treasury|t-note|bund|gilt|nikkei|topix|index|stock|equity|yen|"
                              r"\d{1,2}-year)\s+futures)\b(?:[^.;]|\.(?=\d)){0,40}$", re.I)
# "70% of economists", "230% of GDP": a proportion, not a market level
NON_MARKET_RIGHT = re.compile(r"^\s*(?P<noun>of (?!the (?:index|benchmark|yield)\b)[a-z]+|tariffs?|stake|"
                              r"(?:probability|chance|odds|likelihood|risk|majority|share|stake|turnout)\b)", re.I)
UNITS_FOR = {  # the units a claim about each asset class can be in
    "yield": RATE_UNITS,
    "policy_rate": RATE_UNITS,
    "rate": RATE_UNITS,
    "fx": {Unit.FX},
    "index": {Unit.POINTS},
}
# capitalised words that start a clause without naming anything
SKIP_CAPS = {"The", "A", "An", "In", "On", "At", "By", "For", "Over", "After", "Before", "Since", "Meanwhile",
             "But", "And", "Yet", "So", "It", "Its", "This", "That", "These", "Those", "Remember", "Futures",
             "Shares", "Stocks", "Equities", "Markets", "Investors", "Traders", "Dealers", "Analysts", "Today",
             "Yesterday", "Still", "Also", "Even", "Then", "Now", "Overall", "Elsewhere", "Across", "As"}


def unknown_name(c: Claim, text: str) -> str | None:
    """A capitalised name in the claim's own clause that is no cue ("Toyota shares jumped
    4.1%", "SoftBank Group fell 2%"): the number is about that, not the previous series."""
    left = text[c.sentence_start:c.start]
    clause_start = _clause_start(left)
    clause = left[clause_start:]
    months = {m for m in calendar.month_name if m} | {d for d in calendar.day_name}
    covered = [(cue.start - c.sentence_start - clause_start, cue.end - c.sentence_start - clause_start)
               for cue in c.cues]
    first = re.match(r"\s*", clause).end()
    for m in re.finditer(r"\b[A-Z][A-Za-z&.'-]+(?:\s+[A-Z][A-Za-z&.'-]+)*", clause):
        word = m.group(0)
        if word.split()[0] in SKIP_CAPS or word in months or word.split()[0] in months:
            continue
        if m.start() == first and " " not in word and not re.search(r".[A-Z&]", word) and \
                not re.match(r"\s+(?:shares|stock|stocks|Inc|Corp|Group|Holdings)\b", clause[m.end():]):
            continue  # capitalised only because it starts the sentence ("Last year's ...")
        if any(a <= m.start() < b or m.start() <= a < m.end() for a, b in covered):
            continue
        return word
    return None


def _clause_start(left: str) -> int:
    """Where the number's clause starts in the sentence before it. "South Korea's Kospi,
    heavy with manufacturers, tumbled 5.9%": after a bare comma, a clause that starts with a
    verb or an appositive (a lower-case word) belongs to the subject before it."""
    seps = list(re.finditer(r"[,;:](?=\s)\s*(?:while|and|but|whereas)?\s*|\bwhile\s+|\band\s+", left))
    bounds = [0] + [m.end() for m in seps]
    i = len(bounds) - 1
    while i > 0 and seps[i - 1].group(0).strip() == "," and \
            left[bounds[i]:bounds[i + 1] if i + 1 < len(bounds) else len(left)].strip()[:1].islower():
        i -= 1
    return bounds[i]


def non_market(c: Claim, text: str) -> str | None:
    """The noun phrase the number belongs to, when it is not a market price: the clause
    segment just before it ("a debt pile of roughly 230%", "The tariff ..., 24%") or
    the words just after it ("230% of GDP"). A word inside a catalog name is not one
    ("the 30-year mortgage rate" is a series, "mortgage debt" is not)."""
    start = max(c.sentence_start, c.start - 80)
    left = text[start:c.start].rstrip()
    if left.endswith(","):
        left = left[:-1]
    cut = max((m.end() for m in re.finditer(r"[,;:(]|\s[-—–]\s", left)), default=0)
    segment = left[cut:]
    named = [(cue.start, cue.end) for cue in c.cues if cue.kind == "instrument"]
    for m in (NON_MARKET_LEFT.search(segment) or FUTURES_CONTRACT.search(segment),
              NON_MARKET_RIGHT.search(text[c.end:c.end + 25])):
        if m is None:
            continue
        at = start + cut + m.start("noun") if m.re is not NON_MARKET_RIGHT else c.end + m.start("noun")
        if not any(a <= at and at + len(m.group("noun")) <= b for a, b in named):  # "Nikkei futures" stay futures
            return m.group("noun")
    return None


def priced_mapping(catalog: Catalog, c: Claim) -> Mapping | None:
    """A money amount is a level of an instrument priced in that currency when the
    sentence names one ("Brent settled at $67.59", "the euro rose to $1.19"): the
    nearest such name before the number, else after it."""
    sent_end = c.sentence_start + len(c.sentence)
    in_sent = [cue for cue in c.cues if c.sentence_start <= cue.start < sent_end and cue.kind == "instrument"]
    ordered = sorted((cue for cue in in_sent if cue.end <= c.start), key=lambda cue: -cue.start) + \
        [cue for cue in in_sent if cue.start >= c.end]
    for cue in ordered:
        s = catalog.get(cue.value)
        if s is None or s.price_currency != c.unit:
            continue
        if not s.tracked:
            return Mapping(None, explanation=f"{s.name}: known instrument, no data source here", instrument=s,
                           confidence=0.9)
        return Mapping(s.id, s.name, 0.9, f"a price in {c.unit} of {cue.text!r}")
    return None


@dataclass
class Mapping:
    series_id: str | None
    name: str | None = None
    confidence: float = 0.0
    explanation: str = ""
    instrument: Series | None = None  # a known but untracked instrument
    candidates: list[str] = field(default_factory=list)
    spread: tuple[str, str] | None = None

    def to_dict(self) -> dict | None:
        if self.series_id is None:
            return None
        return {"id": self.series_id, "name": self.name, "confidence": round(self.confidence, 2),
                "explanation": self.explanation}


class Resolver:
    def __init__(self, catalog: Catalog):
        self.catalog = catalog

    def resolve_all(self, claims: list[Claim], text: str) -> list[Mapping]:
        first_bank = self._first_bank(claims)
        out: list[Mapping] = []
        last: Mapping | None = None
        last_sentence = -10
        for c in claims:
            # a claim with no cue of its own continues the previous claim's series only
            # when that claim is in the same or the previous sentence
            recent = last if c.sentence_index - last_sentence <= 1 else None
            m = self.checked(c, self.resolve(c, text, recent, first_bank))
            out.append(m)
            if (m.series_id and not m.spread) or m.instrument is not None:
                last, last_sentence = m, c.sentence_index
        return out

    @staticmethod
    def _first_bank(claims: list[Claim]) -> str | None:
        first = None
        for c in claims:
            for cue in c.cues:
                if cue.kind == "bank" and (first is None or cue.start < first.start):
                    first = cue
        return first.value if first else None

    # -- one claim -----------------------------------------------------------------------
    def resolve(self, c: Claim, text: str, last: Mapping | None, first_bank: str | None) -> Mapping:
        if c.unit not in MARKET_UNITS:
            priced = priced_mapping(self.catalog, c)
            if priced is not None:
                return priced
            return Mapping(None, explanation=f"an amount of money ({c.unit}), not a market series we track")
        blocker = non_market(c, text)
        if blocker:
            return Mapping(None, explanation=f"about {blocker!r}, not a market series we track")
        sent_end = c.sentence_start + len(c.sentence) + 5
        names = [(cue.start, cue.end) for cue in c.cues if cue.kind == "instrument"]
        # a tenor inside a catalog name belongs to it ("the 30-year mortgage rate")
        in_sent = [cue for cue in c.cues if c.sentence_start <= cue.start < sent_end and not (
            cue.kind == "tenor" and any(a <= cue.start and cue.end <= b and (a, b) != (cue.start, cue.end)
                                        for a, b in names))]
        before = [cue for cue in in_sent if cue.end <= c.start]
        after = [cue for cue in in_sent if cue.start >= c.end]
        earlier = [cue for cue in c.cues if cue.start < c.sentence_start]
        if c.kind == Kind.SPREAD:
            return self._spread(c, in_sent, earlier)
        # "a 2.37% 10-year yield": the name right after the number, with nothing between
        prenominal = bool(after) and after[0].start - c.end <= 2 and not text[c.end:after[0].start].strip()
        ordered = (after[:3] + before) if prenominal else (before + after)
        for cue in ordered:
            m = self._from_cue(c, cue, in_sent, earlier, first_bank, prenominal)
            if m is not None:
                return m
        if c.unit == Unit.FX:
            m = self._fx_from_context(c, earlier)
            if m is not None:
                return m
        named = unknown_name(c, text)
        if named:
            return Mapping(None, explanation=f"about {named!r}, which is not a series in the catalog")
        if last is not None and (last.series_id or last.instrument):
            s = self.catalog.get(last.series_id) if last.series_id else last.instrument
            if s is not None and self._unit_ok(s, c):
                if last.series_id is None:
                    return Mapping(None, explanation=f"continues {s.name}, which has no data source here",
                                   instrument=s, confidence=0.7)
                return self._mapping(s, 0.7, f"no instrument named in the sentence; continues {s.id} "
                                             f"from the previous claim")
        return Mapping(None, explanation="no instrument named near the number")

    def _fx_from_context(self, c: Claim, earlier: list[Cue]) -> Mapping | None:
        """An exchange rate with no currency named in its sentence: "10 yen" is the yen
        pair; otherwise the nearest currency named earlier in the document."""
        if "yen" in c.text.lower() or "¥" in c.text:
            for s in self.catalog:
                if s.asset_class == "fx" and "yen" in {q.lower() for q in s.quote_currency_aliases}:
                    return self._mapping(s, 0.8, "an amount in yen against the dollar")
        for cue in earlier:
            s = self.catalog.get(cue.value) if cue.kind == "instrument" else None
            if s is not None and s.asset_class == "fx" and s.tracked:
                return self._mapping(s, 0.7, f"exchange rate; currency from context ({cue.text!r})")
        return None

    def _from_cue(self, c: Claim, cue: Cue, in_sent: list[Cue], earlier: list[Cue], first_bank: str | None,
                  prenominal: bool) -> Mapping | None:
        if cue.kind == "instrument":
            s = self.catalog.get(cue.value)
            if s is None or not self._unit_ok(s, c):
                return None
            conf = 0.95 if cue in in_sent else 0.75
            if not s.tracked:
                return Mapping(None, explanation=f"{s.name}: known instrument, no data source here", instrument=s,
                               confidence=conf)
            return self._mapping(s, conf, f"named {cue.text!r}")
        if cue.kind == "tenor":
            if c.unit not in RATE_UNITS:
                return None
            tenor = int(cue.value)
            country, why = self._issuer(c, cue, in_sent, earlier)
            if country is None:
                return Mapping(None, explanation=f"'{cue.text}' without an issuer (Japanese? U.S.?)",
                               candidates=[s.id for s in self.catalog if s.tenor == tenor])
            s = self.catalog.yield_series(country, tenor)
            if s is None:
                return Mapping(None, explanation=f"no {country} {tenor}-year yield in the catalog")
            conf = 0.95 if why.startswith("in the sentence") else 0.85
            return self._mapping(s, conf, f"tenor {cue.text!r}, issuer {why}")
        if cue.kind in ("bank", "policy", "rates"):
            if c.unit not in RATE_UNITS:
                return None
            bank = cue.value if cue.kind == "bank" else None
            if bank is None:
                banks = [b for b in in_sent if b.kind == "bank"]
                # plain "rates" is anyone's; "the policy rate" is the document's central bank
                bank = banks[0].value if banks else (first_bank if cue.kind == "policy" else None)
            if bank is None:
                return None
            return self._policy(c, bank, cue)
        return None  # an issuer alone waits for a tenor; "the index" waits for the carry

    def _issuer(self, c: Claim, tenor_cue: Cue, in_sent: list[Cue], earlier: list[Cue]) -> tuple[str | None, str]:
        near = sorted((cue for cue in in_sent if self._country_of(cue)),
                      key=lambda cue: abs(cue.start - tenor_cue.start))
        for cue in near:
            country = self._country_of(cue)
            if country:
                return country, f"in the sentence ({cue.text!r})"
        for cue in earlier:  # nearest first
            country = self._country_of(cue)
            if country:
                return country, f"from context ({cue.text!r})"
        return None, ""

    def _country_of(self, cue: Cue) -> str | None:
        if cue.kind in ("family", "country", "bank"):
            return cue.value
        if cue.kind == "instrument":
            # an index or a bond names its market ("the Nikkei": Japan, "Bund": Germany);
            # a currency pair does not ("the dollar" is in every market)
            s = self.catalog.get(cue.value)
            if s is not None and s.asset_class in ("index", "yield") and len(s.country) == 2 and s.country != "XA":
                return s.country
        return None

    def _policy(self, c: Claim, bank: str, cue: Cue) -> Mapping | None:
        central_bank = self.catalog.markets.bank(bank)
        s = self.catalog.get(central_bank.policy_series) if central_bank else None
        if s is None:
            return None
        return self._mapping(s, 0.9, f"policy-rate words ({cue.text!r}) with the {central_bank.name}")

    def _spread(self, c: Claim, in_sent: list[Cue], earlier: list[Cue]) -> Mapping:
        """A gap between two markets: the tenor and the two issuers named in the sentence,
        or, when it names fewer ("The gap is still 200 bp"), in the sentence just before."""
        sent_tenors = [cue for cue in in_sent if cue.kind == "tenor"]
        sent_countries = list(dict.fromkeys(k for k in map(self._country_of, in_sent) if k))
        if len({cue.value for cue in sent_tenors}) >= 2 and len(sent_countries) <= 1:
            # "30s now 155bp over 10s": two maturities of one market, the market named here or last
            country = sent_countries[0] if sent_countries else next(
                (k for k in map(self._country_of, sorted(earlier, key=lambda cue: -cue.start)) if k), None)
            curve = self._curve(c, country, sent_tenors) if country else None
            if curve is not None:
                return curve
        pool = in_sent
        if sum(1 for cue in in_sent if self._country_of(cue)) < 2 or not any(cue.kind == "tenor" for cue in in_sent):
            nearby = [cue for cue in earlier if c.sentence_start - cue.start <= 300]
            pool = sorted(nearby, key=lambda cue: cue.start) + in_sent
        tenors = [cue for cue in pool if cue.kind == "tenor"]
        countries: list[str] = []
        for cue in sorted(pool, key=lambda cue: cue.start):
            country = self._country_of(cue)
            if country and country not in countries:
                countries.append(country)
        if len(countries) == 1:
            curve = self._curve(c, countries[0], tenors)
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

    def _curve(self, c: Claim, country: str, tenors: list[Cue]) -> Mapping | None:
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

    # -- helpers -------------------------------------------------------------------------
    @staticmethod
    def _unit_ok(s: Series, c: Claim) -> bool:
        if c.kind == Kind.CHANGE and c.unit == Unit.PERCENT:
            return True  # a relative change fits any series
        return c.unit in UNITS_FOR.get(s.asset_class, set())

    def _mapping(self, s: Series, confidence: float, why: str) -> Mapping:
        return Mapping(s.id, s.name, confidence, why)

    def checked(self, c: Claim, m: Mapping) -> Mapping:
        """A level outside the series' plausible range is a misread, not a claim about it
        ("a 10-year yield of 240%")."""
        s = self.catalog.get(m.series_id) if m.series_id and not m.spread else None
        if s is None or c.kind != Kind.LEVEL or c.unit != s.unit:
            return m
        lo, hi = s.value_range
        if not (lo <= c.value <= hi):
            return Mapping(None, explanation=f"{c.text.strip()} is outside the plausible range of {s.name} "
                                             f"({lo:g} to {hi:g}): a misread or another quantity",
                           candidates=[s.id])
        return m
