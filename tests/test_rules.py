"""The extractor's rule tables, tested from the tables: every rule's examples are decided by
that rule (as the claim's trace says) and its counter-examples are not."""
from __future__ import annotations

import pytest

from claims.extractor import Extractor
from claims.rules import unmark
from claims.rules.binding import DATES, PERIOD_BLOCKERS, PERIODS, POINT_BLOCKERS
from claims.rules.kinds import KINDS
from claims.rules.modality import MODALITY
from claims.rules.nonclaims import MAX_NUMBERS_PER_SENTENCE, MAX_SENTENCE_CHARS, NON_CLAIMS, SKIPPED_SENTENCES
from claims.rules.qualifiers import QUALIFIERS
from claims.sentences import split

REFERENCE = "2026-01-21"  # a Wednesday; every example is read as if written that day


def read(text: str, vocabulary, rejected=None):
    from datetime import date

    return Extractor(vocabulary).run(text, split(text), date.fromisoformat(REFERENCE), rejected)


def claim_at(example: str, vocabulary):
    text, start, end = unmark(example)
    found = [c for c in read(text, vocabulary) if (c.start, c.end) == (start, end)]
    return found[0] if found else None


def decided(claim, decision: str) -> set[str]:
    """The rules a claim's trace names for one decision ("kind", "date", "qualifier", ...)."""
    if claim is None:
        return set()
    if decision in ("kind", "modality", "period", "date"):
        return {claim.trace[decision]} if decision in claim.trace else set()
    return {rule for key, rule in claim.trace.items() if key.startswith(decision)}


# (decision the trace names, the table)
TRACED = [("kind", KINDS), ("modality", MODALITY), ("period", PERIODS), ("date", DATES),
          ("not dated by", POINT_BLOCKERS), ("no period from", PERIOD_BLOCKERS), ("qualifier", QUALIFIERS)]
CASES = [(decision, rule, example, positive) for decision, table in TRACED for rule in table
         for positive, examples in ((True, rule.examples), (False, rule.counter)) for example in examples]


@pytest.mark.parametrize("decision, rule, example, positive", CASES,
                         ids=[f"{r.name}:{'+' if pos else '-'}{i}" for i, (_, r, _, pos) in enumerate(CASES)])
def test_traced_rules_decide_their_examples(decision, rule, example, positive, vocabulary):
    claim = claim_at(example, vocabulary)
    if positive:
        assert claim is not None, f"no claim at the marked number of {example!r}"
        assert rule.name in decided(claim, decision), (example, claim.trace)
    else:
        assert rule.name not in decided(claim, decision), (example, claim and claim.trace)


REJECTING = [(rule, example, positive) for rule in NON_CLAIMS + SKIPPED_SENTENCES
             for positive, examples in ((True, rule.examples), (False, rule.counter)) for example in examples]


@pytest.mark.parametrize("rule, example, positive", REJECTING,
                         ids=[f"{r.name}:{'+' if pos else '-'}{i}" for i, (r, _, pos) in enumerate(REJECTING)])
def test_non_claim_rules_decide_their_examples(rule, example, positive, vocabulary):
    text, start, end = unmark(example)
    rejected = []
    claims = read(text, vocabulary, rejected)
    if positive:
        assert (start, end, rule.name) in rejected, (example, rejected)
        assert not any((c.start, c.end) == (start, end) for c in claims)
    else:
        assert (start, end, rule.name) not in rejected, (example, rejected)


def test_every_rule_has_an_example():
    untestable_by_example = {"long_sentence", "crowded_sentence"}  # covered below
    tables = [table for _, table in TRACED] + [NON_CLAIMS, SKIPPED_SENTENCES]
    missing = [r.name for table in tables for r in table if not r.examples and r.name not in untestable_by_example]
    assert not missing
    names = [r.name for table in tables for r in table]
    assert len(names) == len(set(names)), "rule names are unique across the tables"


def test_long_and_crowded_sentences_are_skipped(vocabulary):
    crowded = "The Nikkei 225 rose " + ", ".join(f"{i}%" for i in range(1, MAX_NUMBERS_PER_SENTENCE + 2)) + "."
    rejected = []
    assert read(crowded, vocabulary, rejected) == [] and {r for _, _, r in rejected} == {"crowded_sentence"}
    long = "The Nikkei 225 rose 2% " + "and kept rising " * (MAX_SENTENCE_CHARS // 16) + "."
    rejected = []
    assert read(long, vocabulary, rejected) == [] and {r for _, _, r in rejected} == {"long_sentence"}


def test_the_trace_is_in_the_json_report(check):
    c = check("Strategists see the 10-year JGB yield at 2.5% by the end of the year.", REFERENCE)[0]
    assert c["trace"]["modality"] == "market_pricing" and c["trace"]["date"] == "forecast_horizon"
    c = check("The 10-year JGB yield rose 6 basis points to 2.33% on Tuesday, the highest since 1999.", REFERENCE)[1]
    assert c["trace"] == {"kind": "level_word_before", "date": "point", "qualifier highest_since:1999": "superlative_since"}
