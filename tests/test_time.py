"""Which day a number speaks of (issue 16): the reference date a text writes or implies,
the session it reports on, relative dates, which figure a time phrase belongs to, the
period a move is measured over, forecast horizons, and stale figures. Sentences are our
own, in several registers (wire copy, desk chat, blog, transcript, tables), each with a
case where the phrase must not date the figure."""
from __future__ import annotations

import json
import re
from datetime import date

import pytest

from claims.dateline import find_written_date
from conftest import by_text, require_shared


def dated(ex, text: str, ref: str | None = "2026-01-21") -> dict[str, str | None]:
    return {c.text: c.date for c in ex(text, ref)}


@pytest.fixture(scope="module")
def ex(vocabulary):
    import claims

    return lambda text, ref: claims.extract(text, ref, vocabulary)


# -- the date a text writes for itself ------------------------------------------------------
@pytest.mark.parametrize("head, day", [
    ("TOKYO, Aug 5, 2024 (Wire) - Japanese stocks slid.", "2024-08-05"),
    ("SINGAPORE, 14 March 2025 (Newswire) – Asian currencies firmed.", "2025-03-14"),
    ("07:42 JST, August 5, 2024 (updated at 16:05 JST)\nStocks tumbled.", "2024-08-05"),
    ("Rates Hour, episode 41 - Thursday, 14 March 2024\nWelcome back.", "2024-03-14"),
    ("#fx-desk | Fri 26 Jun 2026\n09:01 kim: quiet open", "2026-06-26"),
    ("Desk log 19-Dec-2024\nall quiet", "2024-12-19"),
    ("Daily Comment (22nd May 2024)\nThe yield went up.", "2024-05-22"),
    ("Market memo 14/03/2025\nBonds were sold.", "2025-03-14"),
    ("Week in Review: August 12-16, 2024\nA calmer week.", "2024-08-16"),
])
def test_datelines_with_clock_times_episodes_ordinals_and_ranges(head, day):
    assert find_written_date(head).date == date.fromisoformat(day)


def test_a_weekday_beside_a_weekend_date_one_day_off_wins():
    # 2026-01-24 was a Saturday: the writer meant Friday the 23rd
    text = "On Friday, January 24, 2026, the yen posted its biggest gain in months against the dollar."
    assert find_written_date(text).date == date(2026, 1, 23)
    # the same mismatch three days off is a typo we cannot place: the date stands
    assert find_written_date("On Tuesday, January 24, 2026, markets were closed.").date == date(2026, 1, 24)


def test_an_as_of_date_in_the_first_paragraph():
    text = "Checked your app lately? As of January 14, 2026, the dollar buys about 159.2 yen."
    assert find_written_date(text).date == date(2026, 1, 14)


def test_a_first_sentence_with_figures_is_not_a_dateline():
    text = "On 2024-07-03 the yen slid to 161.48 per dollar, a 37-year low, as traders bet on a long wait."
    assert find_written_date(text).date is None


def test_day_and_month_without_a_year_keep_the_weekday_of_their_line():
    w = find_written_date("On Monday morning (9 February, 9:16 AM, GMT+7), Asian shares rose across the board.")
    assert (w.date, w.month_day, w.weekday) == (None, (2, 9), 0)
    w = find_written_date("New York, Jan. 23 (Jiji Press)--The dollar fell below 156 yen in late trade.")
    assert (w.date, w.month_day, w.how) == (None, (1, 23), "dateline")


def test_a_short_header_names_the_weekday_of_an_undated_note():
    assert find_written_date("TKY CLOSE - Wed\n\nNKY +3.5% at 41,171.").weekday == 2
    assert find_written_date("It's Thursday evening here, and what a week it has been.").weekday == 3


