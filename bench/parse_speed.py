"""Parse a generated folder of 10,000 questions and print how long it takes.

Run: python bench/parse_speed.py [--questions 10000] [--files 100]
Target (issue 2): < 5 s on 2 cores. The target figure is the time `load_bank` takes as the
program calls it (several processes for this much uncached text); the time in one process
is printed too.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from interviewer.notes import load_bank
from interviewer.resources import bundled_notes


def generate(folder: Path, questions: int, files: int) -> None:
    """Write `files` notes files holding `questions` questions, cut from the bundled notes."""
    source = bundled_notes()[0].read_text(encoding="utf-8")
    blocks = source.split("\n## ")[1:]
    per_file = questions // files
    n = 0
    for f in range(files):
        parts = [f"# Generated chapter {f}"]
        for i in range(per_file):
            block = blocks[n % len(blocks)]
            heading, _, body = block.partition("\n")
            title = heading.split(".", 1)[1] if "." in heading else heading
            parts.append(f"## {i + 1}. ({n}) {title.strip()}\n{body}")
            n += 1
        (folder / f"chapter_{f:03d}.md").write_text("\n".join(parts), encoding="utf-8")


def main() -> None:
    """Generate the folder, parse it a few times, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        folder = folder / "notes"
        folder.mkdir()
        generate(folder, args.questions, args.files)
        size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        default = _timed(lambda: load_bank([folder]), args.repeat)
        single = _timed(lambda: load_bank([folder], workers=1), args.repeat)
        cache = Path(tmp) / "cache"
        load_bank([folder], cache_dir=cache)
        start = time.perf_counter()
        bank = load_bank([folder], cache_dir=cache)
        cached = time.perf_counter() - start
        print(f"notes folder: {args.files} files, {size:.1f} MB")
        print(f"questions parsed: {len(bank)}")
        print(f"parse time: median {default[0]:.2f} s, best {default[1]:.2f} s "
              f"(target < 5 s; {_processes(folder)})")
        # CPU time is steadier than wall time on a machine shared with other work; it counts
        # the worker processes too.
        print(f"parse CPU time: median {default[2]:.2f} s")
        print(f"parse time in one process: median {single[0]:.2f} s, best {single[1]:.2f} s, "
              f"CPU median {single[2]:.2f} s")
        print(f"unchanged files from the parse cache: {cached:.2f} s")


def _timed(parse: Callable[[], object], repeat: int) -> tuple[float, float, float]:
    """Median and best wall time, and median CPU time (this process and its children)."""
    timings, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), _cpu()
        parse()
        timings.append(time.perf_counter() - start)
        cpu.append(_cpu() - start_cpu)
    return statistics.median(timings), min(timings), statistics.median(cpu)


def _cpu() -> float:
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def _processes(folder: Path) -> str:
    """How many processes load_bank parses this folder in (its own rule)."""
    from interviewer.notes.bank import _worker_count

    files = list(folder.iterdir())
    count = _worker_count(sum(len(p.read_text(encoding="utf-8")) for p in files), len(files))
    return "in one process" if count == 1 else f"in {count} processes"


if __name__ == "__main__":
    main()
