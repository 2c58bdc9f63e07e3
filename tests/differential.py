"""The differential harness: what the tool says about a fixed set of inputs, recorded once
and compared after every change that should not change behaviour.

Inputs are the sentences the test suite uses (recorded with the expectations, since tests
change), the dev documents and the real-dev documents (read from ``../shared`` at run time,
with and without their gold publication date). For each input the harness keeps the
structured fields of the JSON report (spans, values, units, kinds, series, dates, verdict
labels, rules, observations, differences) and of the extracted claims (time, period,
horizon, modality, direction...). Sentences and explanations are kept only as short
hashes, so no publisher's text enters the repository.

Re-record after a deliberate change of output, and say why in the commit::

    .venv/bin/python tests/differential.py record
"""
from __future__ import annotations

import ast
import gzip
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXPECTED = Path(__file__).with_name("differential_expected.jsonl.gz")
TEST_DATE = "2026-01-21"  # the date most extraction tests use


def digest(text: str | None) -> str | None:
    return None if text is None else hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def test_strings() -> list[str]:
    """Every string constant in the test files that reads like commentary: letters, a digit
    and a few words (payloads and file names mostly drop out; the rest costs nothing)."""
    found: dict[str, None] = {}
    for path in sorted((ROOT / "tests").glob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                s = node.value
                if 12 <= len(s) <= 4000 and s.count(" ") >= 3 and any(ch.isdigit() for ch in s) \
                        and any(ch.isalpha() for ch in s):
                    found[s] = None
    return list(found)


def documents() -> list[tuple[str, str, str | None]]:
    """(case id, path, gold publication date) for the dev and real-dev sets."""
    out = []
    for name in ("dev", "real-dev"):
        folder = SHARED / "eval" / name
        gold = folder / "gold.jsonl"
        if not gold.exists():
            continue
        for line in gold.read_text(encoding="utf-8").splitlines():
            if line.strip():
                g = json.loads(line)
                out.append((f"{name}/{g['file']}", str(folder / g["file"]), g.get("published")))
    return out


def qualifier_labels(c) -> list[str]:
    """The claim's qualifiers by their report names (also for code from before typed
    qualifiers, when they were those names)."""
    try:
        from factcheck.report import qualifier_labels as labels
    except ImportError:
        return [str(q) for q in c.qualifiers]
    return labels(c)


def claim_view(c) -> dict:
    """The extractor's own decisions on one claim (no text)."""
    def tref(t):
        return None if t is None else [t.value, t.precision, t.role, t.days, t.sessions, digest(t.text)]

    return {"span": [c.start, c.end], "value": c.value, "unit": str(c.unit), "kind": str(c.kind),
            "time": tref(c.time), "since": tref(c.since), "since_text": digest(c.since_text),
            "horizon": tref(c.horizon), "date_basis": c.date_basis, "checkable": c.checkable,
            "modality": c.modality, "direction": c.direction, "subject_quote": c.subject_quote,
            "hedge": c.hedge, "threshold": c.threshold, "extreme": c.extreme, "intraday": c.intraday,
            "event": c.event, "from_level": c.from_level, "from_record": c.from_record,
            "range": [c.range_low, c.range_high], "precision": c.precision,
            "qualifiers": qualifier_labels(c), "subject": digest(c.subject),
            "cues": [[cue.kind, cue.value, cue.start] for cue in c.cues[:6]], "paragraph": c.paragraph}


def report_view(d: dict) -> dict:
    """The JSON report's fields that carry behaviour; sentences and explanations hashed."""
    doc = d["document"]
    claims = []
    for c in d["claims"]:
        v = c["verdict"]
        claims.append({
            "span": c["value_span"], "value": c["value"], "unit": c["unit"], "kind": c["kind"],
            "series": c["series"], "date": c["date"], "date_basis": c["date_basis"], "hedge": c["hedge"],
            "threshold": c["threshold"], "qualifiers": c["qualifiers"], "checkable": c["checkable"],
            "mention": digest(c["mention"]), "instrument": c.get("instrument"), "range": c.get("range"),
            "label": v["label"], "rule": v["rule"], "observed": v["observed"], "difference": v["difference"],
            "tolerance": v["tolerance"], "explanation": digest(v["explanation"]),
            "verdict_qualifiers": [[q["qualifier"], q["holds"], digest(q["explanation"])]
                                   for q in v.get("qualifiers", [])],
        })
    return {"reference_date": doc["reference_date"], "basis": doc["reference_date_basis"],
            "inference": doc.get("reference_inference"), "claims": claims,
            "summary": d["summary"], "warnings": [digest(w) for w in d.get("warnings", [])]}


def observe(checker, vocabulary, text: str, published: str | None) -> dict:
    import claims

    report = checker.check(text, published).to_dict()
    ref = report["document"]["reference_date"]
    extracted = claims.extract(text, ref, vocabulary)
    return {"report": report_view(report), "claims": [claim_view(c) for c in extracted]}


def cases() -> list[dict]:
    """Every case to record: test strings (with the usual date and without any) and
    documents (with the gold date and without)."""
    out = []
    for s in test_strings():
        for published in (TEST_DATE, None):
            out.append({"id": f"string/{digest(s)}/{published}", "text": s, "published": published})
    for case_id, path, published in documents():
        for given in ([published, None] if published else [None]):
            out.append({"id": f"{case_id}/{given}", "path": path, "published": given})
    return out


def text_of(case: dict) -> str | None:
    if "text" in case:
        return case["text"]
    path = Path(case["path"])
    return path.read_text(encoding="utf-8") if path.exists() else None


def record(path: Path = EXPECTED) -> int:
    from factcheck.api import Checker

    checker = Checker.default()
    vocabulary = checker.catalog.vocabulary()
    lines = []
    for case in cases():
        text = text_of(case)
        if text is None:
            continue
        entry = {"id": case["id"], "published": case["published"], **observe(checker, vocabulary, text, case["published"])}
        if "text" in case:
            entry["text"] = case["text"]
        else:
            entry["path"] = str(Path(case["path"]).relative_to(SHARED))
        lines.append(json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    return len(lines)


def expected() -> list[dict]:
    with gzip.open(EXPECTED, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def first_difference(a, b, where: str = "") -> str | None:
    """A readable path to the first place two recorded values differ."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            found = first_difference(a.get(key), b.get(key), f"{where}.{key}")
            if found:
                return found
        return None
    if isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b)):
            found = first_difference(x, y, f"{where}[{i}]")
            if found:
                return found
        return None if len(a) == len(b) else f"{where}: {len(a)} items recorded, {len(b)} now"
    return None if a == b else f"{where}: recorded {a!r}, now {b!r}"


if __name__ == "__main__":
    if sys.argv[1:] != ["record"]:
        sys.exit("usage: python tests/differential.py record")
    sys.path.insert(0, str(ROOT))
    print(f"recorded {record()} cases in {EXPECTED.relative_to(ROOT)}")
