"""The relations check: one-way relations said backwards ("B is based on A" where the notes
say A is based on B) and two things the notes tell apart said to be the same — in Chinese and
English, against notes of any subject — and the right statements that must not be flagged:
the relation the notes' way, negated, an "X-based Y", two things said to differ."""

from __future__ import annotations

import pytest

from interviewer.grading.keyword import KeywordGrader
from interviewer.grading.lexicon import Lexicon, load_lexicon
from interviewer.grading.relations import apart, identified, relations, reversed_relations
from interviewer.notes import QuestionBank
from tests.grading_helpers import found_by as _found
from tests.grading_helpers import grade_for as _grade
from tests.grading_helpers import notes_bank

EN_NOTE = "Checksum validation is based on block headers, but it is not the other way around."
ZH_NOTE = "后来出现的 Rust 在很多方面都借鉴了 Haskell。"
ZH_APART = "很多人容易把进程（Process）和线程（Thread）弄混，它们的调度方式不同。"

EN_NOTES = f"""# Storage

## 1. How do block headers and checksum validation relate?

Block headers describe each block: its length and its owner. {EN_NOTE}
Checksum validation rejects a block whose stored sum differs from the computed one.

## 2. What is the difference between a mutex and a semaphore?

A mutex has one owner that must unlock it; a semaphore is a counter any thread may signal.
"""

ZH_NOTES = f"""# 语言

## 1. Rust 和 Haskell 是什么关系？

Haskell 是纯函数式语言，历史更早。{ZH_NOTE}Rust 的 trait 与 Haskell 的类型类相似。

## 2. 进程和线程有什么区别？

{ZH_APART}线程由内核调度执行，进程由内核分配资源。
"""


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon(None, [], [])


def _is_term(concept: str) -> bool:
    return len(concept) > 1


@pytest.mark.parametrize(
    ("note", "answer", "wrong"),
    [
        (EN_NOTE, "Block headers are based on checksum validation.", True),
        (EN_NOTE, "Block headers are built on top of checksum validation, not the other way.",
         True),
        (EN_NOTE, "Checksum validation is built on block headers.", False),
        (EN_NOTE, "Block headers are not based on checksum validation.", False),
        (ZH_NOTE, "Haskell 是后来借鉴 Rust 设计出来的。", True),
        (ZH_NOTE, "Haskell 参考了 Rust。", True),
        (ZH_NOTE, "Rust 借鉴了 Haskell 的很多设计。", False),
        (ZH_NOTE, "Haskell 并非借鉴 Rust 而来。", False),
        # "基于 X 的 Y" is an X-based Y: nothing stands before the relation.
        (ZH_NOTE, "基于 Rust 的 Haskell 编译器很少见。", False),
    ],
)
def test_a_relation_said_backwards_is_found_and_the_notes_way_is_not(
    lexicon: Lexicon, note: str, answer: str, wrong: bool
) -> None:
    notes = relations([note], lexicon, _is_term)
    said = relations([answer], lexicon, _is_term)
    assert bool(reversed_relations(said, notes)) is wrong


def test_a_note_saying_both_ways_settles_it(lexicon: Lexicon) -> None:
    notes = relations(["Rust 借鉴了 Haskell。", "Haskell 也借鉴了 Rust。"], lexicon, _is_term)
    said = relations(["Haskell 借鉴了 Rust。"], lexicon, _is_term)
    assert reversed_relations(said, notes) == []


@pytest.mark.parametrize(
    ("answer", "wrong"),
    [
        ("进程和线程本质上是同一个东西", True),
        ("进程跟线程其实是一回事", True),
        ("线程只是进程的别名", True),
        ("A process and a thread are basically the same thing", True),
        ("A thread is just an alias of a process", True),
        ("进程和线程不是一回事", False),
        ("进程和线程的调度方式不一样", False),
        ("A process and a thread are not the same", False),
        ("线程由内核调度执行", False),
    ],
)
def test_two_things_the_notes_tell_apart_said_to_be_one(
    lexicon: Lexicon, answer: str, wrong: bool
) -> None:
    told = apart([ZH_APART, "a process and a thread differ in what they own"], lexicon,
                 _is_term)
    assert (identified(answer, told, lexicon, _is_term) is not None) is wrong


def test_a_sentence_saying_two_things_are_the_same_tells_nothing_apart(
    lexicon: Lexicon,
) -> None:
    assert apart(["进程和线程没有区别"], lexicon, _is_term) == []


@pytest.fixture(scope="module")
def bank(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"storage.md": EN_NOTES, "yuyan.md": ZH_NOTES})


@pytest.fixture(scope="module")
def plain(bank: QuestionBank) -> KeywordGrader:
    return KeywordGrader(bank, packs=[])


@pytest.mark.parametrize(
    ("title", "wrong", "right", "quote"),
    [
        pytest.param("block headers",
                     "Block headers are based on checksum validation, and each header gives "
                     "the block's length and owner.",
                     "Checksum validation is based on block headers, and each header gives "
                     "the block's length and owner.",
                     "the notes say", id="en-reversed"),
        pytest.param("Rust 和 Haskell", "Haskell 是后来借鉴 Rust 设计出来的，Rust 历史更早。",
                     "Rust 在很多方面借鉴了 Haskell，Haskell 历史更早。", "笔记里说",
                     id="zh-reversed"),
        pytest.param("进程和线程", "进程和线程本质上是同一个东西，都由内核调度执行。",
                     "进程和线程的调度方式不同：线程由内核调度执行，进程由内核分配资源。",
                     "笔记里说", id="zh-identified"),
        pytest.param("mutex", "A mutex and a semaphore are basically the same thing, a counter "
                              "any thread may signal.",
                     "A mutex has one owner that must unlock it, while a semaphore is a counter "
                     "any thread may signal.", "tell apart", id="en-identified"),
    ],
)
def test_the_grade_names_the_error_and_quotes_the_notes(
    plain: KeywordGrader, bank: QuestionBank, title: str, wrong: str, right: str, quote: str
) -> None:
    bad = _grade(plain, bank, title, wrong)
    good = _grade(plain, bank, title, right)
    assert _found(bad, "relations") and "contradiction" in bad.flags
    assert quote in bad.feedback
    assert _found(good, "relations") == []
    assert bad.score < good.score
