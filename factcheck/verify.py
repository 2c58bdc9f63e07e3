"""Judge each claim against the data, per VERDICTS.md, and explain the judgement.

One function per claim kind (level, threshold, range, change, spread, policy decision) and
one per qualifier (record, highest since, N-year high, first time), all reading one
:class:`~factcheck.policy.Policy` and the per-series allowances of the catalog. Every
verdict carries the observations it used, the difference in the claim's unit, the
tolerance and one sentence a reader can check.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta

import pandas as pd

from claims import Claim

from .catalog import Catalog, Series
from .policy import Policy
from .resolve import MIN_CONFIDENCE, Mapping
from .sources.registry import display_name as source_name
from .sources.registry import intraday_source
from .store import SeriesData, Store

EPS = 1e-9


@dataclass
class Observed:
    date: str
    value: float
    source: str
    field: str = "close"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Verdict:
    label: str
    explanation: str
    rule: str
    observed: list[Observed] = field(default_factory=list)
    difference: float | None = None
    tolerance: float | None = None
    qualifiers: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        out = {"label": self.label, "observed": [o.to_dict() for o in self.observed],
               "difference": None if self.difference is None else round(self.difference, 6),
               "tolerance": None if self.tolerance is None else round(self.tolerance, 6),
               "rule": self.rule, "explanation": self.explanation}
        if self.qualifiers:
            out["qualifiers"] = self.qualifiers
        return out


def fmt(value: float, unit: str, signed: bool = False) -> str:
    """A value in its unit for an explanation; ``signed`` for changes ("+6.4 bp")."""
    sign = ("+" if value >= 0 else "-") if signed else ("-" if value < 0 else "")
    a = abs(value)
    if unit == "percent":
        return f"{sign}{a:.2f}%" if signed else (f"{sign}{a:.3f}%".replace(".000%", "%") if a < 1000 else f"{sign}{a:,.1f}%")
    if unit == "bp":
        return f"{sign}{a:.1f} bp"
    if unit == "pp":
        return f"{sign}{a:.2f} pp"
    if unit == "fx":
        return f"{sign}{a:.2f} yen"
    if unit == "points":
        return f"{sign}{a:,.2f}" + (" points" if signed else "")
    return f"{sign}{a:g}"


def _month_bounds(value: str) -> tuple[date, date]:
    y, m = map(int, value.split("-")[:2])
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    y += d.year
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def change_value(unit: str, base, end):
    """The move from ``base`` to ``end`` in the claim's unit (scalars or whole series)."""
    if unit == "percent":
        return (end / base - 1) * 100
    if unit == "bp":
        return (end - base) * 100
    return end - base


def daily_changes(values: pd.Series, unit: str) -> pd.Series:
    """Each close's move over the previous close, in ``unit``."""
    return change_value(unit, values.shift(1), values)


def change_tolerance(c: Claim, s: Series, policy: Policy, base):
    """The allowance for a move (VERDICTS.md rule 2), from the level it started at
    (a scalar, or a series of previous closes when every day is tested at once)."""
    if c.unit == "bp":
        return s.change_allowance_bp or 0.0
    if c.unit == "percent":
        return s.change_allowance_pp if s.change_allowance_pp is not None else policy.yield_percent_change_pp
    if c.unit == "points":
        return abs(base) * policy.index_points_pp / 100
    if c.unit == "fx":
        return s.change_allowance or s.level_allowance(base)
    if c.unit == "pp":
        return (s.change_allowance_bp or 0.0) / 100
    return 0.0


