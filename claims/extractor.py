"""Turn a document into :class:`~claims.model.Claim` objects.

The work is done per sentence (sentences come from the spaCy pipeline) and reads only the
text: numbers and units (:mod:`claims.numbers`), time phrases (:mod:`claims.timeref`),
the commentary vocabulary (:mod:`claims.lexicon`) and the instrument vocabulary the caller
hands in. Each decision is a small rule over the words around the number; the rules are
written for market commentary in general, never for one document.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date, timedelta

from . import lexicon as L
from .casefold import lowered
from .context import Document, Sentence, paragraph_of
from .model import Claim, Cue, TimeRef, Vocabulary
from .units import DAILY_MOVE_UNITS, MARKET_UNITS, Unit
from .values import DateBasis, Kind, Modality, Qualifier, QualifierKind, Side, Threshold
from .numbers import Quantity, find_quantities
from .timeref import find_dateline, find_time_phrases

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*%?|[;:—–]")
RELATIVE_PRONOUN = re.compile(r"\b(?:that|which|who|whose|when|where)\b", re.I)
SHORT_LINK = re.compile(r"^[\s,]*(?:to|at|or|and|up|down|from|,)?[\s,]*(?:a |an )?(?:record |fresh |range of |band of )?$", re.I)
# where a verb stops governing the number after it: punctuation or a preposition of level
VERB_OBJECT_CUT = re.compile(r"[,;:(]\s|\s[-—–]\s|\b(?:to|at|from|of|near|around|toward|towards|above|below|under|over|past|through|beyond)\b", re.I)
# a basis-point figure "over" another maturity or market is a spread between the two
SPREAD_AFTER = re.compile(
    r"\s*(?:over|above|below|under)\s+(?:the\s+)?(?:U\.?S\.?\s+|US\s+|Japanese\s+|German\s+|British\s+)?"
    r"(?:\d{1,2}(?:s|y|yr)\b|(?:\d{1,2}|two|five|ten|thirty)-year\b|Treasur|Bunds?\b|JGBs?\b|[Gg]ilts?\b|[Tt]-notes?\b)")
LEVEL_NOUN_AFTER = re.compile(r"\s*(?:-point\s+)?(?:mark|level|line|threshold|barrier|handle|milestone)\b", re.I)
ARTICLE_AT_END = re.compile(r"\b(?:the|a)\s+$", re.I)
SIGNED_ASIDE = re.compile(r"\d[^\s(]*\s*\($")  # "158.10 (" before a signed move
COMPARED_WITH = re.compile(r"\bthan\b|\bcompared (?:with|to)\b", re.I)
APPOSITIVE = re.compile(r",\s+(?:its|their|the|a|an)\s", re.I)
FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)
BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.I)
# a policy range is quoted by its bounds and checked by its upper bound: "a range of 0 to
# 0.1%", "its target range at 4.25% to 4.50%", "a 4.25%-4.50% range"
RANGE_OF_BEFORE = re.compile(r"\b(?:range|band|corridor)(?:\s+(?:of|at|from|between|to))?\s+$", re.I)
RANGE_NOUN_AFTER = re.compile(r"^\s*(?:target\s+)?(?:range|band|corridor)\b", re.I)
FROM_RECORD_AFTER = re.compile(r"^\s*(?:points?\s+)?(?:below|under|off|short of) (?:its|the|a) (?:record|all-time high|peak|high)", re.I)
MARKET_PRICING = re.compile(
    r"\b(?:markets?|futures|swaps|traders|investors|dealers|ois|economists|strategists|analysts)\s+"
    r"(?:now\s+)?(?:price|prices|priced|pricing|see|sees|expect|expects|bet|bets|"
    r"forecast|forecasts|predict|predicts|project|projects|point to|points to)\b", re.I)
MARKET_PUT = re.compile(
    r"\b(?:markets?|futures|swaps|traders|investors|dealers|ois)\s+(?:now\s+)?puts?\s+[^.;]{0,40}?"
    r"\b(?:rates?|yields?|odds|probability|chances?)\b", re.I)
CONDITIONAL = re.compile(r"\b(?:if|unless|should)\b", re.I)
SINCE_BEFORE_QUALIFIER = re.compile(r"\bsince\b[^,.;]*$|\b(?:below|under|off|short of|from|near|close to|approaching)"
                                    r"\s+(?:its|the|their)\s+$", re.I)
AFTER_EVENT = re.compile(r"\b(?:after|before|following|ahead of|until)\b", re.I)
# a figure later in the same clause that restates a spelled move ("... cut to 4%")
RESTATED_AS_FIGURE = re.compile(r"[^,.;:\n]{0,40}?\b(?:to|at)\s+(?:a\s+range\s+of\s+)?[-−]?[$¥€£]?\d")
MONTH_BEFORE = re.compile(r"\b(?:" + "|".join(L.MONTHS) + r")\.?\s*$", re.I)
INTRADAY = re.compile(r"\bintraday\b", re.I)
MAGNITUDE_WORDS = {"more than", "less than", "at least", "at most", "in excess of", "upwards of"}

QUALIFIER_PATTERNS: list[tuple[re.Pattern, str]] = [
    (re.compile(r"(?<!\bon )\b(?:a |an |another |fresh |new )?record(?P<low> low| lows)?"
                r"(?: high| highs| close| closing high| closing level| level)?\b(?! prices)(?! \$)(?! budget)", re.I), "record"),
    (re.compile(r"\ball-time (?P<hl>high|low)s?\b", re.I), "alltime"),
    (re.compile(r"\b(?P<word>highest|lowest|weakest|strongest)(?: level| close| closing level| reading| yield)?"
                r" (?P<rel>since|in) (?:the )?(?:(?P<mid>early|mid|late)[- ])?"
                r"(?:(?P<mon>January|February|March|April|May|June|July|August|September|October|"
                r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s*)?"
                r"(?P<year>(?:19|20)\d\d)?(?P<n>\d+|a|thirty|twenty|forty|fifty|ten|fifteen|eighteen|"
                r"two|three|four|five|six|seven|eight|nine|eleven|twelve)?"
                r"(?: (?P<per>years?|decades?|months?|weeks?))?\b", re.I), "since"),
    (re.compile(r"\b(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|"
                r"twenty|thirty|forty|fifty)[- ](?P<per>year|month|week) (?P<hl>high|low)s?\b", re.I), "nperiod"),
    (re.compile(r"\bmulti-?decade (?P<hl>high|low)s?\b", re.I), "multidecade"),
    (re.compile(r"\bfor the first time since (?P<year>(?:19|20)\d\d)\b", re.I), "first_since"),
    (re.compile(r"\b(?:last seen|not seen since|unseen since|not seen in)\s+(?:in\s+)?(?P<year>(?:19|20)\d\d)\b", re.I),
     "last_seen"),
    (re.compile(r"\bfor the first time(?: ever)?\b(?! since)|\b(?:only |had )?first (?:crossed|cleared|topped|broke|closed|hit|rose|went)\b", re.I), "first"),
    (re.compile(r"\bits (?:high|peak) for the year\b", re.I), "year_high"),
    # superlatives of a move: "its biggest point decline on record", "the worst day since 1987",
    # "the sharpest one-day rise in 15 years"
    (re.compile(r"\b(?P<adj>biggest|largest|steepest|sharpest|heaviest|deepest|worst|best)\s+"
                r"(?:one-day\s+|single-day\s+|daily\s+|one-session\s+)?(?P<basis>point\s+|percentage\s+)?"
                r"(?P<noun>drop|decline|fall|loss|slide|selloff|sell-off|plunge|gain|rise|rally|jump|advance|"
                r"increase|surge|session|day)s?\s+(?:(?P<record>on record|ever)|since\s+(?:(?:January|February|"
                r"March|April|May|June|July|August|September|October|November|December)\s+)?(?P<year>(?:19|20)\d\d)|"
                r"in\s+(?P<n>\d+|two|three|four|five|ten|fifteen|twenty|thirty|forty|fifty)\s+years)\b", re.I),
     "move"),
]
MOVE_DOWN = {"drop", "decline", "fall", "loss", "slide", "selloff", "sell-off", "plunge"}
MOVE_UP = {"gain", "rise", "rally", "jump", "advance", "increase", "surge"}


def _longest_first(phrases) -> tuple[str, ...]:
    return tuple(sorted(phrases, key=len, reverse=True))


# Words between a verb and its number, and what each does to the claim (first match wins).
WORDS_BEFORE_NUMBER: list[tuple[tuple[str, ...], str]] = [
    (_longest_first(L.HEDGES), "hedge"),
    (_longest_first(L.EXTREME_WORDS), "extreme"),
    (_longest_first(L.AT_LEAST), "at_least"),
    (_longest_first(L.AT_MOST), "at_most"),
    (_longest_first(L.DIRECTIONAL_THRESHOLDS), "directional"),
    (_longest_first(L.COMPARATIVES), "comparative"),
]
CLAUSE_BREAK = re.compile(r"[,;:.!?](?=\s)|\n")  # punctuation that ends a clause, not "49,683.19"
MAX_SENTENCE_CHARS = 3000  # longer "sentences" are tables, logs or noise, not commentary
MAX_CLAIMS_PER_SENTENCE = 40
QUALIFIER_TRIGGER = re.compile(r"record|all-time|seen|biggest|largest|steepest|sharpest|heaviest|deepest|worst|best|highest|lowest|weakest|strongest|(?:year|month|week) (?:high|low)|decade|first|its (?:high|peak)", re.I)


def _words(s: str) -> list[str]:
    return [w.lower().strip("'’") for w in WORD.findall(s)]


def _ends_with(left: str, phrases) -> str | None:
    """The longest of ``phrases`` (longest first, see ``_longest_first``) that ends ``left``
    as whole words."""
    low = left.lower().rstrip()
    for p in phrases:
        if low.endswith(p) and (len(low) == len(p) or not low[-len(p) - 1].isalnum()):
            return p
    return None


def _strip_tail(left: str, phrases) -> tuple[str, str | None]:
    found = _ends_with(left, phrases)
    if found:
        return left.rstrip()[: -len(found)], found
    return left, None


SIDE_OF_WORD = {"highest": Side.HIGH, "lowest": Side.LOW, "weakest": Side.WEAK, "strongest": Side.STRONG}


def _count(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else L.WORD_NUMBERS.get(word)


def _add_qualifier(target: Claim, q: Qualifier) -> None:
    if q.label not in {x.label for x in target.qualifiers}:
        target.qualifiers.append(q)


def _move_qualifier(g: dict) -> Qualifier:
    """"its biggest point decline on record", "the worst day since 1987", "the sharpest rise
    in 15 years"; the direction may come from the claim ("the biggest day since 2020")."""
    noun, adj = g["noun"].lower(), g["adj"].lower()
    side = Side.DOWN if noun in MOVE_DOWN or (noun in ("session", "day") and adj == "worst") else \
        Side.UP if noun in MOVE_UP or (noun in ("session", "day") and adj == "best") else Side.EITHER
    basis = {"point": Unit.POINTS, "percentage": Unit.PERCENT}.get((g.get("basis") or "").strip().lower())
    if g.get("record"):
        return Qualifier(QualifierKind.MOVE, side, scope="record", basis=basis)
    if g.get("year"):
        return Qualifier(QualifierKind.MOVE, side, scope="since", since=g["year"], basis=basis)
    return Qualifier(QualifierKind.MOVE, side, scope="in_years", count=_count(g["n"]), basis=basis)


