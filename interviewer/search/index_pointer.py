"""Which generation of the index is in use, and who may change it: writers take a file lock
in the data dir; a rebuild fills a new generation beside the current one and then moves a
small pointer to it in one atomic step, so readers never need the lock and never see a
half-built or missing index."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interviewer.errors import InterviewerError

if TYPE_CHECKING:
    from chromadb.api import ClientAPI

LOCK_FILE = "index.lock"
"""Beside the index folder, not in it: a damaged index folder is moved aside, its lock must
not go with it while another process waits on it."""
POINTER = "current.json"
WAIT_NOTICE_SECONDS = 1.0
"""How long a writer waits for the lock before saying why it is waiting."""
LOCAL_PREFIX, SERVER_PREFIX = "g-", "s-"
"""Generation folders: embedded ones hold their own Chroma store; server ones only the chunk
cache (the vectors live on the server), so switching modes never sweeps the other's."""
SERVER_POINTER = "interviewer-current"
"""The collection on a Chroma server whose metadata names the collection in use."""
SERVER_ORPHAN_SECONDS = 3600.0
"""A collection on a server still marked as being built is dropped by others only after this
long: until then it is taken for another machine's rebuild in progress, not a killed one."""


def new_generation() -> str:
    """A fresh generation id: sortable by time, unique across processes."""
    return f"{time.strftime('%Y%m%d%H%M%S')}-{secrets.token_hex(4)}"


def write_atomic(path: Path, data: bytes) -> None:
    """Write a file so that readers see the old or the new content, never a part."""
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())  # the pointer must not name data a power cut loses
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_pickle(path: Path) -> Any:
    """A cache file's object, or None when it is missing, damaged or from another version."""
    import pickle

    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None


def beyond_newest(paths: Iterable[Path], keep: int) -> list[Path]:
    """The paths older than the `keep` most recently changed ones (cache eviction); a file
    another process removes meanwhile is skipped."""
    dated = []
    for path in paths:
        with suppress(OSError):
            dated.append((path.stat().st_mtime, path))
    return [path for _, path in sorted(dated)[:-keep]] if keep else [p for _, p in dated]


class IndexLock:
    """The write lock of one data dir: at most one process changes the index at a time."""

    def __init__(self, data_dir: Path, announce: bool) -> None:
        self.path = data_dir / LOCK_FILE
        self.announce = announce
        self._lock: Any = None

    @contextmanager
    def held(self) -> Iterator[None]:
        """Hold the lock for the block (re-entrant), waiting for another writer if need be."""
        from filelock import FileLock, Timeout  # only writers pay for the import

        if self._lock is None:
            # Not thread-local: the TUI indexes in a worker thread.
            self._lock = FileLock(self.path, thread_local=False)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self._lock.acquire(timeout=WAIT_NOTICE_SECONDS)
            except Timeout:
                if self.announce:
                    print(
                        "interviewer: waiting for another index update to finish…",
                        file=sys.stderr,
                        flush=True,
                    )
                self._lock.acquire()
        except OSError as exc:
            raise InterviewerError(
                f"cannot lock the index in {self.path.parent} ({exc.strerror}); make it "
                "writable, or set INTERVIEWER_HOME to a writable folder"
            ) from None
        try:
            yield
        finally:
            self._lock.release()


    @contextmanager
    def held_if_free(self) -> Iterator[bool]:
        """Hold the lock for the block if nobody else does; never waits."""
        from filelock import FileLock, Timeout

        if self._lock is None:
            self._lock = FileLock(self.path, thread_local=False)
        try:
            self._lock.acquire(timeout=0)
        except (Timeout, OSError):
            yield False
            return
        try:
            yield True
        finally:
            self._lock.release()


# -- the pointer of an embedded index: a file ------------------------------------------------


def read_pointer(root: Path) -> str | None:
    """The generation the index folder's pointer names, or None."""
    try:
        value = json.loads((root / POINTER).read_text(encoding="utf-8")).get("generation")
    except (OSError, ValueError, AttributeError):
        return None
    return value if isinstance(value, str) and value else None


def write_pointer(root: Path, generation: str) -> None:
    """Point the index folder at a generation (atomically)."""
    write_atomic(root / POINTER, json.dumps({"generation": generation}).encode())


def sweep_folders(root: Path, prefix: str, keep: str | None) -> None:
    """Delete generation folders other than `keep` (call with the lock held): what a
    finished rebuild replaced, or what a killed one left half-built."""
    for folder in root.glob(f"{prefix}*"):
        if folder.name != f"{prefix}{keep}" and folder.is_dir():
            # A reader may still have files of it open: it keeps reading them (or retries
            # on the new pointer); what cannot go now goes at the next sweep.
            shutil.rmtree(folder, ignore_errors=True)


# -- the pointer of a server index: a collection's metadata ----------------------------------


def read_server_pointer(client: ClientAPI) -> str | None:
    """The generation a Chroma server's pointer names, or None."""
    from chromadb.errors import NotFoundError

    try:
        value = (client.get_collection(SERVER_POINTER).metadata or {}).get("generation")
    except (NotFoundError, ValueError):
        return None
    return value if isinstance(value, str) and value else None


def _generations(client: ClientAPI, prefix: str) -> dict[str, dict[str, Any]]:
    """The server's generations under `prefix`, each with its collection's metadata."""
    return {
        collection.name.removeprefix(prefix): dict(collection.metadata or {})
        for collection in client.list_collections()
        if collection.name.startswith(prefix)
    }


def newest_finished(client: ClientAPI, prefix: str) -> str | None:
    """The newest generation on the server whose build finished, or None."""
    finished = [g for g, metadata in _generations(client, prefix).items()
                if not metadata.get("building")]
    return max(finished, default=None)


def write_server_pointer(client: ClientAPI, prefix: str, generation: str) -> str:
    """Point the server's index at a finished generation, unless another machine already
    pointed it at a newer one; returns the generation the pointer names afterwards.

    Two machines switching at once can interleave so that one's sweep drops what the other
    just named; the pointer is then moved on to the newest finished generation, so it never
    stays on a collection that is gone."""
    pointer = client.get_or_create_collection(SERVER_POINTER, embedding_function=None)
    current = read_server_pointer(client)
    if current is None or current < generation:
        pointer.modify(metadata={"generation": generation})
    named = read_server_pointer(client) or generation
    if named not in _generations(client, prefix):
        named = newest_finished(client, prefix) or generation
        pointer.modify(metadata={"generation": named})
    return named


def sweep_server(client: ClientAPI, prefix: str, keep: str) -> None:
    """Drop the server's collections of generations older than `keep`: finished ones
    (replaced by a switch, here or on another machine) and unfinished ones old enough to be
    dead. Newer ones are another machine's: its own switch sweeps what they replace."""
    now = time.time()
    for generation, metadata in _generations(client, prefix).items():
        if generation >= keep:
            continue
        age = now - float(metadata.get("created", 0) or 0)
        if not metadata.get("building") or age > SERVER_ORPHAN_SECONDS:
            # Another client may have dropped it first: that is fine.
            with suppress(Exception):
                client.delete_collection(f"{prefix}{generation}")
