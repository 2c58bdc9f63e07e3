"""A small inline SVG of the series around a claim, drawn from the chart data the report
carries (:mod:`factcheck.charts`): the line, the claimed value (dashed, when it is a level
in the series' unit) and the observations the verdict used (dots)."""
from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date

from .units import fixed

E = html.escape
MARKED_FIELDS_SKIP = ("daily change", "decision")


@dataclass
class Frame:
    """The drawing area: maps dates and values to SVG coordinates."""

    t0: date
    t1: date
    lo: float
    hi: float
    width: int = 300
    height: int = 110

    def x(self, d: date) -> float:
        return 30 + (self.width - 40) * ((d - self.t0).days / max((self.t1 - self.t0).days, 1))

    def y(self, v: float) -> float:
        return 8 + (self.height - 28) * (1 - (v - self.lo) / (self.hi - self.lo))


def _claimed(claim: dict, unit: str) -> list[float]:
    if claim.get("kind") == "change" or claim.get("unit") != unit:
        return []
    return list(claim["range"]) if claim.get("range") else [claim["value"]]


def _marks(claim: dict) -> list[tuple[date, float]]:
    return [(date.fromisoformat(o["date"]), o["value"]) for o in claim["verdict"]["observed"]
            if o.get("field") not in MARKED_FIELDS_SKIP]


def _frame(points: list[tuple[date, float]], extra: list[float]) -> Frame:
    values = [v for _, v in points] + extra
    lo, hi = min(values), max(values)
    if hi - lo < 1e-9:
        lo, hi = lo - 1, hi + 1
    pad = (hi - lo) * 0.12
    return Frame(points[0][0], points[-1][0], lo - pad, hi + pad)


def _label(v: float) -> str:
    return fixed(v, 0) if abs(v) >= 1000 else fixed(v, 2)


def chart_svg(claim: dict, colour: str) -> str:
    """The SVG markup, or "" when the report carries no chart data for the claim."""
    data = claim.get("chart")
    if not data or len(data.get("points") or ()) < 2:
        return ""
    points = [(date.fromisoformat(d), float(v)) for d, v in data["points"]]
    claimed, marks = _claimed(claim, data.get("unit")), _marks(claim)
    f = _frame(points, claimed + [v for _, v in marks])
    line = " ".join(f"{f.x(d):.1f},{f.y(v):.1f}" for d, v in points)
    name = f"{data.get('name') or data.get('series')} around {points[-1][0]}"
    parts = [f'<svg class="chart" width="{f.width}" height="{f.height}" viewBox="0 0 {f.width} {f.height}" '
             f'role="img" aria-label="{E(name)}">',
             f'<polyline fill="none" stroke="#334155" stroke-width="1.3" points="{line}"/>']
    for v in claimed:
        parts.append(f'<line class="claimed" x1="30" x2="{f.width - 10}" y1="{f.y(v):.1f}" y2="{f.y(v):.1f}" '
                     f'stroke="{colour}" stroke-dasharray="4 3"/>')
    for d, v in marks:
        if f.t0 <= d <= f.t1:
            parts.append(f'<circle class="observed" cx="{f.x(d):.1f}" cy="{f.y(v):.1f}" r="3.5" fill="{colour}"/>')
    top, bottom = max(v for _, v in points), min(v for _, v in points)
    parts += [f'<text x="2" y="{f.y(top) + 4:.0f}" font-size="9">{E(_label(top))}</text>',
              f'<text x="2" y="{f.y(bottom) + 4:.0f}" font-size="9">{E(_label(bottom))}</text>',
              f'<text x="30" y="{f.height - 4}" font-size="9">{f.t0}</text>',
              f'<text x="{f.width - 70}" y="{f.height - 4}" font-size="9">{f.t1}</text>', "</svg>"]
    return "".join(parts)
