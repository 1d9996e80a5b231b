"""A comparison table's columns: the cells under a compared term's header are what the
notes say of that term, so an answer that gives one column's facts to the other term is
caught as a swap, in English and Chinese, and a right answer is not."""

from __future__ import annotations

import pytest

from interviewer.grading.keyword import KeywordGrader
from interviewer.notes import QuestionBank
from interviewer.terms.siblings import attached_text
from tests.grading_helpers import found_by, grade_for, notes_bank

EN = """# Queues

## 1. Explain the difference between PUSH and PULL delivery.

Both deliver messages to a consumer, but they differ in who starts the transfer.

| Aspect | PUSH | PULL |
|--------|------|------|
| **Trigger** | Broker sends as soon as a message arrives | Consumer polls the broker on its own schedule |
| **Backpressure** | Consumer can be flooded under load | Consumer sets its own pace |
| **Latency** | Lowest, immediate delivery | Higher, waits for the next poll |
"""

ZH = """# 队列

## 1. 同步复制和异步复制的区别

两者都把主库的写入复制到从库，区别在于主库何时确认写入。

| 方面 | 同步复制 | 异步复制 |
|------|----------|----------|
| 确认 | 等从库写完才向客户端确认 | 主库写完立即确认，从库稍后追上 |
| 数据 | 主库宕机也不丢已确认的数据 | 主库宕机可能丢失最近的写入 |
| 延迟 | 较高，受最慢的从库拖累 | 最低，不等从库 |
"""


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"en.md": EN, "zh.md": ZH})


@pytest.fixture(scope="module")
def plain(notes: QuestionBank) -> KeywordGrader:
    return KeywordGrader(notes, packs=[])


def test_a_column_is_attached_to_its_header() -> None:
    attached = attached_text(EN.split("\n\n", 2)[2])
    assert "Broker sends as soon as a message arrives" in attached["push"]
    assert "Consumer sets its own pace" in attached["pull"]
    assert "Consumer polls" not in attached["push"]


def test_facts_of_one_column_given_to_the_other_are_a_swap(
    plain: KeywordGrader, notes: QuestionBank
) -> None:
    grade = grade_for(plain, notes, "PUSH and PULL",
                      "With PULL the broker sends each message as soon as it arrives, so the "
                      "consumer can be flooded under load. With PUSH the consumer polls the "
                      "broker on its own schedule and sets its own pace.")
    assert found_by(grade, "swapped_terms")
    assert "PUSH: Broker sends as soon as a message arrives" in grade.feedback


def test_each_column_given_to_its_own_term_is_no_swap(
    plain: KeywordGrader, notes: QuestionBank
) -> None:
    grade = grade_for(plain, notes, "PUSH and PULL",
                      "With PUSH the broker sends each message as soon as it arrives, so a "
                      "consumer can be flooded under load. With PULL the consumer polls the "
                      "broker on its own schedule and sets its own pace, at a higher latency.")
    assert found_by(grade, "swapped_terms") == []
    assert "contradiction" not in grade.flags


def test_a_chinese_table_column_swapped(plain: KeywordGrader, notes: QuestionBank) -> None:
    wrong = grade_for(plain, notes, "同步复制和异步复制",
                      "异步复制要等从库写完才向客户端确认，主库宕机也不丢已确认的数据；"
                      "同步复制是主库写完立即确认，从库稍后追上，所以延迟最低。")
    assert found_by(wrong, "swapped_terms")
    assert "弄混" in wrong.feedback
    right = grade_for(plain, notes, "同步复制和异步复制",
                      "同步复制要等从库写完才向客户端确认，主库宕机也不丢已确认的数据；"
                      "异步复制是主库写完立即确认，从库稍后追上，所以延迟最低。")
    assert found_by(right, "swapped_terms") == []
