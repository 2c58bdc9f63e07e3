"""The features of one number in its sentence: the words around it, the hedge, threshold
and extreme words between its verb and it, its unit once the instrument has been asked.

They are computed once per number, on first use, and every rule table reads them (rules
never re-read the text for something a feature already holds).
"""
from __future__ import annotations

import re
from itertools import islice

from . import lexicon as L
from .context import Document, Sentence
from .implied import implied_unit
from .model import Claim, Cue
from .numbers import Quantity
from .units import Unit
from .values import Threshold
from .regexgate import gate_patterns, may_match, minimal_literals

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*%?|[;:—–]")
LEVEL_NOUN_AFTER = re.compile(r"\s*(?:-point\s+)?(?:mark|level|line|threshold|barrier|handle|milestone)\b", re.I)
ARTICLE_AT_END = re.compile(r"\b(?:the|a)\s+$", re.I)
INTRADAY = re.compile(r"\bintraday\b", re.I)
# words that put a figure inside the session, read in the number's own clause: "briefly
# traded at 1.62%", "temporarily gained over 3,000 points", "NKY opens 71,588", "-5.1% at the lows"
INTRADAY_CLAUSE = re.compile(r"\b(?:briefly|temporarily|momentarily|at one point|at (?:the|its|session) (?:lows?|highs?|open)|"
                             r"at the day's (?:lows?|highs?)|opens|opened at|in early trade|in early trading)\b", re.I)
INTRADAY_AFTER = re.compile(r"^,?\s*(?:\(?[-+]?[\d.]+%\)?,?\s*)?(?:at the (?:lows?|highs?|open)|at one point|intraday)\b", re.I)
CLAUSE_CUT = re.compile(r"[,;:]\s|\b(?:before|after|while|then)\b", re.I)
CLAUSE_MARK = re.compile(r"[;:]")
YEN_WORD = re.compile(r"\byen\b", re.I)
# words that make a yen figure after an index a share's price or money, not the index
SHARE_PRICE = re.compile(r"\b(?:shares?|per share|stocks? price|stock of|dividend|earnings|profit|sales|revenue|"
                         r"budget|spending|purchases?|bonds?|trillion|billion|million|worth|cost)\b", re.I)
UNIT_OF_A_FIGURE = re.compile(r"\d\s*$")  # "touched 149.3 yen": the yen of a figure, not the subject
# words a speaker fills a pause with, between a verb and its number: "at, uh, 34,675", "lost, what, 4.2%"
# "touched a record 5,689.75", "hit an all-time high of 42,100": the superlative between an
# extreme verb and its number is the qualifier's (claims.rules.qualifiers), the verb still
# makes the figure an extreme
RECORD_AFTER_EXTREME = re.compile(r"\b(touch(?:ed|es|ing)?|hit(?:s|ting)?|reach(?:ed|es|ing)?)\s+(?:a|an|its|their|the)\s+"
                                  r"(?:new\s+|fresh\s+)?(?:record(?:\s+(?:high|low))?|all-time\s+(?:high|low)|peak)"
                                  r"(?:\s+of)?\s*$", re.I)
FILLER_AT_END = re.compile(r"(?:,?\s*\b(?:uh|um|umm|er|erm|ah|like|what|you know|i mean|say)\b\s*,?\s*)+$", re.I)
OBJECT_BEFORE = re.compile(r"\b(?:against|versus|vs\.?|per|to|than|from)\s+(?:the\s+)?$")  # read lower-cased


EVENT_SUBSTRINGS = tuple(sorted(minimal_literals(L.EVENT_WORDS)))  # "cut" stands for "cuts" and "cutting"


