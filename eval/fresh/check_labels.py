#!/usr/bin/env python3
"""Re-check the labels of eval/fresh against ../shared/market-data/raw.

Standard library only (the data readers are in mdata.py beside this file).

What it does, for every labelled claim in gold.jsonl:

1. Format: the fields GOLD.md asks for, legal kinds/units/verdicts, the literal found in the
   text at the given occurrence, and no claim span shared by two labels.
2. Citations: every data value quoted in a `note` ("MoF 10Y 2025-03-14 = 1.523",
   "FRED DEXJPUS 2024-04-30 = 157.54", "Yahoo USDJPY 2024-04-29 high = 159.96",
   "N225 close ...", "TOPIX ...", "EIA Brent ...", "LBMA gold ...", "BoJ CSV 2024-07-31 = 0.25",
   ...) is read again from the raw files and must match to the stated decimals; a computed
   move in brackets after "A -> B" ("(+1.24%, ...)", "(-4.6bp)", "(+2.10 yen)") is recomputed.
3. Verdict: where it can, the script works the verdict out from the data on its own (not from
   the note): levels and day moves against closes, intraday words against Yahoo highs/lows,
   threshold words one-sided, hedges, ranges, policy-rate step series (decision vs effective
   dates, FRED's next-day target range), period moves from the "A -> B" endpoints the note
   names, and "record" / "highest since ..." qualifiers on levels. When its coarse verdict
   (supported / refuted) is not one the gold allows, it prints the claim, unless the claim is
   in REVIEWED below with the reason a person checked it by hand.

Exit status 1 when a citation disagrees with the data, a format check fails, or a verdict
disagreement is not reviewed. The last lines list the claims whose verdict it cannot
recompute (forecasts, money amounts, instruments without data, ...) and why.

    python3 eval/fresh/check_labels.py [--verbose]
"""
from __future__ import annotations

import calendar
import json
import os
import re
import sys
from datetime import date, timedelta

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mdata as m  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))

LABELS = {"accurate", "approximately_accurate", "misdated", "inaccurate", "unverifiable", "not_checkable"}
UNITS = {"percent", "bp", "pp", "points", "fx", "count"}
KINDS = {"level", "change", "spread"}
SUPPORTED = {"accurate", "approximately_accurate"}
REFUTED = {"inaccurate", "misdated"}

# Claims whose verdict was decided by hand because the automatic rules here are too coarse
# for them. Key: (doc, value_text, occurrence). Each reason is checked against the data in the
# claim's note (the citations there are verified like all others).
REVIEWED = {
    ("f01", "160.2 yen", 1): "'strongest since 1990' on an intraday peak: the strict rule runs on the noon fix "
                             "(156.71, after the drop) and fails; on the Yahoo high 159.96 the last higher fix was "
                             "1986-12-24 and the 1990 high fix was 159.90, so the qualifier holds only loosely",
    ("f14", "-4.6%", 1): "the move is right but 'worst quarter since 2020' is false: the quarterly closes in the note "
                         "(Q2 2022 -16.45%, Q3 2022 -5.28%) were worse; quarter qualifiers are not recomputed here",
    ("f27", "5.1%", 1): "the move is right but 'worst month since 2022' is false: March 2025 (-5.75%, endpoints in the "
                        "note) was worse; month qualifiers are not recomputed here",
    ("f28", "37,834.25", 1): "the level is right but 'its lowest close in a month' is false: the note's N225 close "
                             "2025-06-06 = 37,741.61 is lower and only a week earlier ('in a month' is not parsed here)",
}


# ----------------------------------------------------------------------------------------
# 2. citations
# ----------------------------------------------------------------------------------------
NUM = r"(-?[\d,]+(?:\.\d+)?)"
DATE = r"(\d{4}-\d{2}-\d{2})"
CITE = re.compile(
    r"(?P<src>MoF (?P<tenor>\d+Y)|FRED (?P<fred>[A-Z0-9]+)|N225 close|TOPIX|EIA Brent|EIA WTI|LBMA gold|"
    r"Cboe VIX|DJIA|BoJ CSV|Yahoo (?P<ysym>N225|USDJPY|SPX|NDQ) )"
    r"\s?" + DATE + r"(?: (?P<field>open|high|low|close))? = " + NUM)
