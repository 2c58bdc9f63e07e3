"""Claim extraction: kinds, signs, hedges, thresholds, modality, time and context."""
import spacy
import pytest

import claims
from claims.component import make_pipeline


def labels(claim):
    """A claim's qualifiers by their report names ("highest_since:1999")."""
    return [q.label for q in claim.qualifiers]


def extract(text, ref="2026-01-21", vocabulary=None):
    return claims.extract(text, ref, vocabulary)


@pytest.fixture(scope="module")
def ex(vocabulary):
    return lambda text, ref="2026-01-21": claims.extract(text, ref, vocabulary)


def test_change_and_level_from_one_phrase(ex):
    cs = ex("The 10-year JGB yield rose 6 basis points to 2.33%.")
    assert [(c.text, c.kind, c.value, c.unit) for c in cs] == [
        ("6 basis points", "change", 6.0, "bp"), ("2.33%", "level", 2.33, "percent")]


def test_direction_sets_the_sign(ex):
    cs = ex("The Nikkei 225 plunged 12.4%, or 4,451 points, to 31,458.42.")
    assert [(c.value, c.kind) for c in cs] == [(-12.4, "change"), (-4451.0, "change"), (31458.42, "level")]


def test_hedge_threshold_and_intraday(ex):
    c = ex("The yen strengthened to as much as 141.7 per dollar.")[0]
    assert c.extreme and c.intraday and c.subject_quote
    c = ex("The 10-year JGB yield held near 2.3%.")[0]
    assert c.hedge == "near"
    c = ex("The ten-year JGB sits under 1%.")[0]
    assert c.threshold == "at_most" and c.kind == "level"


def test_forecasts_and_conditionals_are_not_checkable(ex):
    for text in ["Strategists see the yen weakening to 160 per dollar by the end of 2026.",
                 "If the 30-year prints 4.5%, the BoJ will act.",
                 "Overnight index swaps now put the BoJ's policy rate at 1.25% by year-end.",
                 "Markets expect the BOJ to lift the policy rate toward 1.5% next year."]:
        assert [c.checkable for c in ex(text)] == [False], text


def test_facts_near_forecast_words_stay_checkable(ex):
    cs = ex("The yen weakened past 150 per dollar after the bank said it expected conditions to ease.")
    assert cs[0].checkable


def test_non_claims_are_not_reported(ex):
    text = ("Governor Kazuo Ueda, 72, said the board voted 8-1 after a two-day meeting; it was the "
            "first increase in 17 years, since 2016, at 12:35 Tokyo time, ahead of a 20-year auction.")
    assert ex(text) == []


def test_relative_dates_resolve_against_the_reference(ex):
    cs = ex("Yesterday the 30-year JGB hit 4% for the first time. Today it closed at 4.04%.", "2026-05-19")
    assert [c.date for c in cs] == ["2026-05-18", "2026-05-19"]
    c = ex("The previous hike, to 0.25%, came in June.", "2025-01-24")[0]
    assert c.date == "2024-06" and c.event
    c = ex("The Nikkei jumped 4.75% on Oct. 6.", "2025-10-27")[0]
    assert c.date == "2025-10-06"


def test_time_phrase_in_relative_clause_does_not_date_the_claim(ex):
    c = ex("The U.S. 10-year yield held near 4.3% as traders waited for the meeting, which ends on "
           "Wednesday.", "2024-03-19")[0]
    assert c.date == "2024-03-19"


def test_qualifiers_attach_to_their_number(ex):
    cs = ex("The 10-year JGB yield rose 6 basis points to 2.33%, the highest since 1999, while the "
            "30-year surged to a record 3.8%.")
    assert labels(cs[1]) == ["highest_since:1999"] and labels(cs[2]) == ["record_high"]


def test_ranges_are_one_claim_with_midpoint(ex):
    c = ex("The 10-year JGB yield has traded between 1.49% and 1.58% since Monday.", "2025-05-22")[0]
    assert (c.text, c.value, c.range_low, c.range_high) == ("1.49% and 1.58%", pytest.approx(1.535), 1.49, 1.58)
    c = ex("The 10-year JGB yield traded in a 2.3-2.4% band.")[0]
    assert c.value == pytest.approx(2.35)


