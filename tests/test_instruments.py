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


# -- names as traders and writers use them -----------------------------------------------------

def ids(claims_: list[dict]) -> list[str | None]:
    return [series(c) for c in claims_]


def test_tickers_and_desk_names(check):
    assert ids(check("NKY 56,800, SPX 6,850, UJ 157.4 into the close.", "2026-03-03")) == ["nikkei225", "sp500", "usdjpy"]
    assert ids(check("Dollar-yen climbed to 157.4 and USDJPY held there in New York.", "2026-03-03")) == ["usdjpy"]
    assert ids(check("nky gave back 1.5% after lunch; spx +0.4% overnight, tpx -1.1%", "2026-03-03")) == [
        "nikkei225", "sp500", "topix"]
    # a ticker inside another word names nothing
    assert ids(check("The Skynky brand rose 5% in sales.", "2026-03-03")) == [None]


def test_maturities_in_desk_shorthand(check):
    cs = check("JGB 5s 1.45%, 10s 2.05%, 30s 3.35%; UST 10s at 4.1", "2026-03-03")
    assert ids(cs) == ["jgb_5y", "jgb_10y", "jgb_30y", "ust_10y"]  # the 30s are JGBs: UST heads the next item
    assert [c["unit"] for c in cs][-1] == "percent"  # "10s at 4.1": a yield without its % sign
    assert ids(check("UST 10s at 4.1 this morning, 2s at 3.5", "2026-03-03")) == ["ust_10y", "ust_2y"]
    # an issuer named after the number, in the same clause, is still its issuer
    assert ids(check("The 10-year yield rose 5 bp to 4.1% in the US.", "2026-03-03")) == ["ust_10y", "ust_10y"]


def test_paraphrases(check):
    assert ids(check("The benchmark bond yield rose to 2.1%, while share prices in Tokyo fell 1.2%.", "2026-03-03")) == [
        "jgb_10y", "nikkei225"]
    assert ids(check("The federal funds rate sits at 3.75%; effective fed funds printed 3.64%.", "2026-03-03")) == [
        "fed_funds_upper", "fed_funds_effective"]
    assert ids(check("The index of 225 selected issues on the Tokyo exchange closed at 56,800.", "2026-03-03")) == [
        "nikkei225"]  # and its "225" is no claim
    assert ids(check("The JGB 20 years bond yielded 3.0% on Tuesday.", "2026-03-03")) == ["jgb_20y"]
    # a maturity without a market stays unmapped rather than guessed
    assert ids(check("The 20 years bond yielded 3.0% on Tuesday.", "2026-03-03")) == [None]


def test_references_back(check):
    assert ids(check("What about the yen? It's at 157.4.", "2026-03-03")) == ["usdjpy"]
    cs = check("The 10-year JGB yield rose 4 bp on Tuesday. The yield stood at 2.1%.", "2026-03-03")
    assert ids(cs) == ["jgb_10y", "jgb_10y"]
    cs = check("The BoJ left its policy rate at 0.75%. Even at 0.75%, real rates stay deeply negative.", "2026-03-03")
    assert ids(cs) == ["boj_policy_rate", "boj_policy_rate"]
    # a reference back does not reach across an unrelated paragraph's own market
    cs = check("The BoJ left its policy rate at 0.75%.\n\nThe Nikkei 225 rose 1% to 56,800.", "2026-03-03")
    assert ids(cs) == ["boj_policy_rate", "nikkei225", "nikkei225"]


def test_instruments_without_data_are_reported_as_themselves(check):
    cs = check("The Kospi rose 2.1% to 5,800 while the Hang Seng fell 1.1%.", "2026-03-03")
    assert [(series(c), c["instrument"]["id"], c["verdict"]["label"]) for c in cs] == [
        (None, "kospi", "unverifiable"), (None, "kospi", "unverifiable"), (None, "hsi", "unverifiable")]
    c = check("The European currency stood at 183.5 yen in Tokyo.", "2026-03-03")[0]
    assert series(c) is None and c["instrument"]["id"] == "eurjpy" and c["verdict"]["label"] == "unverifiable"
    c = check("The 10-year JGB auction had a tail of 0.12 yen.", "2026-03-03")[0]
    assert series(c) is None and c["verdict"]["label"] == "unverifiable"  # no auction tail is dollar-yen
    # the dollar priced in yen is still dollar-yen
    assert ids(check("The dollar stood at 157.4 yen in Tokyo.", "2026-03-03")) == ["usdjpy"]


