"""The index of the notes: one Chroma record per question (its dense vector) and a chunk
cache per notes file (answer chunks and their words, for BM25), both keyed by the file's
content, so only new or changed files are ever (re)indexed."""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interviewer.chunking import DENSE_CHARS, MAX_CHARS, chunk_question, dense_text
from interviewer.errors import InterviewerError

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection
    from chromadb.api.types import Documents, EmbeddingFunction

    from interviewer.config import Settings
    from interviewer.notes import Question, QuestionBank

INDEX_FORMAT = 1
# Anything that changes what a file's records hold goes into its key, so a new version of
# interviewer re-indexes by itself instead of mixing old and new records.
_KEY_SALT = (
    f"interviewer-index/{INDEX_FORMAT}/chunks={MAX_CHARS}/dense={DENSE_CHARS}/terms=2/".encode()
)
COLLECTION = "interviewer-questions"
MARKER = "interviewer-index.json"
EMBED_BATCH = 32
LEXICAL_SETS = 4


@dataclass
class NotesFile:
    """A notes file in use: where it is, its content key, and its questions in order."""

    path: Path
    key: str
    questions: list[Question]


@dataclass
class CachedChunk:
    """A chunk as the index keeps it: which question of its file, and its words."""

    question: int
    position: int
    section: str
    text: str
    tokens: list[str]


@dataclass
class IndexReport:
    """What bringing the index up to date did."""

    files: int = 0
    files_indexed: int = 0
    questions_embedded: int = 0
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
        return (
            f"indexed {self.files_indexed} of {self.files} notes file(s): "
            f"{self.questions_embedded} question(s) embedded, {self.chunks_cached} chunk(s) "
            f"({self.seconds:.1f} s)"
        )