FRED_KEYS = {"DGS10", "DGS2", "DGS30", "DGS5", "DEXJPUS", "DFF", "DFEDTARU", "DFEDTARL", "SP500",
             "NASDAQCOM", "DEXUSEU", "NIKKEI225"}


def decimals(s):
    return len(s.split(".")[1]) if "." in s else 0


def cited_value(mt):
    """The data value a citation refers to, or raise KeyError with a reason."""
    d = mt.group(6) if False else None
    src = mt.group("src").strip()
    day = re.search(DATE, mt.group(0)).group(1)
    field = mt.group("field")
    if src.startswith("MoF"):
        return m.get("mof:" + mt.group("tenor"), day)
    if src.startswith("FRED"):
        key = mt.group("fred")
        if key not in FRED_KEYS:
            raise KeyError(f"unknown FRED series {key}")
        key = {"NASDAQCOM": "NASDAQ"}.get(key, key)
        return m.get(key, day)
    if src.startswith("Yahoo"):
        bar = m.ohlc(mt.group("ysym")).get(day)
        return None if bar is None else bar[field or "close"]
    if src == "BoJ CSV":
        rates = [x["rate"] for x in m.boj_decisions() if day in (x["effective"], x["announced"])]
        return rates[0] if rates else None
    if src == "Cboe VIX":
        bar = m.ohlc("VIX").get(day)
        return None if bar is None else bar[field or "close"]
    key = {"N225 close": "NIKKEI225", "TOPIX": "TOPIX", "EIA Brent": "BRENT", "EIA WTI": "WTI",
           "LBMA gold": "GOLD", "DJIA": "DJIA"}[src]
    return m.get(key, day)


def check_citations(note):
    problems, cites = [], []
    for mt in CITE.finditer(note):
        text_val = mt.group(mt.lastindex) if False else mt.groups()[-1]
        stated = float(text_val.replace(",", ""))
        try:
            actual = cited_value(mt)
        except KeyError as e:
            problems.append(f"cannot read {mt.group(0)!r}: {e}")
            continue
        if actual is None:
            problems.append(f"no data for {mt.group(0)!r}")
            continue
        tol = 0.5 * 10 ** -decimals(text_val) + 1e-9
        if abs(actual - stated) > tol:
            problems.append(f"{mt.group(0)!r}: data says {actual:.6g}")
        cites.append((mt.start(), mt.end(), mt.group(0), actual))
    # computed moves after "A -> B (delta)"
    for i in range(len(cites) - 1):
        a, b = cites[i], cites[i + 1]
        between = note[a[1]:b[0]]
        if between.strip() != "->":
            continue
        tail = note[b[1]:b[1] + 40]
        mt = re.match(r" \(([+-][\d,]*\.?\d+)(%|bp| yen)", tail)
        if not mt:
            continue
        shown = float(mt.group(1).replace(",", ""))
        if mt.group(2) == "%":
            comp = (b[3] / a[3] - 1) * 100
        elif mt.group(2) == "bp":
            comp = (b[3] - a[3]) * 100
        else:
            comp = b[3] - a[3]
        if abs(comp - shown) > 0.5 * 10 ** -decimals(mt.group(1)) + 0.011:
            problems.append(f"move {a[2]} -> {b[2]} shown as {mt.group(1)}{mt.group(2)}, data gives {comp:+.3f}")
    return problems, cites


# ----------------------------------------------------------------------------------------
# 3. independent verdicts
# ----------------------------------------------------------------------------------------
SERIES_KEY = {"ust_2y": "DGS2", "ust_10y": "DGS10", "ust_30y": "DGS30", "usdjpy": "DEXJPUS",
              "nikkei225": "NIKKEI225", "sp500": "SP500", "fed_funds_effective": "DFF",
              "topix": "TOPIX", "brent": "BRENT", "gold": "GOLD", "vix": "VIX", "nasdaq_comp": "NASDAQ",
              "djia": "DJIA", "wti": "WTI"}
