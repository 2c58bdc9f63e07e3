"""Reading documents: size checked before reading, text decoded strictly, HTML reduced to
its main text. ``check`` and ``batch`` both read through here."""
from __future__ import annotations

import sys
from pathlib import Path

from .errors import InputError

MAX_BYTES = 10 * 1024 * 1024
HTML_NOTE = "main text extracted from HTML (trafilatura); offsets refer to it"


def read_bytes(path: str, limit: int = MAX_BYTES) -> tuple[bytes, str]:
    """The bytes of PATH (or stdin for ``-``) and the name to use in messages; a file over
    ``limit`` is refused from its size, without reading it."""
    if path == "-":
        data, name = sys.stdin.buffer.read(limit + 1), "<stdin>"
    else:
        p = Path(path)
        if p.is_dir():
            raise InputError(f"{path}: is a directory (use `factcheck batch` for folders)")
        try:
            size = p.stat().st_size
            if size > limit:
                raise InputError(f"{path}: {size} bytes, over the {limit}-byte limit")
            data, name = p.read_bytes(), path
        except FileNotFoundError:
            raise InputError(f"{path}: no such file") from None
        except PermissionError:
            raise InputError(f"{path}: permission denied") from None
    if len(data) > limit:
        raise InputError(f"{name}: over the {limit}-byte limit")
    return data, name


def decode(data: bytes, name: str) -> str:
    """UTF-8 text (a BOM is dropped); binary or wrongly encoded bytes are refused."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks binary, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid UTF-8 (byte {exc.start})") from None


def read_document(path: str, limit: int = MAX_BYTES) -> str:
    """The text of PATH (or stdin for ``-``), refusing what is not UTF-8 text or too large."""
    return decode(*read_bytes(path, limit))


def main_text(text: str, path: Path) -> tuple[str, str | None]:
    """The text to check and a note on how it was read: HTML gives its main text (the
    offsets of the report then refer to that); an empty document is refused."""
    if not text.strip():
        raise InputError(f"{path.name}: empty document")
    if path.suffix.lower() in (".html", ".htm"):
        import trafilatura

        extracted = trafilatura.extract(text, include_comments=False, include_tables=False)
        if not extracted or not extracted.strip():
            raise InputError(f"{path.name}: no main text found in the HTML")
        return extracted, HTML_NOTE
    return text, None
