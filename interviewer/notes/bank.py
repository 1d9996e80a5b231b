"""The question bank: every question of the notes in use, with stable ids and topics."""

from __future__ import annotations

import hashlib
import os
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from interviewer.notes.cache import ParseCache
from interviewer.notes.file_topics import (
    SMALL_FILE,
    about_glossary,
    names_its_question,
    notes_topics,
    only_numbers,
    place_names,
    sectioned,
    shared_places,
    small_files_by_folder,
    topic_tags,
    with_places,
)
from interviewer.notes.marks import is_project_file
from interviewer.notes.model import Question
from interviewer.notes.parser import parse_markdown
from interviewer.notes.reader import NotesError, NotesFile, collect_files, decode_notes
from interviewer.notes.report import FileReport, file_report, is_project_readme
from interviewer.resources import bundled_notes
from interviewer.topics import Glossary, load_glossary

NO_QUESTIONS_HINT = "see `interviewer notes` for how it was read"
_ID_UNSAFE = re.compile(r"[^\w.-]+")

__all__ = ["NotesError", "QuestionBank", "load_bank"]


def _stem_slug(source: str) -> str:
    stem = Path(source).with_suffix("").as_posix().replace("/", ".")
    return _ID_UNSAFE.sub("_", stem).strip("_") or "notes"


def _title_hash(title: str) -> str:
    return hashlib.sha1(title.encode("utf-8")).hexdigest()[:6]


@dataclass
class QuestionBank:
    """Questions of the notes in use, the files they came from, and what was skipped."""

    questions: list[Question]
    files: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    reports: list[FileReport] = field(default_factory=list)
    """How each file was read (see `interviewer notes`)."""

    def __post_init__(self) -> None:
        self._by_id = {question.id: question for question in self.questions}

    def __iter__(self) -> Iterator[Question]:
        return iter(self.questions)

    def __len__(self) -> int:
        return len(self.questions)

    def get(self, question_id: str) -> Question | None:
        """The question with that id, or None."""
        return self._by_id.get(question_id)

    def filter(self, min_stars: int = 0, difficulty: str | None = None) -> list[Question]:
        """Questions with at least `min_stars` stars (and of that difficulty), in notes order."""
        return [
            question
            for question in self.questions
            if question.stars >= min_stars
            and (difficulty is None or question.difficulty == difficulty)
        ]

    @property
    def starred(self) -> bool:
        """Whether the notes mark importance at all (else every question counts)."""
        return any(question.stars > 0 for question in self.questions)


def _file_questions(
    text: str, source: str, path: Path, id_prefix: str, glossary: Glossary
) -> tuple[list[Question], FileReport]:
    parsed = parse_markdown(text, default_chapter=Path(source).stem)
    numbers = Counter(q.number for q in parsed.questions if q.number is not None)
    questions: list[Question] = []
    used: set[str] = set()
    for item in parsed.questions:
        if item.number is not None and numbers[item.number] == 1:
            local = f"{item.number:02d}"
        else:
            # Unnumbered (or duplicate-numbered) questions are named by their title, so
            # editing other questions never changes their id.
            local = _title_hash(item.title)
        qid = f"{id_prefix}-{local}"
        suffix = 2
        while qid in used:
            qid, suffix = f"{id_prefix}-{local}-{suffix}", suffix + 1
        used.add(qid)
        weights = glossary.topic_weights(
            " ".join((item.title, *item.sections, *item.tags)), item.key_points
        )
        questions.append(
            Question(
                id=qid,
                title=item.title,
                stars=item.stars,
                answer=item.answer,
                key_points=item.key_points,
                key_points_derived=item.key_points_derived,
                source=source,
                path=path,
                line=item.line,
                chapter=parsed.chapter,
                number=item.number,
                sections=item.sections,
                tags=item.tags,
                topic_weights=weights,
                difficulty=item.difficulty,
                prompt=item.prompt,
                layout=item.layout,
                notes_topics=notes_topics((*item.sections, *topic_tags(item.tags)), glossary),
            )
        )
    if len(questions) >= SMALL_FILE and not about_glossary(questions):
        questions = [replace(q, topic_weights=sectioned(q, glossary)) for q in questions]
    return questions, file_report(source, parsed, questions)


