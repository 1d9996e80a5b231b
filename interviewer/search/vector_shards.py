"""A copy of each notes file's vectors beside its embedded Chroma generation, one small
`.npz` per file: a search over an up-to-date index reads these and never imports chromadb
(~1 s of a search process) nor opens its store.

A shard is written only after all of its file's records are in Chroma, and removed before
any of them change, so a shard that exists always equals what Chroma holds for that file;
a missing one only sends the reader the slow way, through Chroma."""

from __future__ import annotations

import hashlib
import io
import json
import os
import pickle
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interviewer.search.index_pointer import beyond_newest, read_pickle, write_atomic

if TYPE_CHECKING:
    import numpy as np

FOLDER = "vectors"
STAMP = "encoder.json"
"""Which encoder made the vectors of this generation: shards of another one are not used."""
KINDS = ("title", "passage")
STACKS = 4
"""How many note sets keep their shards stacked in one file (the shards of 3,000 questions
take ~0.2 s to read one by one, their stack ~0.01 s)."""


@dataclass
class Nearest:
    """The vectors of a note set, stacked: one row per record."""

    keys: list[str]
    with_passages: set[str]
    """The files whose passage vectors are here too."""
    key_rows: Any
    kinds: Any
    positions: Any
    chunks: Any
    vectors: Any
    rows_of: dict[tuple[str, ...], Any] = field(default_factory=dict, repr=False)
    """The rows of each set of files read so far (every query reads the same ones)."""

    def _rows(self, keys: list[str] | None) -> Any:
        import numpy as np

        if keys is None:
            return np.arange(len(self.kinds))
        if tuple(keys) not in self.rows_of:
            chosen = set(keys)
            wanted = [i for i, key in enumerate(self.keys) if key in chosen]
            self.rows_of[tuple(keys)] = np.flatnonzero(np.isin(self.key_rows, wanted))
        return self.rows_of[tuple(keys)]

    def _metadata(self, row: int) -> dict[str, Any]:
        return {
            "kind": KINDS[int(self.kinds[row])],
            "file_key": self.keys[int(self.key_rows[row])],
            "position": int(self.positions[row]),
            "chunk": int(self.chunks[row]),
        }

    def search(
        self, query: np.ndarray, n: int, keys: list[str] | None = None
    ) -> list[tuple[dict[str, Any], float]]:
        """The `n` records (of `keys`' files, or all) nearest to `query`: (metadata, cosine
        similarity), best first."""
        import numpy as np

        rows = self._rows(keys)
        n = min(n, len(rows))
        if n < 1:
            return []
        query = np.asarray(query, dtype=np.float32).reshape(-1)
        # All rows times the query, then the chosen ones: cheaper than copying those rows.
        similarity = (self.vectors @ query)[rows]
        top = np.argpartition(-similarity, n - 1)[:n] if n < len(rows) else np.arange(n)
        top = top[np.argsort(-similarity[top], kind="stable")]
        return [(self._metadata(int(rows[i])), float(similarity[i])) for i in top]

    def records(self, keys: list[str]) -> list[tuple[dict[str, Any], Any]]:
        """Every record of `keys`' files: (metadata, vector)."""
        return [(self._metadata(int(row)), self.vectors[row]) for row in self._rows(keys)]


