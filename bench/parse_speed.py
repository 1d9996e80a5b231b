"""Parse a generated folder of 10,000 questions and print how long it takes.

Run: python bench/parse_speed.py [--questions 10000] [--files 100]
Target (issue 2): < 5 s on 2 cores.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
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
        timings = []
        cpu = []
        for _ in range(args.repeat):
            start, start_cpu = time.perf_counter(), time.process_time()
            bank = load_bank([folder])
            timings.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        cache = Path(tmp) / "cache"
        load_bank([folder], cache_dir=cache)
        start = time.perf_counter()
        load_bank([folder], cache_dir=cache)
        cached = time.perf_counter() - start
        print(f"notes folder: {args.files} files, {size:.1f} MB")
        print(f"questions parsed: {len(bank)}")
        print(f"parse time: median {statistics.median(timings):.2f} s, best {min(timings):.2f} s "
              f"(target < 5 s)")
        # CPU time is steadier than wall time on a machine shared with other work.
        print(f"parse CPU time: median {statistics.median(cpu):.2f} s")
        print(f"unchanged files from the parse cache: {cached:.2f} s")


if __name__ == "__main__":
    main()
