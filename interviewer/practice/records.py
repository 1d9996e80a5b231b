"""What the history holds, as Python values: an answer with its grade and rating, and how
a question went each time it was shown. Rows become these in store.py."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

AnswerKind = Literal["answer", "follow_up"]
RatedBy = Literal["grade", "self"]

# Named as StoredAnswer's fields, in its order.
ANSWER_COLUMNS = """
    ans.id, ans.asked_id, a.session_id, a.question_id, a.title, ans.kind, ans.prompt,
    ans.key_points, ans.text, a.shown_at AS asked_at, ans.answered_at, ans.answer_seconds,
    a.peeked, ans.graded_at, ans.grade_seconds, ans.score, ans.verdict, ans.grader, ans.grade,
    s.topic, ans.rating, ans.rated_by, a.topics
"""
ANSWER_FROM = """
    FROM answers ans JOIN asked a ON a.id = ans.asked_id JOIN sessions s ON s.id = a.session_id
"""


def iso_time(timestamp: float | None) -> str | None:
    """A Unix time as ISO 8601 in UTC (seconds), or None."""
    if timestamp is None:
        return None
    return datetime.fromtimestamp(timestamp, UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class StoredAnswer:
    """One answer as kept in the history, with its grade once graded."""

    id: int
    asked_id: int
    session_id: int
    question_id: str
    title: str
    kind: AnswerKind
    prompt: str
    key_points: tuple[str, ...] | None
    text: str
    asked_at: float
    answered_at: float
    answer_seconds: float | None
    peeked: bool
    graded_at: float | None
    grade_seconds: float | None
    score: float | None
    verdict: str | None
    grader: str | None
    grade: dict[str, Any] | None
    topic: str | None
    rating: int | None = None
    rated_by: RatedBy | None = None
    topics: tuple[str, ...] = ()

    @property
    def graded(self) -> bool:
        """True once a grade is stored."""
        return self.graded_at is not None

    def to_json(self) -> dict[str, Any]:
        """The full record, for `interviewer history --json`."""
        return {
            "id": self.id,
            "session_id": self.session_id,
            "session_topic": self.topic,
            "question_id": self.question_id,
            "title": self.title,
            "kind": self.kind,
            "prompt": self.prompt,
            "answer": self.text,
            "asked_at": iso_time(self.asked_at),
            "answered_at": iso_time(self.answered_at),
            "answer_seconds": self.answer_seconds,
            "peeked": self.peeked,
            "graded": self.graded,
            "graded_at": iso_time(self.graded_at),
            "grade_seconds": self.grade_seconds,
            "score": self.score,
            "verdict": self.verdict,
            "grader": self.grader,
            "grade": self.grade,
            "rating": self.rating,
            "rated_by": self.rated_by,
            "topics": list(self.topics),
        }


@dataclass(frozen=True)
class Review:
    """How a question went once: when it was shown, its score, skipped or peeked."""

    question_id: str
    at: float
    score: float | None
    skipped: bool
    peeked: bool
    rating: int | None = None


def answer_from_row(row: sqlite3.Row) -> StoredAnswer:
    """An answer from a row of ANSWER_COLUMNS."""
    fields = dict(row)
    points, grade = fields.pop("key_points"), fields.pop("grade")
    fields["peeked"] = bool(fields["peeked"])
    fields["topics"] = tuple(json.loads(fields["topics"] or "[]"))
    return StoredAnswer(
        **fields,
        key_points=tuple(json.loads(points)) if points is not None else None,
        grade=json.loads(grade) if grade is not None else None,
    )