class Verifier:
    def __init__(self, catalog: Catalog, store: Store, policy: Policy):
        self.catalog, self.store, self.policy = catalog, store, policy

    # -- entry -------------------------------------------------------------------------
    def verify(self, c: Claim, m: Mapping, ref: date | None) -> Verdict:
        v = self._verify(c, m, ref)
        if c.date_basis == "own_best_date" and v.label not in ("not_checkable", "unverifiable"):
            v.explanation = (f"No reference date fits the document; checked at this claim's own best date "
                             f"({c.time.value}). " + v.explanation)
        return v

    def _verify(self, c: Claim, m: Mapping, ref: date | None) -> Verdict:
        if not c.checkable:
            return self._not_checkable(c, m, ref)
        if m.series_id is None:
            if m.instrument is not None and m.instrument.tracked:
                return Verdict("unverifiable", f"No data for {m.instrument.name} ({m.instrument.id}): {m.explanation.split('; ', 1)[-1]}.",
                               "no_data")
            if m.instrument is not None:
                return Verdict("unverifiable", f"{m.instrument.name} is a known instrument but no data source for it "
                                               f"is available here{' (' + m.instrument.notes.rstrip('.') + ')' if m.instrument.notes else ''}.",
                               "no_data_source")
            why = m.explanation or "no series"
            cands = f" Candidates: {', '.join(m.candidates)}." if m.candidates else ""
            return Verdict("unverifiable", f"Not mapped to a tracked series: {why}.{cands}", "no_series")
        if m.confidence < MIN_CONFIDENCE:
            return Verdict("unverifiable", f"Ambiguous instrument ({m.explanation}).", "ambiguous")
        if c.time is None or c.time.value is None:
            return Verdict("unverifiable", "No date for this claim: the document's reference date is unknown "
                                           "(give --date).", "no_date")
        if m.spread:
            return self._spread(c, m)
        series = self.catalog.get(m.series_id)
        data = self.store.get(m.series_id)
        if series is None or data is None:
            return Verdict("unverifiable", f"No data for {m.series_id} in the snapshot.", "no_data")
        start, end = self._window(c, ref)
        if start > data.last:
            return Verdict("unverifiable", f"No {series.id} data after {data.last} (claim refers to {c.time.value}); "
                                           "run `factcheck data update`.", "no_data_for_date")
        if end < data.first:
            return Verdict("unverifiable", f"No {series.id} data before {data.first} (claim refers to {c.time.value}).",
                           "no_data_for_date")
        if series.frequency == "decisions" and c.event and not c.from_level:
            return self._decision(c, series, data, start, end)
        if c.kind == "change":
            return self._change(c, series, data, start, end, ref)
        if c.range_low is not None:
            return self._range(c, series, data, start, end)
        if c.threshold or c.extreme:
            return self._threshold(c, series, data, start, end)
        return self._level(c, series, data, start, end)

    def _not_checkable(self, c: Claim, m: Mapping, ref: date | None) -> Verdict:
        kind = c.modality or "forecast"
        horizon = f" for {c.time.value}" if c.time and c.time.value else ""
        v = Verdict("not_checkable", f"A {kind}{horizon}: it states what may happen, not what the data show.",
                    "modality")
        matured = self._matured(c, m)
        if matured is not None:
            obs, text = matured
            v.observed, v.rule = [obs], "matured_forecast"
            v.explanation += " " + text
        return v

    def _matured(self, c: Claim, m: Mapping) -> tuple[Observed, str] | None:
        """A forecast whose horizon the data now cover: say what happened (the label stays
        ``not_checkable``: a forecast was not a statement of fact when it was written)."""
        if c.modality != "forecast" or m.series_id is None or m.spread or c.kind != "level":
            return None
        if c.time is None or not c.time.value or c.time.precision not in ("day", "month", "year"):
            return None
        if c.time.precision == "day":
            end = date.fromisoformat(c.time.value)
        elif c.time.precision == "month":
            end = _month_bounds(c.time.value)[1]
        else:
            end = date(int(c.time.value[:4]), 12, 31)
        data = self.store.get(m.series_id)
        if data is None or data.last < end or data.first > end:
            return None
        found = data.on_or_before(end)
        if found is None:
            return None
        ts, value = found
        s = data.series
        gap = value - c.value
        verdict = "came true" if abs(gap) <= c.precision + s.level_allowance(c.value) + EPS else \
            f"missed by {abs(gap) * (100 if s.unit == 'percent' else 1):.2f}{' bp' if s.unit == 'percent' else ''}"
        text = (f"Matured forecast: at the horizon {source_name(data.source_at(ts))} {s.name} was "
                f"{fmt(value, s.unit)} on {ts.date()}; the forecast {c.text.strip()} {verdict}.")
        return Observed(ts.date().isoformat(), round(value, 6), data.source_at(ts), "at horizon"), text

    def _window(self, c: Claim, ref: date | None) -> tuple[date, date]:
        t = c.time
        lag = self.policy.lag_days
        if t.precision == "day":
            d = date.fromisoformat(t.value)
            if c.since is not None and c.since.value and c.kind == "level":
                s = c.since.value
                start = date.fromisoformat(s) if len(s) == 10 else _month_bounds(s)[0]
                return start, d
            if c.date_basis == "explicit" and t.days and t.role == "point":
                return d - timedelta(days=t.days - 3), d  # "last week": Monday to Friday
            if c.date_basis in ("explicit", "carried") and (ref is None or d != ref):
                return d, d
            return d - timedelta(days=lag), d
        if t.precision == "month":
            a, b = _month_bounds(t.value)
            if ref is not None and a <= ref <= b:
                b = ref
            return a, b
        if t.precision == "year":
            y = int(t.value[:4])
            return date(y, 1, 1), date(y, 12, 31)
        return (ref or date.today()) - timedelta(days=lag), ref or date.today()

    def _frame(self, data: SeriesData, start: date, end: date) -> pd.DataFrame:
        frame = data.window(start, end)
        if frame.empty and start == end:  # an explicit day without a print: the last one before
            frame = data.window(start - timedelta(days=self.policy.lag_days), end)
        return frame

    def _obs(self, data: SeriesData, ts: pd.Timestamp, value: float | None = None, fld: str = "close") -> Observed:
        v = float(data.frame.at[ts, "value"]) if value is None else float(value)
        return Observed(ts.date().isoformat(), round(v, 6), data.source_at(ts), fld)

    def _explicit(self, c: Claim) -> bool:
        return c.date_basis == "explicit" and c.time is not None and bool(c.time.text)

    # -- levels ------------------------------------------------------------------------
    def _level(self, c: Claim, s: Series, data: SeriesData, start: date, end: date) -> Verdict:
        frame = self._frame(data, start, end)
        if frame.empty:
            return Verdict("unverifiable", f"No {s.id} observation between {start} and {end}.", "no_data_for_date")
        values = frame["value"]
        if c.intraday and {"high", "low"} <= set(frame.columns) and frame["high"].notna().any():
            inside = self._intraday_range(c, s, data, frame)
            if inside is not None:
                return inside
        best_ts = (values - c.value).abs().idxmin()
        best = float(values[best_ts])
        diff = c.value - best
        allowance = s.hedge_allowance(c.value) if c.hedge else s.level_allowance(c.value)
        tol = c.precision + allowance
        obs = [self._obs(data, ts) for ts in values.index[-4:]]
        src = source_name(data.source_at(best_ts))
        where = f"{src} {s.name} on {best_ts.date()} was {fmt(best, s.unit)}"
        if abs(diff) <= c.precision + EPS:
            label = "accurate"
            sentence = f"{where}; the stated {c.text.strip()} matches within its precision (±{c.precision:g})."
        elif abs(diff) <= tol + EPS:
            label = "approximately_accurate"
            precision = "" if abs(diff) <= allowance + EPS else f" and the stated precision (±{c.precision:g})"
            sentence = (f"{where}, {self._gap(diff, s)} the stated {c.text.strip()}; within the "
                        f"{self._allow_text(allowance, s, c)} allowance{precision}.")
        else:
            moved = self._misdated_level(c, s, data, start, end, lambda v: abs(c.value - v) <= c.precision + EPS)
            if moved is not None:
                return moved
            label = "inaccurate"
            sentence = (f"{where}, {self._gap(diff, s)} the stated {c.text.strip()}; beyond the "
                        f"{self._allow_text(allowance, s, c)} allowance plus precision.")
        v = Verdict(label, sentence, "level", obs, diff, tol)
        return self._with_qualifiers(c, s, data, best_ts, v)

    def _intraday_range(self, c: Claim, s: Series, data: SeriesData, frame: pd.DataFrame) -> Verdict | None:
        """"surged to 141.68 intraday": a level inside a day's high-low range holds."""
        rows = frame.dropna(subset=["high", "low"])
        allowance = s.hedge_allowance(c.value) if c.hedge else s.level_allowance(c.value)
        bars = intraday_source(x["source"] for x in s.sources) or "intraday bars"
        for slack, label in ((c.precision, "accurate"), (c.precision + allowance, "approximately_accurate")):
            for ts, row in rows.iloc[::-1].iterrows():
                lo, hi = float(row["low"]), float(row["high"])
                if lo - slack - EPS <= c.value <= hi + slack + EPS:
                    extra = "" if label == "accurate" else f", within the {self._allow_text(allowance, s, c)} allowance"
                    return Verdict(label, f"Intraday bars: {s.name} traded between {fmt(lo, s.unit)} and "
                                          f"{fmt(hi, s.unit)} on {ts.date()}; the stated {c.text.strip()} is inside that "
                                          f"range{extra}.", "intraday_range",
                                   [Observed(ts.date().isoformat(), round(lo, 6), bars, "intraday low"),
                                    Observed(ts.date().isoformat(), round(hi, 6), bars, "intraday high")], 0.0,
                                   slack)
        return None

    def _gap(self, diff: float, s: Series) -> str:
        if s.unit == "percent":
            return f"{abs(diff) * 100:.1f} bp {'below' if diff > 0 else 'above'}"
        if s.unit == "fx":
            return f"{abs(diff):.2f} yen {'below' if diff > 0 else 'above'}"
        return f"{abs(diff):,.2f} points {'below' if diff > 0 else 'above'}"

    @staticmethod
    def _allow_text(allowance: float, s: Series, c: Claim) -> str:
        hedge = f" hedge ('{c.hedge}')" if c.hedge else " basis"
        if s.unit == "percent":
            return f"{allowance * 100:g} bp{hedge}"
        if s.unit == "fx":
            return f"{allowance:.2f} yen{hedge}"
        return f"{allowance:,.1f} point{hedge}"

    def _range(self, c: Claim, s: Series, data: SeriesData, start: date, end: date) -> Verdict:
        frame = self._frame(data, start, end)
        if frame.empty:
            return Verdict("unverifiable", f"No {s.id} observation between {start} and {end}.", "no_data_for_date")
        values = frame["value"]
        lo, hi = sorted((c.range_low, c.range_high))
        prec = c.precision
        vmin, vmax = float(values.min()), float(values.max())
        obs = [self._obs(data, values.idxmin(), fld="min"), self._obs(data, values.idxmax(), fld="max")]
        text = (f"{source_name(data.source_at(values.idxmin()))} {s.name} from {values.index[0].date()} to "
                f"{values.index[-1].date()} ranged {fmt(vmin, s.unit)} to {fmt(vmax, s.unit)}; stated range "
                f"{fmt(lo, s.unit)} to {fmt(hi, s.unit)}")
        out = max(lo - vmin, vmax - hi, 0.0)
        allowance = s.level_allowance(c.value)
        if out <= prec + EPS:
            return Verdict("accurate", text + ": inside.", "range", obs, out, prec)
        if out <= prec + allowance + EPS:
            return Verdict("approximately_accurate", text + f": outside by {self._gap(-out, s).split(' ')[0]}, "
                           "within the basis allowance.", "range", obs, out, prec + allowance)
        return Verdict("inaccurate", text + ": the data left the range.", "range", obs, out, prec + allowance)

    @staticmethod
    def _effective_direction(c: Claim, s: Series) -> int:
        """The move in the series' own terms (``factcheck.api.orient`` has already turned
        "the yen weakened" into dollar-yen up)."""
        return c.direction

    def _threshold(self, c: Claim, s: Series, data: SeriesData, start: date, end: date) -> Verdict:
        frame = self._frame(data, start, end)
        if frame.empty:
            return Verdict("unverifiable", f"No {s.id} observation between {start} and {end}.", "no_data_for_date")
        kind = c.threshold
        if kind in (None, "directional"):
            direction = self._effective_direction(c, s)
            if direction == 0:  # "touched 140.7": a low if that is below where the market was
                direction = -1 if c.value < float(frame["value"].iloc[-1]) else 1
            kind = "at_most" if direction < 0 else "at_least"
        use_intraday = c.intraday and {"high", "low"} <= set(frame.columns) and frame["high"].notna().any()
        col = ("high" if kind == "at_least" else "low") if use_intraday else "value"
        series = frame[col].dropna()
        if series.empty:
            series, col = frame["value"], "value"
        ext_ts = series.idxmax() if kind == "at_least" else series.idxmin()
        ext = float(series[ext_ts])
        short = (c.value - ext) if kind == "at_least" else (ext - c.value)  # >0: the claim overshoots
        # "above 4%" is a line, not a rounded reading; "hit 1.59%" is a reading (±precision)
        # "above 4%" / "touched 4%" name a line; "hit 1.59%" is a rounded reading (±precision)
        prec = c.precision if c.extreme and not c.threshold and c.decimals > 0 else 0.0
        allowance = s.hedge_allowance(c.value) if c.hedge else s.level_allowance(c.value)
        fld = {"value": "close", "high": "intraday high", "low": "intraday low"}[col]
        obs = [self._obs(data, ext_ts, ext, fld)]
        words = "at or above" if kind == "at_least" else "at or below"
        where = (f"{source_name(data.source_at(ext_ts))} {s.name} {'high' if kind == 'at_least' else 'low'} "
                 f"{'(intraday) ' if col != 'value' else ''}between {series.index[0].date()} and "
                 f"{series.index[-1].date()} was {fmt(ext, s.unit)} on {ext_ts.date()}")
        if short <= prec + EPS:
            v = Verdict("accurate", f"{where}: {words} {c.text.strip()}, as stated.", "threshold", obs,
                        -short if kind == "at_least" else short, prec)
        elif short <= prec + allowance + EPS:
            v = Verdict("approximately_accurate", f"{where}: short of {c.text.strip()} by "
                        f"{self._gap(short, s).rsplit(' ', 1)[0]}, within the {self._allow_text(allowance, s, c)} allowance.",
                        "threshold", obs, -short, prec + allowance)
        else:
            test = (lambda v: v >= c.value - prec - EPS) if kind == "at_least" else \
                (lambda v: v <= c.value + prec + EPS)
            moved = self._misdated_level(c, s, data, start, end, test)
            if moved is not None:
                return moved
            v = Verdict("inaccurate", f"{where}: never {words} {c.text.strip()}.", "threshold", obs, -short,
                        prec + allowance)
        return self._with_qualifiers(c, s, data, ext_ts, v, kind=kind)

    def _misdated_level(self, c: Claim, s: Series, data: SeriesData, start: date, end: date, test) -> Verdict | None:
        """A value wrong for the stated time but right for the same series nearby."""
        if not self._explicit(c):
            return None
        if c.time.precision == "day":
            lo, hi = start - timedelta(days=10), end + timedelta(days=10)
        else:
            months = self.policy.misdated_window_months
            lo, hi = _add_months(start, -months), _add_months(end, months)
        values = data.window(lo, hi)["value"]
        hits = values[values.map(test)]
        hits = hits[(hits.index < pd.Timestamp(start)) | (hits.index > pd.Timestamp(end))]
        if hits.empty:
            return None
        nearest = min(hits.index, key=lambda ts: min(abs((ts.date() - start).days), abs((ts.date() - end).days)))
        after = hits[hits.index > pd.Timestamp(end)]
        first_after = after.index[0] if not after.empty else None
        when = first_after if first_after is not None and "first" in " ".join(q.label for q in c.qualifiers) else nearest
        stated = self._stated_window(data, start, end)
        return Verdict("misdated", f"{c.text.strip()} is right for {s.name} on {when.date()} "
                                   f"({fmt(float(values[when]), s.unit)}, {source_name(data.source_at(when))}), "
                                   f"not for {c.time.value} as stated{stated}.", "misdated",
                       [self._obs(data, when)], None, c.precision)

    def _stated_window(self, data: SeriesData, start: date, end: date) -> str:
        frame = data.window(start, end)["value"]
        if frame.empty:
            return ""
        if start == end or len(frame) == 1:
            return f" (then {fmt(float(frame.iloc[-1]), data.series.unit)})"
        return f" (then {fmt(float(frame.min()), data.series.unit)} to {fmt(float(frame.max()), data.series.unit)})"

    # -- qualifiers ----------------------------------------------------------------------
    def _with_qualifiers(self, c: Claim, s: Series, data: SeriesData, ts: pd.Timestamp, v: Verdict,
                         kind: str | None = None) -> Verdict:
        if v.label not in ("accurate", "approximately_accurate") or not c.qualifiers:
            return v
        worst = None
        for q in c.qualifiers:
            result = self._qualifier(q.label, c, s, data, ts, kind)
            if result is None:
                continue
            v.qualifiers.append(result)
            v.explanation += " " + result["explanation"]
            if result["holds"] is False:
                worst = "inaccurate"
            elif result["holds"] == "loosely" and worst is None:
                worst = "approximately_accurate"
        if worst == "inaccurate":
            v.label = "inaccurate"
        elif worst == "approximately_accurate" and v.label == "accurate":
            v.label = "approximately_accurate"
        return v

    def _qualifier(self, q: str, c: Claim, s: Series, data: SeriesData, ts: pd.Timestamp,
                   kind: str | None) -> dict | None:
        name, _, arg = q.partition(":")
        label = f"'{q}'"
        if name.startswith("move_"):
            return self._move_superlative(q, name, arg, c, s, data, ts)
        if s.asset_class == "fx" and c.subject_quote and not name.startswith(("weakest", "strongest")):
            # "the yen's 34-year low" is dollar-yen's 34-year high
            name = name.replace("high", "\0").replace("low", "high").replace("\0", "low")
        if name.startswith(("weakest", "strongest")):
            # a weak currency is a low price, except for the quote currency of a pair
            # ("the yen's weakest since February" = dollar-yen's highest)
            inverted = s.asset_class == "fx" and c.subject_quote
            up = name.startswith("weakest") == inverted
            name = ("highest" if up else "lowest") + "_" + name.split("_", 1)[1]
        high = not (name.startswith("lowest") or name.endswith("_low") or name == "record_low")
        values = data.values
        extreme_column = "high" if high else "low"
        if c.extreme and extreme_column in data.frame.columns:
            # "rose as high as 159.45 yen, its strongest since July 2024": an intraday peak
            # is compared with earlier intraday peaks, where the source has them
            peaks = data.frame[extreme_column].dropna()
            if ts in peaks.index:
                values = peaks
        x = float(values[ts])
        prior = values[values.index < ts]
        # the current episode (the rate unchanged since the hike, a plateau of equal
        # closes) is not its own precedent: "highest since" looks before it
        run_start = ts
        for prev_ts, prev_v in zip(reversed(prior.index), reversed(prior.values)):
            if abs(float(prev_v) - x) > EPS:
                break
            run_start = prev_ts
        before_run = prior[prior.index < run_start]
        first = values.index[0].date()
        if name in ("record_high", "record_low"):
            if prior.empty:
                return None
            ref_ts = prior.idxmax() if high else prior.idxmin()
            ref_v = float(prior[ref_ts])
            holds = x >= ref_v - EPS if high else x <= ref_v + EPS
            allowance = s.level_allowance(x)
            loose = abs(x - ref_v) <= allowance
            state = True if holds else ("loosely" if loose else False)
            return {"qualifier": q, "holds": state,
                    "explanation": f"Record check: previous {'high' if high else 'low'} {fmt(ref_v, s.unit)} on "
                                   f"{ref_ts.date()} (data from {first}); {'a record' if holds else 'not a record'}."}
        if name in ("highest_since", "lowest_since", "first_time_since"):
            if name == "first_time_since":
                if kind is None:
                    return None
                earlier = prior[prior >= c.value - EPS] if kind == "at_least" else prior[prior <= c.value + EPS]
            else:
                earlier = before_run[before_run >= x - EPS] if high else before_run[before_run <= x + EPS]
            if earlier.empty:
                if first.year >= int(arg[:4]):
                    return {"qualifier": q, "holds": None,
                            "explanation": f"The data start {first}, after {arg[:4]}: {label} cannot be checked; "
                                           f"nothing {'higher' if high else 'lower'} since then."}
                return {"qualifier": q, "holds": "loosely",
                        "explanation": f"No {'higher' if high else 'lower'} value in the data since {first}: "
                                       f"stronger than {label} claims."}
            last_ts = earlier.index[-1]
            stated = arg
            got = f"{last_ts.year}" if len(arg) == 4 else f"{last_ts.year}-{last_ts.month:02d}"
            if got == stated:
                state = True
            else:
                gap_years = last_ts.year - int(arg[:4])
                if len(arg) > 4:
                    gap_months = (last_ts.year * 12 + last_ts.month) - (int(arg[:4]) * 12 + int(arg[5:7]))
                    state = "loosely" if abs(gap_months) <= 2 else False
                else:
                    state = "loosely" if abs(gap_years) <= self.policy.loose_years else False
            return {"qualifier": q, "holds": state,
                    "explanation": f"Last {'higher-or-equal' if high else 'lower-or-equal'} value before "
                                   f"{ts.date()}: {fmt(float(earlier.iloc[-1]), s.unit)} on {last_ts.date()}"
                                   f"{'' if state is True else f' ({label} holds only loosely)' if state == 'loosely' else f' ({label} fails)'}."}
        if name in ("n_year_high", "n_year_low", "highest_in_years", "lowest_in_years", "multi_decade_high",
                    "multi_decade_low", "n_month_high", "n_month_low", "n_week_high", "n_week_low",
                    "highest_in_months", "lowest_in_months", "highest_in_weeks", "lowest_in_weeks"):
            # "a six-month high" holds when nothing was higher for six months, give or take
            # half a month (a quarter of a year for years, half a week for weeks); it holds
            # loosely when the last higher value is one period short
            per = "month" if "month" in name else "week" if "week" in name else "year"
            unit_years, slack = {"year": (1.0, 0.25), "month": (1 / 12, 0.5), "week": (7 / 365.25, 0.5)}[per]
            count = self.policy.multi_decade_years if name.startswith("multi") else int(arg)
            years = count * unit_years
            earlier = before_run[before_run >= x - EPS] if high else before_run[before_run <= x + EPS]
            span_years = (ts.date() - first).days / 365.25
            if earlier.empty:
                if span_years < years:
                    return {"qualifier": q, "holds": None,
                            "explanation": f"The data start {first}, too late to check {label}."}
                return {"qualifier": q, "holds": True, "explanation": f"Nothing {'higher' if high else 'lower'} since the data start ({first})."}
            last_ts = earlier.index[-1]
            back = (ts - last_ts).days / 365.25
            if name.startswith("multi"):
                state = True if back >= years else False
            else:
                state = True if years <= back + slack * unit_years else (
                    "loosely" if back >= years - unit_years else False)
            ago = f"{back:.1f} years" if per == "year" else f"{back / unit_years:.1f} {per}s"
            return {"qualifier": q, "holds": state,
                    "explanation": f"Last {'higher-or-equal' if high else 'lower-or-equal'} value: "
                                   f"{fmt(float(earlier.iloc[-1]), s.unit)} on {last_ts.date()}, {ago} earlier."}
        if name == "first_time":
            if kind is None:
                return None
            earlier = prior[prior >= c.value - EPS] if kind == "at_least" else prior[prior <= c.value + EPS]
            earlier = earlier[earlier.index < pd.Timestamp(self._window_start(c, ts))]
            if earlier.empty:
                return {"qualifier": q, "holds": True, "explanation": f"No earlier close beyond {c.text.strip()} "
                                                                      f"(data from {first})."}
            return {"qualifier": q, "holds": False,
                    "explanation": f"Not the first time: {fmt(float(earlier.iloc[-1]), s.unit)} on "
                                   f"{earlier.index[-1].date()}."}
        return None

    def _move_superlative(self, q: str, name: str, arg: str, c: Claim, s: Series, data: SeriesData,
                          ts: pd.Timestamp) -> dict | None:
        """"its biggest point decline on record", "the worst day since 1987", "the sharpest
        rise in 15 years": the day's move against every earlier day's move, in the claim's unit."""
        if c.kind != "change" or c.since is not None or c.unit not in ("percent", "bp", "points", "fx"):
            return None
        changes = daily_changes(data.values, c.unit).dropna()
        if ts not in changes.index:
            return None
        down = "_down_" in name
        if s.asset_class == "fx" and c.subject_quote:
            down = not down  # "the yen's biggest gain since 1998" is dollar-yen's biggest fall
        x = float(changes[ts])
        if (x < 0) != down:
            return {"qualifier": q, "holds": False,
                    "explanation": f"The day's move was {self._fmt_change(x, c.unit)}, not a {'fall' if down else 'rise'}."}
        prior = changes[changes.index < ts]
        beyond = prior[prior <= x + EPS] if down else prior[prior >= x - EPS]
        first = changes.index[0].date()
        word = "fall" if down else "rise"
        if beyond.empty:
            return {"qualifier": q, "holds": True,
                    "explanation": f"No bigger one-day {word} in the data (from {first})."}
        last_ts = beyond.index[-1]
        last = f"{self._fmt_change(float(beyond.iloc[-1]), c.unit)} on {last_ts.date()}"
        if name.endswith("_record"):
            state = False
        elif name.endswith("_since"):
            gap = last_ts.year - int(arg[:4])
            state = True if gap == 0 else ("loosely" if abs(gap) <= self.policy.loose_years else False)
        else:  # in_years
            back = (ts - last_ts).days / 365.25
            state = True if int(arg) <= back + 0.25 else ("loosely" if back >= int(arg) - 1 else False)
        verdict = "" if state is True else " ('" + q + "' holds only loosely)" if state == "loosely" else f" ('{q}' fails)"
        return {"qualifier": q, "holds": state,
                "explanation": f"Last one-day {word} at least as big: {last}{verdict}."}

    @staticmethod
    def _window_start(c: Claim, ts: pd.Timestamp) -> date:
        if c.time is not None and c.time.precision == "month":
            return _month_bounds(c.time.value)[0]
        return ts.date()

    # -- changes -----------------------------------------------------------------------
    def _change(self, c: Claim, s: Series, data: SeriesData, start: date, end: date, ref: date | None) -> Verdict:
        if c.time.precision in ("month", "year") and c.since is None:
            return self._change_in_month(c, s, data, start, end)
        end_obs = data.on_or_before(end)
        if end_obs is None or end_obs[0].date() < start - timedelta(days=self.policy.lag_days):
            return Verdict("unverifiable", f"No {s.id} observation near {end}.", "no_data_for_date")
        end_ts, end_v = end_obs
        base = self._base(c, data, end_ts)
        if isinstance(base, Verdict):
            return base
        base_ts, base_v = base
        actual = change_value(c.unit, base_v, end_v)
        tol = change_tolerance(c, s, self.policy, base_v)
        obs = [self._obs(data, base_ts), self._obs(data, end_ts)]
        move = (f"{source_name(data.source_at(end_ts))} {s.name} {fmt(base_v, s.unit)} on {base_ts.date()} -> "
                f"{fmt(end_v, s.unit)} on {end_ts.date()}: {self._fmt_change(actual, c.unit)}")
        if c.threshold in ("at_least", "at_most") and not c.hedge:
            mag_ok = abs(actual) >= abs(c.value) - c.precision if c.threshold == "at_least" else abs(actual) <= abs(c.value) + c.precision
            same_sign = (actual >= 0) == (c.value >= 0) or c.direction == 0
            if mag_ok and same_sign:
                return Verdict("accurate", f"{move}; {c.threshold.replace('_', ' ')} {c.text.strip()} holds.",
                               "change_threshold", obs, c.value - actual, c.precision)
            return Verdict("inaccurate", f"{move}; {c.threshold.replace('_', ' ')} {c.text.strip()} fails.",
                           "change_threshold", obs, c.value - actual, c.precision)
        claimed = c.value
        if c.direction == 0 and c.unit in ("fx", "points", "bp", "percent") and actual < 0 and c.value > 0:
            # no direction word ("That's 10 yen in four weeks"): the sign nearer the data
            claimed = c.value if abs(actual - c.value) < abs(actual + c.value) else -c.value
        diff = claimed - actual
        if abs(diff) <= c.precision + EPS:
            label, note = "accurate", "matches within the stated precision"
        elif abs(diff) <= c.precision + tol + EPS:
            label, note = "approximately_accurate", f"within the {self._fmt_change(tol, c.unit, sign=False)} allowance"
        else:
            label, note = "inaccurate", f"off by {self._fmt_change(abs(diff), c.unit, sign=False)}, beyond the allowance"
        v = Verdict(label, f"{move} against the stated {self._fmt_change(claimed, c.unit)}; {note}.", "change", obs,
                    diff, c.precision + tol)
        if label == "inaccurate" and self._explicit(c):
            moved = self._misdated_change(c, s, data, start, end, claimed, tol)
            if moved is not None:
                return moved
        return self._with_qualifiers(c, s, data, end_ts, v) if c.qualifiers else v

    def _base(self, c: Claim, data: SeriesData, end_ts: pd.Timestamp):
        values = data.values
        if c.from_record:
            prior = values[values.index < end_ts]
            ts = prior.idxmax()
            return ts, float(prior[ts])
        since = c.since
        if since is not None:
            if since.sessions:
                idx = values.index.get_loc(end_ts) - since.sessions
                if idx < 0:
                    return Verdict("unverifiable", "Not enough data before the period.", "no_data_for_date")
                return values.index[idx], float(values.iloc[idx])
            if since.days:
                found = data.on_or_before(end_ts.date() - timedelta(days=since.days))
            elif since.value and since.role == "since_event":
                found = data.before(date.fromisoformat(since.value))  # from just before the event
            elif since.value and len(since.value) == 10:
                found = data.on_or_before(date.fromisoformat(since.value))
            elif since.value and len(since.value) == 7:
                found = data.before(_month_bounds(since.value)[0])
            elif since.value and len(since.value) == 4:
                found = data.before(date(int(since.value), 1, 1))
            else:
                found = None
            if found is None:
                return Verdict("unverifiable", f"Could not place the start of the period ('{since.text}').",
                               "unresolved_period")
            return found
        if c.since_text:
            peak = self._since_month_extreme(c, data, end_ts)
            if peak is not None:
                return peak
            return Verdict("unverifiable", f"Could not place the start of the period ('{c.since_text}').",
                           "unresolved_period")
        if c.time is not None and c.time.days and c.time.role == "point":  # "fell 10 bp last week"
            found = data.on_or_before(end_ts.date() - timedelta(days=c.time.days))
            if found is not None:
                return found
        if c.time is not None and c.time.sessions and c.time.sessions > 1:
            idx = values.index.get_loc(end_ts) - c.time.sessions
            return values.index[idx], float(values.iloc[idx])
        found = data.before(end_ts.date())
        if found is None:
            return Verdict("unverifiable", "No earlier observation to compare with.", "no_data_for_date")
        return found

    MONTH_EXTREME = re.compile(r"since (?:its|the) (?P<mon>January|February|March|April|May|June|July|August|"
                               r"September|October|November|December) (?P<what>record|peak|high|low|trough)", re.I)

    def _since_month_extreme(self, c: Claim, data: SeriesData, end_ts: pd.Timestamp):
        """"lost 12% since its February record": from the highest close of that month (the
        lowest for "low"/"trough"), the most recent such month before the claim."""
        m = self.MONTH_EXTREME.search(c.since_text or "")
        if not m:
            return None
        month = datetime.strptime(m.group("mon")[:3], "%b").month
        year = end_ts.year if month < end_ts.month else end_ts.year - 1
        window = data.window(date(year, month, 1), _month_bounds(f"{year}-{month:02d}")[1])["value"]
        if window.empty:
            return None
        ts = window.idxmin() if m.group("what").lower() in ("low", "trough") else window.idxmax()
        return ts, float(window[ts])

    def _change_in_month(self, c: Claim, s: Series, data: SeriesData, start: date, end: date) -> Verdict:
        """A move dated by a month or year: the change over that whole period ("gained 5% in
        September", "rose 20% in 2025") or one day's move in it ("the 12.4% crash in
        September"), whichever the data bear out."""
        base = data.before(start)
        last = data.on_or_before(end)
        if base is not None and last is not None and last[0].date() >= start:
            whole = change_value(c.unit, base[1], last[1])
            tol = change_tolerance(c, s, self.policy, base[1])
            if abs(c.value - whole) <= c.precision + tol + EPS:
                label = "accurate" if abs(c.value - whole) <= c.precision + EPS else "approximately_accurate"
                return Verdict(label, f"{source_name(data.source_at(last[0]))} {s.name} {fmt(base[1], s.unit)} on "
                                      f"{base[0].date()} -> {fmt(last[1], s.unit)} on {last[0].date()}: "
                                      f"{self._fmt_change(whole, c.unit)} over {c.time.value}, against the stated "
                                      f"{self._fmt_change(c.value, c.unit)}.", "change_over_period",
                               [self._obs(data, base[0]), self._obs(data, last[0])], c.value - whole, c.precision + tol)
        changes = daily_changes(data.values, c.unit).dropna()
        in_month = changes.loc[pd.Timestamp(start):pd.Timestamp(end)]
        if in_month.empty:
            return Verdict("unverifiable", f"No {s.id} data in {c.time.value}.", "no_data_for_date")
        best_ts = (in_month - c.value).abs().idxmin()
        best = float(in_month[best_ts])
        tol = change_tolerance(c, s, self.policy, float(data.values[best_ts]))
        diff = c.value - best
        obs = [self._obs(data, best_ts, best, "daily change")]
        if abs(diff) <= c.precision + tol + EPS:
            label = "accurate" if abs(diff) <= c.precision + EPS else "approximately_accurate"
            return Verdict(label, f"{source_name(data.source_at(best_ts))} {s.name} moved "
                                  f"{self._fmt_change(best, c.unit)} on {best_ts.date()}, in {c.time.value} as stated.",
                           "change", obs, diff, c.precision + tol)
        moved = self._misdated_change(c, s, data, start, end, c.value, tol)
        if moved is not None:
            return moved
        return Verdict("inaccurate", f"No daily move of {self._fmt_change(c.value, c.unit)} in {s.name} in "
                                     f"{c.time.value}; the closest was {self._fmt_change(best, c.unit)} on {best_ts.date()}.",
                       "change", obs, diff, c.precision + tol)

    def _misdated_change(self, c: Claim, s: Series, data: SeriesData, start: date, end: date, claimed: float,
                         tol: float) -> Verdict | None:
        if c.since is not None or c.from_record:
            return None
        months = self.policy.misdated_window_months
        lo, hi = (start - timedelta(days=10), end + timedelta(days=10)) if c.time.precision == "day" else \
            (_add_months(start, -months), _add_months(end, months))
        changes = daily_changes(data.values, c.unit).loc[pd.Timestamp(lo):pd.Timestamp(hi)].dropna()
        changes = changes[(changes.index < pd.Timestamp(start)) | (changes.index > pd.Timestamp(end))]
        hits = changes[(changes - claimed).abs() <= c.precision + EPS]
        if hits.empty:
            return None
        when = min(hits.index, key=lambda ts: min(abs((ts.date() - start).days), abs((ts.date() - end).days)))
        return Verdict("misdated", f"A move of {self._fmt_change(float(hits[when]), c.unit)} in {s.name} happened on "
                                   f"{when.date()}, not in {c.time.value} as stated.", "misdated",
                       [self._obs(data, when, float(hits[when]), "daily change")], None, c.precision)

    @staticmethod
    def _fmt_change(v: float, unit: str, sign: bool = True) -> str:
        return fmt(v, unit, signed=True) if sign else fmt(v, unit, signed=True).lstrip("+-")

    # -- policy decisions --------------------------------------------------------------
    def _decision(self, c: Claim, s: Series, data: SeriesData, start: date, end: date) -> Verdict:
        table = self.store.decisions(s.id)
        rows = []
        prev_rate = None
        for _, r in table.iterrows():
            rows.append((r["announced"], r["effective"], float(r["rate_percent"]), prev_rate))
            prev_rate = float(r["rate_percent"])

        def in_window(r, a: date, b: date) -> bool:
            days = [d.date() for d in (r[0], r[1]) if not pd.isna(d)]
            return any(a <= d <= b for d in days)

        def describe(r) -> str:
            ann = "" if pd.isna(r[0]) else f"announced {r[0].date()}, "
            return f"{ann}effective {r[1].date()}"

        def matches(r) -> bool:
            if c.kind == "change":
                if r[3] is None:
                    return False
                move = (r[2] - r[3]) * (100 if c.unit == "bp" else 1)
                return abs(move - c.value) <= c.precision + EPS
            return abs(r[2] - c.value) <= c.precision + EPS

        if self._explicit(c) or c.time.precision != "day":
            a, b = start, end
        else:
            a, b = start - timedelta(days=self.policy.lag_days), end
        here = [r for r in rows if in_window(r, a, b)]
        what = self._fmt_change(c.value, c.unit) if c.kind == "change" else fmt(c.value, "percent")
        for r in here:
            if matches(r):
                obs = [Observed(r[1].date().isoformat(), r[2], "boj_decisions", "decision")]
                move = f" (from {fmt(r[3], 'percent')})" if r[3] is not None else ""
                return Verdict("accurate", f"{s.name}: decision to {fmt(r[2], 'percent')}{move}, {describe(r)}; "
                                           f"matches the stated {what}.", "policy_decision", obs, 0.0, c.precision)
        months = self.policy.misdated_window_months
        lo, hi = _add_months(start, -months), _add_months(end, months)
        elsewhere = [r for r in rows if in_window(r, lo, hi) and matches(r) and r not in here]
        if elsewhere:
            r = min(elsewhere, key=lambda r: abs((r[1].date() - start).days))
            obs = [Observed(r[1].date().isoformat(), r[2], "boj_decisions", "decision")]
            then = ", ".join(f"{fmt(x[2], 'percent')} ({describe(x)})" for x in here) or "no decision"
            return Verdict("misdated", f"{s.name}: the move to {fmt(r[2], 'percent')} was {describe(r)}, not "
                                       f"{c.time.value} as stated (then: {then}).", "policy_decision", obs, None, c.precision)
        if not here and c.kind == "level":
            in_force = data.on_or_before(end)
            if in_force is not None and abs(in_force[1] - c.value) <= c.precision + EPS and not self._explicit(c):
                return Verdict("accurate", f"{s.name} in force on {in_force[0].date()}: {fmt(in_force[1], 'percent')}.",
                               "policy_in_force", [self._obs(data, in_force[0])], 0.0, c.precision)
        then = ", ".join(f"{fmt(x[2], 'percent')} ({describe(x)})" for x in here) or "no decision in that period"
        in_force = data.on_or_before(end)
        extra = f"; rate in force on {end}: {fmt(in_force[1], 'percent')}" if in_force else ""
        return Verdict("inaccurate", f"{s.name}: {then}{extra}; the stated {what} does not match.", "policy_decision",
                       [Observed(x[1].date().isoformat(), x[2], "boj_decisions", "decision") for x in here], None,
                       c.precision)

    # -- spreads -----------------------------------------------------------------------
    def _spread(self, c: Claim, m: Mapping) -> Verdict:
        a_id, b_id = m.spread
        a, b = self.store.get(a_id), self.store.get(b_id)
        sa, sb = self.catalog.get(a_id), self.catalog.get(b_id)
        if a is None or b is None:
            return Verdict("unverifiable", f"No data for {a_id} or {b_id}.", "no_data")
        d = date.fromisoformat(c.time.value) if c.time.precision == "day" else _month_bounds(c.time.value)[1]
        start = d if c.date_basis == "explicit" else d - timedelta(days=self.policy.lag_days)
        joined = pd.concat([a.window(start, d)["value"], b.window(start, d)["value"]], axis=1, keys=["a", "b"], sort=True).dropna()
        if joined.empty:
            last = min(a.last, b.last)
            return Verdict("unverifiable", f"No day with both {a_id} and {b_id} between {start} and {d}"
                                           f"{f' (data end {last})' if d > last else ''}.", "no_data_for_date")
        scale = 100 if c.unit == "bp" else 1
        spread = (joined["a"] - joined["b"]) * scale
        if c.value > 0 and (spread < 0).all():
            spread = -spread  # "a gap of 200 bp" states the size of the difference
        best_ts = (spread - c.value).abs().idxmin()
        best = float(spread[best_ts])
        tol = (sa.level_allowance(0) + sb.level_allowance(0)) * scale
        diff = c.value - best
        obs = [self._obs(a, best_ts), self._obs(b, best_ts)]
        text = (f"On {best_ts.date()} {sa.name} {fmt(float(joined.at[best_ts, 'a']), 'percent')} minus {sb.name} "
                f"{fmt(float(joined.at[best_ts, 'b']), 'percent')} = {best:.1f} {'bp' if scale == 100 else 'pp'}")
        if abs(diff) <= c.precision + EPS:
            return Verdict("accurate", text + f"; matches the stated {c.text.strip()}.", "spread", obs, diff, c.precision)
        if abs(diff) <= c.precision + tol + EPS:
            return Verdict("approximately_accurate", text + f"; within the {tol:g} bp allowance of both legs.",
                           "spread", obs, diff, c.precision + tol)
        return Verdict("inaccurate", text + f"; {abs(diff):.1f} bp from the stated {c.text.strip()}.", "spread", obs,
                       diff, c.precision + tol)

