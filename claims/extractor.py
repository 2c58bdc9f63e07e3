"""Turn a document into :class:`~claims.model.Claim` objects.

The work is done per sentence and reads only the text: numbers and units
(:mod:`claims.numbers`), time phrases (:mod:`claims.timeref`), the commentary vocabulary
(:mod:`claims.lexicon`) and the instrument vocabulary the caller hands in. Every decision
is a named rule of :mod:`claims.rules` (which numbers are claims, their kind, modality,
qualifiers, and dates); the claim records the rules that made it in ``Claim.trace``.
"""
from __future__ import annotations

import bisect
import re
import weakref
from dataclasses import dataclass, replace
from datetime import date

from . import lexicon as L
from .casefold import lowered
from .context import Document
from .features import Features
from .model import Claim, Cue, Vocabulary
from .numbers import Quantity, find_quantities
from .ranges import merge_ranges
from .rules import first, qualifiers
from .rules.kinds import decide_kind
from .rules.modality import MODALITY
from .rules.nonclaims import BY_UNIT as NON_CLAIMS_BY_UNIT
from .rules.nonclaims import skipped_sentence
from .timebind import attach_times
from .dateline import find_dateline
from .timeref import find_time_phrases
from .units import CURRENCIES
from .values import Kind
from .regexgate import gate_patterns

CURRENCY_UNITS = frozenset(c.unit for c in CURRENCIES)

FIGURE_BEFORE = re.compile(r"\d\s?$")
# "JGB 10 years yield", "the 30 years bond": a maturity written as years (not "in 30 years")
BOND_AFTER_YEARS = re.compile(r"\s+(?:yields?|bonds?|jgbs?|treasury|treasuries|notes?|government|gilts?|bunds?|paper|"
                              r"maturity|tenor|sector|is\s+(?:slightly\s+)?(?:up|down|at|higher|lower))\b")
# "down from its prior range of 3.75% to 4%": the level before a move, named by a noun
FROM_LEVEL_BEFORE = re.compile(r"\bfrom\s+(?:its|the|a|an|their)\s+(?:[a-z-]+\s+){0,2}(?:range|level|rate|target|"
                               r"reading|close|peak|high|low)\s+(?:of\s+)?(?:around\s+|about\s+)?$", re.I)


FROM_RANGE = re.compile(r"\bfrom (?:a|the|its) (?:target )?(?:range|band) of\s*$", re.I)  # "to 0.25% from a range of 0 to 0.1%"


def tenor_cues(text: str) -> list[Cue]:
    """Maturities ("10-year", "ten-year", "10s", "2y"): language, not markets."""
    out = []
    low = lowered(text)
    for m in L.TENOR.finditer(low):
        if m.group(0).endswith(" years") and not BOND_AFTER_YEARS.match(low, m.end()):
            continue  # "the highest in 30 years": a duration; a maturity is "30-year", "30 year", "30s"
        n = m.group("n")
        years = int(n) if n.isdigit() else L.TENOR_WORDS.get(n)
        if years:
            out.append(Cue("tenor", str(years), text[m.start():m.end()], m.start(), m.end()))
    return out


# "1 yen reached US$0.0069", "one yuan buys 0.14 dollars": an inverse quote
PER_ONE_BEFORE = re.compile(r"\b(?:1|one|a|each)\s+(?P<cur>yen|yuan|won|rupees?|euros?|pounds?|francs?)\s+(?:\w+\s+){0,2}?"
                            r"(?:reached|hit|was|is|equals?|=|bought|buys|fetched|fetches|traded at|stood at|was worth|"
                            r"is worth|rose to|fell to|at)\s+(?:about\s+|around\s+|roughly\s+)?$", re.I)


def per_one(f: Features) -> str | None:
    """The currency one unit of which the amount prices ("1 yen reached US$0.0069": yen)."""
    if f.unit not in CURRENCY_UNITS:
        return None
    m = PER_ONE_BEFORE.search(f.left)
    return m.group("cur").lower().rstrip("s") if m else None


def read_claim(f: Features) -> Claim | None:
    """The claim one number makes, or ``None`` (with the reason in the document's
    ``rejected`` list) when it makes none."""
    q, sent = f.q, f.sent
    rule = first(NON_CLAIMS_BY_UNIT[q.unit], f)
    if rule is not None:
        f.doc.rejected.append((q.start, q.end, rule.name))
        return None
    kind, direction, kind_rule = decide_kind(f)
    if direction is None:
        direction = f.comparative or f.word_direction
    value = -q.value if kind is Kind.CHANGE and direction < 0 and q.value > 0 else q.value
    subject = f.subject
    claim = Claim(
        start=q.start, end=q.end, text=f.text[q.start:q.end], value=value, unit=f.unit, kind=kind,
        sentence=sent.text.strip(), sentence_start=sent.start, sentence_index=sent.index, decimals=q.decimals,
        precision=q.precision, implied_unit=f.unit is not q.unit, per_one=per_one(f), hedge=f.hedge, threshold=f.threshold, extreme=f.extreme, intraday=f.intraday,
        direction=direction, subject=subject.text if subject else None, subject_quote=bool(subject and subject.quote),
        event=f.event, from_level=f.prev_word == "from" or bool(FROM_RANGE.search(f.left[-30:]))
        or bool(FROM_LEVEL_BEFORE.search(f.left)),
        from_record=kind_rule == "below_record",
        paragraph=sent.paragraph, mention=f.mention, cues=f.context_cues)
    claim.trace["kind"] = kind_rule
    if q.range and not (q.fuzzy and f.threshold):  # "above the mid-156-yen level": the line, not a range
        claim.range_low, claim.range_high = q.range
        claim.quoted_range = q.range if q.quoted_range else None
    modality = first(MODALITY, f)
    if modality is not None:
        claim.checkable, claim.modality = False, modality.produces
        claim.trace["modality"] = modality.name
    return claim


