"""`interviewer [--topic SLUG] [--count N] [--min-stars K] [--difficulty D] [--offline]
[--include-unanswered] [--notes PATH]`:
the mock interview in the terminal."""

from __future__ import annotations

import argparse
import sys
import time

from interviewer.cli.common import load_bank_for, settings_for
from interviewer.errors import InterviewerError
from interviewer.session import Interview, Summary, candidates, plan
from interviewer.store import HistoryStore
from interviewer.topics import load_glossary


def _closing_lines(summary: Summary | None, left_ungraded: int) -> list[str]:
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
    return lines


def run(args: argparse.Namespace) -> int:
    """Plan an interview and run it in the TUI; bad options fail before the screen opens."""
    settings = settings_for(args)
    bank = load_bank_for(args, settings)
    questions = bank.questions
    notes: list[str] = []
    if not (settings.llm_configured or args.include_unanswered):
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
    min_stars = args.min_stars
    if min_stars is None:
        min_stars = 1 if bank.starred else 0
        if not bank.starred:
            notes.insert(0, f"these notes mark no importance (stars): asking from all "
                            f"{len(questions)} question(s)")
    for note in notes:
        print(f"interviewer: {note}", file=sys.stderr)
    pool = candidates(questions, min_stars, args.topic, load_glossary(), args.difficulty)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise InterviewerError(
            "the mock interview needs a terminal; in scripts use `interviewer grade`"
        )
    store = HistoryStore.open(settings)
    try:
        # Only answers to questions of these notes can be graded now; the rest wait.
        earlier = [a for a in store.ungraded() if bank.get(a.question_id) is not None]
        chosen = plan(pool, args.count, store.reviews(), time.time())
        interview = Interview(store, chosen, topic=args.topic, min_stars=min_stars)
        greeting = None
        if len(chosen) < args.count:
            greeting = f"Only {len(chosen)} question(s) match; asking all of them."
        # Textual costs ~0.2 s to import: only the interview pays for it.
        from interviewer.tui.app import InterviewApp
        from interviewer.tui.backends import Backends

        app = InterviewApp(
            interview, Backends(settings, bank), earlier=earlier, greeting=greeting
        )
        summary = app.run()
        left = sum(1 for a in store.ungraded() if a.session_id == interview.session_id)
    finally:
        store.close()
    for line in _closing_lines(summary, left):
        print(line)
    return app.return_code or 0
