"""Every sentence a verdict says, built in one place: values in their units, sources by
name, and one function per kind of statement. Checkers decide; this module words it.

A reader must be able to check each sentence against the data it names, so each says
which series, which day(s), which value(s) and how far from the claim.
"""
from __future__ import annotations

import math

import contextvars
from datetime import date

import numpy as np
import pandas as pd

from claims import Claim, Unit

from ..catalog import Series
from ..decisions import Decision
from ..sources.registry import display_name as source_name  # sources by the name readers know


# -- values ------------------------------------------------------------------------------
# The exchange rate being explained is quoted in yen (USD/JPY) or not (EUR/USD, GBP/USD,
# USD/CNY): set by Verifier.verify for the claim in hand, so that every "fx" figure of its
# explanation reads "157.10 yen" or "1.1886" without passing the series to each formatter.
FX_IN_YEN: contextvars.ContextVar[bool] = contextvars.ContextVar("fx_in_yen", default=True)


def in_yen(s: Series) -> bool:
    """The series is an exchange rate quoted in yen."""
    return "yen" in s.quote_currency_aliases


def fmt(value: float, unit: str, signed: bool = False) -> str:
    """A value in its unit for an explanation; ``signed`` for changes ("+6.4 bp")."""
    sign = ("+" if value >= 0 else "-") if signed else ("-" if value < 0 else "")
    a = abs(value)
    if unit == Unit.PERCENT:
        return f"{sign}{a:.2f}%" if signed else (f"{sign}{a:.3f}%".replace(".000%", "%") if a < 1000 else f"{sign}{a:,.1f}%")
    if unit == Unit.BP:
        return f"{sign}{a:.1f} bp"
    if unit == Unit.PP:
        return f"{sign}{a:.2f} pp"
    if unit == Unit.FX:  # yen per dollar in yen; dollars per euro or pound, yuan per dollar to 4 decimals
        return f"{sign}{a:.2f} yen" if FX_IN_YEN.get() else f"{sign}{a:.4f}"
    if unit == Unit.POINTS:
        return f"{sign}{a:,.2f}" + (" points" if signed else "")
    return f"{sign}{a:g}"


def move(v: float, unit: str, sign: bool = True) -> str:
    """A move in the claim's unit, signed ("+6.4 bp") or as a size ("6.4 bp")."""
    return fmt(v, unit, signed=True) if sign else fmt(v, unit, signed=True).lstrip("+-")


def gap(diff: float, s: Series) -> str:
    """How far the data sit from a stated level, and on which side ("4.0 bp below")."""
    side = "below" if diff > 0 else "above"
    if s.unit == Unit.PERCENT:
        return f"{abs(diff) * 100:.1f} bp {side}"
    if s.unit == Unit.FX:
        return f"{abs(diff):.2f} yen {side}" if in_yen(s) else f"{abs(diff):.4f} {side}"
    return f"{abs(diff):,.2f} points {side}"


def allowance(amount: float, s: Series, c: Claim, kind: str = "basis") -> str:
    """An allowance and what it is for ("5 bp basis", "3.00 yen hedge ('around')")."""
    hedge = f" hedge ('{c.hedge}')" if c.hedge else f" {kind}"
    if s.unit == Unit.PERCENT:
        return f"{amount * 100:g} bp{hedge}"
    if s.unit == Unit.FX:
        return f"{amount:.2f} yen{hedge}" if in_yen(s) else f"{amount:.4f}{hedge}"
    return f"{amount:,.1f} point{hedge}"


def stated(c: Claim) -> str:
    return c.text.strip()


def day(ts: pd.Timestamp) -> date:
    return ts.date()


# -- no verdict on the data ---------------------------------------------------------------
def own_best_date(c: Claim) -> str:
    return f"No reference date fits the document; checked at this claim's own best date ({c.time.value}). "


def no_data_for_instrument(name: str, sid: str, why: str) -> str:
    return f"No data for {name} ({sid}): {why.split('; ', 1)[-1]}."


def no_source_for_instrument(name: str, notes: str) -> str:
    return f"{name} is a known instrument but no data source for it is available here" \
           f"{' (' + notes.rstrip('.') + ')' if notes else ''}."


