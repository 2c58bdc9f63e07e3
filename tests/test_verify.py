"""One test per VERDICTS.md rule, on the shipped snapshot with real dates."""
import pytest

from conftest import by_text


def verdict(check, text, date, literal, occurrence=1):
    c = by_text(check(text, date), literal, occurrence)
    return c["verdict"]["label"], c["verdict"]


def test_record_high(check):
    label, v = verdict(check, "The 30-year JGB yield closed at a record 4.04%.", "2026-05-19", "4.04%")
    assert label == "accurate" and "a record" in v["explanation"] and "data from 1999-09-02" in v["explanation"]


def test_record_that_is_not(check):
    # the 30-year MoF close on 2025-01-24 was far below its 1999-2000 highs
    label, v = verdict(check, "The 30-year JGB yield closed at a record 2.28%.", "2025-01-24", "2.28%")
    assert label == "inaccurate" and "not a record" in v["explanation"]


def test_highest_since_holds(check):
    label, v = verdict(check, "The 10-year JGB yield rose to 2.33%, the highest since 1999.", "2026-01-20", "2.33%")
    assert label == "accurate" and "1999-02-05" in v["explanation"]


def test_highest_since_fails(check):
    label, v = verdict(check, "The 10-year JGB yield rose to 2.33%, the highest since 2008.", "2026-01-20", "2.33%")
    assert label == "inaccurate" and "fails" in v["explanation"]


def test_highest_since_loosely(check):
    label, _ = verdict(check, "The 10-year is at 2.78%, the highest since 1996. JGBs fell.", "2026-05-19", "2.78%")
    # the last higher close was in 1997, one year off
    label2, _ = verdict(check, "The 10-year JGB is at 2.78%, the highest since 1996.", "2026-05-19", "2.78%")
    assert label2 == "approximately_accurate"


def test_misdated_policy_move(check):
    label, v = verdict(check, "In January 2025, the Bank of Japan raised rates to 0.75%.", "2026-01-23", "0.75%")
    assert label == "misdated" and "2025-12-19" in v["explanation"]


def test_policy_decision_on_the_day(check):
    label, _ = verdict(check, "The Bank of Japan raised its policy rate on Friday to 0.75%.", "2025-12-19", "0.75%")
    assert label == "accurate"


def test_threshold_holds_and_fails(check):
    assert verdict(check, "The yen weakened past 150 per dollar.", "2024-03-19", "150")[0] == "accurate"
    assert verdict(check, "The two-year JGB yield touched 1.18%.", "2025-12-19", "1.18%")[0] == "inaccurate"


def test_threshold_short_within_allowance_is_approximate(check):
    label, _ = verdict(check, "The 40-year JGB broke above 4% for the first time.", "2026-01-20", "4%")
    assert label == "approximately_accurate"  # 3.901% close, inside the 12 bp allowance


def test_intraday_extreme_uses_high_low(check):
    label, v = verdict(check, "The yen strengthened to as much as 141.7 per dollar.", "2024-08-05", "141.7")
    assert label == "accurate" and v["observed"][0]["field"] == "intraday low"


def test_change_in_bp(check):
    assert verdict(check, "The 10-year JGB yield fell 19 basis points to 0.78%.", "2024-08-05", "19 basis")[0] == "accurate"
    assert verdict(check, "The 10-year JGB yield fell 25 basis points to 0.78%.", "2024-08-05", "25 basis")[0] == "inaccurate"


def test_change_in_percent(check):
    assert verdict(check, "The Nikkei 225 plunged 12.4% on Monday.", "2024-08-05", "12.4%")[0] == "accurate"
    assert verdict(check, "The Nikkei 225 closed up 1.7% at 40,003.60.", "2024-03-19", "1.7%")[0] == "inaccurate"


def test_change_misdated_month(check):
    assert verdict(check, "Remember the 12.4% Nikkei crash in September?", "2024-10-28", "12.4%")[0] == "misdated"


