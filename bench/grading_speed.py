"""Throughput of `interviewer grade --batch` with the offline grader, after start-up.

    python bench/grading_speed.py [--lines N]

Runs the batch command in-process twice — on the development set once, then on it repeated
to N lines — and reports (extra lines) / (extra time), so loading the notes, jieba and the
grader is left out. Target: >= 1,000 grades/s.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

DEV_SET = Path(__file__).parent / "data" / "grading_answers.jsonl"


def _timed_batch(path: Path) -> float:
    from interviewer.cli.main import main

    sink = io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(sink):
        code = main(["grade", "--batch", str(path), "--offline"])
    elapsed = time.perf_counter() - started
    if code != 0:
        raise SystemExit(f"batch failed with exit code {code}")
    return elapsed


def main(argv: Sequence[str] | None = None) -> int:
    """Print start-up time and grades per second of the batch command."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=4000, help="lines in the long batch")
    args = parser.parse_args(argv)
    lines = [line for line in DEV_SET.read_text("utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("INTERVIEWER_HOME", str(Path(tmp) / "home"))
        short, long = Path(tmp) / "short.jsonl", Path(tmp) / "long.jsonl"
        short.write_text("\n".join(lines) + "\n", "utf-8")
        repeated = (lines * (args.lines // len(lines) + 1))[: args.lines]
        long.write_text("\n".join(repeated) + "\n", "utf-8")
        first = _timed_batch(short)  # pays for start-up
        again = _timed_batch(short)
        full = _timed_batch(long)
    rate = (len(repeated) - len(lines)) / max(full - again, 1e-9)
    print(f"first batch of {len(lines)} lines (with start-up): {first:.2f} s")
    print(f"batch of {len(lines)} lines: {again:.3f} s; batch of {len(repeated)} lines: {full:.3f} s")
    print(f"throughput after start-up: {rate:,.0f} grades/s (target >= 1,000)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