class lazy:
    """A property computed on first use and then stored on the instance (like
    ``functools.cached_property``, without its lock: features belong to one thread)."""

    def __init__(self, fn):
        self.fn, self.name, self.__doc__ = fn, fn.__name__, fn.__doc__

    def __get__(self, obj, _owner=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.fn(obj)
        return value


class stripped_value:
    """An attribute set, with its siblings, by ``Features._strip`` on first use."""

    def __init__(self, name: str):
        self.name = name

    def __get__(self, obj, _owner=None):
        if obj is None:
            return self
        obj._strip()
        return obj.__dict__[self.name]


def words(s: str) -> list[str]:
    return [w.lower().strip("'’") for w in WORD.findall(s)]


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


def ends_with(low: str, phrases) -> str | None:
    """The longest of ``phrases`` (longest first) that ends ``low`` (a left context
    lower-cased and stripped on the right) as whole words."""
    if not low.endswith(phrases):  # one test for the whole list: most numbers have none of them
        return None
    for p in phrases:
        if low.endswith(p) and (len(low) == len(p) or not low[-len(p) - 1].isalnum()):
            return p
    return None


# every phrase of WORDS_BEFORE_NUMBER: one test tells that a left context ends in none of them
ANY_WORD_BEFORE_NUMBER = tuple(p for phrases, _ in WORDS_BEFORE_NUMBER for p in phrases)


WORDS_KEPT = 14  # the words before a number that rules read (word_direction reads the last 13)
TAIL_CHARS = 150  # a longer left context is tokenized from this far back, when that holds enough


def last_words(left: str) -> list[str]:
    """At least the last :data:`WORDS_KEPT` items of ``words(left)`` (all of them when it
    has fewer), tokenizing only the end of a long context: the words a rule reads are the
    nearest ones, and re-reading the whole left context for every number of a long sentence
    was two fifths of the tokenizing. The slice may cut the first word of the tail, which is
    dropped; every later word is the same, since a word ends where the text's own word ends
    wherever its reading started (the token classes of WORD continue into themselves)."""
    if len(left) <= TAIL_CHARS:
        return words(left)
    tail = words(left[-TAIL_CHARS:])[1:]
    return tail if len(tail) >= WORDS_KEPT else words(left)


class Features:
    """One number read in its sentence. ``previous`` holds the claims found before it in
    the document (the last of them may share its sentence)."""

    def __init__(self, doc: Document, sent: Sentence, q: Quantity, previous: list[Claim]):
        self.doc, self.sent, self.q, self.previous = doc, sent, q, previous
        self.text = doc.text
        self.left = sent.text[:q.start - sent.start]
        self.right = sent.text[q.end - sent.start:]
        self.after = self.text[q.end:q.end + 25]  # the words right after the number
        self.before = self.text[max(0, q.start - 12):q.start]

    # -- the instrument and unit ---------------------------------------------------------
    @lazy
    def sentence_cues(self) -> list[Cue]:
        return self.doc.cues_between(self.sent.start, self.sent.end)

    @lazy
    def bare_number_cue(self) -> Cue | None:
        """The instrument or maturity that gives a bare number its unit ("sits near 158.6",
        "at 40,003.60", "JGB 10s 1.10"): see :mod:`claims.implied`."""
        return self._implied[1] if self._implied else None

    @lazy
    def _implied(self):
        sent, doc = self.sent, self.doc
        previous = doc.sentences[max(0, sent.index - 1)]
        window_start = previous.start if previous.paragraph == sent.paragraph else sent.start
        found = implied_unit(self.text, doc.cues_between(window_start, sent.end), self.q, window_start)
        if found is None:  # "And the yen? ... We're at a hundred and fifty-six and a half": the question's topic
            asked = next((s for s in reversed(doc.sentences[max(0, sent.index - 3):sent.index])
                          if s.text.rstrip().endswith("?")), None)
            if asked is not None:
                found = implied_unit(self.text, doc.cues_between(asked.start, asked.end), self.q, asked.start,
                                     anywhere=True)
        return found

    @lazy
    def unit(self) -> Unit | None:
        """The claim's unit: as written, or the unit of the instrument that names a bare
        number (``None``: a bare number no instrument names)."""
        q = self.q
        if q.unit is Unit.NUMBER:
            return self._implied[0] if self._implied else None
        if q.unit in (Unit.JPY, Unit.FX) and q.scale == 1 and q.decimals <= 2:
            # "the dollar at ¥155": a yen price of a dollar is an exchange rate, not an amount
            if q.unit is Unit.JPY and self._implied and self._implied[0] is Unit.FX:
                return Unit.FX
            if self._index_in_yen():
                return Unit.POINTS
        return q.unit

    def _index_in_yen(self) -> bool:
        """"The Nikkei Stock Average closed at 40,003 yen 60 sen", "the Nikkei average rose
        5,527 yen": Japanese news quotes the yen-denominated index in yen, so a yen figure
        whose nearest instrument is an index quoted in points (its level or a move of it)
        is in points. A share price in between ("Toyota shares closed at 2,850 yen") and
        any word saying it is money keep it in yen."""
        if not (self._implied and self._implied[0] is Unit.POINTS and YEN_WORD.search(self.text, self.q.start, self.q.end)):
            return False
        cue = self._implied[1]
        return cue.end <= self.q.start and not SHARE_PRICE.search(self.text, cue.end, self.q.start)

    # -- the words between the verb and the number ----------------------------------------
    def _strip(self) -> None:
        """Peel hedge, threshold and extreme words off the end of the left context (they can
        stack: "to as much as") and note what each did; sets every attribute named in
        ``STRIPPED`` at once."""
        core_left = FILLER_AT_END.sub(" ", self.left) if self.left.rstrip().endswith(",") else self.left
        if LEVEL_NOUN_AFTER.match(self.right):
            core_left = ARTICLE_AT_END.sub("", core_left)  # "closed above the 50,000 mark": the line itself
        record = RECORD_AFTER_EXTREME.search(core_left)
        if record is not None:
            core_left = core_left[:record.end(1)]
        hedge = threshold = None
        extreme = intraday = False
        stripped: list[str] = []
        comparative = 0
        for _ in range(3):
            low = core_left.lower().rstrip()  # once for the six lists, not once per list
            if not low.endswith(ANY_WORD_BEFORE_NUMBER):
                break
            found = next(((t, effect) for phrases, effect in WORDS_BEFORE_NUMBER
                          if (t := ends_with(low, phrases))), None)
            if found is None:
                break
            t, effect = found
            core_left = core_left.rstrip()[:-len(t)]
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
        left_words = last_words(core_left)
        self.__dict__.update(
            hedge=hedge, threshold=threshold, extreme=extreme, stripped=stripped, comparative=comparative,
            intraday=intraday or bool(INTRADAY.search(self.sent.text)) or (may_match(INTRADAY_CLAUSE, self.left) and bool(
                INTRADAY_CLAUSE.search(CLAUSE_CUT.split(self.left)[-1]))) or bool(INTRADAY_AFTER.match(self.right)),
            left_words=left_words, prev_word=left_words[-1] if left_words else "")

    # set together by _strip, on first use of any of them:
    hedge: str | None = stripped_value("hedge")
    threshold: Threshold | None = stripped_value("threshold")
    extreme: bool = stripped_value("extreme")
    intraday: bool = stripped_value("intraday")
    stripped: list[str] = stripped_value("stripped")  # the threshold and extreme words ("above", "as much as")
    comparative: int = stripped_value("comparative")  # +1 / -1 for "stronger than" / "weaker than"
    # the words before (at least the last WORDS_KEPT of them), hedge and threshold words removed
    left_words: list[str] = stripped_value("left_words")
    prev_word: str = stripped_value("prev_word")

    @lazy
    def prev_verb(self) -> str | None:
        """The verb of a move right before the number ("plunged", "gave back"), if any."""
        two = " ".join(self.left_words[-2:])
        if two in L.PHRASAL_MOVES:
            return two
        return self.prev_word if self.prev_word in L.CHANGE_VERBS else None

    @lazy
    def right_words(self) -> list[str]:
        """The first three words after the number."""
        return [m.group(0).lower().strip("'’") for m in islice(WORD.finditer(self.right), 3)]

    @lazy
    def clause_before(self) -> str:
        """The number's own clause before it (a new clause after ";" or ":" starts afresh)."""
        return CLAUSE_MARK.split(self.left[-110:])[-1]

    @lazy
    def previous_in_sentence(self) -> Claim | None:
        """The claim just before this number, if it is in the same sentence."""
        last = self.previous[-1] if self.previous else None
        return last if last is not None and last.sentence_start == self.sent.start else None

    # -- what the number is about ---------------------------------------------------------
    @lazy
    def subject(self) -> Cue | None:
        """What the sentence's verb is about: the nearest instrument named before the number,
        skipping objects ("against the dollar", "per dollar") and earlier clauses."""
        named = [c for c in self.sentence_cues if c.kind == "instrument" and c.end <= self.q.start]
        for i in range(len(named) - 1, -1, -1):
            cue = named[i]
            before = self.text[max(0, cue.start - 14):cue.start].lower()
            if OBJECT_BEFORE.search(before) or UNIT_OF_A_FIGURE.search(before):
                continue
            if i > 0 and cue.quote and self._bracketed(cue):
                continue  # "USD/JPY (yen) +0.6": a unit label after the pair, not what moved
            return cue
        return None

    def _bracketed(self, cue: Cue) -> bool:
        """Whether ``cue`` stands alone in brackets ("(yen)", "(JPY)"), as a table row names its unit."""
        return self.text[:cue.start].rstrip().endswith("(") and self.text[cue.end:].lstrip().startswith(")")

    @lazy
    def context_cues(self) -> list[Cue]:
        """Cues ordered by how strongly they bind to the number: the sentence's own cues
        before it (nearest first), then after it, then earlier sentences (latest first)."""
        doc, sent, q = self.doc, self.sent, self.q
        before = doc.cues_between(sent.start, q.start)
        after = doc.cues_between(q.end, sent.end)
        return list(reversed(before)) + after + list(reversed(doc.cues_before(sent.start, 40)))

    @lazy
    def mention(self) -> str | None:
        """The words that name the instrument, as written ("the 10-year JGB")."""
        q, sent = self.q, self.sent
        before = [c for c in self.sentence_cues if c.end <= q.start and c.kind in ("instrument", "tenor", "country")]
        if not before:
            after = [c for c in self.sentence_cues if c.start >= q.end and c.kind in ("instrument", "tenor")]
            return after[0].text if after else None
        group = [before[-1]]
        for c in reversed(before[:-1]):
            if group[0].start - c.end > 6:
                break
            group.insert(0, c)
        return sent.text[group[0].start - sent.start:group[-1].end - sent.start]

    @property
    def event(self) -> bool:
        """The clause reports a decision ("raised rates to", "a 25 basis point cut"); a hold word nearer the number
        than the last decision word ("after January's hike, the BoJ kept its rate at 0.5%",
        "in a widely expected move, the BoJ held at 0.5%") reports the rate in force. Most
        numbers have no decision word before them: looked for as substrings first (a word
        equal to one is a substring of the lower-cased text), the words are read only where
        one occurs."""
        low = self.left.lower()
        if not any(w in low for w in EVENT_SUBSTRINGS):
            return bool(L.DECISION_NOUN_AFTER.match(self.right))  # "delivered a 25 basis point cut"
        said = words(self.left)
        last_event = max((i for i, w in enumerate(said) if w in L.EVENT_WORDS), default=None)
        if last_event is None:
            return bool(L.DECISION_NOUN_AFTER.match(self.right))
        return not any(w in L.HOLD_WORDS for w in said[last_event + 1:])

    @property
    def word_direction(self) -> int:
        """+1 / -1 as the words around the number say ("rose", "lower", "a drop"), 0 if none."""
        lw, rw = self.left_words, self.right_words
        if rw and rw[0] in ("higher", "up") and not (len(rw) > 1 and rw[1] == "from"):
            return 1
        if rw and rw[0] in ("lower", "down") and not (len(rw) > 1 and rw[1] == "from"):
            return -1
        for w in rw[:2]:
            if w in L.CHANGE_NOUNS and (w in L.UP_WORDS or w in L.DOWN_WORDS):
                return 1 if w in L.UP_WORDS else -1
        for i in range(len(lw) - 1, max(-1, len(lw) - 13), -1):
            w = lw[i]
            if w in (";", ":", "—", "–"):
                break
            two = " ".join(lw[i - 1:i + 1]) if i > 0 else ""
            if two in L.PHRASAL_MOVES:
                return 1 if two in L.UP_VERBS else -1
            if w in L.UP_WORDS or w in L.DOWN_WORDS:
                return 1 if w in L.UP_WORDS else -1
        return 0


gate_patterns(globals())  # every pattern above behind its literal pre-check (claims.regexgate)
