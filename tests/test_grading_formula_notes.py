"""Notes whose answers are mostly formulas, and optimisation directions said as verbs
("最小化似然函数"): a Chinese answer to such notes is checked as Chinese, and a flipped
maximise/minimise is caught while the right statement is not."""

from __future__ import annotations

import pytest
from grading_helpers import found_by, grade_for, notes_bank

from interviewer.grading.formulas import find_formulas
from interviewer.grading.keyword import KeywordGrader
from interviewer.notes import QuestionBank

NOTES = """# 模型

## 1. 逻辑回归的参数怎么估计？

用极大似然估计：训练时最大化似然函数，等价于最小化交叉熵损失。

## 2. 什么是决策树？

决策树按特征划分样本，叶节点给出类别。

## 3. 什么是 KNN？

KNN 用最近的 k 个邻居投票。

## 4. 线性回归的损失函数是什么？

用**均方误差**：
$$
J\\left(\\theta_{0}, \\theta_{1}\\right)=\\frac{1}{2 m} \\sum_{i=1}^{m}\\left(y_{i}-h_{\\theta}\\left(x_{i}\\right)\\right)^{2}
$$
**取平方和**再平均：
$$
\\operatorname{MSE}=\\frac{1}{m} \\sum_{i=1}^{m}\\left(h_{\\theta}\\left(x^{(i)}\\right)-y^{(i)}\\right)^{2}
$$
"""


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"n.md": NOTES})


@pytest.fixture(scope="module")
def plain(notes: QuestionBank) -> KeywordGrader:
    return KeywordGrader(notes, packs=[])


def test_a_flipped_optimisation_verb_is_a_contradiction(plain: KeywordGrader,
                                                        notes: QuestionBank) -> None:
    # "最小化" is one word: cutting "最小" off left "化似然" and lost what is minimised.
    wrong = grade_for(plain, notes, "参数怎么估计", "参数来自最小化似然函数。")
    assert found_by(wrong, "contradiction")
    right = grade_for(plain, notes, "参数怎么估计", "参数来自最大化似然函数。")
    assert not found_by(right, "contradiction")


def test_chinese_notes_written_in_formulas_are_chinese(plain: KeywordGrader,
                                                       notes: QuestionBank) -> None:
    # The letters of \\frac, \\left and \\theta are no English: a Chinese answer is checked
    # sentence by sentence, not matched "by meaning only" as if in another language.
    wrong = grade_for(plain, notes, "线性回归的损失函数", "线性回归的损失函数是交叉熵损失，用来做分类。")
    assert "statements_unchecked" not in wrong.flags
    assert next(c for c in wrong.checks if c.name == "support").ran
    assert wrong.score < 5
    right = grade_for(plain, notes, "线性回归的损失函数",
                      "线性回归用均方误差，取预测值和真实值之差的平方和再平均，乘以1/2方便求导。")
    assert "statements_unchecked" not in right.flags
    assert right.score > wrong.score


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # A minus sign opening a bracket or an exponent is part of the formula.
        ("S(t)=1/(1+e^(-t))", "1 / (1 + e ** (-t))"),
        ("the inverse is x^-1 + b", "x ** (-1) + b"),
        # A LaTeX fraction whose denominator has braces of its own.
        ("sigmoid 的公式 $S(t)=\\frac{1}{1+e^{-t}}$", "1 / (1 + e ** (-t))"),
    ],
)
def test_a_formula_with_a_negative_exponent_is_read_whole(sentence: str, source: str) -> None:
    assert [f.source for f in find_formulas(sentence)] == [source]


SIGMOID = """# 激活函数

## 1. 简单介绍一下 Sigmoid 函数

它把实数映射到 (0,1) 区间，函数公式如下：
$$
S(t)=\\frac{1}{1+e^{-t}}
$$

## 2. What is the sigmoid function?

It maps a real number into (0,1); its formula is $S(t)=\\frac{1}{1+e^{-t}}$.

## 3. 什么是 KNN？

KNN 用最近的 k 个邻居投票。
"""


@pytest.fixture(scope="module")
def sigmoid(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"s.md": SIGMOID})


@pytest.mark.parametrize(
    ("title", "wrong", "right"),
    [
        ("Sigmoid 函数", "Sigmoid 函数的公式是 S(t)=1/(1-e^t)，把实数映射到 (0,1)。",
         "Sigmoid 函数的公式是 S(t)=1/(1+e^(-t))，把实数映射到 (0,1)。"),
        ("sigmoid function",
         "The sigmoid squashes any real number into (0,1), so its output reads as a probability. "
         "Its formula is S(t) = 1/(1 - e^t).",
         "The sigmoid squashes any real number into (0,1), so its output reads as a probability. "
         "Its formula is S(t) = 1/(1 + e^(-t))."),
    ],
)
def test_a_wrong_sigmoid_formula_is_named(sigmoid: QuestionBank, title: str, wrong: str,
                                          right: str) -> None:
    grader = KeywordGrader(sigmoid, packs=[])
    assert found_by(grade_for(grader, sigmoid, title, wrong), "formulas")
    assert not found_by(grade_for(grader, sigmoid, title, right), "formulas")


@pytest.mark.parametrize(
    ("title", "wrong"),
    [("Sigmoid 函数", "Sigmoid 函数的公式是 S(t)=1/(1-e^t)，把实数映射到 (0,1)。"),
     ("sigmoid function", "The sigmoid squashes any real number into (0,1), so its output "
      "reads as a probability. Its formula is S(t) = 1/(1 - e^t).")],
)
def test_the_notes_formula_is_quoted_readable(sigmoid: QuestionBank, title: str,
                                               wrong: str) -> None:
    # Found on the walk9d walkthrough: the feedback quoted "$$ S(t)=\frac{1}{1+e^{-t}} $$".
    grader = KeywordGrader(sigmoid, packs=[])
    grade = grade_for(grader, sigmoid, title, wrong)
    shown = [grade.feedback, grade.follow_up, *found_by(grade, "formulas")]
    assert found_by(grade, "formulas")
    assert all("\\frac" not in text and "$" not in text for text in shown)
    assert any("1/(1+e^(-t))" in text or "1/(1+e^-t)" in text for text in shown)
