"""Numbers as a reader of market commentary writes them, in the claim's own unit.

Differences and tolerances arrive in the unit of the quantity compared; these helpers
put the difference and its allowance in one unit, chosen from the claim:

* a yield or policy-rate level or spread stated in percent: basis points ("4.0 bp");
* a move in bp, or in percentage points: that unit (bp, pp);
* a percent move of a price (an index, an exchange rate): percentage points ("1.39 pp");
* an exchange rate: yen (for yen pairs), index levels and moves: points.

Never scientific notation, thousands separated, and never bp beside pp for one quantity.
Observed values are written in the series' unit (2.330%, 53,583.57, 157.89 yen).
"""
from __future__ import annotations

import math

CURRENCIES = {"USD": "$", "JPY": "¥", "EUR": "€", "GBP": "£"}


def fixed(value: float, decimals: int, signed: bool = False) -> str:
    """``value`` with ``decimals`` places and thousands separators; "n/a" for inf/NaN."""
    if value is None or not math.isfinite(value):
        return "n/a"
    text = f"{abs(value):,.{decimals}f}"
    if signed:
        return ("+" if value >= 0 else "−") + text
    return ("−" if value < 0 and text.strip("0.,") else "") + text


def difference_unit(claim: dict) -> tuple[float, str]:
    """(factor, unit) that turn the verdict's difference and tolerance into the unit a
    reader expects for this claim."""
    unit, kind = claim.get("unit"), claim.get("kind")
    if unit == "percent":
        return (1.0, "pp") if kind == "change" else (100.0, "bp")
    if unit in ("bp", "pp", "points"):
        return 1.0, unit
    if unit == "fx":
        return 1.0, "yen" if "jpy" in ((claim.get("series") or {}).get("id") or "jpy") else ""
    return 1.0, unit or ""


def quantity(value: float, unit: str, signed: bool = False) -> str:
    """A difference-like quantity in ``unit`` (bp, pp, yen, points, a currency code)."""
    decimals = {"bp": 1, "pp": 2, "yen": 2, "points": 2}.get(unit, 2)
    if unit == "pp" and value is not None and math.isfinite(value) and 0 < abs(value) < 0.1:
        decimals = 3
    text = fixed(value, decimals, signed)
    return f"{text} {unit}".rstrip() if text != "n/a" else text


def difference_line(claim: dict) -> str:
    """"stated − observed +4.0 bp · allowance ±5.5 bp", or "" without a difference."""
    v = claim["verdict"]
    factor, unit = difference_unit(claim)
    parts = []
    if isinstance(v.get("difference"), (int, float)):
        parts.append(f"stated − observed {quantity(v['difference'] * factor, unit, signed=True)}")
    if isinstance(v.get("tolerance"), (int, float)):
        parts.append(f"allowance ±{quantity(v['tolerance'] * factor, unit)}")
    return " · ".join(parts)


def series_unit(claim: dict) -> str:
    """The unit the claim's series publishes (the report says; older reports: a guess
    from the claim's unit)."""
    unit = (claim.get("series") or {}).get("unit") or (claim.get("chart") or {}).get("unit")
    if unit:
        return unit
    return {"fx": "fx", "points": "points"}.get(claim.get("unit"), "percent")


def level(value: float | None, unit: str) -> str:
    """An observed value in its series' unit: 2.330%, 53,583.57, 157.89 yen."""
    if value is None:
        return "n/a"
    if unit == "percent":
        return fixed(value, 3) + "%" if fixed(value, 3) != "n/a" else "n/a"
    if unit == "fx":
        return fixed(value, 2 if abs(value) >= 10 else 4) + " yen"
    if unit in CURRENCIES:
        return CURRENCIES[unit] + fixed(value, 0)
    return fixed(value, 2)


def observed_value(claim: dict, value: float | None, field: str) -> str:
    """An observation of a verdict: a "daily change" is a move in the claim's unit, every
    other field a value of the series."""
    if field == "daily change" and value is not None:
        unit = {"percent": "%", "fx": "yen"}.get(claim.get("unit"), claim.get("unit") or "")
        decimals = {"bp": 1, "%": 2, "yen": 2}.get(unit, 2)
        text = fixed(value, decimals, signed=True)
        return text + unit if unit == "%" else f"{text} {unit}".rstrip()
    return level(value, series_unit(claim))
