"""A Chinese clause that opens with an owner ("系统的任务重试策略的选择并不会影响…") is about what
the owner has: the negation check finds its subject past the owner, so an answer that drops
the notes' "并不会" is caught and one that keeps it is not."""

from __future__ import annotations

import pytest

from interviewer.grading.keyword import KeywordGrader
from interviewer.notes import QuestionBank
from tests.grading_helpers import found_by, notes_bank
from tests.grading_helpers import grade_for as _grade

NOTES = """# 任务

## 1. 任务的重试策略有哪些？

重试策略是指任务失败后怎么重新执行：立即重试、固定间隔重试、指数退避重试。

系统的任务重试策略的选择并不会影响超时任务的处理。重试策略处理失败的任务，超时策略处理超时的任务。

## 2. 系统中的任务怎么排队？

系统中的任务按提交时间排队，先提交的先执行。

## 3. 系统中的任务怎么取消？

系统中的任务可以在执行前取消，执行中的任务要等它结束。

## 4. 系统中的任务日志放在哪里？

系统中的任务日志按天写入文件，保留七天。

## 5. 系统中的任务怎么分配给机器？

系统按机器的空闲程度分配任务，空闲的机器先分到任务。
"""


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"renwu.md": NOTES})


@pytest.fixture(scope="module")
def plain(notes: QuestionBank) -> KeywordGrader:
    return KeywordGrader(notes, packs=[])


def _clashes(plain: KeywordGrader, notes: QuestionBank, answer: str) -> list[str]:
    return found_by(_grade(plain, notes, "重试策略有哪些", answer), "contradiction")


def test_the_subject_past_an_owner_meets_the_answers(plain: KeywordGrader,
                                                     notes: QuestionBank) -> None:
    assert _clashes(plain, notes, "任务重试策略的选择会影响超时任务的处理。")


@pytest.mark.parametrize("answer", [
    "任务重试策略的选择不会影响超时任务的处理。",
    "系统的任务重试策略的选择并不会影响超时任务的处理，超时任务由超时策略处理。",
])
def test_the_same_denial_is_not_flagged(plain: KeywordGrader, notes: QuestionBank,
                                        answer: str) -> None:
    assert not _clashes(plain, notes, answer)
