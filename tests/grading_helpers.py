"""A helper shared by the grading tests."""

from __future__ import annotations

from interviewer.grading.keyword import KeywordGrader
from interviewer.grading.model import Grade
from interviewer.notes import QuestionBank


def grade(grader: KeywordGrader, bank: QuestionBank, qid: str, answer: str) -> Grade:
    """Grade an answer to the question with this id."""
    question = bank.get(qid)
    assert question is not None
    return grader.grade(question, answer)