def test_a_level_far_from_a_series_is_not_about_it(check):
    # 164 is no S&P 500 level in 2025: the dollar-yen the piece is about
    cs = check("The dollar rose to 157.9 yen. On Wall Street, traders said it could reach 164 soon.", "2025-12-24")
    assert ids(cs) == ["usdjpy", "usdjpy"]
    c = check("NKY near 10,000 lol, in 2026? no", "2026-03-03")[0]
    assert series(c) is None and "far from" in c["verdict"]["explanation"]
    # a level within reach of the series is checked
    assert ids(check("The Nikkei traded near 56,000 on Tuesday.", "2026-03-03")) == ["nikkei225"]
    # a yield named by its maturity and issuer is that yield: a wrong figure is caught, not re-mapped
    c = check("The 10-year JGB yield rose to 4.275% on Tuesday.", "2026-03-03")[0]
    assert series(c) == "jgb_10y" and c["verdict"]["label"] == "inaccurate"
    # points written out may be the size of a move, not a level far from the index
    c = check("The Nikkei's drop on October 20, 1987 was 3,836.48 points.", "1987-10-21")[0]
    assert series(c) == "nikkei225"


# -- numbers whose unit and series come from context -------------------------------------------

def test_table_rows_name_the_series_and_the_header_the_unit(check):
    table = ("| | close | chg |\n| --- | --- | --- |\n"
             "| Nikkei 225 | 56,800.12 | -1.2% |\n| USD/JPY | 157.40 | +0.3% |\n")
    cs = check(table, "2026-03-03")
    assert [(c["text"], series(c), c["kind"]) for c in cs] == [
        ("56,800.12", "nikkei225", "level"), ("-1.2%", "nikkei225", "change"),
        ("157.40", "usdjpy", "level"), ("+0.3%", "usdjpy", "change")]
    # the "225" of the row label is no figure
    assert all(c["text"] != "225" for c in cs)


def test_chat_lists_take_the_unit_of_the_instrument(check):
    cs = check("[09:02] aki: JGB 10s 2.05, 30s 3.35", "2026-03-03")
    assert [(series(c), c["unit"]) for c in cs] == [("jgb_10y", "percent"), ("jgb_30y", "percent")]
    # the clock time of the chat line is no figure
    assert all(c["text"] not in ("09", "02", "09:02") for c in cs)


# -- moves in every phrasing --------------------------------------------------------------------

def test_moves_in_many_phrasings(ex):
    def kinds(text):
        return [(c.text, c.kind, c.value) for c in ex(text)]
    assert kinds("The Nikkei plummeted 4.1% on Tuesday.") == [("4.1%", "change", -4.1)]
    assert kinds("nky gave back 1.5% after lunch") == [("1.5%", "change", -1.5)]
    assert kinds("The index erased the 300 points it lost on Monday.") == [("300 points", "change", -300.0)]
    assert kinds("Nikkei -3.9%, Topix -3.1%, JGB 10s +5bp") == [
        ("-3.9%", "change", -3.9), ("-3.1%", "change", -3.1), ("+5bp", "change", 5.0)]
    c = ex("The Fed has cut by a total of 1.75 percentage points since 2024.")[0]
    assert (c.kind, c.value) == ("change", -1.75)
    # a yield written after a ticker without a sign is a level, not a move
    assert kinds("JGB 10s 2.05 at the close") == [("2.05", "level", 2.05)]


def test_a_headline_that_tops_a_level_is_a_threshold(check):
    c = check("Nikkei tops 57,000", "2026-03-03")[0]
    assert c["kind"] == "level" and c["threshold"] == "at_least"
    c = check("10-year Treasury yield tops 4.5% after surge", "2026-03-03")[0]
    assert c["kind"] == "level" and c["threshold"] == "at_least"


# -- non-claims ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The Nikkei 225 and S&P 500 both fell; the Topix 500 lagged.",
    "One basis point is equal to 0.01%.",
    "If $5 trillion of bonds were sold, yields could spike.",
    "The new tariff rate of 25% hit exporters.",
    "Advancers led, with 197 of its 225 components higher and 80 pct of stocks up.",
    "3/8 The yen story continues.",
])
def test_numbers_that_are_no_claims(ex, text):
    assert [c.text for c in ex(text)] == []


