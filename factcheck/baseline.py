"""The review loop: verdicts a reviewer has already decided, kept in a TOML file and
applied to later checks of the same (or a lightly edited) document.

A claim's fingerprint hashes its own sentence (normalised: case, spacing, other numbers
kept), its literal and its series, so edits elsewhere in the document leave it unchanged.
Entries either ``suppress`` a claim (it drops out of the report's findings) or set the
verdict a reviewer decided (``override``), with a note.
"""
from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

ACTIONS = ("suppress", "override")


def fingerprint(sentence: str, literal: str, series_id: str | None) -> str:
    norm = re.sub(r"\s+", " ", sentence).strip().lower()
    lit = re.sub(r"\s+", " ", literal).strip().lower()
    digest = hashlib.sha256(f"{norm}\x1f{lit}\x1f{series_id or '-'}".encode()).hexdigest()
    return digest[:16]


@dataclass
class Decision:
    fingerprint: str
    action: str  # suppress | override
    label: str | None = None
    note: str = ""
    text: str = ""


def load_baseline(path: str | Path) -> dict[str, Decision]:
    try:
        doc = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read baseline {path}: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"baseline {path} is not valid TOML: {exc}") from None
    out: dict[str, Decision] = {}
    for i, e in enumerate(doc.get("claim", [])):
        fp, action = e.get("fingerprint"), e.get("action", "suppress")
        if not fp or action not in ACTIONS:
            raise InputError(f"baseline {path}: entry #{i + 1} needs a fingerprint and action suppress|override")
        if action == "override" and not e.get("label"):
            raise InputError(f"baseline {path}: entry #{i + 1} overrides without a label")
        out[fp] = Decision(fp, action, e.get("label"), e.get("note", ""), e.get("text", ""))
    return out


def _quote(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def write_baseline(report: dict, path: str | Path, labels: set[str] | None = None, action: str = "suppress",
                   note: str = "reviewed") -> int:
    """Entries for the claims of a JSON report (all, or those with ``labels``); returns how
    many were written. Existing entries in ``path`` are kept."""
    path = Path(path)
    existing = load_baseline(path) if path.exists() else {}
    lines = [path.read_text(encoding="utf-8").rstrip() + "\n"] if path.exists() else [
        "# factcheck review baseline: claims a reviewer has decided.\n"
        "# action = \"suppress\" hides a claim from findings; \"override\" sets its verdict (label).\n"]
    n = 0
    for c in report.get("claims", []):
        label = c["verdict"]["label"]
        if labels and label not in labels:
            continue
        fp = c.get("fingerprint") or fingerprint(c["sentence"], c["text"], (c.get("series") or {}).get("id"))
        if fp in existing:
            continue
        lines.append(f"\n[[claim]]\nfingerprint = {_quote(fp)}\naction = {_quote(action)}\n"
                     + (f"label = {_quote(label)}\n" if action == "override" else "")
                     + f"text = {_quote(c['text'])}\nwas = {_quote(label)}\nnote = {_quote(note)}\n")
        existing[fp] = Decision(fp, action)
        n += 1
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text("".join(lines), encoding="utf-8")
    tmp.replace(path)
    return n
