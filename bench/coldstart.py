"""Cold start of `factcheck check` on the seed, as a whole process: wall time and peak RSS
over five runs (and `factcheck --help` for the import floor)."""
from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOOL = str(Path(sys.executable).parent / "factcheck")
SEED = ROOT.parent / "shared/seed/article.txt"
if not SEED.exists():
    SEED = ROOT / "examples/sample_note.txt"


def measure(args: list[str], runs: int = 5) -> tuple[float, float]:
    walls = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([TOOL, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        walls.append(time.perf_counter() - t)
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return statistics.median(walls), rss


def main() -> None:
    wall, rss = measure(["--help"])
    print(f"factcheck --help:           median {wall:.2f} s wall")
    wall, rss = measure(["check", str(SEED), "--format", "json"])
    print(f"factcheck check seed (json): median {wall:.2f} s wall, peak RSS {rss:.0f} MB (goal <= 1.5 s)")


if __name__ == "__main__":
    main()
