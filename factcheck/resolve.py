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
from dataclasses import replace
from collections import Counter

from claims import MARKET_UNITS, RATE_UNITS, Claim, Cue, Kind, Unit
from claims.lexicon import CHANGE_VERBS

from .catalog import Catalog, Series
from .mapping import Mapping
from .markets_read import MarketReader

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
NON_MARKET_RIGHT = re.compile(r"^\s*(?P<noun>of (?!the (?:index|benchmark|yield)\b)(?!its (?:value|worth)\b)[a-z]+|tariffs?|stake|"
                              r"(?:probability|chance|odds|likelihood|risk|majority|share|stake|turnout)\b)", re.I)
PRICED_UNITS = (Unit.FX, Unit.POINTS)
# between a figure and the market it is the figure of: nothing ("a 2.37% 10-year yield") or
# "for (the)" ("4.43% against 1.07% for the 10-year JGB")
FIGURE_FOR = re.compile(r"\s{0,2}|\s+for\s+(?:the\s+)?", re.I)  # the units a bare number can take from an instrument
BANK_PRONOUN = re.compile(r"\b(?:they|it|the bank|the central bank|policymakers|the board)\b", re.I)
# a subject that points back to what the text was about ("it", "the index", "the yield")
REFERS_BACK = re.compile(r"\b(?:it|it's|its|they|they're|their|the (?:index|benchmark|gauge|average|yield|pair|currency|"
                         r"rate|market|unit))\b", re.I)
NEW_CLAUSE = re.compile(r"(?:\band|\bthen|\bbut|\bbefore|\bafter|\bwhile|,)\s+(?P<words>(?:[a-z]+\s+){0,2}[a-z]+)")
# verbs that give the number a clause of its own after a non-market noun
OWN_CLAUSE_VERBS = CHANGE_VERBS | {"ended", "closed", "finished", "settled", "stood", "traded", "hit", "touched"}
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


# weekday abbreviations of threads and desk notes ("Tue's +3.1%", "Fri's close"): a day, not a name
WEEKDAY_SHORTHAND = frozenset({"Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri"})


def unknown_name(c: Claim, text: str) -> str | None:
    """A capitalised name in the claim's own clause that is no cue ("Toyota shares jumped
    4.1%", "SoftBank Group fell 2%"): the number is about that, not the previous series."""
    left = text[c.sentence_start:c.start]
    clause_start = _clause_start(left)
    clause = left[clause_start:]
    months = {m for m in calendar.month_name if m} | {d for d in calendar.day_name} | WEEKDAY_SHORTHAND
    covered = [(cue.start - c.sentence_start - clause_start, cue.end - c.sentence_start - clause_start)
               for cue in c.cues]
    first = re.match(r"\s*", clause).end()
    for m in re.finditer(r"\b[A-Z][A-Za-z&.'-]+(?:\s+[A-Z][A-Za-z&.'-]+)*", clause):
        word = m.group(0)
        head = re.sub(r"['’]s$", "", word.split()[0]).rstrip(".")  # "Tue's", "Fri." name a day
        if word.split()[0] in SKIP_CAPS or word in months or head in months:
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
        if any(a <= at and at + len(m.group("noun")) <= b for a, b in named):  # "Nikkei futures" stay futures
            continue
        if m.re is not NON_MARKET_RIGHT and _named_after(c, text, at + len(m.group("noun"))):
            continue
        return m.group("noun")
    return None


def _named_after(c: Claim, text: str, pos: int) -> bool:
    """Between a non-market noun and the number, an instrument is named or a verb starts a
    clause of its own: "even odds on a BoJ hike to 0.75%", "the sales data and ended the
    week at 148.13" are about the BoJ's rate and the pair, not the odds or the sales."""
    if any(pos <= cue.start < c.start and cue.kind in ("instrument", "bank", "tenor", "benchmark") for cue in c.cues):
        return True
    for m in NEW_CLAUSE.finditer(text[pos:c.start].lower()):
        if any(w in OWN_CLAUSE_VERBS for w in m.group("words").split()):
            return True
    return False


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


