"""How strong each flag is and which readings of a claim were tried: the two optional
verdict fields the renderers read, named in this one place.

The verifier (:mod:`factcheck.verify.readings`) gives a verdict's dict form
(``ClaimResult.to_dict()["verdict"]``) these fields; renderers read them from there and
nowhere else::

    "strength": 2.4,            # float, on flags only, larger = stronger flag: how far
                                # outside its tolerance the nearest plausible reading is,
                                # in tolerances (only the order matters to the renderers)
    "readings": [               # the readings tried, in the order they were tried
        {"name": "as stated",               # "the day's intraday range", "the session
                                            # before (2026-01-19)", "a move of the yield"...
         "observed": [{"date": "2026-01-20", "value": 2.33, "field": "close",
                       "source": "mof"}],   # value(s) and date(s)
         "difference": 0.12, "tolerance": 0.055,   # in the claim's unit
         "holds": false,                    # whether the claim holds on this reading
                                            # (null: the data cannot settle it)
         "note": "MoF JGB 10-year yield on 2026-01-20 was 2.330%, ..."},  # one sentence
        ...
    ]

A reading's ``observed`` may also be a single ``{"date", "value"}`` object, or the reading
may carry ``date`` and ``value`` itself. When the fields are absent every renderer keeps its
earlier order and shows no readings section.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..labels import Label

STRENGTH = "strength"
READINGS = "readings"
READING_NAME = "name"
READING_OBSERVED = "observed"
READING_HELD = "holds"
READING_NOTE = "note"

FLAGS = tuple(label.value for label in Label.by_severity() if label.refutes)  # the verdicts a reviewer must look at
RANK = tuple(label.value for label in Label.by_severity())


@dataclass
class Reading:
    name: str
    observed: list[tuple[str | None, float | None]] = field(default_factory=list)
    held: bool | None = None
    note: str = ""


def strength(verdict: dict) -> float | None:
    """The flag's strength, or None when the verdict carries none (or a non-number)."""
    value = verdict.get(STRENGTH)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if value == value else None  # NaN is no strength


def _points(raw: object) -> list[tuple[str | None, float | None]]:
    items = raw if isinstance(raw, list) else [raw] if isinstance(raw, dict) else []
    out = []
    for item in items:
        if isinstance(item, dict):
            value = item.get("value")
            out.append((str(item["date"]) if item.get("date") is not None else None,
                        float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None))
    return out


def readings(verdict: dict) -> list[Reading]:
    """The readings tried, tolerant of missing keys; [] when the verdict has none."""
    raw = verdict.get(READINGS)
    if not isinstance(raw, list):
        return []
    out = []
    for item in raw:
        if not isinstance(item, dict):
            continue
        observed = _points(item.get(READING_OBSERVED)) or _points(item)
        held = item.get(READING_HELD)
        out.append(Reading(str(item.get(READING_NAME) or "reading"), [p for p in observed if p != (None, None)],
                           held if isinstance(held, bool) else None, str(item.get(READING_NOTE) or "")))
    return out


def has_strengths(claims: list[dict]) -> bool:
    return any(strength(c["verdict"]) is not None for c in claims)


def review_order(claims: list[dict]) -> list[int]:
    """Indices of ``claims`` as a review page lists them: the flags first, the strongest
    first (without strengths: inaccurate before misdated), then the other verdicts in
    :data:`RANK` order; ties by position in the text."""
    def key(i: int):
        v = claims[i]["verdict"]
        rank = RANK.index(v["label"]) if v["label"] in RANK else len(RANK)
        flag = v["label"] in FLAGS
        return (0 if flag else 1), -(strength(v) or 0.0) if flag else 0.0, rank, claims[i]["value_span"][0]
    return sorted(range(len(claims)), key=key)


def list_order(claims: list[dict]) -> list[int]:
    """Indices as a list report (Markdown, terminal) shows them: document order, unless
    the verdicts carry strengths; then the flags come first, strongest first."""
    if not has_strengths(claims):
        return list(range(len(claims)))
    flags = [i for i, c in enumerate(claims) if c["verdict"]["label"] in FLAGS]
    flags.sort(key=lambda i: -(strength(claims[i]["verdict"]) or 0.0))
    return flags + [i for i in range(len(claims)) if i not in set(flags)]
