"""Skip a regex when the text it reads lacks every word that any of its matches must hold.

Most rules read a few dozen characters around a number with a pattern of key words
("tariff", "priced in", "forecast"), and most numbers have none of those words nearby:
Python's ``re`` still tries the pattern at every position. A :class:`Gated` pattern works
out once, from the parsed pattern, a few literal strings one of which every match must
contain (like the prefilter of RE2 or Hyperscan), and answers "no match" at C speed with
``str.__contains__`` when none occurs in the text. Otherwise it runs the pattern itself,
so the matches are always the pattern's own.

Soundness, i.e. why a text without the literals has no match:

* a run of literal characters in a sequence is in every match, and so is what every
  branch of an alternation or every body of a ``+`` requires (the union of the branches'
  literals); anything optional, a class, a look-around or a back reference requires
  nothing;
* case: literals are compared lower-cased with a lower-cased text when any part of the
  pattern ignores case, and only in ASCII text then (``re.IGNORECASE`` matches a few other
  characters to ASCII letters, "ſ" to "s"; a literal that is not ASCII requires nothing);
* a call with ``pos``/``endpos`` (a sentence of the whole text) checks that range only:
  a match lies inside it, only look-arounds read beyond it.

Use :func:`gate_patterns` at the end of a module: every module-level compiled pattern is
replaced by its gated twin, which behaves as the pattern does (attributes included).
"""
from __future__ import annotations

import re
from typing import Any, Iterable

try:  # Python 3.11+
    from re import _parser as sre_parse  # type: ignore[attr-defined]
    from re import _constants as sre_c  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef]
    import sre_constants as sre_c  # type: ignore[no-redef]

Need = frozenset  # literals, one of which every match contains; None: nothing required
MAX_LITERALS = 8  # a pattern needing one of more words than this is run as it is
MIN_LENGTH = 2  # single letters occur in every text: no gate
MAX_RANGE = 4000  # a search of a range of a text (pos, endpos) is checked when it is no longer


def required_literals(pattern: re.Pattern) -> tuple[frozenset[str] | None, bool]:
    """(literals one of which every match of ``pattern`` contains, or ``None``; whether
    they are to be compared lower-cased)."""
    folded = bool(pattern.flags & re.IGNORECASE) or _sets_ignorecase(pattern.pattern)
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - an exotic pattern is simply not gated
        return None, folded
    items = list(tree)
    if items and items[0][0] is sre_c.AT and items[0][1] in (sre_c.AT_BEGINNING, sre_c.AT_BEGINNING_STRING):
        return None, folded  # anchored at the start: a search fails at once where it does not match
    need = _sequence(items, folded)
    if need is None or len(need) > MAX_LITERALS or min(map(len, need)) < MIN_LENGTH:
        return None, folded
    return need, folded


def _sets_ignorecase(source: str) -> bool:
    """Whether an inline flag group turns case-insensitivity on somewhere ("(?i:in|by)")."""
    return re.search(r"\(\?[a-zA-Z]*i[a-zA-Z-]*[:)]", source) is not None


