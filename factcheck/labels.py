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
    def style(self) -> "Style":
        """How reports show it: rating, colours, severity."""
        return _STYLE[self]

    @property
    def supports(self) -> bool:
        return self in (Label.ACCURATE, Label.APPROXIMATELY_ACCURATE)

    @property
    def refutes(self) -> bool:
        """A flag: the data contradict the claim as stated."""
        return self in (Label.INACCURATE, Label.MISDATED)

    @classmethod
    def by_severity(cls) -> tuple["Label", ...]:
        return tuple(sorted(cls, key=lambda label: -label.style.severity))


@dataclass(frozen=True)
class Style:
    rating: int | None  # ClaimReview ratingValue (1-5); None: the claim gets no rating
    colour: str  # the terminal (rich) colour
    hex: str  # the HTML colour
    severity: int  # how urgently a reviewer should look: higher first


_STYLE = {
    Label.INACCURATE: Style(1, "red", "#c62828", 5),
    Label.MISDATED: Style(2, "yellow", "#b7791f", 4),
    Label.APPROXIMATELY_ACCURATE: Style(4, "green3", "#4d9a2a", 3),
    Label.UNVERIFIABLE: Style(None, "grey62", "#6b7280", 2),
    Label.NOT_CHECKABLE: Style(None, "blue", "#2563eb", 1),
    Label.ACCURATE: Style(5, "green", "#1a7f37", 0),
}
assert set(_STYLE) == set(Label), "every label needs its style"
