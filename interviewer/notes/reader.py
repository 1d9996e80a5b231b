"""Reading notes from disk: files and folders, encodings, and what to skip."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from interviewer.errors import InterviewerError

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd", ".mdx"}
_SNIFF = 8192


class NotesError(InterviewerError):
    """Notes cannot be read at all (a missing path, say)."""


@dataclass(frozen=True)
class NotesFile:
    """A notes file to parse, with the name it is shown by."""

    path: Path
    source: str


def decode_notes(data: bytes) -> str | None:
    """Text of a notes file in UTF-8 (with or without BOM) or GB18030/GBK; None if binary."""
    if b"\x00" in data[:_SNIFF]:
        return None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for ch in text[:_SNIFF] if ord(ch) < 32 and ch not in "\t\n\r\f")
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
            files.append(NotesFile(root, root.name))
            continue
        skipped: list[str] = []
        for path in sorted(root.rglob("*")):
            relative = path.relative_to(root)
            if any(part.startswith(".") for part in relative.parts) or not path.is_file():
                continue
            if path.suffix.lower() in MARKDOWN_SUFFIXES:
                files.append(NotesFile(path, relative.as_posix()))
            else:
                skipped.append(relative.as_posix())
        if skipped:
            sample = ", ".join(skipped[:3]) + (" …" if len(skipped) > 3 else "")
            warnings.append(
                f"skipped {len(skipped)} non-Markdown file(s) in {root}: {sample}"
            )
    return files, warnings
