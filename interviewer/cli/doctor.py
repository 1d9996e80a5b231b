"""`interviewer doctor`: checks settings, notes, the index and the LLM endpoint, and says
what works, what does not and what to do. Exit 1 when something is broken."""

from __future__ import annotations

import argparse
import os
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from interviewer.commands import command
from interviewer.errors import InterviewerError

if TYPE_CHECKING:
    from interviewer.config import Settings
    from interviewer.notes import QuestionBank

OK, WARN, FAIL = "✓", "!", "✗"
PROBE = "Reply with the single word OK."


@dataclass(frozen=True)
class Check:
    """The verdict of one check: mark is ✓ (works), ! (works, but note this) or ✗ (broken)."""

    name: str
    mark: str
    detail: str
    hint: str = ""

    def line(self) -> str:
        """The check as one printed line (plus what to do)."""
        text = f"{self.mark} {self.name}: {self.detail}"
        return f"{text}\n    → {self.hint}" if self.hint else text


def check_settings(args: argparse.Namespace) -> tuple[Check, Settings | None]:
    """Settings readable (with the command line's overrides), data dir writable."""
    from interviewer.cli.common import settings_for

    try:
        settings = settings_for(args)
        data_dir = settings.data_dir
    except InterviewerError as exc:
        hint = "fix the variable in the environment or .env"
        return Check("settings", FAIL, str(exc), hint), None
    except OSError as exc:
        return Check("settings", FAIL, f"cannot create the data dir ({exc.strerror})",
                     "set INTERVIEWER_HOME to a writable folder"), None
    if not os.access(data_dir, os.W_OK):
        return Check("settings", FAIL, f"data dir {data_dir} is not writable",
                     "set INTERVIEWER_HOME to a writable folder"), settings
    key = "set" if settings.openai_api_key else "not set"
    detail = (f"model {settings.model}, timeout {settings.timeout:g} s, key {key}, "
              f"data dir {data_dir}")
    return Check("settings", OK, detail), settings


def check_notes(args: argparse.Namespace, settings: Settings) -> tuple[Check, QuestionBank | None]:
    """The notes in use parse into questions."""
    from interviewer.cli.common import notes_paths
    from interviewer.notes import load_bank

    paths = notes_paths(args, settings)
    where = ", ".join(str(p) for p in paths) if paths else "bundled notes"
    try:
        bank = load_bank(paths)
    except InterviewerError as exc:
        return Check("notes", FAIL, str(exc), "fix --notes / INTERVIEWER_NOTES"), None
    if not bank.questions:
        inspect = command("notes", *(str(p) for p in paths), repeat_notes=False)
        return Check("notes", FAIL, f"no questions in {where}",
                     f"`{inspect}` shows how the notes were read"), None
    detail = f"{len(bank)} questions from {len(bank.files)} file(s) ({where})"
    if bank.warnings:
        return Check("notes", WARN, f"{detail}; {len(bank.warnings)} skipped: "
                     f"{bank.warnings[0]}", "fix or remove the skipped files"), bank
    return Check("notes", OK, detail), bank


def check_index(settings: Settings, bank: QuestionBank) -> Check:
    """The index answers a search for a question of the notes."""
    try:
        # chromadb and the embeddings are heavy: only when doctor gets this far.
        from interviewer.search import open_retriever
    except Exception as exc:  # a broken install must still give a report, not a traceback
        return Check("index", FAIL, f"search is unavailable ({type(exc).__name__}: {exc})",
                     "reinstall interviewer (pip install -e .)")
    sample = bank.questions[0]
    rebuild = f"run `{command('index', '--rebuild')}`"
    try:
        retriever = open_retriever(settings, bank)
        hits = retriever.search(sample.title, 1)
    except InterviewerError as exc:
        return Check("index", FAIL, str(exc), f"run `{command('index')}`")
    except Exception as exc:
        return Check("index", FAIL, f"{type(exc).__name__}: {exc}",
                     rebuild)
    if not hits:
        return Check("index", FAIL, "a search for a question of the notes found nothing",
                     rebuild)
    detail = f"search works (embeddings {settings.embeddings})"
    if hits[0].question_id != sample.id:
        return Check("index", WARN, f"{detail}, but a question's own title finds "
                     f"{hits[0].question_id}, not {sample.id}", rebuild)
    notices = list(getattr(retriever, "notices", []))
    if notices:
        return Check("index", WARN, f"{detail}; {notices[0]}")
    return _moved_aside(settings, detail) or Check("index", OK, detail)


def _moved_aside(settings: Settings, detail: str) -> Check | None:
    """Unusable indexes are moved aside, never deleted: say when some are left to delete."""
    from interviewer.search.index_folder import moved_aside

    copies = moved_aside(settings.data_dir)
    if not copies:
        return None
    megabytes = sum(size for _, size in copies) / 1_000_000
    plural = "es" if len(copies) > 1 else ""
    them = "them" if len(copies) > 1 else "it"
    where = ", ".join(str(folder) for folder, _ in copies)
    return Check("index", WARN, f"{detail}; {len(copies)} unusable index{plural} moved aside "
                 f"earlier ({megabytes:.1f} MB)", f"delete {where} when you no longer need {them}")