OHLC = {"usdjpy": "USDJPY", "nikkei225": "N225", "sp500": "SPX", "vix": "VIX", "nasdaq_comp": "NDQ"}
CITE_SERIES = {"MoF": None, "FRED DGS2": "ust_2y", "FRED DGS10": "ust_10y", "FRED DGS30": "ust_30y",
               "FRED DEXJPUS": "usdjpy", "Yahoo USDJPY": "usdjpy", "N225 close": "nikkei225",
               "Yahoo N225": "nikkei225", "FRED SP500": "sp500", "Yahoo SPX": "sp500", "FRED DFF": "fed_funds_effective",
               "TOPIX": "topix", "EIA Brent": "brent", "LBMA gold": "gold", "Cboe VIX": "vix",
               "FRED NASDAQCOM": "nasdaq_comp", "DJIA": "djia", "EIA WTI": "wti"}

HEDGE = re.compile(r"\b(about|around|roughly|near|nearly|some|close to|almost|approximately|just under|just over|~)\b", re.I)
INTRADAY = re.compile(r"\b(touched|as (?:high|low|much) as|dipped to|climbed to|reached|hit|high|highs|low|lows|"
                      r"earlier|intraday|in (?:Asian|Tokyo|New York) trade|at the open|opens|peaked|spiked|slid to|"
                      r"pushed|printed)\b", re.I)
ABOVE = re.compile(r"\b(above|past|topped|over|through|cleared|exceeded|crossed|broke|more than|first time above)\b", re.I)
BELOW = re.compile(r"\b(below|under|fewer than|less than|just under)\b", re.I)
MONTHS = {name: i for i, name in enumerate(calendar.month_name) if name}


def allowance(series, kind, unit, value):
    s = series or ""
    if kind == "level":
        if s.startswith("jgb_"):
            return 0.05 if int(s[4:-1]) <= 10 else 0.12
        if s.startswith("ust_"):
            return 0.03
        if s == "usdjpy":
            return 1.0
        if s in ("boj_policy_rate", "fed_funds_upper", "fed_funds_effective"):
            return 0.0
        return abs(value) * 0.01
    if unit == "percent":
        return 0.3
    if unit == "bp":
        if s.startswith("jgb_"):
            return 4 if int(s[4:-1]) <= 10 else 8
        if s.startswith("ust_"):
            return 3
        return 0
    if unit == "fx":
        return 1.0
    return 0


def precision(value_text, value):
    nums = re.findall(r"\d[\d,]*(?:\.\d+)?", value_text)
    if nums:
        return 0.5 * 10 ** -decimals(nums[-1])
    v = abs(value)
    return 0.05 if v != int(v) and abs(v * 10 - round(v * 10)) < 1e-9 else (0.005 if v != int(v) else 0.5)


def context(text, start, end):
    a = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start), text.rfind("; ", 0, start))
    b_candidates = [x for x in (text.find("\n", end), text.find(". ", end), text.find("; ", end)) if x >= 0]
    b = min(b_candidates) if b_candidates else len(text)
    return text[a + 1:start], text[end:b]


def closes(series, start, end):
    if series.startswith("jgb_"):
        return m.window("mof:" + series[4:].upper(), start, end)
    return m.window(SERIES_KEY[series], start, end)


def month_bounds(ym):
    y, mo = int(ym[:4]), int(ym[5:7])
    return f"{ym}-01", f"{ym}-{calendar.monthrange(y, mo)[1]:02d}"


def key_of(series):
    return "mof:" + series[4:].upper() if series.startswith("jgb_") else SERIES_KEY[series]


def fed_upper_after(day):
    """FRED dates a new target range the day after the announcement."""
    s = m.series("DFEDTARU")
    for n in (0, 1, 2, 3):
        d = m.shift(day, n)
        if d in s:
            yield d, s[d]


