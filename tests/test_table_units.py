"""A table column's header gives the unit of its bare cells (issue 15 follow-up, held-out
registers): under "MTD chg (%)" a "+2.2" in an index row is a 2.2% move, not 2.2 index
points; a header in points keeps points, and a yield's row keeps basis points. Figures
from the snapshot: FRED SP500 2025-06-30 = 6,204.95, 2025-07-31 = 6,339.39 (+2.17%).
Tables are our own."""
from __future__ import annotations

import pytest

from conftest import by_text

MARKDOWN = """Month-end check, 31 July 2025.

| Index   | Close    | MTD chg (%) |
|---------|---------:|------------:|
| S&P 500 | 6,339.39 | +2.2        |
"""
CHAT = """closes 31 jul 2025
mkt | last | m/m %
SPX | 6339.39 | +2.2
"""
POINTS = """Month-end check, 31 July 2025.

| Index   | Close    | MTD chg (pts) |
|---------|---------:|--------------:|
| S&P 500 | 6,339.39 | +2.2          |
"""


@pytest.mark.parametrize("text", [MARKDOWN, CHAT])
def test_a_bare_move_under_a_percent_header_is_a_percent_move(check, text):
    v = by_text(check(text, "2025-07-31"), "+2.2")["verdict"]
    assert v["label"] in ("accurate", "approximately_accurate"), v["explanation"]
    assert v["explanation"].startswith("Read in percent")


def test_a_bare_move_under_a_points_header_stays_points(check):
    v = by_text(check(POINTS, "2025-07-31"), "+2.2")["verdict"]
    assert v["label"] == "inaccurate" and "Read in percent" not in v["explanation"]