@dataclass(frozen=True)
class Reading:
    """What reading a document owes nothing to its reference date: its sentences and cues,
    its numbers and the claims they make before any time phrase or qualifier is attached
    (the claims are templates, copied for each run and never changed), the numbers that
    make none, and its dateline."""

    doc: Document
    claims: tuple[Claim, ...]
    by_sentence: dict[int, tuple[int, ...]]  # sentence index -> positions in ``claims``
    rejected: tuple[tuple[int, int, str], ...]
    dateline_date: date | None
    dateline_span: tuple[int, int] | None


def _fresh(template: Claim) -> Claim:
    """A copy of a template claim whose lists and trace can be changed freely."""
    c = object.__new__(Claim)
    c.__dict__.update(template.__dict__)
    c.qualifiers, c.trace, c.cues = list(template.qualifiers), dict(template.trace), list(template.cues)
    return c


EXTRACTORS: "weakref.WeakSet[Extractor]" = weakref.WeakSet()  # every live extractor (claims.clear_caches)


class Extractor:
    """Holds only the vocabulary and its last reading; everything about one run travels in
    a :class:`~claims.context.Document`, so one extractor serves many threads at once.

    The reading of the last text is kept (:class:`Reading`): a check without a date reads
    a text twice, once to infer its date and once with it, and only the time phrases, the
    qualifiers and the dating depend on that date."""

    def __init__(self, vocabulary: Vocabulary | None = None):
        self.vocabulary = vocabulary or Vocabulary()
        self._last: tuple[str, tuple, Reading] | None = None
        EXTRACTORS.add(self)

    def forget(self) -> None:
        """Drop the kept reading (see :func:`claims.clear_caches`)."""
        self._last = None

    def cues(self, text: str) -> list[Cue]:
        # "0.5 yen", "156 Yen": a currency word after a figure is its unit, not a name
        # (a match of FIGURE_BEFORE is at most two characters before a line end at most one
        # from the cue: read from three before it, not from the top of the text per cue)
        named = [c for c in self.vocabulary.find(text)
                 if not (c.quote and FIGURE_BEFORE.search(text, max(0, c.start - 3), c.start))]
        return named + tenor_cues(text)

    def run(self, text: str, sentence_spans: list[tuple[int, int]], reference_date: date | None,
            rejected: list[tuple[int, int, str]] | None = None) -> list[Claim]:
        """The claims of ``text``; ``rejected`` (if given) receives ``(start, end, rule)`` for
        every number that is not a claim."""
        if not sentence_spans:
            return []
        reading = self.read(text, sentence_spans)
        ref = reference_date or reading.dateline_date
        doc = replace(reading.doc, reference=ref, claims_by_sentence={},
                      rejected=rejected if rejected is not None else [])
        doc.rejected.extend(reading.rejected)
        claims = [_fresh(c) for c in reading.claims]
        for i, positions in reading.by_sentence.items():
            doc.claims_by_sentence[i] = [claims[k] for k in positions]
        phrases = find_time_phrases(doc.text, ref)
        if reading.dateline_span:  # the dateline's date is the reference, not a phrase
            a, b = reading.dateline_span
            phrases = [p for p in phrases if not a <= p.start < b]
        for i, in_sentence in doc.claims_by_sentence.items():
            qualifiers.attach(doc.sentences[i], in_sentence, ref)
        attach_times(doc, claims, phrases)
        for c in claims:  # literals as written, line breaks included
            c.text = doc.raw[c.start:c.end]
        return claims

    def read(self, text: str, sentence_spans: list[tuple[int, int]]) -> Reading:
        """The reading of ``text`` (kept for the last text read)."""
        key = tuple(sentence_spans)
        last = self._last
        if last is not None and last[0] == text and last[1] == key:
            return last[2]
        dateline_date, dateline_span = find_dateline(text)
        doc = Document.read(text, sentence_spans, None, self.cues)
        quantities = find_quantities(doc.text)
        if dateline_span:  # the dateline's date is the reference, not a claim
            a, b = dateline_span
            quantities = [q for q in quantities if not a <= q.start < b]
        quantities = merge_ranges(doc.text, quantities)
        claims = self._claims(doc, quantities)
        where = {id(c): k for k, c in enumerate(claims)}
        by_sentence = {i: tuple(where[id(c)] for c in in_sentence) for i, in_sentence in doc.claims_by_sentence.items()}
        reading = Reading(doc, tuple(claims), by_sentence, tuple(doc.rejected), dateline_date, dateline_span)
        self._last = (text, key, reading)
        return reading

    @staticmethod
    def _claims(doc: Document, quantities: list[Quantity]) -> list[Claim]:
        by_sentence: dict[int, list[Quantity]] = {}
        starts = [s.start for s in doc.sentences]
        for q in quantities:
            i = bisect.bisect_right(starts, q.start) - 1
            if i >= 0 and q.start < doc.sentences[i].end:
                by_sentence.setdefault(i, []).append(q)
        claims: list[Claim] = []
        for i in sorted(by_sentence):
            sent, qs = doc.sentences[i], by_sentence[i]
            skip = skipped_sentence(doc, sent, len(qs))
            if skip is not None:
                doc.rejected.extend((q.start, q.end, skip.name) for q in qs)
                continue
            for q in qs:
                claim = read_claim(Features(doc, sent, q, claims))
                if claim is not None:
                    claims.append(claim)
                    doc.claims_by_sentence.setdefault(i, []).append(claim)
        return claims


gate_patterns(globals())  # every pattern above behind its literal pre-check (claims.regexgate)