def verdict_policy(c, text_before):
    s, v, dt = c["series"], c["value"], c["date"]
    vt = c["value_text"]
    nums = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", vt)]
    if s == "boj_policy_rate":
        target = max(nums) if len(nums) == 2 else v
        if "minus" in vt:
            target = -abs(target)
        dec = m.boj_decisions()
        if c["kind"] == "change":
            return None, "BoJ change"
        if dt is None:
            ok = any(abs(x["rate"] - target) < 1e-9 for x in dec)
            return ("supported" if ok else "refuted"), "value among BoJ decisions (undated)"
        if len(dt) == 10:
            on = {m.boj_rate_on(dt)} | {x["rate"] for x in dec if x["announced"] == dt}
            return ("supported" if any(abs(r - target) < 1e-9 for r in on) else "refuted"), f"BoJ rate on {dt}: {sorted(on)}"
        lo, hi = month_bounds(dt)
        in_month = [x for x in dec if lo <= (x["announced"] or x["effective"]) <= hi or lo <= x["effective"] <= hi]
        if any(abs(x["rate"] - target) < 1e-9 for x in in_month):
            return "supported", f"BoJ decision in {dt}"
        moved = re.search(r"rais|hik|lift|cut|lower|ended|end of", text_before[-70:], re.I)
        if not in_month and not moved and abs((m.boj_rate_on(hi) or -9) - target) < 1e-9 and abs((m.boj_rate_on(lo) or -9) - target) < 1e-9:
            return "supported", f"BoJ rate in force through {dt}"
        if any(abs(x["rate"] - target) < 1e-9 for x in dec):
            return "refuted", f"BoJ set {target} in another month (misdated)"
        return "refuted", "no such BoJ rate"
    if s == "fed_funds_upper":
        if c["kind"] == "change":
            if not dt or len(dt) != 10:
                return None, "Fed change without a day"
            before = m.get("DFEDTARU", dt)
            after = [x for _, x in fed_upper_after(m.shift(dt, 1))]
            if before is None or not after:
                return None, "no DFEDTARU data"
            move = round((after[0] - before) * (100 if c["unit"] == "bp" else 1), 6)
            return ("supported" if abs(move - v) < 1e-6 else "refuted"), f"DFEDTARU {before} -> {after[0]}"
        upper = max(nums) if nums else v
        lower = min(nums) if len(nums) == 2 else None
        if dt and len(dt) == 10:
            vals = [x for _, x in fed_upper_after(dt)]
            ok = any(abs(x - upper) < 1e-9 for x in vals)
            if ok and lower is not None:
                lows = [m.series("DFEDTARL").get(d) for d, _ in fed_upper_after(dt)]
                ok = any(x is not None and abs(x - lower) < 1e-9 for x in lows)
            return ("supported" if ok else "refuted"), f"DFEDTARU {dt}..+3: {vals}"
        if dt and len(dt) == 7:
            lo, hi = month_bounds(dt)
            prev = m.get("DFEDTARU", m.shift(lo, -1))
            changes = [(d, x) for d, x in m.window("DFEDTARU", lo, m.shift(hi, 1))]
            moved_to = [d for (d, x), (_, y) in zip([(m.shift(lo, -1), prev)] + changes, changes) if abs(y - upper) < 1e-9 and abs(x - upper) > 1e-9]
            if moved_to:
                return "supported", f"DFEDTARU moved to {upper} on {moved_to[0]}"
            return "refuted", f"no move to {upper} in {dt} (misdated if it happened in another month)"
    return None, "policy"