def test_spread(check):
    label, v = verdict(check, "The US-Japan 10-year gap is back to 330 basis points.", "2024-10-28", "330")
    assert label == "accurate" and len(v["observed"]) == 2


def test_hedge_just_inside_and_outside(check):
    # DEXJPUS 147.96 on 2025-04-07: "around 150" is 2.04 yen off, inside the 2% hedge band (3 yen)
    assert verdict(check, "Dollar-yen bounced back to around 150.", "2025-04-07", "150")[0] == "approximately_accurate"
    # without the hedge only the 1.0 yen basis allowance applies
    assert verdict(check, "Dollar-yen bounced back to 150.", "2025-04-07", "150")[0] == "inaccurate"
    # "around 152": 4.04 yen off, outside the 3.04 yen hedge band
    assert verdict(check, "Dollar-yen bounced back to around 152.", "2025-04-07", "152")[0] == "inaccurate"


def test_no_data_after_snapshot_is_unverifiable_with_reason(check):
    label, v = verdict(check, "The 30-year JGB yield rose to 3.90%.", "2026-08-20", "3.90%")
    assert label == "unverifiable" and "no jgb_30y data after 2026-06-30" in v["explanation"].lower()


def test_every_verdict_explains_itself(check):
    text = "The Nikkei 225 rose 0.7% to a record 69,902.25. The 10-year JGB yield eased to 2.61%."
    for c in check(text, "2026-06-17"):
        v = c["verdict"]
        assert v["label"] and v["explanation"] and v["observed"] and v["tolerance"] is not None


def test_matured_forecast_says_what_happened(check):
    c = by_text(check("Strategists now see the pair at 150 by year-end.", "2024-07-12"), "150")
    v = c["verdict"]
    assert v["label"] == "not_checkable" and v["rule"] == "matured_forecast"
    assert v["observed"][0]["date"] == "2024-12-31" and "missed" in v["explanation"]


def test_forecast_ahead_of_the_data_stays_plain(check):
    c = by_text(check("Strategists see the yen weakening to 160 per dollar by the end of 2027.", "2026-01-21"), "160")
    assert c["verdict"]["label"] == "not_checkable" and c["verdict"]["rule"] == "modality"


def test_wire_dateline_without_year_gets_its_year_from_the_data(checker):
    text = ("TOKYO, Aug 5 (Wire) - The Nikkei 225 plunged 12.4% to 31,458.42 on Monday. The 10-year JGB "
            "yield fell 19 basis points to 0.78%.")
    doc = checker.check(text).to_dict()["document"]
    assert doc["reference_date"] == "2024-08-05" and doc["reference_date_basis"] == "inferred"
    assert "year inferred" in doc["reference_inference"]["dateline"]


def test_undated_single_claim_is_not_given_a_made_up_reference_date(checker):
    report = checker.check("The 10-year JGB yield rose to 1.59%.").to_dict()
    assert report["document"]["reference_date"] is None and report["document"]["reference_date_basis"] == "none"
    c = report["claims"][0]
    assert c["date_basis"] == "own_best_date" and "own best date" in c["verdict"]["explanation"]


def test_policy_file_changes_the_rules(tmp_path):
    from factcheck.api import Checker

    strict = tmp_path / "policy.toml"
    strict.write_text("[time]\nlag_days = 3\nmisdated_window_months = 1\n")
    text = "In January 2025, the Bank of Japan raised rates to 0.75%."
    default = Checker.default().check(text, "2026-01-23").to_dict()["claims"][0]["verdict"]["label"]
    narrow = Checker.default(policy_file=str(strict)).check(text, "2026-01-23").to_dict()["claims"][0]["verdict"]["label"]
    assert (default, narrow) == ("misdated", "inaccurate")  # December 2025 is 11 months away