def not_mapped(why: str, candidates: list[str]) -> str:
    cands = f" Candidates: {', '.join(candidates)}." if candidates else ""
    return f"Not mapped to a tracked series: {why}.{cands}"


def ambiguous(why: str) -> str:
    return f"Ambiguous instrument ({why})."


SMALL_PERCENT_AS_POINTS = "Read in percentage points (a '%' move of a rate this small means points): "
PERCENT_COLUMN = "Read in percent, as its column's header gives moves: "
NO_DATE = "No date for this claim: the document's reference date is unknown (give --date)."


def internal_error(kind: str) -> str:
    """A claim whose check failed with a defect of the program (its traceback is logged)."""
    return (f"Internal error while checking this claim ({kind}): it is left unverifiable and the rest of the "
            "document was checked. This is a defect in factcheck; please report it with the sentence.")


def no_snapshot_data(sid: str) -> str:
    return f"No data for {sid} in the snapshot."


def data_ends(sid: str, last: date, when: str) -> str:
    return f"No {sid} data after {last} (claim refers to {when}); run `factcheck data update`."


def data_starts(sid: str, first: date, when: str) -> str:
    return f"No {sid} data before {first} (claim refers to {when})."


def no_observation(sid: str, start: date, end: date) -> str:
    return f"No {sid} observation between {start} and {end}."


# -- readings ------------------------------------------------------------------------------
def rescued(name: str, text: str) -> str:
    """A claim that holds on a reading other than the first."""
    return f"Holds read as {name}: {text}"


def unsettled(reason: str, first: str) -> str:
    return f"Cannot be settled: {reason.rstrip('.')}. As first read: {first}"


def mid_session(s: Series) -> str:
    return f"A figure from during the session; the data have only closes for {s.name} that day."


def series_ambiguous(mapped: str, held: list[str]) -> str:
    return f"series ambiguous: {mapped} or {' or '.join(held)} (the figure holds for {held[0]})"


def unseen_hours(s: Series) -> str:
    return (f"{s.unseen_hours[0].upper() + s.unseen_hours[1:]} quote: neither the closes nor the day's bars of "
            f"{s.name} cover that part of the day.")


def unseen_stretch(c: Claim, s: Series, ts: pd.Timestamp, lo: float, hi: float, dist: float, inside: bool) -> str:
    where = (f"{s.unseen_hours[0].upper() + s.unseen_hours[1:]} quote: the data miss that part of {day(ts)}; "
             f"{s.name} passed between {fmt(lo, s.unit)} and {fmt(hi, s.unit)} from that day's bar to the next "
             f"session's open")
    if inside:
        return f"{where}, and the stated {stated(c)} lies there: it cannot be settled."
    return f"{where}; the stated {stated(c)} is {gap(dist, s).rsplit(' ', 1)[0]} outside that."


def unseen_move(c: Claim, s: Series, ts: pd.Timestamp, base: tuple, span: tuple, moves: tuple, dist: float,
                inside: bool) -> str:
    """A day's extreme move read in the hours the data miss: from the previous close to the
    stretch the price passed after the day's bar."""
    where = (f"{s.unseen_hours[0].upper() + s.unseen_hours[1:]} extreme: the data miss that part of {day(ts)}; "
             f"from the previous close {fmt(base[1], s.unit)} ({day(base[0])}), {s.name} passed between "
             f"{fmt(span[0], s.unit)} and {fmt(span[1], s.unit)} before the next session's open, moves of "
             f"{move(moves[0], c.unit)} to {move(moves[1], c.unit)}")
    if inside:
        return f"{where}, and the stated {move(c.value, c.unit)} lies there: it cannot be settled."
    return f"{where}; the stated {move(c.value, c.unit)} is {move(abs(dist), c.unit, sign=False)} outside that."


def reading_gap(c: Claim, s: Series, diff: float) -> str:
    """How far a reading is from the stated figure, in the claim's unit ("12.0 bp", "0.77%")."""
    if c.kind == "change":
        return move(abs(diff), c.unit, sign=False)
    return gap(diff, s).rsplit(" ", 1)[0]