def verdict(c, text, span, published):
    s, kind, unit, v, dt = c["series"], c["kind"], c["unit"], c["value"], c["date"]
    if not c["checkable"]:
        return None, "not checkable (forecast / conditional)"
    if s is None:
        return None, "no series (money amount, tariff, ...)"
    if s in ("boj_policy_rate", "fed_funds_upper"):
        before, _ = context(text, *span)
        return verdict_policy(c, before)
    if not (s.startswith("jgb_") or s in SERIES_KEY):
        return None, f"no data for {s}"
    if kind == "spread":
        return None, "spread"
    before, after = context(text, *span)
    near = before[-60:] + " " + after[:25]
    notes = c["note"]
    vt = c["value_text"]
    prec = precision(vt, v)
    allow = allowance(s, kind, unit, v)
    hedged = bool(HEDGE.search(before[-30:]))
    tol = prec + allow
    if kind == "level":
        if hedged and s in ("usdjpy", "nikkei225", "sp500", "topix", "brent", "gold", "nasdaq_comp"):
            tol = max(tol, prec + abs(v) * 0.02)
        nums = [float(x.replace(",", "")) for x in re.findall(r"\d[\d,]*(?:\.\d+)?", vt)]
        is_range = len(nums) == 2 and re.search(r"\d%?\s*(-|and|to)\s*\d", vt)
        day_ = dt if dt and len(dt) == 10 else None
        if dt is None or (dt and len(dt) == 7 and not is_range):
            # the note names the day: first citation of this series
            for mt in CITE.finditer(notes):
                src = mt.group("src").strip()
                src = "MoF" if src.startswith("MoF") else src
                if CITE_SERIES.get(src, "") == s or (src == "MoF" and s == "jgb_" + mt.group("tenor").lower()):
                    day_ = re.search(DATE, mt.group(0)).group(1)
                    break
            if day_ is None:
                return None, "level without a day in the gold or note"
        if is_range:
            lo, hi = min(nums), max(nums)
            if dt and len(dt) == 7:
                a, b = month_bounds(dt)
                if "since" in before or "since" in after[:40]:
                    b = published or b
                window_vals = [x for _, x in closes(s, a, b)]
            else:
                window_vals = [x for _, x in closes(s, day_, day_)]
                bar = m.ohlc(OHLC[s]).get(day_) if s in OHLC else None
                if bar:
                    window_vals += [bar["low"], bar["high"]]
            ok = window_vals and min(window_vals) >= lo - allow - prec and max(window_vals) <= hi + allow + prec
            return ("supported" if ok else "refuted"), f"range {lo}-{hi} vs data {min(window_vals):.3f}..{max(window_vals):.3f}"
        start = m.shift(day_, -3) if (published and day_ == published) else day_
        obs = [x for _, x in closes(s, start, day_)]
        if s == "usdjpy" and published and day_ == published:
            obs += [x for _, x in closes(s, m.shift(day_, -1), m.shift(day_, -1))]
        bar = m.ohlc(OHLC[s]).get(day_) if s in OHLC else None
        intraday = bool(INTRADAY.search(near)) and bar is not None
        if (s == "usdjpy" or intraday) and bar is not None:
            lo_, hi_ = bar["low"], bar["high"]
        else:
            lo_ = min(obs) if obs else None
            hi_ = max(obs) if obs else None
        if lo_ is None:
            return None, f"no data for {s} on {day_}"
        above = ABOVE.search(before[-35:]) or re.search(r"first time above|above\b", near)
        below = BELOW.search(before[-35:])
        if below and not above:
            low_ext = min([lo_] + obs)
            res = low_ext <= v + allow + prec
            why = f"threshold below {v}: min {low_ext:.3f}"
        elif above:
            high_ext = max([hi_] + obs)
            res = high_ext >= v - allow - prec
            why = f"threshold above {v}: max {high_ext:.3f}"
        else:
            cands = obs + ([lo_, hi_] if intraday or s == "usdjpy" else [])
            if intraday or s == "usdjpy":
                res = (lo_ - tol <= v <= hi_ + tol) or any(abs(x - v) <= tol for x in obs)
            else:
                res = any(abs(x - v) <= tol for x in cands)
            why = f"stated {v} vs data {sorted(set(round(x, 3) for x in cands))} tol {tol:.3f}"
        if not res:
            return "refuted", why
        q = qualifier(s, day_, text, span, before, intraday)
        if q is not None and not q[0]:
            return "refuted", why + "; qualifier: " + q[1]
        return "supported", why + ("; qualifier: " + q[1] if q else "")
    if kind == "change":
        # endpoints: the first "A -> B" pair of this series in the note, else the previous trading day
        cites = [(mt.start(), mt.end(), mt) for mt in CITE.finditer(notes)]
        base = end = None
        for (a0, a1, ma), (b0, b1, mb) in zip(cites, cites[1:]):
            if notes[a1:b0].strip() != "->":
                continue
            srcb = mb.group("src").strip()
            srcb = "MoF" if srcb.startswith("MoF") else srcb
            if CITE_SERIES.get(srcb, "") == s or (srcb == "MoF" and s == "jgb_" + (mb.group("tenor") or "").lower()):
                base, end = cited_value(ma), cited_value(mb)
                break
        if base is None:
            if not dt or len(dt) != 10:
                return None, "period change without endpoints in the note"
            key = key_of(s)
            end = m.get(key, dt)
            base = m.prev_day(key, dt)[1]
            if end is None or base is None:
                return None, f"no data for {s} around {dt}"
        if unit == "percent":
            move = (end / base - 1) * 100
        elif unit == "bp":
            move = (end - base) * 100
        elif unit == "fx":
            move = end - base
        elif unit == "points":
            move = end - base
            allow = abs(base) * 0.003
            tol = prec + allow
        else:
            return None, f"change in {unit}"
        more_than = re.search(r"more than|over|above|at least", before[-25:])
        if more_than:
            res = abs(move) >= abs(v) - prec and (move > 0) == (v > 0)
        else:
            res = abs(move - v) <= tol
        return ("supported" if res else "refuted"), f"move {move:+.3f} vs stated {v:+} tol {tol:.3f}"
    return None, kind


