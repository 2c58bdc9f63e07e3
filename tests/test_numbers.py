"""Number and unit recognition: what a literal means before any context is applied."""
import pytest

from claims.numbers import find_quantities


def only(text):
    qs = find_quantities(text)
    assert len(qs) == 1, [(text[q.start:q.end], q.unit) for q in qs]
    q = qs[0]
    return text[q.start:q.end], q.value, q.unit, q.precision


@pytest.mark.parametrize("text, literal, value, unit", [
    ("rose 2.5% today", "2.5%", 2.5, "percent"),
    ("at 2.37pc", "2.37pc", 2.37, "percent"),
    ("up 4 per cent", "4 per cent", 4.0, "percent"),
    ("eased 3 basis points", "3 basis points", 3.0, "bp"),
    ("a 25-basis-point hike", "25-basis-point", 25.0, "bp"),
    ("by 5bp", "5bp", 5.0, "bp"),
    ("18 bps wider", "18 bps", 18.0, "bp"),
    ("by 0.25 percentage point", "0.25 percentage point", 0.25, "pp"),
    ("at 160 per dollar", "160 per dollar", 160.0, "fx"),
    ("fell roughly 3 yen", "3 yen", 3.0, "fx"),
    ("down 4,451 points", "4,451 points", 4451.0, "points"),
    ("closed at 40,003.60", "40,003.60", 40003.6, "number"),
    ("a $783 billion budget", "$783 billion", 783e9, "USD"),
    ("about ¥3.5 trillion", "¥3.5 trillion", 3.5e12, "JPY"),
    ("$1.2tn of debt", "$1.2tn", 1.2e12, "USD"),
    ("from minus 0.1%", "minus 0.1%", -0.1, "percent"),
    ("two percent", "two percent", 2.0, "percent"),
])
def test_literal_value_and_unit(text, literal, value, unit):
    got = only(text)
    assert got[:3] == (literal, pytest.approx(value), unit)


def test_bps_is_basis_points_never_billions():
    assert only("widened 12bps")[2] == "bp"


def test_precision_is_half_the_last_digit():
    assert only("2.37%")[3] == pytest.approx(0.005)
    assert only("160 per dollar")[3] == pytest.approx(0.5)
    assert only("$783 billion")[3] == pytest.approx(0.5e9)


def test_number_inside_larger_token_is_not_matched():
    assert find_quantities("G7 leaders and COVID-19") == [] or all(
        q.hyphen_joined for q in find_quantities("G7 leaders and COVID-19"))
    assert [q.value for q in find_quantities("at 12:35 Tokyo time")] == []


def test_glued_tenor_letters_are_not_quantities():
    assert find_quantities("the 10yr and the 10s") == []


def test_adversarial_input_yields_valid_spans():
    """Long digit runs and floods of '%' parse without error and every span is in the text
    (timings are in bench/adversarial.py, not asserted here)."""
    text = ("9" * 5000 + "%" * 5000 + "1,2,3." * 2000 + "1%" * 3000) * 3
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)


from claims.units import UNITS, Unit, change_between  # noqa: E402


@pytest.mark.parametrize("row", UNITS, ids=lambda row: row.unit)
def test_every_unit_reads_its_examples_and_not_its_look_alikes(row):
    assert row.examples, f"{row.unit} has no examples"
    for written in row.examples:
        found = find_quantities(f"It was {written} then.")
        assert [q.unit for q in found] == [row.unit], written
    for written in row.not_examples:
        assert [q.unit for q in find_quantities(f"It was {written} then.")] != [row.unit], written


def test_how_a_move_is_expressed_in_each_unit():
    assert change_between(Unit.PERCENT, 200.0, 210.0) == pytest.approx(5.0)
    assert change_between(Unit.BP, 2.33, 2.39) == pytest.approx(6.0)
    assert change_between(Unit.POINTS, 40000.0, 40450.0) == pytest.approx(450.0)
    assert change_between(Unit.FX, 150.0, 148.5) == pytest.approx(-1.5)