def no_reading_holds(c: Claim, s: Series, tried: list) -> str:
    """"No other reading holds: the day's intraday range (862.93 points off); every reading
    is at least 736.06 points from the stated 57,100." The first reading is the one the
    explanation already gave."""
    parts = []
    for r in tried[1:]:
        off = f" ({reading_gap(c, s, r.difference)} off)" if r.holds is False and r.difference is not None else ""
        parts.append(f"{r.name}{off}" if r.holds is not None else f"{r.name} (not settled)")
    gaps = [abs(r.difference) for r in tried if r.holds is False and r.difference is not None]
    every = f"; every reading is at least {reading_gap(c, s, min(gaps))} from the stated {stated(c)}" if gaps else ""
    return f"No other reading holds: {'; '.join(parts)}{every}."


# -- forecasts -----------------------------------------------------------------------------
def forecast(c: Claim) -> str:
    horizon = f" for {c.time.value}" if c.time and c.time.value else ""
    return f"A {c.modality or 'forecast'}{horizon}: it states what may happen, not what the data show."


def matured(c: Claim, s: Series, source: str, ts: pd.Timestamp, value: float, came_true: bool) -> str:
    gap_ = abs(value - c.value)
    outcome = "came true" if came_true else \
        f"missed by {gap_ * (100 if s.unit == Unit.PERCENT else 1):.2f}{' bp' if s.unit == Unit.PERCENT else ''}"
    return (f"Matured forecast: at the horizon {source_name(source)} {s.name} was {fmt(value, s.unit)} on "
            f"{day(ts)}; the forecast {stated(c)} {outcome}.")


# -- levels, ranges, thresholds ------------------------------------------------------------
def level(c: Claim, s: Series, source: str, ts: pd.Timestamp, best: float, diff: float, allowed: float,
          within_allowance: bool, label: str) -> str:
    where = f"{source_name(source)} {s.name} on {day(ts)} was {fmt(best, s.unit)}"
    if label == "accurate":
        return f"{where}; the stated {stated(c)} matches within its precision (±{c.precision:g})."
    if label == "approximately_accurate":
        precision = "" if within_allowance else f" and the stated precision (±{c.precision:g})"
        return f"{where}, {gap(diff, s)} the stated {stated(c)}; within the {allowance(allowed, s, c)} allowance{precision}."
    return f"{where}, {gap(diff, s)} the stated {stated(c)}; beyond the {allowance(allowed, s, c)} allowance plus precision."


def intraday_range(c: Claim, s: Series, ts: pd.Timestamp, lo: float, hi: float, dist: float, allowed: float,
                   label: str) -> str:
    where = f"Intraday bars: {s.name} traded between {fmt(lo, s.unit)} and {fmt(hi, s.unit)} on {day(ts)}"
    if abs(dist) <= 1e-9:
        return f"{where}; the stated {stated(c)} is inside that range."
    if label == "accurate":
        return f"{where}; the stated {stated(c)} is at its edge, within the stated precision."
    outside = f"{where}; the stated {stated(c)} is {gap(dist, s).rsplit(' ', 1)[0]} outside it"
    if label == "approximately_accurate":
        return f"{outside}, within the {allowance(allowed, s, c, 'intraday')} allowance."
    return f"{outside}."


def range_(s: Series, source: str, first: pd.Timestamp, last: pd.Timestamp, vmin: float, vmax: float,
           lo: float, hi: float, out: float, label: str) -> str:
    text = (f"{source_name(source)} {s.name} from {day(first)} to {day(last)} ranged {fmt(vmin, s.unit)} to "
            f"{fmt(vmax, s.unit)}; stated range {fmt(lo, s.unit)} to {fmt(hi, s.unit)}")
    if label == "accurate":
        return text + ": inside."
    if label == "approximately_accurate":
        return text + f": outside by {gap(-out, s).split(' ')[0]}, within the basis allowance."
    return text + ": the data left the range."


