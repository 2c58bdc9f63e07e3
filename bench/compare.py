"""Extraction speed of this checkout against another one, in the same process.

Two processes on a shared machine differ by more than most changes do; loading both
``claims`` packages into one process and alternating them over the same corpus compares
like with like. Usage::

    git archive main | tar -x -C /tmp/base      # the checkout to compare with
    .venv/bin/python bench/compare.py /tmp/base [MB] [rounds]

Prints each package's best MB/s over the rounds and the ratio of their times (this
checkout / the other: below 1 means this one is faster).
"""
from __future__ import annotations

import importlib
import pkgutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import corpus  # noqa: E402


def load_claims(root: Path) -> tuple[object, dict]:
    """The ``claims`` package of ``root``, imported afresh with every submodule, and its
    modules by name. The package imports some modules inside functions (``from .extractor
    import Extractor``), which Python looks up in ``sys.modules`` by name at call time: each
    package runs with its own modules installed there (:func:`activate`), or both would
    run the one loaded last."""
    for name in [n for n in sys.modules if n == "claims" or n.startswith("claims.")]:
        del sys.modules[name]
    sys.path.insert(0, str(root))
    try:
        module = importlib.import_module("claims")
        for info in pkgutil.walk_packages(module.__path__, "claims."):
            if info.name != "claims.component":  # the spaCy factory registers once per process
                importlib.import_module(info.name)
    finally:
        sys.path.remove(str(root))
    if not Path(module.__file__).is_relative_to(root):
        raise SystemExit(f"could not load claims from {root} (got {module.__file__})")
    return module, {n: m for n, m in sys.modules.items() if n == "claims" or n.startswith("claims.")}


def activate(modules: dict) -> None:
    """Make ``modules`` the ``claims`` package that name lookups find."""
    for name in [n for n in sys.modules if n == "claims" or n.startswith("claims.")]:
        del sys.modules[name]
    sys.modules.update(modules)


def main() -> None:
    other_root = Path(sys.argv[1]).resolve()
    mb = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    docs = corpus(int(mb * 1024 * 1024))
    other, other_modules = load_claims(other_root)
    this, this_modules = load_claims(HERE.parent)
    from factcheck.catalog import load_catalog  # this checkout's catalog, read with this claims

    vocabulary = load_catalog().vocabulary()
    other_vocabulary = other.Vocabulary([other.VocabularyEntry(e.phrase, e.kind, e.value, e.unit, e.low, e.high,
                                                               e.quote, e.case_sensitive) for e in vocabulary.entries])
    runs = {"this": (this, vocabulary, this_modules), "other": (other, other_vocabulary, other_modules)}
    best = dict.fromkeys(runs, float("inf"))
    for name, (module, voc, modules) in runs.items():
        activate(modules)
        module.extract(docs[0], "2026-01-21", voc)  # warm up
    for i in range(rounds):
        for name in (("this", "other") if i % 2 == 0 else ("other", "this")):
            module, voc, modules = runs[name]
            activate(modules)
            start = time.process_time()
            for d in docs:
                module.extract(d, "2026-01-21", voc)
            best[name] = min(best[name], time.process_time() - start)
    size = sum(len(d.encode("utf-8")) for d in docs) / 2 ** 20
    print(f"corpus {size:.2f} MB, best of {rounds} rounds (CPU time)")
    print(f"this checkout:  {size / best['this']:.3f} MB/s")
    print(f"{other_root}: {size / best['other']:.3f} MB/s")
    print(f"time ratio this/other: {best['this'] / best['other']:.3f}")


if __name__ == "__main__":
    main()
