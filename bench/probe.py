"""False alarms and misses on generated notes: morning notes written from true snapshot
values for random trading days (every claim should be supported), and the same notes with
levels moved beyond their allowances and some changes' signs flipped (every level and every
flipped move should be refuted). Prints the counts; it reads only the offline snapshot.

Usage: python bench/probe.py [DAYS] [SEED]
"""
from __future__ import annotations

import random
import sys

import pandas as pd

from factcheck.api import Checker
from factcheck.resources_access import resource

SUPPORTED = ("accurate", "approximately_accurate")


def load(sid: str) -> pd.Series:
    with resource("snapshot", f"{sid}.csv").open("rb") as fh:
        return pd.read_csv(fh, parse_dates=["date"], index_col="date")["value"]


def note(d: pd.Timestamp, s: dict, perturb: bool) -> str:
    prev = {k: v[v.index < d].iloc[-1] for k, v in s.items()}
    pct = lambda k: (s[k][d] / prev[k] - 1) * 100  # noqa: E731
    bp = lambda k: (s[k][d] - prev[k]) * 100  # noqa: E731
    verb = lambda x, up, down: up if x >= 0 else down  # noqa: E731
    nk, sp, j, u = pct("nikkei225"), pct("sp500"), bp("jgb_10y"), bp("ust_10y")
    if perturb and abs(sp) > 0.5:
        sp = -sp
    shift = {"nikkei225": s["nikkei225"][d] * 0.04, "jgb_10y": 0.15, "jgb_30y": -0.30, "ust_10y": 0.12,
             "usdjpy": 3.5} if perturb else {k: 0 for k in s}
    v = {k: s[k][d] + shift.get(k, 0) for k in s}
    pub = d + pd.Timedelta(days=1)
    return (f"Morning Briefing - {pub.strftime('%A, %B')} {pub.day}, {pub.year}\n\n"
            f"The Nikkei 225 {verb(nk, 'rose', 'fell')} {abs(nk):.1f}% on {d.strftime('%A')} to {v['nikkei225']:,.2f}. "
            f"Wall Street followed: the S&P 500 {verb(sp, 'gained', 'lost')} {abs(sp):.1f}%.\n\n"
            f"The 10-year JGB yield {verb(j, 'rose', 'fell')} {abs(round(j))} basis points to {v['jgb_10y']:.2f}% "
            f"yesterday, and the 30-year ended at {v['jgb_30y']:.2f}%. The U.S. 10-year Treasury yield "
            f"{verb(u, 'climbed', 'slipped')} {abs(round(u))} basis points to {v['ust_10y']:.2f}%.\n\n"
            f"The yen traded at {v['usdjpy']:.1f} per dollar.\n")


def flipped(c: dict, d: pd.Timestamp, s: dict) -> bool:
    """The S&P 500 move whose sign the perturbed note flips (moves over 0.5%)."""
    sp = s["sp500"]
    move = (sp[d] / sp[sp.index < d].iloc[-1] - 1) * 100
    return c["kind"] == "change" and (c.get("series") or {}).get("id") == "sp500" and abs(move) > 0.5


def qualifier_probe(checker: Checker, per_series: int = 30) -> tuple[int, int]:
    """"... closed at X on DATE, its highest/lowest since YEAR" written from the data for
    days that were multi-year extremes: every one should be accurate."""
    leads = {"jgb_10y": "The 10-year JGB yield", "ust_10y": "The U.S. 10-year Treasury yield", "nikkei225": "The Nikkei 225"}
    n = bad = 0
    for sid, lead in leads.items():
        s = load(sid)
        top, bottom = s.rolling("1500D").max(), s.rolling("1500D").min()
        cand = [d for d in s.index if d >= pd.Timestamp("2015-01-01") and (s[d] >= top[d] or s[d] <= bottom[d])]
        for d in random.sample(cand, min(per_series, len(cand))):
            x, prior = s[d], s[s.index < d]
            for word, sub in (("highest", prior[prior >= x]), ("lowest", prior[prior <= x])):
                if sub.empty or (d - sub.index[-1]).days < 366:
                    continue
                val = f"{x:,.2f}" if sid == "nikkei225" else f"{x:.3f}%"
                text = f"{lead} closed at {val} on {d.strftime('%B')} {d.day}, {d.year}, its {word} since {sub.index[-1].year}."
                for c in checker.check(text, (d + pd.Timedelta(days=1)).date().isoformat()).to_dict()["claims"]:
                    n += 1
                    bad += c["verdict"]["label"] != "accurate"
    return n, bad


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    random.seed(int(sys.argv[2]) if len(sys.argv) > 2 else 7)
    s = {k: load(k) for k in ("nikkei225", "sp500", "jgb_10y", "jgb_30y", "ust_10y", "usdjpy")}
    days = [d for d in s["sp500"].index if pd.Timestamp("2021-06-01") <= d <= pd.Timestamp("2026-06-20")
            and all(d in v.index for v in s.values())]
    checker = Checker.default()
    true_claims = false_alarms = levels = missed = moves = moves_missed = 0
    passed: list[str] = []
    for d in random.sample(days, n):
        for c in checker.check(note(d, s, False)).to_dict()["claims"]:
            true_claims += 1
            false_alarms += c["verdict"]["label"] not in SUPPORTED
        for c in checker.check(note(d, s, True)).to_dict()["claims"]:
            if flipped(c, d, s):
                moves += 1
                moves_missed += c["verdict"]["label"] in SUPPORTED
            if c["kind"] == "level":
                levels += 1
                if c["verdict"]["label"] in SUPPORTED:
                    missed += 1
                    passed.append(f"  {d.date()} {c['text']}: {c['verdict']['explanation']}")
    print(f"true claims: {true_claims}, not supported: {false_alarms} ({false_alarms / max(true_claims, 1):.1%})")
    print(f"perturbed levels: {levels}, still supported: {missed} ({missed / max(levels, 1):.1%})")
    print(f"perturbed moves (sign flipped): {moves}, still supported: {moves_missed} ({moves_missed / max(moves, 1):.1%})")
    print("\n".join(passed))
    q, qbad = qualifier_probe(checker)
    print(f"'highest/lowest since YEAR' statements from the data: {q}, not accurate: {qbad}")


if __name__ == "__main__":
    main()
