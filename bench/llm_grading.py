"""LLM grader overhead and worst cases against the local scripted OpenAI-compatible server.

Prints: the per-grade time our side adds (prompt, openai client, HTTP on loopback,
validation, offline cross-check) with an instant server, and the wall time of each failure
path next to the 3× INTERVIEWER_TIMEOUT bound.

    python bench/llm_grading.py [--grades 200] [--timeout 1.0]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from openai_server import OpenAIServer, Reply

ANSWER = (
    "Dropout 在训练时随机丢弃神经元，减少神经元之间复杂的共适应性，相当于训练很多子网络"
    "并做模型融合，起到类似 Bagging 的作用。"
)


def _reply(points: int) -> Reply:
    return Reply.json({
        "rubric": [{"index": n, "status": "covered", "evidence": "减少神经元之间复杂的共适应性"}
                   for n in range(1, points + 1)],
        "correctness": 0, "errors": [], "instructions_to_grader": False,
        "feedback": "很好。", "follow_up": "还有呢？",
    })


def main() -> None:
    """Run the measurements and print them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grades", type=int, default=200)
    parser.add_argument("--timeout", type=float, default=1.0)
    args = parser.parse_args()

    os.environ["INTERVIEWER_HOME"] = tempfile.mkdtemp(prefix="bench-llm-")
    os.environ["INTERVIEWER_TIMEOUT"] = str(args.timeout)
    os.environ["OPENAI_API_KEY"] = "sk-bench"
    server = OpenAIServer().start()
    os.environ["OPENAI_BASE_URL"] = server.url

    from interviewer.config import load_settings
    from interviewer.grading.chain import make_grader
    from interviewer.notes import load_bank

    bank = load_bank()
    question = bank.get("deep_learning_basics-12")
    assert question is not None
    grader = make_grader(load_settings(), bank)
    server.default = _reply(len(question.key_points))
    grader.grade(question, ANSWER)  # warm-up: imports, jieba, the client's connection

    times = []
    for _ in range(args.grades):
        started = time.perf_counter()
        grade = grader.grade(question, ANSWER)
        times.append((time.perf_counter() - started) * 1000)
        assert grade.grader.startswith("llm:"), grade.notice
    times.sort()
    print(f"grades through the LLM path (instant server): {args.grades}")
    print(f"  per grade: p50 {statistics.median(times):.1f} ms, "
          f"p95 {times[int(len(times) * 0.95)]:.1f} ms, max {times[-1]:.1f} ms")

    bound = 3 * args.timeout
    cases = {
        "server hangs": Reply.hang(60),
        "500 every time": Reply.fail(500),
        "429 Retry-After 60 s": Reply.fail(429, retry_after=60),
        "invalid JSON twice": Reply.text("not json"),
    }
    print(f"failure paths (timeout {args.timeout:g} s, bound {bound:g} s):")
    for name, reply in cases.items():
        server.default = reply
        started = time.perf_counter()
        grade = grader.grade(question, ANSWER)
        took = time.perf_counter() - started
        print(f"  {name:<22} {took:5.2f} s  grader={grade.grader}  "
              f"{'within' if took <= bound else 'OVER'} bound")
    server.stop()


if __name__ == "__main__":
    main()
