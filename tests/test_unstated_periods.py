"""A move whose period the text does not state (factcheck/verify/unstated.py): read over the
standard periods ending at its session when its size is unusual for one session or the
sentence or heading names a period; never when the text gives the day. Our own sentences
in three registers (a monthly recap list, wire prose, a weekly desk wrap); real data from
the shipped snapshot.

Figures used (closes): Nikkei 225 2026-03-31 51,063.72, 2026-04-30 59,284.92 (+16.10% in
April; its largest one-day move in the data is below 15%); S&P 500 6,528.52 -> 7,209.01
(+10.42%); US 10-year 4.44% (2026-06-30) -> 4.75% (2026-07-31), +31 bp in July, +7 bp on
2026-07-31; Nikkei 225 week to 2026-08-07 +1.93% (2026-07-31 64,362.02 -> 65,606.71), that
Friday -0.12%; 1.9% is about the 90th percentile of its absolute daily moves."""
import pytest

from conftest import by_text

SUPPORTED = ("accurate", "approximately_accurate")
FLAGS = ("inaccurate", "misdated")
READING = "a period the text does not state"


@pytest.fixture(scope="module")
def judge(checker):
    def run(text: str, day: str, literal: str) -> dict:
        return by_text(checker.check(text, day).to_dict()["claims"], literal)["verdict"]
    return run


def names(v: dict) -> list[str]:
    return [r["name"] for r in v.get("readings", [])]


RECAP = "April in markets, a recap\n\n- The Nikkei 225 climbed {nky}, its best run in decades.\n" \
        "- Wall Street followed: the S&P 500 gained {spx}.\n"


def test_a_monthly_recap_move_holds_over_the_month_just_ended(judge):
    v = judge(RECAP.format(nky="16.1%", spx="10.4%"), "2026-05-01", "16.1%")
    assert v["label"] == "approximately_accurate" and "strength" not in v
    assert "over the month 2026-04" in v["explanation"] and "The period is not stated" in v["explanation"]
    assert "larger than every daily move in the data" in v["explanation"]
    assert names(v)[-1] == READING and v["readings"][-1]["holds"] is True
    assert judge(RECAP.format(nky="16.1%", spx="10.4%"), "2026-05-01", "10.4%")["label"] in SUPPORTED


def test_a_false_recap_move_is_still_caught(judge):
    # 9% is rare for one session, so every standard period is tried; none comes near (April +16.1%)
    v = judge(RECAP.format(nky="9%", spx="10.4%"), "2026-05-01", "9%")
    assert v["label"] == "inaccurate" and v["strength"] > 1
    assert READING in names(v) and "a period the text does not state (" in v["explanation"]


def test_a_move_beyond_any_session_with_no_period_fitting_is_unverifiable(judge):
    v = judge(RECAP.format(nky="24%", spx="10.4%"), "2026-05-01", "24%")
    assert v["label"] == "unverifiable" and "period not stated" in v["explanation"]
    assert "larger than any daily move of Nikkei 225" in v["explanation"]


def test_an_explicit_day_keeps_the_one_day_check(judge):
    v = judge("The Nikkei 225 climbed 16.1% on Thursday.", "2026-05-01", "16.1%")
    assert v["label"] == "inaccurate" and READING not in names(v)
    v = judge("Weekly wrap\n\nThe Nikkei 225 gained 1.9% on Friday.", "2026-08-08", "1.9%")
    assert v["label"] == "inaccurate" and READING not in names(v)


def test_wire_prose_a_month_long_selloff(judge):
    text = "Treasuries had a rough July. The 10-year yield rose {} basis points, the most since the spring."
    v = judge(text.format(31), "2026-08-03", "31 basis points")
    assert v["label"] == "approximately_accurate" and "over the month 2026-07" in v["explanation"]
    assert "larger than 99." in v["explanation"]  # the percentile among its daily moves
    caught = judge(text.format(19), "2026-08-03", "19 basis points")
    assert caught["label"] == "inaccurate" and READING in names(caught)


def test_a_weekly_heading_lets_an_ordinary_size_be_the_weeks(judge):
    v = judge("Our weekly letter to clients\n\nThe Nikkei 225 gained 1.9% and the yen was little changed.",
              "2026-08-08", "1.9%")
    # the heading names the length, so the text did state the period: within precision, accurate
    assert v["label"] == "accurate" and "over the week to 2026-08-07" in v["explanation"]
    wrong = judge("Our weekly letter to clients\n\nThe Nikkei 225 gained 3.1% and the yen was little changed.",
                  "2026-08-08", "3.1%")
    assert wrong["label"] == "inaccurate" and READING in names(wrong)
    # desk shorthand for the week in the heading
    chat = judge("wk recap\n\nnky +1.9%, yen flat", "2026-08-08", "+1.9%")
    assert chat["label"] == "accurate" and "over the week to 2026-08-07" in chat["explanation"]


def test_an_ordinary_size_without_a_period_word_stays_one_session(judge):
    # a wrong close-of-day move of a common size: the period reading is not even tried
    v = judge("Tokyo close: the Nikkei 225 gained 1.9%.", "2026-08-07", "1.9%")
    assert v["label"] == "inaccurate" and READING not in names(v)


