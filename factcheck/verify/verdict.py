"""What a check returns: the verdict with its evidence, the readings of the claim it tried
and, for a flag, how strong the flag is."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..labels import Label


@dataclass
class Observed:
    date: str
    value: float
    source: str
    field: str = "close"

    def to_dict(self) -> dict:
        """The fields as ``dataclasses.asdict`` gives them, without its recursive copy (a
        report makes thousands)."""
        return {"date": self.date, "value": self.value, "source": self.source, "field": self.field}


@dataclass
class Reading:
    """One way a careful editor may read a claim (the stated day's close, the day's intraday
    range, the document's own date, the session before, the claim as a move...), with what
    the data say on it. ``holds`` is None when the data cannot settle the reading (no
    observation, no intraday bars for a mid-session figure): such a reading blocks a flag.
    ``miss`` is how far outside its tolerance the reading falls, in tolerances (0 when it
    holds); the best reading's miss is a flag's strength."""

    name: str
    observed: list[Observed] = field(default_factory=list)
    difference: float | None = None
    tolerance: float | None = None
    holds: bool | None = None
    note: str = ""

    @property
    def miss(self) -> float | None:
        if self.holds is not False or self.difference is None or self.tolerance is None:
            return None
        over = abs(self.difference) - self.tolerance
        return max(over, 0.0) / self.tolerance if self.tolerance > 0 else max(over, 0.0)

    def to_dict(self) -> dict:
        return {"name": self.name, "observed": [o.to_dict() for o in self.observed],
                "difference": None if self.difference is None else round(self.difference, 6),
                "tolerance": None if self.tolerance is None else round(self.tolerance, 6),
                "holds": self.holds, "note": self.note}


@dataclass
class Verdict:
    label: Label
    explanation: str
    rule: str
    observed: list[Observed] = field(default_factory=list)
    difference: float | None = None
    tolerance: float | None = None
    qualifiers: list[dict] = field(default_factory=list)
    readings: list[Reading] = field(default_factory=list)
    strength: float | None = None  # set on flags only: larger = further outside every plausible reading

    def __post_init__(self):
        self.label = Label(self.label)

    def to_dict(self) -> dict:
        out = {"label": self.label.value, "observed": [o.to_dict() for o in self.observed],
               "difference": None if self.difference is None else round(self.difference, 6),
               "tolerance": None if self.tolerance is None else round(self.tolerance, 6),
               "rule": self.rule, "explanation": self.explanation}
        if self.qualifiers:
            out["qualifiers"] = self.qualifiers
        if self.strength is not None:
            out["strength"] = round(self.strength, 3)
        if self.readings:
            out["readings"] = [r.to_dict() for r in self.readings]
        return out
