"""Items labelled with code names of one family ("memory_order_relaxed", "memory_order_seq_cst")
are named by the words that set them apart ("relaxed", "seq_cst"): an answer that drops the
family's prefix names the item, and what the notes deny of it, affirmed, is still caught. A
family whose names share no head or tail ("volatile-lru", "allkeys-lru") keeps them whole."""

from __future__ import annotations

import pytest
from grading_helpers import found_by, notes_bank

from interviewer.grading.item_names import item_names
from interviewer.grading.keyword import KeywordGrader
from interviewer.notes import QuestionBank

# Found on a new-user walkthrough of third-party C++ notes (gradewalk11b): a right answer about
# the memory orders that wrote "relaxed" and "seq_cst", as people say them, scored 5 of 10 —
# every point only "partly", for not writing "memory_order_relaxed".
ZH_NOTES = """# 日志

## 1. 日志的几种刷盘模式有什么区别？

- flush_mode_none：只保证写进页缓存，不保证落盘。
- flush_mode_batch：攒够一批再统一刷盘，吞吐最高。
- flush_mode_sync：每次写入都等待刷盘完成，最安全但最慢。

## 2. 日志文件为什么要滚动？

单个文件无限增长会让清理和传输都很困难，按大小或时间切分后可以单独归档和删除。

## 3. 什么是结构化日志？

每条日志写成带字段的记录（例如 JSON），方便检索和聚合，而不是一行自由文本。
"""

EN_NOTES = """# Logging

## 1. What do the flush modes do?

- flush_mode_none: writes only reach the page cache, and nothing guarantees them on disk.
- flush_mode_batch: writes are collected into a batch and flushed together, for the best
  throughput.
- flush_mode_sync: every write waits until the disk has it, the safest and the slowest mode.

## 2. Why rotate log files?

A single file that grows without bound is hard to clean up and ship; splitting it by size or
time lets each part be archived and deleted on its own.

## 3. What is structured logging?

Each entry is written as a record with fields (for example JSON), so it can be searched and
aggregated instead of being a line of free text.
"""


@pytest.fixture(scope="module")
def zh_bank(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"flush.md": ZH_NOTES})


@pytest.fixture(scope="module")
def en_bank(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"flush.md": EN_NOTES})


def test_a_family_prefix_is_no_part_of_the_name() -> None:
    assert item_names(["memory_order_relaxed：只保证原子性", "memory_order_seq_cst：全局总序",
                       "memory_order_acquire：读时同步"]) == ["relaxed", "seq_cst", "acquire"]
    assert item_names(["cache-lru-size: entries kept", "cache-ttl-size: seconds kept"]) == [
        "lru", "ttl"]


def test_names_sharing_no_head_or_tail_stay_whole() -> None:
    assert item_names(["volatile-lru：淘汰设了过期时间的键", "allkeys-lru：淘汰所有键",
                       "volatile-ttl：淘汰快过期的键"]) == ["volatile-lru", "allkeys-lru",
                                                        "volatile-ttl"]
    assert item_names(["max_depth: how deep a tree grows"]) == ["max_depth"]


@pytest.mark.parametrize(("bank_name", "answer"), [
    ("zh_bank", "none 只保证写进页缓存，不保证落盘；batch 攒一批再一起刷盘，吞吐最高；"
                "sync 每次写都等刷盘完成，最安全也最慢。"),
    ("en_bank", "With none, writes only reach the page cache and nothing guarantees them on "
                "disk; batch flushes writes together for the best throughput; sync makes every "
                "write wait for the disk, safest and slowest."),
])
def test_items_named_without_the_family_prefix_are_covered(
    bank_name: str, answer: str, request: pytest.FixtureRequest
) -> None:
    bank: QuestionBank = request.getfixturevalue(bank_name)
    grade = KeywordGrader(bank).grade(bank.questions[0], answer)
    assert [p.status for p in grade.rubric] == ["covered"] * 3
    assert grade.score >= 9


@pytest.mark.parametrize(("bank_name", "answer"), [
    ("zh_bank", "sync 只保证写进页缓存，不保证落盘。"),
    ("en_bank", "sync: writes only reach the page cache, and nothing guarantees them on disk."),
])
def test_what_one_item_does_said_of_another_still_names_the_wrong_one(
    bank_name: str, answer: str, request: pytest.FixtureRequest
) -> None:
    bank: QuestionBank = request.getfixturevalue(bank_name)
    grade = KeywordGrader(bank).grade(bank.questions[0], answer)
    assert grade.rubric[0].status != "covered"


@pytest.mark.parametrize("answer", [
    "none 模式会保证落盘；batch 攒一批再一起刷盘；sync 每次写都等刷盘完成。",
    # The second clause is about what the sentence's opening name is: "none" is the
    # notes' "flush_mode_none".
    "none 会等数据落盘，只是不保证写进页缓存。",
])
def test_what_the_notes_say_of_an_item_turned_round_is_a_contradiction(
    zh_bank: QuestionBank, answer: str
) -> None:
    grade = KeywordGrader(zh_bank).grade(zh_bank.questions[0], answer)
    assert found_by(grade, "contradiction")
    assert grade.score <= 3


@pytest.mark.parametrize(("bank_name", "answer"), [
    ("zh_bank", "none 只保证写进页缓存，不保证落盘。"),
    ("en_bank", "With none, writes only reach the page cache, and nothing guarantees them on "
                "disk."),
])
def test_the_notes_own_claims_about_an_item_are_no_contradiction(
    bank_name: str, answer: str, request: pytest.FixtureRequest
) -> None:
    bank: QuestionBank = request.getfixturevalue(bank_name)
    assert not found_by(KeywordGrader(bank).grade(bank.questions[0], answer), "contradiction")
