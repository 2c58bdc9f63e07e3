"""Failure classes of unseen prose (issue 15 follow-up): rules that held-out registers
(threads, desk notes, transcripts, strategy notes) broke. Every sentence is our own; each
rule has a case where it must not fire."""
from __future__ import annotations

from datetime import date

import pytest

from claims.timeref import find_time_phrases
from conftest import by_text

SATURDAY = "2025-10-25"  # a Saturday: Tue = 10-21, Wed = 10-22, Thu = 10-23, Fri = 10-24


# -- 5. abbreviated weekdays in threads and desk notes ----------------------------------------
@pytest.mark.parametrize("text, literal, day", [
    # thread
    ("Tue's +3.1% for the Nikkei was not repeated.", "+3.1%", "2025-10-21"),
    # desk note, a possessive close
    ("Nikkei: Fri's close 38,200, a poor week.", "38,200", "2025-10-24"),
    # chat, a high in dollar-yen
    ("Wed's 151.8 high in USD/JPY is the level to watch.", "151.8", "2025-10-22"),
    # desk note, a label at the start of a line
    ("Recap.\n\nThurs: Nikkei +1.2%.", "+1.2%", "2025-10-23"),
])
def test_weekday_abbreviations_date_the_claim(check, text, literal, day):
    c = by_text(check(text, SATURDAY), literal)
    assert c["date"] == day
    assert c["series"]["id"] is not None  # the abbreviation is no unknown name


@pytest.mark.parametrize("text", [
    "Fed officials wed policy to the data.",  # lower case: a verb
    "Thus: the yen stayed weak.",  # 'Thus' is no 'Thu'
    "Montreal's exchange and Friday-night deals",  # longer words
])
def test_weekday_abbreviations_must_not_fire(text):
    found = [t for t in find_time_phrases(text, date(2025, 10, 25)) if t.pattern == "weekday_abbr"]
    assert found == []


# -- 3. ranges written in words ----------------------------------------------------------------
@pytest.mark.parametrize("text, literal, low, high", [
    # transcript
    ("So the Fed sits at a target range of three and a half to three and three quarters percent, right?",
     "three and a half to three and three quarters percent", 3.5, 3.75),
    # wire
    ("The Fed held rates between four and a quarter and four and a half percent on Dec. 18, 2024.",
     "four and a quarter and four and a half percent", 4.25, 4.5),
    # non-native English, a lone number word opening the range
    ("Fed is keeping the rate between four and five percent since long time.", "four and five percent", 4.0, 5.0),
])
def test_spelled_ranges_read_as_one_range(check, text, literal, low, high):
    c = by_text(check(text, "2025-12-20"), literal)
    assert _bounds(c) == (low, high)
    # the same claim as the range written in digits
    digits = check(text.replace(literal, f"{low}% to {high}%" if " to " in literal else f"{low}% and {high}%"),
                   "2025-12-20")
    d = by_text(digits, f"{low}%")
    assert (d["value"], d["kind"], d["series"]["id"], _bounds(d)) == (c["value"], c["kind"], c["series"]["id"], (low, high))


def _bounds(c: dict) -> tuple[float, float] | None:
    """A range claim's bounds: kept as ``range``, or as a quoted policy range's qualifier."""
    if c.get("range"):
        return tuple(c["range"])
    quoted = [q for q in c["qualifiers"] if q.startswith("range_of:")]
    return tuple(float(x) for x in quoted[0].split(":", 1)[1].split("-")) if quoted else None


def test_a_spelled_range_on_its_date_is_checked_against_that_day(check):
    c = by_text(check("The Fed held rates between four and a quarter and four and a half percent on Dec. 18, 2024.",
                      "2025-12-20"), "four and a quarter")
    assert c["date"] == "2024-12-18" and c["verdict"]["label"] == "accurate"


@pytest.mark.parametrize("text, literal, value", [
    # "and" joins number words only after a scale word; "three and three quarters" is 3.75
    ("The yield ended three and three quarters percent higher than a year ago.", "three and three quarters percent", 3.75),
    ("The dollar bought a hundred and forty-five and a half yen.", "a hundred and forty-five and a half", 145.5),
    # must not fire: two counts joined by "and" are not one number, and no range opener
    ("Four and five percent rate cuts were both discussed, officials said.", "five percent", 5.0),
])
def test_spelled_numbers_and_fractions(check, text, literal, value):
    c = by_text(check(text, "2025-12-20"), literal)
    assert abs(c["value"]) == pytest.approx(value) and c.get("range") is None


# -- 4. targets and forecasts in spoken and strategy registers --------------------------------
@pytest.mark.parametrize("text, literal", [
    # transcript
    ("I'd say dollar-yen gets to a hundred and sixty-five by Christmas.", "a hundred and sixty-five"),
    # strategy note
    ("Our year-end target for the Nikkei is 58,500.", "58,500"),
    ("We have the Nikkei at 58,500 by December.", "58,500"),
    # chat
    ("usdjpy could test 165 before the year is out", "165"),
    # non-native English
    ("My 12-month call for USD/JPY is 165, I am confident.", "165"),
    # chat, horizons with "before" and the holidays
    ("USD/JPY 165 before the year is out, that's my view.", "165"),
    ("Dollar-yen at 160 by the holidays.", "160"),
])
def test_targets_and_forecasts_are_not_checkable(check, text, literal):
    c = by_text(check(text, SATURDAY), literal)
    assert c["checkable"] is False and c["verdict"]["label"] == "not_checkable"


