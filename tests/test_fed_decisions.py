"""The Fed's target range as decisions: the derived table, moves matched by announcement or
effective date, holds, streaks, and the rate as decided before it takes effect (both banks)."""
import sys
from pathlib import Path

import pandas as pd
import pytest

from conftest import ROOT, by_text

sys.path.insert(0, str(ROOT / "scripts"))

from fed_decisions import fed_decisions, read_announcements  # noqa: E402
from snapshot_stitch import StitchError  # noqa: E402


def verdict(check, text, date, literal):
    c = by_text(check(text, date), literal)
    return c["verdict"]["label"], c["verdict"]


def test_shipped_table_has_announcement_and_effective_dates(store):
    table = store.decisions("fed_funds_upper").set_index("announced")
    dec = table.loc[pd.Timestamp("2025-12-10")]
    assert (dec["effective"], dec["rate_percent"], dec["lower_percent"], dec["kind"]) == \
        (pd.Timestamp("2025-12-11"), 3.75, 3.5, "cut")
    # in December 2015 FRED shows the new range on the statement day itself
    assert table.loc[pd.Timestamp("2015-12-16"), "effective"] == pd.Timestamp("2015-12-16")
    assert table.loc[pd.Timestamp("2026-06-17"), "kind"] == "hold"
    cuts_2025 = table[(table.index.year == 2025) & (table["kind"] == "cut")]
    assert list(cuts_2025.index.strftime("%m-%d")) == ["09-17", "10-29", "12-10"]


def test_a_cut_matches_its_decision(check):
    label, v = verdict(check, "The Fed cut rates by 25 basis points to a range of 3.50%-3.75% on Wednesday.",
                       "2025-12-12", "25 basis points")
    assert label == "accurate"
    assert "announced 2025-12-10, effective 2025-12-11" in v["explanation"]
    assert v["observed"][0]["field"] == "decision"


def test_a_cut_of_the_wrong_size_is_misdated_to_the_cut_that_size(check):
    label, v = verdict(check, "The Fed cut rates by 50 basis points in December.", "2025-12-19", "50 basis points")
    assert label == "misdated" and "2024-09-18" in v["explanation"]


def test_a_hold(check):
    label, _ = verdict(check, "The Fed held rates steady at 3.50%-3.75% on Wednesday.", "2026-01-28", "3.50%-3.75%")
    assert label == "accurate"
    label, _ = verdict(check, "The Fed held rates steady at 3.75%-4.00% on Wednesday.", "2026-01-28", "3.75%-4.00%")
    assert label == "inaccurate"


def test_decided_rate_before_it_takes_effect(check):
    """FRED shows the new range from the day after the statement; on the day itself the
    rate as decided counts, and before the meeting it does not."""
    label, v = verdict(check, "The Fed's target ceiling is now 3.75%.", "2025-12-10", "3.75%")
    assert label == "accurate" and v["explanation"].startswith("As decided")
    label, _ = verdict(check, "The Fed's target ceiling is now 3.75%.", "2025-12-08", "3.75%")
    assert label in ("inaccurate", "misdated")


def test_boj_decided_rate_before_it_takes_effect(check):
    # decided 2025-12-19, effective 2025-12-22
    label, v = verdict(check, "The BoJ's policy rate is now 0.75%.", "2025-12-19", "0.75%")
    assert label == "accurate" and "As decided" in v["explanation"]


@pytest.mark.parametrize("text,date,literal,holds", [
    ("The Fed cut rates by 25 basis points on Wednesday, its third straight cut.", "2025-12-12", "25 basis", True),
    ("The Fed cut rates by 25 basis points on Wednesday, its fourth consecutive cut.", "2025-12-12", "25 basis", False),
    ("The Fed raised rates to 5.25%-5.50% in July 2023, its fourth straight hike.", "2023-08-01", "5.25%", False),
])
def test_streak_of_cuts_or_hikes(check, text, date, literal, holds):
    label, v = verdict(check, text, date, literal)
    streak = [q for q in v["qualifiers"] if q["qualifier"].startswith("streak:")]
    assert streak and streak[0]["holds"] is holds
    assert label == ("accurate" if holds else "inaccurate")


def test_streak_before_the_complete_calendar_cannot_be_checked(check):
    label, v = verdict(check, "The Fed raised rates by 25 basis points in March 2017, its second consecutive hike.",
                       "2017-04-01", "25 basis")
    assert label == "accurate" and v["qualifiers"][0]["holds"] is None


def test_moves_of_a_period_add_up(check):
    label, v = verdict(check, "The Fed has cut rates by a total of 75 basis points since September.", "2025-12-12",
                       "75 basis")
    assert label == "accurate" and "3 decisions" in v["explanation"]


# -- the build-time derivation -------------------------------------------------------------
ANNOUNCEMENTS = read_announcements(ROOT / "scripts" / "fomc_announcements.csv")


def ranges(changes: dict[str, float], start="2025-09-01", end="2025-12-31") -> tuple[pd.Series, pd.Series]:
    days = pd.date_range(start, end, freq="D")
    upper = pd.Series(4.5, index=days)
    for day, value in sorted(changes.items()):
        upper[upper.index >= pd.Timestamp(day)] = value
    return upper, upper - 0.25


def test_derivation_finds_announcement_the_day_before_the_change():
    upper, lower = ranges({"2025-09-18": 4.25})
    dff = pd.Series({pd.Timestamp("2025-09-17"): 4.33, pd.Timestamp("2025-09-19"): 4.08})
    table, record = fed_decisions(upper, lower, dff, ANNOUNCEMENTS)
    cut = table[table["kind"] == "cut"].iloc[0]
    assert (cut["announced"], cut["effective"]) == ("2025-09-17", "2025-09-18")
    assert record["dff_confirmed"] == 1 and "hold" in set(table["kind"])


def test_derivation_refuses_a_change_on_no_fomc_date():
    upper, lower = ranges({"2025-11-20": 4.25})
    with pytest.raises(StitchError, match="2025-11-20"):
        fed_decisions(upper, lower, pd.Series(dtype=float), ANNOUNCEMENTS)


def test_derivation_refuses_an_effective_rate_moving_the_other_way():
    upper, lower = ranges({"2025-09-18": 4.25})
    dff = pd.Series({pd.Timestamp("2025-09-17"): 4.33, pd.Timestamp("2025-09-19"): 4.45})
    with pytest.raises(StitchError, match="DFF moved"):
        fed_decisions(upper, lower, dff, ANNOUNCEMENTS)


def test_derivation_refuses_a_range_that_is_not_25_bp_wide():
    upper, lower = ranges({"2025-09-18": 4.25})
    lower.iloc[5] = 4.0
    with pytest.raises(StitchError, match="not 0.25"):
        fed_decisions(upper, lower, pd.Series(dtype=float), ANNOUNCEMENTS)


def test_scripts_dir_is_importable():
    assert (Path(ROOT) / "scripts" / "build_snapshot.py").is_file()