def threshold(c: Claim, s: Series, source: str, at_least: bool, intraday: bool, first: pd.Timestamp,
              last: pd.Timestamp, ext: float, ext_ts: pd.Timestamp, short: float, allowed: float, label: str,
              denied: bool = False) -> str:
    where = (f"{source_name(source)} {s.name} {'high' if at_least else 'low'} {'(intraday) ' if intraday else ''}"
             f"between {day(first)} and {day(last)} was {fmt(ext, s.unit)} on {day(ext_ts)}")
    if denied:
        words = "at or below" if at_least else "at or above"
        if label == "accurate":
            return f"{where}: it stayed {words} {stated(c)}, as stated."
        if label == "approximately_accurate":
            return f"{where}: past {stated(c)} by {gap(short, s).rsplit(' ', 1)[0]}, within the " \
                   f"{allowance(allowed, s, c)} allowance."
        return f"{where}: it crossed {stated(c)}, which the text says it failed to do."
    words = "at or above" if at_least else "at or below"
    if label == "accurate":
        return f"{where}: {words} {stated(c)}, as stated."
    if label == "approximately_accurate":
        return (f"{where}: short of {stated(c)} by {gap(short, s).rsplit(' ', 1)[0]}, within the "
                f"{allowance(allowed, s, c)} allowance.")
    return f"{where}: never {words} {stated(c)}."


def misdated_level(c: Claim, s: Series, when: pd.Timestamp, value: float, source: str, then: str) -> str:
    return (f"{stated(c)} is right for {s.name} on {day(when)} ({fmt(value, s.unit)}, {source_name(source)}), "
            f"not for {c.time.value} as stated{then}.")


def distance(days: int) -> str:
    """"three weeks", "ten days", "two months": how long before the piece."""
    words = ("zero one two three four five six seven eight nine ten eleven twelve").split()
    def n(x: int) -> str:
        return words[x] if x < len(words) else str(x)
    if days < 14:
        return f"{n(days)} day{'s' if days != 1 else ''}"
    if days < 60:
        weeks = round(days / 7)
        return f"{n(weeks)} weeks"
    return f"{n(round(days / 30))} months"


def stale_level(c: Claim, s: Series, when: pd.Timestamp, value: float, source: str, ref: date,
                now: float | None) -> str:
    gap = (ref - when.date()).days
    tail = f"; on {ref} it was {fmt(now, s.unit)}" if now is not None else ""
    return (f"{stated(c)} is where {s.name} stood on {day(when)} ({fmt(value, s.unit)}, {source_name(source)}), "
            f"{distance(gap)} before this piece ({ref}){tail}: a stale figure, stated as current.")


def then(values: np.ndarray, unit: str, single: bool) -> str:
    """What the data said in the stated window (for a misdated claim): its closes."""
    if not len(values):
        return ""
    if single or len(values) == 1:
        return f" (then {fmt(float(values[-1]), unit)})"
    return f" (then {fmt(float(values.min()), unit)} to {fmt(float(values.max()), unit)})"


# -- changes -------------------------------------------------------------------------------
def no_observation_near(sid: str, end: date) -> str:
    return f"No {sid} observation near {end}."


def from_baseline(c: Claim, what: str) -> str:
    """"Measured from the peak of 2024-07-11 (intraday high): ": the start a baseline chose."""
    kind = {"peak": "the peak", "trough": "the low", "level": "a level"}[c.baseline.value]
    return f"Measured from {kind} of {c.since.value} ({what}): "


def observed_move(s: Series, source: str, base_ts: pd.Timestamp, base: float, end_ts: pd.Timestamp, end: float,
                  actual: float, unit: str) -> str:
    return (f"{source_name(source)} {s.name} {fmt(base, s.unit)} on {day(base_ts)} -> {fmt(end, s.unit)} on "
            f"{day(end_ts)}: {move(actual, unit)}")


def change_threshold(observed: str, c: Claim, label: str, short: float, tolerance: float) -> str:
    line = f"{observed}; {c.threshold.replace('_', ' ')} {stated(c)}"
    if label == "accurate":
        return f"{line} holds."
    if label == "approximately_accurate":
        return f"{line} holds only loosely: {move(short, c.unit, sign=False)} short, within the " \
               f"{move(tolerance, c.unit, sign=False)} allowance."
    return f"{line} fails."


def change(observed: str, claimed: float, unit: str, tolerance: float, diff: float, label: str) -> str:
    if label == "accurate":
        note = "matches within the stated precision"
    elif label == "approximately_accurate":
        note = f"within the {move(tolerance, unit, sign=False)} allowance"
    else:
        note = f"off by {move(abs(diff), unit, sign=False)}, beyond the allowance"
    return f"{observed} against the stated {move(claimed, unit)}; {note}."


