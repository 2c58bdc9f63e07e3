"""Property runs through check_text with the characters of issue 18 mixed in: invisible and
direction characters, full-width digits, odd spaces, CR line ends, numbers too long for a
float and dates that are no day.

* Random documents: no exception, no internal error, JSON a strict reader accepts, and
  every span inside the text.
* Notes written from true market data (a wire story, a desk line and a non-native line
  for a random trading day, from the snapshot's own closes), then dirtied: the same, and
  no flag (inaccurate or misdated) at all.

`make test` runs a few hundred examples of each; `make test-slow` runs 10,000 of each.
"""
from __future__ import annotations

import json
import re
from datetime import timedelta

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u00ad", "\ufeff", "\u2060", "\u200e", "\u200f", "\u061c", "\u202a",
             "\u202c", "\u202e", "\u2066", "\u2069"]
SPACES = ["\u00a0", "\u2009", "\u202f", "\u2007", "\u3000", "\u2003"]
LINE_ENDS = ["\r", "\r\n", "\u2028", "\u2029", "\x85"]
ODD = INVISIBLE + SPACES + LINE_ENDS + ["\u2011", "１２", "．", "％", "\x00", "\x07", "\t", "٣", "½", "²", "…"]
WORDS = ["The", "10-year", "JGB", "yield", "rose", "fell", "basis points", "bp", "to", "%", "per dollar", "yen",
         "Nikkei 225", "S&P 500", "record", "highest since 1998", "yesterday", "on Tuesday", "in January 2025",
         "around", "touched", "by the end of 2026", "if", "BoJ", "raised rates", "between", "and", "$", "¥",
         "billion", ".", ",", "\n", "\n\n", "minus", "two percent", "U.S.", "Treasury", "spread", "the gap", "-",
         "has risen since 2020", "on February 30, 2026", "9999 years ago", "on 0001-01-01", "Posted May 19, 2026",
         "TOKYO, Feb 30 (Wire) -", "USD/JPY", "10y", "(+2bp)", "its lowest in 18 months", "a quarter point"]
FULL_WIDTH = str.maketrans("0123456789.,%", "０１２３４５６７８９．，％")


def strict_json(text: str):
    def refuse(name):
        raise ValueError(f"{name} in the JSON")

    return json.loads(text, parse_constant=refuse)


@st.composite
def dirty_number(draw) -> str:
    """A figure with one odd character somewhere inside it, or full-width, or too long."""
    digits = draw(st.from_regex(r"\d{1,3}(?:,\d{3}){0,2}(?:\.\d{1,3})?%?", fullmatch=True))
    how = draw(st.sampled_from(["inside", "full-width", "thousands", "huge"]))
    if how == "full-width":
        return digits.translate(FULL_WIDTH)
    if how == "thousands":
        return digits.replace(",", draw(st.sampled_from(SPACES[:4])))
    if how == "huge":
        return "9" * draw(st.integers(300, 420)) + digits
    at = draw(st.integers(0, len(digits)))
    return digits[:at] + draw(st.sampled_from(ODD)) + digits[at:]


def random_documents():
    token = st.one_of(st.sampled_from(WORDS), st.sampled_from(ODD), st.text(max_size=6), dirty_number(),
                      st.from_regex(r"-?\d{1,6}(?:[.,]\d{1,4})?", fullmatch=True))
    return st.tuples(st.lists(token, max_size=60), st.sampled_from([" ", " ", "\u00a0", "\r\n", ""])).map(
        lambda parts: parts[1].join(parts[0]))


def check_report(checker, text: str, published) -> dict:
    """The report as a strict reader gets it, with the properties every report must have."""
    d = strict_json(checker.check(text, published).to_json())
    assert "internal_errors" not in d["summary"], [c["verdict"]["explanation"] for c in d["claims"]]
    for c in d["claims"]:
        s, e = c["value_span"]
        assert 0 <= s < e <= len(text) and text[s:e] == c["text"]
        assert c["verdict"]["label"] and c["verdict"]["explanation"]
    return d


def run_random(checker, text, published):
    check_report(checker, text, published)


PUBLISHED = st.sampled_from([None, "2024-08-05", "2026-01-21", "1900-01-01", "2200-12-31"])
QUICK = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
SLOW = settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@QUICK
@given(random_documents(), PUBLISHED)
def test_random_documents(checker, text, published):
    run_random(checker, text, published)


@pytest.mark.slow
@SLOW
@given(random_documents(), PUBLISHED)
def test_ten_thousand_random_documents(checker, text, published):
    run_random(checker, text, published)


# -- notes from true data ------------------------------------------------------------------
SERIES = ("nikkei225", "jgb_10y", "ust_10y", "usdjpy")