# -- the reference date from the data ------------------------------------------------------
def test_an_undated_table_is_dated_by_the_day_its_closes_match(checker):
    text = ("Closing levels\n\n- Nikkei 225: 66,329.50\n- S&P 500: 7,580.06\n- USD/JPY: 159.23\n"
            "- JGB 10-year: 2.66%\n")
    doc = checker.check(text).to_dict()["document"]
    # the closes match 2026-05-29 to the digit; the weekend after it fits only loosely
    assert doc["reference_date"] == "2026-05-29" and doc["reference_date_basis"] == "inferred"


def test_a_wire_dateline_takes_the_year_its_weekday_and_figures_agree_on(checker):
    text = ("TOKYO, Feb. 9 (Wire) - The Nikkei 225 soared to a record close of 56,363.94 on Monday after the "
            "ruling party's election win.")
    doc = checker.check(text).to_dict()["document"]
    assert doc["reference_date"] == "2026-02-09" and "year inferred" in doc["reference_inference"]["dateline"]


def test_a_day_the_body_names_pins_an_undated_decision_story(checker):
    text = ("Bank of Japan Governor Sato said on December 19 that the board had voted to raise the policy rate "
            "from 0.5 percent to 0.75 percent.")
    assert checker.check(text).to_dict()["document"]["reference_date"] == "2025-12-19"


def test_a_dateline_without_a_year_and_no_figures_takes_the_latest_such_day(checker):
    doc = checker.check("TOKYO, Feb 4 (Wire) - Officials declined to comment on the bond rout.").to_dict()["document"]
    assert doc["reference_date"] == "2026-02-04" and "assumed" in doc["reference_inference"]["year"]


def test_a_text_that_does_not_pin_a_date_says_so(checker):
    report = checker.check("The Bank of Japan's policy rate is 0.5%. Analysts expect little change.").to_dict()
    doc = report["document"]
    assert doc["reference_date"] is None and doc["reference_date_basis"] == "none"
    assert doc["reference_inference"]["reason"] and any("no reference date" in w for w in report["warnings"])


SPLICED = ("Borrowing costs keep climbing: the 10-year JGB trades around 2.37% and the 30-year yield sits at "
           "roughly 3.88%, a record. Meanwhile Japan's Nikkei 225 advanced 2.5% to an all-time high.")


def test_a_spliced_piece_is_dated_by_its_latest_event_and_its_stale_figures_say_so(checker):
    report = checker.check(SPLICED).to_dict()
    doc = report["document"]
    # the bond levels fit 2026-01-20..22 best; the Nikkei's 2.5% rise to a record came on 2026-02-10
    assert doc["reference_date"] == "2026-02-10" and "2026-02-10" in doc["reference_inference"]["latest_event"]
    jgb = by_text(report["claims"], "2.37%")
    assert jgb["verdict"]["label"] == "misdated" and jgb["date"] == "2026-02-10"
    assert re.search(r"on 2026-01-2[0-2] .*weeks before this piece", jgb["verdict"]["explanation"])
    assert by_text(report["claims"], "2.5%")["verdict"]["label"] in ("accurate", "approximately_accurate")


def test_in_a_dated_piece_a_wrong_level_is_wrong_not_stale(check):
    c = by_text(check("The 10-year JGB trades around 2.37%.", "2026-02-10"), "2.37%")
    assert c["verdict"]["label"] == "inaccurate"


# -- the session a piece reports on ----------------------------------------------------------
MONDAY_WRAP = ("On Monday morning (9 February), Asian shares rose across the board, led by Tokyo.\n\n"
               "The Nikkei 225 jumped 4.52% to 56,706.77.\n\n"
               "U.S. stocks rallied on Friday as the S&P 500 added 1.97% to 6,932.30. The Nasdaq rose too, "
               "and the S&P 500 extended its gains into the close.")


def test_a_monday_wrap_keeps_its_asian_figures_on_monday(ex):
    got = dated(ex, MONDAY_WRAP, "2026-02-09")
    assert got["4.52%"] == got["56,706.77"] == "2026-02-09"
    assert got["1.97%"] == got["6,932.30"] == "2026-02-06"  # only the US paragraph is Friday's


