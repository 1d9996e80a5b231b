"""Indexing speed: the bundled notes from scratch and again with no change, a generated
3,000-question folder from scratch, and that folder after one file changes.

    python bench/index_speed.py [--embeddings e5|hash] [--questions 3000]
"""

from __future__ import annotations

import argparse
import os
import re
import tempfile
import time
from pathlib import Path

PER_FILE = 30


def generate_notes(folder: Path, count: int) -> Path:
    """A notes folder of `count` questions (30 per file) with the bundled answers' length
    and shape; every title is distinct, so nothing is embedded twice."""
    from interviewer.resources import bundled_notes

    text = bundled_notes()[0].read_text(encoding="utf-8")
    sections = re.split(r"(?m)^(?=## \d+\. )", text)[1:]
    folder.mkdir(parents=True, exist_ok=True)
    for start in range(0, count, PER_FILE):
        lines = [f"# 生成的笔记 {start // PER_FILE}\n"]
        for offset in range(min(PER_FILE, count - start)):
            n = start + offset
            heading, body = sections[n % len(sections)].split("\n", 1)
            title = re.sub(r"^## \d+\.\s*", "", heading)
            lines.append(f"## {offset + 1}. 第{n}题（变体 {n // len(sections)}）{title}\n{body}")
        (folder / f"notes_{start // PER_FILE:04d}.md").write_text("\n".join(lines), "utf-8")
    return folder


def timed_index(paths: list[Path] | None) -> tuple[float, str]:
    """Seconds to load the bank and bring the index up to date, and the report line."""
    from interviewer.config import load_settings
    from interviewer.notes import load_bank
    from interviewer.search.encoders import make_encoder
    from interviewer.search.index import NotesIndex
    from interviewer.search.index_files import notes_files

    started = time.perf_counter()
    settings = load_settings()
    bank = load_bank(paths)
    encoder, _ = make_encoder(settings)
    report = NotesIndex(settings, encoder).update(notes_files(bank))
    return time.perf_counter() - started, report.summary()


def main() -> int:
    """Print the four timings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embeddings", choices=["e5", "hash"], default="e5")
    parser.add_argument("--questions", type=int, default=3000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="interviewer-bench-"))
    os.environ["INTERVIEWER_HOME"] = str(work / "home")
    os.environ["INTERVIEWER_EMBEDDINGS"] = args.embeddings
    os.environ["ANONYMIZED_TELEMETRY"] = "False"
    from interviewer.text import warm_up

    warm_up()  # jieba's dictionary is a one-off per process, not part of indexing

    rows = []
    rows.append(("bundled notes, from scratch", *timed_index(None)))
    rows.append(("bundled notes, no change", *timed_index(None)))
    big = generate_notes(work / "big", args.questions)
    rows.append((f"{args.questions} questions, from scratch", *timed_index([big])))
    first = sorted(big.glob("*.md"))[0]
    first.write_text(first.read_text("utf-8").replace("变体", "改写", 1), "utf-8")
    rows.append((f"{args.questions} questions, one file changed", *timed_index([big])))
    print(f"embeddings: {args.embeddings}")
    for name, seconds, summary in rows:
        print(f"{name:<36} {seconds:7.2f} s   {summary}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
