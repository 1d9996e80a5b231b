"""The index's generations: the one the pointer names is opened without the write lock;
creating one, repairing a damaged one or switching to a rebuilt one happens only with it."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interviewer.errors import InterviewerError
from interviewer.search.index_folder import (
    check_folder,
    is_ours,
    move_aside,
    probe_server,
    read_only,
    start_folder,
)
from interviewer.search.index_pointer import (
    LOCAL_PREFIX,
    SERVER_PREFIX,
    IndexLock,
    new_generation,
    newest_finished,
    read_pointer,
    read_server_pointer,
    sweep_folders,
    sweep_server,
    write_pointer,
    write_server_pointer,
)
from interviewer.search.tables import ChunkStore
from interviewer.search.vector_shards import VectorShards

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection
    from chromadb.api.types import Documents, EmbeddingFunction

    from interviewer.config import Settings
    from interviewer.search.encoders import Encoder

INDEX_FORMAT = 3
"""The layout of the index folder and what its records hold (3: generations)."""
COLLECTION = "interviewer-questions"
VECTOR_CACHE = "vectors.sqlite3"
"""Beside the generations: the vectors of every title and passage embedded so far, so a
re-keyed file (another pack or vocabulary) or a rebuild does not run the model again."""
SERVER_PROBE_SECONDS = 10.0
"""Longest wait for a Chroma server to answer its first request."""


class _Unusable(Exception):
    """A generation that cannot be used as it is (decided again under the write lock)."""


class _Stale(_Unusable):
    """A generation made with another embedding function."""


class Generations:
    """The Chroma collection and the chunk cache for one data dir (or Chroma server): the
    generation the pointer names, opened without the write lock; changed only with it."""

    def __init__(
        self,
        settings: Settings,
        encoder: Encoder,
        notices: list[str] | None = None,
        announce: bool = False,
    ) -> None:
        self.settings = settings
        self.encoder = encoder
        self.notices: list[str] = notices if notices is not None else []
        self.root = settings.data_dir / "index"
        self.lock = IndexLock(settings.data_dir, announce)
        self.server = settings.uses_chroma_server
        self.generation: str | None = None
        self.store = ChunkStore(self.root)
        self.shards: VectorShards | None = None
        """The vector copies of an embedded generation (None on a server)."""
        self._server_client: ClientAPI | None = None
        self._collection: Collection | None = None
        self._function: EmbeddingFunction[Documents] | None = None

    @property
    def function(self) -> EmbeddingFunction[Documents]:
        """The encoder as a Chroma function (importing chromadb: only Chroma needs it)."""
        if self._function is None:
            from interviewer.search.embeddings import for_chroma

            self._function = for_chroma(self.encoder, self.root / VECTOR_CACHE)
        return self._function

    # -- where things are ------------------------------------------------------------------

    def _folder(self, generation: str) -> Path:
        return self.root / f"{SERVER_PREFIX if self.server else LOCAL_PREFIX}{generation}"

    def _name(self, generation: str) -> str:
        # On a server every generation is a collection; embedded, each has its own store.
        return f"{COLLECTION}-{generation}" if self.server else COLLECTION

    def _client(self, generation: str) -> ClientAPI:
        if self.server:
            if self._server_client is None:
                self._server_client = self._connect()
            return self._server_client
        import chromadb  # ~0.65 s: only commands that search or index pay for it

        options = chromadb.Settings(anonymized_telemetry=False)
        path = self._folder(generation) / "chroma"
        return chromadb.PersistentClient(path=str(path), settings=options)

    def _connect(self) -> ClientAPI:
        import chromadb

        options = chromadb.Settings(anonymized_telemetry=False)
        host, port = self._address()
        probe_server(host, port, min(self.settings.timeout, SERVER_PROBE_SECONDS))
        try:
            client = chromadb.HttpClient(host=host, port=port, settings=options)
            client.heartbeat()
        except Exception as exc:  # errors come in many types across versions
            # The probe got an HTTP answer, so something listens there: not Chroma, or
            # a Chroma of another major version.
            raise InterviewerError(
                f"the server at {host}:{port} does not answer like a Chroma 1.x server "
                f"({type(exc).__name__}); check CHROMA_HOST/CHROMA_PORT, or unset them "
                "to use the embedded store"
            ) from None
        return client

    def _address(self) -> tuple[str, int]:
        return self.settings.chroma_host or "localhost", self.settings.chroma_port or 8000

    def _current(self) -> str | None:
        """The generation in use, as the pointer names it now."""
        if self.server:
            try:
                return read_server_pointer(self._client(""))
            except InterviewerError:
                raise
            except Exception:  # the server went away between two requests
                self._server_lost()
                raise
        return read_pointer(self.root) if is_ours(self.root, INDEX_FORMAT) else None

    def _server_lost(self) -> None:
        """Say so in one line when a Chroma server stopped answering mid-way."""
        if self.server:
            host, port = self._address()
            probe_server(host, port, min(self.settings.timeout, SERVER_PROBE_SECONDS))

    # -- opening (no lock) -----------------------------------------------------------------

    def _open(self, generation: str) -> Collection:
        """A generation's collection, checked; _Unusable when it is missing or stale."""
        from chromadb.errors import NotFoundError

        database = self._folder(generation) / "chroma" / "chroma.sqlite3"
        if not self.server and not database.is_file():
            raise _Unusable("missing")
        client = self._client(generation)
        # Opened without our function first: Chroma refuses a function that differs from
        # the one stored with the collection, and that is what we check here.
        try:
            stored = client.get_collection(self._name(generation)).metadata or {}
        except NotFoundError:
            raise _Unusable("missing") from None
        wanted = {"interviewer_format": INDEX_FORMAT, "embedding": self.encoder.fingerprint}
        if any(stored.get(k) != v for k, v in wanted.items()):
            raise _Stale(str(stored.get("embedding", "unknown")))
        # Chroma's stubs want a function over documents *or* images; ours takes documents.
        function: Any = self.function
        collection = client.get_collection(self._name(generation), embedding_function=function)
        collection.count()  # touches the store, so damage shows up here, not mid-search
        return collection

    def _use(self, generation: str, collection: Collection | None) -> None:
        self.generation, self._collection = generation, collection
        self.store = ChunkStore(self._folder(generation))
        self.shards = None if self.server else VectorShards(self._folder(generation))

    def _forget(self) -> None:
        self.generation = self._collection = None

    @property
    def collection(self) -> Collection:
        """The collection of the generation in use, opened (or created, or repaired under
        the write lock) on first use."""
        if self._collection is None:
            self._attach()
        assert self._collection is not None
        return self._collection

    def _attach(self) -> None:
        generation = self._current()
        if generation is not None:
            try:
                self._use(generation, self._open(generation))
                return
            except InterviewerError:
                raise
            except Exception:  # missing, stale, damaged, or it lost a race: the lock decides
                self._server_lost()
                if not self.server:
                    locked = read_only(self.root, self._folder(generation))
                    if locked:
                        # A sound index we may not write must never be moved aside.
                        raise InterviewerError(
                            f"the index at {self.root} cannot be written ({locked}); make it "
                            "writable, or set INTERVIEWER_HOME to a writable folder"
                        ) from None
        with self.lock.held():
            self._attach_locked()

    # -- changing (with the lock) ----------------------------------------------------------

    def _check_root(self) -> None:
        reason = check_folder(self.root, INDEX_FORMAT)  # the chunk cache is local, always
        if reason:
            self._move_aside(self.root, reason)
            start_folder(self.root, INDEX_FORMAT)

    def _move_aside(self, folder: Path, reason: str) -> None:
        from chromadb.api.client import SharedSystemClient

        # Chroma caches one system per path; a moved-aside store must not be reused.
        SharedSystemClient.clear_system_cache()
        self.notices.append(move_aside(folder, reason, self.settings.data_dir))

    def _attach_locked(self) -> None:
        """Open the current generation, or start a new one in place of a missing, stale or
        damaged one."""
        self._forget()
        self._check_root()
        previous = self._current()
        if self.server and previous is not None and self._server_missing(previous):
            # Another machine's switch dropped what the pointer names (two switches
            # interleaved): the newest finished generation is the index now.
            previous = newest_finished(self._client(""), f"{COLLECTION}-")
        if previous is not None:
            try:
                self._use(previous, self._open_again(previous))
                return
            except _Stale as stale:
                self.notices.append(
                    f"the embedding function changed ({stale} → {self.encoder.fingerprint}); "
                    "rebuilding the index"
                )
            except _Unusable:
                pass  # its folder is gone: start afresh
            except InterviewerError:
                raise
            except Exception as exc:  # a damaged store fails in sqlite, Rust or pydantic alike
                self._server_lost()
                if self.server:
                    raise
                self._move_aside(
                    self._folder(previous), f"{type(exc).__name__}: {exc}".splitlines()[0][:160]
                )
        self._create()
        self._switch()

    def _server_missing(self, generation: str) -> bool:
        from chromadb.errors import NotFoundError

        try:
            self._client(generation).get_collection(self._name(generation))
        except NotFoundError:
            return True
        return False

    def _open_again(self, generation: str) -> Collection:
        # Under the lock nobody switches or drops generations, but a reader's first open of
        # a store can still collide with another's: one more try before calling it damaged.
        try:
            return self._open(generation)
        except _Unusable:
            raise
        except Exception:
            time.sleep(0.2)
            return self._open(generation)

    def _create(self) -> None:
        """Start a new, empty generation (not yet the one in use)."""
        generation = new_generation()
        ChunkStore(self._folder(generation)).create()
        if not self.server:
            VectorShards(self._folder(generation)).stamp(self.encoder.fingerprint)
        function: Any = self.function
        collection = self._client(generation).create_collection(
            self._name(generation),
            embedding_function=function,
            metadata={
                "interviewer_format": INDEX_FORMAT,
                "embedding": self.encoder.fingerprint,
                "created": time.time(),
                # On a server, others' sweeps leave a collection alone while it is built.
                "building": True,
            },
            configuration={"hnsw": {"space": "cosine"}},
        )
        self._use(generation, collection)

    def _switch(self) -> None:
        """Point readers at this generation, then drop the ones it replaces."""
        assert self.generation is not None
        prefix = SERVER_PREFIX if self.server else LOCAL_PREFIX
        if self.server:
            client = self._client(self.generation)
            collection = self.collection
            collection.modify(metadata={**(collection.metadata or {}), "building": False})
            named = write_server_pointer(client, f"{COLLECTION}-", self.generation)
            sweep_server(client, f"{COLLECTION}-", named)
        else:
            write_pointer(self.root, named := self.generation)
        sweep_folders(self.root, prefix, self.generation)
        if named != self.generation:
            # Another machine finished a newer rebuild meanwhile: that one is the index, and
            # the next read opens it.
            self._forget()

    def _reattach_locked(self) -> None:
        if self.generation is None or self._current() != self.generation:
            # A writer moved the pointer while this process waited for the lock.
            self._attach_locked()
        self.store.create()