@pytest.mark.parametrize("text, literal", [
    # must not fire: a past "by" reports where the market had got to
    ("By Friday's close the dollar had fallen to 151 yen.", "151 yen"),
    ("The Nikkei closed at 38,200 by the end of the session.", "38,200"),
    ("The dollar hit 157 before the year was out.", "157"),
    ("The 10-year JGB yield reached 1.65% by September, its highest since 2008.", "1.65%"),
    # a policy setting is no forecaster's target
    ("The BoJ said its target for the overnight call rate is 0.5%.", "0.5%"),
])
def test_past_horizons_and_policy_targets_stay_checkable(check, text, literal):
    assert by_text(check(text, SATURDAY), literal)["checkable"] is True


# -- 2. a rate held at a meeting ----------------------------------------------------------------
AFTER_MARCH_MEETING = "2025-03-21"  # the BoJ held at 0.5% on Wednesday 2025-03-19 (raised to it in January)


@pytest.mark.parametrize("text", [
    # wire
    "After January's hike, the BoJ kept its policy rate at 0.5% on Wednesday.",
    "In a widely expected move, the Bank of Japan kept its policy rate at 0.5% on Wednesday.",
    # headline shorthand
    "BoJ opts not to hike, keeps rate at 0.5% on Wednesday.",
    # non-native English
    "Having lifted rates in January, the BoJ left them at 0.5% on Wednesday.",
])
def test_a_held_rate_is_the_level_in_force(check, text):
    c = by_text(check(text, AFTER_MARCH_MEETING), "0.5%")
    assert c["date"] == "2025-03-19" and c["verdict"]["label"] == "accurate"


@pytest.mark.parametrize("text", [
    # must fire: a stated change dated on a meeting day that changed nothing is misdated
    "The BoJ raised its policy rate to 0.5% on Wednesday.",
    "After holding in December, the BoJ hiked to 0.5% on Wednesday.",
])
def test_a_stated_change_on_a_hold_day_is_misdated(check, text):
    assert by_text(check(text, AFTER_MARCH_MEETING), "0.5%")["verdict"]["label"] == "misdated"


# -- 1. a Fed decision dated by its announcement, its effective day or its meeting -------------
@pytest.mark.parametrize("text, literal", [
    # wire: the announcement day (FRED shows the new range from the next day)
    ("The Fed cut by 50 basis points on Sept. 18, 2024.", "50 basis points"),
    # the effective day
    ("The Fed cut by 50 basis points on Sept. 19, 2024.", "50 basis points"),
    # a meeting named by its days, dated by the first
    ("The FOMC lowered the range by 50 bp to 4.75%-5% at its Sept 17-18, 2024 meeting.", "50 bp"),
    # desk shorthand: the decision named by the noun after its size
    ("FOMC delivered a 25 basis point cut on Wednesday, Dec. 18, 2024.", "25 basis point"),
])
def test_fed_decisions_on_the_announcement_or_effective_day(check, text, literal):
    c = by_text(check(text, "2025-01-10"), literal)
    assert c["verdict"]["label"] == "accurate" and c["verdict"]["rule"] == "policy_decision"


@pytest.mark.parametrize("text, literal", [
    # must fire: a week off the decision
    ("The Fed cut by 50 basis points on Sept. 25, 2024.", "50 basis points"),
    # a meeting span that is not the meeting
    ("The FOMC cut by 50 bp at its Oct 1-2, 2024 meeting.", "50 bp"),
])
def test_fed_decisions_on_another_day_are_misdated(check, text, literal):
    assert by_text(check(text, "2025-01-10"), literal)["verdict"]["label"] == "misdated"


def test_a_yield_rise_named_after_its_size_is_no_decision(check):
    c = by_text(check("The 10-year Treasury saw a 12 basis point rise on Dec. 18, 2024.", "2025-01-10"), "12 basis point")
    assert c["verdict"]["rule"] != "policy_decision"


# -- 6. several relative days in one transcript turn -------------------------------------------
TURN = ("GUEST: Well, last Thursday dollar-yen was at 152.3, and two weeks ago it was around 147, and earlier "
        "this month the Nikkei hit 48,000, so it has been a wild ride.")


@pytest.mark.parametrize("literal, date_", [
    ("152.3", "2025-10-23"),  # last Thursday
    ("147", "2025-10-11"),  # two weeks ago
    ("48,000", "2025-10"),  # earlier this month
])
def test_each_figure_of_a_turn_binds_to_its_own_clause(check, literal, date_):
    assert by_text(check(TURN, SATURDAY), literal)["date"] == date_


def test_a_clause_without_a_day_takes_the_day_of_the_clause_before(check):
    # must not take the later clause's day: "last Friday" dates only the figure after it
    claims = check("GUEST: On Monday the Nikkei fell 2%, and the Topix lost 1.1%, but last Friday it had gained 1.4%.",
                   SATURDAY)
    assert by_text(claims, "1.1%")["date"] == "2025-10-20" and by_text(claims, "1.4%")["date"] == "2025-10-24"