def test_non_claims_leave_the_claims_beside_them(ex):
    assert [c.text for c in ex("($1 = 157.20 yen)")] == ["157.20 yen"]
    assert [c.text for c in ex("The Nikkei rose 1.2% by 0146 GMT.")] == ["1.2%"]
    assert [c.text for c in ex("Episode 212: the Nikkei at 56,800")] == ["56,800"]
    assert [c.text for c in ex("Nikkei tops 57,000")] == ["57,000"]  # a short headline with a market IS a claim


# -- money in every common form -----------------------------------------------------------------

@pytest.mark.parametrize("text, written, value, unit", [
    ("The fund raised $ 40 million.", "$ 40 million", 40e6, "USD"),
    ("It paid US$2.5 billion for the unit.", "US$2.5 billion", 2.5e9, "USD"),
    ("The deal is worth C$800 million.", "C$800 million", 800e6, "CAD"),
    ("Proceeds were HK$3.2 billion.", "HK$3.2 billion", 3.2e9, "HKD"),
    ("GIC put in S$8.9 billion.", "S$8.9 billion", 8.9e9, "SGD"),
    ("The MoF spent ¥1.2 trillion.", "¥1.2 trillion", 1.2e12, "JPY"),
    ("A salary of 320,000 yen a month.", "320,000 yen", 320000.0, "JPY"),
    ("He lost three million yen.", "three million yen", -3e6, "JPY"),
    ("Intervention of one trillion yen was reported.", "one trillion yen", 1e12, "JPY"),
    ("Shares closed at 85 pence.", "85 pence", 0.85, "GBP"),
    ("The stock fell 12.5 cents.", "12.5 cents", -0.125, "USD"),
    ("China injected 50 billion yuan.", "50 billion yuan", 50e9, "CNY"),
    ("The fee is 2,000 Swiss francs.", "2,000 Swiss francs", 2000.0, "CHF"),
    ("Tickets cost EUR 400.", "EUR 400", 400.0, "EUR"),
    ("Paid 250USD for it.", "250USD", 250.0, "USD"),
])
def test_money_amounts_carry_their_currency_and_scale(ex, text, written, value, unit):
    [c] = ex(text)
    assert (c.text, c.unit) == (written, unit)
    assert c.value == pytest.approx(value)


def test_a_yen_price_of_a_dollar_is_an_exchange_rate_not_an_amount(ex):
    assert [str(c.unit) for c in ex("The dollar bought 157 yen.")] == ["fx"]
    assert [str(c.unit) for c in ex("usdjpy 157.2 yen, quiet")] == ["fx"]


def test_a_bare_maturity_in_a_later_paragraph_is_of_the_market_the_piece_quotes_most(check):
    text = ("The 30-year JGB yield closed at 3.35% on Tuesday, the 20-year at 3.1% and the 10-year at 2.1%.\n\n"
            "Across the Pacific, two-year Treasury yields dropped 5 basis points to 3.5%.\n\n"
            "I expect the 30-year to test 3.9% before the end of the year.")
    assert ids(check(text, "2026-03-03"))[-1] == "jgb_30y"
    text = ("JGB 30s 3.35%, 10s 2.1%.\n\nUSTs: the 30-year Treasury at 4.9%.\n\nTokyo stocks fell 1%.\n\n"
            "remember when the 30-year first cleared 3.0%? feels like ages")
    assert ids(check(text, "2026-03-03"))[-1] == "jgb_30y"
    # within a paragraph the market just named wins
    text = "The 10-year JGB yield closed at 2.1% on Tuesday.\n\nUS Treasuries rallied overnight. The 10-year yield fell 5 bp to 4.1%."
    assert ids(check(text, "2026-03-03")) == ["jgb_10y", "ust_10y", "ust_10y"]


def test_a_move_restated_in_points(ex):
    for text in ("The Nikkei 225 jumped 5.6% to a record. In points that's 3,320.",
                 "nky +5.6% on the day, in index points that is three thousand three hundred and twenty"):
        assert [(c.kind, c.value) for c in ex(text, "2026-05-07")][-1] == ("change", 3320.0), text
    assert ex("The Nikkei 225 closed at a record. That's 62,834 on the board.", "2026-05-07")[-1].kind == "level"