def asked_about(c: Claim, text: str, earlier: list[Cue]) -> list[Cue]:
    """The cues of a question just before the claim's sentence ("Does the Bank of Japan
    step in?"), when the claim's sentence names nothing: its answer is about that."""
    if any(c.sentence_start <= cue.start < c.sentence_start + len(c.sentence) and cue.kind != "country"
           for cue in c.cues):
        return []
    mark = text.rfind("?", max(0, c.sentence_start - 300), c.sentence_start)
    if mark < 0:
        return []
    begin = max(text.rfind(x, 0, mark) for x in ".!?\n") + 1
    return [cue for cue in earlier if begin <= cue.start < mark]


def unit_ok(s: Series, c: Claim) -> bool:
    if c.unit == Unit.FX and s.price_currency == Unit.JPY and "yen" in c.text.lower():
        return True  # "JGB futures fell 0.5 yen": a yen move of a contract priced in yen
    if c.implied_unit and s.unit in PRICED_UNITS and c.unit in PRICED_UNITS:
        return True  # "at 164" next to "Wall Street" and "dollar-yen": either may be meant
    if c.kind == Kind.CHANGE and c.unit == Unit.PERCENT:
        return True  # a relative change fits any series
    if c.kind == Kind.CHANGE and c.unit == Unit.POINTS and s.unit == Unit.PERCENT:
        return True  # "the yield rose 0.2 points": percentage points (orient converts)
    return c.unit in UNITS_FOR.get(s.asset_class, set())


def first_bank_named(claims: list[Claim]) -> str | None:
    first = None
    for c in claims:
        for cue in c.cues:
            if cue.kind == "bank" and (first is None or cue.start < first.start):
                first = cue
    return first.value if first else None


CONTRAST_CLAUSE = re.compile(r",\s*(?:while|whereas|but)\b", re.I)


def later_clause(c: Claim, cue: Cue) -> bool:
    """A market named after the number, past a semicolon, a line end or a contrasting
    clause (", while", ", but"), heads the next item: in "JGB 5s 1.45%, 30s 3.35%; UST 10s
    at 4.1" the 30s are JGBs, and in "UST 10s 4.71% and 2s 4.37%, but JGB 10s stuck at 2.78%"
    the 2s are Treasuries."""
    lo, hi = c.end - c.sentence_start, cue.start - c.sentence_start
    if not 0 <= lo < hi:
        return False
    between = c.sentence[lo:hi]
    return any(ch in between for ch in ";\n") or CONTRAST_CLAUSE.search(between) is not None


def heads_own_item(c: Claim, cue: Cue, tenor_cue: Cue, in_sent: list[Cue]) -> bool:
    """A market named after the number with a maturity of its own right behind it heads the
    next item of a list ("10y 4.12%, jgb 10y 1.75%": the first 10y is not a JGB)."""
    return cue.start >= c.end and any(t.kind == tenor_cue.kind and t is not tenor_cue and 0 <= t.start - cue.end <= 3
                                      for t in in_sent)


PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def remember_issuer(named: Counter, catalog: Catalog, m: Mapping) -> None:
    """Count the issuer of a yield just mapped (for :func:`main_issuer`)."""
    s = catalog.get(m.series_id) if m.series_id and not m.spread else None
    if s is not None and s.tenor and s.asset_class == "yield":
        named[s.country] += 1


def main_issuer(named: Counter, text: str, cue: Cue, c: Claim) -> str | None:
    """The issuer whose yields the piece has quoted most, when the nearest market named
    before a bare maturity is in an earlier paragraph: "the 30-year" in a closing paragraph
    of a piece about JGBs is the JGB, not the Treasuries of the paragraph before. Within a
    paragraph the nearest market still wins ("US Treasuries rallied. The 10-year yield
    fell 5 bp")."""
    if not named or not PARAGRAPH_BREAK.search(text, cue.end, max(cue.end, c.sentence_start)):
        return None
    return named.most_common(1)[0][0]


