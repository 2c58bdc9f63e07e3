"""The readings a careful editor tries before refuting a claim (factcheck/verify/readings.py):
for each, a sentence where the reading rescues a true claim, one where a false claim is
still caught despite it, and one where the reading must not apply; in prose and in other
registers (wire, desk shorthand, chat). Real dates, the shipped snapshot."""
import pytest

from conftest import by_text

SUPPORTED = ("accurate", "approximately_accurate")
FLAGS = ("inaccurate", "misdated")


@pytest.fixture(scope="module")
def judge(checker):
    def run(text: str, day: str, literal: str) -> dict:
        return by_text(checker.check(text, day).to_dict()["claims"], literal)["verdict"]
    return run


def names(v: dict) -> list[str]:
    return [r["name"] for r in v.get("readings", [])]


# -- the day's intraday range ----------------------------------------------------------------
# Nikkei 225 on 2026-02-09: close 56,363.94, bar 55,018.57-57,337.07, previous close 54,253.68

def test_a_same_day_level_inside_the_days_range_holds(judge):
    v = judge("Tokyo stocks soared; the Nikkei 225 stood at 57,100 late in the morning.", "2026-02-09", "57,100")
    assert v["label"] in SUPPORTED and "intraday range" in v["explanation"]
    assert names(v) == ["as stated", "the day's intraday range"] and v["readings"][0]["holds"] is False
    assert v["readings"][1]["holds"] is True and "strength" not in v


def test_a_level_beyond_the_days_range_is_still_caught(judge):
    v = judge("Tokyo stocks soared; the Nikkei 225 stood at 58,200 late in the morning.", "2026-02-09", "58,200")
    assert v["label"] == "inaccurate" and v["strength"] > 1
    assert [r["holds"] for r in v["readings"]] == [False, False]
    assert "No other reading holds: the day's intraday range" in v["explanation"]


def test_a_close_is_never_read_against_the_range(judge):
    v = judge("The Nikkei 225 closed at 57,100 on Monday.", "2026-02-10", "57,100")
    assert v["label"] == "inaccurate" and names(v) == ["as stated"]


def test_a_move_measured_during_the_session(judge):
    # wire style, extreme word: the bar's high was +5.68% on the previous close
    assert judge("The Nikkei 225 surged as much as 5.6% on Monday.", "2026-02-09", "5.6%")["label"] in SUPPORTED
    v = judge("The Nikkei 225 surged as much as 7% on Monday.", "2026-02-09", "7%")
    assert v["label"] == "inaccurate" and "the day's intraday range" in names(v)
    # desk style, the document's own day: a mid-session figure
    assert judge("Nikkei 225 was up 5.5% in morning trade.", "2026-02-09", "5.5%")["label"] in SUPPORTED


def test_a_move_of_a_finished_session_is_close_to_close(judge):
    v = judge("The Nikkei 225 rose 5.5% on Monday.", "2026-02-10", "5.5%")
    assert v["label"] == "inaccurate" and names(v) == ["as stated"]


def test_an_intraday_line_needs_the_bar_to_reach_it(judge):
    # USD/JPY on 2026-01-23: Yahoo bar high 159.207
    assert judge("Dollar-yen touched 159.2 on Friday.", "2026-01-27", "159.2")["label"] in SUPPORTED
    v = judge("Dollar-yen touched 160.2 on Friday.", "2026-01-27", "160.2")
    assert v["label"] == "inaccurate" and "never at or above" in v["explanation"]


def test_a_level_placed_in_a_month_may_be_any_moment_of_it(judge):
    # USD/JPY closes in April 2024 stayed below 157.7; the bar of 2024-04-29 reached 159.96
    v = judge("Japan intervened in April 2024 when the dollar was at 159.9 yen.", "2024-05-22", "159.9 yen")
    assert v["label"] in SUPPORTED and "2024-04-29" in v["explanation"]
    v = judge("Japan intervened in April 2024 when the dollar was at 162.5 yen.", "2024-05-22", "162.5 yen")
    assert v["label"] in FLAGS


# -- a figure from during the session on a series with closes only ----------------------------

def test_a_mid_session_figure_without_bars_is_not_refuted_by_the_close(judge):
    v = judge("The Topix was up 3.1% in morning trade.", "2026-02-09", "3.1%")  # close +2.29%, no TOPIX bars
    assert v["label"] == "unverifiable" and "during the session" in v["explanation"]


