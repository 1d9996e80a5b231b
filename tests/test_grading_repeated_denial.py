""""既不是 A 也不是 B" and "neither A nor B" deny two things: the second negation does not
cancel the first, so an answer that says what the notes say in one clause ("既不是完全同步
复制也不是纯异步复制") is not read as affirming what the notes deny in two."""

from __future__ import annotations

import pytest

from interviewer.grading.contradiction import direction
from interviewer.grading.keyword import KeywordGrader
from interviewer.grading.polarity import denies
from interviewer.notes import QuestionBank
from tests.grading_helpers import found_by, notes_bank
from tests.grading_helpers import grade_for as _grade

NOTES = """# 复制

## 1. 系统的副本怎么同步？

系统的复制机制既不是完全的同步复制，也不是单纯的异步复制。主副本维护一个同步列表，落后太多的从副本会被移出列表。

## 2. 系统的日志怎么存？

日志按天切分，追加写入磁盘。

## 3. 系统怎么选主？

主副本挂掉后，从同步列表里选一个从副本当新的主副本。
"""


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"fuzhi.md": NOTES})


@pytest.fixture(scope="module")
def plain(notes: QuestionBank) -> KeywordGrader:
    return KeywordGrader(notes, packs=[])


@pytest.mark.parametrize("text", [
    "既不是完全同步复制也不是纯异步复制",
    "it is neither synchronous nor purely asynchronous",
    "多线程也不会产生乱序",
])
def test_a_repeated_denial_still_denies(text: str) -> None:
    assert denies(text)


def test_the_second_negation_does_not_turn_the_first_round() -> None:
    assert direction("既不是完全同步复制也不是纯异步复制") == direction("也不是单纯的异步复制")
    assert direction("它不大也不小") == ()


def test_the_notes_said_in_one_clause_is_not_a_contradiction(
        plain: KeywordGrader, notes: QuestionBank) -> None:
    grade = _grade(plain, notes, "副本怎么同步",
                   "复制机制既不是完全同步复制也不是纯异步复制，主副本维护同步列表，"
                   "落后太多的从副本会被移出列表。")
    assert not found_by(grade, "contradiction")


def test_saying_it_is_purely_asynchronous_is_still_caught(
        plain: KeywordGrader, notes: QuestionBank) -> None:
    grade = _grade(plain, notes, "副本怎么同步", "系统的复制机制是单纯的异步复制。")
    assert found_by(grade, "contradiction")
