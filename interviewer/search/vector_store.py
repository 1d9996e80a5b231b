"""Vectors kept on disk between runs, by text: a note's sentences are the same at every grade
and its titles and passages at every re-index (a changed vocabulary or pack re-keys a file,
not its text), so each is embedded once per machine rather than once per process or per
index. A small SQLite table keyed by a hash of the model and the text."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

# Past this many vectors (~1.5 KB each) the oldest half is dropped: notes change, and a
# folder of thousands of questions needs only what grading has asked for lately.
MAX_ROWS = 200_000
_SCHEMA = "CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL)"


def text_key(model: str, text: str) -> str:
    """The row key of one text embedded by one model."""
    return hashlib.sha1(f"{model}\0{text}".encode()).hexdigest()


class VectorStore:
    """Vectors by text, in one SQLite file; every failure to read or write only costs time."""

    def __init__(self, path: Path, model: str) -> None:
        self.path = path
        self.model = model
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self._broken = False

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is None and not self._broken:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.path, timeout=2.0, check_same_thread=False)
                db.execute(_SCHEMA)
                self._db = db
            except (OSError, sqlite3.Error):
                # A read-only or locked data folder: vectors are computed again, nothing fails.
                self._broken = True
        return self._db

    def get(self, texts: Sequence[str]) -> dict[str, Any]:
        """The stored vectors of those texts that have one."""
        import numpy as np  # comes with the encoders, the only users of this store

        keys = {text_key(self.model, t): t for t in texts}
        found: dict[str, Any] = {}
        with self._lock:
            db = self._connect()
            if db is None or not keys:
                return found
            listed = list(keys)
            try:
                for start in range(0, len(listed), 500):
                    chunk = listed[start : start + 500]
                    marks = ",".join("?" * len(chunk))
                    for key, blob in db.execute(
                            f"SELECT key, vector FROM vectors WHERE key IN ({marks})", chunk):
                        found[keys[key]] = np.frombuffer(blob, dtype=np.float32)
            except sqlite3.Error:
                return {}
        return found

    def put(self, vectors: Mapping[str, Any]) -> None:
        """Store vectors by text (best effort)."""
        import numpy as np

        rows = [(text_key(self.model, t), np.asarray(v, dtype=np.float32).tobytes())
                for t, v in vectors.items()]
        with self._lock:
            db = self._connect()
            if db is None or not rows:
                return
            try:
                with db:
                    db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)", rows)
                    (count,) = db.execute("SELECT COUNT(*) FROM vectors").fetchone()
                    if count > MAX_ROWS:
                        db.execute("DELETE FROM vectors WHERE rowid IN (SELECT rowid FROM "
                                   "vectors ORDER BY rowid LIMIT ?)", (count // 2,))
            except sqlite3.Error:
                return
