"""Questions kept as a task list ("- [x] …" ticked when learnt): the box is no part of the
question, a checklist of links to the answers is the notes' contents, and an item that links
to its own anchor over its answer is a question."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank

NOTES = """# 一、机器学习

## 1、基本概念

- [x] [1-1  什么是过拟合？](#1-1)

- [ ] [1-2  损失函数是什么？](#1-2)

# 解答

## 1、基本概念

- [ ] <span id="1-1">1-1 什么是过拟合？</span>

  模型在训练集上表现好，在测试集上表现差。

- [x] [1-2  损失函数是什么？](#1-2)

  衡量预测值与真实值差距的函数。
"""


def test_a_checklist_of_questions_is_read_without_its_boxes(tmp_path: Path) -> None:
    path = tmp_path / "ml.md"
    path.write_text(NOTES, encoding="utf-8")
    questions = load_bank([path]).questions
    assert [(q.title, q.answer) for q in questions] == [
        ("1-1 什么是过拟合？", "模型在训练集上表现好，在测试集上表现差。"),
        ("1-2 损失函数是什么？", "衡量预测值与真实值差距的函数。"),
    ]


def test_a_list_of_bare_links_is_still_no_question_list(tmp_path: Path) -> None:
    path = tmp_path / "links.md"
    path.write_text(
        "## 推荐阅读\n\n说明文字。\n\n- [x] [什么是过拟合？](https://example.org/a)\n"
        "- [ ] [什么是欠拟合？](https://example.org/b)\n\n## 什么是正则化？\n\n限制模型复杂度。\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == ["什么是正则化？"]


def test_a_paragraph_linking_to_its_own_place_over_its_answer_is_a_question(
    tmp_path: Path,
) -> None:
    path = tmp_path / "svm.md"
    path.write_text(
        "# 目录\n\n- [2-3-1 SVM 的原理是什么？](#2-3-1)\n- [2-3-2 核函数怎么选？](#2-3-2)\n\n"
        "# 解答\n\n#### 支持向量机\n\n[2-3-1 SVM 的原理是什么？](#2-3-1)\n\n找间隔最大的分类超平面。\n\n"
        "[2-3-2 核函数怎么选？](#2-3-2)\n\n特征多时用线性核，样本多而特征少时用 RBF。\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [(q.title, q.answer) for q in questions] == [
        ("2-3-1 SVM 的原理是什么？", "找间隔最大的分类超平面。"),
        ("2-3-2 核函数怎么选？", "特征多时用线性核，样本多而特征少时用 RBF。"),
    ]
