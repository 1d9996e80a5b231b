"""The index's own folder and server: is it ours and writable, moving a damaged one aside
(never deleting it), and checking that a Chroma server answers before Chroma's client waits
forever on it."""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

from interviewer.errors import InterviewerError
from interviewer.search.index_pointer import write_atomic

MARKER = "interviewer-index.json"


def _write_marker(root: Path, version: int) -> None:
    write_atomic(root / MARKER, json.dumps({"app": "interviewer", "format": version}).encode())


def is_ours(root: Path, version: int) -> bool:
    """True when the folder holds an interviewer index of this format (read only: readers
    call it without the write lock)."""
    try:
        info = json.loads((root / MARKER).read_text(encoding="utf-8"))
        return bool(info.get("app") == "interviewer" and info.get("format") == version)
    except (OSError, ValueError, AttributeError):
        return False


def check_folder(root: Path, version: int) -> str | None:
    """Why the index folder must be moved aside, or None when it is ours (a missing or
    empty folder is created and marked). Call with the write lock held."""
    if root.exists() and not root.is_dir():
        return "it is a file, not a folder"
    if not root.exists() or not any(root.iterdir()):
        try:
            root.mkdir(parents=True, exist_ok=True)
            _write_marker(root, version)
        except OSError as exc:
            raise InterviewerError(
                f"cannot create the index at {root} ({exc.strerror}); "
                "set INTERVIEWER_HOME to a writable folder"
            ) from None
        return None
    return None if is_ours(root, version) else "it is not an interviewer index (or an older format)"


def move_aside(folder: Path, reason: str, into: Path) -> str:
    """Move an unusable index folder to `into/index.broken-<time>` (never deleting it) and
    return the one-line notice saying so."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = into / f"index.broken-{stamp}"
    suffix = 1
    while target.exists():
        target, suffix = into / f"index.broken-{stamp}-{suffix}", suffix + 1
    try:
        os.replace(folder, target)
    except OSError as exc:
        raise InterviewerError(
            f"the index at {folder} is unusable ({reason}) and cannot be moved aside "
            f"({exc.strerror}); delete it, or set INTERVIEWER_HOME to a writable folder"
        ) from None
    return f"the index at {folder} was unusable ({reason}); moved it to {target} and rebuilding"


def moved_aside(into: Path) -> list[tuple[Path, int]]:
    """Index folders `move_aside` left in `into`, oldest first, with their size in bytes."""
    found = []
    for folder in sorted(into.glob("index.broken-*")):
        size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
        found.append((folder, size))
    return found


def start_folder(root: Path, version: int) -> None:
    """An empty, marked index folder where an unusable one was moved away."""
    root.mkdir(parents=True)
    _write_marker(root, version)


def probe_server(host: str, port: int, timeout: float) -> None:
    """Fail fast when nothing answers at host:port: Chroma's own client waits forever."""
    import http.client

    connection = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        connection.request("GET", "/api/v2/heartbeat")
        connection.getresponse().read()
    except (OSError, http.client.HTTPException) as exc:
        why = f"no answer within {timeout:g} s" if isinstance(exc, TimeoutError) else (
            getattr(exc, "strerror", None) or type(exc).__name__)
        raise InterviewerError(
            f"cannot reach the Chroma server at {host}:{port} ({why}); start it "
            "(`chroma run --path DIR --port PORT`) or unset CHROMA_HOST/CHROMA_PORT"
        ) from None
    finally:
        connection.close()


def read_only(root: Path, generation: Path) -> str | None:
    """Why the index folder, a generation of it or its database cannot be written, or None
    when they can."""
    database = generation / "chroma" / "chroma.sqlite3"
    try:
        for folder in (root, generation, database.parent):
            if folder.is_dir():
                tempfile.TemporaryFile(dir=folder).close()
        if database.is_file():
            database.open("r+b").close()
    except OSError as exc:
        return exc.strerror or type(exc).__name__
    return None