def test_a_recap_yesterday_outweighs_an_aside(ex):
    text = ("Morning Note - Wednesday, January 21, 2026\n\nJapanese bonds had their worst day in months yesterday. "
            "The 10-year JGB yield rose 6 basis points to 2.33%. The 30-year rose 20 basis points.\n\n"
            "Some dealers now talk about more selling today.")
    got = dated(ex, text, None)
    assert got["2.33%"] == got["6 basis points"] == "2026-01-20"


def test_overnight_in_a_morning_note_is_the_previous_session(ex):
    text = "Overnight, the S&P 500 lost 1.5% to 6,012.28 as chip stocks tumbled."
    assert dated(ex, text, "2025-01-28")["6,012.28"] == "2025-01-27"
    # "overnight index swaps" name an instrument, not a time
    assert dated(ex, "Overnight index swaps price a hike to 1% by June.", "2025-01-28")["1%"] != "2025-01-27"


def test_a_note_dated_saturday_reports_fridays_closes(ex):
    assert dated(ex, "The Nikkei 225 closed the week at 38,062.67.", "2024-08-17")["38,062.67"] == "2024-08-16"


def test_undated_closes_in_a_morning_note_move_to_the_session_they_fit(checker):
    text = ("Asia edition - Tuesday, April 1, 2025\n\n- Nikkei 225: 35,617.56\n- S&P 500: 5,611.85\n"
            "- USD/JPY: 149.90\n- JGB 10-year: 1.50%\n")
    report = checker.check(text).to_dict()
    assert {c["date"] for c in report["claims"]} == {"2025-03-31"}
    assert report["document"]["reference_inference"]["session"] == "2025-03-31"


def test_this_morning_in_a_paper_dated_the_next_day(checker):
    text = ("Evening Edition - Tuesday, April 1, 2025\n\nTokyo stocks slumped this morning: the Nikkei 225 "
            "closed at 35,617.56. The dollar was at 149.90 yen today, and the 10-year JGB yield stood at 1.50%.")
    assert {c["date"] for c in checker.check(text).to_dict()["claims"]} == {"2025-03-31"}


def test_figures_that_fit_the_papers_own_day_stay_there(checker):
    text = "TOKYO CLOSE - Monday, February 9, 2026\n\nThe Nikkei 225 closed at 56,363.94, a record, up 3.89%."
    report = checker.check(text).to_dict()
    assert {c["date"] for c in report["claims"]} == {"2026-02-09"}
    assert "session" not in report["document"].get("reference_inference", {})


# -- relative dates --------------------------------------------------------------------------
@pytest.mark.parametrize("text, figure, day", [
    ("The 10-year Treasury yield was 4.06% at the close of 17th.", "4.06%", "2026-01-17"),
    ("USD/JPY hit 157.9 on the 20th.", "157.9", "2026-01-20"),
    ("The Nikkei 225 peaked at 42,224 last July.", "42,224", "2025-07"),
    ("back in Aug the Nikkei 225 dumped 12% in a day.", "12%", "2025-08"),
    ("Nikkei 225 closed fri at 53,936.", "53,936", "2026-01-16"),
    ("JGB 10-year yield closed at 2.33% last night.", "2.33%", "2026-01-20"),
    ("The 10-year JGB yield touched 2.1% earlier this month.", "2.1%", "2026-01"),
    ("The 30-year JGB yield fell 5 basis points in the previous session.", "5 basis points", "2026-01-20"),
    ("The two-year rate has moved to 1.47% from 1.14% last month.", "1.14%", "2025-12"),
    ("Dollar-yen's October rise above 150 caught many off guard.", "150", "2025-10"),
    ("The yen held its rebound on Tuesday, a day after the dollar touched 160.2 yen.", "160.2 yen", "2026-01-19"),
])
def test_relative_dates(ex, text, figure, day):
    assert dated(ex, text)[figure] == day


