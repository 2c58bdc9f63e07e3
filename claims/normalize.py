"""The text the extractor reads, and the way back to the text as written.

Writers and the tools they paste through put characters into numbers that a reader never
sees or reads past: a zero-width space inside "157.20", a soft hyphen, a byte-order mark
in the middle of a file, direction marks around a figure in mixed-script text, full-width
digits ("１．２３％") from a Japanese input method, a thin space as a thousands separator
("38 500"), or old Mac line endings (a lone CR). :func:`normalize` returns the text with
those folded away, and a map from every offset of it back to the text as given, so the
extractor works on clean text while every span it reports points into the original (the
spans a scorer compares and the HTML page highlights).

What changes, and why it is safe:

* invisible and direction characters (zero-width space, joiners, soft hyphen, word joiner,
  BOM, LRM/RLM/ALM, embeddings, overrides and isolates) are removed: they carry no text;
* CR LF and a lone CR become LF, and so do NEL and the line separator; a paragraph
  separator becomes a blank line; spaces and tabs at the end of a line are removed (a
  wrapped "6 basis \\npoints" is "6 basis points" once the line break inside a paragraph
  is read as a space);
* full-width and half-width forms (U+FF01-U+FF5E, U+FFE0-U+FFE6) and mathematical digits
  take their NFKC form, one character for one; other NFKC folds (superscripts,
  fractions, ligatures, "…") are left alone, since they change what a sentence says
  ("10²" is not "102", and "…" is not three full stops);
* the hyphen and the non-breaking hyphen become "-" ("10‑year");
* a no-break, thin, narrow no-break or figure space between digit groups ("1 234",
  "38 500.25") is a thousands separator and becomes ","; every other space character is
  a plain space. An ordinary space between digits stays a space: "in 2024 150 yen" are
  two numbers.

Last, the rows of a CSV export or a whitespace-aligned column table are read as the
sentences they stand for (:mod:`claims.tables`): the header's instrument, unit and date
column carry to every cell, and each figure still maps to its cell as written.

Text with none of these characters and no table is returned as it is, with an identity
map, at the cost of two regex searches.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field, replace

from .tables import rewrite as rewrite_tables

# removed: format characters that carry no text (soft hyphen, Arabic letter mark, Mongolian
# vowel separator, zero-width space/non-joiner/joiner, LRM/RLM, embeddings and overrides,
# word joiner and invisible operators, isolates, BOM, interlinear annotation marks, tags)
INVISIBLE = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb" \
            "\U000e0001\U000e0020-\U000e007f"
GROUP_SPACES = "\u00a0\u2007\u2009\u202f"  # may separate thousands ("38 500")
OTHER_SPACES = "\u1680\u2000-\u2006\u2008\u200a\u205f\u3000"
LINE_BREAKS = "\r\x85\u2028\u2029"
HYPHENS = "\u2010\u2011"
FOLDED = "\uff01-\uff5e\uffe0-\uffe6\U0001d7ce-\U0001d7ff"  # full-width, half-width, math digits
# spaces and tabs at the end of a line, tried only where a run of them starts and never
# backtracked: a run without a line end after it was otherwise re-read from each of its
# positions and each length (20 KB of spaces took 2.4 s, 80 KB 43 s)
TRAILING = f"(?<![ \t])[ \t]++(?=[\n{LINE_BREAKS}])"
SPECIAL = re.compile(f"\r\n|{TRAILING}|[{INVISIBLE}{GROUP_SPACES}{OTHER_SPACES}{LINE_BREAKS}{HYPHENS}{FOLDED}]")
# a digit group after a group of one to three digits, across one of the spaces above
THOUSANDS = re.compile(rf"(?<![\d.,])\d{{1,3}}(?:[{GROUP_SPACES}]\d{{3}})+(?!\d)")
GROUP_SPACE = re.compile(f"[{GROUP_SPACES}]")
REPLACE = {"\r\n": "\n", "\r": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n\n",
           "\u2010": "-", "\u2011": "-"}
INVISIBLE_CHARS = re.compile(f"[{INVISIBLE}]")
OTHER_SPACE_CHARS = re.compile(f"[{OTHER_SPACES}]")


def _replacement(piece: str) -> str:
    """What one special character (or CR LF) becomes; the group spaces stay until the
    thousands pass has seen them."""
    if piece in REPLACE:
        return REPLACE[piece]
    if not piece.strip(" \t"):  # spaces before a line end
        return ""
    if INVISIBLE_CHARS.match(piece):
        return ""
    if OTHER_SPACE_CHARS.match(piece):
        return " "
    if GROUP_SPACE.match(piece):
        return piece
    return unicodedata.normalize("NFKC", piece)


@dataclass(frozen=True)
class Normalized:
    """``text`` as the extractor reads it, ``original`` as given, and the map between them.

    The map is a list of anchors ``(offset in text, offset in original)``; between two
    anchors the two texts run in step. A character of ``text`` maps to the original
    character it came from; a removed character belongs to no character of ``text``, so a
    span never starts or ends on one, but it stays inside a span that covers both its
    neighbours ("1\\u200b57.20" is one span over all seven characters).
    """

    text: str
    original: str
    anchors_text: list[int] = field(default_factory=lambda: [0])
    anchors_original: list[int] = field(default_factory=lambda: [0])

    @property
    def changed(self) -> bool:
        return self.text is not self.original

    def start(self, i: int) -> int:
        """The original offset of the character at ``i`` of ``text`` (a span's start)."""
        if not self.changed:
            return i
        if i >= len(self.text):
            return len(self.original)
        k = bisect.bisect_right(self.anchors_text, i) - 1
        return self.anchors_original[k] + (i - self.anchors_text[k])

    def end(self, i: int) -> int:
        """The original offset just after the character before ``i`` (a span's end)."""
        if not self.changed:
            return i
        return 0 if i <= 0 else self.start(i - 1) + 1

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A ``[start, end)`` span of ``text`` as a span of ``original``."""
        if start >= end:
            s = self.start(start)
            return s, s
        return self.start(start), self.end(end)

    def to_text(self, j: int) -> int:
        """The offset in ``text`` of original offset ``j`` (a removed character: the
        offset of the next character kept)."""
        if not self.changed:
            return j
        k = bisect.bisect_right(self.anchors_original, j) - 1
        i = self.anchors_text[k] + (j - self.anchors_original[k])
        if k + 1 < len(self.anchors_text):
            i = min(i, self.anchors_text[k + 1])
        return min(i, len(self.text))


def normalize(text: str) -> Normalized:
    """``text`` with invisible characters removed and line ends, spaces, hyphens and
    full-width forms folded (see the module's docstring), with the map back."""
    if SPECIAL.search(text) is None:
        return _tables_read(Normalized(text, text))
    pieces: list[str] = []
    anchors_text, anchors_original = [0], [0]
    out = copied = 0  # length of the output so far; original offset copied up to
    for m in SPECIAL.finditer(text):
        a, b = m.span()
        pieces.append(text[copied:a])
        out += a - copied
        new = _replacement(m.group(0))
        pieces.append(new)
        if len(new) != b - a:  # the texts fall out of step: anchor every output character
            for k in range(len(new)):  # CR LF: its LF; a paragraph separator: itself, twice
                anchors_text.append(out + k)
                anchors_original.append(b - len(new) + k if len(new) < b - a else min(a + k, b - 1))
            out += len(new)
            anchors_text.append(out)
            anchors_original.append(b)
        else:
            out += len(new)
        copied = b
    pieces.append(text[copied:])
    folded = "".join(pieces)
    folded = THOUSANDS.sub(lambda g: GROUP_SPACE.sub(",", g.group(0)), folded)
    folded = GROUP_SPACE.sub(" ", folded)
    return _tables_read(Normalized(folded, text, anchors_text, anchors_original))


def _tables_read(norm: Normalized) -> Normalized:
    """``norm`` with the rows of its CSV and column tables read as sentences
    (:mod:`claims.tables`), the map still pointing into the text as given."""
    found = rewrite_tables(norm.text)
    if found is None:
        return norm
    text, where = found
    anchors_text, anchors_original = [], []
    last = None
    for i, j in enumerate(where):
        original = norm.start(j)
        if last is None or original != last + 1:
            anchors_text.append(i)
            anchors_original.append(original)
        last = original
    return Normalized(text, norm.original, anchors_text or [0], anchors_original or [0])


def restore(found: list, norm: Normalized, rejected: list[tuple[int, int, str]] | None = None) -> None:
    """Put claims read from ``norm.text`` back into the original text, in place: their
    spans, literals (as written, invisible characters and all), sentence start, time
    phrases and cues; ``rejected`` spans too. The sentence stays as read (it was never
    verbatim: line breaks inside it are spaces)."""
    if not norm.changed:
        return
    moved: dict[int, object] = {}  # claims share their cues and time phrases: each is moved once

    def once(item):
        if item is None:
            return None
        if id(item) not in moved:
            moved[id(item)] = (item, _moved(item, norm))  # the original is kept so its id stays unique
        return moved[id(item)][1]

    for c in found:
        c.start, c.end = norm.span(c.start, c.end)
        c.text = norm.original[c.start:c.end]
        c.sentence_start = norm.start(c.sentence_start)
        c.time, c.since, c.horizon = once(c.time), once(c.since), once(c.horizon)
        c.cues = [once(cue) for cue in c.cues]
    if rejected is not None:
        rejected[:] = [(*norm.span(a, b), why) for a, b, why in rejected]


def _moved(item, norm: Normalized):
    """A time phrase or cue (frozen, with ``start``, ``end`` and ``text``) in original offsets."""
    start, end = norm.span(item.start, item.end)
    return replace(item, start=start, end=end, text=norm.original[start:end] if end > start else item.text)
