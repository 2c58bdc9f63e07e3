"""Broker and strategy notes (issue 15 follow-up, held-out registers): a trade's stop, target
and entry levels are where the writer would act, not readings of the market; a maturity
listed after a Treasury ("and the 2-year at 4.37%") stays a Treasury when a contrasting
clause names JGBs after it. Sentences are our own (research note, desk chat, wire), each
rule with a case where it must not fire."""
from __future__ import annotations

import pytest

from conftest import by_text


@pytest.mark.parametrize("text, literal", [
    # research note
    ("USD/JPY 148.20 yen. Short from here, stop 151.40 yen, target 146 yen.", "151.40 yen"),
    ("USD/JPY 148.20 yen. Short from here, stop 151.40 yen, target 146 yen.", "146 yen"),
    # desk chat
    ("JGB 10s: buy at 1.55%, stop-loss 1.62%", "1.55%"),
    ("JGB 10s: buy at 1.55%, stop-loss 1.62%", "1.62%"),
    # a price target on an index, in a wire story quoting a strategist
    ("The strategist kept a price target of 42,000 on the Nikkei 225.", "42,000"),
])
def test_trade_levels_are_not_checkable(check, text, literal):
    c = by_text(check(text, "2026-07-24"), literal)
    assert c["checkable"] is False and c["verdict"]["label"] == "not_checkable"


@pytest.mark.parametrize("text, literal", [
    ("The dollar slid to 146.00 yen as stop-loss orders were hit.", "146.00 yen"),
    ("USD/JPY 148.20 yen. Short from here, stop 151.40 yen, target 146 yen.", "148.20 yen"),
    ("Our year-end target was met when the Nikkei 225 closed at 40,000 on Friday.", "40,000"),
])
def test_market_levels_beside_trade_words_stay_checkable(check, text, literal):
    assert by_text(check(text, "2026-07-24"), literal)["checkable"] is True


@pytest.mark.parametrize("text, literal, series", [
    # wire: the JGB of the contrasting clause does not take the Treasury 2-year
    ("The 10-year Treasury closed at 4.71% and the 2-year at 4.37%, while the 10-year JGB sat at 2.78%.",
     "4.37%", "ust_2y"),
    # desk shorthand
    ("UST 10s 4.71% and 2s 4.37%, but JGB 10s stuck at 2.78%", "4.37%", "ust_2y"),
    # a semicolon list still reads as before
    ("JGB 5s at 1.45%, 30s at 3.35%; UST 10s at 4.1%", "3.35%", "jgb_30y"),
    # must not fire: the issuer before the number, in its own clause, still wins
    ("The 2-year JGB yield rose to 1.50%, while the Treasury 10-year fell to 4.20%.", "1.50%", "jgb_2y"),
])
def test_a_maturity_takes_the_issuer_of_its_own_clause(check, text, literal, series):
    assert by_text(check(text, "2026-07-24"), literal)["series"]["id"] == series


@pytest.mark.parametrize("text, literal", [
    # wire: a possessive bank name ("Fed's") when no longer entry starts with it
    ("After the July meeting the Fed's rate sits at 4.25%-4.50%.", "4.25%-4.50%"),
    # desk note
    ("Fed's policy band: 4.25%-4.50%, unchanged", "4.25%-4.50%"),
    # the longer entry still wins where it fits
    ("The Fed's target stayed at 4.25%-4.50%.", "4.25%-4.50%"),
])
def test_a_possessive_bank_name_is_still_the_bank(check, text, literal):
    c = by_text(check(text, "2025-07-31"), literal)
    assert c["series"]["id"] == "fed_funds_upper" and c["verdict"]["label"] == "accurate", c["verdict"]
