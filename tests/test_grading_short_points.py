"""A short key point that says two things ("transaction snapshots") is made by an answer that
says both, in its own words, and not by one that only shares one of its words in a sentence
about something else."""

from __future__ import annotations

import pytest
from grading_helpers import grade_for, notes_bank

from interviewer.grading.keyword import KeywordGrader
from interviewer.notes import QuestionBank

# Found on a new-user walkthrough of third-party PostgreSQL notes (gradewalk11b): the bold
# point "transaction snapshots" was covered by "long transactions are harmless because vacuum
# cleans the dead rows anyway", which says nothing of snapshots; the wrong answer scored 6.
EN_NOTES = """# Storage engine

## 1. How does the engine let readers and writers work at once?

The engine keeps **multiple row versions** so that a reader never waits for a writer.
What a reader may see is decided by **transaction snapshots** taken when it starts.

## 2. What does the cleaner do?

The cleaner removes dead rows that no running transaction can still see, and gives their
space back for reuse.

## 3. What does the planner use statistics for?

The planner estimates how many rows each step returns from histograms of column values and
picks the cheapest join order.
"""

ZH_NOTES = """# 连接池

## 1. 连接池为什么能降低延迟？

连接池事先建好一批**空闲连接**，请求来时直接借用，省掉了**握手开销**。

## 2. 连接池满了会怎样？

新的请求排队等待，超过等待时间就报错，所以要按数据库能承受的并发设定上限。

## 3. 为什么要定期检测连接？

数据库或网络可能已经断开某个连接，借出前做一次探活能避免把坏连接交给业务。
"""


@pytest.fixture(scope="module")
def en_bank(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"engine.md": EN_NOTES})


@pytest.fixture(scope="module")
def zh_bank(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"pool.md": ZH_NOTES})


def _status(grade: object, words: str) -> str:
    return next(p.status for p in grade.rubric if words in p.point)  # type: ignore[attr-defined]


def test_one_shared_word_does_not_make_a_two_word_point_en(en_bank: QuestionBank) -> None:
    grader = KeywordGrader(en_bank)
    wrong = grade_for(grader, en_bank, "readers and writers",
                      "Long transactions are harmless because the cleaner removes the dead "
                      "rows anyway.")
    assert _status(wrong, "transaction snapshots") != "covered"
    assert _status(wrong, "multiple row versions") != "covered"


def test_both_words_in_own_phrasing_make_the_point_en(en_bank: QuestionBank) -> None:
    grader = KeywordGrader(en_bank)
    right = grade_for(grader, en_bank, "readers and writers",
                      "Every row may exist in multiple versions at once. Which version a "
                      "query sees depends on the snapshot its transaction took at the start.")
    assert _status(right, "transaction snapshots") == "covered"
    assert _status(right, "multiple row versions") == "covered"


def test_one_shared_word_does_not_make_a_two_word_point_zh(zh_bank: QuestionBank) -> None:
    grader = KeywordGrader(zh_bank)
    wrong = grade_for(grader, zh_bank, "降低延迟", "建立连接时的握手是三次，断开时是四次。")
    assert _status(wrong, "握手开销") != "covered"


def test_both_words_in_own_phrasing_make_the_point_zh(zh_bank: QuestionBank) -> None:
    grader = KeywordGrader(zh_bank)
    right = grade_for(grader, zh_bank, "降低延迟",
                      "池子里预先放着一些空闲的连接，来了请求就直接拿去用，"
                      "省去了每次握手的开销。")
    assert _status(right, "空闲连接") == "covered"
    assert _status(right, "握手开销") == "covered"