def test_quoted_policy_range_is_marked(ex):
    c = ex("The BoJ lifted its policy rate to a range of 0 to 0.1%.", "2024-03-19")
    assert [(x.text, x.range_low, x.range_high, x.quoted_range) for x in c] == [("0 to 0.1%", 0, 0.1, (0, 0.1))]


def test_policy_range_is_checked_as_its_upper_bound(check):
    for text in ("The BoJ lifted its policy rate to a range of 0 to 0.1% on Tuesday.",
                 "The Federal Reserve held its target range at 4.25% to 4.50% on Wednesday."):
        c = check(text, "2024-03-19" if "BoJ" in text else "2025-03-20")[0]
        assert c["value"] in (0.1, 4.5) and c["verdict"]["label"] == "accurate", c
    c = check("The 10-year JGB yield traded in a 0.70-0.80% band on Tuesday.", "2024-03-20")[0]
    assert c["range"] == [0.7, 0.8]  # a market yield's band stays a range


def test_hard_wrapped_lines_stay_one_sentence(ex):
    cs = ex("The 10-year JGB yield rose 6 basis\npoints to 2.33%, the highest since 1999.")
    assert [c.text for c in cs] == ["6 basis\npoints", "2.33%"]
    assert labels(cs[1]) == ["highest_since:1999"]


def test_headline_numbers_are_skipped(ex):
    assert [c.text for c in ex("Four Percent\n\nThe 30-year JGB closed at 4.04%.")] == ["4.04%"]


def test_spacy_component_by_entry_point(vocabulary):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    comp = nlp.add_pipe("market_claims")
    comp.set_vocabulary(vocabulary)
    doc = nlp("The Nikkei 225 rose 2.5% to a record 50,512.32.")
    spans = doc.spans["market_claims"]
    assert [s.text for s in spans] == ["2.5%", "50,512.32"]
    assert [c.kind for c in doc._.claims] == ["change", "level"]
    assert spans[0]._.claim is doc._.claims[0]


@pytest.mark.parametrize("text, tokens", [
    ("10-year", ["10", "-", "year"]),
    ("2.37%", ["2.37", "%"]),
    ("5bp", ["5bp"]),
    ("10yr", ["10yr"]),
])
def test_tokenization_pinned(text, tokens):
    """What spaCy's English tokenizer does with market shorthand; the recognizers read
    characters, so they do not depend on these splits, but span alignment does."""
    assert [t.text for t in spacy.blank("en")(text)] == tokens


def test_pipeline_has_no_statistical_model():
    nlp = make_pipeline()
    assert nlp.pipe_names == ["sentencizer", "line_breaks", "market_claims"]


@pytest.mark.parametrize("text", ["9" * 200_000, "%" * 200_000, "1%" * 100_000,
                                  ("rose2.5%to40,003.60yen" * 10_000)])
def test_adversarial_documents_finish_with_valid_spans(ex, text):
    for c in ex(text):
        assert 0 <= c.start < c.end <= len(text)


def test_fast_path_and_spacy_component_agree(vocabulary):
    """claims.extract (regex sentence splitter) and the spaCy component (sentencizer +
    line_breaks) find the same claims on every dev document and the seed."""
    import glob

    from conftest import require_shared

    shared = require_shared()
    nlp = make_pipeline()
    nlp.get_pipe("market_claims").set_vocabulary(vocabulary)
    for path in sorted(glob.glob(str(shared / "eval/dev/*.txt"))) + [str(shared / "seed/article.txt")]:
        text = open(path, encoding="utf-8").read()
        fast = [(c.start, c.end, c.kind, c.value) for c in claims.extract(text, "2026-01-21", vocabulary)]
        doc = nlp.make_doc(text)
        doc._.reference_date = "2026-01-21"
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        slow = [(c.start, c.end, c.kind, c.value) for c in doc._.claims]
        assert fast == slow, path


