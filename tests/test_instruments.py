"""What a number is about and whether it is a claim (issue 17), in several registers.

Every sentence here is written for this file. Each capability has a case where the rule
fires and one where it must not.
"""
import pytest

import claims
from conftest import by_text


@pytest.fixture(scope="module")
def ex(vocabulary):
    return lambda text, ref="2026-03-03": claims.extract(text, ref, vocabulary)


def series(c: dict) -> str | None:
    return (c["series"] or {}).get("id")


# -- fuzzy levels: "the upper 140s", "mid-156-yen" -------------------------------------------

def test_a_decade_named_by_its_part_is_a_range(ex):
    c = ex("Dollar-yen spent most of the spring in the upper 140s.")[0]
    assert (c.value, c.range_low, c.range_high) == (148.5, 147.0, 150.0)
    c = ex("NKY: low 40,000s all week, nothing doing")[0]
    assert (c.range_low, c.range_high) == (40000.0, 43000.0)


def test_a_handle_named_by_its_part_is_a_line(ex, check):
    c = ex("The pair edged up to the mid-156-yen level in Tokyo trade.")[0]
    assert c.unit == "fx" and (c.range_low, c.range_high) == (156.3, 156.7)
    stated = by_text(check("USDJPY held above the mid-156-yen level all morning.", "2026-03-03"), "mid-156")
    assert series(stated) == "usdjpy" and stated["threshold"] == "at_least" and "range" not in stated


def test_years_and_unjoined_numbers_are_no_fuzzy_levels(ex):
    assert [c.text for c in ex("In the early 2000s the index was far lower, and by mid-2026 it had doubled.")] == []
    # "mid 156" without the hyphen is no handle: the figure is read as written
    assert all(c.range_low is None for c in ex("Dollar-yen was mid 156 at the open."))


# -- inverse quotes: "1 yen reached US$0.0065" ------------------------------------------------

def test_the_dollar_price_of_one_yen_is_checked_as_usdjpy(check):
    wire = check("On Monday, 1 yen reached US$0.0065, its strongest in months.", "2026-03-03")
    chat = check("[09:12] kenji: one yen fetched US$0.0064 this morning, lol", "2026-03-03")
    for claims_, text in ((wire, "US$0.0065"), (chat, "US$0.0064")):
        assert [c["text"] for c in claims_] == [text]  # the "1 yen" is what is priced, no claim
        c = claims_[0]
        assert series(c) == "usdjpy" and c["unit"] == "USD"  # reported as written
    assert check("one yen fetched US$0.0064", "2026-03-03")[0]["verdict"]["label"] in {"accurate", "approximately_accurate"}


def test_an_inverse_quote_carries_the_precision_it_implies(ex, checker):
    from factcheck.api import orient
    from factcheck.resolve import Resolver

    text = "One yen reached US$0.0065."
    c = ex(text)[0]
    assert c.per_one == "yen"
    [m] = Resolver(checker.catalog).resolve_all([c], text)
    orient(c, m, checker.catalog)
    assert c.unit == "fx" and c.value == pytest.approx(153.85, abs=0.01)
    # 0.0065 is good to 0.00005 dollars: about 1.2 yen either way
    assert c.precision == pytest.approx(1.18, abs=0.02)


def test_a_dollar_amount_after_a_count_is_no_inverse_quote(ex):
    cs = ex("One analyst said $2 billion left Japanese equities in a week.")
    assert [(c.text, c.per_one) for c in cs] == [("$2 billion", None)]
    cs = ex("A dollar bought 157.2 yen on Tuesday.")
    assert [c.per_one for c in cs] == [None]


# -- forecast scope: "potential", "scope for", "room for" -------------------------------------

def test_room_and_potential_for_a_level_are_not_checkable(ex):
    for text in ("Strategists see potential for the 10-year JGB yield to reach 2.5%.",
                 "there's room for the BoJ to take its rate to 1% imo",
                 "We think there is scope for USDJPY to retest 160."):
        assert [c.checkable for c in ex(text)] == [False], text


def test_potential_after_a_reported_fact_leaves_it_checkable(ex):
    cs = ex("The 10-year JGB yield rose to 2.1%, a potential headache for the BoJ.")
    assert [(c.text, c.checkable) for c in cs] == [("2.1%", True)]


# -- figures that better mapping brought to a verdict -----------------------------------------

def test_a_period_before_a_list_of_signed_moves_carries_through_it(ex):
    for text in ("JGB 20s up 40bp YTD, Bunds +21bp, USTs +5bp",
                 "Year to date the 30-year JGB yield is up 60 bp, the Bund +40bp and the Treasury +9bp."):
        moves = [c for c in ex(text, "2025-08-26") if c.kind == "change"]
        assert len(moves) == 3 and all(c.since is not None for c in moves), text
    level = ex("JGB 30s up 60bp YTD, Bunds 3.1%", "2025-08-26")[-1]
    assert level.text == "3.1%" and level.since is None  # an unsigned level is no part of the list


def test_a_month_of_a_named_year(ex):
    assert ex("The 10-year JGB yield peaked at 7.59% in June of 1984.", "2025-08-26")[0].time.value == "1984-06"
    assert ex("jgb 10s all-time high was 7.59 back in June of 1984 fyi", "2025-08-26")[0].time.value == "1984-06"
    assert ex("The 10-year JGB yield touched 1.5% in June.", "2025-08-26")[0].time.value == "2025-06"


def test_a_decision_at_a_two_day_meeting_comes_at_its_end(check):
    for text in ("At its two-day meeting on Thursday, the Bank of Japan raised its policy rate to 0.75%.",
                 "BoJ 2-day policy meeting Thursday: policy rate hiked to 0.75%, as expected."):
        assert check(text, "2025-12-19")[0]["verdict"]["label"] == "accurate", text
    # a one-day statement names the day of the decision itself
    assert check("On Thursday, the Bank of Japan raised its policy rate to 0.75%.", "2025-12-19")[0][
        "verdict"]["label"] == "misdated"


def test_a_move_within_the_session_is_measured_to_the_days_extreme(check):
    for text in ("Tokyo's Nikkei 225 briefly climbed more than 3,000 points on Monday before closing at 56,363.94.",
                 "NKY up more than 3,000 pts intraday before fading, closed 56,363.94"):
        move = check(text, "2026-02-09")[0]
        assert move["verdict"]["label"] == "accurate", text
        assert any(o["field"] == "intraday high" for o in move["verdict"]["observed"])
    # at the close the index was up about 2,110 points: a move not placed within the day fails
    assert check("The Nikkei 225 gained more than 3,000 points on Monday.", "2026-02-09")[0][
        "verdict"]["label"] == "inaccurate"
