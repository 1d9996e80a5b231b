"""What lexical search reads, kept on disk: each notes file's chunks and their BM25 terms
(a JSON file per file content), and per note set the chunk table with its BM25 models (one
pickle), so a search over 3,000 questions loads one file instead of a hundred."""

from __future__ import annotations

import hashlib
import json
import pickle
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interviewer.search.chunking import PASSAGE_BUDGET, PASSAGE_CHUNKS, chunk_question
from interviewer.search.index_pointer import beyond_newest, read_pickle, write_atomic
from interviewer.text import language_of

if TYPE_CHECKING:
    from interviewer.notes import Question

BM25_K1 = 1.6
BM25_B = 0.9
"""Strong length normalisation: a long answer (病态, eight chunks) should not win a query
just by mentioning its words more often."""
TABLE_SETS = 4
"""How many note sets keep their search tables (switching back and forth stays fast)."""
TABLES_FORMAT = "5"
"""Bump when SearchTables changes shape or text is cut differently (5: a letter joined to
a word by a hyphen is a word too, z-test): tables saved in another shape are built again."""


@dataclass
class NotesFile:
    """A notes file in use: where it is, its content key, and its questions in order."""

    path: Path
    key: str
    questions: list[Question]


@dataclass
class CachedChunk:
    """A chunk as the cache keeps it: which question of its file, and its words."""

    question: int
    position: int
    section: str
    text: str
    tokens: list[str]


@dataclass
class SearchTables:
    """Everything lexical search needs over one note set, in bank order."""

    keys: list[str]
    owners: Any  # numpy int array: chunk row → question index in the set
    positions: list[tuple[str, int, int]]  # chunk row → (file key, question, chunk position)
    chunks: list[tuple[str, str]]  # chunk row → (section, text)
    chunk_bm25: Any
    question_bm25: Any
    passage_rows: list[int]
    """The chunk rows that get a passage vector (each question's leading chunks)."""
    languages: dict[str, str]
    """file key → the language its questions are written in ('zh' or 'en')."""

    @property
    def with_passages(self) -> bool:
        """Whether any chunk has a passage vector."""
        return bool(self.passage_rows)


