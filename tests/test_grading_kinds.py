"""Kinds of one thing the notes tell apart ("batch" and "stochastic gradient descent") stay
apart even where a pack counts one of them as a word for their common parent."""

from __future__ import annotations

import pytest

from interviewer.grading.keyword import KeywordGrader
from tests.grading_helpers import found_by as _found
from tests.grading_helpers import grade_for as _grade
from tests.grading_helpers import notes_bank

GRADIENT_DESCENT = {
    "gd_en.md": "# Optimizers\n\n## How do batch and stochastic gradient descent differ?\n\n"
                "- **Batch gradient descent**: computes each update from the whole training "
                "set; its steps are exact but slow.\n"
                "- **Stochastic gradient descent**: computes each update from one random "
                "example; its steps are cheap but noisy.\n",
    "gd_zh.md": "# 优化器\n\n## 批量梯度下降和随机梯度下降有什么区别？\n\n"
                "- **批量梯度下降**：每次更新用全部训练数据，方向准确但很慢。\n"
                "- **随机梯度下降**：每次更新只用一个随机样本，速度快但有噪声。\n",
}


@pytest.mark.parametrize(
    ("title", "swapped", "right"),
    [
        ("batch and stochastic",
         "Batch gradient descent computes each update from one random example, while stochastic "
         "gradient descent computes each update from the whole training set.",
         "Batch gradient descent computes each update from the whole training set, so its steps "
         "are exact but slow; stochastic gradient descent computes each update from one random "
         "example, so its steps are cheap but noisy."),
        ("批量梯度下降",
         "批量梯度下降每次更新只用一个随机样本，随机梯度下降每次更新用全部训练数据。",
         "批量梯度下降每次更新用全部训练数据，方向准确但很慢；随机梯度下降每次更新只用一个随机样本，"
         "速度快但有噪声。"),
    ],
)
def test_a_kind_the_notes_tell_apart_from_another_is_no_synonym_of_their_common_parent(
    tmp_path_factory: pytest.TempPathFactory, title: str, swapped: str, right: str
) -> None:
    # The deep-learning pack lists "stochastic gradient descent" among the words for gradient
    # descent; notes that set it against batch gradient descent (a kind of gradient descent
    # by its name) tell the two kinds apart, so a swap of them is caught.
    from interviewer.packs import bundled_packs

    bank = notes_bank(tmp_path_factory, GRADIENT_DESCENT)
    packs = [p for p in bundled_packs() if p.name == "deep-learning"]
    grader = KeywordGrader(bank, packs=packs)
    wrong = _grade(grader, bank, title, swapped)
    assert _found(wrong, "swapped_terms")
    good = _grade(grader, bank, title, right)
    assert _found(good, "swapped_terms") == []
    assert good.score >= 8.5 > wrong.score + 4
