"""Code glued to Chinese prose ("hidden: true;会让…") keeps its clause whole, and staying or
going ("不会…消失" / "还在", "removed from" / "stays in") is a direction: the negated
disappearance in the notes agrees with "still there" and contradicts "removed"."""

from __future__ import annotations

import pytest

from interviewer.grading.keyword import KeywordGrader
from interviewer.grading.matching import split_sentences
from interviewer.notes import QuestionBank
from tests.grading_helpers import grade_for as _grade
from tests.grading_helpers import notes_bank

ZH_NOTES = """# 布局

## 1. hidden 属性和透明度为零有什么区别？

1. hidden: true;会让节点从布局树中消失，不再占据位置；opacity: 0;不会让节点从布局树消失，节点继续占据位置。
2. 修改 hidden 通常会引起整页重新布局，修改 opacity 只会让这个节点重新绘制。
"""

EN_NOTES = """# Layout

## 1. How does hiding a node differ from making it transparent?

Setting hidden removes the node from the layout tree, so it takes no space. Setting opacity to
zero does not remove the node from the layout tree: the node still takes its space.
"""


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"buju.md": ZH_NOTES, "layout.md": EN_NOTES})


@pytest.fixture(scope="module")
def plain(notes: QuestionBank) -> KeywordGrader:
    return KeywordGrader(notes, packs=[])


def test_a_semicolon_between_code_and_chinese_ends_no_sentence() -> None:
    assert split_sentences("hidden: true;会让节点消失；opacity: 0;不会让节点消失") == [
        "hidden: true;会让节点消失", "opacity: 0;不会让节点消失"]
    # Between Chinese words, or before a space, it still ends a clause.
    assert split_sentences("节点消失;位置空出 x = 1; y = 2") == [
        "节点消失", "位置空出 x = 1", "y = 2"]


def test_a_rubric_point_keeps_the_code_it_is_about(notes: QuestionBank) -> None:
    from interviewer.grading.lexicon import Weights, load_lexicon
    from interviewer.grading.rubric import build_reference

    lexicon = load_lexicon()
    question = next(q for q in notes.questions if "hidden 属性" in q.title)
    weights = Weights([lexicon.text_concepts(q.answer) for q in notes.questions], lexicon)
    texts = [p.text for p in build_reference(question, lexicon, weights).points]
    assert any(t.startswith("opacity: 0;不会让节点从布局树消失") for t in texts), texts


@pytest.mark.parametrize(
    ("title", "wrong", "right"),
    [
        pytest.param(
            "hidden 属性",
            "opacity: 0 会把节点从布局树中移除，不再占据位置。",
            "opacity: 0 的节点还在布局树里，位置照样占着。",
            id="zh",
        ),
        pytest.param(
            "transparent",
            "Setting opacity to zero removes the node from the layout tree, so it takes no "
            "space.",
            "With opacity at zero the node stays in the layout tree and still takes its space.",
            id="en",
        ),
    ],
)
def test_removed_contradicts_a_denied_disappearance_and_still_there_agrees(
    plain: KeywordGrader, notes: QuestionBank, title: str, wrong: str, right: str
) -> None:
    assert "contradiction" in _grade(plain, notes, title, wrong).flags
    assert "contradiction" not in _grade(plain, notes, title, right).flags
