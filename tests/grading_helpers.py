"""Helpers shared by the grading tests."""

from __future__ import annotations

import pytest

from interviewer.grading.keyword import KeywordGrader
from interviewer.grading.model import Grade
from interviewer.notes import QuestionBank, load_bank


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


def notes_bank(tmp_path_factory: pytest.TempPathFactory, files: dict[str, str]) -> QuestionBank:
    """The bank of notes files written (name → text) into a fresh folder."""
    folder = tmp_path_factory.mktemp("notes")
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return load_bank([folder])


def contradicts(
    tmp_path_factory: pytest.TempPathFactory, files: dict[str, str], title: str, answer: str
) -> bool:
    """Whether the contradiction check flags `answer` to the question whose title contains
    `title`, in notes written from `files`, graded with no domain pack."""
    bank = notes_bank(tmp_path_factory, files)
    return bool(found_by(grade_for(KeywordGrader(bank, packs=[]), bank, title, answer),
                         "contradiction"))