def test_the_daily_move_distribution_is_computed_once_per_series(checker):
    from factcheck.verify import unstated
    checker.check("The Nikkei 225 climbed 16.1%, its best month in years.", "2026-05-01")
    keys = [key for key in unstated._MOVES if key[0] == "nikkei225"]
    assert keys
    before = {key: id(unstated._MOVES[key]) for key in keys}
    checker.check("The Nikkei 225 climbed 16.2%, its best month in years.", "2026-05-01")
    assert {key: id(unstated._MOVES[key]) for key in keys} == before


# S&P 500 month of March 2026: 6,878.88 -> 6,528.52 (-5.09%); March 2025 was worse (-5.75%)
MONTHLY = "Monthly recap, April 1\n\n- The S&P 500 lost 5.1%, its worst month since {}.\n"


def test_a_period_superlative_that_holds(judge):
    v = judge(MONTHLY.format("March 2025"), "2026-04-01", "5.1%")
    assert v["label"] == "accurate" and "'worst month since March 2025' holds" in v["explanation"]


def test_a_period_superlative_that_fails_is_a_weak_flag(judge):
    # the extraction reads the month from "its worst month"; the superlative is checked here
    v = judge(MONTHLY.format("2022"), "2026-04-01", "5.1%")
    assert v["label"] == "inaccurate" and v["strength"] == 0.5
    assert "-5.09%" in v["explanation"] and "the month to 2025-03-31 moved -5.75%" in v["explanation"]
    # a period the extraction does not see (no heading, no period word near the figure)
    text = "Wall Street in March\n\nThe S&P 500 lost 5.1%, which for stocks made it the worst month since {}."
    assert judge(text.format("2022"), "2026-04-01", "5.1%")["label"] == "inaccurate"
    assert judge(text.format("March 2025"), "2026-04-01", "5.1%")["label"] in SUPPORTED


def test_a_one_day_move_beside_a_period_superlative_is_not_judged_by_it(judge):
    # S&P 500 on 2026-03-31: 6,343.72 -> 6,528.52 (+2.91%); the month was its worst since March 2025
    v = judge("The S&P 500 rose 2.9% on Tuesday, ending its worst month since 2022.", "2026-04-01", "2.9%")
    assert v["label"] in SUPPORTED


def test_a_maturity_a_span_or_a_release_names_no_period():
    from factcheck.verify.unstated import HEADING_PERIOD, PERIOD_WORDS
    named = lambda text: {n for n, words in PERIOD_WORDS.items() if words.search(text)}  # noqa: E731
    assert named("The 10-year yield rose; the 52-week high held; a two-year note") == set()
    assert named("after weekly jobless claims fell") == set()
    assert named("its worst month since 2022") == {"month"} and named("YTD: +4%") == {"year"}
    assert named("a weekly gain of 2%") == {"week"}
    heads = lambda text: [m.group(0) for m in HEADING_PERIOD.finditer(text)]  # noqa: E731
    assert heads("Weekly wrap") and heads("Monthly markets recap, April 1") and heads("wk recap")
    assert not heads("Yen slips as weekly jobless claims fall") and not heads("10-year yield report")


def test_a_day_stated_in_a_document_without_a_date_keeps_the_one_day_check(judge):
    v = judge("The Nikkei 225 fell 2% on Friday, capping a rough stretch.", None, "2%")
    assert READING not in names(v)


# JGB 30-year: 3.440% on 2026-03-09, 3.412% on 2026-03-10; its largest one-day move in the data is 26.8 bp
CARRIED = "On Tuesday super-long JGBs sold off hard. The 30-year yield climbed {} basis points as life insurers stayed away."


def test_a_carried_day_admits_the_reading_only_for_a_size_no_session_produced(judge):
    v = judge(CARRIED.format(40), "2026-03-11", "40 basis points")
    assert v["label"] == "unverifiable" and "period not stated" in v["explanation"]
    assert "largest 26.8 bp" in v["explanation"]


def test_a_carried_day_still_catches_a_possible_but_wrong_move(judge):
    v = judge(CARRIED.format(20), "2026-03-11", "20 basis points")
    assert v["label"] == "inaccurate" and READING in names(v)


def test_a_sentence_that_says_one_session_keeps_the_one_day_reading(judge):
    # the April recap's 16.1% again, now said of a day the text does not place
    v = judge("April in markets\n\n- The day after the budget vote the Nikkei 225 climbed 16.1%.", "2026-05-01", "16.1%")
    assert v["label"] == "inaccurate" and READING not in names(v)


def test_a_superlative_of_another_row_is_not_this_figures():
    from factcheck.verify.periodrank import after_figure

    class Row:  # a table's rows are one sentence to the extraction
        sentence = "| Nikkei 225 | +11.9% | / | Brent | -25.2% (worst month since March 2020) |"
        sentence_start, end = 0, sentence.index("+11.9%") + len("+11.9%")
    assert after_figure(Row) == ""
    Row.end = Row.sentence.index("-25.2%") + len("-25.2%")
    assert "worst month since March 2020" in after_figure(Row)
