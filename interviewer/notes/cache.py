"""A cache of parsed notes files, keyed by their content, so large note folders load fast
on every run after the first."""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Any

# Bump when something outside the notes package (the Question record, the text helpers it
# uses) changes what a file parses to; the package's own code is in the key already (CODE).
FORMAT = 46


def _code_digest() -> str:
    """A digest of the notes package's source: a parser that changed parses every file again,
    whether or not FORMAT was bumped."""
    digest = hashlib.sha1()
    package = Path(__file__).parent
    try:
        for path in sorted(package.rglob("*.py")):
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    except OSError:
        return ""  # no readable source (a frozen build): FORMAT alone keys the cache
    return digest.hexdigest()[:16]


CODE = _code_digest()


class ParseCache:
    """Parsed questions of a file, stored under a hash of everything they depend on."""

    def __init__(self, folder: Path, fingerprint: str) -> None:
        self.folder = folder
        self.fingerprint = f"{FORMAT}:{CODE}:{fingerprint}"

    def key(self, data: bytes, *parts: str) -> str:
        """The cache key of a file's bytes plus what else shapes its questions."""
        digest = hashlib.sha1(self.fingerprint.encode())
        for part in parts:
            digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0" + data)
        return digest.hexdigest()

    def get(self, key: str) -> Any | None:
        """The cached value, or None when absent or unreadable."""
        try:
            with (self.folder / f"{key}.pickle").open("rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None

    def put(self, key: str, value: Any) -> None:
        """Store a value; a cache that cannot be written is simply not used."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            # Per process: two processes parsing the same new file must not share one.
            temporary = self.folder / f"{key}.{os.getpid()}.tmp"
            with temporary.open("wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            temporary.replace(self.folder / f"{key}.pickle")
        except OSError:
            return