def qualifier(s, day, text, span, before, intraday=False):
    """'record' / 'highest|lowest ... since X' on a level; returns (holds, why) or None.

    The qualifier must stand in the same clause: just before the number ("a record 5,689.75")
    or after it up to the next clause or number ("2.52%, its highest since 1997")."""
    after = re.sub(r"\([^)]*\)", lambda mm: " " * len(mm.group()), text[span[1]:span[1] + 80])
    cut = len(after)
    for stop in (". ", "\n", "; ", ", and ", " and ", " while ", " but ", " after ", " as ", " before "):
        i = after.find(stop)
        if 0 <= i < cut:
            cut = i
    dig = re.search(r"(?<![\d.])(?!(?:19|20)\d\d\b)\d", after)
    if dig and dig.start() < cut:
        cut = dig.start()
    sent = before[-30:] + text[span[0]:span[1]] + after[:cut]
    key = key_of(s)
    val = m.get(key, day)
    if val is None:
        return None
    bar = m.ohlc(OHLC[s]).get(day) if (intraday and s in OHLC) else None
    if re.search(r"\b(a |new |another )?record\b|all-time high|highest ever|record close", sent, re.I) \
            and not re.search(r"record close, \d|since|from its|below its|on record\b", sent):
        if bar:  # an intraday record: the day's high against every earlier high
            prior = [b["high"] for k, b in m.ohlc(OHLC[s]).items() if k < day]
            val = bar["high"]
        else:
            prior = [x for _, x in m.window(key, "1900-01-01", m.shift(day, -1))]
        holds = not prior or val >= max(prior) - 1e-9
        return holds, f"record: {val} vs earlier max {max(prior) if prior else None}"
    mt = re.search(r"(highest|lowest|strongest|weakest|most)\b[^.;\n]{0,40}?since (?:early |late )?"
                   r"(?:(January|February|March|April|May|June|July|August|September|October|November|December) ?)?(\d{4})?",
                   sent)
    if not mt or not (mt.group(2) or mt.group(3)):
        return None
    word = mt.group(1)
    up = word in ("highest", "most") or (word == "strongest" and s == "usdjpy") or \
         (word == "weakest" and s == "usdjpy" and "yen" in sent)
    if word in ("lowest",) or (word == "strongest" and s != "usdjpy"):
        up = word != "lowest" and up
    month, year = mt.group(2), mt.group(3)
    if up:
        d, x = m.last_ge_before(key, day, val)
    else:
        d, x = m.last_le_before(key, day, val)
    if d is None:
        return False, f"no earlier value {'>=' if up else '<='} {val}"
    if year is None:  # a month in the last twelve
        y = int(day[:4]) if MONTHS[month] < int(day[5:7]) else int(day[:4]) - 1
        year = str(y)
    want = f"{year}-{MONTHS[month]:02d}" if month else year
    holds = d.startswith(want)
    return holds, f"{word} since {want}: last {'>=' if up else '<='} {val} was {d} ({x})"


# ----------------------------------------------------------------------------------------
def coarse(label):
    return "supported" if label in SUPPORTED else "refuted" if label in REFUTED else label


