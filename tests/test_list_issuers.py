"""Mapping in lists and interviews: a maturity listed after a Treasury is not the JGB that
heads the next item ("..., while the 10-year JGB ..."), and "the policy rate" in a piece
about one market with no bank named is that market's central bank rate."""
from __future__ import annotations


def _series(checker, text, day):
    return {r.claim.text: r.mapping.series_id for r in checker.check(text, day).results}


def test_newsletter_list_maturity_keeps_the_issuer_before_it(checker):
    text = ("Rates check: the 10-year Treasury closed out a choppy day at 4.45% and the 2-year at 4.86%, "
            "while the 10-year JGB held at 0.97%.")
    found = _series(checker, text, "2024-05-14")
    assert found["4.86%"] == "ust_2y" and found["0.97%"] == "jgb_10y"


def test_chat_list_with_market_after_its_own_tenor_still_names_that_market(checker):
    text = "tsy 10y 4.45%, 2y 4.86%; jgb 2y 0.36%"
    found = _series(checker, text, "2024-05-14")
    assert found["4.86%"] == "ust_2y"


def test_interview_policy_rate_without_a_bank_is_the_markets_central_bank(checker):
    text = ("Q: What about Japanese government bonds at the short end?\n\n"
            "A: Steady. The 10-year is at 0.97% and the policy rate is still 0.1%.")
    found = _series(checker, text, "2024-05-14")
    assert found["0.1%"] == "boj_policy_rate" and found["0.97%"] == "jgb_10y"


def test_a_move_beside_policy_words_is_not_given_to_the_bank(checker):
    text = ("JGB note: the 10-year yield rose 0.06 percentage points after the policy meeting, "
            "to 0.97%.")
    found = _series(checker, text, "2024-05-14")
    assert found["0.06 percentage points"] != "boj_policy_rate"


def test_figure_for_the_market_after_it_is_that_markets(checker):
    # broker note: the JGB's figure is named after it with "for the"
    text = "Spreads still drive the pair: 10-year Treasuries yield 4.45% versus 0.97% for the 10-year JGB."
    found = _series(checker, text, "2024-05-14")
    assert found["0.97%"] == "jgb_10y" and found["4.45%"] == "ust_10y"


def test_chat_figure_for_a_market_named_after_it(checker):
    text = "ust 10y at 4.45%, and 0.97% for jgb 10y lol"
    assert _series(checker, text, "2024-05-14")["0.97%"] == "jgb_10y"


def test_for_followed_by_a_time_word_does_not_rename_the_figure(checker):
    text = "The 10-year Treasury yield was 4.45% for the session, the 10-year JGB yield 0.97%."
    assert _series(checker, text, "2024-05-14")["4.45%"] == "ust_10y"
