"""A weekday label that opens each line of a desk log dates its own line.

The splitter ends a sentence at the line break before "Wed:", but the text the time
patterns read turned every single line break into a space, so a label anchored at a line
start was only ever found on the first line and every later line took the first line's
day. Line breaks the splitter ends a sentence at now stay; breaks inside a hard-wrapped
sentence are still spaces ("6 basis\\npoints" is one unit).
"""
import pytest

import claims
from factcheck.catalog import load_catalog

VOCAB = load_catalog().vocabulary()


def _days(text: str) -> list[tuple[str, str]]:
    return [(c.text, c.time.value) for c in claims.extract(text, "2025-06-06", VOCAB)]


@pytest.mark.parametrize("text", [
    "Thurs: 10s at 4.30%\nWed: 10s at 4.41%\n",  # desk shorthand
    "Week to Friday 6 June 2025\nThurs: the 10-year Treasury yield at 4.30%\nWed: the 10-year Treasury yield at 4.41%\n",
])
def test_each_line_label_dates_its_line(text):
    assert _days(text) == [("4.30%", "2025-06-05"), ("4.41%", "2025-06-04")]


def test_a_break_inside_a_wrapped_sentence_is_still_a_space():
    found = claims.extract("The 10-year Treasury yield climbed 6 basis\npoints on Wednesday to 4.41%.",
                           "2025-06-06", VOCAB)
    move = next(c for c in found if c.kind == claims.Kind.CHANGE)
    assert move.unit == claims.Unit.BP and move.value == 6
    assert move.time.value == "2025-06-04"
