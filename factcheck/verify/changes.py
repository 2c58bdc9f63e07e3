"""Moves: one day's change ("rose 6 bp"), a change over a stated period ("up 15% this year",
"over the past week", "since the leadership vote"), a move stated by a month ("the 12.4%
crash in September") and a distance below a record ("4,000 points below its record")."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pandas as pd

from claims import DAILY_MOVE_UNITS, Threshold, change_between

from . import explain
from .case import Case, month_bounds
from ..labels import Label
from .moves import series_changes
from .baselines import baseline_start
from .qualifiers import with_qualifiers
from .tolerance import BAR_SHARE, EPS, change_tolerance, grade
from .verdict import Verdict

MONTH_EXTREME = re.compile(r"since (?:its|the) (?P<mon>January|February|March|April|May|June|July|August|"
                           r"September|October|November|December) (?P<what>record|peak|high|low|trough)", re.I)


def check_change(k: Case) -> Verdict:
    c, s, data = k.c, k.s, k.data
    if c.time.precision in ("month", "year") and c.since is None:
        return _change_in_period(k)
    end_obs = data.on_or_before(k.end)
    if end_obs is None or end_obs[0].date() < k.start - timedelta(days=k.policy.lag_days):
        return Verdict(Label.UNVERIFIABLE, explain.no_observation_near(s.id, k.end), "no_data_for_date")
    end_ts, end_v = end_obs
    base = baseline_start(k, end_ts, end_v) or _base(k, end_ts)
    if isinstance(base, Verdict):
        return base
    base_ts, base_v = base[:2]
    actual = change_between(c.unit, base_v, end_v)
    tol = change_tolerance(c, s, k.policy, base_v)
    obs = [k.obs(base_ts, base_v, base[2] if len(base) > 2 else "close"), k.obs(end_ts)]
    observed = explain.observed_move(s, k.source(end_ts), base_ts, base_v, end_ts, end_v, actual, c.unit)
    if len(base) > 2:
        observed = explain.from_baseline(c, base[2]) + observed
    if c.threshold in (Threshold.AT_LEAST, Threshold.AT_MOST) and not c.hedge:
        return _change_threshold(k, actual, tol, obs, observed)
    claimed = c.value
    if c.direction == 0 and c.unit in DAILY_MOVE_UNITS and actual < 0 and c.value > 0:
        # no direction word ("That's 10 yen in four weeks"): the sign nearer the data
        claimed = c.value if abs(actual - c.value) < abs(actual + c.value) else -c.value
    diff = claimed - actual
    label = grade(diff, c.precision, tol)
    if label == Label.INACCURATE and k.explicit:
        moved = _misdated_change(k, claimed, tol)
        if moved is not None:
            return moved
    v = Verdict(label, explain.change(observed, claimed, c.unit, tol, diff, label), "change", obs, diff,
                c.precision + tol)
    return with_qualifiers(k, end_ts, v) if c.qualifiers else v


LINE_SHARE = 0.1  # a move short of a "more than" line by at most this share of it holds approximately


def _change_threshold(k: Case, actual: float, tol: float, obs: list, observed: str) -> Verdict:
    """"more than 50 bp this week", "at least 3%": a move of the stated size or beyond on the
    stated side; one short of the line by no more than the move's allowance and a tenth of
    the line holds approximately ("more than 50 bp" after a 47 bp week; not "more than 3
    yen" after 2.1 yen), a move the other way never."""
    c = k.c
    same_way = (actual >= 0) == (c.value >= 0) or c.direction == 0
    short = abs(c.value) - abs(actual) if c.threshold == Threshold.AT_LEAST else abs(actual) - abs(c.value)
    tol = min(tol, LINE_SHARE * abs(c.value))
    label = grade(max(short, 0.0), c.precision, tol) if same_way else Label.INACCURATE
    return Verdict(label, explain.change_threshold(observed, c, label, max(short, 0.0), tol), "change_threshold", obs,
                   c.value - actual, c.precision + (0.0 if label == Label.ACCURATE else tol))


def intraday_move(k: Case) -> Verdict | None:
    """A one-day move read as measured during the session ("surged 5.7% by mid-morning",
    "rallied as much as 1.75%"): from the previous close to any price inside the day's
    high-low bar, give or take the bar share of the move's allowance (as for a level, see
    :func:`.tolerance.bar_allowance`). None when the claim is no one-day move or the day
    has no bar."""
    c, s, data = k.c, k.s, k.data
    if c.since is not None or c.since_text or c.from_record or c.unit not in DAILY_MOVE_UNITS or \
            c.time.precision != "day":
        return None
    found = data.on_or_before(k.end)
    if found is None or found[0].date() < k.start - timedelta(days=k.policy.lag_days) or \
            not (data.has_column("high") and data.has_column("low")):
        return None
    ts = found[0]
    lo, hi = data.cell(ts, "low"), data.cell(ts, "high")
    base = data.before(ts.date())
    if base is None or lo != lo or hi != hi:
        return None
    lo_move, hi_move = sorted((change_between(c.unit, base[1], float(lo)), change_between(c.unit, base[1], float(hi))))
    claimed = c.value
    if c.direction == 0 and c.value > 0 and hi_move < 0:
        claimed = -c.value  # no direction word: the sign nearer the data
    dist = 0.0 if lo_move <= claimed <= hi_move else claimed - (hi_move if claimed > hi_move else lo_move)
    tol = change_tolerance(c, s, k.policy, base[1]) * BAR_SHARE
    label = grade(dist, c.precision, tol)
    text = explain.intraday_move(c, s, base, ts, float(lo), float(hi), lo_move, hi_move, claimed, dist, tol, label)
    v = Verdict(label, text, "intraday_move", [k.obs(base[0]), k.obs(ts, float(lo), "intraday low"),
                                               k.obs(ts, float(hi), "intraday high")],
                dist, c.precision + (0.0 if label == Label.ACCURATE else tol))
    return with_qualifiers(k, ts, v) if c.qualifiers else v


def _base(k: Case, end_ts: pd.Timestamp):
    """Where the move started: the record before it, the start of its period, the day its
    span began, or the previous close. A :class:`Verdict` when it cannot be placed."""
    c, data = k.c, k.data
    values = data.values
    if c.from_record:
        prior = values[values.index < end_ts]
        ts = prior.idxmax()
        return ts, float(prior[ts])
    if c.since is not None:
        return _period_start(k, end_ts)
    if c.since_text:
        peak = _since_month_extreme(k, end_ts)
        if peak is not None:
            return peak
        return Verdict(Label.UNVERIFIABLE, explain.period_start_unknown(c.since_text), "unresolved_period")
    if c.time is not None and c.time.days and c.time.role == "point":  # "fell 10 bp last week"
        found = data.on_or_before(end_ts.date() - timedelta(days=c.time.days))
        if found is not None:
            return found
    if c.time is not None and c.time.sessions and c.time.sessions > 1:
        idx = values.index.get_loc(end_ts) - c.time.sessions
        return values.index[idx], float(values.iloc[idx])
    found = data.before(end_ts.date())
    if found is None:
        return Verdict(Label.UNVERIFIABLE, explain.NO_EARLIER_OBSERVATION, "no_data_for_date")
    return found


def _period_start(k: Case, end_ts: pd.Timestamp):
    """The close a period's move is measured from ("since Monday", "this year", "over the
    last three sessions", "since the vote" on the day the text dated it)."""
    since, data = k.c.since, k.data
    values = data.values
    if since.sessions:
        idx = values.index.get_loc(end_ts) - since.sessions
        if idx < 0:
            return Verdict(Label.UNVERIFIABLE, explain.NOT_ENOUGH_BEFORE_PERIOD, "no_data_for_date")
        return values.index[idx], float(values.iloc[idx])
    found = None
    if since.days:
        found = data.on_or_before(end_ts.date() - timedelta(days=since.days))
    elif since.value and since.role == "since_event":
        found = data.before(date.fromisoformat(since.value))  # from just before the event
    elif since.value and len(since.value) == 10:
        found = data.on_or_before(date.fromisoformat(since.value))
    elif since.value and len(since.value) == 7:
        found = data.before(month_bounds(since.value)[0])
    elif since.value and len(since.value) == 4:
        found = data.before(date(int(since.value), 1, 1))
    if found is None:
        return Verdict(Label.UNVERIFIABLE, explain.period_start_unknown(since.text), "unresolved_period")
    return found


def _since_month_extreme(k: Case, end_ts: pd.Timestamp):
    """"lost 12% since its February record": from the highest close of that month (the
    lowest for "low"/"trough"), the most recent such month before the claim."""
    m = MONTH_EXTREME.search(k.c.since_text or "")
    if not m:
        return None
    month = datetime.strptime(m.group("mon")[:3], "%b").month
    year = end_ts.year if month < end_ts.month else end_ts.year - 1
    window = k.data.window(date(year, month, 1), month_bounds(f"{year}-{month:02d}")[1])["value"]
    if window.empty:
        return None
    ts = window.idxmin() if m.group("what").lower() in ("low", "trough") else window.idxmax()
    return ts, float(window[ts])


def _change_in_period(k: Case) -> Verdict:
    """A move dated by a month or year: the change over that whole period ("gained 5% in
    September", "rose 20% in 2025") or one day's move in it ("the 12.4% crash in
    September"), whichever the data bear out."""
    c, s, data = k.c, k.s, k.data
    base, last = data.before(k.start), data.on_or_before(k.end)
    if base is not None and last is not None and last[0].date() >= k.start:
        whole = change_between(c.unit, base[1], last[1])
        tol = change_tolerance(c, s, k.policy, base[1])
        label = grade(c.value - whole, c.precision, tol)
        if label != Label.INACCURATE:
            return Verdict(label, explain.change_over_period(c, s, k.source(last[0]), base, last, whole),
                           "change_over_period", [k.obs(base[0]), k.obs(last[0])], c.value - whole, c.precision + tol)
    in_period = series_changes(data, c.unit, dropped=True).loc[pd.Timestamp(k.start):pd.Timestamp(k.end)]
    if in_period.empty:
        return Verdict(Label.UNVERIFIABLE, explain.no_data_in_period(s.id, c.time.value), "no_data_for_date")
    best_ts = (in_period - c.value).abs().idxmin()
    best = float(in_period[best_ts])
    tol = change_tolerance(c, s, k.policy, float(data.values[best_ts]))
    diff = c.value - best
    obs = [k.obs(best_ts, best, "daily change")]
    label = grade(diff, c.precision, tol)
    if label != Label.INACCURATE:
        return Verdict(label, explain.daily_move_in_period(c, s, k.source(best_ts), best_ts, best), "change", obs, diff,
                       c.precision + tol)
    moved = _misdated_change(k, c.value, tol)
    if moved is not None:
        return moved
    return Verdict(Label.INACCURATE, explain.no_daily_move_in_period(c, s, best_ts, best), "change", obs, diff,
                   c.precision + tol)


def _misdated_change(k: Case, claimed: float, tol: float) -> Verdict | None:
    """A move wrong for the stated time but the size of the series' move on a day nearby."""
    c = k.c
    if c.since is not None or c.from_record or k.plain:
        return None
    lo, hi = k.misdated_span()
    changes = series_changes(k.data, c.unit).loc[pd.Timestamp(lo):pd.Timestamp(hi)].dropna()
    changes = changes[(changes.index < pd.Timestamp(k.start)) | (changes.index > pd.Timestamp(k.end))]
    hits = changes[(changes - claimed).abs() <= c.precision + EPS]
    if hits.empty:
        return None
    when = min(hits.index, key=lambda ts: min(abs((ts.date() - k.start).days), abs((ts.date() - k.end).days)))
    return Verdict(Label.MISDATED, explain.misdated_change(c, k.s, when, float(hits[when])), "misdated",
                   [k.obs(when, float(hits[when]), "daily change")], None, c.precision)
