"""A currency in brackets after a pair names the row's unit, not what moved.

"USD/JPY (yen) +0.6" in a weekly grid is dollar-yen up 0.6%; reading "(yen)" as the
subject turned it into a yen gain, dollar-yen -0.6, and a wrong flag. A bracketed
currency that is the only instrument named still is the subject.
"""
import pytest

import claims
from factcheck.catalog import load_catalog

VOCAB = load_catalog().vocabulary()


def _moves(text: str):
    return [c for c in claims.extract(text, "2025-02-15", VOCAB) if c.kind == claims.Kind.CHANGE]


@pytest.mark.parametrize("text", [
    "| USD/JPY (yen) | 152.25 | +0.6% |",  # a pipe table row
    "usd/jpy (yen) +0.6% w/w, nky +0.9%",  # desk shorthand
    "Dollar-yen (JPY per USD) added 0.6% on the week.",  # wire copy
])
def test_bracketed_unit_after_a_pair_is_not_the_subject(text):
    move = _moves(text)[0]
    assert not move.subject_quote


@pytest.mark.parametrize("text", [
    "The yen (JPY) gained 0.6% on the week.",  # the yen is named before its bracket
    "Yen strengthened 0.6% against the dollar this week.",
])
def test_the_yen_as_subject_still_counts(text):
    assert _moves(text)[0].subject_quote
