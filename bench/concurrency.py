"""Many processes on one data folder: 8 worker processes × 50 mixed commands (search, grade,
index and index --rebuild, history, and an interview's answer written to the history), all at
once. Prints the failures (must be 0) and the slowest command's time.

    python bench/concurrency.py [--workers 8] [--commands 50] [--embeddings hash|e5]
                                [--spawn] [--home DIR]

Each worker is a real process; by default it runs its commands through the command line's
own entry point one after the other (start-up paid once per worker); with --spawn every
command is a fresh `python -m interviewer` process (slower: start-up is ~2 s a command).
A command fails when it exits non-zero, prints a traceback or an internal error, or answers
wrongly (a search whose first hit is not the expected question, a grade without a score,
an answer missing from the history at the end).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUERY = "如何防止过拟合"
"""The workers' search: its first hit must be the one a search alone found before the run."""
GRADE_ID = "deep_learning_basics-12"
ANSWER = "dropout 训练时随机丢掉一些神经元，减少共适应，相当于模型融合。"
MIX = [("search", 4), ("grade", 2), ("index", 1), ("rebuild", 1), ("history", 1), ("answer", 2)]
"""Command kinds and how often each comes up."""


def _argv(kind: str) -> list[str]:
    return {
        "search": ["search", QUERY, "--json"],
        "grade": ["grade", "--question-id", GRADE_ID, "--answer", ANSWER, "--offline", "--json"],
        "index": ["index"],
        "rebuild": ["index", "--rebuild"],
        "history": ["history", "--json"],
    }[kind]


def _run_cli(argv: list[str], spawn: bool) -> tuple[int, str, str]:
    if spawn:
        done = subprocess.run([sys.executable, "-m", "interviewer", *argv],
                              capture_output=True, text=True, timeout=600)
        return done.returncode, done.stdout, done.stderr
    from interviewer.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def _answer(worker: int, n: int) -> tuple[bool, str]:
    """What the interview screen does when an answer is submitted: one short transaction."""
    from interviewer.config import load_settings
    from interviewer.notes import load_bank
    from interviewer.practice.store import HistoryStore

    question = load_bank().get(GRADE_ID)
    assert question is not None
    store = HistoryStore.open(load_settings())
    try:
        session = store.start_session(None, 1, 0)
        asked = store.ask(session, 0, question)
        store.save_answer(asked, f"worker {worker} answer {n}", prompt=question.title)
    finally:
        store.close()
    return True, f"worker {worker} answer {n}"


def _check(kind: str, code: int, out: str, err: str, expected: str) -> str:
    """Why a command's result is wrong, or '' when it is right."""
    if code != 0:
        return f"exit {code}: {err.strip().splitlines()[-1] if err.strip() else ''}"
    if "Traceback" in err or "internal error" in err:
        return err.strip().splitlines()[-1]
    if kind == "search":
        hits = json.loads(out)
        first = hits[0]["question_id"] if hits else None
        return "" if first == expected else f"first hit {first}, not {expected}"
    if kind == "grade":
        return "" if isinstance(json.loads(out).get("score"), int | float) else "no score"
    if kind == "history":
        json.loads(out)
    return ""


def worker(number: int, commands: int, seed: int, spawn: bool, expected: str) -> int:
    """Run `commands` random commands; one JSON line per command on stdout."""
    rng = random.Random(seed)
    kinds = [kind for kind, weight in MIX for _ in range(weight)]
    done: set[str] = set()
    for n in range(commands):
        kind = rng.choice(kinds)
        started = time.perf_counter()
        try:
            if kind == "answer":
                _, written = _answer(number, n)
                problem = ""
            else:
                written = ""
                problem = _check(kind, *_run_cli(_argv(kind), spawn), expected)
        except Exception as exc:  # a failure to count, not to stop the run
            problem, written = f"{type(exc).__name__}: {exc}", ""
        seconds = time.perf_counter() - started
        # A worker's first command of a kind also pays for what that kind imports and loads
        # (chromadb, jieba, the embeddings, the grader: seconds when 8 processes start).
        line = {"kind": kind, "seconds": seconds, "problem": problem, "answer": written,
                "first": kind not in done}
        done.add(kind)
        sys.__stdout__.write(json.dumps(line, ensure_ascii=False) + "\n")
        sys.__stdout__.flush()
    return 0