@pytest.mark.parametrize("head", ["Morning Note - 21 January 2026", "Morning Note 2026-01-21",
                                  "Morning Note - Wednesday, January 21, 2026"])
def test_datelines_in_several_formats(head):
    from claims.dateline import find_dateline
    from datetime import date

    assert find_dateline(head + "\n\nThe 10-year JGB yield rose to 2.33% yesterday.")[0] == date(2026, 1, 21)


def test_a_date_inside_a_long_first_sentence_is_not_a_dateline():
    from claims.dateline import find_dateline

    text = "On 2024-07-03 the yen slid to 161.48 per dollar, a 37-year low, as traders bet the Bank of Japan would wait."
    assert find_dateline(text)[0] is None


def test_bullets_and_label_lines_are_not_headlines(ex):
    text = "Rates at the close\n\n- 10-year JGB: 2.33%\n- 30-year JGB: 3.77%\n\nUSD/JPY: 158.1\n"
    assert [c.text for c in ex(text, "2026-01-20")] == ["2.33%", "3.77%", "158.1"]


def test_a_one_line_document_with_a_date_keeps_its_claim(ex):
    text = "The 10-year JGB yield closed at 2.783% on May 19, 2026, its highest since 1997."
    cs = ex(text, None)
    assert [(c.text, c.date, labels(c)) for c in cs] == [("2.783%", "2026-05-19", ["highest_since:1997"])]


def test_spelled_fractions_of_a_point(ex):
    got = [(c.text, c.value, c.unit, c.kind) for t in [
        "The Fed cut rates by a quarter point on Wednesday.",
        "The BoE raised Bank Rate by half a percentage point.",
        "The ECB lifted rates three-quarters of a point in September.",
        "The Fed delivered a half-point cut in September 2024.",
    ] for c in ex(t)]
    assert got == [("a quarter point", -0.25, "pp", "change"),
                   ("half a percentage point", 0.5, "pp", "change"),
                   ("three-quarters of a point", 0.75, "pp", "change"),
                   ("a half-point", -0.5, "pp", "change")]


def test_a_spelled_compound_naming_an_event_is_reported_by_its_figure(ex):
    # "a quarter-point cut to 4%" names the event; its figure is the claim
    assert [c.text for c in ex("Futures price a quarter-point cut to 4% in March.")] == ["4%"]
    # a spelled move and the level it reached are two claims, like "up 4.5 bp to 2.135%"
    cs = ex("The BoJ raised its policy rate a quarter of a percentage point to 0.75% on Dec. 19.")
    assert [(c.text, c.kind) for c in cs] == [("a quarter of a percentage point", "change"), ("0.75%", "level")]
    cs = ex("The 10-year JGB yield rose half a basis point to 1.655%.")
    assert [(c.text, c.value, c.unit) for c in cs] == [("half a basis point", 0.5, "bp"), ("1.655%", 1.655, "percent")]


def test_a_line_named_with_an_article_is_a_threshold(ex):
    c = ex("The Nikkei 225 closed above the 50,000 mark for the first time on Monday.", "2025-10-28")[0]
    assert (c.text, c.threshold, c.kind) == ("50,000", "at_least", "level")


def test_basis_points_after_rate_are_a_move(ex):
    c = ex("The BoJ raised its policy rate 25 basis points on Friday.")[0]
    assert (c.kind, c.value) == ("change", 25.0)


def test_month_and_week_superlatives(ex):
    assert labels(ex("The 10-year yield rose to 2.18%, a six-month high.")[0]) == ["n_month_high:6"]
    assert labels(ex("The yen slid to a 10-week low of 159 per dollar.")[0]) == ["n_week_low:10"]
    assert labels(ex("The 10-year yield rose to 2.18%, its highest in 18 months.")[0]) == ["highest_in_months:18"]
    assert labels(ex("The 10-year yield rose to 2.18%, the highest in two decades.")[0]) == ["highest_in_years:20"]
    assert labels(ex("The 10-year yield rose to 2.18%, a 27-year high.")[0]) == ["n_year_high:27"]


