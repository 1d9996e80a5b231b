"""Sequential and random access, push and pull delivery are opposite directions in any
subject's notes: "把消息随机写到文件里" against notes that say the log is written
sequentially, or "用推模式推送给消费者" against "消费者用拉模式拉取", is a contradiction; the
same claims in other words are not."""

from __future__ import annotations

import pytest

from interviewer.grading.keyword import KeywordGrader
from interviewer.notes import QuestionBank
from tests.grading_helpers import found_by, notes_bank
from tests.grading_helpers import grade_for as _grade

NOTES = """# 队列

## 1. 日志服务为什么写得快？

日志服务把消息顺序写入日志文件的末尾，不做随机写，磁盘的顺序写很快。

## 2. 日志服务的消费者怎么拿消息？

日志服务的消费者用拉模式拉取消息，按自己的处理能力决定拉多少。

## 3. How does the log service store messages?

The log service appends messages with sequential writes to the end of its log file.

## 4. How do consumers of the log service get messages?

Consumers of the log service pull messages at their own pace in pull mode.
"""


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"duilie.md": NOTES})


@pytest.fixture(scope="module")
def plain(notes: QuestionBank) -> KeywordGrader:
    return KeywordGrader(notes, packs=[])


@pytest.mark.parametrize(("title", "answer"), [
    ("为什么写得快", "日志服务把消息随机写入日志文件的各个位置。"),
    ("消费者怎么拿消息", "日志服务用推模式把消息推送给消费者。"),
    ("store messages", "The log service appends messages with random writes to its log file."),
    ("consumers of the log service", "The log service pushes messages to its consumers in push mode."),
])
def test_the_opposite_way_is_caught(plain: KeywordGrader, notes: QuestionBank,
                                    title: str, answer: str) -> None:
    assert found_by(_grade(plain, notes, title, answer), "contradiction")


@pytest.mark.parametrize(("title", "answer"), [
    ("为什么写得快", "日志服务顺序写入日志文件末尾，不随机写，所以快。"),
    ("消费者怎么拿消息", "消费者用拉模式拉取消息，按自己的能力来。"),
    ("store messages", "The log service appends messages to its log file with sequential writes."),
    ("consumers of the log service", "Consumers pull messages from the log service at their own pace."),
])
def test_the_same_way_is_not_flagged(plain: KeywordGrader, notes: QuestionBank,
                                     title: str, answer: str) -> None:
    assert not found_by(_grade(plain, notes, title, answer), "contradiction")
