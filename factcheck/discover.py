"""Which files of a folder ``factcheck batch`` (and the desk's batch view) may read.

Every candidate is a path inside the folder, found by walking it, never by handing a
user's pattern to the file system: a ``--glob`` is matched against relative paths, so
``../../..`` or ``/etc/*`` is refused as a usage error instead of reaching outside. A
symbolic link to a directory is not followed (``follow_symlinks`` opts in, and cycles are
cut), a linked file that leaves the folder becomes an error row, and the output folder is
left out, so a batch run inside its own folder never reads its reports back.
"""
from __future__ import annotations

import fnmatch
import os
from pathlib import Path, PurePosixPath
from typing import Iterable, Iterator

from .errors import UsageError

EXTENSIONS = (".txt", ".md", ".html", ".htm")
DEFAULT_PATTERNS = tuple(f"**/*{ext}" for ext in EXTENSIONS)


def check_pattern(pattern: str) -> list[str]:
    """The pattern's segments; a pattern that could leave the folder is a usage error."""
    parts = PurePosixPath(pattern.replace("\\", "/")).parts
    if not pattern.strip() or pattern.startswith(("/", "\\")) or ".." in parts or (parts and ":" in parts[0]):
        raise UsageError(f"--glob {pattern!r}: patterns are relative to the folder and may not contain '..' "
                         "or start with '/'")
    return [p for p in parts if p != "."]


def matches(pattern: list[str], parts: tuple[str, ...]) -> bool:
    """Glob matching of path segments: ``*``, ``?`` and ``[...]`` within a segment, ``**``
    for any number of directories (as ``pathlib`` globs)."""
    if not pattern:
        return not parts
    if pattern[0] == "**":
        return any(matches(pattern[1:], parts[i:]) for i in range(len(parts) + 1))
    return bool(parts) and fnmatch.fnmatchcase(parts[0], pattern[0]) and matches(pattern[1:], parts[1:])


def inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def walk(root: Path, follow_symlinks: bool = False, exclude: Path | None = None) -> Iterator[Path]:
    """Every file and directory under ``root`` (itself resolved), without entering linked
    directories unless asked, the excluded folder, or a directory twice."""
    seen: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=follow_symlinks):
        real = os.path.realpath(dirpath)
        if real in seen:
            dirnames[:] = []
            continue
        seen.add(real)
        base = Path(dirpath)
        dirnames[:] = [d for d in sorted(dirnames) if exclude is None or (base / d).resolve() != exclude]
        for name in dirnames + sorted(filenames):
            yield base / name


def reason_to_skip(p: Path, root: Path, follow_symlinks: bool) -> str | None:
    """Why a matching path must be an error row instead of being read, or None."""
    if p.is_symlink():
        target = p.resolve()
        if p.is_dir():
            return None if follow_symlinks else "symbolic link to a directory (not followed)"
        if not inside(target, root) and not follow_symlinks:
            return "symbolic link leaves the folder (use --follow-symlinks to allow)"
    if p.is_dir():
        return "is a directory, not a document"
    return None


def discover(root: Path, patterns: Iterable[str] | None = None, follow_symlinks: bool = False,
             exclude: Path | None = None) -> Iterator[tuple[Path, str | None]]:
    """Candidate documents under ``root`` in a stable order (by relative path), each with
    the reason it must become an error row rather than be read, or None."""
    root = root.resolve()
    compiled = [check_pattern(p) for p in (patterns or DEFAULT_PATTERNS)]
    exclude = exclude.resolve() if exclude is not None else None
    found = []
    for p in walk(root, follow_symlinks, exclude):
        rel = p.relative_to(root).parts
        if any(matches(pat, rel) for pat in compiled):
            found.append(p)
    for p in sorted(found, key=lambda p: p.relative_to(root).as_posix()):
        yield p, reason_to_skip(p, root, follow_symlinks)
