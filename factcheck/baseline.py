"""The review loop: verdicts a reviewer has already decided, kept in a TOML file and
applied to later checks of the same (or a lightly edited) document.

A claim's fingerprint hashes its own sentence (normalised: case, spacing, other numbers
kept), its literal and its series, so edits elsewhere in the document leave it unchanged.
Each ``[[claim]]`` entry has an ``action``:

* ``suppress``: the claim drops out of the report's findings;
* ``override``: the verdict becomes ``label`` (a label of VERDICTS.md), with a note;
* ``accept``: the reviewer agrees with the tool's verdict (it is kept, marked reviewed);
* ``comment``: only a note; the verdict is untouched.

The file is written by ``factcheck review`` and by the review desk (``factcheck serve``)
and read by ``check --baseline``. A bad entry (unknown action, a label that is no
verdict label) is an :class:`InputError` naming the entry, raised when the file is read,
so nothing downstream (rendering, counting) ever sees it.
"""
from __future__ import annotations

import hashlib
import os
import re
import threading
import tomllib
from dataclasses import dataclass
from pathlib import Path

import tomli_w

from .errors import InputError
from .labels import Label

ACTIONS = ("suppress", "override", "accept", "comment")
LABELS = tuple(label.value for label in Label)
HEADER = ("# factcheck review baseline: claims a reviewer has decided.\n"
          "# action = \"suppress\" hides a claim from findings; \"override\" sets its verdict (label);\n"
          "# \"accept\" confirms the tool's verdict; \"comment\" only keeps a note.\n")
_WRITE_LOCK = threading.Lock()  # the desk serves requests from several threads


def fingerprint(sentence: str, literal: str, series_id: str | None) -> str:
    norm = re.sub(r"\s+", " ", sentence).strip().lower()
    lit = re.sub(r"\s+", " ", literal).strip().lower()
    digest = hashlib.sha256(f"{norm}\x1f{lit}\x1f{series_id or '-'}".encode()).hexdigest()
    return digest[:16]


@dataclass
class Decision:
    fingerprint: str
    action: str  # suppress | override | accept | comment
    label: str | None = None
    note: str = ""
    text: str = ""
    was: str = ""

    def to_toml(self) -> dict:
        out = {"fingerprint": self.fingerprint, "action": self.action}
        if self.action == "override":
            out["label"] = self.label
        for key in ("text", "was", "note"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        return out


def validate_entry(entry: object, where: str) -> Decision:
    """One ``[[claim]]`` table as a :class:`Decision`, or a clear error naming it."""
    if not isinstance(entry, dict):
        raise InputError(f"{where}: not a table")
    fp, action, label = entry.get("fingerprint"), entry.get("action", "suppress"), entry.get("label")
    if not isinstance(fp, str) or not re.fullmatch(r"[0-9a-f]{16}", fp):
        raise InputError(f"{where}: fingerprint must be 16 hex digits, got {fp!r}")
    if action not in ACTIONS:
        raise InputError(f"{where}: action must be one of {', '.join(ACTIONS)}, got {action!r}")
    if action == "override" and not label:
        raise InputError(f"{where}: overrides without a label")
    if label is not None and label not in LABELS:
        raise InputError(f"{where}: label {label!r} is not a verdict label ({', '.join(LABELS)})")
    texts = {k: entry.get(k, "") for k in ("note", "text", "was")}
    bad = [k for k, v in texts.items() if not isinstance(v, str)]
    if bad:
        raise InputError(f"{where}: {bad[0]} must be a string")
    return Decision(fp, action, label, texts["note"], texts["text"], texts["was"])


def load_baseline(path: str | Path) -> dict[str, Decision]:
    try:
        doc = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read baseline {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise InputError(f"baseline {path} is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"baseline {path} is not valid TOML: {exc}") from None
    entries = doc.get("claim", [])
    if not isinstance(entries, list):
        raise InputError(f"baseline {path}: 'claim' must be an array of tables ([[claim]])")
    out: dict[str, Decision] = {}
    for i, e in enumerate(entries):
        d = validate_entry(e, f"baseline {path}: entry #{i + 1}")
        out[d.fingerprint] = d
    return out


def _dump(decisions: list[Decision]) -> str:
    return HEADER + "".join(f"\n[[claim]]\n{tomli_w.dumps(d.to_toml())}" for d in decisions)


def _replace(path: Path, body: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_text(body, encoding="utf-8")
    tmp.replace(path)


def write_baseline(report: dict, path: str | Path, labels: set[str] | None = None, action: str = "suppress",
                   note: str = "reviewed") -> int:
    """Entries for the claims of a JSON report (all, or those with ``labels``); returns how
    many were written. Existing entries in ``path`` are kept."""
    path = Path(path)
    with _WRITE_LOCK:
        existing = load_baseline(path) if path.exists() else {}
        added = []
        for c in report.get("claims", []):
            label = c["verdict"]["label"]
            if labels and label not in labels:
                continue
            fp = c.get("fingerprint") or fingerprint(c["sentence"], c["text"], (c.get("series") or {}).get("id"))
            if fp in existing:
                continue
            existing[fp] = Decision(fp, action, label if action == "override" else None, note, c["text"], label)
            added.append(fp)
        _replace(path, _dump(list(existing.values())))
    return len(added)


def set_decision(path: str | Path, decision: Decision) -> None:
    """Record one decision, replacing any earlier one for the same claim (a reviewer may
    change their mind); the file is rewritten atomically."""
    path = Path(path)
    validate_entry(decision.to_toml(), f"decision on {decision.fingerprint}")
    with _WRITE_LOCK:
        existing = load_baseline(path) if path.exists() else {}
        existing[decision.fingerprint] = decision
        path.parent.mkdir(parents=True, exist_ok=True)
        _replace(path, _dump(list(existing.values())))
