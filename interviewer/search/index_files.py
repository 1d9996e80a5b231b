"""The notes files as the index sees them: each under a key of its content (and of what
decides its records), the metadata stored beside each record, and the report of an update."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interviewer.errors import InterviewerError
from interviewer.notes.cache import FORMAT as NOTES_FORMAT
from interviewer.notes.reader import display_path
from interviewer.search.chunking import (
    CHUNK_FORMAT,
    MAX_CHARS,
    PASSAGE_BUDGET,
    PASSAGE_CHARS,
    PASSAGE_CHUNKS,
    PASSAGE_FORMAT,
    TITLE_CHARS,
)
from interviewer.search.index_generation import INDEX_FORMAT
from interviewer.search.lexical import vocabulary_fingerprint
from interviewer.search.tables import NotesFile

if TYPE_CHECKING:
    from interviewer.notes import Question, QuestionBank

# Anything that changes what a file's records hold goes into its key, so a new version of
# interviewer re-indexes by itself instead of mixing old and new records.
_KEY_SALT = (
    f"interviewer-index/{INDEX_FORMAT}/chunks={MAX_CHARS}/title={TITLE_CHARS}/"
    f"passage={PASSAGE_CHARS}/{PASSAGE_FORMAT}/lead={PASSAGE_CHUNKS}/budget={PASSAGE_BUDGET}/"
)

@dataclass
class IndexReport:
    """What bringing the index up to date did."""

    files: int = 0
    files_indexed: int = 0
    questions_embedded: int = 0
    passages_embedded: int = 0
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
        passages = f", {self.passages_embedded} passage(s)" if self.passages_embedded else ""
        return (
            f"indexed {self.files_indexed} of {self.files} notes file(s): "
            f"{self.questions_embedded} question(s) embedded{passages}, "
            f"{self.chunks_cached} chunk(s) ({self.seconds:.1f} s)"
        )


def file_key(data: bytes) -> str:
    """The content key of a notes file."""
    # What the notes parse to and how answers are cut decide the records too.
    formats = f"chunk-format={CHUNK_FORMAT}/notes={NOTES_FORMAT}/"
    salt = f"{_KEY_SALT}{formats}vocabulary={vocabulary_fingerprint()}/".encode()
    return hashlib.sha256(salt + data).hexdigest()[:24]


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
        # The path is the file's name in the index (JSON, Chroma): it must be valid text.
        files.append(NotesFile(Path(display_path(str(path.resolve()))), file_key(data), questions))
    return files


def record_metadata(
    notes: NotesFile, position: int, question: Question, kind: str
) -> dict[str, Any]:
    """What the index stores beside a record's vector."""
    return {
        "kind": kind,
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
