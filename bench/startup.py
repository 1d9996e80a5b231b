"""Start-up cost of the light commands against a bare interpreter, in this venv.

Run: python bench/startup.py [--runs 15]
Target (issue 2): `interviewer --help` within 6x of `python -c pass`.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time


def timed(command: list[str], runs: int) -> float:
    """Median wall time of a command, in milliseconds."""
    subprocess.run(command, capture_output=True, check=False)  # warm the OS file cache
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    """Print the medians and the ratio to a bare interpreter."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    script = shutil.which("interviewer") or ""
    entry = [script] if script else [sys.executable, "-m", "interviewer"]
    bare = timed([sys.executable, "-c", "pass"], args.runs)
    print(f"python -c pass                 {bare:7.1f} ms")
    for argv in (["--help"], ["--version"], ["questions", "--json"], ["topics", "--json"]):
        cost = timed(entry + argv, args.runs)
        label = "interviewer " + " ".join(argv)
        print(f"{label:30s} {cost:7.1f} ms  ({cost / bare:.1f}x)")


if __name__ == "__main__":
    main()
