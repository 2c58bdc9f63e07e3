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
