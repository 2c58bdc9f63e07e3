"""CSV exports and whitespace-aligned column tables: the header's instrument, unit and date
column carry to every cell (claims.tables), and prose with commas is never read as a table."""
from __future__ import annotations

import claims
from claims.tables import find_tables


def _found(vocabulary, text, ref="2025-06-30"):
    return {c.text: c for c in claims.extract(text, ref, vocabulary)}


def test_csv_export_carries_column_unit_instrument_and_row_date(vocabulary):
    text = ("Closes pulled from the warehouse, as promised:\n\n"
            "trade_date,usdjpy_close_yen,ust2y_yield_pct\n"
            "2025-06-26,144.41,3.72\n"
            "2025-06-27,144.62,3.74\n")
    found = _found(vocabulary, text)
    assert set(found) == {"144.41", "3.72", "144.62", "3.74"}
    fx, two = found["144.62"], found["3.74"]
    assert fx.unit.name == "FX" and fx.kind.name == "LEVEL" and fx.time.value == "2025-06-27"
    assert two.unit.name == "PERCENT" and two.time.value == "2025-06-27"
    assert text[two.start:two.end] == "3.74"


def test_whitespace_columns_with_change_header_in_basis_points(vocabulary):
    text = ("Desk sheet, end of day\n\n"
            "Market        Close    Chg (bp)\n"
            "JGB 10y       1.430    +3.5\n"
            "UST 10y       4.280    -6\n")
    found = _found(vocabulary, text)
    assert found["+3.5"].unit.name == "BP" and found["+3.5"].kind.name == "CHANGE"
    assert found["-6"].unit.name == "BP" and found["-6"].value == -6
    assert found["1.430"].unit.name == "PERCENT" and found["1.430"].kind.name == "LEVEL"


def test_prose_with_commas_or_double_spaces_is_not_a_table():
    prose = ("Yields rose, stocks fell, and the yen slipped.\n"
             "The Nikkei lost 1.2%, the TOPIX 0.9%, the yen 0.3%.\n"
             "Traders said so.  Then 10-year yields rose 4 bp.\n")
    assert find_tables(prose) == []
    assert find_tables("a,b\n1,2,3\n") == []  # a row must have the header's cells


def test_rows_without_any_figure_end_the_table():
    text = "name,desk\nKen,rates\nMika,fx\n"
    assert find_tables(text) == []


def test_header_without_a_unit_leaves_the_instruments_unit(vocabulary):
    text = ("| Market   | Close    | Chg   |\n"
            "|----------|---------:|------:|\n"
            "| Nikkei 225 | 38,488.34 | -310 |\n")
    assert _found(vocabulary, text, "2025-05-23")["-310"].unit.name == "POINTS"
