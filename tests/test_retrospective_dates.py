"""Dating in retrospective prose and threads (issue 15 follow-up, held-out registers): a
past "by"/"until" time binds the figure of its clause, "N sessions later" counts sessions
from the last day named, and the day of a reference point ("off the July 11 record") is not
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
    thread = ("1/ Brutal session. Nikkei now ~12% off the July 11 record close.\n\n"
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
