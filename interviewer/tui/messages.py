"""What the workers tell the screens, in the past tense."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.message import Message

if TYPE_CHECKING:
    from interviewer.grading.model import Grade
    from interviewer.practice.session import GradeJob
    from interviewer.practice.store import StoredAnswer


class AnswerGraded(Message):
    """A grade came back for a saved answer."""

    def __init__(self, job: GradeJob, grade: Grade, seconds: float) -> None:
        super().__init__()
        self.job = job
        self.grade = grade
        self.seconds = seconds


class GradingFailed(Message):
    """Grading raised; the answer is still saved."""

    def __init__(self, job: GradeJob, problem: str) -> None:
        super().__init__()
        self.job = job
        self.problem = problem


class RelatedFound(Message):
    """Related notes for a question were looked up."""

    def __init__(self, question_id: str, hits: list[Any], problem: str | None) -> None:
        super().__init__()
        self.question_id = question_id
        self.hits = hits
        self.problem = problem


class EarlierAnswerGraded(Message):
    """An answer left ungraded by an earlier interview was graded (or could not be)."""

    def __init__(self, stored: StoredAnswer, grade: Grade | None, problem: str | None) -> None:
        super().__init__()
        self.stored = stored
        self.grade = grade
        self.problem = problem