def test_a_yields_mid_session_quote_is_still_judged(judge):
    # a yield's basis allowance covers quotes from any hour: no escape into unverifiable
    v = judge("The 10-year JGB yield was at 2.40% in morning trade.", "2026-01-20", "2.40%")
    assert v["label"] == "inaccurate"


def test_a_topix_move_of_a_finished_session_is_judged(judge):
    v = judge("The Topix rose 3.1% on Monday.", "2026-02-10", "3.1%")
    assert v["label"] in FLAGS


# -- the session before -----------------------------------------------------------------------
# JGB 10-year: 2.266% on 2026-01-19, 2.330% on 2026-01-20, 2.280% on 2026-01-21

def test_a_morning_note_reports_the_session_before(judge):
    v = judge("The 10-year JGB yield rose 6.5 basis points.", "2026-01-21", "6.5 basis points")
    assert v["label"] in SUPPORTED and "the session before (2026-01-20)" in v["explanation"]


def test_a_move_matching_neither_session_is_caught(judge):
    v = judge("The 10-year JGB yield rose 14 basis points.", "2026-01-21", "14 basis points")
    assert v["label"] == "inaccurate" and "the session before (2026-01-20)" in names(v)


def test_a_dated_move_is_not_moved_to_the_session_before(judge):
    v = judge("The 10-year JGB yield rose 6.5 basis points on Wednesday.", "2026-01-21", "6.5 basis points")
    assert v["label"] == "inaccurate" and not any("session before" in n for n in names(v))


# -- hours the data do not see ------------------------------------------------------------------
# USD/JPY on Friday 2026-01-23: noon fixing 157.57, Yahoo bar 157.39-159.21, Monday's open 155.19

def test_a_new_york_afternoon_quote_cannot_be_settled(judge):
    v = judge("The dollar slid below 156 yen in New York trading on Friday.", "2026-01-23", "156 yen")
    assert v["label"] == "unverifiable" and "New York afternoon quote" in v["explanation"]
    v = judge("At 5 p.m. the dollar stood at 155.7 yen.", "2026-01-23", "155.7 yen")  # wire style, a clock time
    assert v["label"] == "unverifiable"


def test_a_new_york_quote_outside_what_the_data_bound_is_caught(judge):
    v = judge("The dollar rose to 160.5 yen in New York trading on Friday.", "2026-01-23", "160.5 yen")
    assert v["label"] == "inaccurate" and "a New York afternoon quote" in names(v)


def test_a_later_hour_after_a_new_york_sentence_is_still_new_york(judge):
    text = ("In New York trading on Friday the dollar held above 158 yen early in the morning. From around noon, "
            "however, selling picked up and the dollar fell as low as {} yen.")
    assert judge(text.format("155.6"), "2026-01-23", "155.6 yen")["label"] == "unverifiable"
    assert judge(text.format("153.9"), "2026-01-23", "153.9 yen")["label"] == "inaccurate"  # below the next open
    tokyo = text.replace("New York", "Tokyo").format("155.6")
    assert judge(tokyo, "2026-01-23", "155.6 yen")["label"] == "inaccurate"  # Tokyo hours: the bar covers them


def test_a_later_hour_in_chat_shorthand_and_not_across_paragraphs(judge):
    chat = "fri: new york opened quiet, usd/jpy sat near 158. by the afternoon the dollar was down at {} yen"
    assert judge(chat.format("155.6"), "2026-01-23", "155.6 yen")["label"] == "unverifiable"
    assert judge(chat.format("153.9"), "2026-01-23", "153.9 yen")["label"] == "inaccurate"
    # New York named in the paragraph before: the later hour is not placed there
    apart = "fri: new york opened quiet, usd/jpy sat near 158.\n\nBy the afternoon the dollar was down at 155.6 yen."
    assert judge(apart, "2026-01-23", "155.6 yen")["label"] == "inaccurate"


def test_a_days_extreme_may_come_in_hours_the_data_miss(judge):
    # previous fixing 158.36 (2026-01-22): 155.6 is -1.74%, between Friday's bar and Monday's open
    prose = "On Friday, January 23, 2026, the yen jumped as much as 1.8% against the dollar to 155.6 per dollar."
    assert judge(prose, "2026-01-24", "155.6 per dollar")["label"] == "unverifiable"
    v = judge(prose, "2026-01-24", "1.8%")
    assert v["label"] == "unverifiable" and "extreme" in v["explanation"]
    wire = "USD/JPY fell as low as 155.6 on Jan 23 before steadying."
    assert judge(wire, "2026-01-24", "155.6")["label"] == "unverifiable"


