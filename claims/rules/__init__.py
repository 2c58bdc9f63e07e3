"""The extractor's decisions as named rule tables, one module per decision:

* :mod:`.nonclaims`: numbers that are not claims (years, days of the month, counts, names);
* :mod:`.kinds`: whether a number is a level, a move or a spread;
* :mod:`.modality`: whether it is stated as fact or as a forecast or condition;
* :mod:`.qualifiers`: "a record", "the highest since 1999", "its biggest fall in 15 years";
* :mod:`.binding`: which time phrase dates which number, and how a claim gets its date.

Each rule is a name, a condition, what it produces and a line saying why, with sentences
next to it in which it decides (``examples``) and in which it must not (``counter``); the
number a sentence is about is marked with brackets ("rose [6 basis points] to 2.33%"). A
test runs every example from the tables. Rules are tried in table order and the first
whose condition holds decides; the claim records its name in ``Claim.trace``.

A rule that reads the text directly names the words it needs in ``triggers`` (regex
fragments; a test checks its examples hold them): the qualifier table runs a pattern only
in sentences holding its words, and the union of all triggers is what a single scan of the
text has to find. Rules over :class:`~claims.features.Features` read what is computed once
per number and need none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Generic, Iterable, TypeVar

C = TypeVar("C")
P = TypeVar("P")


@dataclass(frozen=True)
class Rule(Generic[C, P]):
    name: str
    when: Callable[[C], Any]
    produces: P
    why: str
    examples: tuple[str, ...] = field(default=())
    counter: tuple[str, ...] = field(default=())
    triggers: tuple[str, ...] = field(default=())


def first(rules: Iterable[Rule[C, P]], ctx: C) -> Rule[C, P] | None:
    """The first rule whose condition holds for ``ctx``."""
    for rule in rules:
        if rule.when(ctx):
            return rule
    return None


def trigger_pattern(rules: Iterable[Rule], flags: int = re.IGNORECASE) -> re.Pattern:
    """One regex of every trigger of ``rules``: text without a match needs none of them."""
    parts = [t for rule in rules for t in rule.triggers]
    return re.compile("|".join(parts), flags) if parts else re.compile(r"(?!x)x")


def unmark(example: str) -> tuple[str, int, int]:
    """An example sentence without its brackets, and the span of the bracketed number."""
    m = re.search(r"\[([^\]]+)\]", example)
    if not m:
        raise ValueError(f"example without a [marked] number: {example!r}")
    return example[:m.start()] + m.group(1) + example[m.end():], m.start(), m.end() - 2
