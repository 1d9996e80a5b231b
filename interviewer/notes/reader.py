"""Reading notes from disk: files and folders, encodings, and what to skip."""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass
from pathlib import Path

from interviewer.errors import InterviewerError

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd", ".mdx"}
_SNIFF = 8192
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # below 32, but not \t \n \f \r


class NotesError(InterviewerError):
    """Notes cannot be read at all (a missing path, say)."""


@dataclass(frozen=True)
class NotesFile:
    """A notes file to parse, with the name it is shown by."""

    path: Path
    source: str
    explicit: bool = False
    """Named on its own (not found in a folder): never skipped for its name."""


def display_path(text: str) -> str:
    """A path as valid text: bytes of a file name that are not UTF-8 become `\\xff` escapes
    (JSON, Chroma and terminals reject the surrogates Python keeps them as)."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def decode_notes(data: bytes) -> str | None:
    """Text of a notes file in UTF-8 (with or without BOM), UTF-16 with a BOM (what Windows
    Notepad and PowerShell's `>` write) or GB18030/GBK; None if binary."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if b"\x00" in data[:_SNIFF]:
        return None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = len(_CONTROLS.findall(text, 0, _SNIFF))
        return None if controls > 8 else text
    return None


def collect_files(paths: list[Path]) -> tuple[list[NotesFile], list[str]]:
    """The Markdown files under the given files/folders, and warnings for what was skipped."""
    files: list[NotesFile] = []
    warnings: list[str] = []
    for root in paths:
        root = root.expanduser()
        if not root.exists():
            raise NotesError(f"notes path not found: {root} (check --notes / INTERVIEWER_NOTES)")
        if root.is_file():
            files.append(NotesFile(root, display_path(root.name), explicit=True))
            continue
        if not root.is_dir():
            raise NotesError(f"notes path {root} is not a file or folder (a pipe or a device?); "
                             "point --notes / INTERVIEWER_NOTES at Markdown files or folders")
        skipped: list[str] = []
        found, unreadable = _walk(root)
        if root in unreadable:
            raise NotesError(f"cannot read notes folder {root} ({unreadable[root]}); "
                             "check its permissions")
        for folder, reason in unreadable.items():
            warnings.append(f"cannot read folder {folder} ({reason}); skipped")
        for path in found:
            relative = path.relative_to(root)
            if not path.is_file():
                continue
            if path.suffix.lower() in MARKDOWN_SUFFIXES:
                files.append(NotesFile(path, display_path(relative.as_posix())))
            else:
                skipped.append(display_path(relative.as_posix()))
        if skipped:
            sample = ", ".join(skipped[:3]) + (" …" if len(skipped) > 3 else "")
            warnings.append(
                f"skipped {len(skipped)} non-Markdown file(s) in {root}: {sample}"
            )
    return _unique(files), warnings


def _unique(files: list[NotesFile]) -> list[NotesFile]:
    """Each file once: `--notes DIR --notes DIR/a.md` must not ask a question twice."""
    seen: set[Path] = set()
    unique = []
    for notes_file in files:
        real = notes_file.path.resolve()
        if real not in seen:
            seen.add(real)
            unique.append(notes_file)
    return unique


def _walk(root: Path) -> tuple[list[Path], dict[Path, str]]:
    """Every non-hidden path under `root`, sorted, and the folders that could not be listed.

    Symlinked folders are not followed (no loops); `os.walk` reports what `rglob` would hide.
    """
    found: list[Path] = []
    unreadable: dict[Path, str] = {}

    def failed(exc: OSError) -> None:
        unreadable[Path(exc.filename)] = exc.strerror or type(exc).__name__

    for folder, dirs, names in os.walk(root, onerror=failed):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        here = Path(folder)
        found += [here / d for d in dirs] + [here / n for n in names if not n.startswith(".")]
    return sorted(found), unreadable