@pytest.mark.parametrize("text, figure", [
    ("The Nikkei 225 rose for the 20th consecutive session to 54,000.", "54,000"),
    ("May I add that the Nikkei 225 is at 53,000 now?", "53,000"),
    ("The unsecured overnight call rate stands at 0.75%.", "0.75%"),
])
def test_words_that_look_like_dates_but_are_not(ex, text, figure):
    assert dated(ex, text)[figure] == "2026-01-21"


# -- which figure a phrase dates ------------------------------------------------------------
def test_a_phrase_dates_the_figure_it_belongs_to(ex):
    got = dated(ex, "The dollar fell to 143.95 yen, down from about 147 on Friday.")
    assert got["147"] == "2026-01-16" and got["143.95 yen"] == "2026-01-21"
    got = dated(ex, "USD/JPY at 157.2 now, up 1.1 yen from the New York close on Monday.")
    assert got["157.2"] == "2026-01-21"


def test_a_phrase_about_another_event_dates_nothing(ex):
    got = dated(ex, "The Nikkei 225 shed 12.4% as Friday's weak U.S. jobs data fed fears of a recession.", "2024-08-05")
    assert got["12.4%"] == "2024-08-05"
    c = ex("The 40-year JGB yield rose to 3.44%, its strongest reading since that bond's 2007 debut.", "2025-08-26")[0]
    assert c.date == "2025-08-26" and c.since is None
    c = ex("The yen weakened to 155.4 per dollar, the weakest since March.", "2025-11-18")[0]
    assert c.date == "2025-11-18" and [q.label for q in c.qualifiers] == ["weakest_since:2025-03"]


def test_a_when_clause_and_a_by_day_and_an_and_clause(ex):
    got = dated(ex, "The rate had not exceeded 0.5% since September 1995, when the bank cut it from 1.0% to 0.5%.",
                "2025-12-19")
    assert list(got.values())[-1] == "1995-09"
    got = dated(ex, "The 40-year yield hit a record 3.689% last week, before easing to 3.318% by Wednesday.",
                "2025-05-28")
    assert got["3.318%"] == "2025-05-28"
    got = dated(ex, "UK gilts sold off on Tuesday, while French 10-year yields rose 0.05 percentage points to 3.58%.",
                "2025-09-03")
    assert got["3.58%"] == "2025-09-02"


# -- periods a move is measured over ----------------------------------------------------------
def move(check, text, day, literal):
    c = by_text(check(text, day), literal)
    return c["verdict"]["label"], c["verdict"]["explanation"], c.get("period")


def test_a_move_from_a_named_peak(check):
    label, why, period = move(check, "The Nikkei 225 is down 26% from its July 11 peak.", "2024-08-05", "26%")
    assert period == {"from": "2024-07-11", "words": "July 11", "baseline": "peak"}
    assert label in ("accurate", "approximately_accurate") and "2024-07-11" in why and "2024-08-05" in why
    # the all-time peak, with no period named, is the record
    label, _, _ = move(check, "The Nikkei 225 is 26% below its peak.", "2024-08-05", "26%")
    assert label in ("accurate", "approximately_accurate")


def test_moves_over_sessions_and_against_a_months_levels(check):
    label, _, period = move(check, "The yen rallied nearly 3% across two sessions.", "2026-01-26", "3%")
    assert label == "accurate" and period["sessions"] == 2
    c = by_text(check("Nikkei 225 up 6% over four sessions through Oct 9.", "2025-10-10"), "6%")
    assert c["date"] == "2025-10-09" and c["verdict"]["label"] == "accurate"
    label, why, period = move(check, "The 30-year JGB yield is 50 basis points higher compared with January levels.",
                              "2025-05-28", "50 basis points")
    assert period["baseline"] == "level" and period["from"] == "2025-01" and label != "inaccurate"


