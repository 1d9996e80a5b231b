"""Argument parsing and dispatch. Kept free of heavy imports so `--help` starts fast:
each command's module is imported only when that command runs."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from datetime import date
from typing import NoReturn

from interviewer import __version__

PROG = "interviewer"


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line on stderr (the contract), not the usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")


def _add_notes(parser: argparse.ArgumentParser, top: bool = False) -> None:
    # Subcommands leave the value unset unless given, so `interviewer --notes X cmd` works too.
    parser.add_argument(
        "--notes",
        action="append",
        metavar="PATH",
        default=None if top else argparse.SUPPRESS,
        help="notes file or folder to use instead of the bundled notes (repeatable)",
    )


def _add_packs(parser: argparse.ArgumentParser, top: bool = False) -> None:
    # Like --notes: unset on a subcommand unless given, so it also works before the command.
    parser.add_argument(
        "--packs",
        metavar="NAMES",
        default=None if top else argparse.SUPPRESS,
        help="domain packs search and grading read with: auto (those the notes are about; "
        "the default), none, or names/folders, comma-separated (INTERVIEWER_PACKS)",
    )


def _add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


def _add_offline(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--offline", action="store_true", help="never call an LLM; use the keyword grader"
    )


def _add_min_stars(parser: argparse.ArgumentParser, default: int | None) -> None:
    said = (
        "1 when the notes mark importance with stars, else every question"
        if default is None else str(default)
    )
    parser.add_argument(
        "--min-stars",
        type=_stars,
        default=default,
        metavar="K",
        help=f"only questions with at least K stars, 0-5 (default {said})",
    )


def _add_difficulty(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--difficulty",
        choices=("easy", "medium", "hard"),
        metavar="D",
        help="only questions the notes mark easy, medium or hard (👶/⭐️/🚀, [E]/[M]/[H], "
        "简单/中等/困难, front matter, Junior/Senior sections)",
    )


def _stars(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number 0-5") from None
    if not 0 <= number <= 5:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number 0-5")
    return number


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive number")
    return number


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2026-12-05") from None


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, as design.md fixes it."""
    common = _Parser(add_help=False)
    common.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks"
    )

    parser = _Parser(
        prog=PROG,
        description="A terminal mock-interview coach for job candidates: machine learning "
        "first, any subject their notes cover. Without a command it starts a mock interview "
        "on the notes.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of errors")
    parser.add_argument("--topic", metavar="SLUG", help="only questions about this topic")
    parser.add_argument(
        "--count", type=_positive, default=5, metavar="N", help="questions to ask (default 5)"
    )
    _add_min_stars(parser, default=None)
    _add_difficulty(parser)
    parser.add_argument(
        "--include-unanswered",
        action="store_true",
        help="also ask questions the notes give no answer to (asked anyway when an LLM is "
        "configured; offline they are graded only on the question's own terms)",
    )
    _add_offline(parser)
    _add_notes(parser, top=True)
    _add_packs(parser, top=True)
    parser.set_defaults(handler="interviewer.cli.interview:run")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    questions = commands.add_parser(
        "questions", parents=[common], help="list the questions of the notes"
    )
    questions.add_argument("--topic", metavar="SLUG", help="only questions about this topic")
    _add_min_stars(questions, default=0)
    _add_difficulty(questions)
    _add_notes(questions)
    _add_json(questions)
    questions.set_defaults(handler="interviewer.cli.bank:run_questions")

    notes = commands.add_parser(
        "notes",
        parents=[common],
        help="how the notes were read: layouts, questions, answers, marks, warnings",
        description="Show how each notes file was read: the layouts detected, questions found, "
        "how many have answers, importance and difficulty marks, files skipped and why. "
        "Run this first with your own notes.",
    )
    notes.add_argument(
        "paths", nargs="*", metavar="PATH",
        help="notes files or folders (default: --notes, INTERVIEWER_NOTES, else the bundled notes)",
    )
    _add_notes(notes)
    _add_json(notes)
    notes.set_defaults(handler="interviewer.cli.notes:run")

    topics = commands.add_parser(
        "topics", parents=[common],
        help="list the topics (the glossary's and the notes' own sections, folders, tags) "
        "and how many questions each has",
    )
    _add_notes(topics)
    _add_packs(topics)
    _add_json(topics)
    topics.set_defaults(handler="interviewer.cli.bank:run_topics")

    index = commands.add_parser("index", parents=[common], help="build or update the index")
    _add_notes(index)
    _add_packs(index)
    index.add_argument("--rebuild", action="store_true", help="rebuild the index from scratch")
    index.set_defaults(handler="interviewer.cli.search:run_index")

    search = commands.add_parser("search", parents=[common], help="search the notes")
    search.add_argument("query", metavar="QUERY", help="what to look for (any language)")
    search.add_argument(
        "-k", type=_positive, default=5, metavar="N", help="number of results (default 5)"
    )
    _add_notes(search)
    _add_packs(search)
    _add_json(search)
    search.set_defaults(handler="interviewer.cli.search:run_search")

    grade = commands.add_parser("grade", parents=[common], help="grade an answer")
    which = grade.add_mutually_exclusive_group()
    which.add_argument("--question-id", metavar="ID", help="question id (see `questions`)")
    which.add_argument("--question", metavar="TEXT", help="question text; the best match is used")
    answer = grade.add_mutually_exclusive_group()
    answer.add_argument("--answer", metavar="TEXT", help="the answer to grade")
    answer.add_argument("--answer-file", metavar="FILE", help="read the answer from a file")
    answer.add_argument(
        "answer_stdin", nargs="?", choices=["-"], default=None, metavar="-",
        help="read the answer from standard input",
    )
    grade.add_argument(
        "--batch", metavar="FILE.jsonl", help="grade every line of a JSONL file ('-' = stdin)"
    )
    _add_offline(grade)
    _add_notes(grade)
    _add_packs(grade)
    _add_json(grade)
    grade.set_defaults(handler="interviewer.cli.grade:run")

    review = commands.add_parser(
        "review", parents=[common], help="an interview of the questions due today"
    )
    review.add_argument("--topic", metavar="SLUG", help="only questions about this topic")
    review.add_argument(
        "--limit", type=_positive, default=None, metavar="N",
        help="at most N questions (default 20 due, 5 new)",
    )
    review.add_argument(
        "--new", action="store_true", help="ask questions never answered instead of due ones"
    )
    review.add_argument(
        "--list", action="store_true", help="print what is due instead of starting the interview"
    )
    _add_offline(review)
    _add_notes(review)
    _add_packs(review)
    review.add_argument("--json", action="store_true", help="print the due queue as JSON")
    review.set_defaults(handler="interviewer.cli.review:run")

    stats = commands.add_parser("stats", parents=[common], help="progress over time")
    stats.add_argument("--topic", metavar="SLUG", help="only questions about this topic")
    _add_notes(stats)
    _add_json(stats)
    stats.set_defaults(handler="interviewer.cli.stats:run")

    export = commands.add_parser(
        "export", parents=[common],
        help="answers as a Markdown report, CSV or JSONL; questions as an Anki deck",
    )
    export.add_argument(
        "--format", required=True, choices=["md", "csv", "jsonl", "anki"],
        help="md: a report to re-read; csv/jsonl: one row per answer; anki: an .apkg deck",
    )
    export.add_argument(
        "--output", "-o", metavar="FILE",
        help="write here (default: standard output; interviewer.apkg for anki)",
    )
    export.add_argument("--since", type=_date, metavar="DATE", help="answers on or after DATE")
    export.add_argument("--until", type=_date, metavar="DATE", help="answers on or before DATE")
    export.add_argument("--session", type=_positive, metavar="ID", help="one session's answers")
    export.add_argument("--topic", metavar="SLUG", help="only questions about this topic")
    _add_notes(export)
    export.set_defaults(handler="interviewer.cli.export:run")

    history = commands.add_parser("history", parents=[common], help="past answers and grades")
    _add_json(history)
    shown = history.add_mutually_exclusive_group()
    shown.add_argument(
        "--limit", type=_positive, default=50, metavar="N",
        help="show the latest N answers in the table (default 50; --json has all)",
    )
    shown.add_argument("--all", action="store_true", help="show every answer in the table")
    history.set_defaults(handler="interviewer.cli.history:run")

    doctor = commands.add_parser(
        "doctor", parents=[common], help="check settings, notes, index and the LLM endpoint"
    )
    _add_notes(doctor)
    _add_packs(doctor)
    doctor.set_defaults(handler="interviewer.cli.doctor:run")
    return parser


def _run(args: argparse.Namespace) -> int:
    module_name, _, function_name = args.handler.partition(":")
    module = importlib.import_module(module_name)
    result: int = getattr(module, function_name)(args)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `interviewer` command."""
    parser = build_parser()
    args = parser.parse_args(argv)
    from interviewer.commands import notes_given
    from interviewer.errors import InterviewerError

    try:
        with notes_given(getattr(args, "notes", None)):
            return _run(args)
    except InterviewerError as exc:
        if args.debug:
            raise
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug, not an expected failure: still one line by default
        if args.debug:
            raise
        print(
            f"{PROG}: internal error: {type(exc).__name__}: {exc} (rerun with --debug for details)",
            file=sys.stderr,
        )
        return 1