def _since_qualifier(g: dict, ref: date | None) -> Qualifier | None:
    """"the highest since 1999", "the weakest since March", "the lowest in 18 months"."""
    side = SIDE_OF_WORD[g["word"].lower()]
    if g["rel"].lower() == "in":
        if g.get("year"):
            return Qualifier(QualifierKind.SINCE, side, since=g["year"])
        # "highest in 18 months", "weakest in two decades", "lowest in a year"
        n = (g.get("n") or "").lower()
        per = (g.get("per") or "").lower().rstrip("s")
        if n == "a" and not per:
            return None
        count = 1 if n == "a" else _count(n) if n else None
        if per == "decade":
            count, per = count and count * 10, "year"
        return Qualifier(QualifierKind.IN_PERIOD, side, count=count, period=per or "year") if count else None
    if g.get("mon") and g.get("year"):
        return Qualifier(QualifierKind.SINCE, side, since=f"{g['year']}-{L.MONTHS[g['mon'].lower().rstrip('.')]:02d}")
    if g.get("year"):
        return Qualifier(QualifierKind.SINCE, side, since=g["year"])
    if g.get("mon") and ref is not None:
        mon = L.MONTHS[g["mon"].lower().rstrip(".")]
        year = ref.year if mon < ref.month else ref.year - 1
        return Qualifier(QualifierKind.SINCE, side, since=f"{year}-{mon:02d}")
    return None


