"""`interviewer grade`: grade one answer, or a JSONL batch, with the configured grader."""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from interviewer.answer_limit import MAX_ANSWER_BYTES
from interviewer.cli.common import (
    console,
    load_bank_for,
    print_json,
    print_jsonl,
    settings_for,
    warn,
)
from interviewer.commands import command
from interviewer.errors import InterviewerError, UsageError

if TYPE_CHECKING:
    from interviewer.config import Settings
    from interviewer.grading.model import Grade, Grader
    from interviewer.notes import QuestionBank
    from interviewer.notes.model import Question

# One batch line: an answer (at most MAX_ANSWER_BYTES) and the JSON around it.
MAX_LINE_BYTES = 1024 * 1024
# Below this match score, free text names no question of the notes.
MIN_QUESTION_MATCH = 0.15
CONTEXT_K = 3
_MARKS = {"covered": "[green]✓[/green]", "partly": "[yellow]◐[/yellow]", "missed": "[red]✗[/red]"}


def run(args: argparse.Namespace) -> int:
    """Grade one answer (or every line of `--batch`) and print the grade(s)."""
    _check_usage(args)
    settings = settings_for(args)
    bank = load_bank_for(args, settings)
    # Bad input fails before anything else is said: one line, not a notice and then an error.
    question = None if args.batch else _question(args, bank)
    answer = None if args.batch else _answer(args)
    rows = _opened(_lines(args.batch)) if args.batch else iter(())
    from interviewer.grading.chain import make_grader

    if not settings.llm_configured and not settings.offline:
        warn("no LLM configured (OPENAI_API_KEY / OPENAI_BASE_URL); "
             "using the offline keyword grader")
    grader = make_grader(settings, bank)
    if question is None or answer is None:
        return _run_batch(args.batch, rows, settings, bank, grader)
    grade = grader.grade(question, answer, _context(settings, bank, grader, question))
    if args.json:
        print_json(grade.to_json())
    else:
        _render(grade, question)
    return 0


def _check_usage(args: argparse.Namespace) -> None:
    answer_given = args.answer is not None or args.answer_file or args.answer_stdin
    if args.batch:
        if args.question_id or args.question or answer_given:
            raise UsageError("--batch reads questions and answers from the file; "
                             "drop --question/--question-id/--answer")
        return
    if not (args.question_id or args.question):
        raise UsageError("say which question: --question-id ID (see "
                         f"`{command('questions')}`) or --question TEXT")
    if not answer_given:
        raise UsageError("give the answer: --answer TEXT, --answer-file FILE or - (stdin)")


def _question(args: argparse.Namespace, bank: QuestionBank) -> Question:
    if args.question_id:
        found = bank.get(args.question_id)
        if found is None:
            raise UsageError(f"no question {args.question_id!r} in the notes; "
                             f"`{command('questions')}` lists the ids")
        return found
    return find_question(args.question, bank)


def find_question(text: str, bank: QuestionBank) -> Question:
    """The question of the bank that `text` means, named on stderr; UsageError if none."""
    from interviewer.grading.lookup import QuestionFinder

    ranked = QuestionFinder(bank).ranked(text)
    if not ranked or ranked[0][1] < MIN_QUESTION_MATCH:
        raise UsageError(f"no question of the notes matches {text!r}; "
                         f"use --question-id (see `{command('questions')}`)")
    question = ranked[0][0]
    print(f"interviewer: grading against {question.id}: {question.title}", file=sys.stderr)
    return question


def decode_answer(data: bytes, source: str) -> str:
    """Answer bytes as text (UTF-8, else GB18030/GBK); InterviewerError for binary data."""
    from interviewer.notes.reader import decode_notes

    if len(data) > MAX_ANSWER_BYTES:
        raise InterviewerError(f"{source} is larger than {MAX_ANSWER_BYTES // 1024} KB; "
                               "an answer can be at most that long — shorten it")
    if not data.strip():
        return ""
    text = decode_notes(data)
    if text is None:
        raise InterviewerError(f"{source} is not text (binary, or not UTF-8/GBK); "
                               "save the answer as a UTF-8 text file")
    return text