class ChunkStore:
    """Per-file chunk caches and per-set search tables under one folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.chunk_dir = root / "chunks"
        self.table_dir = root / "tables"

    # -- per-file chunks -------------------------------------------------------------------

    def _chunk_path(self, key: str) -> Path:
        return self.chunk_dir / f"{key}.json"

    def has_chunks(self, key: str) -> bool:
        """True when the file's chunks are cached."""
        return self._chunk_path(key).exists()

    def load_chunks(self, key: str) -> list[CachedChunk] | None:
        """The cached chunks of a file, or None when they are missing or unreadable."""
        try:
            raw = json.loads(self._chunk_path(key).read_text(encoding="utf-8"))
            return _cached(raw["chunks"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def chunks(self, notes: NotesFile) -> list[CachedChunk]:
        """A file's chunks from the cache, re-made when the cache lost them."""
        cached = self.load_chunks(notes.key)
        if cached is None:
            cached = _cached(self._chunk_rows(notes))
            # Only a cache: a reader whose generation was just dropped keeps its chunks.
            _write_cache(self._chunk_path(notes.key), self._chunk_json(notes, cached))
        return cached

    def write_chunks(self, notes: NotesFile) -> int:
        """Chunk a file's questions, cache the chunks with their BM25 terms; how many."""
        chunks = _cached(self._chunk_rows(notes))
        write_atomic(self._chunk_path(notes.key), self._chunk_json(notes, chunks))
        return len(chunks)

    @staticmethod
    def _chunk_rows(notes: NotesFile) -> list[list[Any]]:
        from interviewer.search.lexical import doc_terms

        rows = []
        for q_index, question in enumerate(notes.questions):
            for chunk in chunk_question(question):
                tokens = " ".join(doc_terms(chunk.searchable))
                rows.append([q_index, chunk.position, chunk.section, chunk.text, tokens])
        return rows

    @staticmethod
    def _chunk_json(notes: NotesFile, chunks: list[CachedChunk]) -> bytes:
        rows = [[c.question, c.position, c.section, c.text, " ".join(c.tokens)] for c in chunks]
        return json.dumps({"path": str(notes.path), "chunks": rows}, ensure_ascii=False).encode()

    def create(self) -> None:
        """Make the cache's folders (writers only: readers never create a generation)."""
        self.chunk_dir.mkdir(parents=True, exist_ok=True)
        self.table_dir.mkdir(parents=True, exist_ok=True)

    def prune(self, notes: list[NotesFile]) -> None:
        """Drop the chunk caches of earlier versions of these files (other note sets' files
        stay, so switching back needs no re-indexing)."""
        manifest_path = self.root / "files.json"
        try:
            manifest: dict[str, str] = json.loads(manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            manifest = {}
        current = {str(n.path): n.key for n in notes}
        stale = {old for path, old in manifest.items() if path in current and current[path] != old}
        manifest.update(current)
        for key in stale - set(manifest.values()):
            self._chunk_path(key).unlink(missing_ok=True)
        write_atomic(manifest_path, json.dumps(manifest, ensure_ascii=False).encode())

    # -- per-set tables --------------------------------------------------------------------

    def _table_path(self, keys: list[str]) -> Path:
        digest = hashlib.sha256(" ".join([TABLES_FORMAT, *keys]).encode()).hexdigest()[:24]
        return self.table_dir / f"{digest}.pickle"

    def tables(self, files: list[NotesFile]) -> SearchTables:
        """The search tables of this note set: loaded, or built from the files' chunks."""
        keys = [n.key for n in files]
        tables = read_pickle(self._table_path(keys))
        if isinstance(tables, SearchTables) and tables.keys == keys:
            return tables
        tables = self._build(files)
        path = self._table_path(keys)
        if _write_cache(path, pickle.dumps(tables, protocol=pickle.HIGHEST_PROTOCOL)):
            for old in beyond_newest(self.table_dir.glob("*.pickle"), TABLE_SETS):
                for cached in self.table_dir.glob(f"{old.stem}.*"):  # with what is beside it
                    cached.unlink(missing_ok=True)
        return tables

    def beside_tables(
        self, keys: list[str], name: str, compute: Callable[[], dict[str, Any]],
        stamp: tuple[str, Any],
    ) -> dict[str, Any]:
        """What `compute` returns for a note set, cached beside its tables under `name`;
        `stamp` (a key and its value) says which computation made it: another one's cache
        is computed again and replaced."""
        path = self._table_path(keys).with_suffix(f".{name}")
        cached = read_pickle(path)
        if isinstance(cached, dict) and cached.get(stamp[0]) == stamp[1]:
            return cached
        computed = compute()
        _write_cache(path, pickle.dumps(computed, protocol=pickle.HIGHEST_PROTOCOL))
        return computed

    def _build(self, files: list[NotesFile]) -> SearchTables:
        import bm25s  # numpy/scipy based; only indexing and search need it
        import numpy as np

        owners: list[int] = []
        positions: list[tuple[str, int, int]] = []
        chunks: list[tuple[str, str]] = []
        corpus: list[list[str]] = []
        base = 0
        for notes in files:
            for chunk in self.chunks(notes):
                owners.append(base + chunk.question)
                positions.append((notes.key, chunk.question, chunk.position))
                chunks.append((chunk.section, chunk.text))
                corpus.append(chunk.tokens)
            base += len(notes.questions)
        # Two BM25 views: chunks find the one passage that answers; whole questions add up
        # evidence spread over several parts of an answer.
        per_question: list[list[str]] = [[] for _ in range(base)]
        for owner, tokens in zip(owners, corpus, strict=True):
            per_question[owner].extend(tokens)
        chunk_bm25 = bm25s.BM25(k1=BM25_K1, b=BM25_B)
        question_bm25 = bm25s.BM25(k1=BM25_K1, b=BM25_B)
        if corpus:
            chunk_bm25.index(corpus, show_progress=False)
            question_bm25.index(per_question, show_progress=False)
        return SearchTables(
            keys=[n.key for n in files],
            owners=np.asarray(owners, dtype=np.int64),
            positions=positions,
            chunks=chunks,
            chunk_bm25=chunk_bm25,
            question_bm25=question_bm25,
            passage_rows=_passage_rows(positions, chunks),
            languages={notes.key: _language(notes.questions) for notes in files},
        )


def _language(questions: list[Question]) -> str:
    """A file's language by all its questions (one answer may be mostly formulas)."""
    return language_of("\n".join(f"{q.title}\n{q.answer}" for q in questions))


def _cached(rows: list[list[Any]]) -> list[CachedChunk]:
    return [
        CachedChunk(q, pos, section, text, tokens.split(" ") if tokens else [])
        for q, pos, section, text, tokens in rows
    ]


def _write_cache(path: Path, data: bytes) -> bool:
    """Keep a cache file if its folder is still there (readers write caches without the
    lock, and never bring back the folder of a generation a writer just dropped)."""
    try:
        write_atomic(path, data)
    except OSError:
        return False
    return True


def _passage_rows(
    positions: list[tuple[str, int, int]], chunks: list[tuple[str, str]]
) -> list[int]:
    """The chunk rows that get a passage vector: each answer's leading chunks, when the note
    set's come within the budget (none otherwise)."""
    rows = [row for row, place in enumerate(positions) if place[2] < PASSAGE_CHUNKS]
    return rows if sum(len(chunks[row][1]) for row in rows) <= PASSAGE_BUDGET else []
