"""What a check returns: the verdict with its evidence."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ..labels import Label


@dataclass
class Observed:
    date: str
    value: float
    source: str
    field: str = "close"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Verdict:
    label: Label
    explanation: str
    rule: str
    observed: list[Observed] = field(default_factory=list)
    difference: float | None = None
    tolerance: float | None = None
    qualifiers: list[dict] = field(default_factory=list)

    def __post_init__(self):
        self.label = Label(self.label)

    def to_dict(self) -> dict:
        out = {"label": self.label.value, "observed": [o.to_dict() for o in self.observed],
               "difference": None if self.difference is None else round(self.difference, 6),
               "tolerance": None if self.tolerance is None else round(self.tolerance, 6),
               "rule": self.rule, "explanation": self.explanation}
        if self.qualifiers:
            out["qualifiers"] = self.qualifiers
        return out