@pytest.fixture(scope="module")
def market(checker):
    """Each series' closes, and the trading days (mid-2021 to mid-2026) on which every one
    of them has a close and a close before it."""
    closes = {sid: checker.store.get(sid).values for sid in SERIES}
    common = set.intersection(*(set(v.index) for v in closes.values()))
    days = sorted(d for d in common if pd.Timestamp("2021-06-01") <= d <= pd.Timestamp("2026-06-20"))
    return closes, days[1:]


def moves(closes: dict, d: pd.Timestamp) -> dict:
    """The day's closes and moves, rounded as a writer would state them."""
    prev = {k: v[v.index < d].iloc[-1] for k, v in closes.items()}
    now = {k: v[d] for k, v in closes.items()}
    return {"nk": now["nikkei225"], "nk_pct": round((now["nikkei225"] / prev["nikkei225"] - 1) * 100, 1),
            "j": now["jgb_10y"], "j_bp": round((now["jgb_10y"] - prev["jgb_10y"]) * 100),
            "u": now["ust_10y"], "fx": now["usdjpy"]}


def went(x: float, up: str, down: str, amount: str, flat: str = "") -> str:
    """"rose 1.2%" / "fell 3 basis points"; ``flat`` for a move that rounds to zero."""
    return f" {up if x > 0 else down} {amount.format(abs(x))}" if x else flat


def wire(d: pd.Timestamp, m: dict) -> tuple[str, str]:
    pub = d + timedelta(days=1)
    nikkei = went(m["nk_pct"], "rose", "fell", "{:.1f}%", " was little changed")
    text = (f"TOKYO, {pub.strftime('%b')} {pub.day} (Wire) - The Nikkei 225{nikkei} on {d.strftime('%A')}, "
            f"ending at {m['nk']:,.2f}.\n\n"
            f"The 10-year JGB yield{went(m['j_bp'], 'rose', 'fell', '{:.0f} bp to', ' stood at')} {m['j']:.3f}% "
            f"yesterday, and the yen traded at {m['fx']:.2f} per dollar.\n")
    return text, pub.date().isoformat()


def desk(d: pd.Timestamp, m: dict) -> tuple[str, str]:
    text = (f"Desk note\n\nUSD/JPY {m['fx']:.2f} at the close. The 10y JGB yield closed at {m['j']:.3f}%. "
            f"UST 10s ended at {m['u']:.2f}%.\nThe Nikkei 225 closed at {m['nk']:,.2f}.\n")
    return text, d.date().isoformat()


def non_native(d: pd.Timestamp, m: dict) -> tuple[str, str]:
    day = f"{d.strftime('%B')} {d.day}, {d.year}"
    text = (f"Japan 10-year government bond yield was {m['j']:.3f}% on {day}. "
            f"Dollar yen exchange rate become {m['fx']:.2f} yen per dollar on {day}.\n")
    return text, (d + timedelta(days=3)).date().isoformat()


REGISTERS = (wire, desk, non_native)


@st.composite
def dirtied(draw, text: str) -> str:
    """``text`` with odd characters put inside its numbers and around it."""
    out = []
    for i, ch in enumerate(text):
        out.append(ch)
        if ch.isdigit() and i + 1 < len(text) and (text[i + 1].isdigit() or text[i + 1] == ".") \
                and draw(st.integers(0, 5)) == 0:
            out.append(draw(st.sampled_from(INVISIBLE)))
    dirty = "".join(out)
    for change in draw(st.lists(st.sampled_from(["full-width", "cr", "crlf", "nbsp", "thin thousands", "bom"]),
                                max_size=3, unique=True)):
        if change == "full-width":
            dirty = "".join(c.translate(FULL_WIDTH) if c.isdigit() else c for c in dirty)
        elif change == "cr":
            dirty = dirty.replace("\n", "\r")
        elif change == "crlf":
            dirty = dirty.replace("\n", "\r\n")
        elif change == "nbsp":
            dirty = dirty.replace(" ", "\u00a0")
        elif change == "thin thousands":
            dirty = re.sub(r"(?<=\d),(?=\d)", "\u2009", dirty)
        else:
            dirty = "\ufeff" + dirty
    return dirty


@st.composite
def true_notes(draw, market):
    closes, days = market
    d = draw(st.sampled_from(days))
    text, published = draw(st.sampled_from(REGISTERS))(d, moves(closes, d))
    return draw(dirtied(text)), published


def run_true(checker, note):
    text, published = note
    d = check_report(checker, text, published)
    assert d["claims"], text
    flags = [(c["text"], c["verdict"]["explanation"]) for c in d["claims"]
             if c["verdict"]["label"] in ("inaccurate", "misdated")]
    assert not flags, (text, flags)


@QUICK
@given(st.data())
def test_notes_from_true_data_raise_no_flag(checker, market, data):
    run_true(checker, data.draw(true_notes(market)))


@pytest.mark.slow
@SLOW
@given(st.data())
def test_ten_thousand_notes_from_true_data(checker, market, data):
    run_true(checker, data.draw(true_notes(market)))
