"""The desk's state: documents reviewers submitted, the reports made from them, the
baseline their decisions go to, and the folder of documents behind the batch view.

Submitted documents are kept as JSON files named by a hash of their content, name and
date in ``state_dir/docs`` (so a review page survives a restart and a reload shows the
same document); decisions go to the baseline file (``state_dir/reviewed.toml`` unless
given), which ``factcheck check --baseline`` reads. Checking is serialised by one lock:
the extractor is not safe to run from several threads at once, and a desk serves one
reviewer at a time anyway.
"""
from __future__ import annotations

import copy
import hashlib
import json
import os
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..baseline import Decision, load_baseline, set_decision
from ..errors import InputError
from ..inputs import MAX_BYTES, decode, main_text, read_bytes
from ..report import Report

DOC_ID = re.compile(r"[0-9a-f]{16}")
CACHED_REPORTS = 32


@dataclass
class Document:
    text: str
    name: str
    published: str | None
    note: str | None = None  # how the text was read (HTML main text)


@dataclass
class DeskConfig:
    state_dir: Path
    baseline: Path | None = None
    batch_dir: Path | None = None
    max_bytes: int = MAX_BYTES

    def __post_init__(self):
        self.state_dir = Path(self.state_dir)
        self.baseline = Path(self.baseline) if self.baseline else self.state_dir / "reviewed.toml"
        self.batch_dir = Path(self.batch_dir).resolve() if self.batch_dir else None


def parse_date(value: str | None) -> str | None:
    """A publication date from a form or the API: empty is none, else strictly YYYY-MM-DD."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise InputError(f"date must be YYYY-MM-DD, got {value[:40]!r}") from None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) or day.year < 1900:
        raise InputError(f"date must be YYYY-MM-DD from 1900 on, got {value[:40]!r}")
    return value


def safe_name(filename: str | None, default: str = "pasted text") -> str:
    """The last component of an uploaded file's name, control characters removed."""
    name = re.split(r"[\\/]", filename or "")[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip()[:200]
    return name or default


def document_from_upload(data: bytes, filename: str | None, published: str | None, limit: int) -> Document:
    """A document from an uploaded file: UTF-8 text, HTML reduced to its main text."""
    name = safe_name(filename, "upload.txt")
    if len(data) > limit:
        raise InputError(f"{name}: over the {limit}-byte limit")
    text, note = main_text(decode(data, name), Path(name))
    return Document(text, name, published, note)


def document_from_text(text: str, published: str | None, limit: int) -> Document:
    if len(text.encode("utf-8")) > limit:
        raise InputError(f"text over the {limit}-byte limit")
    text = text.replace("\r\n", "\n")
    if not text.strip():
        raise InputError("empty document: paste some text or choose a file")
    return Document(text, "pasted text", published)


@dataclass
class Desk:
    config: DeskConfig
    checker: object = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _reports: OrderedDict = field(default_factory=OrderedDict)

    def __post_init__(self):
        (self.config.state_dir / "docs").mkdir(parents=True, exist_ok=True)
        if self.checker is None:
            from ..api import Checker

            self.checker = Checker.default()

    # -- documents --------------------------------------------------------------------
    def save(self, doc: Document) -> str:
        key = hashlib.sha256(f"{doc.name}\x1f{doc.published}\x1f{doc.text}".encode()).hexdigest()[:16]
        path = self.config.state_dir / "docs" / f"{key}.json"
        if not path.exists():
            tmp = path.with_name(f".{key}.{os.getpid()}.{threading.get_ident()}.tmp")
            tmp.write_text(json.dumps(doc.__dict__, ensure_ascii=False), encoding="utf-8")
            tmp.replace(path)
        return key

    def load(self, doc_id: str) -> Document | None:
        if not DOC_ID.fullmatch(doc_id):
            return None
        try:
            return Document(**json.loads((self.config.state_dir / "docs" / f"{doc_id}.json").read_text("utf-8")))
        except (OSError, ValueError, TypeError):
            return None

    def recent(self, limit: int = 20) -> list[tuple[str, Document]]:
        paths = sorted((self.config.state_dir / "docs").glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        found = [(p.stem, self.load(p.stem)) for p in paths[:limit]]
        return [(k, d) for k, d in found if d is not None]

    # -- reports ----------------------------------------------------------------------
    def check(self, doc: Document) -> Report:
        """The tool's report on ``doc`` (cached), without any reviewer decision."""
        key = (doc.text, doc.published, doc.name)
        with self._lock:
            if key not in self._reports:
                report = self.checker.check(doc.text, doc.published, doc.name)
                report.text_note = doc.note
                self._reports[key] = report
                while len(self._reports) > CACHED_REPORTS:
                    self._reports.popitem(last=False)
            self._reports.move_to_end(key)
            return copy.deepcopy(self._reports[key])

    def reviewed(self, doc: Document) -> Report:
        """The report with the baseline's decisions applied, as the CLI would apply them."""
        report = self.check(doc)
        if self.config.baseline.exists():
            report.apply_baseline(load_baseline(self.config.baseline))
        return report

    def decide(self, decision: Decision) -> None:
        set_decision(self.config.baseline, decision)

    # -- the batch folder ---------------------------------------------------------------
    def batch_out(self) -> Path:
        digest = hashlib.sha256(str(self.config.batch_dir).encode()).hexdigest()[:12]
        return self.config.state_dir / "batches" / digest

    def batch_documents(self) -> list[tuple[str, str | None]]:
        from ..discover import discover

        root = self.config.batch_dir
        return [(p.relative_to(root).as_posix(), err) for p, err in discover(root, exclude=self.batch_out())]

    def batch_rows(self) -> list:
        """Every document of the folder checked (reports current from an earlier run are
        reused: ``factcheck batch``'s own re-run rule)."""
        from .. import batch
        from ..batch import BatchConfig, run

        batch._CHECKER = batch._CHECKER or self.checker  # one loaded checker for both views
        with self._lock:
            rows, _ = run(self.batch_documents(), BatchConfig(str(self.config.batch_dir), str(self.batch_out())))
        return rows

    def batch_document(self, rel: str) -> Document | None:
        """A document of the folder by its relative path, only if discovery lists it."""
        if self.config.batch_dir is None or rel not in {r for r, err in self.batch_documents() if not err}:
            return None
        raw, name = read_bytes(str(self.config.batch_dir / rel), self.config.max_bytes)
        text, note = main_text(decode(raw, rel), Path(rel))
        return Document(text, rel, None, note)