def test_dated_note_is_not_outvoted_by_a_possessive_day(check):
    text = ("Tokyo Close - Monday, August 5, 2024\n\nThe Nikkei 225 tumbled 12.4% to close at 31,458.42. "
            "The 10-year note yield was last at 3.78%, after Friday's 3.80% close.")
    claims = check(text)
    assert [c["date"] for c in claims] == ["2024-08-05", "2024-08-05", "2024-08-05", "2024-08-02"]
    assert [c["verdict"]["label"] for c in claims] == ["accurate"] * 4
    assert claims[2]["series"]["id"] == "ust_10y"  # "note yield" is U.S. terminology


def test_change_from_a_week_earlier(check):
    c = check("The 20-year JGB yield rose 11 bps on the week to 3.51% on Friday.", "2026-06-12")[0]
    assert "on 2026-06-05 ->" in c["verdict"]["explanation"]


def test_intraday_level_inside_the_days_range(check):
    c = check("The yen surged to 141.7 against the dollar intraday.", "2024-08-05")[0]
    assert c["verdict"]["label"] == "accurate" and c["verdict"]["rule"] == "intraday_range"


def test_highest_since_skips_the_current_plateau(check):
    c = check("The Bank of Japan's policy rate stands at 0.25%, its highest since 2008.", "2024-08-05")[0]
    assert c["verdict"]["label"] == "accurate" and "2008-12-18" in c["verdict"]["explanation"]


def test_each_clause_has_its_own_subject_and_period(check):
    claims = check("The Nikkei 225 is up 26.6% this year, and the yen has lost 3% so far this year.", "2025-10-27")
    nikkei, yen = claims
    assert nikkei["verdict"]["label"] == "accurate" and "2024-12-30" in nikkei["verdict"]["explanation"]
    assert yen["series"]["id"] == "usdjpy" and yen["value"] == 3.0  # the yen losing = dollar-yen rising
    assert yen["verdict"]["label"] == "inaccurate"  # dollar-yen fell 2.7%: the yen gained


def test_ago_offsets_date_their_claim_but_do_not_carry(check):
    text = ("Rates Note - Friday, September 13, 2024\n\nThe 10-year JGB yield was 0.89% on Thursday, up from "
            "0.75% a month ago. A year ago the pair traded near 147. The U.S. 10-year was at 3.68%.")
    claims = check(text)
    # the last claim carries "on Thursday" from its paragraph; the offsets do not carry
    assert [c["date"] for c in claims] == ["2024-09-12", "2024-08-13", "2023-09-13", "2024-09-12"]


def test_touching_without_a_direction_reads_against_the_market(check):
    c = check("USD/JPY 141.80 this morning after touching 140.7 on Wednesday.", "2024-09-13")[1]
    assert c["verdict"]["label"] == "accurate" and c["verdict"]["observed"][0]["field"] == "intraday low"


def test_semicolon_starts_a_new_clause_for_modality(check):
    c = check("The Fed is widely expected to cut next week; the fed funds target's upper bound has been 5.50% "
              "since July 2023.", "2024-09-13")[0]
    assert c["checkable"] and c["verdict"]["label"] == "accurate"


def test_comparatives_trailing_direction_and_year_start(check):
    text = ("The Japanese currency remains weaker than 155 per dollar. The Nikkei 225 finished 0.3% lower at "
            "53,936.17. The Nikkei gained 3,597 points, or 7.1%, in the first two weeks of the year.")
    weaker, lower, level, points, pct = check(text, "2026-01-16")
    assert weaker["threshold"] == "directional" and weaker["verdict"]["label"] == "accurate"
    assert (lower["kind"], lower["value"], lower["verdict"]["label"]) == ("change", -0.3, "accurate")
    assert points["verdict"]["label"] == "accurate" and "2025-12-30" in points["verdict"]["explanation"]
    assert pct["verdict"]["label"] == "accurate"


def test_spread_takes_its_markets_from_the_sentence_before(check):
    text = "The 10-year JGB yield rose to 2.33%, and the U.S. 10-year yield sits at 4.30%. The gap is about 197 basis points."
    c = check(text, "2026-01-20")[-1]
    assert c["series"]["id"] == "spread:ust_10y:jgb_10y" and c["verdict"]["label"] == "accurate"


