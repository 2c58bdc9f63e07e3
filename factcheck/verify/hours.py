"""Parts of the day a series' data do not see.

A series' closes are taken at one hour (USD/JPY: the noon New York fixing) and its daily bars
cover a trading day of their own (Yahoo's end before the New York afternoon). A figure the
text places in a part of the day that neither covers (``unseen_hours`` in the catalog) is
read against what the data do bound there: the stretch from the day's bar (or close) to the
next session's open (or next close), where the price must have passed. A level inside that
stretch cannot be settled (``unverifiable``, never a flag: the price may or may not have
been there); one outside it by more than the bar allowance fails like any other reading (a
dollar "at 158.9 yen in New York" when the day's bar topped at 157.49 and the next session
opened at 157.61). A move in those hours, measured from an hour the data miss as well, is
never settled.
"""
from __future__ import annotations

import re

import pandas as pd

from claims import Claim, Kind, Threshold

from ..labels import Label
from . import explain
from .case import Case
from .tolerance import EPS, bar_allowance, grade
from .verdict import Verdict

# where a sentence places its figures in the New York afternoon: New York named (a dateline
# or "in New York trading"), or a clock time after noon with no other market named
NEW_YORK = re.compile(r"\bNew\s+York\b|\bN\.Y\.", re.I)
AFTERNOON_CLOCK = re.compile(r"\b(?:1[0-2]|[1-9])(?:[:.][0-5]\d)?\s*p\.?\s?m\b\.?", re.I)
_PLACES = r"Tokyo|Asia|Asian|London|Europe|European|Sydney|Singapore|Hong\s+Kong|Shanghai|Seoul|Mumbai"
OTHER_MARKET = re.compile(rf"\b(?:in|during)\s+(?:{_PLACES})\b|\b(?:{_PLACES})\s+(?:trade|trading|session|time|hours|"
                          rf"market|markets|morning|afternoon)\b|\b(?:GMT|UTC|JST|BST|CET|SGT|HKT)\b", re.I)


# the hour the fixing is taken: "at Friday's New York fix", "the noon rate in New York"
FIXING = re.compile(r"\bNew\s+York\s+(?:fix|fixing|noon)\b|\bnoon\b[^.;]{0,30}\bNew\s+York\b", re.I)


# a later part of the day named at the head of a sentence ("From around noon, however, ...")
LATER_IN_THE_DAY = re.compile(r"^\W*(?:from|after|by|in the|late in the|later in the)\s+(?:around\s+|about\s+)?"
                              r"(?:noon|midday|afternoon|evening|the afternoon|the close)\b", re.I)


def new_york_afternoon(sentence: str, preceding: str = "") -> bool:
    """The sentence places its figures in New York trading or at an afternoon clock time with
    no other market named, not at the noon fixing; or it goes on from a sentence in New York
    trading to a later hour ("In New York trading ... From around noon, ...")."""
    if FIXING.search(sentence):
        return False
    if NEW_YORK.search(sentence) or (AFTERNOON_CLOCK.search(sentence) and not OTHER_MARKET.search(sentence)):
        return True
    return bool(LATER_IN_THE_DAY.search(sentence)) and bool(NEW_YORK.search(preceding))


PLACED = {"New York afternoon": new_york_afternoon}


def unseen(c: Claim, hours: str | None, preceding: str = "") -> bool:
    """The claim's sentence (and the one before it) place it in ``hours``, a part of the day
    the series' data miss."""
    placed = PLACED.get(hours or "")
    return placed is not None and placed(c.sentence, preceding)


def preceding(text: str, c: Claim) -> str:
    """The sentence before the claim's, if it is in the same paragraph."""
    head = text[:c.sentence_start].rsplit("\n\n", 1)[-1].rstrip()
    parts = re.split(r"(?<=[.!?])\s+", head)
    return parts[-1] if parts and parts[-1] else ""


def unseen_reading(k: Case, side: Threshold | None) -> Verdict:
    """The claim read in the series' unseen hours (see the module docstring); ``side`` is
    the side of the line a threshold claim states (None for a level)."""
    c, s, data = k.c, k.s, k.data
    frame = k.frame()
    if c.kind == Kind.CHANGE or c.range_low is not None or frame.empty:
        return Verdict(Label.UNVERIFIABLE, explain.unseen_hours(s), "unseen_hours")
    best = None
    for ts in frame.index:
        span = _stretch(data.frame, ts)
        if span is None:
            continue
        lo, hi = span
        if side == Threshold.AT_LEAST:
            dist = max(c.value - hi, 0.0)
        elif side == Threshold.AT_MOST:
            dist = min(c.value - lo, 0.0)
        else:
            dist = 0.0 if lo <= c.value <= hi else c.value - (hi if c.value > hi else lo)
        if best is None or abs(dist) <= abs(best[0]):
            best = (dist, ts, lo, hi)
    if best is None:
        return Verdict(Label.UNVERIFIABLE, explain.unseen_hours(s), "unseen_hours")
    dist, ts, lo, hi = best
    allowed = bar_allowance(c, s)
    inside = grade(dist, c.precision, allowed) != Label.INACCURATE
    text = explain.unseen_stretch(c, s, ts, lo, hi, dist, inside)
    obs = [k.obs(ts, lo, "unseen-hours low"), k.obs(ts, hi, "unseen-hours high")]
    if inside:
        return Verdict(Label.UNVERIFIABLE, text, "unseen_hours", obs)
    return Verdict(Label.INACCURATE, text, "unseen_hours", obs, dist, c.precision + allowed)


def _stretch(frame: pd.DataFrame, ts: pd.Timestamp) -> tuple[float, float] | None:
    """The prices the series must have passed between the day ``ts`` and the next
    session: the day's bar (or close) and the next session's open (or close)."""
    later = frame[frame.index > ts]
    if later.empty:
        return None
    row, nxt = frame.loc[ts], later.iloc[0]
    bars = "high" in frame.columns and row.get("high") == row.get("high") and row.get("high") is not None
    here = (float(row["low"]), float(row["high"])) if bars else (float(row["value"]),) * 2
    opened = nxt.get("open") if "open" in frame.columns else None
    then = float(opened) if opened is not None and opened == opened else float(nxt["value"])
    return min(here[0], then) - EPS, max(here[1], then) + EPS