def check_packs(settings: Settings, bank: QuestionBank) -> Check:
    """Which domain packs search and grading apply to these notes, and why."""
    from interviewer.packs import packs_for

    try:
        packs = packs_for(settings, bank.questions)
    except InterviewerError as exc:
        return Check("packs", FAIL, str(exc), "see 'Domain packs' in the README")
    names = ", ".join(pack.name for pack in packs)
    if settings.packs and settings.packs.strip().lower() not in ("", "auto"):
        return Check("packs", OK, f"{names or 'none'} (INTERVIEWER_PACKS)")
    if names:
        whose = "its subject" if len(packs) == 1 else "their subjects"
        return Check("packs", OK, f"{names} (the notes are about {whose})")
    return Check("packs", OK, "none: no bundled pack is about these notes; search and grading "
                 "work from the notes alone")


def _failure_hint(kind: str, reason: str, settings: Settings, models: list[str]) -> str:
    if kind == "auth":
        return "check OPENAI_API_KEY (the key for this endpoint)"
    if kind == "not_found":
        listed = f" the endpoint lists: {', '.join(models[:8])};" if models else ""
        return (
            f"check INTERVIEWER_MODEL and OPENAI_BASE_URL;{listed} "
            "see 'LLM providers' in the README"
        )
    if reason.startswith("cannot connect"):
        return ("is the server running? check OPENAI_BASE_URL (e.g. http://localhost:11434/v1 "
                "for Ollama); or set INTERVIEWER_OFFLINE=1 to grade offline")
    if reason.startswith("no reply"):
        return f"the server is slow: raise INTERVIEWER_TIMEOUT (now {settings.timeout:g} s)"
    if "429" in reason:
        return "rate limited: wait a minute, or check the plan of this key"
    return "check OPENAI_BASE_URL and INTERVIEWER_MODEL; see 'LLM providers' in the README"


def check_llm(settings: Settings) -> Check:
    """One tiny chat request to the configured endpoint."""
    if settings.offline:
        return Check("LLM", WARN, "offline mode (INTERVIEWER_OFFLINE): the keyword grader grades",
                     "unset INTERVIEWER_OFFLINE to grade with an LLM")
    if not settings.llm_configured:
        return Check("LLM", WARN, "no OPENAI_API_KEY or OPENAI_BASE_URL: the keyword grader "
                     "grades offline", "set OPENAI_API_KEY, or OPENAI_BASE_URL for a local "
                     "server (see 'LLM providers' in the README)")
    # The openai import (~0.6 s, more on a busy machine) is ours, not the server's time:
    # done before the clock starts, it cannot eat the request's timeout.
    import openai  # noqa: F401

    from interviewer.grading.levels import FILE_NAME, LEVELS, LevelMemory
    from interviewer.grading.llm_client import ChatClient, LLMFailure

    client = ChatClient(settings)
    where = f"{client.endpoint}, model {settings.model}"
    # openai's import (~0.5 s, seconds on a busy machine) is ours, not the endpoint's time.
    client.ready()
    started = time.monotonic()
    try:
        client.complete([{"role": "user", "content": PROBE}], started + settings.timeout,
                        attempts=1)
    except LLMFailure as exc:
        models = client.model_ids(settings.timeout) if exc.kind == "not_found" else []
        return Check("LLM", FAIL, f"{where}: {exc.reason}",
                     _failure_hint(exc.kind, exc.reason, settings, models))
    took = time.monotonic() - started
    level = LevelMemory(settings.data_dir / FILE_NAME).start_level(
        client.endpoint, settings.model
    )
    output = "json_schema" if level == LEVELS[0] else f"{level} (json_schema was rejected)"
    return Check("LLM", OK, f"{where} answered in {took:.1f} s; structured output: {output}")


def check_history(settings: Settings) -> Check:
    """The history opens (a damaged file would stop the next interview)."""
    from interviewer.practice.store import HISTORY_FILE, HistoryStore

    if not (settings.data_dir / HISTORY_FILE).exists():
        return Check("history", OK, "no answers yet")
    try:
        store = HistoryStore.open(settings)
    except InterviewerError as exc:
        return Check("history", FAIL, str(exc))
    try:
        count = len(store.answers())
    finally:
        store.close()
    return Check("history", OK, f"{count} answer(s)")


def run(args: argparse.Namespace) -> int:
    """Run every check, print a line for each as it ends, exit 1 when one is broken."""
    checks: list[Check] = []

    def report(check: Check) -> None:
        checks.append(check)
        print(check.line(), flush=True)

    settings_check, settings = check_settings(args)
    report(settings_check)
    if settings is not None:
        notes_check, bank = check_notes(args, settings)
        report(notes_check)
        if bank is not None:
            report(check_packs(settings, bank))
            report(check_index(settings, bank))
        report(check_history(settings))
        report(check_llm(settings))
    broken = sum(1 for check in checks if check.mark == FAIL)
    print(f"{broken} problem(s) found" if broken else "all good")
    return 1 if broken else 0