def test_moves_since_the_end_of_last_year_and_year_to_date(check):
    label, why, period = move(check, "The Nikkei 225 is up 3.2% since the end of last year.", "2026-01-09", "3.2%")
    assert label == "accurate" and "2025-12-30" in why
    label, _, _ = move(check, "Nikkei 225 +3.2% YTD.", "2026-01-09", "+3.2%")
    assert label == "accurate"


def test_a_table_column_names_the_period_of_its_moves(check):
    text = ("Second quarter scorecard - Monday, June 30, 2025\n\n| | close | Q2 change |\n| --- | --- | --- |\n"
            "| Nikkei 225 | 40,487.39 | +13.7% |\n| S&P 500 | 6,204.95 | +10.6% |\n")
    claims = check(text)
    for literal in ("+13.7%", "+10.6%"):
        c = by_text(claims, literal)
        assert c["period"]["from"] == "2025-03-31" and c["verdict"]["label"] == "accurate", c
    label, _, period = move(check, "Nikkei 225: 35,617.56. Quarter: -10.7%.", "2025-03-31", "-10.7%")
    assert period["words"] == "Quarter" and label == "accurate"


def test_a_daily_move_is_not_a_period_move(check):
    c = by_text(check("The Nikkei 225 rose 0.9% to 42,224.02.", "2024-07-11"), "0.9%")
    assert "period" not in c and c["verdict"]["label"] == "accurate"


def test_a_monthly_recap_written_on_the_first(check, ex):
    text = ("Monthly recap, May 1, 2025\n\nThe S&P 500 finished April at 5,569.06. At its April 8 close the index "
            "stood nearly 19% below its February record, and it has since rallied almost 12%. The Nikkei 225 ended "
            "the month up 1.2%, and the dollar ended the month at 142.63 yen.")
    claims = {c["text"]: c for c in check(text)}
    assert claims["19%"]["date"] == "2025-04-08" and claims["19%"]["verdict"]["label"] != "inaccurate"
    assert claims["12%"]["period"]["from"] == "2025-04-08" and claims["12%"]["verdict"]["label"] != "inaccurate"
    assert claims["1.2%"]["period"]["from"] == "2025-03-31" and claims["1.2%"]["verdict"]["label"] != "inaccurate"
    assert claims["142.63 yen"]["date"] == "2025-04-30"
    # the same words mid-month are this month's
    assert dated(ex, "The dollar ended the month at 142.63 yen.", "2025-04-16")["142.63 yen"] == "2025-04-16"


def test_a_level_a_months_move_reached_and_the_start_of_a_month(ex):
    assert dated(ex, "Brent crude rose 78% in March to $126.69 a barrel.", "2026-04-01")["$126.69"] == "2026-03-31"
    assert dated(ex, "The BoJ raised the rate in December by 25 basis points to 0.75%.", "2026-03-10")["0.75%"] \
        == "2025-12"  # a decision is checked by its month
    got = dated(ex, "Brent went from about $77 at the start of March to above $118 on Friday.", "2026-03-24")
    assert got["$77"] == "2026-03-02" and got["$118"] == "2026-03-20"


def test_first_time_in_this_month_is_a_qualifier_but_in_february_a_date(ex):
    got = dated(ex, "The Nikkei 225 closed below 50,000 for the first time in this month.", "2025-11-18")
    assert got["50,000"] == "2025-11-18"
    got = dated(ex, "The Nikkei 225 only closed above 40,000 for the first time in February.", "2024-07-12")
    assert got["40,000"] == "2024-02"


