"""`interviewer [--topic SLUG] [--count N] [--min-stars K] [--offline] [--notes PATH]`:
the mock interview in the terminal."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from interviewer.cli.common import load_bank_for, settings_for
from interviewer.errors import InterviewerError
from interviewer.practice.queue import due_items
from interviewer.practice.session import Interview, Summary, candidates, plan
from interviewer.practice.store import HistoryStore
from interviewer.topics import load_glossary

if TYPE_CHECKING:
    from interviewer.config import Settings
    from interviewer.notes import QuestionBank
    from interviewer.notes.model import Question


def _closing_lines(summary: Summary | None, left_ungraded: int, due: int | None) -> list[str]:
    lines = []
    if summary is not None and summary.items:
        graded = sum(1 for item in summary.items if item.score is not None)
        average = f" · average {summary.average:g}/10" if summary.average is not None else ""
        lines.append(
            f"interviewer: {graded} of {len(summary.items)} question(s) graded{average}"
            " · `interviewer history` lists your answers"
        )
    if left_ungraded:
        lines.append(
            f"interviewer: {left_ungraded} answer(s) saved but not graded yet; "
            "the next `interviewer` offers to grade them"
        )
    if due:
        lines.append(f"interviewer: {due} due today · `interviewer review` asks them")
    return lines


def require_terminal(hint: str = "in scripts use `interviewer grade`") -> None:
    """The TUI needs a terminal on both ends."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise InterviewerError(f"the mock interview needs a terminal; {hint}")


def due_today(store: HistoryStore, bank: QuestionBank) -> int | None:
    """How many questions of the notes are due today; None before any was ever rated."""
    cards = store.cards()
    if not cards:
        return None
    return len(due_items(bank.questions, cards, store.now()))


def run_interview(
    settings: Settings,
    bank: QuestionBank,
    store: HistoryStore,
    questions: Sequence[Question],
    *,
    topic: str | None,
    min_stars: int,
    greeting: str | None = None,
) -> int:
    """Run an interview of these questions in the TUI, then say how it went."""
    # Only answers to questions of these notes can be graded now; the rest wait.
    earlier = [a for a in store.ungraded() if bank.get(a.question_id) is not None]
    interview = Interview(
        store, questions, topic=topic, min_stars=min_stars, clock=store.now
    )
    # Textual costs ~0.2 s to import: only the interview pays for it.
    from interviewer.tui.app import InterviewApp
    from interviewer.tui.backends import Backends

    app = InterviewApp(
        interview,
        Backends(settings, bank),
        earlier=earlier,
        greeting=greeting,
        due_today=due_today(store, bank),
    )
    summary = app.run()
    left = sum(1 for a in store.ungraded() if a.session_id == interview.session_id)
    for line in _closing_lines(summary, left, due_today(store, bank)):
        print(line)
    return app.return_code or 0


def run(args: argparse.Namespace) -> int:
    """Plan an interview and run it in the TUI; bad options fail before the screen opens."""
    settings = settings_for(args)
    bank = load_bank_for(args, settings)
    pool = candidates(bank.questions, args.min_stars, args.topic, load_glossary())
    require_terminal()
    store = HistoryStore.open(settings)
    try:
        questions = plan(pool, args.count, store.reviews(), store.now())
        greeting = None
        if len(questions) < args.count:
            greeting = f"Only {len(questions)} question(s) match; asking all of them."
        return run_interview(
            settings, bank, store, questions, topic=args.topic, min_stars=args.min_stars,
            greeting=greeting,
        )
    finally:
        store.close()
