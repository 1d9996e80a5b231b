"""A note sentence that opens with no term of its own ("队列中，单条消息是…，但批量提交不…") is
about nothing else, so an answer clause inside a sentence that opens with a term is still held
against it."""

from __future__ import annotations

import pytest

from interviewer.grading.keyword import KeywordGrader
from interviewer.notes import QuestionBank
from tests.grading_helpers import found_by, notes_bank
from tests.grading_helpers import grade_for as _grade

NOTES = """# 队列

## 1. 消息队列的批量提交保证有序性吗，支持重试吗?

队列中，单条消息是有序性写入的，但批量提交不保证有序性，且没有重试。批量提交中任意消息写入失败，其余的消息仍会被写入。

## 2. 队列中的消息怎么持久化？

队列中的消息先写日志文件，再定期刷到磁盘。

## 3. 队列中的消费者怎么确认消息？

消费者处理完消息后向队列发送确认，队列收到确认才删除消息。

## 4. 队列满了怎么办？

队列满了时生产者阻塞，或者丢掉最旧的消息。

## 5. 队列中的消息怎么分区？

按消息的键取哈希，把消息分到不同分区。
"""


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"duilie.md": NOTES})


@pytest.fixture(scope="module")
def plain(notes: QuestionBank) -> KeywordGrader:
    return KeywordGrader(notes, packs=[])


def _clashes(plain: KeywordGrader, notes: QuestionBank, answer: str) -> list[str]:
    return found_by(_grade(plain, notes, "批量提交保证有序性", answer), "contradiction")


def test_a_clause_inside_a_sentence_meets_a_note_sentence_with_no_opener(
    plain: KeywordGrader, notes: QuestionBank
) -> None:
    found = _clashes(plain, notes, "队列中批量提交是有序性写入的，但单条消息不保证有序性。")
    assert any(f.startswith("但单条消息不保证有序性") for f in found)


@pytest.mark.parametrize("answer", [
    "队列中单条消息是有序性写入的，但批量提交不保证有序性，也没有重试。",
    "队列中，单条消息有序性写入；批量提交不保证有序性，没有重试，任意消息失败后其余消息仍会写入。",
])
def test_the_right_halves_are_not_flagged(
    plain: KeywordGrader, notes: QuestionBank, answer: str
) -> None:
    assert not _clashes(plain, notes, answer)
