"""Helpers shared by the grading tests."""

from __future__ import annotations

from interviewer.grading.keyword import KeywordGrader
from interviewer.grading.model import Grade
from interviewer.notes import QuestionBank


def grade(grader: KeywordGrader, bank: QuestionBank, qid: str, answer: str) -> Grade:
    """Grade an answer to the question with this id."""
    question = bank.get(qid)
    assert question is not None
    return grader.grade(question, answer)


def grade_for(grader: KeywordGrader, notes: QuestionBank, title: str, answer: str) -> Grade:
    """Grade `answer` to the question whose title contains `title`."""
    question = next(q for q in notes.questions if title in q.title)
    return grader.grade(question, answer)


def found_by(grade: Grade, name: str) -> list[str]:
    """What the check `name` found in a grade."""
    return next(report.found for report in grade.checks if report.name == name)
