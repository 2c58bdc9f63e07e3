"""A yield's move written with a percent sign (issue 15 follow-up, held-out registers): a
"%" change of a rate smaller than one also reads as percentage points (translated news,
desk chat), while a wrong figure still gets flagged and larger "%" moves keep their
relative reading; "gave up 2.4%" is a fall. Figures from the snapshot: FRED DGS2
2024-07-10 = 4.62, 2024-07-11 = 4.50; Nikkei 225 2024-07-11 = 42,224.02, 2024-07-12 =
41,190.68. Sentences are our own."""
from __future__ import annotations

import pytest

from conftest import by_text


@pytest.mark.parametrize("text, literal", [
    # non-native English, as a machine translation writes it
    ("The US 2-year bond yield was 0.120% lower than the previous day, at 4.50%.", "0.120%"),
    # desk chat
    ("UST 2s down 0.12% on the day at 4.50%, big rally", "0.12%"),
])
def test_a_small_percent_move_of_a_yield_holds_as_points(check, text, literal):
    v = by_text(check(text, "2024-07-11"), literal)["verdict"]
    assert v["label"] in ("accurate", "approximately_accurate"), v["explanation"]
    assert "percentage points" in v["explanation"]


def test_a_wrong_small_percent_move_is_still_flagged(check):
    v = by_text(check("UST 2s down 0.50% on the day at 4.50%", "2024-07-11"), "0.50%")["verdict"]
    assert v["label"] == "inaccurate"


@pytest.mark.parametrize("text", [
    "The Nikkei 225 gave up 2.4% on Friday, a day after its record close.",  # wire
    "NKY gives up 2.4% today, ouch",  # chat
])
def test_gave_up_is_a_fall(check, text):
    c = by_text(check(text, "2024-07-12"), "2.4%")
    assert c["value"] < 0 and c["verdict"]["label"] in ("accurate", "approximately_accurate")


def test_gave_up_its_gains_does_not_turn_a_rise_down(check):
    c = by_text(check("The yen gave up its gains, and the Nikkei 225 rose 1.0% on Friday.", "2024-07-12"), "1.0%")
    assert c["value"] > 0
