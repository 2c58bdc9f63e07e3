"""Japanese-style index figures: "38,412 yen 25 sen" is one figure with two decimals, and a
yen figure about the Nikkei average is in index points (claims.numbers.SEN_AFTER,
claims.features.Features._index_in_yen); a share price or money after the index stays yen."""
from __future__ import annotations

import claims


def _by_text(vocabulary, text, ref):
    return {c.text: c for c in claims.extract(text, ref, vocabulary)}


def test_translated_close_and_move_in_yen_and_sen_are_index_points(vocabulary):
    text = ("(Translated) In Tokyo, the Nikkei Stock Average fell for a third day. "
            "The close was 31,458 yen 42 sen, 401 yen 8 sen lower than the day before.")
    found = _by_text(vocabulary, text, "2023-10-04")
    level, move = found["31,458 yen 42 sen"], found["401 yen 8 sen"]
    assert level.value == 31458.42 and level.decimals == 2 and level.unit.name == "POINTS"
    assert move.unit.name == "POINTS" and move.kind.name == "CHANGE" and move.value == -401.08


def test_wire_monthly_gain_in_yen_is_points(vocabulary):
    text = "Over the month the Nikkei average gained 2,104 yen, its best run since spring."
    assert _by_text(vocabulary, text, "2023-06-30")["2,104 yen"].unit.name == "POINTS"


def test_share_price_or_money_after_the_index_stays_yen(vocabulary):
    text = ("The Nikkei average rose 0.8%, while Toyota shares closed at 2,850 yen. "
            "The Nikkei index fund took in purchases of 3,000 yen per unit.")
    found = _by_text(vocabulary, text, "2023-06-30")
    assert found["2,850 yen"].unit.name == "JPY"
    assert found["3,000 yen"].unit.name == "JPY"


def test_sen_without_yen_or_after_a_decimal_is_not_read():
    qs = claims.numbers.find_quantities("It rose 12.5 yen 30 sen; 45 sen each; 150 yen 5 sentences")
    values = [q.value for q in qs]
    assert 12.8 not in values and 150.05 not in values