def test_numbers_in_words_before_a_unit(ex):
    got = [(c.text, c.value, c.unit) for t in [
        "The Fed cut rates by twenty-five basis points.",  # not "five basis points"
        "The Nikkei rose three point five percent.",  # not "five percent"
        "Inflation ran at two and a half percent.",
        "Rates rose a hundred basis points.",
    ] for c in ex(t)]
    assert got == [("twenty-five basis points", -25.0, "bp"), ("three point five percent", 3.5, "percent"),
                   ("two and a half percent", 2.5, "percent"), ("a hundred basis points", 100.0, "bp")]


def test_accounting_negatives_and_bare_to_ranges(ex):
    assert [(c.text, c.value) for c in ex("The fund lost (0.5)% in the quarter.")] == [("(0.5)%", -0.5)]
    c = ex("The dollar traded at 150 to 155 yen this week.")
    assert [(x.text, x.value, x.unit, x.range_low, x.range_high) for x in c] == [("150 to 155 yen", 152.5, "fx", 150, 155)]
    # a move from one level to another is two levels, not a range
    assert [x.text for x in ex("The dollar rose from 150 to 155 yen.")] == ["150", "155 yen"]


def test_a_verb_with_its_object_before_the_number_is_a_move(ex, vocabulary):
    text = "The Nikkei jumped 1.5% to 54,341.23, extending a rally that has lifted the index some 8% so far this year."
    c = claims.extract(text, "2026-01-14", vocabulary)[2]
    assert (c.text, c.kind, c.value, c.hedge) == ("8%", "change", 8.0, "some")
    assert [(x.kind, x.value) for x in ex("The selloff sent the Nikkei down 3% on Monday.")] == [("change", -3.0)]
    assert ex("Markets expect the BOJ to lift the policy rate toward 1.5% next year.")[0].kind == "level"


def test_a_period_after_an_appositive_belongs_to_the_appositive(ex):
    text = ("The Federal Reserve cut rates by 25 basis points last week to a range of 3.75 per cent to "
            "4 per cent, its second cut this year.")
    level = ex(text, "2025-11-07")[1]
    assert level.text == "3.75 per cent to 4 per cent" and level.since is None and level.time.text == "last week"


def test_periods_that_belong_to_something_else(ex):
    # the period closes the earlier move; the level is where the move ended, on the reference date
    move, level = ex("The Nikkei 225 is up roughly 18% this year at about 59,000.", "2026-06-03")
    assert move.since.text == "this year" and level.since is None and level.date == "2026-06-03"
    # the comparison has its own date
    now, then = ex("At around 145 per dollar, the yen is weaker than it was a year ago, when it traded at 143.",
                   "2026-06-03")
    assert (now.date, then.date) == ("2026-06-03", "2025-06-03")
    old = ex("The 30-year JGB yield, which stood below 1% as recently as 2021, now trades near 3.9%.", "2026-06-03")
    assert [(c.text, c.date) for c in old] == [("1%", "2021"), ("3.9%", "2026-06-03")]


def test_signed_figures_in_desk_notes(ex):
    got = [(c.text, c.kind, c.value, c.direction) for c in ex("- JGB 10y: 2.30% (+4bp); USD/JPY: 158.10 (-0.3%)")]
    assert got == [("2.30%", "level", 2.3, 0), ("+4bp", "change", 4.0, 1),
                   ("158.10", "level", 158.1, 0), ("-0.3%", "change", -0.3, -1)]
    assert ex("The 10-year JGB yield fell to -0.1% in 2019.")[0].kind == "level"  # a negative level


def test_basis_points_over_another_maturity_are_a_spread(ex):
    assert ex("30s now trade 155bp over 10s.")[0].kind == "spread"
    assert ex("The 10-year JGB, at 2.28%, is 202 bp below the U.S. 10-year.")[1].kind == "spread"