def locate(text, literal, occurrence):
    start = -1
    for _ in range(occurrence):
        start = text.find(literal, start + 1)
        if start < 0:
            return None
    return start, start + len(literal)


def check_folder(here: str, reviewed: dict) -> int:
    """Run these checks on another held-out set (its folder and its own hand-reviewed
    exceptions): the wrappers in eval/fresh2 and eval/fresh3 call this, so all sets share
    one checker."""
    global HERE, REVIEWED
    HERE, REVIEWED = here, reviewed
    return main()


def main():
    verbose = "--verbose" in sys.argv
    bad = 0
    not_auto = []
    reviewed_used = set()
    n_claims = n_cites = n_auto = 0
    with open(os.path.join(HERE, "gold.jsonl"), encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    for d in docs:
        for k in ("id", "file", "published", "claims", "non_claims"):
            if k not in d:
                print(f"FORMAT {d.get('id')}: missing {k}"); bad += 1
        with open(os.path.join(HERE, d["file"]), encoding="utf-8") as fh:
            text = fh.read()
        spans = []
        for c in d["claims"]:
            n_claims += 1
            cid = (d["id"], c["value_text"], c["occurrence"])
            tag = f"{d['id']} {c['value_text']!r}#{c['occurrence']}"
            for k in ("value_text", "occurrence", "series", "kind", "value", "unit", "date", "checkable", "verdict", "optional", "note"):
                if k not in c:
                    print(f"FORMAT {tag}: missing {k}"); bad += 1
            wanted = c["verdict"] if isinstance(c["verdict"], list) else [c["verdict"]]
            if not set(wanted) <= LABELS or c["kind"] not in KINDS or not (c["unit"] in UNITS or re.fullmatch(r"[A-Z]{3}(_per_[a-z]+)?", c["unit"])):
                print(f"FORMAT {tag}: bad verdict/kind/unit"); bad += 1
            if c["date"] is not None and not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", c["date"]):
                print(f"FORMAT {tag}: bad date {c['date']}"); bad += 1
            if (not c["checkable"]) != (wanted == ["not_checkable"]):
                print(f"FORMAT {tag}: checkable={c['checkable']} but verdict {wanted}"); bad += 1
            span = locate(text, c["value_text"], c["occurrence"])
            if span is None:
                print(f"FORMAT {tag}: literal not found"); bad += 1
                continue
            if span in spans:
                print(f"FORMAT {tag}: span labelled twice"); bad += 1
            spans.append(span)
            probs, cites = check_citations(c["note"])
            n_cites += len(cites)
            for p in probs:
                print(f"DATA {tag}: {p}"); bad += 1
            res, why = verdict(c, text, span, d["published"])
            if res is None:
                not_auto.append(f"{tag}: {why}")
                continue
            n_auto += 1
            ok = res in {coarse(w) for w in wanted}
            if verbose:
                print(f"{'ok ' if ok else 'XX '} {tag}: gold {wanted}, data says {res} ({why})")
            if not ok:
                if cid in REVIEWED:
                    reviewed_used.add(cid)
                    if verbose:
                        print(f"    reviewed: {REVIEWED[cid]}")
                else:
                    print(f"VERDICT {tag}: gold {wanted}, data says {res}: {why}"); bad += 1
        for nc in d["non_claims"]:
            if locate(text, nc["value_text"], nc["occurrence"]) is None:
                print(f"FORMAT {d['id']} non-claim {nc['value_text']!r}#{nc['occurrence']} not found"); bad += 1
    print(f"\n{len(docs)} documents, {n_claims} claims, {n_cites} data citations re-read, "
          f"{n_auto} verdicts recomputed from the data, {len(reviewed_used)} hand-reviewed exceptions used")
    for cid in sorted(set(REVIEWED) - reviewed_used):
        print(f"note: REVIEWED entry not needed any more: {cid}")
    print(f"\nVerdicts not recomputed here ({len(not_auto)}):")
    for line in not_auto:
        print("  " + line)
    print("\nRESULT: " + ("clean" if not bad else f"{bad} problem(s)"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
