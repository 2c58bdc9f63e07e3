"""Extraction cost in instructions, counted by valgrind: a figure the machine's load does not move.

On a shared 2-core machine CPU time varies by 10-20% between runs of the same code (the
other processes' cache and memory traffic), more than most single changes save.
Instructions executed are counted exactly by ``valgrind --tool=callgrind``; this runs a
child that extracts the real-dev corpus (of the size asked) once after warming up, and
once that does only the warm-up, and prints the difference: the instructions of one pass.
With a second checkout (as for ``bench/compare.py``) it counts both and prints the ratio.

Usage::

    git archive main | tar -x -C /tmp/base
    .venv/bin/python bench/instructions.py [MB] [/tmp/base]

Needs valgrind (Debian: ``apt-get install valgrind``); about 100 s per checkout for 0.1 MB.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHILD = """
import sys
sys.path.insert(0, {bench!r})
from corpus import corpus
import claims
assert claims.__file__.startswith({root!r}), claims.__file__
from factcheck.catalog import load_catalog
voc = load_catalog().vocabulary()
docs = corpus(int({mb} * 1024 * 1024), "real-dev")
for d in docs[:60]:
    claims.extract(d, "2026-01-21", voc)
for _ in range({passes}):
    for d in docs:
        claims.extract(d, "2026-01-21", voc)
"""


def counted(root: Path, mb: float, passes: int) -> int:
    """Instructions valgrind counts for the child run with ``root``'s claims package."""
    env = dict(os.environ, PYTHONPATH=str(root), PYTHONHASHSEED="0")
    code = CHILD.format(bench=str(HERE), root=str(root), mb=mb, passes=passes)
    # run from ``root``: "python -c" puts the working directory first on the path
    run = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
                          "-c", code], env=env, cwd=root, capture_output=True, text=True, check=True)
    found = re.search(r"Collected : (\d+)", run.stderr)
    if found is None:
        raise SystemExit(f"valgrind printed no count:\n{run.stderr[-2000:]}")
    return int(found.group(1))


def one_pass(root: Path, mb: float) -> int:
    return counted(root, mb, 1) - counted(root, mb, 0)


def main() -> None:
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    mb = float(sys.argv[1]) if len(sys.argv) > 1 else 0.1
    here = one_pass(HERE.parent, mb)
    print(f"this checkout: {here / 1e6:,.0f} M instructions per pass over {mb} MB of real-dev", flush=True)
    if len(sys.argv) > 2:
        other_root = Path(sys.argv[2]).resolve()
        other = one_pass(other_root, mb)
        print(f"{other_root}: {other / 1e6:,.0f} M instructions")
        print(f"ratio this/other: {here / other:.3f} (below 1: this checkout executes fewer)")


if __name__ == "__main__":
    main()
