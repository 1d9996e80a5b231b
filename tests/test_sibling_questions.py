"""Sibling questions: nearby questions whose titles differ in one term tell those terms
apart, so an answer that says of one what the notes say of the other is caught — on the
sibling questions and on the question both refine, in Chinese and English, with no pack."""

from __future__ import annotations

import pytest

from interviewer.grading.keyword import KeywordGrader
from interviewer.notes import QuestionBank
from interviewer.terms.sibling_titles import sibling_questions
from tests.grading_helpers import found_by, grade_for, notes_bank

ZH_NOTES = """# 池化

## 1. 池化层 反向传播 是什么样的？

池化操作会改变特征图的尺寸，使得池化层不可导；反向传播时要把一个梯度传给多个像素，并保证梯度总和不变。

## 2. mean pooling 池化层 反向传播 是什么样的？

mean pooling 反向传播：把梯度均等地分为 n*n 份，分配给上一层的每个位置，保证梯度之和不变。

## 3. max pooling 池化层 反向传播 是什么样的？

max pooling 反向传播：把梯度直接传给前一层值最大的那个像素，其他像素不接受梯度，也就是为 0。

## 4. 什么是进程？

进程是资源分配的基本单位，拥有独立的地址空间。

## 5. 什么是线程？

线程是调度的基本单位，同一进程内的线程共享地址空间。
"""

EN_NOTES = """# Channels

## What is an unbuffered channel in Go?

An unbuffered channel has no capacity: a send blocks until a receiver takes the value,
so sender and receiver synchronize on every message.

## What is a buffered channel in Go?

A buffered channel has a queue of fixed capacity: a send blocks only when the queue is
full, so the sender can run ahead of the receiver.

## What do you understand by normalization?

Normalization organizes tables to reduce redundancy.

## What do you understand by data independence?

Data independence means the schema can change without changing the applications.
"""


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"pool.md": ZH_NOTES, "go.md": EN_NOTES})


@pytest.fixture(scope="module")
def plain(notes: QuestionBank) -> KeywordGrader:
    return KeywordGrader(notes, packs=[])


def _pairs(notes: QuestionBank) -> dict[str, set[tuple[str, str]]]:
    titles = {q.id: q.title for q in notes.questions}
    return {titles[qid]: {p.terms for p in found}
            for qid, found in sibling_questions(notes.questions).items()}


def test_titles_differing_in_one_term_are_siblings(notes: QuestionBank) -> None:
    pairs = _pairs(notes)
    assert pairs["mean pooling 池化层 反向传播 是什么样的？"] == {("mean", "max")}
    assert pairs["max pooling 池化层 反向传播 是什么样的？"] == {("mean", "max")}
    # The question both refine gets them too.
    assert pairs["池化层 反向传播 是什么样的？"] == {("mean", "max")}
    assert pairs["What is an unbuffered channel in Go?"] == {("unbuffered", "buffered")}


def test_titles_sharing_only_how_they_ask_are_not_siblings(notes: QuestionBank) -> None:
    pairs = _pairs(notes)
    assert "什么是进程？" not in pairs
    assert "What do you understand by normalization?" not in pairs


@pytest.mark.parametrize(
    ("title", "answer"),
    [
        ("池化层 反向传播", "max pooling 是把梯度平均分给窗口里的 4 个像素；"
                         "mean pooling 则把梯度全部传给窗口里值最大的那个像素，其它位置置 0。"),
        ("mean pooling", "mean pooling 反向传播时把梯度直接传给前一层值最大的像素，其他像素为 0。"),
        ("unbuffered channel", "An unbuffered channel has a queue, so the sender can run "
                               "ahead of the receiver."),
    ],
)
def test_an_answer_mixing_up_sibling_questions_terms_is_caught(
    plain: KeywordGrader, notes: QuestionBank, title: str, answer: str
) -> None:
    grade = grade_for(plain, notes, title, answer)
    assert found_by(grade, "swapped_terms")


@pytest.mark.parametrize(
    ("title", "answer"),
    [
        ("池化层 反向传播", "mean pooling 把梯度均匀地分给窗口里的每个像素；"
                         "max pooling 只把梯度传给前向时值最大的那个像素，其余为0。"),
        ("池化层 反向传播", "max pooling 的反向传播只把梯度传给最大的像素，"
                         "mean pooling 把梯度平均分给所有像素。"),
        ("mean pooling", "mean pooling 把梯度平均分配给窗口里的每个位置，保证梯度之和不变。"),
        ("unbuffered channel", "An unbuffered channel has no capacity, so every send blocks "
                               "until a receiver takes the value."),
    ],
)
def test_right_answers_naming_both_siblings_are_not_flagged(
    plain: KeywordGrader, notes: QuestionBank, title: str, answer: str
) -> None:
    grade = grade_for(plain, notes, title, answer)
    assert found_by(grade, "swapped_terms") == []


COPY_NOTES = """# Python

## 1. Python 里的拷贝

赋值只是传对象的引用。

**浅拷贝（shallow copy）: 创建新对象，其内容是原对象的引用。**

**深拷贝（deep copy）：和浅拷贝对应，深拷贝拷贝了对象的所有元素，包括多层嵌套的元素，得到一个全新的对象。**
"""


@pytest.fixture(scope="module")
def copies(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"copy.md": COPY_NOTES})


def test_terms_defined_in_bold_labelled_paragraphs_are_told_apart(copies: QuestionBank) -> None:
    grader = KeywordGrader(copies, packs=[])
    wrong = grade_for(grader, copies, "拷贝", "浅拷贝会递归复制所有嵌套的元素，深拷贝只复制最外层。")
    right = grade_for(grader, copies, "拷贝",
                      "浅拷贝创建新对象，但内容还是原对象的引用；深拷贝递归拷贝所有嵌套的元素。")
    assert found_by(wrong, "swapped_terms")
    assert found_by(right, "swapped_terms") == []
    assert wrong.score < right.score