def intraday_move(c: Claim, s: Series, base: tuple, ts: pd.Timestamp, lo: float, hi: float, lo_move: float,
                  hi_move: float, claimed: float, dist: float, tolerance: float, label: str) -> str:
    where = (f"From the previous close {fmt(base[1], s.unit)} ({day(base[0])}), {s.name} traded between "
             f"{fmt(lo, s.unit)} and {fmt(hi, s.unit)} on {day(ts)}: moves of {move(lo_move, c.unit)} to "
             f"{move(hi_move, c.unit)} during the session")
    if abs(dist) <= 1e-9:
        return f"{where}; the stated {move(claimed, c.unit)} is inside that span."
    if label == "accurate":
        return f"{where}; the stated {move(claimed, c.unit)} is at its edge, within the stated precision."
    off = move(abs(dist), c.unit, sign=False)
    if label == "approximately_accurate":
        return f"{where}; the stated {move(claimed, c.unit)} is {off} outside it, within the " \
               f"{move(tolerance, c.unit, sign=False)} allowance."
    return f"{where}; the stated {move(claimed, c.unit)} is {off} outside it."


def period_starts(c: Claim, s: Series, named: str, first: pd.Timestamp, last: pd.Timestamp, end: pd.Timestamp,
                  lo: float, hi: float, dist: float, tolerance: float, label: str) -> str:
    starts = f"on {day(first)}" if first == last else f"from {day(first)} to {day(last)}"
    where = (f"{s.name} to {day(end)} from any start the period ({named}) allows, the closes {starts}: "
             f"{move(lo, c.unit)} to {move(hi, c.unit)}")
    if abs(dist) <= 1e-9 or label == "accurate":
        return f"{where}; the stated {stated(c)} is within that span."
    off = move(abs(dist), c.unit, sign=False)
    if label == "approximately_accurate":
        return f"{where}; the stated {stated(c)} is {off} outside it, within the {move(tolerance, c.unit, sign=False)} " \
               f"allowance."
    return f"{where}; the stated {stated(c)} is {off} outside it."


def unstated_period(c: Claim, s: Series, name: str, first: pd.Timestamp, last: pd.Timestamp, actual: float,
                    pct: float, label: str) -> str:
    """A move whose period the text does not state, read over one standard period
    (:mod:`.unstated`): "the period is not stated; over the month to 2026-03-31 ..."."""
    over = f"{s.name} moved {move(actual, c.unit)} over {name} (closes {day(first)} to {day(last)})"
    share = "every daily move in the data" if pct >= 100 else f"{math.floor(pct * 10) / 10:.1f}% of its daily moves"
    rank = f"as one session's move the stated {stated(c)} would be larger than {share}"
    verdict = "the stated move fits that period" if label != "inaccurate" else "not that period either"
    return f"The period is not stated; {over}: {verdict} ({rank})."


def period_rank_holds(text: str, length: str, named) -> str:
    return f"'{text}' holds: no {length} since {named} moved further that way."


def period_rank_fails(text: str, length: str, when, value: float, unit: str) -> str:
    return f"'{text}' does not hold: the {length} to {when} moved {move(value, unit)}, further that way."


def beyond_any_day(c: Claim, s: Series, largest: float, first) -> str:
    return (f"period not stated: a one-day move of {stated(c)} would be larger than any daily move of {s.name} "
            f"in the data since {first} (largest {move(largest, c.unit, sign=False)}), and no standard period "
            f"ending at the claim's session (week, month, quarter, year to date, or the one just ended) matches it")


NOT_ENOUGH_BEFORE_PERIOD = "Not enough data before the period."
NO_EARLIER_OBSERVATION = "No earlier observation to compare with."


def period_start_unknown(text: str) -> str:
    return f"Could not place the start of the period ('{text}')."


def change_over_period(c: Claim, s: Series, source: str, base: tuple, last: tuple, whole: float) -> str:
    return (f"{source_name(source)} {s.name} {fmt(base[1], s.unit)} on {day(base[0])} -> {fmt(last[1], s.unit)} on "
            f"{day(last[0])}: {move(whole, c.unit)} over {c.time.value}, against the stated {move(c.value, c.unit)}.")


def no_data_in_period(sid: str, when: str) -> str:
    return f"No {sid} data in {when}."


