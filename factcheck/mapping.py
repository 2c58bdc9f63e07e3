"""What a claim is mapped to: a series (or a spread of two), with a confidence and the
words that decided it, or no series and why."""
from __future__ import annotations

from dataclasses import dataclass, field

from .catalog import Series


@dataclass
class Mapping:
    series_id: str | None
    name: str | None = None
    confidence: float = 0.0
    explanation: str = ""
    instrument: Series | None = None  # a known but untracked instrument
    candidates: list[str] = field(default_factory=list)
    spread: tuple[str, str] | None = None
    by_tenor: bool = False  # a yield named by its maturity and issuer: another series is a reading, not a veto

    def to_dict(self) -> dict | None:
        if self.series_id is None:
            return None
        return {"id": self.series_id, "name": self.name, "confidence": round(self.confidence, 2),
                "explanation": self.explanation}
