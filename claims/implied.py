"""The unit of a number written without one, from what is named around it.

Desk notes, chat and tables drop units: "UJ 154.85", "JGB 10s 1.10", "10s +8.5 at 1.595",
"| USD/JPY | 159.23 | +2.6 |", "an all-time high of 7.59" after "the 10-year bond yield".
A bare number takes the unit of the instrument or maturity named nearest before it (in its
sentence, else the previous sentence of its paragraph):

* an instrument quoted in yen or index points (the vocabulary gives its unit and plausible
  range): a level inside that range, or a signed move ("+2.6", "-300") of a size the
  instrument can move;
* a maturity, a benchmark, yield or policy words: a level with decimals in percent, a signed
  figure in basis points (desk notes quote yield moves in bp: "10s +8.5", "2.61 (-2.5)").

Words between the name and the number that make it another quantity (a bid-to-cover
ratio, an auction tail, a coupon) keep it bare.
"""
from __future__ import annotations

import re

from .model import Cue
from .units import Unit
from .regexgate import gate_patterns

RATE_CUES = ("tenor", "benchmark", "yield", "policy", "bank", "family")
PRICE_UNITS = (Unit.FX, Unit.POINTS)
MAX_GAP = 60  # characters between the name and the number
OTHER_QUANTITY = re.compile(r"\b(?:bid-to-cover|cover|ratio|tail|coupon|auction|maturity|duration|times|"
                            r"contracts?|futures|spread|gap)\b", re.I)


def signed(q) -> bool:
    return q.plus or q.negative


def _fits(cue: Cue, q) -> Unit | None:
    """The unit ``cue`` gives the bare quantity ``q``, or ``None``."""
    if cue.kind == "instrument":
        if cue.unit not in PRICE_UNITS or cue.low is None:
            return None
        if signed(q):
            return cue.unit if abs(q.value) <= 0.2 * cue.high else None
        if q.decimals == 0 and q.value < 10:
            return None
        return cue.unit if cue.low <= q.value <= cue.high else None
    if cue.kind in RATE_CUES:
        if signed(q):
            return Unit.BP if abs(q.value) < 100 else None
        return Unit.PERCENT if q.decimals >= 1 and -2 <= q.value <= 25 else None
    return None


def implied_unit(text: str, cues: list[Cue], q, window_start: int, anywhere: bool = False) -> tuple[Unit, Cue] | None:
    """The unit of the bare quantity ``q`` and the cue that gives it. ``cues`` are those
    from ``window_start`` (the start of the previous sentence of the paragraph, or of this
    one) to the end of the number's sentence; ``anywhere``: they are those of a question
    the number answers, at any distance."""
    before = [c for c in cues if c.end <= q.start and c.kind in ("instrument",) + RATE_CUES]
    after = [c for c in cues if c.start >= q.end and c.kind == "instrument"]
    for cue in reversed(before):
        between = text[cue.end:q.start]
        if not anywhere and (q.start - cue.end > MAX_GAP or OTHER_QUANTITY.search(between)):
            break
        unit = _fits(cue, q)
        if unit is not None:
            return unit, cue
        if cue.kind == "instrument" and cue.unit in PRICE_UNITS:
            break  # the nearest instrument does not fit: the number is about something else
    # a price or level named after the number ("at 40,003.60, the Nikkei ...")
    near = [c for c in before + after if c.kind == "instrument" and c.start >= window_start]
    for cue in sorted(near, key=lambda c: abs(c.start - q.start)):
        unit = _fits(cue, q) if not signed(q) else None
        if unit is not None:
            return unit, cue
    return None


gate_patterns(globals())  # every pattern above behind its literal pre-check (claims.regexgate)
