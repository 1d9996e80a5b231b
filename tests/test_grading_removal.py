"""Removing what the notes recommend: "去掉正则化", "stop using dropout" as a way to do what
the question asks is wrong on any notes that present the thing as a method — and the right
statements around removal must not be flagged (removing as the notes do, the consequence of
removing, a negated or conditional removal)."""

from __future__ import annotations

import pytest

from interviewer.grading.keyword import KeywordGrader
from interviewer.notes import QuestionBank
from tests.grading_helpers import found_by, grade_for, notes_bank

ZH_NOTES = """# 训练

## 1. 怎样缓解模型的过拟合？

- **正则化**：在损失函数后加上正则项，降低模型复杂度。
- **随机失活**：训练时随机删除一部分神经元，减少神经元之间的共适应。
- **早停**：验证集误差不再下降时停止训练。
"""

EN_NOTES = """# Training

## 1. How do you reduce overfitting in gradient boosted trees?

- **Shrinkage**: multiply each tree's contribution by a small learning rate.
- **Subsampling**: fit each tree on a random subset of the rows, dropping the rest.
- **Early stopping**: stop adding trees when the validation loss stops improving.
"""


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"zh.md": ZH_NOTES, "en.md": EN_NOTES})


@pytest.fixture(scope="module")
def grader(notes: QuestionBank) -> KeywordGrader:
    return KeywordGrader(notes, packs=[])


@pytest.mark.parametrize(
    ("title", "answer", "removed"),
    [
        ("过拟合", "缓解过拟合的办法是去掉正则化，让模型自由学习。", "正则化"),
        ("过拟合", "不要用早停，训练越久越好，正则化项也可以取消。", "早停"),
        ("overfitting", "To reduce overfitting, remove the shrinkage and train every tree "
                        "at full strength.", "shrinkage"),
        ("overfitting", "Stop using early stopping: more trees always generalise better.",
         "early stopping"),
    ],
)
def test_removing_what_the_notes_recommend_is_flagged(
    grader: KeywordGrader, notes: QuestionBank, title: str, answer: str, removed: str
) -> None:
    grade = grade_for(grader, notes, title, answer)
    found = found_by(grade, "contradiction")
    assert any(removed in line.lower() for line in found), found
    assert "contradiction" in grade.flags


@pytest.mark.parametrize(
    ("title", "answer"),
    [
        # as the notes do: dropout removes neurons
        ("过拟合", "随机失活在训练时随机去掉一部分神经元，减少神经元之间的共适应；再加上正则化项"
                  "降低模型复杂度，验证集误差不降时早停。"),
        # the consequence of removing
        ("过拟合", "去掉正则化，模型就会更容易过拟合，所以要加正则项。"),
        # negated and conditional removals
        ("过拟合", "不要去掉正则化，它通过正则项降低模型复杂度。"),
        ("overfitting", "If you remove the shrinkage, each tree overfits the residuals, so "
                        "keep a small learning rate; subsampling fits each tree on a random "
                        "subset of rows."),
        ("overfitting", "Never remove shrinkage: it multiplies each tree's contribution by a "
                        "small learning rate. Early stopping stops adding trees when the "
                        "validation loss stops improving."),
        ("overfitting", "Subsampling fits each tree on a random subset of the rows and "
                        "removes the rest from that tree's fit."),
    ],
)
def test_right_statements_about_removal_are_not_flagged(
    grader: KeywordGrader, notes: QuestionBank, title: str, answer: str
) -> None:
    grade = grade_for(grader, notes, title, answer)
    assert not [line for line in found_by(grade, "contradiction") if "remov" in line
                or "去掉" in line or "取消" in line or "不要用" in line], grade.checks


# Found on a new-user walkthrough of third-party English notes (ux-walk8b): "you don't need
# git add, Git stages the files itself" skipped a step the notes prescribe and went unflagged
# (7.0/10); "don't need" / "no need to" / 你不需要 were no words for doing without.
STEP_NOTES = """# Releasing

## 1. How do you publish a package release?

Build the wheel archive with the build frontend.
Upload the wheel archive to the package index with twine.
Tag the release commit with the version number.

## 2. 怎样发布一个软件包？

先用构建工具打出 wheel 包。然后用 twine 把 wheel 包上传到软件包索引。最后给发布的提交打上版本号标签。
"""


@pytest.fixture(scope="module")
def steps(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"release.md": STEP_NOTES})


@pytest.mark.parametrize(
    ("title", "answer", "removed"),
    [
        ("publish", "Build the wheel archive with the build frontend and tag the release "
                    "commit with the version number. You don't need twine because the index "
                    "pulls new tags by itself.", "twine"),
        ("publish", "Build the wheel archive, then tag the release commit with the version "
                    "number; there is no need for twine at all.", "twine"),
        ("发布", "先用构建工具打出 wheel 包，再给提交打上版本号标签。你不需要 twine。索引自己拉取新标签。",
         "twine"),
    ],
)
def test_saying_a_step_is_not_needed_is_flagged(
    steps: QuestionBank, title: str, answer: str, removed: str
) -> None:
    grade = grade_for(KeywordGrader(steps, packs=[]), steps, title, answer)
    found = found_by(grade, "contradiction")
    assert any(removed in line.lower() for line in found), found


@pytest.mark.parametrize(
    ("title", "answer"),
    [
        ("publish", "Build the wheel archive with the build frontend, upload it to the package "
                    "index with twine and tag the release commit; you don't need to sign the "
                    "tag."),
        ("publish", "Twine uploads the wheel archive to the package index, so the build "
                    "frontend doesn't need twine to build it; then tag the release commit."),
        ("发布", "先用构建工具打出 wheel 包，再用 twine 上传到软件包索引，最后打上版本号标签；你不需要"
                 "手动签名。"),
    ],
)
def test_a_step_kept_or_a_thing_not_needed_by_something_else_is_not_flagged(
    steps: QuestionBank, title: str, answer: str
) -> None:
    grade = grade_for(KeywordGrader(steps, packs=[]), steps, title, answer)
    assert not [line for line in found_by(grade, "contradiction") if "twine" in line.lower()]
