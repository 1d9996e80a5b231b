"""A long history: 100,000 answers over 2,000 questions, and how long the practice
commands take on it.

    python bench/history_scale.py [--answers N] [--questions Q] [--keep DIR]

Writes generated notes (2,000 questions in 20 topics, text made up here) and a history
spread over a year (one session a day, ratings from the scores, FSRS cards replayed as the
schema migration does), then runs each command as a user would — a fresh `interviewer`
process, wall time including Python's start-up — with INTERVIEWER_NOW at the end of that
year. Targets: `history`, `stats` and the start of `review` (everything before the
interview screen opens: `review --list`) each < 1 s; `export --format csv` of all < 5 s
(and so JSONL, `history --json` and the Anki deck). A Markdown report of 100,000 answers is
timed but has no target: reports are of a session or a few weeks.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

TOPICS = 20
DAY = 86_400.0
START = datetime(2025, 12, 1, 9, 0).timestamp()
# (label, arguments, target seconds or None: measured, no target in the issue)
COMMANDS: tuple[tuple[str, list[str], float | None], ...] = (
    ("history", ["history"], 1.0),
    ("history --json (all)", ["history", "--json"], 5.0),
    ("stats", ["stats"], 1.0),
    ("stats --json", ["stats", "--json"], 1.0),
    ("review --list (start of review)", ["review", "--list"], 1.0),
    ("review --json", ["review", "--json"], 1.0),
    ("export --format csv (all)", ["export", "--format", "csv", "-o", "{tmp}/all.csv"], 5.0),
    ("export --format jsonl (all)", ["export", "--format", "jsonl", "-o", "{tmp}/all.jsonl"], 5.0),
    ("export --format md (all)", ["export", "--format", "md", "-o", "{tmp}/all.md"], None),
    ("export --format anki (all)", ["export", "--format", "anki", "-o", "{tmp}/all.apkg"], 5.0),
)


def write_notes(folder: Path, questions: int) -> Path:
    """Generated notes: `# Topic k` sections of `## N. question` with a short answer."""
    folder.mkdir(parents=True, exist_ok=True)
    per_topic = questions // TOPICS
    lines = []
    for topic in range(TOPICS):
        lines += [f"# Topic {topic:02d}", ""]
        for n in range(per_topic):
            number = topic * per_topic + n + 1
            stars = ":star:" * (1 + number % 5)
            lines += [
                f"## {number}. How does mechanism {number} of area {topic} work? {stars}",
                "",
                f"Mechanism {number} works by **step one {number}** and then **step two**; "
                f"it matters because of <font color='red'>reason {number % 7}</font>.",
                "",
            ]
    path = folder / "generated.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def write_history(home: Path, ids: Sequence[str], answers: int, seed: int = 7) -> float:
    """Fill the history through SQL in one transaction; returns seconds spent replaying
    the FSRS cards (what the migration from schema 1 does)."""
    from interviewer.practice import cards
    from interviewer.practice.scheduling import rating_for
    from interviewer.practice.store import HISTORY_FILE, HistoryStore

    path = home / HISTORY_FILE
    HistoryStore(path).close()  # creates the schema
    rng = random.Random(seed)
    grade = json.dumps(
        {
            "score": 6.0,
            "rubric": [{"point": "step one", "status": "covered", "evidence": "one"},
                       {"point": "step two", "status": "missed", "evidence": ""}],
            "missing": ["step two"],
            "feedback": "Explain step two and why it matters.",
            "grader": "keyword",
        }
    )
    per_day = max(1, answers // 365)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    sessions, asked, rows = [], [], []
    for n in range(answers):
        day, slot = divmod(n, per_day)
        at = START + day * DAY + slot * 90
        if slot == 0:
            sessions.append((day + 1, at, at + per_day * 90, None, per_day, 1, None))
        qid = ids[rng.randrange(len(ids))]
        score = round(min(10.0, max(0.0, rng.gauss(6.0, 2.5))), 1)
        peeked = int(rng.random() < 0.05)
        asked.append((n + 1, day + 1, slot + 1, qid, qid, '["topic"]', at, peeked, 0))
        rows.append((n + 1, n + 1, "answer", qid, "my answer " * 12, at + 60, 60.0, at + 61,
                     0.2, score, "fair", "keyword", grade, rating_for(score, peeked=bool(peeked)),
                     "grade"))
    conn.executemany("INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?, ?)", sessions)
    conn.executemany("INSERT INTO asked VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", asked)
    conn.executemany(
        "INSERT INTO answers (id, asked_id, kind, prompt, text, answered_at, answer_seconds,"
        " graded_at, grade_seconds, score, verdict, grader, grade, rating, rated_by)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    # Topics as the notes have them, so stats group by real topic names.
    conn.execute("COMMIT")
    started = time.perf_counter()
    conn.execute("BEGIN")
    cards.rebuild_all(conn)
    conn.execute("COMMIT")
    replay = time.perf_counter() - started
    conn.close()
    return replay


def _set_topics(home: Path, bank_topics: dict[str, list[str]]) -> None:
    from interviewer.practice.store import HISTORY_FILE

    with sqlite3.connect(home / HISTORY_FILE) as conn:
        conn.executemany(
            "UPDATE asked SET topics = ? WHERE question_id = ?",
            [(json.dumps(t), qid) for qid, t in bank_topics.items()],
        )


def _run(args: list[str], env: dict[str, str], repeat: int) -> tuple[float, int]:
    times = []
    size = 0
    for _ in range(repeat):
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "interviewer", *args], env=env, capture_output=True
        )
        times.append(time.perf_counter() - started)
        if done.returncode != 0:
            raise SystemExit(f"`interviewer {' '.join(args)}` failed: {done.stderr.decode()}")
        size = len(done.stdout)
    return statistics.median(times), size


def main(argv: Sequence[str] | None = None) -> int:
    """Build the history, then print the time of each command against its target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("--questions", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs per command (median)")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    args = parser.parse_args(argv)
    tmp = args.keep or Path(tempfile.mkdtemp(prefix="history-scale-"))
    home, notes = tmp / "home", tmp / "notes"
    home.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "INTERVIEWER_HOME": str(home), "INTERVIEWER_NOTES": str(notes),
           "INTERVIEWER_EMBEDDINGS": "hash", "COLUMNS": "100",
           "INTERVIEWER_NOW": datetime.fromtimestamp(START + 366 * DAY).isoformat()}
    os.environ.update({k: env[k] for k in ("INTERVIEWER_HOME", "INTERVIEWER_NOTES")})
    from interviewer.notes import load_bank

    write_notes(notes, args.questions)
    started = time.perf_counter()
    bank = load_bank([notes], cache_dir=home / "cache" / "notes")
    print(f"notes: {len(bank.questions)} questions parsed in {time.perf_counter() - started:.2f} s")
    started = time.perf_counter()
    replay = write_history(home, [q.id for q in bank.questions], args.answers)
    _set_topics(home, {q.id: list(q.topics) for q in bank.questions})
    built = time.perf_counter() - started
    print(f"history: {args.answers:,} answers over {len(bank.questions):,} questions written in "
          f"{built:.1f} s (FSRS cards replayed from every rating in {replay:.1f} s, as the "
          "migration from schema 1 does once)")
    size_mb = (home / "history.sqlite3").stat().st_size / 1e6
    print(f"history file: {size_mb:.0f} MB; python start-up alone: "
          f"{_run(['--version'], env, args.repeat)[0]:.2f} s")
    failed = 0
    for label, command, target in COMMANDS:
        seconds, size = _run([part.format(tmp=tmp) for part in command], env, args.repeat)
        if target is None:
            goal, verdict = "(no target)", ""
        else:
            goal, verdict = f"(target < {target:g} s)", "ok" if seconds < target else "SLOW"
        failed += verdict == "SLOW"
        print(f"{label:<34} {seconds:6.2f} s  {goal:<17} {verdict:<4}  stdout {size / 1e3:,.0f} kB")
    if not args.keep:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
