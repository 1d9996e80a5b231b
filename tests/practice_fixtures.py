"""A small known history for the practice tests: answers on known days with known scores,
written through the real store with a clock the test moves."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest

from interviewer.grading.model import Grade, RubricItem, verdict_for
from interviewer.notes import QuestionBank
from interviewer.practice.store import HistoryStore

# 2026-11-30 is a Monday; the local clock is UTC in these tests (see `utc` below).
DAY = 86_400.0
MONDAY = datetime(2026, 11, 30, 9, 0, tzinfo=UTC).timestamp()
# (day offset from MONDAY, question number, score or None for a skip)
ANSWERS: tuple[tuple[int, int, float | None], ...] = (
    (0, 11, 3.0),   # overfitting, again
    (0, 12, 8.0),   # overfitting, good
    (0, 1, 9.0),    # initialisation, easy
    (1, 11, 5.0),   # overfitting, hard
    (2, 3, None),   # gradients, skipped
    (7, 11, 7.0),   # next week: overfitting, good
    (7, 5, 6.0),    # activations, hard
)


class Clock:
    """A clock that moves only when told."""

    def __init__(self, now: float = MONDAY) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def qid(number: int) -> str:
    """The bundled notes' id of question `number`."""
    return f"deep_learning_basics-{number:02d}"


def grade_of(question_id: str, score: float, feedback: str = "说得不错，补上遗漏的一点。") -> Grade:
    """A grade with one covered, one partly and one missed point."""
    return Grade(
        question_id=question_id,
        score=score,
        verdict=verdict_for(score),
        rubric=[
            RubricItem(point="要点一", status="covered", evidence="答到了"),
            RubricItem(point="要点二", status="partly", evidence="提到"),
            RubricItem(point="要点三", status="missed", evidence=""),
        ],
        missing=["要点三"],
        feedback=feedback,
        follow_up="",
        grader="keyword",
    )


def record(
    store: HistoryStore,
    bank: QuestionBank,
    clock: Clock,
    answers: Sequence[tuple[int, int, float | None]] = ANSWERS,
    start: float = MONDAY,
) -> list[int]:
    """Write the answers, one session per day; returns the answer ids."""
    ids = []
    session_day = None
    session = 0
    for offset, number, score in answers:
        clock.now = start + offset * DAY + len(ids) * 60
        if offset != session_day:
            session_day = offset
            session = store.start_session(None, 3, 1)
        question = bank.get(qid(number))
        asked = store.ask(session, 1, question)
        if score is None:
            store.mark_skipped(asked)
            continue
        answer = store.save_answer(asked, f"我的回答 {number}", prompt=question.title, seconds=30)
        store.save_grade(answer, grade_of(question.id, score), 0.5)
        ids.append(answer)
    return ids


def open_store(path: Path, clock: Clock) -> HistoryStore:
    """A history at `path` on the test's clock."""
    return HistoryStore(path, clock=clock)



@pytest.fixture
def utc() -> Iterator[None]:
    """Local time is UTC for the test, so days and weeks do not depend on the machine."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if old is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = old
    time.tzset()