def load_bank(
    paths: Iterable[Path] | None = None,
    glossary: Glossary | None = None,
    cache_dir: Path | None = None,
    workers: int | None = None,
) -> QuestionBank:
    """Parse the notes at `paths` (files or folders; the bundled notes when empty).

    With `cache_dir`, each file's questions are cached by content, so unchanged files are
    not parsed again. `workers`: processes to parse in (default: several only for a large
    amount of uncached notes, where starting them pays off).
    """
    roots = list(paths or []) or bundled_notes()
    glossary = glossary or load_glossary()
    cache = ParseCache(cache_dir, glossary.fingerprint) if cache_dir else None
    files, warnings = collect_files(roots)
    prefixes = Counter(_stem_slug(Path(f.source).name) for f in files)
    # Folder and file names are topics only when the notes have more than one file.
    several = len(files) > 1
    shared = shared_places([f.source for f in files])
    # Read every file first (a warning stands for one that cannot be read), parse the ones
    # not cached (in several processes when they are many), then take them in order.
    readings: list[str | _Reading] = []
    for notes_file in files:
        try:
            data = notes_file.path.read_bytes()
        except OSError as exc:
            readings.append(f"{notes_file.source}: cannot read ({exc.strerror}); skipped")
            continue
        if not data.strip():
            readings.append(f"{notes_file.source}: empty file; skipped")
            continue
        text = decode_notes(data)
        if text is None:
            readings.append(f"{notes_file.source}: binary or not UTF-8/GB18030 text; skipped")
            continue
        # Ids start with the file name; the folder path joins in only when two notes
        # folders hold files of the same name.
        name = _stem_slug(Path(notes_file.source).name)
        prefix = name if prefixes[name] == 1 else _stem_slug(notes_file.source)
        place_key = " ".join(["places", *sorted(shared)]) if several else ""
        parts = (notes_file.source, str(notes_file.path), prefix, place_key)
        key = cache.key(data, *parts) if cache else ""
        cached = cache.get(key) if cache else None
        readings.append(_Reading(notes_file, text, prefix, key, cached))
    pending = [r for r in readings if isinstance(r, _Reading) and r.parsed is None]
    jobs = [(r.text, r.notes_file.source, r.notes_file.path, r.prefix) for r in pending]
    count = workers or _worker_count(sum(len(job[0]) for job in jobs), len(jobs))
    for done, (found, report) in zip(pending, _parse_files(jobs, glossary, count), strict=True):
        names = place_names(done.notes_file.source)
        if len(found) == 1 and names_its_question(names[-1]):
            names = names[:-1]
        places = [n for n in names if n not in shared and not only_numbers(n)] if several else []
        done.parsed = parsed = (with_places(found, places, glossary), report)
        if cache:
            cache.put(done.key, parsed)
    questions: list[Question] = []
    used_files: list[Path] = []
    reports: list[FileReport] = []
    for entry in readings:
        if isinstance(entry, str):
            warnings.append(entry)
            continue
        notes_file = entry.notes_file
        assert entry.parsed is not None
        found, report = entry.parsed
        reports.append(report)
        if not found and not notes_file.explicit and is_project_file(notes_file.source):
            report.skipped = "a project file (README, CONTRIBUTING …) without questions"
            warnings.append(f"{notes_file.source}: {report.skipped}; skipped")
            continue
        if not found:
            warnings.append(f"{notes_file.source}: no questions found ({NO_QUESTIONS_HINT})")
            continue
        if (
            not notes_file.explicit
            and not any(q.number is not None or q.title.endswith(("?", "？")) for q in found)
            and is_project_readme(notes_file.source, [q.title for q in found])
        ):
            report.skipped = "a project file (README, CONTRIBUTING …) without questions"
            warnings.append(f"{notes_file.source}: {report.skipped}; skipped")
            continue
        used_files.append(notes_file.path)
        questions.extend(found)
    return QuestionBank(small_files_by_folder(questions, glossary), used_files, warnings,
                        reports)


@dataclass
class _Reading:
    """A notes file read and decoded, and its questions once parsed, with the topics of its
    place (or from the cache)."""

    notes_file: NotesFile
    text: str
    prefix: str
    key: str
    parsed: tuple[list[Question], FileReport] | None


_Job = tuple[str, str, Path, str]
"""A file to parse: its text, the name it is shown by, its path and its id prefix."""
_PARALLEL_CHARS = 4_000_000
"""Text to parse (~4,000 questions) from which it is parsed in several processes: below it a
load takes about 2 s or less in one, and most notes folders stay in one process."""
_MAX_WORKERS = 8
_worker_glossary: Glossary | None = None


def _worker_count(chars: int, files: int) -> int:
    if chars < _PARALLEL_CHARS or files < 2 or not _can_fork():
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, files, _MAX_WORKERS))


def _can_fork() -> bool:
    """Whether parsing may fork: on Linux, with no other thread running (a thread holding a
    lock at the fork would leave it held in the child). A forked child needs no imports and
    runs none of the caller's code, unlike a spawned one."""
    import threading

    return sys.platform == "linux" and threading.active_count() == 1


def _parse_files(
    jobs: list[_Job], glossary: Glossary, workers: int
) -> list[tuple[list[Question], FileReport]]:
    """Each file's questions and report, in order: here, or in `workers` forked processes."""
    if workers <= 1 or len(jobs) < 2 or not _can_fork():
        return [_file_questions(*job, glossary) for job in jobs]
    # Only a large first load starts processes.
    import gc
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    global _worker_glossary
    _worker_glossary = glossary  # the forked children find it here
    # The children's garbage collections then leave alone the objects they share with this
    # process, instead of touching (and so copying) every one of them.
    gc.freeze()
    pool = ProcessPoolExecutor(
        min(workers, len(jobs)), multiprocessing.get_context("fork"), _quiet_on_interrupt
    )
    try:
        return list(pool.map(_parse_job, jobs))
    except (OSError, BrokenProcessPool):  # no fork, or a worker killed: parse in this one
        return [_file_questions(*job, glossary) for job in jobs]
    finally:
        # Ctrl-C: files not yet started are dropped, not parsed before the program stops.
        pool.shutdown(wait=True, cancel_futures=True)
        gc.unfreeze()
        _worker_glossary = None


def _quiet_on_interrupt() -> None:
    """Workers leave Ctrl-C to the program (no traceback from each of them)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _parse_job(job: _Job) -> tuple[list[Question], FileReport]:
    assert _worker_glossary is not None
    return _file_questions(*job, _worker_glossary)