def file_key(data: bytes) -> str:
    """The content key of a notes file."""
    return hashlib.sha256(_KEY_SALT + data).hexdigest()[:24]


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
        files.append(NotesFile(path.resolve(), file_key(data), questions))
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
        TextColumn("questions · {task.fields[files]}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )


class NotesIndex:
    """The Chroma collection and the chunk cache for one data dir (or Chroma server)."""

    def __init__(
        self,
        settings: Settings,
        function: EmbeddingFunction[Documents],
        notices: list[str] | None = None,
    ) -> None:
        self.settings = settings
        self.function = function
        self.notices: list[str] = notices if notices is not None else []
        self.root = settings.data_dir / "index"
        self._client: ClientAPI | None = None
        self._collection: Collection | None = None

    # -- storage -------------------------------------------------------------------------

    @property
    def chunk_dir(self) -> Path:
        """Where the per-file chunk caches live."""
        return self.root / "chunks"

    def _check_root(self) -> None:
        marker = self.root / MARKER
        if not self.root.exists() or not any(self.root.iterdir()):
            self.root.mkdir(parents=True, exist_ok=True)
            marker.write_text(json.dumps({"app": "interviewer", "format": INDEX_FORMAT}))
            return
        try:
            info = json.loads(marker.read_text(encoding="utf-8"))
            ok = info.get("app") == "interviewer" and info.get("format") == INDEX_FORMAT
        except (OSError, ValueError, AttributeError):
            ok = False
        if not ok:
            self._move_aside("it is not an interviewer index (or an older format)")

    def _move_aside(self, reason: str) -> None:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = self.root.with_name(f"index.broken-{stamp}")
        suffix = 1
        while target.exists():
            target, suffix = self.root.with_name(f"index.broken-{stamp}-{suffix}"), suffix + 1
        self._forget_client()
        os.replace(self.root, target)
        self.notices.append(
            f"the index at {self.root} was unusable ({reason}); moved it to {target} and rebuilding"
        )
        self.root.mkdir(parents=True)
        (self.root / MARKER).write_text(json.dumps({"app": "interviewer", "format": INDEX_FORMAT}))

    def _forget_client(self) -> None:
        self._client = self._collection = None
        from chromadb.api.client import SharedSystemClient

        # Chroma caches one system per path; a moved-aside store must not be reused.
        SharedSystemClient.clear_system_cache()

    def _connect(self) -> ClientAPI:
        import chromadb  # ~0.65 s: only commands that search or index pay for it

        options = chromadb.Settings(anonymized_telemetry=False)
        if self.settings.uses_chroma_server:
            host = self.settings.chroma_host or "localhost"
            port = self.settings.chroma_port or 8000
            try:
                client = chromadb.HttpClient(host=host, port=port, settings=options)
                client.heartbeat()
            except Exception as exc:  # connection errors come in many types across versions
                raise InterviewerError(
                    f"cannot reach the Chroma server at {host}:{port} ({type(exc).__name__}); "
                    "start it (`chroma run --path DIR --port PORT`) or unset "
                    "CHROMA_HOST/CHROMA_PORT"
                ) from None
            return client
        return chromadb.PersistentClient(path=str(self.root / "chroma"), settings=options)

    def _open_collection(self, client: ClientAPI) -> Collection:
        from interviewer.embeddings import fingerprint

        wanted = {"interviewer_format": INDEX_FORMAT, "embedding": fingerprint(self.function)}
        names = {c.name for c in client.list_collections()}
        if COLLECTION in names:
            # Opened without our function first: Chroma refuses a function that differs
            # from the one stored with the collection, and that is what we check here.
            stored = client.get_collection(COLLECTION).metadata or {}
            if all(stored.get(k) == v for k, v in wanted.items()):
                return client.get_collection(COLLECTION, embedding_function=self.function)
            was = stored.get("embedding", "unknown")
            self.notices.append(
                f"the embedding function changed ({was} → {wanted['embedding']}); "
                "rebuilding the index"
            )
            client.delete_collection(COLLECTION)
        return client.create_collection(
            COLLECTION,
            embedding_function=self.function,
            metadata=wanted,
            configuration={"hnsw": {"space": "cosine"}},
        )

    @property
    def collection(self) -> Collection:
        """The Chroma collection, opened (and repaired) on first use."""
        if self._collection is not None:
            return self._collection
        self._check_root()  # the chunk cache is local even when the vectors are not
        if self.settings.uses_chroma_server:
            self._client = self._connect()
            self._collection = self._open_collection_checked(self._client)
            return self._collection
        try:
            self._client = self._connect()
            self._collection = self._open_collection_checked(self._client)
        except InterviewerError:
            raise
        except Exception as exc:  # a damaged store fails in sqlite, Rust or pydantic alike
            self._move_aside(f"{type(exc).__name__}: {exc}".splitlines()[0][:160])
            self._client = self._connect()
            self._collection = self._open_collection_checked(self._client)
        return self._collection

    def _open_collection_checked(self, client: ClientAPI) -> Collection:
        collection = self._open_collection(client)
        collection.count()  # touches the store, so damage shows up here, not mid-search
        return collection

    # -- chunk cache ---------------------------------------------------------------------

    def _cache_path(self, key: str) -> Path:
        return self.chunk_dir / f"{key}.json"

    def load_chunks(self, key: str) -> list[CachedChunk] | None:
        """The cached chunks of a file, or None when they are missing or unreadable."""
        try:
            raw = json.loads(self._cache_path(key).read_text(encoding="utf-8"))
            return [
                CachedChunk(q, pos, section, text, tokens.split(" ") if tokens else [])
                for q, pos, section, text, tokens in raw["chunks"]
            ]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def chunks(self, notes: NotesFile) -> list[CachedChunk]:
        """A file's chunks from the cache, re-made when the cache lost them."""
        cached = self.load_chunks(notes.key)
        if cached is None:
            self._write_chunks(notes)
            cached = self.load_chunks(notes.key) or []
        return cached

    def _write_chunks(self, notes: NotesFile) -> int:
        from interviewer.search import doc_terms

        rows = []
        for q_index, question in enumerate(notes.questions):
            for chunk in chunk_question(question):
                tokens = " ".join(doc_terms(chunk.searchable))
                rows.append([q_index, chunk.position, chunk.section, chunk.text, tokens])
        self.chunk_dir.mkdir(parents=True, exist_ok=True)
        tmp = self._cache_path(notes.key).with_suffix(".tmp")
        tmp.write_text(
            json.dumps({"path": str(notes.path), "chunks": rows}, ensure_ascii=False),
            encoding="utf-8",
        )
        os.replace(tmp, self._cache_path(notes.key))  # readers never see half a file
        return len(rows)

    def _prune_cache(self, notes: list[NotesFile]) -> None:
        # A file that changed leaves its old version's cache behind; drop it (other note
        # sets' files stay, so switching back needs no re-indexing).
        manifest_path = self.root / "files.json"
        try:
            manifest: dict[str, str] = json.loads(manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            manifest = {}
        current = {str(n.path): n.key for n in notes}
        stale = {old for path, old in manifest.items() if path in current and current[path] != old}
        manifest.update(current)
        for key in stale - set(manifest.values()):
            self._cache_path(key).unlink(missing_ok=True)
        manifest_path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")

    # -- BM25 models of a note set ---------------------------------------------------------

    def _lexical_path(self, keys: list[str]) -> Path:
        digest = hashlib.sha256(" ".join(keys).encode()).hexdigest()[:24]
        return self.root / "bm25" / f"{digest}.pickle"

    def load_lexical(self, keys: list[str]) -> Any:
        """The BM25 models saved for exactly these files, or None."""
        import pickle

        try:
            with self._lexical_path(keys).open("rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None

    def save_lexical(self, keys: list[str], models: Any) -> None:
        """Keep the BM25 models of these files: building them costs ~1 s at 3,000 questions,
        loading them a tenth of that. Only the few most recent note sets are kept."""
        import pickle

        path = self._lexical_path(keys)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as handle:
            pickle.dump(models, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        saved = sorted(path.parent.glob("*.pickle"), key=lambda p: p.stat().st_mtime)
        for old in saved[:-LEXICAL_SETS]:
            old.unlink(missing_ok=True)

    # -- updating ------------------------------------------------------------------------

    def rebuild(self) -> None:
        """Drop every record and cached chunk; the next update indexes from scratch."""
        collection = self.collection
        client = self._client
        assert client is not None
        client.delete_collection(collection.name)
        self._collection = self._open_collection_checked(client)
        for cached in [*self.root.glob("chunks/*.json"), *self.root.glob("bm25/*.pickle")]:
            cached.unlink()

    def missing(self, notes: list[NotesFile]) -> dict[str, list[int]]:
        """For each file key, the question positions that have no vector yet."""
        wanted = [f"{n.key}:{i}" for n in notes for i in range(len(n.questions))]
        present = set(self.collection.get(ids=wanted, include=[])["ids"]) if wanted else set()
        gaps: dict[str, list[int]] = {}
        for n in notes:
            todo = [i for i in range(len(n.questions)) if f"{n.key}:{i}" not in present]
            if todo:
                gaps[n.key] = todo
        return gaps

    def update(self, notes: list[NotesFile], progress: bool = False) -> IndexReport:
        """Index what is new or changed among `notes`; everything else is left alone."""
        started = time.perf_counter()
        report = IndexReport(files=len(notes))
        gaps = self.missing(notes)
        uncached = [n for n in notes if not self._cache_path(n.key).exists()]
        todo_files = {n.key for n in uncached} | set(gaps)
        report.files_indexed = len({n.key for n in notes if n.key in todo_files})
        total = sum(len(positions) for positions in gaps.values())
        with self._progress(progress, total, report.files_indexed) as advance:
            for n in uncached:
                report.chunks_cached += self._write_chunks(n)
            for n in notes:
                positions = gaps.pop(n.key, [])
                if positions:
                    self._drop_old_versions(n)
                for start in range(0, len(positions), EMBED_BATCH):
                    batch = positions[start : start + EMBED_BATCH]
                    self._add(n, batch)
                    report.questions_embedded += len(batch)
                    advance(len(batch))
        if report.files_indexed:
            self._prune_cache(notes)
        report.seconds = time.perf_counter() - started
        report.notices = list(self.notices)
        return report

    @contextmanager
    def _progress(self, show: bool, total: int, files: int) -> Iterator[Callable[[int], None]]:
        if not show or not total:
            yield lambda _count: None
            return
        bar = _stderr_progress()
        with bar:
            task = bar.add_task("indexing notes", total=total, files=f"{files} file(s)")
            yield lambda count: bar.advance(task, count)

    def _drop_old_versions(self, notes: NotesFile) -> None:
        # Records of an earlier version of this same file are dead weight; records of other
        # note sets are kept for when the user switches back.
        self.collection.delete(
            where={"$and": [{"path": str(notes.path)}, {"file_key": {"$ne": notes.key}}]}
        )

    def _add(self, notes: NotesFile, positions: list[int]) -> None:
        questions = [notes.questions[i] for i in positions]
        documents = [dense_text(q) for q in questions]
        self.collection.add(
            ids=[f"{notes.key}:{i}" for i in positions],
            documents=documents,
            embeddings=self.function(documents),
            metadatas=[_metadata(notes, i, q) for i, q in zip(positions, questions, strict=True)],
        )

    def query(
        self, text: str, keys: list[str], n: int, only_these: bool = True
    ) -> list[tuple[str, int, float]]:
        """Nearest questions to `text` among files `keys`: (file key, position, similarity).
        `only_these=False` skips the filter, for when the collection holds nothing else
        (a metadata filter costs ~15 ms at 3,000 questions)."""
        if not keys or n < 1:
            return []
        vector = self.function.embed_query([text])
        where: Any = None
        if only_these:
            where = {"file_key": keys[0]} if len(keys) == 1 else {"file_key": {"$in": keys}}
        found = self.collection.query(
            query_embeddings=vector, n_results=n, where=where, include=["metadatas", "distances"]
        )
        metadatas = (found.get("metadatas") or [[]])[0]
        distances = (found.get("distances") or [[]])[0]
        return [
            (str(meta["file_key"]), int(meta["position"]), 1.0 - float(distance))
            for meta, distance in zip(metadatas, distances, strict=True)
        ]


def _metadata(notes: NotesFile, position: int, question: Question) -> dict[str, Any]:
    return {
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

