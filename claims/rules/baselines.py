"""What a move over a period is measured from, read from the words after the figure.

* "27% from its July 11 peak", "7% below its February high", "up 20% from the April low":
  the period's extreme (:attr:`Baseline.PEAK` or :attr:`Baseline.TROUGH`); without a period
  ("below its record") the all-time extreme, which the kinds table already reads
  (``below_record``); "21% from its Aug. 5 close": that day's close (:attr:`Baseline.CLOSE`);
* "60 basis points higher compared with January levels", "versus January": any level the
  period held (:attr:`Baseline.LEVEL`); such a comparison in a clause without a figure
  ("..., a sharp jump compared with January levels.") is found by :func:`levels_in` and
  carried to the moves of the next sentence (:mod:`claims.timebind`);
* "7.5 yen lower than at the end of December", "higher than on Friday": that day's close
  (:func:`close_than_at`); a month or year there ("than in 2024") names no close.

The period itself is resolved like any time phrase (against the reference date); the
verifier measures the move from that baseline (:mod:`factcheck.verify.baselines`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..model import TimeRef
from ..values import Baseline
from ..regexgate import gate_patterns

_WHAT = r"(?P<what>record|all-time high|peak|high|top|low|trough|bottom|close|closing level|finish)s?"
EXTREME_AFTER = re.compile(
    r"\s*(?:(?:points?|percent|per cent|bps?|basis points|yen)\s+)?(?:[a-z]+\s+){0,2}?"
    r"(?:from|below|under|off|short of|since)\s+(?:its|the|a|an|their|this year's|last year's)\s+"
    r"(?P<when>(?:[A-Z][a-z]+\.?|\d{1,2}(?:st|nd|rd|th)?|(?:19|20)\d\d|mid-[A-Z][a-z]+|early|late|,)"
    r"(?:\s+(?:[A-Z][a-z]+\.?|\d{1,2}(?:st|nd|rd|th)?|(?:19|20)\d\d|,))*?)\s+" + _WHAT + r"\b")
_LEVELS = (r"(?P<when>(?:early |mid-|late )?(?:January|February|March|April|May|June|July|August|September|October|"
           r"November|December)(?: (?:19|20)\d\d)?|(?:19|20)\d\d)(?:'s)?\s+(?:levels?|average)\b")
LEVELS_AFTER = re.compile(
    r"\s*(?:[a-z%]+\s+){0,3}?(?:compared (?:with|to)|versus|vs\.?|against|than in|from)\s+(?:the\s+)?" + _LEVELS, re.I)
# the same comparison in a clause of its own ("..., a sharp jump compared with January levels.")
LEVELS_CLAUSE = re.compile(r"\b(?:compared (?:with|to)|versus|vs\.?|against)\s+(?:the\s+)?" + _LEVELS, re.I)
# "7.5 yen lower than at the end of December", "3 bp higher than on Friday": from that day's close
THAN_AT_AFTER = re.compile(
    r"\s*(?:(?:points?|percent|per cent|bps?|basis points|yen|cents?)\s+)?(?:[a-z]+\s+){0,2}?than\s+"
    r"(?:it was |they were |where it (?:was|stood|ended) )?(?:at|on)\s+(?P<when>[^,.;:]{3,40}?)"
    r"(?=[,.;:]|$|\s+(?:and|but|while|as|when|after|before)\b)", re.I)
TROUGH_WORDS = ("low", "trough", "bottom")
CLOSE_WORDS = ("close", "closing level", "finish")  # "21% from its Aug. 5 close": from that day's close


@dataclass(frozen=True)
class Found:
    """A baseline read after a figure: its period and kind, and where its words are."""

    period: TimeRef
    kind: Baseline


def _period(when: str, start: int, end: int, ref: date | None, lead: str = "in ") -> TimeRef | None:
    """The period named inside a baseline ("July 11", "February", "2024"), resolved as the
    time phrase it would be after ``lead``."""
    from ..timeref import find_time_phrases

    found = find_time_phrases(lead + when.strip(" ,"), ref)
    if not found or found[0].role == "duration":
        return None
    p = found[0]
    return TimeRef(when.strip(" ,"), start, end, p.value, p.precision, "since", p.relative, pattern="baseline")


def extreme_after(text: str, figure_end: int, ref: date | None) -> Found | None:
    """"27% from its July 11 peak": the peak of that day, month or year."""
    m = EXTREME_AFTER.match(text, figure_end)
    if m is None or not m.group("when").strip(" ,"):
        return None
    period = _period(m.group("when"), m.start("when"), m.end("when"), ref)
    if period is None:
        return None
    what = m.group("what").lower()
    kind = Baseline.CLOSE if what in CLOSE_WORDS else Baseline.TROUGH if what in TROUGH_WORDS else Baseline.PEAK
    if kind is Baseline.CLOSE and period.precision != "day":
        return None
    return Found(period, kind)


def levels_after(text: str, figure_end: int, ref: date | None) -> Found | None:
    """"60 basis points higher compared with January levels": any level of that month."""
    m = LEVELS_AFTER.match(text, figure_end)
    if m is None:
        return None
    period = _period(m.group("when"), m.start("when"), m.end("when"), ref)
    return Found(period, Baseline.LEVEL) if period is not None else None


def close_than_at(text: str, figure_end: int, ref: date | None) -> Found | None:
    """"7.5 yen lower than at the end of December": a move from the close of the day named
    after "than at/on"; a phrase that names no single day is no baseline."""
    m = THAN_AT_AFTER.match(text, figure_end)
    if m is None:
        return None
    period = _period(m.group("when"), m.start("when"), m.end("when"), ref, lead="on ")
    if period is None or period.precision != "day" or not period.value:
        return None
    return Found(period, Baseline.CLOSE)


def levels_in(text: str, start: int, end: int, ref: date | None) -> Found | None:
    """A "compared with January levels" anywhere in ``text[start:end]`` (a sentence)."""
    m = LEVELS_CLAUSE.search(text, start, end)
    if m is None:
        return None
    period = _period(m.group("when"), m.start("when"), m.end("when"), ref)
    return Found(period, Baseline.LEVEL) if period is not None else None


gate_patterns(globals())  # every pattern above behind its literal pre-check (claims.regexgate)
