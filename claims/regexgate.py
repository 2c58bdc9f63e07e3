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

Needs = tuple  # of needs, each a tuple of literals: a match holds one literal of every need
MAX_LITERALS = 40  # a pattern needing one of more words than this is run as it is
MIN_LENGTH = 2  # single letters occur in every text: no gate
MAX_NEEDS = 3  # needs checked per text (a run of literals, a group of words, ...)
MAX_RANGE = 4000  # a text, or a range of one (pos, endpos), is checked when it is no longer


def required_literals(pattern: re.Pattern) -> tuple[Needs | None, bool]:
    """(the needs of ``pattern``: for each, literals one of which every match contains; the
    most selective first, at most :data:`MAX_NEEDS`; ``None`` when nothing usable is
    required) and whether literals are compared lower-cased."""
    folded = bool(pattern.flags & re.IGNORECASE) or _sets_ignorecase(pattern.pattern)
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - an exotic pattern is simply not gated
        return None, folded
    items = list(tree)
    if items and items[0][0] is sre_c.AT and items[0][1] in (sre_c.AT_BEGINNING, sre_c.AT_BEGINNING_STRING):
        return None, folded  # anchored at the start: a search fails at once where it does not match
    usable = sorted(set(n for n in _conjuncts(items, folded) if _usable(n)), key=_selectivity)
    if not usable:
        return None, folded
    return tuple(tuple(sorted(n)) for n in usable[:MAX_NEEDS]), folded


def _sets_ignorecase(source: str) -> bool:
    """Whether an inline flag group turns case-insensitivity on somewhere ("(?i:in|by)")."""
    return re.search(r"\(\?[a-zA-Z]*i[a-zA-Z-]*[:)]", source) is not None


def _conjuncts(items: list, folded: bool) -> list[frozenset[str]]:
    """What a sequence requires: every part of it is matched, so every part's needs hold."""
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
        needs += _node(op, av, folded)
    close_run()
    return needs


def _node(op, av, folded: bool) -> list[frozenset[str]]:
    if op is sre_c.SUBPATTERN:
        return _conjuncts(list(av[-1]), folded)
    if op is getattr(sre_c, "ATOMIC_GROUP", None):
        return _conjuncts(list(av), folded)
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT) or op is getattr(sre_c, "POSSESSIVE_REPEAT", None):
        low, _high, body = av
        return _conjuncts(list(body), folded) if low >= 1 else []
    if op is sre_c.BRANCH:  # a match is one branch's: one literal of the union of their best needs
        union: set[str] = set()
        for branch in av[1]:
            need = _best(_conjuncts(list(branch), folded))
            if need is None:
                return []
            union |= need
        return [minimal_literals(union)]
    return []  # classes, any character, look-arounds, back references: nothing required


def minimal_literals(literals: Iterable[str]) -> frozenset[str]:
    """Drop a literal that contains another one: the shorter is in every text the longer is."""
    items = sorted(set(literals), key=len)
    kept: list[str] = []
    for s in items:
        if not any(k in s for k in kept):
            kept.append(s)
    return frozenset(kept)


def _usable(need: frozenset[str]) -> bool:
    return bool(need) and len(need) <= MAX_LITERALS and min(map(len, need)) >= MIN_LENGTH


def _selectivity(need: frozenset[str]):
    """Few literals first, then long ones (then a fixed order)."""
    return len(need), -min(map(len, need)), sorted(need)


def _best(needs: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective usable need, if any."""
    usable = [n for n in needs if n and min(map(len, n)) >= MIN_LENGTH]
    if not usable:
        return None
    return min(usable, key=lambda n: (len(n) > MAX_LITERALS, _selectivity(n)))


def lacks(text: str, needs: Needs, folded: bool) -> bool:
    """Whether ``text`` lacks every literal of one of ``needs`` (see
    :func:`required_literals`): then no match of the pattern they came from lies inside it."""
    if folded:
        if not text.isascii():
            return False
        text = text.lower()
    for need in needs:
        for literal in need:
            if literal in text:
                break
        else:
            return True
    return False


class Gated:
    """A compiled pattern behind a literal pre-check (see the module docstring).

    Only the unanchored scans are gated (``search``, ``finditer``, ``findall``): they try
    the pattern at every position. ``match`` and the others are the pattern's own bound
    methods, at no cost: an anchored attempt fails at its first characters anyway."""

    __slots__ = ("regex", "need", "folded", "match", "fullmatch", "split", "sub", "subn", "__weakref__")

    def __init__(self, regex: re.Pattern, need: Needs, folded: bool):
        self.regex, self.need, self.folded = regex, need, folded
        self.match, self.fullmatch, self.split = regex.match, regex.fullmatch, regex.split
        self.sub, self.subn = regex.sub, regex.subn

    # no keyword arguments: a function taking **kwargs builds a dict on every call, and no
    # caller passes pos or endpos by name
    def _cannot_match(self, string, args) -> bool:
        """Whether no match can lie in ``string`` (in ``string[pos:endpos]`` when given: a
        match lies inside the range, only look-arounds read beyond it). A long range is
        not checked: copying it to look costs about as much as the scan."""
        if type(string) is not str or (not args and len(string) > MAX_RANGE):
            return False  # a whole document: its words are almost always there, and copying
        if args:          # it lower-cased to look would cost about as much as the scan
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