def daily_move_in_period(c: Claim, s: Series, source: str, best_ts: pd.Timestamp, best: float) -> str:
    return f"{source_name(source)} {s.name} moved {move(best, c.unit)} on {day(best_ts)}, in {c.time.value} as stated."


def no_daily_move_in_period(c: Claim, s: Series, best_ts: pd.Timestamp, best: float) -> str:
    return (f"No daily move of {move(c.value, c.unit)} in {s.name} in {c.time.value}; the closest was "
            f"{move(best, c.unit)} on {day(best_ts)}.")


def misdated_change(c: Claim, s: Series, when: pd.Timestamp, value: float) -> str:
    return f"A move of {move(value, c.unit)} in {s.name} happened on {day(when)}, not in {c.time.value} as stated."


# -- policy decisions ------------------------------------------------------------------------
def decision_when(d: Decision) -> str:
    """"announced 2025-12-10, effective 2025-12-11"; a hold only has its announcement."""
    if d.is_hold:
        return f"announced {d.announced}"
    ann = f"announced {d.announced}, " if d.announced else ""
    return f"{ann}effective {d.effective}"


def decisions_then(here: list[Decision]) -> str:
    """The decisions of the stated period, for a claim that matches none of them."""
    return ", ".join(f"{fmt(x.rate, Unit.PERCENT)} ({decision_when(x)})" for x in here)


def decision_matches(s: Series, d: Decision, what: str, latest_before: date | None = None) -> str:
    """``latest_before``: an undated move matched to the bank's latest decision by that day."""
    frm = f" (from {fmt(d.previous, Unit.PERCENT)})" if d.previous is not None else ""
    which = f"the latest decision before {latest_before}, " if latest_before is not None else ""
    return (f"{s.name}: {which}decision to {fmt(d.rate, Unit.PERCENT)}{frm}, {decision_when(d)}; "
            f"matches the stated {what}.")


def decisions_add_up(s: Series, here: list[Decision], a: date, b: date, total: float, unit: str, what: str) -> str:
    steps = ", ".join(f"{move(x.move(unit), unit)} ({decision_when(x)})" for x in here)
    return (f"{s.name}: {len(here)} decisions from {a} to {b} add up to {move(total, unit)}: {steps}; "
            f"matches the stated {what}.")


AS_DECIDED = "As decided (announced, not yet in force): "


def streak_unchecked(phrase: str) -> str:
    return f"'{phrase}' cannot be checked: the decisions table does not list every meeting before this one."


def streak(d: Decision, got: int, holds: bool, phrase: str) -> str:
    word = "cut" if d.kind == "cut" else "hike" if d.kind == "hike" else d.kind
    return f"Meetings in a row with a {word} up to {d.announced}: {got}{'' if holds else f' ({phrase!r} fails)'}."


def decision_misdated(s: Series, rate: float, when: str, stated_when: str, then_: str) -> str:
    return f"{s.name}: the move to {fmt(rate, Unit.PERCENT)} was {when}, not {stated_when} as stated (then: {then_})."


def rate_in_force(s: Series, ts: pd.Timestamp, rate: float) -> str:
    return f"{s.name} in force on {day(ts)}: {fmt(rate, Unit.PERCENT)}."


def decision_differs(s: Series, then_: str, end: date, in_force: tuple | None, what: str) -> str:
    extra = f"; rate in force on {end}: {fmt(in_force[1], Unit.PERCENT)}" if in_force else ""
    return f"{s.name}: {then_}{extra}; the stated {what} does not match."


# -- spreads ---------------------------------------------------------------------------------
def no_spread_data(a: str, b: str) -> str:
    return f"No data for {a} or {b}."


def no_common_day(a: str, b: str, start: date, end: date, last: date) -> str:
    return f"No day with both {a} and {b} between {start} and {end}{f' (data end {last})' if end > last else ''}."


def spread(c: Claim, sa: Series, sb: Series, ts: pd.Timestamp, a: float, b: float, best: float, bp: bool,
           tolerance: float, diff: float, label: str, both_legs: bool = True) -> str:
    text = (f"On {day(ts)} {sa.name} {fmt(a, Unit.PERCENT)} minus {sb.name} {fmt(b, Unit.PERCENT)} = "
            f"{best:.1f} {'bp' if bp else 'pp'}")
    if label == "accurate":
        return text + f"; matches the stated {stated(c)}."
    if label == "approximately_accurate":
        return text + f"; within the {tolerance:g} bp allowance of {'both legs' if both_legs else 'the wider leg'}."
    return text + f"; {abs(diff):.1f} bp from the stated {stated(c)}."


