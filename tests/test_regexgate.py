"""The literal pre-check in front of the rules' patterns (claims.regexgate) never changes
a match: it may only skip a pattern that could not have matched."""
from __future__ import annotations

import importlib
import pkgutil
import re

import pytest
from hypothesis import given, settings, strategies as st

import claims
from claims.regexgate import Gated, gated, lacks, required_literals
from conftest import ROOT, SHARED


@pytest.mark.parametrize("pattern, need", [
    (r"\btariffs?\b", {"tariff"}),
    (r"\b(?:target|goal)\b", {"target", "goal"}),
    (r"(?:end of|year-end) (?:the )?year", {"year"}),  # the run after the group is the most selective
    (r"^\s*of\s+the", None),  # anchored at the start: a search fails at once anyway
    (r"\b(?:up|down)?\s*\d+%", None),  # an optional group and classes: nothing required
    (r"a|bc", None),  # a branch of one letter: every text holds one
    (r"(?:ab)+cde", {"cde"}),  # the longer of two required runs
    (r"(?:ab)*", None),
    (r"(?=tariff)\w+", None),  # a look-ahead is not part of the match
    (r"caf\u00e9 au lait", {" au lait"}),  # a literal outside ASCII breaks the run
])
def test_required_literals(pattern, need):
    found, _ = required_literals(re.compile(pattern, re.I))
    assert (None if found is None else set(found[0])) == need  # the most selective need


def test_every_need_must_hold():
    needs, folded = required_literals(re.compile(r"\bat the end of (?:the )?(?:year|month)\b", re.I))
    assert set(map(frozenset, needs)) == {frozenset({"at the end of "}), frozenset({"year", "month"})}
    assert lacks("at the end of the week", needs, folded) and lacks("later this year", needs, folded)
    assert not lacks("At the End of the YEAR", needs, folded)


def test_case_is_compared_only_as_the_pattern_reads_it():
    need, folded = required_literals(re.compile(r"\bChristmas\b"))
    assert folded is False and lacks("by christmas", need, folded)
    need, folded = required_literals(re.compile(r"\b(?i:for|during) (?:19|20)\d\d\b"))
    assert folded is True and not lacks("DURING 2024", need, True) and lacks("BY 2024", need, True)
    # re.IGNORECASE matches "ſ" (long s) to "s": text outside ASCII is always scanned
    rx = gated(re.compile(r"\bsessions\b", re.I))
    assert isinstance(rx, Gated) and rx.search("five ſessions") is not None
    assert rx.search("five days") is None and rx.search("five SESSIONS").group(0) == "SESSIONS"


def test_gated_pattern_behaves_as_the_pattern():
    raw = re.compile(r"\b(?P<w>tariffs?|duty)\b", re.I)
    rx = gated(raw)
    assert isinstance(rx, Gated)
    assert rx.pattern == raw.pattern and rx.flags == raw.flags and rx.groupindex == raw.groupindex
    assert rx.search("no such word") is None and list(rx.finditer("none")) == [] and rx.findall("none") == []
    assert [m.span() for m in rx.finditer("a duty and a Tariff")] == [(2, 6), (13, 19)]
    assert rx.split("x duty y") == raw.split("x duty y") and rx.sub("-", "a tariff") == "a -"
    assert rx.search("a duty here", 3) is None and rx.match("duty").group("w") == "duty"
    assert rx.search("a duty here", 2).span() == (2, 6) and rx.search("a duty here", 0, 5) is None
    assert rx.search("x" * 5000 + " duty", 1).span() == (5001, 5005)  # a long range is not copied to look


def _gated_patterns() -> list[tuple[str, Gated]]:
    out = []
    for info in pkgutil.walk_packages(claims.__path__, "claims."):
        if info.name == "claims.component":
            continue
        module = importlib.import_module(info.name)
        out += [(f"{info.name}.{k}", v) for k, v in vars(module).items() if isinstance(v, Gated)]
    return out


def _windows() -> list[str]:
    """Pieces of commentary of every length a rule reads (left and right of a number)."""
    texts = [(ROOT / "examples/sample_note.txt").read_text(encoding="utf-8")]
    if SHARED.exists():
        texts += [p.read_text(encoding="utf-8") for p in sorted((SHARED / "eval/dev").glob("*.txt"))[:12]]
    out = []
    for text in texts:
        for size in (12, 25, 60, 110, 400):
            out += [text[i:i + size] for i in range(0, len(text), max(7, size // 3))]
    return out


def test_every_gated_rule_pattern_finds_what_it_finds_ungated():
    patterns = _gated_patterns()
    assert len(patterns) > 30  # the rule modules are gated
    windows = _windows()
    for name, rx in patterns:
        for w in windows:
            expect = [m.span() for m in rx.regex.finditer(w)]
            assert [m.span() for m in rx.finditer(w)] == expect, (name, w)
            assert (rx.search(w) is None) == (not expect), (name, w)
            a, b = len(w) // 4, len(w) - len(w) // 5  # a range of the text, as a sentence of a document
            assert [m.span() for m in rx.finditer(w, a, b)] == [m.span() for m in rx.regex.finditer(w, a, b)], (name, w)


WORDS = st.sampled_from(["tariff", "Tariffs", "DUTY", "levy", "of", "the", "end", "year-end", "a", "ſ", "İ",
                         "K", "2.5%", "rose", "at", "one", "point", " ", "-", ", "])


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=12).map(" ".join))
def test_no_gated_pattern_misses_a_match_on_generated_text(text):
    for name, rx in _GATED:
        assert (rx.search(text) is None) == (rx.regex.search(text) is None), (name, text)


_GATED = _gated_patterns()
