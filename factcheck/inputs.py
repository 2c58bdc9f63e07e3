"""Reading documents: regular files only, never more bytes than the limit, text decoded
by its encoding, HTML reduced to its main text. ``check`` and ``batch`` both read here.

- A path is opened without blocking and must be a regular file: a FIFO, a device
  (``/dev/zero``) or a socket is refused at once instead of hanging or reading forever.
  Standard input is read up to the limit and no further.
- Encodings: a byte-order mark decides (UTF-8, UTF-16, UTF-32); else strict UTF-8; else
  charset-normalizer's best guess (Latin-1, cp1252, Shift-JIS, ...), named in the report's
  ``text_note``. ``--encoding`` forces one. Bytes that are no text in any encoding (NUL
  bytes outside UTF-16/32, undecodable binary) are refused.
"""
from __future__ import annotations

import codecs
import os
import stat
import sys
from pathlib import Path

from .errors import InputError

MAX_BYTES = 10 * 1024 * 1024
HTML_NOTE = "main text extracted from HTML (trafilatura); offsets refer to it"
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
         (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory"))


def read_bytes(path: str, limit: int = MAX_BYTES) -> tuple[bytes, str]:
    """The bytes of PATH (or stdin for ``-``) and the name to use in messages; a file over
    ``limit`` is refused from its size, and no more than ``limit + 1`` bytes are ever read."""
    if path == "-":
        return _read_capped(sys.stdin.buffer, "<stdin>", limit), "<stdin>"
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory (use `factcheck batch` for folders)") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot open ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = next((what for test, what in KINDS if test(info.st_mode)), "not a regular file")
            hint = " (use `factcheck batch` for folders)" if kind == "a directory" else ""
            raise InputError(f"{path}: is {kind}, not a regular file{hint}")
        if info.st_size > limit:
            raise InputError(f"{path}: {info.st_size} bytes, over the {limit}-byte limit")
        return _read_capped(fh, path, limit), path


def _read_capped(fh, name: str, limit: int) -> bytes:
    try:
        data = fh.read(limit + 1)
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror})") from None
    if len(data) > limit:
        raise InputError(f"{name}: over the {limit}-byte limit")
    return data


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """The text of ``data``: see the module doc. Use :func:`decode_noted` to also learn
    which encoding was guessed."""
    return decode_noted(data, name, encoding)[0]


def decode_noted(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str | None]:
    """The text and, when it was not plain UTF-8, a note naming the encoding used."""
    if encoding:
        return _forced(data, name, encoding), f"decoded as {encoding} (--encoding)"
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _strict(data, name, codec), None if codec == "utf-8-sig" else f"decoded as {codec} (byte-order mark)"
    if b"\x00" not in data[:8192]:
        try:
            return data.decode("utf-8"), None
        except UnicodeDecodeError:
            pass
    return _guessed(data, name)


def _forced(data: bytes, name: str, encoding: str) -> str:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"--encoding {encoding!r}: not an encoding Python knows") from None
    text = _strict(data, name, encoding)
    return text[1:] if text.startswith("\ufeff") else text


def _strict(data: bytes, name: str, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid {codec} (byte {exc.start}); give the right --encoding") from None


PREFERRED = ("cp1252", "latin_1", "cp932")  # Western text first, then Japanese
CALM = 0.05  # how much more "chaos" than the best reading a preferred encoding may show


def _guessed(data: bytes, name: str) -> tuple[str, str]:
    """UTF-16 without a byte-order mark (NUL in every other byte), else
    charset-normalizer's reading. Its single-byte guesses are often ties (cp1250 and
    cp1252 read English alike), so among the calmest readings cp1252, Latin-1 and
    Shift-JIS win, in that order. Binary data are refused."""
    wide = _utf16_without_bom(data)
    if wide:
        return _strict(data, name, wide), f"decoded as {wide} (detected: no byte-order mark)"
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks binary, not text")
    from charset_normalizer import from_bytes

    matches = [m for m in from_bytes(data) if not m.encoding.startswith(("utf_16", "utf_32"))]
    if not matches:
        raise InputError(f"{name}: not text in any encoding found; give one with --encoding")
    lowest = min(m.chaos for m in matches)
    calm = [m for m in matches if m.chaos <= lowest + CALM]
    for preferred in PREFERRED:
        if any(preferred in m.could_be_from_charset for m in calm):
            try:
                return data.decode(preferred), f"decoded as {preferred} (detected: not UTF-8)"
            except UnicodeDecodeError:
                continue
    return str(calm[0]), f"decoded as {calm[0].encoding} (detected: not UTF-8)"


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when most characters are ASCII written in two bytes."""
    sample = data[:8192]
    pairs = len(sample) // 2
    if pairs < 2 or len(sample) % 2:
        return None
    high_zero = sample[1::2].count(0) / pairs
    low_zero = sample[0::2].count(0) / pairs
    if high_zero > 0.6 and low_zero < 0.05:
        return "utf-16-le"
    if low_zero > 0.6 and high_zero < 0.05:
        return "utf-16-be"
    return None


def read_document(path: str, limit: int = MAX_BYTES, encoding: str | None = None) -> str:
    """The text of PATH (or stdin for ``-``), refusing what is not text or too large."""
    return decode(*read_bytes(path, limit), encoding)


def main_text(text: str, path: Path) -> tuple[str, str | None]:
    """The text to check and a note on how it was read: HTML gives its main text (the
    offsets of the report then refer to that). An empty document stays empty (the check
    reports "no text"); an HTML page without main text reads as empty too."""
    if not text.strip():
        return "", None
    if path.suffix.lower() in (".html", ".htm"):
        import trafilatura

        extracted = trafilatura.extract(text, include_comments=False, include_tables=False)
        if not extracted or not extracted.strip():
            return "", "no main text found in the HTML"
        return extracted, HTML_NOTE
    return text, None