# -- forecast horizons ----------------------------------------------------------------------
@pytest.mark.parametrize("text, ref, figure, day", [
    ("Strategists see the yen at 160 per dollar by the end of 2026.", "2025-12-25", "160 per dollar", "2026-12-31"),
    ("The 10-year yield is expected to trade at 2.20% by the end of this quarter.", "2026-02-09", "2.20%",
     "2026-03-31"),
    ("Markets price a 25 basis point hike at the December 19 meeting.", "2025-12-08", "25 basis point", "2025-12-19"),
    ("We expect USD/JPY at 152 by the end of the year and a modest 148 for 2026.", "2025-12-08", "148",
     "2026-12-31"),
    ("Our end-2026 forecast for the BoJ policy rate is 1.5%.", "2026-06-26", "1.5%", "2026-12-31"),
])
def test_forecast_horizons_are_days(ex, text, ref, figure, day):
    c = next(c for c in ex(text, ref) if c.text == figure)
    assert not c.checkable and c.date == day


# -- evidence for a month -------------------------------------------------------------------
def test_a_claim_dated_by_a_month_shows_the_observation_its_verdict_cites(check):
    c = by_text(check("The dollar traded at 151 yen in October.", "2025-12-08"), "151")
    observed = c["verdict"]["observed"]
    assert len(observed) == 1 and observed[0]["date"] in c["verdict"]["explanation"]


# -- every dev and real-dev document that writes its date recovers it ------------------------
MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december"]


def writes_its_date(text: str, day: date) -> bool:
    """Whether the text writes its publication day ("Feb. 9", "9 February", "January 23 and 24",
    "2026-01-13"): judged from the text alone, independently of the tool."""
    name = MONTH_NAMES[day.month - 1]
    mon = rf"(?:{name}|{name[:3]}\.?)"
    d = rf"0?{day.day}(?:st|nd|rd|th)?"
    return bool(re.search(rf"(?i)\b{mon}\s+(?:\d{{1,2}}\s*(?:and|-|–)\s*)?{d}\b|\b{d}\s+(?:of\s+)?{mon}\b|"
                          rf"{day.isoformat()}", text))


def test_every_document_that_writes_its_date_recovers_it_without_one(checker):
    shared = require_shared()
    checked, wrong = 0, []
    for name in ("dev", "real-dev"):
        folder = shared / "eval" / name
        for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
            gold = json.loads(line)
            text = (folder / gold["file"]).read_text(encoding="utf-8")
            if not gold.get("published") or not writes_its_date(text, date.fromisoformat(gold["published"])):
                continue
            checked += 1
            got = checker.check(text).to_dict()["document"]["reference_date"]
            if got != gold["published"]:
                wrong.append(f"{name}/{gold['id']}: {got} instead of {gold['published']}")
    assert checked >= 20 and not wrong, wrong


# -- comparisons, periods named in passing, and reviews (issue 16, second part) -------------
def extracted(ex, text, ref, literal):
    return next(c for c in ex(text, ref) if c.text == literal)


def test_a_day_inside_a_comparison_dates_nothing_and_carries_nowhere(ex):
    text = ("TOKYO, Jan 21, 2026 (Wire) - The 1,800-point rally was second only to the rebound of Nov. 4 last year. "
            "The Topix added 4.2%.")
    got = dated(ex, text, None)
    assert got["4.2%"] == "2026-01-21" and "2025-11-04" not in got.values() and "2025" not in got.values()
    got = dated(ex, "The Nikkei 225's 4.2% leap was second only to its rally on Nov. 4.", "2026-01-21")
    assert got["4.2%"] == "2026-01-21"
    got = dated(ex, "The Nikkei 225 rose 2.1% on Monday, a bigger gain than the one on Friday.", "2026-01-21")
    assert got["2.1%"] == "2026-01-19"
    # a figure after "than" keeps its day: the day is the figure's
    got = dated(ex, "Brent fell more than nine percent yesterday to about a hundred and four dollars.", "2026-01-21")
    assert got["nine percent"] == "2026-01-20"
    assert dated(ex, "The Nikkei 225 rose more than 2% on Friday.", "2026-01-21")["2%"] == "2026-01-16"