def test_jgb_desk_note_constructions(check):
    text = ("JGB Desk Notes\nPosted December 2, 2025\n\nSuper-long JGBs sold off. The 30-year yield rose as much as "
            "6.5 basis points to 3.445%, a record. The 10-year yield was 1.88%, up from 1.66% at the start of "
            "November, and the curve between 2- and 30-year JGBs steepened to about 232 basis points. The yen "
            "weakened 0.6% to 155.3 per dollar. The Nikkei was at 49,303.28 after a 1.9% drop on Monday.")
    claims = {c["text"]: c for c in check(text)}
    assert claims["6.5 basis points"]["kind"] == "change"
    # posted on Tuesday, the note's undated figures are Monday's closes (49,303.28 and 1.88% to
    # the digit on 2025-12-01): the data move them to the session they fit (factcheck.session)
    assert claims["1.88%"]["kind"] == "level" and claims["1.88%"]["date"] == "2025-12-01"
    assert claims["232 basis points"]["series"]["id"] == "spread:jgb_30y:jgb_2y"
    assert claims["0.6%"]["kind"] == "change" and claims["0.6%"]["series"]["id"] == "usdjpy"
    assert claims["1.9%"]["date"] == "2025-12-01" and claims["49,303.28"]["date"] == "2025-12-01"


def test_period_phrases_bind_to_their_own_number(check):
    text = ("Futures assign a 90% probability to a cut. The Nikkei 225 rose 2.5% to 50,512.32, its 12th record "
            "this year.")
    prob, rise, level = check(text, "2025-10-27")
    assert prob["series"] is None
    assert rise["verdict"]["label"] == "accurate" and "2025-10-24 ->" in rise["verdict"]["explanation"]


def test_policy_rate_levels_are_exact(check):
    c = check("The BoJ's policy rate is 1% now.", "2026-03-02")[0]
    assert c["verdict"]["label"] in ("inaccurate", "misdated")  # 0.75% was in force until 2026-06-17


def test_since_a_months_record(check):
    c = check("The S&P 500 has lost 18.9% since its February record.", "2025-04-08")[0]
    assert c["verdict"]["label"] == "accurate" and "2025-02-19" in c["verdict"]["explanation"]


def test_qualifier_inside_sentence_does_not_block_the_date(check):
    c = check("The yen at 161.7 hit its weakest since December 1986 on Wednesday.", "2024-07-12")[0]
    assert c["date"] == "2024-07-10" and c["verdict"]["label"] == "accurate"


def test_changes_over_a_month_or_year(check):
    month = check("The Nikkei gained 16.6% in October 2025.", "2026-01-10")[0]
    assert month["verdict"]["label"] == "accurate" and month["verdict"]["rule"] == "change_over_period"
    year = check("The Nikkei 225 gained 26.2% in 2025.", "2026-01-10")[0]
    assert year["verdict"]["label"] == "accurate"
    day = check("Remember the 12.4% Nikkei crash in September?", "2024-10-28")[0]
    assert day["verdict"]["label"] == "misdated"  # one day's move, in August


def test_last_week(check):
    change = check("The 10-year JGB yield rose 8.6 basis points last week.", "2026-01-21")[0]
    assert change["date"] == "2026-01-16" and change["verdict"]["label"] == "accurate"
    assert "2026-01-09 ->" in change["verdict"]["explanation"]
    level = check("The 10-year JGB yield traded near 2.17% last week.", "2026-01-21")[0]
    assert level["verdict"]["label"] == "approximately_accurate"  # 2.164% on 2026-01-15, inside the hedge
    assert level["verdict"]["observed"][-1]["date"] <= "2026-01-16"


def test_a_carried_date_is_checked_on_that_day(check):
    # DGS10: 4.24% on 2026-01-16 (Friday), 4.30% on 2026-01-20; "yesterday" carries to the second sentence
    text = "Treasuries sold off yesterday. The U.S. 10-year yield ended at 4.24%."
    c = check(text, "2026-01-21")[0]
    assert c["date_basis"] == "carried" and c["verdict"]["label"] == "inaccurate"


