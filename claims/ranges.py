"""Two numbers that state one range: "between 2.3% and 2.4%", "2.3-2.4%", "150 to 155 yen",
"a range of 0 to 0.1%". They become one quantity whose value is the midpoint and which
keeps both bounds; a range quoted the way policy ranges are ("a range of 0 to 0.1%",
"its target range at 4.25% to 4.50%") is marked, since factcheck checks a policy rate's
range by its upper bound."""
from __future__ import annotations

import re

from .numbers import Quantity
from .units import Unit
from .regexgate import gate_patterns

FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)
BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.I)
RANGE_OF_BEFORE = re.compile(r"\b(?:range|band|corridor)(?:\s+(?:of|at|from|between|to))?\s+$", re.I)
RANGE_NOUN_AFTER = re.compile(r"^\s*(?:target\s+)?(?:range|band|corridor)\b", re.I)
AND = re.compile(r"\s+and\s+")
TO = re.compile(r"\s+to\s+")
DASH = re.compile(r"\s?[-–]\s?")


def _states_a_range(text: str, a: Quantity, b: Quantity) -> bool:
    gap = text[a.end:b.start]
    before = text[max(0, a.start - 30):a.start]
    named = RANGE_OF_BEFORE.search(before)
    if BETWEEN_BEFORE.search(before) and (AND.fullmatch(gap) or TO.fullmatch(gap)):
        return True
    if DASH.fullmatch(gap):  # "2.3-2.4%"; two bare figures when named a range ("a 155.20-156.80 range") or
        # close together and large or precise enough to be prices ("moving in 146-148", "1.10-1.15")
        close = a.unit is Unit.NUMBER and b.unit is Unit.NUMBER and a.value < b.value <= 1.2 * a.value and \
            (a.value >= 100 or a.decimals >= 1) and not a.hyphen_joined
        return bool(b.unit is not Unit.NUMBER or RANGE_NOUN_AFTER.match(text[b.end:b.end + 20]) or named or close)
    if named and (TO.fullmatch(gap) or AND.fullmatch(gap)):
        return True
    # "at 150 to 155 yen": a bare number, "to", the same kind of number with its unit; not a
    # move ("from 150 to 155 yen") nor numbers far apart ("8 to 155 yen")
    return bool(TO.fullmatch(gap) and a.unit is Unit.NUMBER and b.unit is not Unit.NUMBER
                and not FROM_BEFORE.search(before) and 0.5 * b.value <= a.value <= b.value)


LEADING_DIGITS = re.compile(r"\d+")


def completed_high(text: str, a: Quantity, b: Quantity) -> tuple[float, int]:
    """The upper bound of a dealer's quote written by its last digits ("155.68-78 yen" is
    155.68 to 155.78, "184.23-33" 184.23 to 184.33), with its decimals; any other pair
    unchanged."""
    literal_a = text[a.start:a.end].split()[0].replace(",", "")
    tail = LEADING_DIGITS.match(text, b.start)
    if tail is None or tail.end() - tail.start() >= len(literal_a.replace(".", "")) or "." in text[b.start:b.end]:
        return b.value, b.decimals
    digits = tail.group(0)
    head = re.match(r"[\d.]+", literal_a)
    if head is None or b.value >= a.value or b.scale != 1:
        return b.value, b.decimals
    whole = head.group(0)
    completed = whole[:len(whole) - len(digits)] + digits if whole[-len(digits):].isdigit() else None
    if completed is None or float(completed) <= a.value:
        return b.value, b.decimals
    return float(completed), a.decimals


def merge_ranges(text: str, qs: list[Quantity]) -> list[Quantity]:
    out: list[Quantity] = []
    i = 0
    while i < len(qs):
        a = qs[i]
        b = qs[i + 1] if i + 1 < len(qs) else None
        if b is not None and a.unit in (Unit.NUMBER, b.unit) and _states_a_range(text, a, b):
            quoted = bool(RANGE_OF_BEFORE.search(text[max(0, a.start - 30):a.start])
                          or RANGE_NOUN_AFTER.match(text[b.end:b.end + 20]))
            high, decimals = completed_high(text, a, b) if DASH.fullmatch(text[a.end:b.start]) else (b.value, b.decimals)
            out.append(Quantity(a.start, b.end, round((a.value + high) / 2, 10), max(a.decimals, decimals),
                                b.unit, b.scale, a.negative, range=(a.value, high), quoted_range=quoted))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


gate_patterns(globals())  # every pattern above behind its literal pre-check (claims.regexgate)
