"""`interviewer [--topic SLUG] [--count N] [--min-stars K] [--difficulty D] [--offline]
[--include-unanswered] [--notes PATH]`:
the mock interview in the terminal."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from interviewer.cli.common import load_bank_for, settings_for, topic_match
from interviewer.commands import command
from interviewer.errors import InterviewerError
from interviewer.practice.queue import due_items
from interviewer.practice.session import Interview, Summary, filtered, plan
from interviewer.practice.store import HistoryStore

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
            f" · `{command('history')}` lists your answers"
        )
    if left_ungraded:
        lines.append(
            f"interviewer: {left_ungraded} answer(s) saved but not graded yet; "
            f"the next `{command()}` offers to grade them"
        )
    if due:
        lines.append(f"interviewer: {due} due today · `{command('review')}` asks them")
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
) -> tuple[list[Question], int, list[str]]:
    """The questions an interview may ask, the star floor it uses and what to say about
    what was left out and why (unanswered questions offline); notes without stars are
    said by `asking_from`, once the questions of the topic are known."""
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
    return questions, min_stars, notes


def asking_from(pool: Sequence[Question], about: str | None, difficulty: str | None) -> str:
    """What an interview of notes without stars asks from: all questions, or those of the
    topic and difficulty chosen."""
    if about is None and difficulty is None:
        return f"asking from all {len(pool)} question(s)"
    which = f" about {about!r}" if about is not None else ""
    level = f" marked {difficulty}" if difficulty else ""
    return f"asking from the {len(pool)} question(s){which}{level}"


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
    questions, min_stars, notes = askable(
        settings, bank, args.min_stars, args.include_unanswered
    )
    match = topic_match(questions, args.topic)
    pool = filtered(questions, min_stars, match, args.difficulty)
    if args.min_stars is None and not bank.starred:
        about = match.name if match is not None else None
        notes.insert(0, "these notes mark no importance (stars): "
                        + asking_from(pool, about, args.difficulty))
    for note in notes:
        print(f"interviewer: {note}", file=sys.stderr)
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