def main() -> int:
    """Start the workers, wait, check the history, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--commands", type=int, default=50)
    parser.add_argument("--embeddings", choices=["hash", "e5"], default="hash")
    parser.add_argument("--spawn", action="store_true", help="a fresh process per command")
    parser.add_argument("--home", type=Path, help="data folder (default: a new temp folder)")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--expect", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker is not None:
        return worker(args.worker, args.commands, args.seed, args.spawn, args.expect)

    home = args.home or Path(tempfile.mkdtemp(prefix="interviewer-concurrency-"))
    env = {**os.environ, "INTERVIEWER_HOME": str(home), "INTERVIEWER_EMBEDDINGS": args.embeddings,
           "ANONYMIZED_TELEMETRY": "False"}
    for name in ("INTERVIEWER_NOTES", "CHROMA_HOST", "CHROMA_PORT", "OPENAI_API_KEY"):
        env.pop(name, None)
    alone = subprocess.run([sys.executable, "-m", "interviewer", *_argv("search")], env=env,
                           capture_output=True, text=True, check=True)  # also builds the index
    expected = json.loads(alone.stdout)[0]["question_id"]
    started = time.perf_counter()
    workers = [
        subprocess.Popen(
            [sys.executable, __file__, "--worker", str(n), "--seed", str(1000 + n),
             "--commands", str(args.commands), "--expect", expected,
             *(["--spawn"] if args.spawn else [])],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for n in range(args.workers)
    ]
    results, crashed = [], 0
    for process in workers:
        out, err = process.communicate()
        results += [json.loads(line) for line in out.splitlines() if line.startswith("{")]
        if process.returncode != 0:
            crashed += 1
            print(f"worker crashed: {err.strip().splitlines()[-1] if err.strip() else ''}")
    wall = time.perf_counter() - started

    os.environ.update({"INTERVIEWER_HOME": str(home)})
    from interviewer.config import load_settings
    from interviewer.practice.store import HistoryStore

    store = HistoryStore.open(load_settings())
    kept = {answer.text for answer in store.answers()}
    store.close()
    lost = [r["answer"] for r in results if r["answer"] and r["answer"] not in kept]
    failures = [r for r in results if r["problem"]]
    expected = args.workers * args.commands
    missing = expected - len(results)
    print(f"{args.workers} processes × {args.commands} commands on {home} "
          f"(embeddings {args.embeddings}{', a process per command' if args.spawn else ''}): "
          f"{len(results)} run in {wall:.1f} s")
    print("  command  runs  median     p95      slowest  (not counting start-up)")
    for kind, _ in MIX:
        times = sorted(r["seconds"] for r in results if r["kind"] == kind and not r["first"])
        if times:
            print(f"  {kind:8} {len(times):4d}  {statistics.median(times):6.2f} s  "
                  f"{times[int(len(times) * 0.95) - 1] if len(times) > 1 else times[0]:6.2f} s  "
                  f"{times[-1]:6.2f} s")
    for label, pool in (("", results), (" after start-up", [r for r in results if not r["first"]])):
        slowest = max(pool, key=lambda r: r["seconds"]) if pool else None
        if slowest:
            print(f"slowest command{label}: {slowest['kind']} {slowest['seconds']:.2f} s")
    for failure in failures[:10]:
        print(f"  failed: {failure['kind']}: {failure['problem']}")
    total = len(failures) + len(lost) + missing + crashed
    print(f"failures: {total} ({len(failures)} commands, {len(lost)} answers lost from the "
          f"history, {missing} commands never run)")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