def test_sentence_initial_prepositions_and_durations(ex):
    c = ex("In December the bank raised the rate by 25 basis points to 0.75%, the highest in 30 years.", "2026-03-10")
    assert [(x.text, x.date) for x in c] == [("25 basis points", "2025-12"), ("0.75%", "2025-12")]
    assert not any(cue.kind == "tenor" for cue in c[1].cues)  # "in 30 years" is a duration, not a 30-year bond
    assert ex("In 2024, the 10-year JGB yield peaked at 1.1%.", "2026-03-10")[0].date == "2024"
    assert ex("At the end of March 2026 the 10-year JGB stood at 2.3%.", "2026-05-10")[0].date == "2026-03-31"


def test_a_year_earlier_dates_its_own_figure_only(ex):
    text = ("Ten-year JGB yields are at 2.1% this week, against 1.05% a year earlier. "
            "The yen, at 157 per dollar, is little changed.")
    now, then, yen = ex(text, "2026-03-10")
    assert (now.since.text, then.date, yen.date) == ("this week", "2025-03-10", "2026-03-10")


def test_near_a_superlative_is_not_the_superlative(ex):
    c = ex("At 2.1%, the 10-year JGB yield stands near its highest since 1999.", "2026-03-10")[0]
    assert labels(c) == []


def test_the_level_before_a_policy_move_is_dated_by_the_move(ex, vocabulary):
    text = "The BoJ lifted its policy rate from -0.1% to a range of 0 to 0.1% in March 2024."
    got = [(c.text, c.date, c.from_level) for c in claims.extract(text, "2026-03-10", vocabulary)]
    assert got == [("-0.1%", "2024-03", True), ("0 to 0.1%", "2024-03", False)]


def test_a_level_last_seen_in_a_year_is_a_superlative_by_direction(ex):
    up = ex("The 10-year JGB yield climbed to 2.1%, a level last seen in 1999.", "2026-03-10")[0]
    assert (labels(up), up.date) == (["highest_since:1999"], "2026-03-10")  # "in 1999" dates nothing
    down = ex("The 10-year JGB yield fell to 0.1%, a level not seen since 2016.", "2026-03-10")[0]
    assert labels(down) == ["lowest_since:2016"]


def test_more_period_and_range_forms(ex):
    c = ex("The Nikkei has gained 20% since the start of the year.", "2024-07-30")[0]
    assert c.since is not None and c.since.value == "2023-12-31"
    r = ex("USD/JPY traded in a 155.20-156.80 range.", "2024-07-30")
    assert [(x.text, x.range_low, x.range_high) for x in r] == [("155.20-156.80", 155.2, 156.8)]


def test_year_end_levels_and_from_levels(ex):
    assert ex("The yen ended 2024 at 157.2 per dollar.", "2026-01-21")[0].date == "2024-12-31"
    assert ex("The 10-year JGB yield stood at 1.1% at the end of last year.", "2026-01-21")[0].date == "2025-12-31"
    # a horizon still ahead stays a horizon: the year's last day
    f = ex("Strategists see the 10-year JGB yield at 2.5% by the end of the year.", "2026-01-21")[0]
    assert (f.checkable, f.date) == (False, "2026-12-31")
    got = [(c.text, c.date) for c in ex("The BoJ raised its benchmark rate to 0.5% from 0.25% in January 2025.")]
    assert got == [("0.5%", "2025-01"), ("0.25%", "2025-01")]


def test_superlatives_of_a_move(ex):
    cs = ex("The Nikkei 225 plunged 12.4%, or 4,451 points, to 31,458.42, its biggest point decline on record.")
    assert [(c.text, labels(c)) for c in cs] == [("12.4%", []), ("4,451 points", ["move_down_record"]),
                                                    ("31,458.42", [])]
    assert labels(ex("The Nikkei jumped 10.2% on Tuesday, its biggest one-day gain since 2008.")[0]) == [
        "move_up_since:2008"]
    assert labels(ex("The Nikkei rose 1% on Tuesday, its biggest day in two years.")[0]) == ["move_up_in_years:2"]
