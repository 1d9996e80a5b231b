"""Questions found vs questions a person counts, on real public notes in different layouts.

Run: python bench/notes_layouts.py [--dir /work/foreign/layouts] [--table bench/data/notes_layouts.md]
     [--show FILE]   (also lists the questions found in one file: line, layout, difficulty,
                      A when it has an answer, title)

The files themselves are third-party text kept outside the repository; the table in
bench/data/notes_layouts.md names each one's repository, path and commit.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from interviewer.notes import load_bank

HERE = Path(__file__).resolve().parent
DEFAULT_TABLE = HERE / "data" / "notes_layouts.md"
DEFAULT_DIR = Path("/work/foreign/layouts")


@dataclass
class Entry:
    """One dev-set file as the table records it."""

    name: str
    repo: str
    path: str
    commit: str
    expected: int


def read_table(table: Path) -> list[Entry]:
    """The rows of the dev-set table (file, repo, path, commit, layout, expected)."""
    entries = []
    for line in table.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) < 6 or not cells[-1].isdigit():
            continue
        entries.append(Entry(cells[0], cells[1], cells[2], cells[3], int(cells[-1])))
    return entries


def main() -> int:
    """Parse each dev-set file and print found vs expected."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="folder holding the files")
    parser.add_argument("--table", type=Path, default=DEFAULT_TABLE)
    parser.add_argument("--show", metavar="FILE", help="also list the questions found in FILE")
    args = parser.parse_args()
    entries = read_table(args.table)
    missing = [entry for entry in entries if not (args.dir / entry.name).is_file()]
    for entry in missing:
        print(
            f"missing {args.dir / entry.name}: fetch it with `git show {entry.commit}:{entry.path}`"
            f" in a clone of github.com/{entry.repo}",
            file=sys.stderr,
        )
    print(f"{'file':<24} {'expected':>8} {'found':>6} {'answered':>8}  verdict")
    total_expected = total_found = exact = 0
    for entry in entries:
        if entry in missing:
            continue
        bank = load_bank([args.dir / entry.name])
        found = len(bank.questions)
        answered = sum(1 for q in bank.questions if q.answer.strip())
        verdict = "ok" if found == entry.expected else f"{found - entry.expected:+d}"
        exact += found == entry.expected
        total_expected += entry.expected
        total_found += found
        print(f"{entry.name:<24} {entry.expected:>8} {found:>6} {answered:>8}  {verdict}")
        if args.show == entry.name:
            for q in bank.questions:
                level = q.difficulty or "-"
                print(f"    {q.line:>5}  {q.layout:<20} {level:<6} {'A' if q.has_reference else '-'}"
                      f"  {q.title[:80]}")
    checked = len(entries) - len(missing)
    print(f"{checked} file(s): {exact} exact; {total_found} found of {total_expected} expected")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