def inverse_mapping(catalog: Catalog, c: Claim) -> Mapping | None:
    """"1 yen reached US$0.0069": the pair quoted in that currency per dollar (USD/JPY),
    which the verifier checks at the inverse of the stated price."""
    if c.unit != Unit.USD:
        return None
    for s in catalog:
        if s.asset_class == "fx" and s.price_currency is None and c.per_one in {
                q.lower().removeprefix("the ") for q in s.quote_currency_aliases}:
            if not s.tracked:
                return Mapping(None, explanation=f"{s.name}: known instrument, no data source here", instrument=s)
            return Mapping(s.id, s.name, 0.85, f"one {c.per_one} priced in dollars: the inverse of {s.id}")
    return None


class Resolver:
    """Maps claims to series. ``plausible`` (optional, see :mod:`factcheck.plausible`) is
    asked whether a level can be about a candidate series at the claim's date; a candidate
    it rules out gives way to the next instrument named."""

    def __init__(self, catalog: Catalog, plausible=None):
        self.catalog = catalog
        self.plausible = plausible
        self.markets = MarketReader(catalog)
        self.named_issuers: Counter = Counter()  # issuer -> yields of it mapped so far
        self.text = ""

    def resolve_all(self, claims: list[Claim], text: str) -> list[Mapping]:
        first_bank = first_bank_named(claims)
        self.named_issuers, self.text = Counter(), text
        out: list[Mapping] = []
        last: Mapping | None = None
        last_sentence = -10
        for c in claims:
            # a claim with no cue of its own continues the previous claim's series only
            # when that claim is in the same or the previous sentence, or, when the claim's
            # subject points back ("it lost 12.4%", "the yield has edged up"), up to three back
            reach = 3 if REFERS_BACK.search(c.sentence[:c.start - c.sentence_start]) else 1
            recent = last if c.sentence_index - last_sentence <= reach else None
            m = self.checked(c, self.resolve(c, text, recent, first_bank))
            out.append(m)
            remember_issuer(self.named_issuers, self.catalog, m)
            if (m.series_id and not m.spread) or m.instrument is not None:
                last, last_sentence = m, c.sentence_index
        return out

    # -- one claim -----------------------------------------------------------------------
    def resolve(self, c: Claim, text: str, last: Mapping | None, first_bank: str | None) -> Mapping:
        inverse = inverse_mapping(self.catalog, c) if c.per_one else None
        if inverse is not None:
            return inverse
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
        earlier = [cue for cue in c.cues if cue.start < c.sentence_start]
        if c.kind == Kind.SPREAD:
            return self.markets.spread(c, in_sent, earlier)
        ruled_out: tuple[Mapping, str] | None = None
        for m in self._candidates(c, text, in_sent, earlier, first_bank):
            why = self._implausible(c, m)
            if why is None:
                return m
            ruled_out = ruled_out or (m, why)
        named = unknown_name(c, text)
        if named:
            return Mapping(None, explanation=f"about {named!r}, which is not a series in the catalog")
        m = self._continued(c, last)
        if m is not None and self._implausible(c, m) is None:
            return m
        if ruled_out is None:
            return Mapping(None, explanation="no instrument named near the number")
        m, why = ruled_out
        if self.plausible.speaks_of_another_time(c):
            return m  # no other instrument named, and the figure may be about another era
        return Mapping(None, explanation=why, candidates=[m.series_id])

    def _candidates(self, c: Claim, text: str, in_sent: list[Cue], earlier: list[Cue], first_bank: str | None):
        """The mappings the words around the claim suggest, strongest first."""
        before = [cue for cue in in_sent if cue.end <= c.start]
        after = [cue for cue in in_sent if cue.start >= c.end]
        # "a 2.37% 10-year yield": the name right after the number, with nothing between
        prenominal = bool(after) and FIGURE_FOR.fullmatch(text, c.end, after[0].start) is not None
        ordered = (after[:3] + before) if prenominal else (before + after)
        for cue in ordered:
            m = self._from_cue(c, cue, in_sent, earlier, first_bank, prenominal)
            if m is not None:
                yield m
        if c.unit == Unit.FX:
            m = self._fx_from_context(c, earlier)
            if m is not None:
                yield m
        asked = asked_about(c, text, earlier)
        if c.implied_unit or asked:  # named by an earlier sentence ("And the BoJ? They're at half a percent")
            for cue in asked or earlier[:6]:
                m = self._from_cue(c, cue, [], earlier, first_bank, False)
                if m is not None and m.series_id is not None:
                    yield m
                    break

    def _continued(self, c: Claim, last: Mapping | None) -> Mapping | None:
        """A claim with no instrument of its own continues the previous claim's series."""
        if last is None or not (last.series_id or last.instrument):
            return None
        s = self.catalog.get(last.series_id) if last.series_id else last.instrument
        if s is None or not unit_ok(s, c):
            return None
        if last.series_id is None:
            return Mapping(None, explanation=f"continues {s.name}, which has no data source here",
                           instrument=s, confidence=0.7)
        return self._mapping(s, 0.7, f"no instrument named in the sentence; continues {s.id} from the previous claim")

    def _implausible(self, c: Claim, m: Mapping) -> str | None:
        """Why the level ``c`` cannot be about the series ``m`` maps it to (the plausibility
        hook's answer), or ``None``."""
        if self.plausible is None or m.series_id is None or m.spread or c.kind != Kind.LEVEL or m.by_tenor:
            return None  # a maturity and its issuer name a yield: other issuers are readings of the verdict
        if c.unit == Unit.POINTS and not c.implied_unit:
            return None  # "was 3,836.48 points": points written out may be a move's size
        s = self.catalog.get(m.series_id)
        if s is None or (c.unit != s.unit and not (c.implied_unit and s.unit in PRICED_UNITS)):
            return None
        if not s.value_range[0] <= c.value <= s.value_range[1]:
            return None  # never possible: a misread, which `checked` reports
        return self.plausible.far_from(s, c)

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
            return self._from_instrument(c, cue, in_sent)
        if cue.kind in ("tenor", "benchmark"):
            return self._from_tenor(c, cue, in_sent, earlier)
        if cue.kind in ("bank", "policy", "rates"):
            return self._from_policy_words(c, cue, in_sent, earlier, first_bank)
        return None  # an issuer alone waits for a tenor; "the index" waits for the carry

    def _from_instrument(self, c: Claim, cue: Cue, in_sent: list[Cue]) -> Mapping | None:
        s = self.catalog.get(cue.value)
        if s is not None and implied_misfit(c, s):
            return None  # a bare number takes the unit of the instrument it is about; this one's does not fit
        if s is not None and c.unit == Unit.FX and s.crosses:
            # "the euro stood at 184.23 yen": the euro priced in yen is EUR/JPY
            word = next((w for w, _ in s.crosses if w in c.text.lower()), None)
            s = self.catalog.get(s.cross(word)) if word else s
        if s is None or not unit_ok(s, c):
            return None
        conf = 0.95 if cue in in_sent else 0.75
        if not s.tracked:
            return Mapping(None, explanation=f"{s.name}: known instrument, no data source here", instrument=s,
                           confidence=conf)
        return self._mapping(s, conf, f"named {cue.text!r}")

    def _from_tenor(self, c: Claim, cue: Cue, in_sent: list[Cue], earlier: list[Cue]) -> Mapping | None:
        """A maturity ("10-year", "10s", "the benchmark bond") and its issuer name a yield."""
        if c.unit not in RATE_UNITS and not (c.unit == Unit.POINTS and c.kind == Kind.CHANGE):
            return None
        country, tenor = (cue.value.split(":") if cue.kind == "benchmark" else ("", cue.value))
        tenor = int(tenor)
        why = f"in the sentence ({cue.text!r})" if country else ""
        if not country:
            country, why = self._issuer(c, cue, in_sent, earlier)
        if country is None:
            return Mapping(None, explanation=f"'{cue.text}' without an issuer (Japanese? U.S.?)",
                           candidates=[s.id for s in self.catalog if s.tenor == tenor])
        s = self.catalog.yield_series(country, tenor)
        if s is None:
            return Mapping(None, explanation=f"no {country} {tenor}-year yield in the catalog")
        conf = 0.95 if why.startswith("in the sentence") else 0.85
        return replace(self._mapping(s, conf, f"tenor {cue.text!r}, issuer {why}"), by_tenor=True)

    def _from_policy_words(self, c: Claim, cue: Cue, in_sent: list[Cue], earlier: list[Cue],
                           first_bank: str | None) -> Mapping | None:
        """A central bank, policy words ("the policy rate": the document's bank) or "rates"
        with a bank or a country named in the sentence ("U.S. rates at 5.25%-5.5%")."""
        if c.unit not in RATE_UNITS:
            return None
        bank = cue.value if cue.kind == "bank" else None
        if bank is None:
            banks = [b for b in in_sent if b.kind == "bank"]
            bank = banks[0].value if banks else (first_bank if cue.kind == "policy" else None)
        bank = bank or self.markets.context_bank(c, cue, self.named_issuers, in_sent + earlier)
        if bank is None and cue.kind == "rates" and c.event and BANK_PRONOUN.search(c.sentence[:c.start - c.sentence_start]):
            # "They raised rates to 0.25% in June": the bank just named decided it
            near = [k for k in earlier if k.kind == "bank" and c.sentence_start - k.start <= 300]
            bank = near[0].value if near else None
        if bank is None and cue.kind == "rates" and (c.kind == Kind.LEVEL or c.range_high is not None):
            # "U.S. rates at 5.25%-5.5% compared to Japan's 0%-0.1%": the country named
            # nearest before the figure, whose central bank sets the rate
            countries = [k for k in in_sent if k.kind == "country" and k.end <= c.start and self.catalog.markets.bank(k.value)]
            bank = max(countries, key=lambda k: k.start).value if countries else None
        if bank is None:
            return None
        return self._policy(c, bank, cue)

    def _issuer(self, c: Claim, tenor_cue: Cue, in_sent: list[Cue], earlier: list[Cue]) -> tuple[str | None, str]:
        """The issuer of a maturity: a market named between the maturity and the number (a
        list: "Japan's 30yr +92bps, Germany's +74bps, US +12bps"), else the one named
        nearest the maturity in the sentence, else the latest named before it."""
        listed = [cue for cue in in_sent if tenor_cue.end <= cue.start and cue.end <= c.start
                  and cue.kind in ("country", "family") and c.start - cue.end <= 12]
        if listed:
            cue = max(listed, key=lambda k: k.start)
            return self.markets.country_of(cue), f"in the sentence ({cue.text!r})"
        near = sorted((cue for cue in in_sent if self.markets.country_of(cue) and not heads_own_item(c, cue, tenor_cue,
                                                                                                   in_sent)),
                      key=lambda cue: (later_clause(c, cue), abs(cue.start - tenor_cue.start)))
        for cue in near:
            country = self.markets.country_of(cue)
            if country:
                return country, f"in the sentence ({cue.text!r})"
        for cue in earlier:  # nearest first
            country = self.markets.country_of(cue)
            if country:
                main = main_issuer(self.named_issuers, self.text, cue, c)
                if main is not None and main != country:
                    return main, "the market the piece quotes most"
                return country, f"from context ({cue.text!r})"
        return None, ""

    def _policy(self, c: Claim, bank: str, cue: Cue) -> Mapping | None:
        central_bank = self.catalog.markets.bank(bank)
        s = self.catalog.get(central_bank.policy_series) if central_bank else None
        if s is None:
            return None
        return self._mapping(s, 0.9, f"policy-rate words ({cue.text!r}) with the {central_bank.name}")

    # -- helpers -------------------------------------------------------------------------
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


def implied_misfit(c: Claim, s: Series) -> bool:
    """Whether a unit ``c`` took from the words around it rules out the series ``s``: a
    bare number takes the unit of the instrument it is about, and a priced level must lie
    in its range."""
    if not c.implied_unit or s.unit == c.unit:
        return False
    return not (s.unit in PRICED_UNITS and c.unit in PRICED_UNITS and s.value_range[0] <= c.value <= s.value_range[1])