def test_a_move_over_the_quarter_or_the_month(ex, check):
    c = extracted(ex, "JGB 10-year: 1.50%, up 39 bp over the quarter.", "2025-04-01", "39 bp")
    assert c.date == "2025-03-31" and c.since.value == "2024-12-31"  # written on April 1: the quarter just ended
    c = extracted(ex, "The 10-year JGB yield has climbed 20 basis points so far this quarter.", "2025-05-20",
                  "20 basis points")
    assert c.since.value == "2025-03-31" and c.date == "2025-05-20"
    label, why, _ = move(check, "The 30-year JGB yield fell 16.5 basis points over the month.", "2025-05-01",
                         "16.5 basis points")
    assert label == "inaccurate" and "2025-03-31" in why and "2025-04-30" in why  # it rose 16.5 bp in April
    # "over the past month" stays a span of about thirty days, not the calendar month
    c = extracted(ex, "The 10-year JGB yield rose 20 bp over the past month.", "2025-05-20", "20 bp")
    assert c.since.pattern == "period_ago"


def test_its_worst_month_names_the_period_of_the_move(ex, check):
    text = "Monthly markets wrap, April 1, 2026\n\n- Gold fell 11.8%, its worst month since June 2013."
    c = extracted(ex, text, None, "11.8%")
    assert c.date == "2026-03-31" and c.since.value == "2026-02-28" and c.trace["period"] == "superlative_period"
    label, why, _ = move(check, "The S&P 500 gained 3.9%, the index's best week since November.", "2024-08-16",
                         "3.9%")
    assert label == "accurate" and "2024-08-09" in why
    got = {c.text: c for c in ex("Nikkei 225 fell 13.2% to 51,063.72, its worst month since Oct 2008.", "2026-04-01")}
    assert got["13.2%"].since is not None and got["51,063.72"].date == "2026-03-31"  # the level the month reached
    # the day's move that capped a bad week is the day's
    c = extracted(ex, "The Nikkei 225 fell 2% on Friday, capping its worst week since March.", "2026-01-21", "2%")
    assert c.since is None and c.date == "2026-01-16"


def test_a_periodic_review_gives_its_moves_its_period(ex):
    c = extracted(ex, "Weekly markets wrap - Friday, January 16, 2026\n\nThe 10-year JGB yield rose 8 basis points "
                      "to 2.18%, and the dollar gained 1.2 yen.", None, "8 basis points")
    assert c.since.value == "2026-01-09" and c.trace["period"] == "review_period"
    c = extracted(ex, "Month in review (Feb 2, 2026)\n\nNikkei 225 flat, JGB 10y +12bp.", None, "+12bp")
    assert c.since.value == "2025-12-31" and c.date == "2026-01-30"  # written on the 2nd: January's
    # a move with a day of its own is that day's
    c = extracted(ex, "Weekly markets wrap - Friday, January 16, 2026\n\nThe 10-year JGB yield rose 8 basis points "
                      "on Tuesday.", None, "8 basis points")
    assert c.since is None and c.date == "2026-01-13"
    # "weekly jobless claims" in a headline makes no review
    c = extracted(ex, "Yen slips as weekly jobless claims fall\n\nTOKYO, Jan 16 (Wire) - The 10-year JGB yield "
                      "rose 8 basis points.", None, "8 basis points")
    assert c.since is None


def test_a_move_against_a_named_days_close(ex, check):
    c = extracted(ex, "USD/JPY at 149.90, 7.5 yen lower than at the end of December.", "2025-04-01", "7.5 yen")
    assert c.baseline.value == "close" and c.since.value == "2024-12-31"
    c = extracted(ex, "10s +12bp higher than on Fri, oof.", "2026-01-21", "+12bp")
    assert c.since.value == "2026-01-16"
    c = extracted(ex, "The Nikkei 225 is 5% higher than a year ago.", "2026-01-21", "5%")
    assert c.baseline is None


