"""Text normalisation before extraction (claims.normalize): invisible and direction
characters, full-width forms, odd spaces and line ends inside and around numbers give the
claims of the clean text, on the fast path, in the spaCy component and through check_text,
with every span pointing at the original characters."""
from __future__ import annotations

import re

import pytest

import claims
from claims.normalize import GROUP_SPACES, normalize

REFERENCE = "2026-01-21"

# three registers, written for these tests: a desk line, a non-native line, a wire story
DESK = ("Tokyo desk, Jan 21\n"
        "USD/JPY 157.20 at the fix, 10y JGB 1.23% (+2bp).\n"
        "Nikkei 225 closed at 38,500.25, up 1.2%.\n")
NON_NATIVE = ("Japan 10-year government bond yield is 1.23% at Tuesday, it rised 2 basis points.\n"
              "Dollar yen exchange rate become 157.20 yen per dollar yesterday.\n")
WIRE = ("TOKYO, Jan 21 (Wire) - The Nikkei 225 fell 1.5% to 51,234.10 on Tuesday.\n\n"
        "The 10-year JGB yield rose 3 basis points to 2.33%, while the\n"
        "yen weakened to 158.40 per dollar.\n")
REGISTERS = {"desk": DESK, "non-native": NON_NATIVE, "wire": WIRE}

NUMBER = re.compile(r"\d[\d.,]*\d|\d")
FULL_WIDTH = str.maketrans("0123456789.,%+", "０１２３４５６７８９．，％＋")


def inside_digits(mark: str):
    """``mark`` after every digit that another digit or a decimal point follows."""
    return lambda text: re.sub(r"(\d)(?=[\d.])", lambda m: m.group(1) + mark, text)


def around_numbers(before: str, after: str):
    return lambda text: NUMBER.sub(lambda m: before + m.group(0) + after, text)


def full_width(text: str) -> str:
    return NUMBER.sub(lambda m: m.group(0).translate(FULL_WIDTH), text).replace("%", "％")


def spaces(space: str):
    return lambda text: text.replace(" ", space)


def thousands(space: str):
    return lambda text: re.sub(r"(?<=\d),(?=\d{3})", space, text)


# each class of character the normaliser handles, put inside or around the numbers
DIRTY = {
    "zero-width space": inside_digits("\u200b"), "zero-width joiner": inside_digits("\u200d"),
    "zero-width non-joiner": inside_digits("\u200c"), "soft hyphen": inside_digits("\u00ad"),
    "BOM inside text": inside_digits("\ufeff"), "word joiner": inside_digits("\u2060"),
    "LRM": inside_digits("\u200e"), "RLM around": around_numbers("\u200f", "\u200f"),
    "ALM": around_numbers("\u061c", ""), "LRE..PDF": around_numbers("\u202a", "\u202c"),
    "RLO..PDF": around_numbers("\u202e", "\u202c"), "isolate": around_numbers("\u2066", "\u2069"),
    "full-width digits": full_width, "lone CR": lambda t: t.replace("\n", "\r"),
    "CR LF": lambda t: t.replace("\n", "\r\n"), "line separator": lambda t: t.replace("\n", "\u2028"),
    "no-break spaces": spaces("\u00a0"), "narrow no-break spaces": spaces("\u202f"),
    "ideographic spaces": spaces("\u3000"), "em spaces": spaces("\u2003"),
    "thin-space thousands": thousands("\u2009"), "narrow no-break thousands": thousands("\u202f"),
    "no-break thousands": thousands("\u00a0"), "figure-space thousands": thousands("\u2007"),
    "non-breaking hyphen": lambda t: t.replace("10-year", "10\u2011year"),
    "spaces at line ends": lambda t: t.replace("\n", "  \n"),
}
CASES = [(r, d) for r in REGISTERS for d in DIRTY if DIRTY[d](REGISTERS[r]) != REGISTERS[r]]


def reading(found) -> list[tuple]:
    return [(c.value, c.unit, c.kind, c.date, c.checkable, [q.label for q in c.qualifiers]) for c in found]


def assert_spans_point_at_the_original(clean_found, dirty_found, dirty: str, clean: str) -> None:
    """Each dirty span covers the original characters of the clean literal: normalised,
    it reads the same, and it starts and ends on a visible character."""
    for c, d in zip(clean_found, dirty_found):
        literal = dirty[d.start:d.end]
        assert literal == d.text
        assert normalize(literal).text == clean[c.start:c.end], (literal, clean[c.start:c.end])
        assert normalize(literal[0]).text and normalize(literal[-1]).text, repr(literal)


@pytest.mark.parametrize("register, kind", CASES, ids=[f"{r}-{d}" for r, d in CASES])
def test_fast_path_reads_through_the_characters(register, kind, vocabulary):
    clean = REGISTERS[register]
    dirty = DIRTY[kind](clean)
    want = claims.extract(clean, REFERENCE, vocabulary)
    got = claims.extract(dirty, REFERENCE, vocabulary)
    assert want and reading(got) == reading(want)
    assert_spans_point_at_the_original(want, got, dirty, clean)


@pytest.fixture(scope="module")
def nlp(vocabulary):
    from claims.component import make_pipeline

    pipeline = make_pipeline()
    pipeline.get_pipe("market_claims").set_vocabulary(vocabulary)
    return pipeline


def component_claims(nlp, text: str):
    doc = nlp.make_doc(text)
    doc._.reference_date = REFERENCE
    doc = nlp(doc)
    spans = [(s.start_char, s.end_char) for s in doc.spans["market_claims"]]
    return doc._.claims, spans


