"""`interviewer export --format md|csv|jsonl|anki [--output FILE] [--since DATE]
[--until DATE] [--session ID] [--topic SLUG]`: the history out, for people and tools."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from interviewer.cli.common import load_bank_for, settings_for, topic_match
from interviewer.errors import InterviewerError
from interviewer.practice.export import Selection, write_csv, write_jsonl, write_markdown
from interviewer.practice.session import filtered
from interviewer.practice.store import HistoryStore

if TYPE_CHECKING:
    from interviewer.notes.model import Question

DEFAULT_DECK = "interviewer.apkg"


@contextlib.contextmanager
def _output(target: str | None, newline: str | None = None) -> Iterator[TextIO]:
    if target in (None, "-"):
        yield sys.stdout
        return
    path = Path(target).expanduser()
    try:
        with path.open("w", encoding="utf-8", newline=newline) as handle:
            yield handle
    except OSError as exc:
        raise InterviewerError(
            f"cannot write {path} ({exc.strerror or exc}); choose another --output"
        ) from None


def _heading(args: argparse.Namespace) -> str:
    if args.session:
        return f"Interview report: session {args.session}"
    if args.since or args.until:
        since = args.since.isoformat() if args.since else "the start"
        until = args.until.isoformat() if args.until else "today"
        return f"Interview report: {since} to {until}"
    return "Interview report"


def _anki(
    args: argparse.Namespace, store: HistoryStore, selection: Selection, pool: Sequence[Question]
) -> int:
    from interviewer.practice.anki import write_deck

    ranged = args.since or args.until or args.session
    chosen = selection.answers(store) if ranged else []
    latest = {a.question_id: a for a in chosen if a.kind == "answer" and a.score is not None}
    # With a range: the questions answered in it; else every question of the notes in use.
    questions = [q for q in pool if q.id in latest] if ranged else pool
    if not questions:
        raise InterviewerError(
            "no questions to export: no graded answers match --since/--until/--session"
        )
    if not ranged:
        latest = store.latest_graded()
    path = Path(args.output or DEFAULT_DECK).expanduser()
    if path.suffix != ".apkg":
        raise InterviewerError(
            f"an Anki deck is an .apkg file, not {path.name}; use --output NAME.apkg"
        )
    try:
        count = write_deck(questions, latest, path)
    except OSError as exc:
        raise InterviewerError(f"cannot write {path} ({exc.strerror or exc})") from None
    print(f"interviewer: {count} question(s) written to {path} (import it in Anki; "
          "importing a later export updates these cards)", file=sys.stderr)
    return 0


def run(args: argparse.Namespace) -> int:
    """Export answers (md, csv, jsonl) or the questions as an Anki deck."""
    if args.since and args.until and args.since > args.until:
        raise InterviewerError("--since is after --until; swap them")
    settings = settings_for(args)
    bank = load_bank_for(args, settings)
    pool = filtered(bank.questions, 0, topic_match(bank.questions, args.topic))
    ids = frozenset(q.id for q in pool) if args.topic else None
    selection = Selection(args.since, args.until, args.session, ids)
    store = HistoryStore.open(settings)
    try:
        if args.format == "anki":
            return _anki(args, store, selection, pool)
        if args.format == "csv":
            with _output(args.output, newline="") as out:
                count = write_csv(store, selection, out)
        elif args.format == "jsonl":
            with _output(args.output) as out:
                count = write_jsonl(store, selection, out)
        else:
            answers = selection.answers(store)
            count = len(answers)
            with _output(args.output) as out:
                write_markdown(answers, bank, out, _heading(args))
    finally:
        store.close()
    if args.output not in (None, "-"):
        print(f"interviewer: {count} answer(s) written to {args.output}", file=sys.stderr)
    return 0
