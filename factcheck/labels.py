"""The verdict labels of VERDICTS.md, each with everything a report needs to show it: its
ClaimReview rating, its colours (terminal and HTML) and its severity (reports list the
most severe first). Renderers read these instead of keeping their own maps."""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Label(StrEnum):
    ACCURATE = "accurate"
    APPROXIMATELY_ACCURATE = "approximately_accurate"
    MISDATED = "misdated"
    INACCURATE = "inaccurate"
    UNVERIFIABLE = "unverifiable"
    NOT_CHECKABLE = "not_checkable"

    @property
    def rating(self) -> int | None:
        """ClaimReview ratingValue (1-5); ``None`` for claims that get no rating."""
        return _STYLE[self].rating

    @property
    def colour(self) -> str:
        """The terminal (rich) colour."""
        return _STYLE[self].colour

    @property
    def hex(self) -> str:
        """The HTML colour."""
        return _STYLE[self].hex

    @property
    def severity(self) -> int:
        """How urgently a reviewer should look: higher first."""
        return _STYLE[self].severity

    @property
    def supports(self) -> bool:
        return self in (Label.ACCURATE, Label.APPROXIMATELY_ACCURATE)

    @property
    def refutes(self) -> bool:
        """A flag: the data contradict the claim as stated."""
        return self in (Label.INACCURATE, Label.MISDATED)

    @classmethod
    def by_severity(cls) -> tuple["Label", ...]:
        return tuple(sorted(cls, key=lambda label: -label.severity))


@dataclass(frozen=True)
class _Style:
    rating: int | None
    colour: str
    hex: str
    severity: int


_STYLE = {
    Label.INACCURATE: _Style(1, "red", "#c62828", 5),
    Label.MISDATED: _Style(2, "yellow", "#b7791f", 4),
    Label.APPROXIMATELY_ACCURATE: _Style(4, "green3", "#4d9a2a", 3),
    Label.UNVERIFIABLE: _Style(None, "grey62", "#6b7280", 2),
    Label.NOT_CHECKABLE: _Style(None, "blue", "#2563eb", 1),
    Label.ACCURATE: _Style(5, "green", "#1a7f37", 0),
}
assert set(_STYLE) == set(Label), "every label needs its style"
