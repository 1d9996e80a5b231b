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
from interviewer.notes.draft import asks
from interviewer.notes.marks import TAG_WORDS
from interviewer.notes.model import Question
from interviewer.notes.parser import parse_markdown
from interviewer.notes.reader import NotesError, NotesFile, collect_files, decode_notes
from interviewer.notes.report import (
    FileReport,
    file_report,
    is_project_file,
    is_project_readme,
)
from interviewer.resources import bundled_notes
from interviewer.topics import Glossary, load_glossary

NO_QUESTIONS_HINT = "see `interviewer notes` for how it was read"
# The glossary's topics belong to a file only when this share of its questions names one:
# in notes about something else a few words are a coincidence ("广度遍历和深度遍历二叉树" is
# no question about network depth and width; a Go slice's "capacity" no model capacity) —
# unless a section of the notes names the topic.
GLOSSARY_SHARE = 0.15
_NUMBERED_QUESTION = re.compile(r"\b(?:q|question|problem)\s*\d+\b|(?:question|problem)\d+|"
                                r"第\s*\d+\s*[题问]", re.IGNORECASE)
SMALL_FILE = 5
"""A file with fewer questions is judged with the other small files of its folder."""

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
                notes_topics=_notes_topics((*item.sections, *_topic_tags(item.tags)), glossary),
            )
        )
    if len(questions) >= SMALL_FILE and not _about_glossary(questions):
        questions = [replace(q, topic_weights=_sectioned(q, glossary)) for q in questions]
    return questions, file_report(source, parsed, questions)


def _about_glossary(questions: list[Question]) -> bool:
    """Whether enough of these questions name a glossary topic for the glossary to be
    their subject (else a topic named once is a coincidence: "initialization" in Android
    notes is no weight initialization)."""
    return sum(1 for q in questions if q.topic_weights) >= GLOSSARY_SHARE * len(questions)


def _small_files_by_folder(questions: list[Question], glossary: Glossary) -> list[Question]:
    """The glossary topics of files too small to judge alone (a folder of one question per
    file), judged with the other small files of their folder."""
    sizes = Counter(q.source for q in questions)
    folders: dict[str, list[Question]] = {}
    for q in questions:
        if sizes[q.source] < SMALL_FILE:
            folders.setdefault(str(Path(q.source).parent), []).append(q)
    off = {q.id for group in folders.values() if not _about_glossary(group) for q in group}
    return [replace(q, topic_weights=_sectioned(q, glossary)) if q.id in off else q
            for q in questions]


def _sectioned(question: Question, glossary: Glossary) -> tuple[tuple[str, int], ...]:
    """The question's glossary topics that a section of the notes names ("Optimization
    tips"): the notes' own structure, never a coincidence."""
    named = {slug for slug, _ in glossary.topic_weights(" ".join(question.sections), ())}
    return tuple((slug, weight) for slug, weight in question.topic_weights if slug in named)


def _topic_tags(tags: tuple[str, ...]) -> list[str]:
    """Tags that name a subject (not 高频, easy, 了解即可 …)."""
    return [tag for tag in tags if tag.lower() not in TAG_WORDS]


def _notes_topics(names: Iterable[str], glossary: Glossary) -> tuple[str, ...]:
    """Structure names as topics: the glossary's slug when it knows the name, else the name."""
    return tuple(dict.fromkeys(glossary.slug_for(name) or name for name in names))


# "01_激活函数", "10. optimizers", "2-basics": a number that sorts the files of a folder is
# no part of their subject ("3d_vision" keeps its 3d: no separator follows the number).
_ORDER = re.compile(r"^\d+(?:\.\d+)*[\s._\-、]+(?=\S)")


def _place_names(source: str) -> list[str]:
    """Folder and file names of a notes file as topics ("ml/k_means.md" → ml, k means)."""
    parts = Path(source).with_suffix("").parts
    names = [re.sub(r"[_\-]+", " ", _ORDER.sub("", part)).strip() for part in parts]
    return [name for name in names if name.strip(".")]


def _names_its_question(name: str) -> bool:
    """A one-question file's name that asks ("What do you know about ArrayMap") or numbers
    it ("AC Question01"): the question's, no topic of its own (a name such as "激活函数"
    is)."""
    return asks(name) or bool(_NUMBERED_QUESTION.search(name))


def _shared_places(sources: list[str]) -> frozenset[str]:
    """A file name every notes file has (aws/questions.md, git/questions.md …): a naming
    habit of the notes, not a subject — their folders name the subjects. (A folder all the
    files share names the subject of them all, and stays.)"""
    stems = {Path(source).stem for source in sources}
    if len(sources) < 2 or len(stems) != 1:
        return frozenset()
    return frozenset(_place_names(sources[0])[-1:])


def _with_places(
    questions: list[Question], places: list[str], glossary: Glossary
) -> list[Question]:
    if not places:
        return questions
    titles = _file_titles(questions, places)
    return [
        replace(q, notes_topics=_notes_topics(
            (*(t for t in q.notes_topics if t not in titles), *places), glossary))
        for q in questions
    ]


def _file_titles(questions: list[Question], places: list[str]) -> set[str]:
    """Topics of one file that hold all its questions and say a name of its place again,
    with more words ("Linux Questions" in linux/questions.md): the file's title, which its
    place names already — a second topic for the same questions. (A shorter one, "java" in
    zh_java.md, is the better name, and stays.)"""
    if not questions:
        return set()
    every = set(questions[0].notes_topics).intersection(*(q.notes_topics for q in questions))
    names = [place.casefold() for place in places]
    return {
        topic for topic in every
        if any(name != topic.casefold() and name in topic.casefold() for name in names)
    }


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
    shared = _shared_places([f.source for f in files])
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
        names = _place_names(done.notes_file.source)
        if len(found) == 1 and _names_its_question(names[-1]):
            names = names[:-1]
        places = [name for name in names if name not in shared] if several else []
        done.parsed = parsed = (_with_places(found, places, glossary), report)
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
    return QuestionBank(_small_files_by_folder(questions, glossary), used_files, warnings,
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