def test_a_days_extreme_beyond_what_the_data_bound_is_caught(judge):
    v = judge("On Friday, January 23, 2026, the yen jumped as much as 3.5% against the dollar.", "2026-01-24", "3.5%")
    assert v["label"] == "inaccurate" and "a New York afternoon quote" in names(v)
    v = judge("USD/JPY fell as low as 153.9 on Jan 23 before steadying.", "2026-01-24", "153.9")
    assert v["label"] == "inaccurate"


def test_a_days_extreme_in_tokyo_hours_is_the_bars(judge):
    v = judge("On Friday, January 23, 2026, the yen jumped as much as 1.8% in Tokyo trading.", "2026-01-24", "1.8%")
    assert v["label"] == "inaccurate" and not any("New York" in n for n in names(v))
    v = judge("The dollar ended Friday, January 23, 2026 at 155.6 yen.", "2026-01-24", "155.6 yen")  # no extreme
    assert v["label"] == "inaccurate"


def test_the_new_york_fixing_is_what_the_data_hold(judge):
    v = judge("The dollar ended at 155.7 yen at the New York fix on Friday.", "2026-01-23", "155.7 yen")
    assert v["label"] == "inaccurate" and not any("New York" in n for n in names(v))


# -- another kind ----------------------------------------------------------------------------------

def test_index_points_that_are_no_level_read_as_a_move(judge):
    # Nikkei 225: 25,746.56 on 1987-10-19 -> 21,910.08 on 1987-10-20
    v = judge("The Nikkei's drop on October 20, 1987 was 3,836.48 points.", "1987-10-21", "3,836.48 points")
    assert v["label"] == "accurate" and "a move in index points" in v["explanation"]
    v = judge("The Nikkei's drop on October 20, 1987 was 2,500.00 points.", "1987-10-21", "2,500.00 points")
    assert v["label"] == "inaccurate" and "a move in index points" in names(v)


def test_a_bare_number_far_from_the_index_is_another_quantity(judge, check):
    # "225 stocks" is a count (no claim at all since the non-claim rules of issue 17); were it
    # read, it would be another quantity, never a refuted level
    found = [c for c in check("The Nikkei 225 at 225 stocks is a price-weighted gauge; it ended at 56,363.94.",
                              "2026-02-09") if c["text"] == "225"]
    assert not found or (found[0]["verdict"]["label"] == "unverifiable"
                         and "another quantity" in found[0]["verdict"]["explanation"])
    found = [c for c in check("One basis point is equal to 0.01%, and the U.S. 2-year yield rose to 3.96%.",
                              "2025-04-11") if c["text"] == "0.01%"]  # a unit definition: no claim
    assert not found or found[0]["verdict"]["label"] == "unverifiable"
    v = judge("Treasuries sold off too. The 10-year JGB yield ended at 4.30% on Tuesday.", "2026-01-20", "4.30%")
    assert v["label"] in FLAGS  # two points off a 2.33% yield is a wrong level, not another quantity


def test_a_bp_figure_is_no_level_of_a_yield(judge):
    v = judge("The 30-year JGB yield is 60 basis points above where it started the year.", "2025-05-28",
              "60 basis points")
    assert v["label"] == "unverifiable" and "no level of" in v["explanation"]


def test_a_change_threshold_short_by_less_than_its_allowance(judge):
    # UST 10-year: 4.01% on 2025-04-04 -> 4.48% on 2025-04-11 (+47 bp)
    v = judge("The 10-year Treasury yield advanced more than 50 basis points this week.", "2025-04-11",
              "50 basis points")
    assert v["label"] == "approximately_accurate" and "only loosely" in v["explanation"]
    v = judge("The 10-year Treasury yield advanced more than 60 basis points this week.", "2025-04-11",
              "60 basis points")
    assert v["label"] == "inaccurate"


# -- the basis of super-long JGBs (quotes above MoF's fitted curve) ---------------------------------
# JGB 40-year on 2025-12-24: MoF 3.546% (3.562% on 2025-12-22)

def test_a_super_long_quote_above_the_curve(judge):
    assert judge("The 40-year JGB yield rose to 3.715%.", "2025-12-24", "3.715%")["label"] == "approximately_accurate"
    assert judge("The 40-year JGB yield rose to 3.80%.", "2025-12-24", "3.80%")["label"] == "inaccurate"