@pytest.mark.parametrize("text, label", [
    # BoJ: 0.50% -> 0.75% announced 2025-12-19; Fed: upper bound 5.50% -> 5.00% in September 2024
    ("The Bank of Japan raised its policy rate by a quarter point in December 2025.", "accurate"),
    ("The Bank of Japan raised its policy rate by half a percentage point in December 2025.", "inaccurate"),
    ("The Fed delivered a half-point cut in September 2024.", "accurate"),
])
def test_spelled_policy_moves_are_checked(check, text, label):
    c = check(text, "2026-01-21")[0]
    assert c["series"]["id"] in ("boj_policy_rate", "fed_funds_upper") and c["verdict"]["label"] == label


def test_month_and_week_superlatives_are_checked(check):
    # DEXJPUS 159.06 on 2026-01-13; the last close at or above it: 161.73 on 2024-07-10 (18.1 months)
    def verdict(text):
        c = check(text, "2026-01-14")[0]
        return c["verdict"]["label"], c["verdict"]["qualifiers"][0]["holds"]

    assert verdict("The dollar rose to 159.06 yen on Tuesday, an 18-month high.") == ("accurate", True)
    assert verdict("The dollar rose to 159.06 yen on Tuesday, a 19-month high.") == ("approximately_accurate", "loosely")
    assert verdict("The dollar rose to 159.06 yen on Tuesday, a 20-month high.") == ("inaccurate", False)
    assert verdict("The dollar rose to 159.06 yen on Tuesday, a 90-week high.") == ("inaccurate", False)
    assert verdict("The yen weakened to 159.06 per dollar on Tuesday, its weakest in 18 months.") == ("accurate", True)


def test_an_intraday_peak_is_compared_with_earlier_intraday_peaks(check):
    # USD/JPY high 159.438 on 2026-01-14 (close 158.13); earlier highs at or above it: July 2024
    c = check("The dollar rose as high as 159.44 yen on Wednesday, its strongest since July 2024.", "2026-01-14")[0]
    assert c["verdict"]["label"] == "accurate"
    assert c["verdict"]["qualifiers"][0]["holds"] is True and "2024-07" in c["verdict"]["qualifiers"][0]["explanation"]


def test_a_move_over_the_week(check):
    # FRED SP500: 6,840.20 on 2025-10-31 -> 6,728.80 on 2025-11-07 (-1.63%); that Friday alone +0.13%
    c = check("On Wall Street, the S&P 500 lost 1.6 per cent over the week.", "2025-11-07")[0]
    assert c["verdict"]["label"] == "accurate" and "2025-10-31 ->" in c["verdict"]["explanation"]


@pytest.mark.parametrize("text, label", [
    # Nikkei 2024-08-05: -12.40% (-4,451.28 points); the last bigger fall: -14.90% on 1987-10-20.
    # 2024-08-06: +10.23%; the last bigger rise: +14.15% on 2008-10-14
    ("The Nikkei 225 plunged 4,451 points on Monday, its biggest point decline on record.", "accurate"),
    ("The Nikkei 225 plunged 12.4% on Monday, the worst day since 1987.", "accurate"),
    ("The Nikkei 225 plunged 12.4% on Monday, the worst day since 2020.", "inaccurate"),
    ("The Nikkei jumped 10.2% on Tuesday, its biggest one-day gain since 2008.", "accurate"),
    ("The Nikkei jumped 10.2% on Tuesday, its biggest one-day gain on record.", "inaccurate"),
])
def test_superlatives_of_a_move_are_checked_against_every_earlier_day(check, text, label):
    c = check(text, "2024-08-06")[0]
    assert c["verdict"]["label"] == label and c["verdict"]["qualifiers"]


