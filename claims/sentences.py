"""Where sentences end, for both readers of a text: the fast splitter :func:`split` (used
by :func:`claims.extract`, so text without claims is never tokenized) and the spaCy
pipeline's ``line_breaks`` component (:mod:`claims.component`), which share the line rule
:func:`line_break_ends`. A sentence ends at . ! ? (not inside "U.S.", "Jan.", "2.37" or
"Mr."), at a blank line, and at a line that reads as a title, dateline or bullet; a test
keeps the two readers in step."""
from __future__ import annotations

import re

ABBREVIATIONS = {
    "u.s", "u.k", "u.n", "e.u", "mr", "mrs", "ms", "dr", "st", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "no", "vs", "etc",
    "e.g", "i.e", "gov", "sen", "rep", "jr", "sr", "a.m", "p.m", "approx", "est", "dept", "fig",
}
# a run of end punctuation is tried once, from its start and without backtracking: a long
# run of "." or "!?" would otherwise be rescanned from every position (quadratic)
END = re.compile(r"(?<![.!?])[.!?]++[\"'”’)\]]*+(?=\s)|\n[ \t]*\n\s*|\n")
WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")  # the word a full stop ends ("U.S.", "Jan")
TITLE_MAX = 60
LINE_END_PUNCT = tuple('.!?:;"\')”’')
BULLET = ("-", "*", "•", "–", "—")
# a line of a chat log or a transcript starts with a time or a speaker: "[07:58] kenji:",
# "09:01 mika:", "KEN OTA:"; the line before it ends its sentence
CHAT_LINE = re.compile(r"\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s|[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,3}(?: \([^)]{1,30}\))?:\s")


def split(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` spans of the sentences of ``text``; whitespace between them is dropped."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in END.finditer(text):
        end = m.end()
        token = m.group(0)
        if token.startswith("\n"):
            if "\n" not in token.strip(" \t")[1:] and not _line_break_ends(text, m.start(), end):
                continue
            cut = m.start()
        else:
            word = WORD_BEFORE.search(text[max(start, m.start() - 12):m.start()])
            if token.startswith(".") and word and word.group(1).lower().rstrip(".") in ABBREVIATIONS:
                nxt = text[end:end + 3].lstrip()
                if not nxt[:1].isupper() or word.group(1).lower().rstrip(".") in ("u.s", "u.k", "e.u", "u.n", "no"):
                    continue
                if word.group(1).lower().rstrip(".") in ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                                                          "sept", "oct", "nov", "dec") and nxt[:1].isdigit():
                    continue
            cut = end
        seg = text[start:cut]
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            spans.append((start + lead, start + len(seg.rstrip())))
        start = end if not token.startswith("\n") else end
    if start < n and text[start:].strip():
        seg = text[start:]
        lead = len(seg) - len(seg.lstrip())
        spans.append((start + lead, start + len(seg.rstrip())))
    return spans


def line_break_ends(line: str, following: str) -> bool:
    """Whether a single line break after ``line`` (stripped) ends a sentence, ``following``
    being the text right after the break: the line ends with end punctuation, a bullet
    follows, or the line is short enough to be a title or dateline and a capital or a digit
    follows. A line break inside a hard-wrapped paragraph does not end a sentence."""
    if not line:
        return False
    if line.endswith(LINE_END_PUNCT) or following.startswith(BULLET) or CHAT_LINE.match(following):
        return True
    first = following[:1]
    return len(line) < TITLE_MAX and (first.isupper() or first.isdigit())


def _line_break_ends(text: str, pos: int, after: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    return line_break_ends(text[line_start:pos].strip(), text[after:after + 40])