def test_a_super_long_quote_below_the_curve_keeps_the_narrow_allowance(judge):
    assert judge("The 40-year JGB yield fell to 3.38%.", "2025-12-24", "3.38%")["label"] == "inaccurate"


# -- qualifiers judged as an editor would -------------------------------------------------------------

def test_reached_the_highest_since_is_a_peak(judge):
    # MoF 10-year 1.939% on 2025-12-04; the last close at or above it 1.957% on 2007-07-10
    v = judge("The benchmark 10-year JGB yield reached 1.905%, the highest since July 2007.", "2025-12-04", "1.905%")
    assert v["label"] == "accurate" and "high between" in v["explanation"]
    v = judge("10yr JGB hit 1.905% today, highest since Jul 2021!!", "2025-12-04", "1.905%")  # chat style
    assert v["label"] == "inaccurate" and v["strength"] == 0.5  # the figure holds: a qualifier-only flag


def test_since_a_month_a_few_months_off_holds_loosely(judge):
    # MoF 20-year: last close at or above 2.902% was 2.909% on 1999-02-17
    v = judge("The 20-year JGB yield reached 2.94%, the highest since June 1999.", "2025-12-04", "2.94%")
    assert v["label"] == "approximately_accurate" and "holds only loosely" in v["explanation"]
    assert judge("The 20-year JGB yield reached 2.94%, the highest since June 2009.", "2025-12-04",
                 "2.94%")["label"] == "inaccurate"


def test_a_near_tie_does_not_undo_the_highest_since(judge):
    # MoF 30-year: 3.120% on 2025-08-22, 3.119% on 2025-08-25
    v = judge("The 30-year JGB yield touched 3.2%, its highest since 1999.", "2025-08-26", "3.2%")
    assert v["label"] == "approximately_accurate"


def test_rose_above_for_the_first_time_is_strictly_above(judge):
    # the BoJ rate stood at 0.5% from January 2025 and was raised to 0.75% on 2025-12-19
    v = judge("The Bank of Japan's policy rate rose above 0.5% for the first time since 1995.", "2025-12-19", "0.5%")
    assert v["label"] == "accurate"
    v = judge("The Bank of Japan's policy rate reached 0.5% for the first time since 1995.", "2025-12-19", "0.5%")
    assert v["label"] == "inaccurate"  # it had reached 0.5% in January


def test_a_qualifier_about_another_subject_is_not_counted(judge):
    v = judge("The yen slid 1.7% to 150 per dollar, while falling to a record low against the euro.", "2025-10-06",
              "150 per dollar")
    assert v["label"] == "accurate" and v["qualifiers"][0]["attributed"] is False
    v = judge("The yen slid to 150 per dollar, a record low.", "2025-10-06", "150 per dollar")
    assert v["label"] == "inaccurate" and v["qualifiers"][0]["holds"] is False


def test_failed_to_close_above_is_not_above(judge):
    # Nikkei closes 2026-01-20..23: 52,991.10, 52,774.64, 53,688.89, 53,846.87
    v = judge("The Nikkei 225 failed to close above 54,000 on Friday.", "2026-01-23", "54,000")
    assert v["label"] == "accurate" and "stayed at or below" in v["explanation"]
    assert judge("The Nikkei 225 failed to close above 53,000 on Friday.", "2026-01-23", "53,000")["label"] in FLAGS
    assert judge("The Nikkei 225 closed above 53,000 on Friday.", "2026-01-23", "53,000")["label"] in SUPPORTED


# -- the start points of a period --------------------------------------------------------------------
# Nikkei 225: 39,894.54 on 2024-12-30, 39,307.05 on 2025-01-06 (the year's first close), 40,487.39 on
# 2025-06-30; JGB 30-year: January 2025 closes 2.245%..2.347%, 2.743% on 2025-05-27

def test_a_years_move_from_its_first_close(judge):
    v = judge("The Nikkei 225 is up 2.5% this year.", "2025-06-30", "2.5%")
    assert v["label"] == "approximately_accurate" and "other start points of the period" in v["explanation"]
    assert judge("The Nikkei 225 is up 8% this year.", "2025-06-30", "8%")["label"] == "inaccurate"


