"""Search latency: in-process p50/p95 on the bundled notes and on a generated folder of
3,000 questions, and the cost of `interviewer search` as a whole process at both sizes.

    python bench/search_latency.py [--embeddings e5|hash] [--questions 3000] [--home DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from index_speed import generate_notes  # a sibling script, not a package

QUERIES = Path(__file__).parent / "data" / "search_queries.jsonl"


def in_process(paths: list[Path] | None, queries: list[str]) -> tuple[float, float, float]:
    """Open time, then p50 and p95 of `search` in milliseconds."""
    from interviewer.config import load_settings
    from interviewer.notes import load_bank
    from interviewer.search import open_retriever

    started = time.perf_counter()
    retriever = open_retriever(load_settings(), load_bank(paths))
    opened = time.perf_counter() - started
    retriever.search(queries[0])  # the first query loads jieba's dictionary
    times = []
    for query in queries:
        t0 = time.perf_counter()
        retriever.search(query, k=5)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return opened, statistics.median(times), times[int(len(times) * 0.95) - 1]


def as_process(paths: list[Path] | None, runs: int = 3) -> float:
    """Median seconds of `interviewer search QUERY` as a fresh process."""
    command = [sys.executable, "-m", "interviewer", "search", "如何防止过拟合", "--json"]
    for path in paths or []:
        command += ["--notes", str(path)]
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    """Print the latency table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embeddings", choices=["e5", "hash"], default="e5")
    parser.add_argument("--questions", type=int, default=3000)
    parser.add_argument("--home", type=Path, help="data dir to reuse (keeps the big index)")
    args = parser.parse_args()
    home = args.home or Path(tempfile.mkdtemp(prefix="interviewer-bench-"))
    os.environ["INTERVIEWER_HOME"] = str(home)
    os.environ["INTERVIEWER_EMBEDDINGS"] = args.embeddings
    os.environ["ANONYMIZED_TELEMETRY"] = "False"
    with QUERIES.open(encoding="utf-8") as handle:
        queries = [json.loads(line)["query"] for line in handle if line.strip()]
    big = home / f"generated-{args.questions}"
    if not big.exists():
        generate_notes(big, args.questions)

    print(f"embeddings: {args.embeddings}; {len(queries)} queries")
    process = {}
    for name, paths in (("bundled", None), (f"{args.questions} questions", [big])):
        opened, p50, p95 = in_process(paths, queries)
        process[name] = as_process(paths)
        print(
            f"{name:<16} open {opened:6.2f} s   search p50 {p50:6.1f} ms   p95 {p95:6.1f} ms   "
            f"`interviewer search` process {process[name]:5.2f} s"
        )
    small, large = process.values()
    print(f"process cost ratio (large / bundled): {large / small:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
