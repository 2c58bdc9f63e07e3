"""The fast scans give the same answers as the plain ones they replace.

Time patterns run only around their key words, case-insensitive patterns run over a
lower-cased copy: these tests compare that against running every pattern over the whole
text, so a pattern whose key words are incomplete fails here."""
from datetime import date

import pytest

from claims import timeref
from claims.casefold import lowered
from conftest import ROOT, SHARED

PHRASES = """Morning note, Wednesday, January 21, 2026. On Tuesday the 10-year yield rose; yesterday
it fell, and today it is flat. Since Jan. 5 it is up, and in the first five trading days of the year
it rose. Last week it slid, this week it is up, so far this year it gained, year-to-date 3%, YTD 2%.
At the end of March 2026 and by the end of 2026, by year-end, at the end of the year. In mid-March,
late June 2025, December last year, in March, on the session, that day, the same day, this month.
New Year's Day, Christmas, by next spring, last year, this year, in 2024, since 1998.
Over the last five sessions, in the past three weeks, in two days, a month ago, three years ago, from a week
earlier, on the month, year-on-year, over the past year, over Monday and Tuesday, 2026-01-20,
21 January 2026, Jan 20, tonight, this morning, overnight, now; the yen ended 2024 weaker.
By the end of this quarter, on 17 January, at the close of 17th, the yen's October rally, last July, in the previous session, closed fri, Tue's close,
within weeks; it ended the month higher and has since slipped
from the start of March. IN THE PAST TWO WEEKS, LAST WEEK. Stocks rallied strongly on the news, and then,
after a long and quiet stretch of trading, they slid in the fall. After the U.S. election it rose, a day later it fell."""


def brute_force(text: str, ref):
    """Every pattern over the whole text: the slow reference."""
    low = lowered(text)
    raw = []
    for name, rx in timeref.SCANNED.items():
        source = low if name in timeref.FOLDED else text
        raw += [(m.start(), m.end(), name, m) for m in rx.finditer(source)]
    raw.sort(key=lambda r: (r[0], -(r[1] - r[0])))
    chosen = []
    for r in raw:
        if not chosen or r[0] >= chosen[-1][1]:
            chosen.append(r)
    return [t for t in (timeref.resolve(text, s, e, n, m, ref) for s, e, n, m in chosen) if t]


def texts():
    out = [PHRASES, (ROOT / "examples/sample_note.txt").read_text(encoding="utf-8")]
    if SHARED.exists():
        out += [p.read_text(encoding="utf-8") for p in sorted((SHARED / "eval/dev").glob("*.txt"))]
        out.append((SHARED / "seed/article.txt").read_text(encoding="utf-8"))
    return out


@pytest.mark.parametrize("ref", [date(2026, 1, 21), None])
def test_keyed_time_scan_equals_scanning_everything(ref):
    for text in texts():
        assert timeref.find_time_phrases(text, ref) == brute_force(text, ref)


def test_every_time_pattern_is_exercised_by_the_phrase_text():
    low = lowered(PHRASES)
    unmatched = [name for name, rx in timeref.SCANNED.items()
                 if not rx.search(low if name in timeref.FOLDED else PHRASES)]
    assert unmatched == []


@pytest.mark.parametrize("pattern", timeref.TIME_PATTERNS, ids=lambda p: p.name)
def test_every_time_pattern_resolves_its_examples(pattern):
    """Each time pattern's examples, read on Wednesday 2026-01-21, are found by that
    pattern and resolve to the value next to them."""
    assert pattern.examples
    for text, value in pattern.examples:
        found = [t for t in timeref.find_time_phrases(text, date(2026, 1, 21)) if t.pattern == pattern.name]
        assert found and found[0].value == value, (text, found)


def test_lowered_keeps_offsets():
    assert lowered("The NIKKEI Rose") == "the nikkei rose"
    text = "İstanbul: the Nikkei rose 2%"  # "İ".lower() is two characters
    low = lowered(text)
    assert len(low) == len(text) and low.index("nikkei") == text.index("Nikkei")


def test_vocabulary_and_tenor_cues_ignore_case(vocabulary):
    from claims import extract

    for text in ["The NIKKEI 225 rose 2% to 40,000.", "the nikkei 225 rose 2% to 40,000."]:
        assert {c.value for c in extract(text, "2026-01-21", vocabulary)[0].cues if c.kind == "instrument"}
    c = extract("The 10-YEAR JGB yield rose to 2.3%.", "2026-01-21", vocabulary)[0]
    assert any(cue.kind == "tenor" and cue.value == "10" and cue.text == "10-YEAR" for cue in c.cues)