def _sequence(items: list, folded: bool) -> frozenset[str] | None:
    """The best single requirement among the parts of a sequence (every part is matched)."""
    needs: list[frozenset[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            needs.append(frozenset({"".join(run)}))
            run.clear()

    for op, av in items:
        if op is sre_c.LITERAL:
            ch = chr(av)
            if not ch.isascii():
                close_run()
                continue
            run.append(ch.lower() if folded else ch)
            continue
        if op is sre_c.AT:  # an anchor or \b matches no character: the run goes on
            continue
        close_run()
        need = _node(op, av, folded)
        if need is not None:
            needs.append(need)
    close_run()
    return _best(needs)


def _node(op, av, folded: bool) -> frozenset[str] | None:
    if op is sre_c.SUBPATTERN:
        return _sequence(list(av[-1]), folded)
    if op is getattr(sre_c, "ATOMIC_GROUP", None):
        return _sequence(list(av), folded)
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT) or op is getattr(sre_c, "POSSESSIVE_REPEAT", None):
        low, _high, body = av
        return _sequence(list(body), folded) if low >= 1 else None
    if op is sre_c.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            need = _sequence(list(branch), folded)
            if need is None:
                return None
            union |= need
        return _minimal(union)
    return None  # classes, any character, look-arounds, back references: nothing required


def _minimal(literals: Iterable[str]) -> frozenset[str]:
    """Drop a literal that contains another one: the shorter is in every text the longer is."""
    items = sorted(set(literals), key=len)
    kept: list[str] = []
    for s in items:
        if not any(k in s for k in kept):
            kept.append(s)
    return frozenset(kept)


def _best(needs: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective requirement: few literals, and long ones."""
    usable = [n for n in needs if n and min(map(len, n)) >= MIN_LENGTH]
    if not usable:
        return None
    return max(usable, key=lambda n: (len(n) <= MAX_LITERALS, min(map(len, n)) >= 3, -len(n), min(map(len, n))))


def lacks(text: str, need: Iterable[str], folded: bool) -> bool:
    """Whether ``text`` holds none of ``need`` (see :func:`required_literals`): then no
    match of the pattern they came from lies inside ``text``."""
    if folded:
        if not text.isascii():
            return False
        text = text.lower()
    for literal in need:
        if literal in text:
            return False
    return True


class Gated:
    """A compiled pattern behind a literal pre-check (see the module docstring).

    Only the unanchored scans are gated (``search``, ``finditer``, ``findall``): they try
    the pattern at every position. ``match`` and the others are the pattern's own bound
    methods, at no cost: an anchored attempt fails at its first characters anyway."""

    __slots__ = ("regex", "need", "folded", "match", "fullmatch", "split", "sub", "subn", "__weakref__")

    def __init__(self, regex: re.Pattern, need: frozenset[str], folded: bool):
        self.regex, self.need, self.folded = regex, tuple(sorted(need)), folded
        self.match, self.fullmatch, self.split = regex.match, regex.fullmatch, regex.split
        self.sub, self.subn = regex.sub, regex.subn

    # no keyword arguments: a function taking **kwargs builds a dict on every call, and no
    # caller passes pos or endpos by name
    def _cannot_match(self, string, args) -> bool:
        """Whether no match can lie in ``string`` (in ``string[pos:endpos]`` when given: a
        match lies inside the range, only look-arounds read beyond it). A long range is
        not checked: copying it to look costs about as much as the scan."""
        if type(string) is not str:
            return False
        if args:
            pos = args[0]
            endpos = args[1] if len(args) > 1 else len(string)
            if not 0 <= pos <= endpos <= len(string) or endpos - pos > MAX_RANGE:
                return False
            string = string[pos:endpos]
        return lacks(string, self.need, self.folded)

    def search(self, string, *args):
        if self._cannot_match(string, args):
            return None
        return self.regex.search(string, *args)

    def finditer(self, string, *args):
        if self._cannot_match(string, args):
            return iter(())
        return self.regex.finditer(string, *args)

    def findall(self, string, *args):
        if self._cannot_match(string, args):
            return []
        return self.regex.findall(string, *args)

    def __getattr__(self, name: str) -> Any:  # pattern, flags, groups, groupindex, scanner
        return getattr(self.regex, name)

    def __repr__(self) -> str:
        return f"Gated({self.regex!r}, need={self.need!r})"

    def __eq__(self, other: object) -> bool:
        return self.regex == (other.regex if isinstance(other, Gated) else other)

    def __hash__(self) -> int:
        return hash(self.regex)


def may_match(regex: re.Pattern | Gated, text: str) -> bool:
    """False only when no match of ``regex`` can lie inside ``text``: a rule that cuts a
    clause out of a context before searching it ("the words after the last comma") skips
    the cutting where the whole context lacks the pattern's literals."""
    return not (isinstance(regex, Gated) and type(text) is str and lacks(text, regex.need, regex.folded))


def gated(regex: re.Pattern) -> re.Pattern | Gated:
    """``regex`` behind its literal pre-check, or ``regex`` itself when no literal is required."""
    if isinstance(regex, Gated):
        return regex
    need, folded = required_literals(regex)
    return regex if need is None else Gated(regex, need, folded)


def gate_patterns(namespace: dict[str, Any]) -> None:
    """Gate every compiled pattern bound to a name in ``namespace`` (a module's globals)."""
    for name, value in list(namespace.items()):
        if isinstance(value, re.Pattern):
            namespace[name] = gated(value)
