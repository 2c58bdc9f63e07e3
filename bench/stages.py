"""Where a batch document's time goes: CPU per document in each stage of `factcheck batch`
(extraction, mapping, dating, verification, charts, the report dict, the HTML page, the
JSON text, writing the files), and each stage's share of the whole, in one process.

Each stage's function is wrapped with a timer for the run (nested stages are counted once,
in the innermost); the wrappers add a little to every figure, so read the shares, and
compare the per-document figures only with runs of this script. Documents are the real-dev
ones (../shared, read at run time), written to a temporary folder as `bench/batch.py`
does, without a date (the dating stages run). CPU time, best of three runs.
Usage: python bench/stages.py [N]
"""
from __future__ import annotations

import collections
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import factcheck.api as api  # noqa: E402
import factcheck.batch as fbatch  # noqa: E402
import factcheck.report as report  # noqa: E402
from batch import build  # noqa: E402  (bench/batch.py: the same folder of documents)
from factcheck.verify import verifier  # noqa: E402

SPENT: collections.Counter = collections.Counter()
_OPEN: list[float] = []  # time spent in stages nested inside each open stage


def timed(owner, name: str, stage: str) -> None:
    """Replace ``owner.name`` with a wrapper that adds its own CPU time to ``stage`` (an
    older checkout without it, run for comparison, counts that time in the caller)."""
    inner = getattr(owner, name, None)
    if inner is None:
        return

    def wrapper(*args, **kwargs):
        start = time.process_time()
        _OPEN.append(0.0)
        try:
            return inner(*args, **kwargs)
        finally:
            took, nested = time.process_time() - start, _OPEN.pop()
            SPENT[stage] += took - nested
            if _OPEN:
                _OPEN[-1] += took

    setattr(owner, name, wrapper)


STAGES = [
    (api.claims, "extract", "extraction (claims)"),
    (api.Checker, "_resolve", "mapping"),
    (api, "given_or_written", "dating: written date"),
    (api, "infer", "dating: inferred from the figures"),
    (api.session, "settle", "dating: sessions"),
    (verifier.Verifier, "verify", "verification"),
    (api.charts, "attach", "chart data"),
    (api.Checker, "check", "check, the rest"),
    (report.Report, "to_dict", "report dict"),
    (fbatch, "render_for_batch", "HTML page"),
    (fbatch, "json_bytes", "JSON text"),
    (fbatch, "_atomic_write", "writing files"),
    (fbatch, "check_one", "batch, the rest (read, hash, decode)"),
]


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    for owner, name, stage in STAGES:
        timed(owner, name, stage)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        build(folder, n)
        rels = [p.relative_to(folder).as_posix() for p in sorted(folder.rglob("*.txt"))]
        config = fbatch.BatchConfig(str(folder), str(Path(tmp) / "out"), force=True)
        fbatch.init_worker()
        for rel in rels[:20]:  # warm: the series the documents read are loaded
            fbatch.check_one(rel, config)
        best = None
        for _ in range(3):
            SPENT.clear()
            start = time.process_time()
            for rel in rels:
                fbatch.check_one(rel, config)
            total = time.process_time() - start
            if best is None or total < best[0]:
                best = (total, dict(SPENT))
    total, spent = best
    print(f"documents: {n}; CPU per document {total / n * 1000:.2f} ms (best of 3, timers included)")
    for stage, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {stage:40s} {seconds / n * 1000:6.2f} ms  {seconds / total:6.1%}")


if __name__ == "__main__":
    main()