def test_only_four_characters_fold_to_ascii_letters():
    """claims.casefold.FOLDS_TO_ASCII lists every character outside ASCII that a
    case-insensitive pattern matches to an ASCII letter: checked over every code point."""
    import re
    import sys

    from claims.casefold import FOLDS_TO_ASCII

    letter = re.compile("[a-z]", re.IGNORECASE)
    found = {chr(c) for c in range(128, sys.maxunicode + 1) if letter.match(chr(c))}
    assert found == set(FOLDS_TO_ASCII.pattern.strip("[]"))


def test_word_trie_matches_the_longest_first_alternation():
    """claims.wordtrie: the same matches as the plain alternation, longest word first,
    over words that are prefixes of each other and over a lookahead after them."""
    import random
    import re

    from claims.wordtrie import alternation

    rng = random.Random(7)
    words = {"us", "usd", "u.s.", "usd/jpy", "uk", "yen", "ye", "y", "a+b", "thu", "thur", "thurs", "thursday"}
    plain = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")")
    trie = re.compile(r"(?<!\w)" + alternation(words))
    text = " ".join(rng.choice(sorted(words) + ["usdx", "thurst", "yes", "a+bc", "x"]) for _ in range(3000))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
    ahead = (r"(?![a-z])", r"(?![a-z])")
    plain_ahead = re.compile(plain.pattern + ahead[0])
    trie_ahead = re.compile(trie.pattern + ahead[1])
    assert [m.span() for m in trie_ahead.finditer(text)] == [m.span() for m in plain_ahead.finditer(text)]
    assert re.compile(alternation([])).search("anything") is None


def test_one_unit_alternation_finds_the_first_row_that_matches():
    """claims.numbers.ANY_UNIT picks, at a position, the first row of the unit table
    whose written form matches there, as trying the rows in order does."""
    from claims.numbers import ANY_UNIT, UNIT_RX

    samples = ["%", " percent", " per cent", "bp", " basis points", "-bps", " percentage points", "pp",
               " yen per dollar", " per dollar", " points", "-point", " index points", " yen", " dollars",
               " euros", " pounds", " pct pts", " pct", "", " apples", " Yen to the Dollar", " PTS"]
    for s in samples:
        for prefix in ("", "x"):
            text = prefix + s + " more"
            rows = [i for i, (_, rx) in enumerate(UNIT_RX) if rx.match(text, len(prefix))]
            m = ANY_UNIT.match(text, len(prefix))
            assert (int(m.lastgroup[1:]) if m else None) == (rows[0] if rows else None), s
            if m:
                assert m.end() == UNIT_RX[rows[0]][1].match(text, len(prefix)).end()


def test_qualifier_triggers_read_lower_cased_as_case_insensitively():
    from claims.rules.qualifiers import QUALIFIERS, RULE_TRIGGERS, TRIGGER, _triggered

    sentences = ["The Nikkei hit a RECORD HIGH of 42,000.", "Yields at their Highest since 2008.",
                 "The yen's biggest gain in a decade.", "Nothing here at 2%.", "The yen's weakeſt level since 1990.",
                 "Its Year High, first seen in May, the WORST day.", "İts all-time peak."]
    for s in sentences:
        slow = [rule for rule, t in RULE_TRIGGERS if t.search(s)] if TRIGGER.search(s) else []
        assert _triggered(s) == slow, s
    assert QUALIFIERS


def test_last_words_are_the_last_words():
    from hypothesis import given, settings, strategies as st

    from claims.features import WORDS_KEPT, last_words, words

    @settings(max_examples=400, deadline=None)
    @given(st.text(alphabet="ab5,.%'’- ;:—–Xy\n", min_size=100, max_size=400))
    def check(left):
        got, full = last_words(left), words(left)
        assert got == full[-len(got):] and (len(got) >= WORDS_KEPT or got == full)

    check()
    for text in texts():
        for end in range(0, len(text), 37):
            left = text[max(0, end - 300):end]
            got = last_words(left)
            assert got == words(left)[-len(got):] and len(got) >= min(WORDS_KEPT, len(words(left)))