def _answer(args: argparse.Namespace) -> str:
    if args.answer is not None:
        # The same limit as a file: a pasted log is a mistake, whichever way it comes in.
        if len(str(args.answer).encode("utf-8", "surrogateescape")) > MAX_ANSWER_BYTES:
            raise InterviewerError(f"--answer is larger than {MAX_ANSWER_BYTES // 1024} KB; "
                                   "an answer can be at most that long — shorten it")
        return str(args.answer)
    if args.answer_file == "-":
        return decode_answer(sys.stdin.buffer.read(MAX_ANSWER_BYTES + 1), "standard input")
    if args.answer_file:
        path = Path(args.answer_file).expanduser()
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_ANSWER_BYTES + 1)
        except IsADirectoryError:
            raise InterviewerError(f"answer file {path} is a folder, not a file") from None
        except OSError as exc:
            raise InterviewerError(f"cannot read answer file {path}: {exc.strerror}") from None
        return decode_answer(data, f"answer file {path}")
    return decode_answer(sys.stdin.buffer.read(MAX_ANSWER_BYTES + 1), "standard input")


def _context(
    settings: Settings, bank: QuestionBank, grader: Grader, question: Question
) -> list[str] | None:
    """Related notes for graders that use them; any trouble means no context, said once."""
    if not grader.wants_context:
        return None
    retriever = _retriever(settings, bank)
    return _related(retriever, question) if retriever is not None else None


def _retriever(settings: Settings, bank: QuestionBank) -> Any:
    try:
        # The index (chromadb, embeddings) is loaded only for graders that use context.
        from interviewer.search import open_retriever

        return open_retriever(settings, bank)
    except (InterviewerError, ImportError) as exc:
        warn(f"grading without related notes: {exc}")
        return None


def _related(retriever: Any, question: Question) -> list[str] | None:
    try:
        hits = retriever.related(question, k=CONTEXT_K)
    except InterviewerError as exc:
        warn(f"grading without related notes: {exc}")
        return None
    return [hit if isinstance(hit, str) else str(getattr(hit, "text", hit)) for hit in hits]


def _lines(path: str) -> Iterator[tuple[int, bytes]]:
    from interviewer.notes.reader import decode_notes

    handle: IO[bytes]
    if path == "-":
        handle = sys.stdin.buffer
    else:
        try:
            handle = Path(path).expanduser().open("rb")
        except OSError as exc:
            raise InterviewerError(f"cannot read batch file {path}: {exc.strerror}") from None
    with handle:
        for number, line in enumerate(iter(lambda: handle.readline(MAX_LINE_BYTES + 1), b""), 1):
            too_long = len(line) > MAX_LINE_BYTES
            # A cut-off line may end inside a character: only its NUL bytes tell binary apart.
            binary = b"\x00" in line[:8192] or (not too_long and decode_notes(line) is None)
            if number == 1 and line.strip() and binary:
                # Binary or UTF-16: every line would fail, so say it once for the file.
                source = "standard input" if path == "-" else f"batch file {path}"
                raise InterviewerError(f"{source} is not UTF-8 text (binary or UTF-16?); "
                                       "save it as UTF-8 JSON lines")
            if too_long and not line.endswith(b"\n"):
                # Skip the rest of the line, so it fails once and later lines keep their numbers.
                while (rest := handle.readline(MAX_LINE_BYTES + 1)) and not rest.endswith(b"\n"):
                    pass
            yield number, line


def _opened(rows: Iterator[tuple[int, bytes]]) -> Iterator[tuple[int, bytes]]:
    """The same rows, with the file already opened and its first line checked."""
    first = next(rows, None)
    return itertools.chain([first] if first is not None else [], rows)