def test_high_for_the_year_is_checked_against_the_years_earlier_values(check):
    # DEXJPUS: 161.73 on Wednesday 2024-07-10, above every earlier 2024 close (161.55 on 2024-07-01)
    label, v = verdict(check, "The dollar rose to 161.9 yen on Wednesday, its high for the year.", "2024-07-11",
                       "161.9")
    assert v["qualifiers"][0]["qualifier"] == "year_high" and v["qualifiers"][0]["holds"] is True
    assert "highest earlier 2024 value was 161.55 yen on 2024-07-01" in v["explanation"]
    assert label == "approximately_accurate"  # 0.17 yen off the close, within the basis allowance
    # the right close, but not the year's high: 150.38 on 2024-07-31, far below July's 161.73
    label, v = verdict(check, "The dollar rose to 150.4 yen on Wednesday, its high for the year.", "2024-08-01",
                       "150.4")
    assert label == "inaccurate" and v["qualifiers"][0]["holds"] is False
    assert "161.73 yen on 2024-07-10; 150.38 yen on 2024-07-31 is not the 2024 high" in v["explanation"]


def test_every_qualifier_kind_the_extractor_can_produce_has_a_checker():
    from claims import QualifierKind
    from claims.rules.qualifiers import PRODUCED_KINDS, QUALIFIERS
    from factcheck.errors import ConfigurationError
    from factcheck.verify.qualifiers import CHECKERS, require_checkers

    assert PRODUCED_KINDS <= set(CHECKERS)
    require_checkers(PRODUCED_KINDS, CHECKERS)  # what runs at import
    without_year_high = {k: v for k, v in CHECKERS.items() if k != QualifierKind.YEAR_HIGH}
    with pytest.raises(ConfigurationError, match="year_high"):
        require_checkers(PRODUCED_KINDS, without_year_high)
    assert {k for r in QUALIFIERS for k in r.kinds} == PRODUCED_KINDS


def test_qualifier_rules_build_only_the_kinds_they_declare(vocabulary):
    import claims
    from claims.rules import unmark
    from claims.rules.qualifiers import QUALIFIERS

    for rule in QUALIFIERS:
        for example in rule.examples:
            text, _, _ = unmark(example)
            built = [q for c in claims.extract(text, "2026-01-21", vocabulary) for q in c.qualifiers]
            assert built and all(q.kind in rule.kinds for q in built), (rule.name, built)


def test_the_tolerance_ladder():
    from factcheck.verify import grade

    assert [grade(d, 0.005, 0.05) for d in (0.0, -0.005, 0.03, 0.055, 0.0551)] == [
        "accurate", "accurate", "approximately_accurate", "approximately_accurate", "inaccurate"]


def test_labels_carry_rating_colour_and_severity():
    from factcheck.verify import Label

    assert [label.style.rating for label in Label] == [5, 4, 2, 1, None, None]
    assert Label.by_severity()[0] == "inaccurate" and Label.by_severity()[-1] == "accurate"
    assert all(label.style.colour and label.style.hex.startswith("#") for label in Label)


def test_a_spread_allowance_sums_its_legs_unless_the_policy_says_otherwise(tmp_path):
    from factcheck.api import Checker

    text = "The US-Japan 10-year gap is back to 337 basis points."  # 329.9 bp on 2024-10-28: 7.1 bp off
    summed = Checker.default().check(text, "2024-10-28").to_dict()["claims"][0]["verdict"]
    assert summed["label"] == "approximately_accurate" and "8 bp allowance of both legs" in summed["explanation"]
    wider = tmp_path / "policy.toml"
    wider.write_text("[spread]\nsum_legs = false\n")
    v = Checker.default(policy_file=str(wider)).check(text, "2024-10-28").to_dict()["claims"][0]["verdict"]
    assert v["label"] == "inaccurate" and v["tolerance"] == pytest.approx(5.5)  # JGB's 5 bp plus the stated precision


# Superlatives refuted under every reading (issue 15/16/17 follow-up): the figure matches,
# the superlative does not, and the claim is flagged with the reading that decided it.

