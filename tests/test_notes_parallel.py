"""A large notes folder is parsed in several processes, to exactly what one process gives."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "notes"

# Run in a fresh interpreter: the test process may have threads running (servers of other
# tests), and then the parser rightly refuses to fork.
SCRIPT = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    import interviewer.notes.bank as bank

    notes, pids = Path(sys.argv[1]), Path(sys.argv[2])
    real = bank._file_questions

    def recording(*args):
        (pids / str(os.getpid())).touch()
        return real(*args)

    bank._file_questions = recording
    assert bank._can_fork()
    one = bank.load_bank([notes], workers=1)
    several = bank.load_bank([notes], workers=2)
    assert len(one) > 20
    assert several.questions == one.questions
    assert several.warnings == one.warnings and several.files == one.files
    assert several.reports == one.reports
    others = [p.name for p in pids.iterdir() if p.name != str(os.getpid())]
    print("other processes:", len(others))
    """
)


def test_parsing_in_processes_gives_what_one_process_gives(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    shutil.copytree(FIXTURES, notes)
    # Files that are skipped keep their warnings, in order, among the parsed ones.
    (notes / "README.md").write_text("# About\n\nThese are my notes.\n", encoding="utf-8")
    (notes / "empty.md").write_text("\n", encoding="utf-8")
    (notes / "binary.md").write_bytes(b"\x00\x01\x02" * 10)
    pids = tmp_path / "pids"
    pids.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(notes), str(pids)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    # Two workers take files as they come: at least one of them did.
    assert done.stdout.split("other processes:")[1].strip() in ("1", "2"), done.stdout


def test_small_notes_are_parsed_in_this_process() -> None:
    from interviewer.notes.bank import _worker_count

    assert _worker_count(200_000, 50) == 1
    assert _worker_count(50_000_000, 1) == 1