def test_a_comparison_with_a_months_levels_carries_to_the_next_sentence(ex):
    text = ("The 40-year yield eased to 3.32% by Wednesday, a sharp jump compared with January levels. The 30-year "
            "yield climbed 60 basis points to 2.91%.")
    c = extracted(ex, text, "2025-05-28", "60 basis points")
    assert c.baseline.value == "level" and c.since.value == "2025-01"
    got = {c.text: c for c in ex("40y back at 3.32%, still way up vs January levels. 30y +60bp, 20y +50bp",
                                 "2025-05-28")}
    assert got["+60bp"].since.value == "2025-01" and got["+50bp"].since.value == "2025-01"
    # not past the next sentence, nor to a move with a day of its own
    text = ("The 40-year yield eased to 3.32%, a sharp jump compared with January levels.\n\nThe 30-year yield "
            "rose 6 basis points.")
    assert extracted(ex, text, "2025-05-28", "6 basis points").baseline is None
    text = ("The 40-year yield eased to 3.32%, a sharp jump compared with January levels. The 30-year yield rose "
            "6 basis points on Wednesday.")
    assert extracted(ex, text, "2025-05-28", "6 basis points").baseline is None


def test_a_policy_rate_stated_as_in_force_is_the_writers_day(check):
    lede = "Tokyo stocks slid on Monday as oil jumped again. The Nikkei 225 fell 3.5% on Monday to 51,515. "
    claims = check(lede + "The Bank of Japan, with its policy rate at 0.75%, is stuck.", "2026-03-24")
    c = by_text(claims, "0.75%")
    assert c["date"] == "2026-03-24" and c["date_basis"] == "reference" and c["verdict"]["label"] == "accurate"
    c = by_text(check(lede + "BoJ policy rate still 0.75%, nobody expects a move", "2026-03-24"), "0.75%")
    assert c["date"] == "2026-03-24"
    # a decision, past tense, stays on the session the piece reports
    c = by_text(check(lede + "The Bank of Japan left its policy rate at 0.75%.", "2026-03-24"), "0.75%")
    assert c["date"] == "2026-03-23"


def test_a_month_of_this_year_in_learner_english(check, ex):
    c = by_text(check("5. BOJ: BOJ has raised the policy rate to 0.5% at March of this year.", "2025-09-18"), "0.5%")
    assert c["date"] == "2025-03" and c["verdict"]["label"] == "misdated"  # the hike was in January
    c = by_text(check("The Bank of Japan raised its policy rate to 0.5% in January of this year.", "2025-09-18"),
                "0.5%")
    assert c["date"] == "2025-01" and c["verdict"]["label"] == "accurate"
    assert dated(ex, "The 10-year JGB yield was 1.1% in December of last year.", "2025-09-18")["1.1%"] == "2024-12"
    # "this year" alone is no month
    assert dated(ex, "The 10-year JGB yield has risen to 1.6% this year.", "2025-09-18")["1.6%"] == "2025-09-18"


def test_the_us_election_and_the_days_after_it(ex, check):
    text = ("What a month. Think back to the U.S. election. The day after the vote the dollar jumped 2.6 yen, and "
            "the Fed cut a day later by 25 basis points.")
    got = dated(ex, text, "2024-11-20")
    assert got["2.6 yen"] == "2024-11-06" and got["25 basis points"] == "2024-11-07"
    c = by_text(check(text, "2024-11-20"), "25 basis points")
    assert c["verdict"]["label"] == "accurate"  # announced on the 7th
    got = dated(ex, "Blog, Jan 10: the dollar jumped 2.6 yen the day after the presidential election.", "2025-01-10")
    assert got["2.6 yen"] == "2024-11-06"
    # some other vote is not the U.S. election
    got = dated(ex, "The day after the vote, the Nikkei 225 jumped 4.8% as the new LDP leader took over.", "2025-10-08")
    assert got["4.8%"] == "2025-10-08"
    # "a day later" counts from the day named before it
    got = dated(ex, "The Nikkei 225 fell 2% on Monday and rebounded 1.5% a day later.", "2026-01-21")
    assert got["1.5%"] == "2026-01-20"