@pytest.mark.parametrize("register, kind", CASES, ids=[f"{r}-{d}" for r, d in CASES])
def test_spacy_component_reads_through_the_characters(nlp, register, kind):
    clean = REGISTERS[register]
    dirty = DIRTY[kind](clean)
    want, _ = component_claims(nlp, clean)
    got, spans = component_claims(nlp, dirty)
    assert want and reading(got) == reading(want)
    assert_spans_point_at_the_original(want, got, dirty, clean)
    for (start, end), c in zip(spans, got):  # the Doc's spans cover the claims' characters
        assert start <= c.start and c.end <= end


@pytest.mark.parametrize("kind", ["zero-width space", "full-width digits", "lone CR", "thin-space thousands",
                                  "isolate", "soft hyphen"])
def test_check_text_gives_the_clean_verdicts_with_original_spans(check, kind):
    clean = WIRE
    dirty = DIRTY[kind](clean)
    want, got = check(clean, REFERENCE), check(dirty, REFERENCE)
    assert [(c["value"], c["verdict"]["label"], (c["series"] or {}).get("id")) for c in got] == \
           [(c["value"], c["verdict"]["label"], (c["series"] or {}).get("id")) for c in want]
    for c, d in zip(want, got):
        s, e = d["value_span"]
        assert dirty[s:e] == d["text"] and normalize(d["text"]).text == c["text"]


def test_the_examples_of_the_task(vocabulary):
    """A zero-width space inside a desk quote and full-width digits in a non-native line."""
    found = claims.extract("USD/JPY 1\u200b57.20 at the fix.", REFERENCE, vocabulary)
    assert [(c.value, c.start, c.end, c.text) for c in found] == [(157.2, 8, 15, "1\u200b57.20")]
    text = "Japan 10 year bond yield is １．２３％ today."
    found = claims.extract(text, REFERENCE, vocabulary)
    assert [(c.value, c.unit, text[c.start:c.end]) for c in found] == [(1.23, "percent", "１．２３％")]


# -- the map itself ---------------------------------------------------------------------
@pytest.mark.parametrize("text, folded", [
    ("USD/JPY 1\u200b57.20", "USD/JPY 157.20"),
    ("１．２３％", "1.23%"),
    ("a\r\nb\rc\u2029d\x85e", "a\nb\nc\n\nd\ne"),
    ("38\u2009500.25 and 1\u202f234\u00a0567", "38,500.25 and 1,234,567"),
    ("in 2024\u00a0150 yen; 12.5\u2009000", "in 2024 150 yen; 12.5 000"),  # no thousands after 4 digits or a decimal
    ("10\u2011year \u2066157\u2069", "10-year 157"),
    ("6 basis \t\npoints  \r\nto 2.33%", "6 basis\npoints\nto 2.33%"),  # spaces at the end of a line
    ("\ufeff\u200b\u200bx\u200b", "x"),
    ("10² ½ … ﬁ", "10² ½ … ﬁ"),  # superscripts, fractions, ellipsis and ligatures are left alone
])
def test_normalize_folds_and_maps_back(text, folded):
    norm = normalize(text)
    assert norm.text == folded
    for i, ch in enumerate(norm.text):  # every character comes from an original one that folds to it
        source = text[norm.start(i)]
        assert ch in normalize(source).text or (ch == "," and source in GROUP_SPACES), (i, ch, source)
    same = lambda piece: piece.replace(",", " ").replace("\n\n", "\n")  # noqa: E731 (context-dependent folds)
    for a in range(len(norm.text) + 1):
        assert norm.start(a) <= norm.start(a + 1) if a < len(norm.text) else norm.start(a) == len(text)
        for b in range(a + 1, len(norm.text) + 1):
            s, e = norm.span(a, b)
            assert 0 <= s < e <= len(text)
            assert same(normalize(text[s:e]).text) == same(norm.text[a:b]), (a, b, text[s:e])
    for j in range(len(text) + 1):
        assert 0 <= norm.to_text(j) <= len(norm.text)
        assert norm.start(norm.to_text(j)) >= j  # a removed character maps to the next one kept


def test_clean_text_is_not_copied():
    text = "The 10-year JGB yield rose 6 basis points to 2.33% on Tuesday.\n"
    norm = normalize(text)
    assert norm.text is text and not norm.changed and norm.span(3, 9) == (3, 9)


def test_normalising_twice_changes_nothing():
    for make in DIRTY.values():
        once = normalize(make(WIRE)).text
        assert normalize(once).text == once


def test_spaces_before_a_wrapped_line_end_keep_every_span(vocabulary):
    """A line break inside a paragraph is read as a space; the spaces before it used to be
    folded into that one space, which moved every later span left ("' 158.2 per dolla'")."""
    from claims.extractor import Extractor
    from claims.sentences import split

    text = "The yen weakened \n  to 158.2 per dollar on Tuesday.\n"
    for found in (claims.extract(text, REFERENCE, vocabulary),
                  Extractor(vocabulary).run(text, split(text), None)):  # the extractor alone, no normalising
        assert [text[c.start:c.end] for c in found] == [c.text for c in found] == ["158.2 per dollar"]
    text = "The 10-year JGB yield rose 6 basis \npoints to 2.33% on Tuesday.\n"
    assert [c.text for c in claims.extract(text, REFERENCE, vocabulary)] == ["6 basis \npoints", "2.33%"]