class Extractor:
    """Holds only the vocabulary; everything about one document travels in a
    :class:`~claims.context.Document`, so one extractor serves many threads at once."""

    def __init__(self, vocabulary: Vocabulary | None = None):
        self.vocabulary = vocabulary or Vocabulary()

    # -- entry point -------------------------------------------------------------------
    def run(self, text: str, sentence_spans: list[tuple[int, int]], reference_date: date | None) -> list[Claim]:
        if not sentence_spans:
            return []
        raw = text
        dateline_date, dateline_span = find_dateline(raw)
        ref = reference_date or dateline_date
        doc = Document.read(raw, sentence_spans, ref,
                            lambda t: self.vocabulary.find(t) + self._tenor_cues(t))
        text, sentences = doc.text, doc.sentences
        phrases = [p for p in find_time_phrases(text, ref)
                   if not (dateline_span and dateline_span[0] <= p.start < dateline_span[1])]
        session = ref.isoformat() if ref else None
        quantities = [q for q in find_quantities(text)
                      if not (dateline_span and dateline_span[0] <= q.start < dateline_span[1])]
        quantities = self._merge_ranges(text, quantities)

        claims: list[Claim] = []
        per_sentence = doc.claims_by_sentence
        sent_starts = [x.start for x in sentences]
        by_sent: dict[int, list[Quantity]] = defaultdict(list)
        for q in quantities:
            i = bisect.bisect_right(sent_starts, q.start) - 1
            if i >= 0 and q.start < sentences[i].end:
                by_sent[i].append(q)
        for i in sorted(by_sent):
            sent, qs = sentences[i], by_sent[i]
            if len(sent.text) > MAX_SENTENCE_CHARS or len(qs) > MAX_CLAIMS_PER_SENTENCE or self._is_headline(raw, sent):
                continue
            for q in qs:
                claim = self._claim(doc, q, sent, claims)
                if claim is not None:
                    claims.append(claim)
                    per_sentence.setdefault(i, []).append(claim)
        for i, in_sent in per_sentence.items():
            self._attach_qualifiers(text, sentences[i], in_sent, ref)
        self._attach_times(doc, claims, phrases, session)
        for c in claims:  # literals as written, line breaks included
            c.text = raw[c.start:c.end]
        return claims

    @staticmethod
    def _is_headline(text: str, sent: Sentence) -> bool:
        """A title line ("Four Percent", "One percent, at last"): short, on its own line,
        without a full stop. Its numbers are restated in the body if they matter."""
        body = sent.text.strip()
        if not body or body[-1] in ".!?:;\"')”’" or len(body) > 80:
            return False
        if body[0] in "-*•–—" or ":" in body:
            return False  # a bullet or a "label: value" line carries data, not a title
        line_start = text.rfind("\n", 0, sent.start) + 1
        line_end = text.find("\n", sent.start)
        line_end = len(text) if line_end < 0 else line_end
        following = text[line_end:].lstrip(" \t")
        next_starts_line = following.startswith("\n\n") or not following.strip() or \
            following.lstrip()[:1].isupper() or following.lstrip()[:1].isdigit()
        return text[line_start:line_end].strip() == body and next_starts_line

    # -- quantities --------------------------------------------------------------------
    @staticmethod
    def _merge_ranges(text: str, qs: list[Quantity]) -> list[Quantity]:
        """"between 2.3% and 2.4%", "2.3-2.4%", "150 to 155 yen" become one range quantity
        (value = midpoint); "a range of 0 to 0.1%" keeps the upper bound, the way policy
        ranges are quoted."""
        out: list[Quantity] = []
        i = 0
        while i < len(qs):
            a = qs[i]
            b = qs[i + 1] if i + 1 < len(qs) else None
            if b is not None:
                gap = text[a.end:b.start]
                unit = b.unit if a.unit in ("number", b.unit) else None
                before = text[max(0, a.start - 30):a.start]
                is_between = BETWEEN_BEFORE.search(before) and re.fullmatch(r"\s+and\s+", gap)
                # "2.3-2.4%"; two bare figures only when named a range ("a 155.20-156.80 range")
                is_dash = re.fullmatch(r"\s?[-–]\s?", gap) and (b.unit != "number" or RANGE_NOUN_AFTER.match(
                    text[b.end:b.end + 20]) or RANGE_OF_BEFORE.search(before))
                is_to = re.fullmatch(r"\s+to\s+", gap) and (RANGE_OF_BEFORE.search(before) or BETWEEN_BEFORE.search(before))
                is_and = re.fullmatch(r"\s+and\s+", gap) and RANGE_OF_BEFORE.search(before)
                # "at 150 to 155 yen": a bare number, "to", the same kind of number with its
                # unit; not a move ("from 150 to 155 yen") nor numbers far apart ("8 to 155 yen")
                is_to = is_to or (re.fullmatch(r"\s+to\s+", gap) and a.unit == "number" and b.unit != "number"
                                  and not FROM_BEFORE.search(before) and 0.5 * b.value <= a.value <= b.value)
                if unit and (is_between or is_dash or is_to or is_and):
                    # "a range of 0 to 0.1%", "target range at 4.25% to 4.50%": how policy ranges are
                    # quoted; factcheck reads such a range as its upper bound when it is a policy rate
                    quoted = bool(RANGE_OF_BEFORE.search(before) or RANGE_NOUN_AFTER.match(text[b.end:b.end + 20]))
                    merged = Quantity(a.start, b.end, round((a.value + b.value) / 2, 10),
                                      max(a.decimals, b.decimals), unit, b.scale, a.negative,
                                      range=(a.value, b.value), quoted_range=quoted)
                    out.append(merged)
                    i += 2
                    continue
            out.append(a)
            i += 1
        return out

    @staticmethod
    def _tenor_cues(text: str) -> list[Cue]:
        out = []
        for m in L.TENOR.finditer(lowered(text)):
            if m.group(0).endswith(" years"):
                continue  # "the highest in 30 years": a duration; a maturity is "30-year", "30 year", "30s"
            n = m.group("n")
            years = int(n) if n.isdigit() else L.TENOR_WORDS.get(n)
            if years:
                out.append(Cue("tenor", str(years), text[m.start():m.end()], m.start(), m.end()))
        return out

    @staticmethod
    def _is_non_claim(doc: Document, q: Quantity) -> bool:
        text = doc.text
        after = text[q.end:q.end + 25]
        before = text[max(0, q.start - 12):q.start]
        if q.unit in ("number", "fx") and L.NON_CLAIM_UNITS.match(after):
            return True
        if q.unit == "number":
            if L.NON_CLAIM_UNITS.match(after) or re.match(r"^-(?:year|month|week|day|yr)", after, re.I):
                return True
            if q.hyphen_joined or re.match(r"^[-–]\d", after):
                return True  # votes ("8-1"), compounds
            if MONTH_BEFORE.search(before):
                return True  # a day of the month
            if q.decimals == 0 and q.scale == 1 and 1800 <= q.value <= 2100 and "," not in text[q.start:q.end]:
                return True  # a year
        j = bisect.bisect_right(doc.cue_starts, q.start) - 1
        if j >= 0 and any(c.kind == "instrument" and c.start <= q.start and q.end <= c.end
                          for c in doc.cues[max(0, j - 2):j + 1]):
            return True  # "Nikkei 225", "S&P 500"
        if q.fraction and re.search(r"-points?$", text[q.start:q.end]) and RESTATED_AS_FIGURE.match(text, q.end):
            return True  # "a quarter-point cut to 4%": a compound naming the event, whose figure follows
        if q.unit in ("percent", "bp", "pp") and re.match(r"^-(?:year|month)", after):
            return True
        return False

    # -- one claim ---------------------------------------------------------------------
    def _claim(self, doc: Document, q: Quantity, sent: Sentence, previous: list[Claim]) -> Claim | None:
        if self._is_non_claim(doc, q):
            return None
        text = doc.text
        rel = q.start - sent.start
        left = sent.text[:rel]
        right = sent.text[q.end - sent.start:]
        unit = q.unit
        value = q.value
        sent_cues = doc.cues_between(sent.start, sent.end)
        if unit == "number":
            cue = self._bare_number_cue(doc, q, sent)
            if cue is None:
                return None
            unit = cue.unit
        elif unit == "JPY" and q.scale == 1 and q.decimals <= 2:
            # "the dollar at ¥155": a yen price of a dollar is an exchange rate, not an amount
            cue = self._bare_number_cue(doc, q, sent)
            if cue is not None and cue.unit == "fx":
                unit = "fx"
        if unit in ("fx",) and q.value < 0:
            return None
        # hedges and thresholds sit between the verb and the number
        core_left = left
        if LEVEL_NOUN_AFTER.match(right):
            core_left = ARTICLE_AT_END.sub("", core_left)  # "closed above the 50,000 mark": the line itself
        hedge = threshold = None
        extreme = intraday = False
        stripped: list[str] = []
        comparative = 0
        for _ in range(3):  # a hedge, an extreme word and a threshold can stack: "to as much as"
            for phrases, effect in WORDS_BEFORE_NUMBER:
                core_left, t = _strip_tail(core_left, phrases)
                if t:
                    break
            else:
                break
            if effect == "hedge":
                hedge = hedge or t
                continue
            stripped.append(t)
            if effect == "extreme":
                extreme = True
                intraday = intraday or t in L.INTRADAY_WORDS
            elif effect == "comparative":
                threshold, comparative = Threshold.DIRECTIONAL, L.COMPARATIVES[t]
            else:
                threshold = Threshold(effect)
        if INTRADAY.search(sent.text):
            intraday = True
        lw = _words(core_left)
        rw = _words(right)[:3]
        prev_word = lw[-1] if lw else ""
        if stripped and not set(stripped) <= MAGNITUDE_WORDS and not (
                extreme and prev_word in L.CHANGE_VERBS and unit in ("bp", "pp", "percent", "points")):
            # "slid past 153", "touched 4%": a level; but "rose as much as 6.5 bp" is a change
            kind = Kind.SPREAD if unit == "bp" and L.SPREAD_WORDS.search(left[-70:]) else Kind.LEVEL
        elif q.unit == "number" and prev_word not in L.CHANGE_VERBS and prev_word != "by":
            kind = Kind.LEVEL  # a bare number named by its instrument is a level ("at 40,003.60")
        else:
            kind = self._kind(unit, prev_word, lw, rw, right, left, previous, q, sent)
        direction = comparative or self._direction(lw, rw)
        if unit in ("percent", "bp", "pp", "points", "fx") and not stripped and (
                q.plus or (q.negative and SIGNED_ASIDE.search(left) and previous
                           and previous[-1].sentence_start == sent.start)):
            # "+0.3%", "158.10 (-0.3%)", "2.30% (+4bp)": a signed figure is the day's move
            kind, direction = Kind.CHANGE, 1 if q.plus else -1
        from_record = bool(FROM_RECORD_AFTER.match(right))
        if from_record:
            kind, direction = Kind.CHANGE, -1
        if kind is Kind.CHANGE and direction < 0 and value > 0:
            value = -value
        subject_cue = self._subject(text, sent_cues, q)
        claim = Claim(
            start=q.start, end=q.end, text=text[q.start:q.end], value=value, unit=unit, kind=kind,
            sentence=sent.text.strip(), sentence_start=sent.start, sentence_index=sent.index,
            decimals=q.decimals,
            precision=q.precision, hedge=hedge, threshold=threshold, extreme=extreme,
            intraday=intraday, direction=direction,
            subject=subject_cue.text if subject_cue else None,
            subject_quote=bool(subject_cue and subject_cue.quote),
            event=bool(set(_words(left)) & L.EVENT_WORDS),
            from_level=prev_word == "from",
            from_record=from_record,
            paragraph=sent.paragraph,
        )
        if q.range:
            claim.range_low, claim.range_high = q.range
            claim.quoted_range = q.range if q.quoted_range else None
        self._modality(claim, left, right)
        claim.cues = self._context_cues(doc, sent, q)
        claim.mention = self._mention(sent, q, sent_cues)
        return claim

    @staticmethod
    def _subject(text: str, sent_cues: list[Cue], q: Quantity) -> Cue | None:
        """What the sentence's verb is about: the nearest instrument named before the number,
        skipping objects ("against the dollar", "per dollar") and earlier clauses."""
        for cue in reversed([c for c in sent_cues if c.kind == "instrument" and c.end <= q.start]):
            before = text[max(0, cue.start - 14):cue.start].lower()
            if re.search(r"\b(?:against|versus|vs\.?|per|to|than|from)\s+(?:the\s+)?$", before):
                continue
            return cue
        return None

    @staticmethod
    def _bare_number_cue(doc: Document, q: Quantity, sent: Sentence) -> Cue | None:
        """A bare number ("sits near 158.6", "at 40,003.60") is a claim only when an
        instrument whose unit it would carry is named nearby and the value is plausible."""
        if q.decimals == 0 and "," not in str(q.value) and q.value < 10:
            return None
        previous = doc.sentences[max(0, sent.index - 1)]
        window_start = previous.start if previous.paragraph == sent.paragraph else sent.start
        near = [c for c in doc.cues_between(window_start, sent.end)
                if c.kind == "instrument" and c.unit in ("fx", "points") and c.low is not None
                and c.low <= q.value <= c.high]
        if not near:
            return None
        near.sort(key=lambda c: abs(c.start - q.start))
        return near[0]

    @staticmethod
    def _kind(unit: str, prev_word: str, lw: list[str], rw: list[str], right: str, left: str,
              previous: list[Claim], q: Quantity, sent: Sentence) -> str:
        if unit not in ("percent", "bp", "pp", "points", "fx"):
            return Kind.LEVEL
        if unit in ("bp", "pp") and SPREAD_AFTER.match(right):
            return Kind.SPREAD  # "30s trade 155bp over 10s", "190 bp above JGBs"
        if unit in ("bp", "pp", "percent"):
            window = left[-70:]
            if (L.SPREAD_WORDS.search(window) and unit != "percent" and prev_word != "by"
                    and prev_word not in L.CHANGE_VERBS):
                return Kind.SPREAD
            if rw and rw[0] in ("spread", "gap", "differential"):
                return Kind.SPREAD
        if prev_word == "or" and previous and previous[-1].sentence_start == sent.start:
            return previous[-1].kind
        if unit in ("percent", "bp", "pp", "points", "fx") and prev_word not in ("to", "at") and \
                re.match(r"\s*(?:higher|lower)\b|\s+(?:up|down)\b(?!\s+from)", right):
            return Kind.CHANGE  # "finished 1.3% lower at 53,936", "ended 4 bp higher" (not "1.87%, up from")
        noun_after = [w for w in rw[:2] if w in L.CHANGE_NOUNS]
        if noun_after and prev_word not in ("to", "at"):
            return Kind.CHANGE
        if prev_word == "by" or (prev_word == "of" and len(lw) > 1 and lw[-2] in L.CHANGE_NOUNS):
            return Kind.CHANGE
        if prev_word in L.CHANGE_VERBS:
            return Kind.CHANGE
        if unit in ("bp", "pp") and prev_word in ("rate", "rates", "yield", "yields"):
            return Kind.CHANGE  # "raised its policy rate 25 basis points": a move, basis points are no level
        if prev_word in L.LEVEL_PREPOSITIONS or prev_word in ("a", "the", "its", "record", "fresh", "another",
                                                              "finished", "closed", "ended", "rate", "yield"):
            return Kind.LEVEL
        if unit == "percent" and any(w in L.CHANGE_VERBS for w in _words(VERB_OBJECT_CUT.split(left)[-1])[-5:]):
            return Kind.CHANGE  # "a rally that has lifted the index some 8%": the verb's object sits between
        if unit in ("bp", "pp", "points"):
            return Kind.CHANGE
        if unit == "fx" and "per" not in right[:0] and q.value < 30:
            return Kind.CHANGE
        return Kind.LEVEL

    @staticmethod
    def _direction(lw: list[str], rw: list[str]) -> int:
        if rw and rw[0] in ("higher", "up") and not (len(rw) > 1 and rw[1] == "from"):
            return 1
        if rw and rw[0] in ("lower", "down") and not (len(rw) > 1 and rw[1] == "from"):
            return -1
        for w in rw[:2]:
            if w in L.CHANGE_NOUNS:
                if w in L.UP_WORDS:
                    return 1
                if w in L.DOWN_WORDS:
                    return -1
        for w in reversed(lw[-12:]):
            if w in (";", ":", "—", "–"):
                break
            if w in L.UP_WORDS:
                return 1
            if w in L.DOWN_WORDS:
                return -1
        return 0

    @staticmethod
    def _modality(claim: Claim, left: str, right: str) -> None:
        window = re.split(r"[;:]", left[-110:])[-1]  # a new clause after ";" has its own modality
        m_cond = CONDITIONAL.search(window)
        if m_cond:
            claim.checkable, claim.modality = False, Modality.CONDITIONAL
            return
        if MARKET_PRICING.search(window) or MARKET_PUT.search(window) or L.FORECAST_BEFORE.search(window):
            claim.checkable, claim.modality = False, Modality.FORECAST
            return
        if L.FORECAST_AFTER.search(right):
            claim.checkable, claim.modality = False, Modality.FORECAST

    @staticmethod
    def _context_cues(doc: Document, sent: Sentence, q: Quantity) -> list[Cue]:
        """Cues ordered by how strongly they bind to the number: the sentence's own cues
        before it (nearest first), then after it, then earlier sentences (latest first)."""
        before = doc.cues_between(sent.start, q.start)
        after = doc.cues_between(q.end, sent.end)
        earlier = doc.cues_before(sent.start, 40)
        return list(reversed(before)) + after + list(reversed(earlier))

    @staticmethod
    def _mention(sent: Sentence, q: Quantity, sent_cues: list[Cue]) -> str | None:
        before = [c for c in sent_cues if c.end <= q.start and c.kind in ("instrument", "tenor", "country")]
        if not before:
            after = [c for c in sent_cues if c.start >= q.end and c.kind in ("instrument", "tenor")]
            return after[0].text if after else None
        group = [before[-1]]
        for c in reversed(before[:-1]):
            if group[0].start - c.end <= 6:
                group.insert(0, c)
            else:
                break
        return sent.text[group[0].start - sent.start:group[-1].end - sent.start]

    # -- qualifiers --------------------------------------------------------------------
    def _attach_qualifiers(self, text: str, sent: Sentence, claims: list[Claim], ref: date | None) -> None:
        if not QUALIFIER_TRIGGER.search(sent.text):
            return
        for rx, name in QUALIFIER_PATTERNS:
            for m in rx.finditer(sent.text):
                q = self._qualifier(name, m, ref)
                if q is None:
                    continue
                qs, qe = sent.start + m.start(), sent.start + m.end()
                if SINCE_BEFORE_QUALIFIER.search(sent.text[:m.start()]):
                    continue  # "since last Wednesday's record close", "below its record"
                if q.kind is QualifierKind.MOVE:
                    self._attach_move(q, qs, claims)
                    continue
                following = [c for c in claims if c.start >= qe and c.start - qe <= 4]
                preceding = [c for c in claims if c.end <= qs and qs - c.end <= 90]
                if following:
                    target = following[0]
                elif preceding:
                    target = preceding[-1]
                else:
                    later = [c for c in claims if c.start >= qe and c.start - qe <= 60]
                    target = later[0] if later else None
                if target is not None and q.side is Side.EITHER:
                    # "a level last seen in 1999": the highest or lowest, by the claim's direction
                    side = {1: Side.HIGH, -1: Side.LOW}.get(target.direction)
                    q = q.with_side(side) if side else None
                if target is not None and q is not None and target.unit in MARKET_UNITS:
                    _add_qualifier(target, q)

    @staticmethod
    def _attach_move(q: Qualifier, start: int, claims: list[Claim]) -> None:
        """A move superlative belongs to the nearest one-day move before it in the sentence,
        in the unit it names ("its biggest point decline" is the points figure)."""
        moves = [c for c in claims if c.end <= start and c.kind is Kind.CHANGE and c.since is None
                 and c.unit in DAILY_MOVE_UNITS and (q.basis is None or c.unit == q.basis)]
        if not moves:
            return
        target = moves[-1]
        if q.side is Side.EITHER:  # "the biggest day since 2020": the move's own direction
            if not target.direction and not target.value:
                return
            q = q.with_side(Side.UP if (target.direction or target.value) > 0 else Side.DOWN)
        _add_qualifier(target, q)

    @staticmethod
    def _qualifier(name: str, m: re.Match, ref: date | None) -> Qualifier | None:
        g = m.groupdict()
        if name == "record":
            return Qualifier(QualifierKind.RECORD, Side.LOW if g.get("low") else Side.HIGH)
        if name == "alltime":
            return Qualifier(QualifierKind.RECORD, Side(g["hl"].lower()))
        if name == "nperiod":  # "15-year high", "six-month low", "10-week high"
            count = _count(g["n"])
            return Qualifier(QualifierKind.IN_PERIOD, Side(g["hl"].lower()), count=count, period=g["per"].lower(),
                             compound=True) if count else None
        if name == "multidecade":
            return Qualifier(QualifierKind.MULTI_DECADE, Side(g["hl"].lower()))
        if name == "move":
            return _move_qualifier(g)
        if name == "last_seen":  # "a level last seen in 1999": highest or lowest, by the move's direction
            return Qualifier(QualifierKind.SINCE, Side.EITHER, since=g["year"])
        if name == "first_since":
            return Qualifier(QualifierKind.FIRST_SINCE, since=g["year"])
        if name == "first":
            return Qualifier(QualifierKind.FIRST_TIME)
        if name == "year_high":
            return Qualifier(QualifierKind.YEAR_HIGH, Side.HIGH)
        if name == "since":
            return _since_qualifier(g, ref)
        return None

    # -- time --------------------------------------------------------------------------
    DEICTIC = re.compile(r"yesterday|today|this (?:morning|afternoon|evening)|tonight|overnight|now|"
                         r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|that day|on the day", re.I)

    def _attach_times(self, doc: Document, claims: list[Claim], phrases: list[TimeRef], session: str | None) -> None:
        text, sentences, ref = doc.text, doc.sentences, doc.reference
        last_day: dict[int, TimeRef] = {}  # paragraph -> last day phrase seen
        by_sentence: dict[int, list[TimeRef]] = {}
        sent_starts = [s.start for s in sentences]
        previous_day: TimeRef | None = None
        resolved: list[TimeRef] = []
        for p in phrases:
            if p.role == "anaphor":
                if previous_day is None:
                    continue
                p = replace(p, value=previous_day.value, role="point")
            elif (p.role == "point" and p.precision == "day" and p.value and not p.text.lower().endswith(("ago", "earlier"))
                  and not self._in_relative_clause(text, p.start)):
                previous_day = p  # "that day" / "on the day" refer back to a session, not an offset
            resolved.append(p)
            by_sentence.setdefault(paragraph_of(sent_starts, p.start), []).append(p)
        votes: Counter = Counter(p.value for p in resolved if p.role == "point" and p.precision == "day"
                                 and p.value and self.DEICTIC.search(p.text) and not p.text.endswith("'s")
                                 and not self._in_relative_clause(text, p.start)
                                 and not self._dates_other_event(text, p.start))
        if ref is not None:
            votes[ref.isoformat()] += 1.5  # the document's own date, unless its phrases say otherwise
        pending: list[Claim] = []
        for sent in sentences:
            sent_claims = doc.claims_by_sentence.get(sent.index, [])
            own = by_sentence.get(sent.index, [])
            if not sent_claims and not own:
                continue
            for c in sent_claims:
                self._time_for_claim(text, c, own, sent_claims, last_day.get(sent.paragraph), ref)
                if c.time is None and c.date_basis is DateBasis.PENDING:
                    pending.append(c)
                elif c.checkable and c.time is not None and self.DEICTIC.search(c.time.text or "") \
                        and not self._dates_other_event(text, c.time.start):
                    votes[c.time.value] += 1
            for p in own:
                if (p.role == "point" and p.precision == "day" and p.value and not p.text.endswith("'s")
                        and not p.text.lower().endswith(("ago", "earlier"))):
                    last_day[sent.paragraph] = p  # offsets ("a month ago") and possessives do not carry
        # The document's session: the day its deictic phrases point at most (ties: latest).
        # A note written the morning after reports yesterday's session; this finds that day.
        if votes:
            session = max(votes.items(), key=lambda kv: (kv[1], kv[0]))[0]
        self._anchor_events(text, claims, sentences, by_sentence)
        for c in pending:
            if session is None:
                c.date_basis = DateBasis.NONE
                continue
            c.time = TimeRef("", c.start, c.start, session, "day", "point")
            c.date_basis = DateBasis.REFERENCE if ref is not None and session == ref.isoformat() else DateBasis.SESSION
            if c.from_level:
                prev = date.fromisoformat(session) - timedelta(days=1)
                c.time = replace(c.time, value=prev.isoformat())

    @staticmethod
    def _in_relative_clause(text: str, pos: int) -> bool:
        """"the meeting, which ends on Wednesday": the phrase dates the meeting, not the
        document's session."""
        clause = CLAUSE_BREAK.split(text[max(0, pos - 80):pos])[-1]
        return bool(RELATIVE_PRONOUN.search(clause))

    @staticmethod
    def _dates_other_event(text: str, pos: int) -> bool:
        """"after a 1.9% drop on Monday": the phrase dates that earlier event, not the session."""
        clause = CLAUSE_BREAK.split(text[max(0, pos - 60):pos])[-1]
        return bool(AFTER_EVENT.search(clause))

    @staticmethod
    def _anchor_events(text: str, claims: list[Claim], sentences: list[Sentence],
                       by_sentence: dict[int, list[TimeRef]]) -> None:
        """"since the leadership vote": find the earlier sentence that dated that event
        ("on Oct. 6, the first session after ... the leadership vote") and use its date."""
        for c in claims:
            if c.since is not None or not c.since_text:
                continue
            words = re.findall(r"[a-z]+", c.since_text.lower())[-2:]
            if len(words) < 1 or words[-1] in ("the", "its"):
                continue
            needle = re.compile(r"\b" + r"\W+(?:\w+\W+)?".join(map(re.escape, words)) + r"\b", re.I)
            for sent in reversed(sentences):
                if sent.start >= c.sentence_start:
                    continue
                m = needle.search(sent.text)
                if not m:
                    continue
                days = [p for p in by_sentence.get(sent.index, []) if p.role == "point" and p.precision == "day" and p.value]
                if days:
                    p = min(days, key=lambda p: abs(p.start - (sent.start + m.start())))
                    c.since = TimeRef(c.since_text, p.start, p.end, p.value, "day", "since_event", True)
                    c.since_text = None
                break

    def _time_for_claim(self, text: str, c: Claim, own: list[TimeRef], sent_claims: list[Claim],
                        carried: TimeRef | None, ref: date | None) -> None:
        def adjacent(start: int, end: int) -> bool:
            """A period phrase belongs to the number next to it: "up 15% this year", not
            "rose 2.5% to 50,512.32, its 12th record this year" or another clause's."""
            lo, hi = (c.end, start) if start >= c.end else (end, c.start)
            between = text[lo:hi]
            if re.search(r",\s*(?:and|but|while|whereas)\b|[;:](?=\s)", between) or \
                    RELATIVE_PRONOUN.search(CLAUSE_BREAK.split(between)[-1] if start >= c.end else ""):
                return False
            if start >= c.end and APPOSITIVE.search(between):
                return False  # "to 4%, its second cut this year": the period belongs to the appositive
            if closes_earlier_figure(start):
                return False  # "up 18% this year at about 59,000": the period closes the earlier figure
            # an appositive of the same move shares its period: "3,597 points, or 7.1%, in ..."
            return not any(lo <= o.start and o.end <= hi and not re.fullmatch(r"\s*,?\s*or\s*", text[c.end:o.start])
                           for o in sent_claims if o is not c)

        def closes_earlier_figure(start: int) -> bool:
            """A period right after another figure of the sentence, before this level."""
            return start < c.start and c.kind is Kind.LEVEL and any(
                o is not c and o.end <= start and start - o.end <= 3 and not text[o.end:start].strip()
                for o in sent_claims)

        all_since = [p for p in own if p.role == "since"]
        period_starts = [p.start for p in own if p.role in ("since", "duration")]
        clause_since = [p for p in all_since if adjacent(p.start, p.end)]
        by = [p for p in own if p.role == "by"]
        durations = [p for p in own if p.role == "duration" and adjacent(p.start, p.end)]
        points = [p for p in own if p.role == "point" and self._binds(text, c, p, sent_claims)]
        if clause_since:
            c.since = min(clause_since, key=lambda p: abs(p.start - c.start))
        elif durations:
            c.since = min(durations, key=lambda p: abs(p.start - c.start))
        elif not all_since:
            m = re.search(r"\bsince (?:the |last |its )?(?P<what>[a-z][a-z' -]{2,40}?)(?=[,.;]|$| to )",
                          c.sentence, re.I)
            if m:
                period_starts.append(c.sentence_start + m.start())
            if m and not adjacent(c.sentence_start + m.start(), c.sentence_start + m.end()):
                m = None
            if m and not re.match(r"(?:highest|lowest)", m.group("what")):
                before = c.sentence[:m.start()]
                if not re.search(r"\b(?:highest|lowest|weakest|strongest|first time|biggest|worst|best|heaviest)\b[^.;]{0,40}$", before, re.I):
                    c.since_text = m.group(0)
        if by:
            c.horizon = by[0]
        if not c.checkable:
            if c.horizon is not None and c.horizon.value:
                c.time, c.date_basis = c.horizon, DateBasis.EXPLICIT
            elif points:
                p = min(points, key=lambda p: abs(p.start - c.start))
                c.time, c.date_basis = self._forward(p, ref), DateBasis.EXPLICIT
            return
        if points and c.since is not None and c.since.role == "since" and ref is not None:
            nearest = min(points, key=lambda p: abs(p.start - c.start))
            if abs(c.since.start - c.start) < abs(nearest.start - c.start):
                points = []  # "trading between 1.49% and 1.58% since Monday": to date
        if points:
            p = min(points, key=lambda p: abs(p.start - c.start))
            if p.value is None:
                c.time, c.date_basis = None, DateBasis.EXPLICIT
                return
            if (p.precision == "month" and ref is not None and c.kind is Kind.CHANGE
                    and p.value == f"{ref.year}-{ref.month:02d}"):
                # "up 15% in October alone", written in October: month to date
                first = date(ref.year, ref.month, 1)
                c.since = TimeRef(p.text, p.start, p.end, (first - timedelta(days=1)).isoformat(), "day", "since")
                c.time, c.date_basis = TimeRef(p.text, p.start, p.end, ref.isoformat(), "day"), DateBasis.EXPLICIT
                return
            c.time, c.date_basis = p, DateBasis.EXPLICIT
            own_date = p.start >= c.end and p.start - c.end <= 3  # "from 0.75% a month ago"
            if c.from_level and p.precision == "day" and not own_date:
                prev = date.fromisoformat(p.value) - timedelta(days=1)
                c.time = replace(p, value=prev.isoformat())
            return
        ends_a_period = any(map(closes_earlier_figure, period_starts))  # the level is where it ended
        if ((c.since is not None and c.since.role != "duration") or c.since_text or ends_a_period) and ref is not None:
            c.time = TimeRef("", c.start, c.start, ref.isoformat(), "day", "point")
            c.date_basis = DateBasis.REFERENCE
            return
        if carried is not None:
            c.time, c.date_basis = carried, DateBasis.CARRIED
        else:
            c.time, c.date_basis = None, DateBasis.PENDING
            return
        if c.from_level and c.time.precision == "day" and c.time.value:
            prev = date.fromisoformat(c.time.value) - timedelta(days=1)
            c.time = replace(c.time, value=prev.isoformat())

    @staticmethod
    def _binds(text: str, c: Claim, p: TimeRef, sent_claims: list[Claim]) -> bool:
        """Whether a time phrase in the claim's sentence belongs to the claim."""
        if p.start >= c.end:
            between = text[c.end:p.start]
            after_comma = CLAUSE_BREAK.split(between)[-1]
            if RELATIVE_PRONOUN.search(after_comma):
                return False  # "the meeting that ended on Tuesday"
            if re.search(r",\s*(?:and|but|while|whereas)\b|;", between):
                return False  # a new clause with its own subject and time
            if AFTER_EVENT.search(between):
                return False  # "after a brief dip on Friday": the phrase dates the other event
            if COMPARED_WITH.search(between):
                return False  # "at 145, weaker than it was a year ago": the phrase dates the comparison
            for other in sent_claims:
                if c.end <= other.start and other.end <= p.start:
                    if not SHORT_LINK.match(text[c.end:other.start]):
                        return False  # the phrase belongs to the nearer number
            return True
        between = text[p.end:c.start]
        if re.search(r",\s*(?:and|but|while|whereas)\b|[;:](?=\s)", between):
            return False  # the phrase dates an earlier clause
        if RELATIVE_PRONOUN.search(CLAUSE_BREAK.split(text[max(0, p.start - 40):p.start])[-1]) and \
                re.search(r"[,;:](?=\s)", between):
            return False  # "a line that seemed fanciful a year ago: ..." closes before the number
        return True

    @staticmethod
    def _forward(p: TimeRef, ref: date | None) -> TimeRef:
        """Re-resolve a relative phrase forward in time, for a forecast ("at Wednesday's meeting")."""
        if ref is None or not p.relative or p.value is None:
            return p
        if p.precision == "day":
            d = date.fromisoformat(p.value)
            if d < ref and (ref - d).days < 7 and re.search(r"day", p.text, re.I) and "yesterday" not in p.text.lower():
                return replace(p, value=(d + timedelta(days=7)).isoformat())
        if p.precision == "month":
            y, m = map(int, p.value.split("-"))
            if (y, m) < (ref.year, ref.month):
                return replace(p, value=f"{y + 1}-{m:02d}")
        return p
