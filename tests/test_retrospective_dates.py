"""Dating in retrospective prose and threads (issue 15 follow-up, held-out registers): a
past "by"/"until" time binds the figure of its clause, "N sessions later" counts sessions
from the last day named, and the day of a reference point ("under the July 11 peak") is not
the day a thread reports on. Sentences are our own, in several registers (wire, review
letter, desk chat, social thread, non-native English), each rule with a case where it must
not fire."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def ex(vocabulary):
    import claims

    return lambda text, ref: claims.extract(text, ref, vocabulary)


def dated(ex, text: str, ref: str) -> dict[str, str | None]:
    return {c.text: c.date for c in ex(text, ref)}


# -- a past "by" or "until" time dates the figure of its clause -----------------------------------
@pytest.mark.parametrize("text, ref, literal, day", [
    # review letter: the deadline opens the clause
    ("By March 14 the dollar had climbed to 151.20 yen, its strongest since the summer.", "2025-12-31",
     "151.20 yen", "2025-03-14"),
    # wire copy: a relative month read back from a year-end date, not forward into next year
    ("Sellers capitulated, and by mid-August the dollar was changing hands at 144.10 yen.", "2025-12-30",
     "144.10 yen", "2025-08"),
    # desk shorthand, right after the figure
    ("Fed range parked at 4.25%-4.50% by the December meeting, done for the year", "2024-12-31",
     "4.25%-4.50%", "2024-12"),
    # non-native English: "until" a month, then the figure in a participle clause
    ("The central bank waited until July for next move, raising the policy rate to 0.25%.", "2024-12-30",
     "0.25%", "2024-07"),
])
def test_a_past_by_time_dates_the_figure(ex, text, ref, literal, day):
    assert dated(ex, text, ref)[literal] == day


def test_a_by_time_in_another_clause_or_a_forecast_does_not(ex):
    got = dated(ex, "By March 14 the dollar had climbed to 151.20 yen, and the Nikkei fell 1.5% on March 17.",
                "2025-12-31")
    assert got["1.5%"] == "2025-03-17"
    c = ex("Strategists see the 10-year JGB yield at 2.5% by the end of June.", "2025-03-03")[0]
    assert not c.checkable
    got = dated(ex, "By Friday, dealers said, the 10-year JGB yield is at 1.6%.", "2026-01-21")
    assert got["1.6%"] != "2026-01-16"


# -- "two sessions later" ------------------------------------------------------------------------
@pytest.mark.parametrize("text, ref, literal, day", [
    # wire copy: Monday + two sessions = Wednesday
    ("The Nikkei sank to 31,136.58 on April 7. Two sessions later the S&P 500 surged 9.5%.", "2025-12-31",
     "9.5%", "2025-04-09"),
    # chat: a Friday + one trading day = the Monday after
    ("NKY -4% on Fri Aug 2 2024. one trading day later it was -12.4% more lol", "2024-08-09",
     "-12.4%", "2024-08-05"),
])
def test_sessions_later_counts_weekdays_from_the_last_day(ex, text, ref, literal, day):
    assert dated(ex, text, ref)[literal] == day


def test_weeks_later_stays_a_month(ex):
    got = dated(ex, "The BoJ hiked on March 19. Two weeks later the dollar rose 1% to 151.6 yen.", "2024-12-31")
    assert got["1%"] == "2024-04"


# -- the day of a reference point is not the thread's day ----------------------------------------
def test_a_record_day_does_not_resolve_on_the_day_in_a_thread(ex):
    thread = ("1/ Brutal session. Nikkei now sits ~12% under the July 11 peak.\n\n"
              "2/ UST 10s -15bps on the day to 3.80%.")
    got = dated(ex, thread, "2024-08-02")
    assert got["-15bps"] == "2024-08-02" and got["3.80%"] == "2024-08-02"


def test_a_record_day_does_not_carry_through_a_wire_paragraph(ex):
    text = ("The Nikkei closed 9% below its July 11 peak. The 10-year JGB yield fell to 0.95%.")
    assert dated(ex, text, "2024-08-02")["0.95%"] == "2024-08-02"


def test_a_plain_day_still_resolves_on_the_day(ex):
    text = "The Nikkei lost 12.4% on Aug. 5. The 10-year JGB yield fell 18bps on the day to 0.78%."
    got = dated(ex, text, "2024-08-09")
    assert got["18bps"] == "2024-08-05"


# -- the day a correction notice was appended dates no figure -------------------------------------
@pytest.mark.parametrize("text, ref, literal, day", [
    # wire: the notice opens the story
    ("Correction appended Oct. 30: an earlier version gave the Nikkei 225's gain as 2.1%; it rose 1.2%.\n\n"
     "TOKYO, Oct 29 - Japanese shares rose on Tuesday.", "2024-10-29", "1.2%", "2024-10-29"),
    # newsletter: a bracketed notice
    ("CORRECTION (appended 4 March): the 10-year JGB yield closed at 1.25%, not 1.52%.", "2026-03-03",
     "1.25%", "2026-03-03"),
])
def test_a_correction_day_dates_no_figure(ex, text, ref, literal, day):
    assert dated(ex, text, ref)[literal] == day


def test_a_market_correction_day_still_dates_its_move(ex):
    assert dated(ex, "Stocks corrected on Tuesday, the Nikkei 225 falling 2%.", "2026-03-05")["2%"] == "2026-03-03"


# -- "ending at" after a run of moves: the level in force at the year's end --------------------
@pytest.mark.parametrize("text", [
    # review letter
    "The Fed began cutting in September and followed with two more moves, ending at 4.25%-4.50%.",
    # desk chat
    "Fed cut in Sept and twice more later on, ending at 4.25%-4.50% lol",
])
def test_a_level_ending_a_run_of_moves_is_the_years_last(check, text):
    from conftest import by_text

    c = by_text(check(text, "2024-12-31"), "4.25%-4.50%")
    assert c["date"] == "2024-12-31" and c["verdict"]["label"] == "accurate", c["verdict"]["explanation"]


def test_a_level_left_by_one_move_keeps_its_month(check):
    from conftest import by_text

    c = by_text(check("The Fed cut in September, leaving its range at 4.75%-5.00%.", "2024-12-31"), "4.75%-5.00%")
    assert c["date"] == "2024-09" and c["verdict"]["label"] == "accurate", c["verdict"]["explanation"]


# -- a year or quarter a figure closes ------------------------------------------------------------
def test_a_move_over_the_year_a_review_closes(check):
    from conftest import by_text

    # review letter on the year's last day: Nikkei 225 2023-12-29 = 33,464.17 -> 2024-12-30 = 39,894.54
    c = by_text(check("The Nikkei 225 closes 2024 up 19%, a second straight annual gain.", "2024-12-31"), "19%")
    assert c["date"] == "2024-12-30" or c["date"] == "2024-12-31"
    assert c["verdict"]["label"] in ("accurate", "approximately_accurate"), c["verdict"]["explanation"]
    c = by_text(check("NKY ends 2024 up 29%, best year in a decade", "2024-12-31"), "29%")  # chat, wrong figure
    assert c["verdict"]["label"] == "inaccurate", c["verdict"]["explanation"]


def test_closing_a_year_in_june_is_no_year_end(ex):
    got = dated(ex, "The Nikkei 225 closes 2024 up 19%, if the rally holds.", "2024-06-14")
    assert got["19%"] != "2024-12-31"


@pytest.mark.parametrize("text, literal", [
    ("The S&P 500 ended the quarter at 6,528.52.", "6,528.52"),  # wire, written the day after
    ("SPX -4.6% on the quarter, ugly", "-4.6%"),  # chat: SP500 2025-12-31 = 6,845.50 -> 2026-03-31 = 6,528.52
])
def test_the_quarter_just_ended(check, text, literal):
    from conftest import by_text

    c = by_text(check(text, "2026-04-01"), literal)
    assert c["date"] == "2026-03-31" and c["verdict"]["label"] in ("accurate", "approximately_accurate"), c
