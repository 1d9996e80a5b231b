"""In notes about one thing (a file under "# Zorp" whose every question names Zorp), the thing
is in every question, so it is no rare word, yet it is what "Zorp不保证全局有序" is about: the
negation check takes what a section is named for as a clause's thing, so an answer that drops
the notes' "不" is caught and one that keeps it is not."""

from __future__ import annotations

import pytest

from interviewer.grading.keyword import KeywordGrader
from interviewer.notes import QuestionBank
from tests.grading_helpers import found_by, notes_bank
from tests.grading_helpers import grade_for as _grade

NOTES = """# 学习笔记

## Zorp

### 1. Zorp 如何体现消息的顺序？

Zorp不保证全局有序，只保证一个分片之内的消息有序。同一个键的消息写进同一个分片。

### 2. Zorp 的消息存在哪里？

Zorp 把消息追加写进磁盘上的日志文件，按天切分，保证写入是顺序的。

### 3. Zorp 的消费者怎么拿消息？

Zorp 的消费者主动拉取消息，按自己的速度处理，保证不被压垮。

### 4. Zorp 怎么做副本？

Zorp 的每个分片有一个主副本和两个从副本，保证数据不丢。

### 5. Zorp 的消息保留多久？

Zorp 默认保留七天的消息，过期的日志文件整块删除。
"""

ENGLISH = """# Study notes

## Zorp

### 1. How does Zorp order messages?

Zorp does not guarantee a global order, only the order within one shard.

### 2. Where does Zorp store messages?

Zorp appends messages to log files on disk, split by day, which guarantees sequential writes.

### 3. How do Zorp consumers get messages?

Zorp consumers pull messages at their own pace, which guarantees they are not flooded.

### 4. How does Zorp replicate?

Zorp keeps one leader copy and two follower copies of every shard to guarantee no loss.

### 5. How long does Zorp keep messages?

Zorp keeps seven days of messages by default and deletes old log files whole.
"""


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"zorp.md": NOTES, "zorp_en.md": ENGLISH})


@pytest.fixture(scope="module")
def plain(notes: QuestionBank) -> KeywordGrader:
    return KeywordGrader(notes, packs=[])


def _clashes(plain: KeywordGrader, notes: QuestionBank, title: str, answer: str) -> list[str]:
    return found_by(_grade(plain, notes, title, answer), "contradiction")


@pytest.mark.parametrize(("title", "answer"), [
    ("体现消息的顺序", "Zorp 保证全局有序。"),
    ("order messages", "Zorp guarantees a global order across all shards."),
])
def test_a_flip_about_what_the_notes_are_named_for_is_caught(
        plain: KeywordGrader, notes: QuestionBank, title: str, answer: str) -> None:
    assert _clashes(plain, notes, title, answer)


@pytest.mark.parametrize(("title", "answer"), [
    ("体现消息的顺序", "Zorp 不保证全局有序，只在一个分片之内有序。"),
    ("order messages", "Zorp does not guarantee a global order; it keeps order within a shard."),
])
def test_the_same_denial_is_not_flagged(plain: KeywordGrader, notes: QuestionBank,
                                        title: str, answer: str) -> None:
    assert not _clashes(plain, notes, title, answer)
