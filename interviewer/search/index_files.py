"""The notes files as the index sees them: each under a key of its content (and of what
decides its records), the metadata stored beside each record, and the report of an update."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interviewer.errors import InterviewerError
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


def file_key(data: bytes, questions: list[Question]) -> str:
    """The content key of a notes file and of what it parses to."""
    # What the notes parse to and how answers are cut decide the records too: a parser that
    # reads the file otherwise re-indexes it, one that reads it the same does not. Where the
    # file is, and the topics its neighbours lend it, are no part of it.
    parsed = json.dumps([_parsed(question) for question in questions], ensure_ascii=False)
    salt = f"{_KEY_SALT}chunk-format={CHUNK_FORMAT}/vocabulary={vocabulary_fingerprint()}/"
    digest = hashlib.sha256(salt.encode() + data + b"\0" + parsed.encode("utf-8", "replace"))
    return digest.hexdigest()[:24]


def _parsed(question: Question) -> list[Any]:
    return [question.id, question.title, question.stars, question.answer,
            list(question.key_points), list(question.sections), question.chapter,
            question.number, list(question.tags), question.difficulty, question.prompt]


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
        name = Path(display_path(str(path.resolve())))
        files.append(NotesFile(name, file_key(data, questions), questions))
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
