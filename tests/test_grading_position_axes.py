"""Top against bottom and left against right: "the curve hugs the bottom-right corner"
contradicts notes that say it hugs the upper left one, "放在右子树" notes that say 左子树 —
in English and Chinese — while "right" as "correct", "left" as the past of "leave" and a
right answer in other words are not flagged."""

from __future__ import annotations

import pytest

from interviewer.grading.keyword import KeywordGrader
from interviewer.notes import QuestionBank
from tests.grading_helpers import grade_for, notes_bank

NOTES = """# Models and trees

## 1. What does a good ROC curve look like?

A good classifier's curve rises steeply and hugs the upper left corner of the plot, far
from the diagonal. Points near the bottom-left corner use a strict threshold.

## 2. 二叉搜索树怎么插入一个值？

从根节点开始比较：比当前节点小的值放在左子树，比当前节点大的值放在右子树，直到遇到空位置。

## 3. 好的 ROC 曲线长什么样？

好的分类器（classifier）的 ROC 曲线靠近左上角，远离对角线，说明它陡峭上升。
"""


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"models.md": NOTES})


@pytest.fixture(scope="module")
def plain(notes: QuestionBank) -> KeywordGrader:
    return KeywordGrader(notes, packs=[])


@pytest.mark.parametrize(
    ("title", "answer"),
    [
        ("What does a good ROC", "A good classifier's curve hugs the bottom-right corner of the "
                                 "plot, far from the diagonal."),
        ("What does a good ROC", "A good classifier's curve hugs the lower right corner of the "
                                 "plot."),
        ("二叉搜索树", "从根节点开始比较：比当前节点小的值放在右子树，比当前节点大的值放在左子树。"),
        ("好的 ROC", "好的分类器的 ROC 曲线靠近右下角，远离对角线。"),
    ],
)
def test_the_other_corner_or_side_is_a_contradiction(
    plain: KeywordGrader, notes: QuestionBank, title: str, answer: str
) -> None:
    grade = grade_for(plain, notes, title, answer)
    assert "contradiction" in grade.flags, grade.checks
    assert grade.score <= 5


@pytest.mark.parametrize(
    ("title", "answer"),
    [
        ("What does a good ROC", "A good classifier's curve hugs the top-left corner of the "
                                 "plot, far from the diagonal; that is the right shape."),
        ("What does a good ROC", "The curve rises steeply toward the upper left corner, and "
                                 "the diagonal is left for random guessing."),
        ("二叉搜索树", "从根节点开始，比当前节点小的值插入左子树，大的插入右子树，直到空位置。"),
        ("好的 ROC", "好的分类器曲线贴近左上角，离对角线越远越好。"),
    ],
)
def test_the_same_corner_or_side_is_not_flagged(
    plain: KeywordGrader, notes: QuestionBank, title: str, answer: str
) -> None:
    grade = grade_for(plain, notes, title, answer)
    assert "contradiction" not in grade.flags, grade.checks
