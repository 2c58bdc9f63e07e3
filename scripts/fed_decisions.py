"""The Fed's target-range decisions, derived from FRED DFEDTARU/DFEDTARL.

FRED's daily series show the range in force each calendar day. A decision is a day on
which the upper limit differs from the day before. That day is the *effective* date as the
data show it; the FOMC *announcement* is the same day or the day before:

* from March 2017 on, a new range applies from the day after the statement (the Fed's
  implementation notes say "effective [next day]"), so FRED shows it the day after;
* in December 2008, December 2015 and December 2016 FRED shows it on the statement day.

Rather than guess which, the announcement date is looked up in ``fomc_announcements.csv``
(the FOMC's statement dates: every change since 2008 and every scheduled meeting since
2022): the change day itself if it is listed, else the day before if that is listed;
anything else stops the build. Two checks from the data themselves: upper minus lower is
25 bp on every day, and the effective federal funds rate (DFF) moves in the direction of
each change between the announcement and the day after the effective date.

Listed meetings with no change become ``hold`` rows (from 2022, where the calendar is
complete), so that "its third straight cut" can be counted over meetings; rows before that
are marked ``calendar = changes only``.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from snapshot_stitch import StitchError

COMPLETE_FROM = pd.Timestamp("2022-01-01")  # every scheduled FOMC meeting is listed from here
COLUMNS = ["announced", "effective", "rate_percent", "lower_percent", "kind", "calendar", "source"]


def read_announcements(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame["announced"] = pd.to_datetime(frame["announced"], format="%Y-%m-%d")
    return frame


def _announced_for(effective: pd.Timestamp, listed: set[pd.Timestamp]) -> pd.Timestamp:
    for candidate in (effective, effective - pd.Timedelta(days=1)):
        if candidate in listed:
            return candidate
    raise StitchError(f"fed decisions: the range changed on {effective.date()} but neither that day nor the "
                      "day before is a listed FOMC announcement (scripts/fomc_announcements.csv)")


def _check_dff(changes: pd.DataFrame, dff: pd.Series) -> int:
    """The effective rate must move the way the range did; returns how many were checked."""
    checked = 0
    for _, row in changes.iterrows():
        before = dff.get(row["announced"])
        after = dff.get(row["effective"] + pd.Timedelta(days=1))
        if before is None or after is None or row["kind"] == "start":
            continue
        moved = after - before
        if (row["kind"] == "hike") != (moved > 0) or abs(moved) < 0.05:
            raise StitchError(f"fed decisions: DFF moved {moved:+.2f} around the {row['kind']} effective "
                              f"{row['effective'].date()}")
        checked += 1
    return checked


def _changes(upper: pd.Series, lower: pd.Series, listed: set[pd.Timestamp]) -> pd.DataFrame:
    width = (upper - lower.reindex(upper.index)).round(6)
    if not (width == 0.25).all():
        bad = width[width != 0.25]
        raise StitchError(f"fed decisions: upper - lower is not 0.25 on {len(bad)} days (first {bad.index[0].date()})")
    step = upper.diff()
    days = list(upper.index[:1]) + list(step[step.abs() > 1e-9].index)
    rows = []
    for day in days:
        prev = step.get(day)
        kind = "start" if pd.isna(prev) else ("hike" if prev > 0 else "cut")
        # the first day of the data is the range then in force, a decision only if announced that day
        announced = (day if day in listed else pd.NaT) if kind == "start" else _announced_for(day, listed)
        rows.append({"announced": announced, "effective": day, "rate_percent": float(upper[day]),
                     "lower_percent": float(lower[day]), "kind": kind, "source": "fred:DFEDTARU/DFEDTARL"})
    return pd.DataFrame(rows).astype({"announced": "datetime64[ns]"})


def _holds(upper: pd.Series, lower: pd.Series, announcements: pd.DataFrame, changed: set) -> pd.DataFrame:
    rows = []
    for day in announcements["announced"]:
        after = day + pd.Timedelta(days=1)
        if day < COMPLETE_FROM or day in changed or after > upper.index[-1] or day < upper.index[0]:
            continue
        rows.append({"announced": day, "effective": day, "rate_percent": float(upper[after]),
                     "lower_percent": float(lower[after]), "kind": "hold",
                     "source": "fomc calendar + fred:DFEDTARU"})
    return pd.DataFrame(rows)


def fed_decisions(upper: pd.Series, lower: pd.Series, dff: pd.Series, announcements: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
    """The decisions table and a record of the checks made."""
    listed = set(announcements["announced"])
    changes = _changes(upper, lower, listed)
    checked = _check_dff(changes, dff)
    holds = _holds(upper, lower, announcements, set(changes["announced"]))
    table = pd.concat([changes, holds]).sort_values(["effective", "announced"]).reset_index(drop=True)
    table["calendar"] = ["complete" if d >= COMPLETE_FROM else "changes only" for d in table["effective"]]
    for col in ("announced", "effective"):
        table[col] = table[col].dt.strftime("%Y-%m-%d")
    record = {"changes": int((changes["kind"] != "start").sum()), "holds": len(holds),
              "dff_confirmed": checked, "width_bp": 25}
    return table[COLUMNS], record