def test_a_move_from_a_months_levels(judge):
    v = judge("The 30-year JGB yield has risen 44 basis points since January.", "2025-05-28", "44 basis points")
    assert v["label"] == "approximately_accurate" and "from 2024-12-30 to 2025-01-31" in v["explanation"]
    v = judge("The 30-year JGB yield has risen 75 basis points since January.", "2025-05-28", "75 basis points")
    assert v["label"] == "inaccurate" and "other start points of the period" in names(v)


def test_a_one_day_move_has_no_other_start(judge):
    v = judge("The Nikkei 225 rose 2.5% on Monday, June 30.", "2025-07-01", "2.5%")
    assert v["label"] in FLAGS and "other start points of the period" not in names(v)


# JGB 30-year: 3.647% on 2026-04-28, 3.721% on 2026-04-30 (April's last close), 3.859% on 2026-05-29

def test_a_past_month_in_prose_may_start_a_session_early(judge):
    v = judge("The 30-year JGB yield rose 24 basis points over the past month.", "2026-05-29", "24 basis points")
    assert v["label"] in SUPPORTED and "2026-04-28" in v["explanation"]  # a month back, a session early


def test_a_table_columns_month_has_one_start(judge):
    table = "| | last | m/m |\n| --- | --- | --- |\n| JGB 30Y | 3.86% | {} |\n"
    v = judge(table.format("+24bp"), "2026-05-29", "+24bp")  # +13.8 bp from April's last close
    assert v["label"] == "inaccurate" and v["strength"] > 0
    assert judge(table.format("+15bp"), "2026-05-29", "+15bp")["label"] in SUPPORTED
    label = "JGB 30Y month-end 3.86%. Month: +24bp"  # a label before the figure: the same convention
    assert judge(label, "2026-05-29", "+24bp")["label"] == "inaccurate"


def test_more_than_a_line_short_by_a_third_of_it_fails(judge):
    # USD/JPY fixing 155.52 on 2024-04-25 -> 157.62 on 2024-04-26: +2.10 yen
    v = judge("The dollar jumped more than 3 yen on Friday, April 26, 2024.", "2024-04-27", "3 yen")
    assert v["label"] == "inaccurate"
    v = judge("The dollar jumped more than 2.2 yen on Friday, April 26, 2024.", "2024-04-27", "2.2 yen")
    assert v["label"] == "approximately_accurate"


# -- another series, when the claim's own is not certain -------------------------------------------
# 2026-01-20: JGB 10-year 2.330%, US Treasury 10-year 4.30%

def test_a_figure_that_fits_the_other_series_named_is_ambiguous(judge):
    v = judge("Treasuries and JGBs both sold off on Tuesday. The 10-year yield ended at 4.30%.", "2026-01-20", "4.30%")
    assert v["label"] == "unverifiable" and "series ambiguous" in v["explanation"]
    assert [r["holds"] for r in v["readings"]][-1] is True


def test_a_figure_that_fits_neither_series_is_caught(judge):
    v = judge("Treasuries and JGBs both sold off on Tuesday. The 10-year yield ended at 3.30%.", "2026-01-20", "3.30%")
    assert v["label"] == "inaccurate" and "US Treasury 10-year yield instead" in names(v)


def test_a_series_named_in_the_sentence_has_no_candidates(judge):
    v = judge("Treasuries sold off too. The 10-year JGB yield ended at 4.30% on Tuesday.", "2026-01-20", "4.30%")
    assert v["label"] in FLAGS and not any("instead" in n for n in names(v))


def test_first_time_this_month_looks_back_to_the_month_only(judge):
    # Nikkei 225: 48,702.98 on 2025-11-18; every earlier November close above 50,000; 49,299.65 on 2025-10-24
    v = judge("Nikkei 225 dropped by 3.2% and finished at 48,702, below the 50,000 line for the first time this month.",
              "2025-11-18", "50,000")
    assert v["label"] == "accurate" and "this month (from 2025-11-01)" in v["explanation"]
    v = judge("The Nikkei 225 closed below 50,000 for the first time, finishing at 48,702.98.", "2025-11-18", "50,000")
    assert v["label"] == "inaccurate"  # not the first time ever


def test_a_record_named_as_the_starting_point_is_not_a_claim_of_a_record(judge):
    v = judge("The Nikkei 225 ended at 51,515.49 on Monday, a level some 5,000 points below its February record.",
              "2026-03-23", "51,515.49")
    assert v["label"] == "accurate"
    v = judge("The Nikkei 225 ended at 51,515.49 on Monday, a record close.", "2026-03-23", "51,515.49")
    assert v["label"] == "inaccurate"
