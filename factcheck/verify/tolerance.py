"""The tolerance ladder of VERDICTS.md, in one place.

A claim's distance from the data is judged against two bounds: the stated precision (half
a unit in the last digit written) and the allowance on top of it (the series' basis
allowance for a level, its hedge allowance after "about", its change allowance for a
move). Within the precision a claim is ``accurate``; within precision plus allowance,
``approximately_accurate``; beyond, ``inaccurate`` (unless a later reading finds it
``misdated``). Every checker grades through :func:`grade`.
"""
from __future__ import annotations

from claims import Claim, Unit

from ..catalog import Series
from ..policy import Policy
from ..labels import Label

EPS = 1e-9  # float noise: a value exactly on a bound is within it


def ladder(precision: float, allowance: float) -> tuple[tuple[float, Label], ...]:
    """The ladder's rungs: how far off a claim may be for each passing label."""
    return (precision, Label.ACCURATE), (precision + allowance, Label.APPROXIMATELY_ACCURATE)


def grade(distance: float, precision: float, allowance: float) -> Label:
    """The label for a claim ``distance`` away from the data (its sign is ignored)."""
    for bound, label in ladder(precision, allowance):
        if abs(distance) <= bound + EPS:
            return label
    return Label.INACCURATE


def level_allowance(c: Claim, s: Series, above: bool = False) -> float:
    """The allowance for a level: the hedge allowance after "about", else the basis
    allowance; ``above``: the stated figure is above the published value (some series'
    quotes run above their published curve: ``basis_allowance_above`` in the catalog)."""
    base = s.allowance_above(c.value) if above else s.level_allowance(c.value)
    return max(base, s.hedge_allowance(c.value)) if c.hedge else base


BAR_SHARE = 0.25  # of the basis allowance: how far outside a day's high-low bar a quote may sit


def bar_allowance(c: Claim, s: Series) -> float:
    """The allowance around a day's intraday high-low range: a quarter of the basis
    allowance. The bars already hold every price of the session; what is left is the gap
    between the bars' feed and the writer's (measured by scripts/measure_basis.py on the
    dev, real-dev and fresh sets, 2026-12: 15 of 16 quotes near a bar within 0.24 basis
    allowances of it, USD/JPY 0.24 yen at most). After a hedge ("about"), the hedge
    allowance."""
    return s.hedge_allowance(c.value) if c.hedge else s.level_allowance(c.value) * BAR_SHARE


def change_tolerance(c: Claim, s: Series, policy: Policy, base):
    """The allowance for a move (VERDICTS.md rule 2), from the level it started at
    (a scalar, or a series of previous closes when every day is tested at once)."""
    if c.unit == Unit.BP:
        return s.change_allowance_bp or 0.0
    if c.unit == Unit.PERCENT:
        return s.change_allowance_pp if s.change_allowance_pp is not None else policy.yield_percent_change_pp
    if c.unit == Unit.POINTS:
        return abs(base) * policy.index_points_pp / 100
    if c.unit == Unit.FX:
        return s.change_allowance or s.level_allowance(base)
    if c.unit == Unit.PP:
        return (s.change_allowance_bp or 0.0) / 100
    return 0.0
