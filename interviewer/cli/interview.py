"""`interviewer [--topic SLUG] [--count N] [--min-stars K] [--difficulty D] [--offline]
[--include-unanswered] [--notes PATH]`:
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


def askable(
    settings: Settings, bank: QuestionBank, min_stars: int | None, include_unanswered: bool
) -> tuple[list[Question], int]:
    """The questions an interview may ask and the star floor it uses, saying on stderr what
    was left out and why (unanswered questions offline; no stars in the notes)."""
    questions = list(bank.questions)
    notes: list[str] = []
    if not (settings.llm_configured or include_unanswered):
        # Offline, a question the notes do not answer has nothing to be graded against.
        answered = [q for q in questions if q.has_reference]
        if not answered:
            raise InterviewerError(
                "these notes give no answers to grade against; configure an LLM "
                "(OPENAI_API_KEY) or pass --include-unanswered"
            )
        if len(answered) < len(questions):
            notes.append(f"{len(questions) - len(answered)} question(s) without an answer in "
                         "the notes left out (--include-unanswered asks them)")
        questions = answered
    if min_stars is None:
        min_stars = 1 if bank.starred else 0
        if not bank.starred:
            notes.insert(0, f"these notes mark no importance (stars): asking from all "
                            f"{len(questions)} question(s)")
    for note in notes:
        print(f"interviewer: {note}", file=sys.stderr)
    return questions, min_stars


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
    questions, min_stars = askable(settings, bank, args.min_stars, args.include_unanswered)
    pool = candidates(questions, min_stars, args.topic, load_glossary(), args.difficulty)
    require_terminal()
    store = HistoryStore.open(settings)
    try:
        chosen = plan(pool, args.count, store.reviews(), store.now())
        greeting = None
        if len(chosen) < args.count:
            greeting = f"Only {len(chosen)} question(s) match; asking all of them."
        return run_interview(
            settings, bank, store, chosen, topic=args.topic, min_stars=min_stars,
            greeting=greeting,
        )
    finally:
        store.close()