# -- qualifiers ------------------------------------------------------------------------------
def higher(high: bool) -> str:
    return "higher" if high else "lower"


def record(high: bool, ref_v: float, ref_ts: pd.Timestamp, unit: str, first: date, holds: bool) -> str:
    return (f"Record check: previous {'high' if high else 'low'} {fmt(ref_v, unit)} on {day(ref_ts)} "
            f"(data from {first}); {'a record' if holds else 'not a record'}.")


def since_unchecked(first: date, year: str, label: str, high: bool) -> str:
    return f"The data start {first}, after {year}: {label} cannot be checked; nothing {higher(high)} since then."


def since_exceeded(first: date, label: str, high: bool) -> str:
    return f"No {higher(high)} value in the data since {first}: stronger than {label} claims."


def holds_note(state, label: str) -> str:
    """" ('highest_since:1999' holds only loosely)" or " (... fails)"; nothing when it holds."""
    return "" if state is True else f" ({label} holds only loosely)" if state == "loosely" else f" ({label} fails)"


def last_beyond(high: bool, ts: pd.Timestamp, value: float, unit: str, last_ts: pd.Timestamp, state, label: str) -> str:
    return (f"Last {'higher-or-equal' if high else 'lower-or-equal'} value before {day(ts)}: {fmt(value, unit)} on "
            f"{day(last_ts)}{holds_note(state, label)}.")


def period_unchecked(first: date, label: str) -> str:
    return f"The data start {first}, too late to check {label}."


def nothing_beyond_since_start(high: bool, first: date) -> str:
    return f"Nothing {higher(high)} since the data start ({first})."


def last_beyond_ago(high: bool, value: float, unit: str, last_ts: pd.Timestamp, ago: str) -> str:
    return f"Last {'higher-or-equal' if high else 'lower-or-equal'} value: {fmt(value, unit)} on {day(last_ts)}, {ago} earlier."


def first_time_holds(c: Claim, first: date) -> str:
    return f"No earlier close beyond {stated(c)} (data from {first})."


def first_time_in_period(c: Claim, period: str, start: date) -> str:
    return f"No earlier close beyond {stated(c)} this {period} (from {start})."


def first_time_fails(value: float, unit: str, ts: pd.Timestamp) -> str:
    return f"Not the first time: {fmt(value, unit)} on {day(ts)}."


def year_high(high: bool, at: pd.Timestamp, previous: tuple | None, x: float, unit: str, state) -> str:
    """"its high for the year": the year's earlier values, and whether the claim's day tops them."""
    side, year = ("high" if high else "low"), at.year
    if previous is None:
        return f"Year {side} check: no earlier {year} value in the data; the first of the year is its {side} so far."
    ts, value = previous
    verdict = {True: f"the {year} {side} so far", "loosely": f"within the allowance of the {year} {side}",
               False: f"not the {year} {side}"}[state]
    return (f"Year {side} check: the {'highest' if high else 'lowest'} earlier {year} value was {fmt(value, unit)} "
            f"on {day(ts)}; {fmt(x, unit)} on {day(at)} is {verdict}.")


def unattributed_qualifier(label: str) -> str:
    return f"('{label}' may be about another subject in the sentence: not counted against the figure.)"


def move_direction_differs(x: float, unit: str, down: bool) -> str:
    return f"The day's move was {move(x, unit)}, not a {'fall' if down else 'rise'}."


def no_bigger_move(down: bool, first: date) -> str:
    return f"No bigger one-day {'fall' if down else 'rise'} in the data (from {first})."


def last_bigger_move(down: bool, value: float, unit: str, ts: pd.Timestamp, state, label: str) -> str:
    verdict = "" if state is True else f" ('{label}' holds only loosely)" if state == "loosely" else f" ('{label}' fails)"
    return f"Last one-day {'fall' if down else 'rise'} at least as big: {move(value, unit)} on {day(ts)}{verdict}."