def test_a_record_is_a_near_tie_only_within_a_quarter_allowance(check):
    # MoF 30Y 2026-04-30 = 3.721; the 2026-01-20 close 3.765 is 4.4 bp higher: beyond the
    # near-tie (precision + a quarter of the 12 bp allowance), so no record on any reading
    for text in ("30s jgb 3.72 on the close, fresh record high for the sector",
                 "The super-long end kept sliding: the 30-year JGB yield ended at a record 3.72%, per the MoF curve."):
        c = by_text(check(text, "2026-04-30"), "3.72")
        assert c["verdict"]["label"] == "inaccurate" and "not a record" in c["verdict"]["explanation"]
    # the day of the record itself is one
    c = by_text(check("thirty-year JGB yield at a record 3.77% this afternoon", "2026-01-20"), "3.77%")
    assert c["verdict"]["label"] == "accurate"


def test_a_record_close_of_an_index_admits_no_basis_tie(check):
    # JPX TOPIX 2025-07-23 close 2,926.38; the record close was 2,929.17 (2024-07-11)
    c = by_text(check("Topix finished at a record close of 2,926.38, traders said.", "2025-07-23"), "2,926.38")
    assert c["verdict"]["label"] == "inaccurate"
    # without a close, a quote during the day may have topped it: a near-tie, not refuted
    c = by_text(check("Topix rose to a record 2,926 in the morning session.", "2025-07-23"), "2,926")
    assert c["verdict"]["label"] == "approximately_accurate"


def test_since_a_recent_month_is_not_forgiven_a_month_late(check):
    # MoF 10Y 2026-06-26 = 2.611; lower closes in June (2.589 on 06-15): "since May" fails
    for text in ("jgb 10y 2.61 now, lowest since may",
                 "Japan's benchmark 10-year bond yield dropped to 2.61%, the lowest level since May.",
                 "13:30 desk: jgb 10s 2.61 (-2.5), lowest since may"):
        c = by_text(check(text, "2026-06-26"), "2.61")
        assert c["verdict"]["label"] == "inaccurate" and "fails" in c["verdict"]["explanation"], text
    # the tagged move keeps its own verdict, without the level's superlative
    move = by_text(check("13:30 desk: jgb 10s 2.61 (-2.5), lowest since may", "2026-06-26"), "-2.5")
    assert move["verdict"]["label"] == "approximately_accurate" and not move["qualifiers"]


def test_since_an_older_month_still_holds_loosely(check):
    # last higher close 1999-02-05: "since June 1999" is four months late on a 27-year span
    c = by_text(check("The 10-year JGB yield rose to 2.33%, the highest since June 1999.", "2026-01-20"), "2.33%")
    assert c["verdict"]["label"] == "approximately_accurate"


def test_a_one_month_low_with_a_lower_close_a_week_earlier_fails(check):
    # N225 2025-06-13 close 37,834.25; 2025-06-06 close 37,741.61 was lower
    for text in ("nikkei shut 37,834 - lowest close in a month", "NKY 37,834, down 0.9%, its lowest close in a month"):
        c = by_text(check(text, "2025-06-13"), "37,834")
        assert c["verdict"]["label"] == "inaccurate", text


def test_a_record_touched_during_the_session_is_read_on_the_days_high(check):
    # Yahoo SPX 2024-09-18 high 5,689.75 (close 5,618.26); earlier highs below it
    for text, day in (("S&P 500 touched a record 5,689.75 after the statement.", "2024-09-18"),
                      ("overnight: SPX hit a fresh record 5,689.75 post-FOMC before fading.", "2024-09-19")):
        c = by_text(check(text, day), "5,689.75")
        assert c["verdict"]["label"] == "accurate" and "intraday" in c["verdict"]["explanation"], text


def test_a_period_after_an_expected_policy_move_does_not_date_the_level(check):
    # MoF 10Y 2024-09-30 = 0.894 (0.992 in May): "this year" is when the hike may come
    c = by_text(check("the 10-year JGB yield climbed to 0.99% as dealers priced in another BOJ hike this year",
                      "2024-09-30"), "0.99%")
    assert c["verdict"]["label"] == "inaccurate" and c["date"] == "2024-09-30"
    c = by_text(check("10y jgb up to 0.89%, market now betting on one more hike by the BoJ this year.", "2024-09-30"),
                "0.89%")
    assert c["verdict"]["label"] == "accurate" and c["date"] == "2024-09-30"