def _batch_item(raw: bytes, bank: QuestionBank) -> tuple[Any, Question, str]:
    """(id, question, answer) of one batch line; ValueError says what is wrong."""
    if len(raw) > MAX_LINE_BYTES:
        raise ValueError(f"line longer than {MAX_LINE_BYTES // 1024} KB")
    from interviewer.notes.reader import decode_notes

    text = decode_notes(raw)  # UTF-8, else GBK: what --answer-file accepts too
    if text is None:
        raise ValueError("not UTF-8 or GBK text")
    try:
        item = json.loads(text, parse_constant=_not_json)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON ({exc.msg})") from None
    if not isinstance(item, dict):
        raise ValueError('expected an object like {"id", "question_id", "answer"}')
    answer = item.get("answer")
    if not isinstance(answer, str):
        raise ValueError('"answer" (a string) is missing')
    if len(answer.encode("utf-8")) > MAX_ANSWER_BYTES:
        raise ValueError(f"answer longer than {MAX_ANSWER_BYTES // 1024} KB")
    if "question_id" in item and not isinstance(item["question_id"], str):
        raise ValueError('"question_id" must be a string like "deep_learning_basics-07"')
    if isinstance(item.get("question_id"), str):
        question = bank.get(item["question_id"])
        if question is None:
            raise ValueError(f"no question {item['question_id']!r} in the notes")
    elif isinstance(item.get("question"), str):
        try:
            question = find_question(item["question"], bank)
        except UsageError as exc:
            raise ValueError(str(exc)) from None
    else:
        raise ValueError('"question_id" or "question" is missing')
    return item.get("id"), question, answer


def _run_batch(
    path: str,
    rows: Iterator[tuple[int, bytes]],
    settings: Settings,
    bank: QuestionBank,
    grader: Grader,
) -> int:
    failed = total = 0
    retriever = _retriever(settings, bank) if grader.wants_context else None
    for number, raw in rows:
        if not raw.strip():
            continue
        total += 1
        item_id = _peek_id(raw)
        try:
            item_id, question, answer = _batch_item(raw, bank)
            context = _related(retriever, question) if retriever is not None else None
            grade = grader.grade(question, answer, context)
            out: dict[str, Any] = {"id": item_id, **grade.to_json()}
        except (ValueError, InterviewerError) as exc:
            failed += 1
            out = {"id": item_id, "line": number, "error": str(exc)}
        print_jsonl(out)
    if not total:
        warn(f"{'standard input' if path == '-' else path} has no lines to grade; "
             'each line is {"id", "question_id" | "question", "answer"}')
    if failed:
        warn(f"{failed} of {total} line(s) could not be graded; see their \"error\" objects")
    return 1 if failed else 0


def _not_json(name: str) -> Any:
    # Python's json reads NaN and Infinity, but echoing them would make our output not JSON.
    raise ValueError(f"not JSON ({name} is not a JSON value)")


def _peek_id(raw: bytes) -> Any:
    """The line's id, if it parses that far (so error objects can echo it)."""
    from interviewer.notes.reader import decode_notes

    try:
        item = json.loads(decode_notes(raw) or "", parse_constant=_not_json)
    except ValueError:  # JSONDecodeError included
        return None
    return item.get("id") if isinstance(item, dict) else None


def _render(grade: Grade, question: Question) -> None:
    from rich.markup import escape
    from rich.panel import Panel
    from rich.table import Table

    out = console()
    colour = "green" if grade.score >= 7 else "yellow" if grade.score >= 5 else "red"
    head = (f"[bold {colour}]{grade.score:g}/{grade.max_score}[/]  {grade.verdict}"
            f"   [dim]{escape(question.id)} · grader: {escape(grade.grader)}[/dim]")
    out.print(Panel(escape(question.title), title=head, title_align="left"))
    if grade.notice:
        out.print(f"[yellow]notice:[/yellow] {escape(grade.notice)}")
    table = Table(show_header=True, expand=True, box=None, padding=(0, 1))
    table.add_column("", no_wrap=True)
    table.add_column("key point", ratio=3)
    table.add_column("evidence from your answer", ratio=2, style="dim")
    for item in grade.rubric:
        table.add_row(_MARKS.get(item.status, "?"), escape(item.point), escape(item.evidence))
    out.print(table)
    if grade.flags:
        out.print(f"[red]flags:[/red] {escape(', '.join(grade.flags))}")
    out.print(f"\n[bold]feedback[/bold]  {escape(grade.feedback)}")
    out.print(f"[bold]follow-up[/bold] {escape(grade.follow_up)}")
    if grade.checks:
        out.print(f"[dim]{escape(grade.checks_line())}[/dim]")