class VectorShards:
    """The shards of one embedded generation."""

    def __init__(self, generation_folder: Path) -> None:
        self.folder = generation_folder / FOLDER

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.npz"

    def stamp(self, fingerprint: str) -> None:
        """Record the encoder of this generation (when it is created)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomic(self.folder / STAMP, json.dumps({"encoder": fingerprint}).encode())

    def made_by(self, fingerprint: str) -> bool:
        """Whether this generation's vectors came from that encoder."""
        try:
            stamp = json.loads((self.folder / STAMP).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return isinstance(stamp, dict) and stamp.get("encoder") == fingerprint

    def has(self, key: str) -> bool:
        """Whether the file's shard exists."""
        return self._path(key).is_file()

    def drop(self, key: str) -> None:
        """Remove a file's shard (before its records in Chroma change)."""
        self._path(key).unlink(missing_ok=True)

    def write(self, key: str, found: dict[str, Any]) -> None:
        """Write a file's shard from a Chroma `get` of all its records (with embeddings and
        metadatas)."""
        import numpy as np

        metadatas = found.get("metadatas") or []
        vectors = np.asarray(found.get("embeddings"), dtype=np.float32).reshape(
            len(metadatas), -1
        )
        kinds = [KINDS.index(str(meta.get("kind"))) for meta in metadatas]
        buffer = io.BytesIO()
        np.savez(
            buffer,
            kinds=np.asarray(kinds, dtype=np.int8),
            positions=np.asarray([int(m["position"]) for m in metadatas], dtype=np.int32),
            chunks=np.asarray([int(m.get("chunk", -1)) for m in metadatas], dtype=np.int32),
            vectors=vectors,
        )
        self.folder.mkdir(parents=True, exist_ok=True)
        write_atomic(self._path(key), buffer.getvalue())

    def complete(self, fingerprint: str, keys: list[str], passages: set[str]) -> Nearest | None:
        """The shards of `keys` stacked, when that encoder made them, none is missing and the
        files in `passages` have their passage vectors; None sends the reader through Chroma."""
        if not self.made_by(fingerprint):
            return None
        try:
            nearest = self.load(keys)
        except Exception:  # swept by a rebuild, or damaged: the way through Chroma decides
            return None
        return None if passages - nearest.with_passages else nearest

    def load(self, keys: list[str]) -> Nearest:
        """The shards of `keys` stacked (raises OSError/ValueError when one is unreadable),
        from the set's saved stack while no shard of it changed since."""
        unique = list(dict.fromkeys(keys))
        stack = self.folder / f"{self._signature(unique)}.stack"
        saved = read_pickle(stack)
        if isinstance(saved, Nearest) and saved.keys == unique:
            return saved
        nearest = self._stack(unique)
        # Only a cache: written without the lock, and never into a folder a sweep removed.
        with suppress(OSError):
            write_atomic(stack, pickle.dumps(nearest, protocol=pickle.HIGHEST_PROTOCOL))
            for old in beyond_newest(self.folder.glob("*.stack"), STACKS):
                old.unlink(missing_ok=True)
        return nearest

    def _signature(self, keys: list[str]) -> str:
        """What the stack of these shards depends on: each one's key, size and change time
        (raises OSError when one is missing)."""
        digest = hashlib.sha256()
        for key in keys:
            found = os.stat(self._path(key))
            digest.update(f"{key} {found.st_size} {found.st_mtime_ns}\n".encode())
        return digest.hexdigest()[:24]

    def _stack(self, unique: list[str]) -> Nearest:
        import numpy as np

        parts: list[dict[str, Any]] = []
        for key in unique:
            with np.load(self._path(key)) as shard:
                parts.append({name: shard[name] for name in shard.files})
        rows = [np.full(len(part["kinds"]), i, dtype=np.int32) for i, part in enumerate(parts)]

        def stacked(name: str, dtype: Any, width: int = 0) -> Any:
            if not parts:
                return np.zeros((0, width) if width else 0, dtype=dtype)
            return np.concatenate([part[name] for part in parts])

        width = parts[0]["vectors"].shape[1] if parts else 0
        return Nearest(
            keys=unique,
            with_passages={key for key, part in zip(unique, parts, strict=True)
                           if (part["kinds"] == 1).any()},
            key_rows=np.concatenate(rows) if rows else np.zeros(0, dtype=np.int32),
            kinds=stacked("kinds", np.int8),
            positions=stacked("positions", np.int32),
            chunks=stacked("chunks", np.int32),
            vectors=stacked("vectors", np.float32, width),
        )