def test_now_in_an_evening_chat_line_may_be_the_day_of_writing(check):
    # DEXJPUS 2024-12-19 = 157.73 (154.18 on 12-16); the chat's morning lines report the day before
    text = ("Desk chat 19-Dec-2024\n\n[07:59] lee: SPX -2.95% on the day, ugly\n"
            "[08:03] lee: UJ 154.85 in early tokyo, all eyes on boj\n"
            "[20:40] lee: UJ 157.40 now, highest since July")
    c = by_text(check(text, "2024-12-19"), "157.40")
    assert c["verdict"]["label"] in ("accurate", "approximately_accurate")


# Desk shorthand: lower-case markets and lists of maturities in one line.

def test_lower_case_desk_names_of_treasuries_and_the_boj(check):
    # FRED DGS10 2025-11-18 = 4.12, MoF 10Y 2025-11-18 = 1.759; BoJ rate 0.5 in November 2025
    for text in ("ust 10s 4.12, jgb 10s 1.75", "tsy 10y 4.12% / jgb 10y 1.75%", "usts 10y 4.12%, jgbs 10y 1.75%"):
        found = check(text, "2025-11-18")
        assert [c["series"]["id"] for c in found] == ["ust_10y", "jgb_10y"], text
        assert all(c["verdict"]["label"] == "accurate" for c in found), text
    c = check("boj still at 0.5%, no change expected before jan", "2025-11-20")[0]
    assert c["series"]["id"] == "boj_policy_rate" and c["verdict"]["label"] == "accurate"


def test_a_market_heading_the_next_item_is_not_the_earlier_maturitys_issuer(check):
    found = check("10y 4.12%, jgb 10y 1.75%", "2025-11-18")
    assert found[0]["series"] is None or found[0]["series"].get("id") is None
    assert found[0]["verdict"]["label"] == "unverifiable" and found[1]["series"]["id"] == "jgb_10y"
    # a market named after the figure with no maturity of its own still gives it its issuer
    c = check("10s at 1.75%, JGBs weaker across the curve", "2025-11-18")[0]
    assert c["series"]["id"] == "jgb_10y"


def test_money_after_sold_is_a_trade_not_a_fall(check):
    c = check("Overseas funds sold HK$3.2 billion of mainland shares, exchange data showed.", "2025-11-18")[0]
    assert c["kind"] == "level" and c["value"] == 3.2e9
    c = check("Japan's exports fell $3 billion to $80 billion in May.", "2025-06-18")[0]
    assert c["kind"] == "change" and c["value"] == -3e9


def test_years_ago_is_around_that_day_not_that_day_alone(check):
    # DEXJPUS: about 130.6 on 2023-03-24, 149.8 on 2022-10-20 (four months before it)
    c = check("the dollar was at 151 yen three years ago", "2026-03-24")[0]
    assert c["date"] == "2023-03-24" and c["verdict"]["label"] == "approximately_accurate"
    # and four years back: 2022-03-24 was 121.4, 131.2 two months later
    c = check("Four years ago the dollar was at about 131 yen.", "2026-03-24")[0]
    assert c["verdict"]["label"] in ("accurate", "approximately_accurate")
    # "a year ago" is the year-on-year comparison: that day (DEXJPUS 2025-01-21 = 155.49;
    # 142.96 on 2025-04-14 is another season)
    c = by_text(check("At around 145 per dollar, the yen is weaker than it was a year ago, when it traded at 143.",
                      "2026-01-21"), "143")
    assert c["verdict"]["label"] == "inaccurate"
    # days and weeks ago stay single days
    c = check("Two weeks ago the 10-year JGB yield was 2.20%.", "2026-03-24")[0]
    assert c["date"] == "2026-03-10"
