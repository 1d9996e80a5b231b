"""What every command needs: settings with command-line overrides, the question bank,
and printing for people (rich) or scripts (JSON)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interviewer.config import Settings, load_settings

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import Console

    from interviewer.notes import QuestionBank
    from interviewer.notes.model import Question
    from interviewer.topic_choice import TopicMatch


def settings_for(args: argparse.Namespace) -> Settings:
    """Settings from the environment and `.env`, with `--offline` and `--packs` applied."""
    overrides: dict[str, object] = {}
    if getattr(args, "offline", False):
        overrides["offline"] = True
    if getattr(args, "packs", None) is not None:
        overrides["packs"] = args.packs
    return load_settings(**overrides)


def notes_paths(args: argparse.Namespace, settings: Settings) -> list[Path]:
    """`--notes` paths, else INTERVIEWER_NOTES, else [] (meaning the bundled notes)."""
    given = getattr(args, "notes", None)
    if given:
        return [Path(p).expanduser() for p in given]
    return settings.notes_paths


def warn(message: str) -> None:
    """A one-line warning on stderr."""
    print(f"interviewer: warning: {message}", file=sys.stderr)


def load_bank_for(args: argparse.Namespace, settings: Settings) -> QuestionBank:
    """The question bank of the notes in use; skipped files are reported on stderr."""
    from interviewer.commands import command
    from interviewer.errors import InterviewerError
    from interviewer.notes import load_bank
    from interviewer.notes.bank import NO_QUESTIONS_HINT

    bank = load_bank(notes_paths(args, settings), cache_dir=settings.data_dir / "cache" / "notes")
    if not bank.reports and all(w.startswith("skipped ") for w in bank.warnings):
        # Not one Markdown file (a binary or unreadable one is said below instead).
        where = ", ".join(str(path) for path in notes_paths(args, settings))
        seen = "".join(f"; {warning}" for warning in bank.warnings)
        raise InterviewerError(
            f"no Markdown notes files in {where} (.md, .markdown, .mdx are read{seen}); "
            "check --notes / INTERVIEWER_NOTES"
        )
    if not bank.questions:
        # The reason goes into the one error line, so the user reads the cause, not two lines.
        why = ""
        if bank.warnings:
            more = len(bank.warnings) - 1
            # The hint on headings closes the error anyway: don't say it twice.
            first = bank.warnings[0].removesuffix(f" ({NO_QUESTIONS_HINT})")
            why = f" ({first}{f'; and {more} more' if more else ''})"
        paths = (str(path) for path in notes_paths(args, settings))
        inspect = command("notes", *paths, repeat_notes=False)
        raise InterviewerError(
            f"no questions found in the notes{why}; `{inspect}` shows how they were "
            "read, and the README's 'Your own notes' lists the layouts understood"
        )
    for message in bank.warnings:
        # The notes' reader names `interviewer notes`; pasted, it must read these notes.
        warn(message.replace("`interviewer notes`", f"`{command('notes')}`"))
    return bank


def topic_match(questions: Sequence[Question], topic: str | None) -> TopicMatch | None:
    """The questions a `--topic` selects (None without one), saying on stderr when the
    word named no topic and the questions whose titles name it were taken instead."""
    if not topic:
        return None
    from interviewer.topic_choice import select_topic
    from interviewer.topics import load_glossary

    match = select_topic(questions, topic, load_glossary())
    notice = match.notice(topic)
    if notice:
        print(f"interviewer: {notice}", file=sys.stderr)
    return match


def print_json(data: Any) -> None:
    """One JSON document on stdout, UTF-8 as is."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def print_jsonl(data: Any) -> None:
    """One JSON object on one line of stdout, flushed (for streaming)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def console() -> Console:
    """A rich console on stdout."""
    from rich.console import Console

    return Console(highlight=False)


def stars(count: int) -> str:
    """Stars for a table cell."""
    return "★" * count if count else "·"
