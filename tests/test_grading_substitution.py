"""The substitution check: a note statement said back with a term replaced by the one the
notes set against it (parallel clauses of one note sentence, sibling terms), in Chinese and
English — and the right statements that must not be flagged: the statement as the notes make
it, a negated wrong claim, a correct comparison."""

from __future__ import annotations

import pytest

from interviewer.grading.keyword import KeywordGrader
from interviewer.grading.matching import split_sentences
from interviewer.grading.substitution import (
    parallel_pairs,
    sibling_pairs,
    statements,
    substituted,
)
from interviewer.notes import QuestionBank
from tests.grading_helpers import found_by as _found
from tests.grading_helpers import grade_for as _grade
from tests.grading_helpers import notes_bank

EN = ("Max pooling keeps the texture information, average pooling keeps the background "
      "information.")
ZH = "卷积层具有平移等变性，池化层具有平移不变性。卷积神经网络的平移不变性，是池化层赋予的。"

EN_NOTES = f"""# Pooling

## 1. Compare max pooling and average pooling.

{EN} Both shrink the feature map and add a little translation invariance.
"""

ZH_NOTES = f"""# 平移不变性

## 1. 卷积神经网络为什么具有平移不变性？

{ZH}参数共享使卷积层具有平移等变性。
"""


def test_parallel_clauses_set_their_differing_terms_against_each_other() -> None:
    assert parallel_pairs([EN]) >= {(("max",), ("average",)), (("texture",), ("background",))}
    # One differing character takes its neighbour along: 等变 against 不变, not 等 against 不.
    pairs = parallel_pairs(split_sentences(ZH))
    assert (("卷", "积"), ("池", "化")) in pairs and (("等", "变"), ("不", "变")) in pairs
    # Clauses that share too little are not parallel.
    assert parallel_pairs(["Bagging trains models in parallel, boosting reweights the data."]) \
        == set()
    assert sibling_pairs([("precision", "recall")]) == {(("precision",), ("recall",)),
                                                        (("recall",), ("precision",))}


@pytest.mark.parametrize(
    ("notes", "answer", "wrong"),
    [
        (EN, "Max pooling keeps the background information of an image.", True),
        (EN, "Average pooling keeps the background information of an image.", False),
        # A negated wrong claim is right.
        (EN, "Max pooling does not keep the background information.", False),
        # A correct comparison names the counterpart without swapping it in.
        (EN, "Unlike average pooling, max pooling keeps the texture information.", False),
        (ZH, "CNN 的平移不变性是卷积层赋予的", True),
        (ZH, "池化层具有平移等变性", True),
        (ZH, "CNN 的平移不变性是池化层赋予的", False),
        (ZH, "CNN 的平移不变性不是卷积层赋予的", False),
        (ZH, "和卷积层不同，池化层具有平移不变性", False),
        (ZH, "卷积层只有平移等变性", False),
    ],
)
def test_a_swapped_counterpart_is_found_and_right_statements_are_not(
    notes: str, answer: str, wrong: bool
) -> None:
    sentences = split_sentences(notes)
    found = substituted(answer, parallel_pairs(sentences), statements(sentences))
    assert (found is not None) is wrong


@pytest.fixture(scope="module")
def bank(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"pooling.md": EN_NOTES, "pingyi.md": ZH_NOTES})


@pytest.fixture(scope="module")
def plain(bank: QuestionBank) -> KeywordGrader:
    return KeywordGrader(bank, packs=[])


@pytest.mark.parametrize(
    ("title", "wrong", "right", "quote"),
    [
        pytest.param("max pooling",
                     "Max pooling keeps the background information, and both shrink the "
                     "feature map.",
                     "Max pooling keeps the texture information, average pooling keeps the "
                     "background information, and both shrink the feature map.",
                     "the notes say", id="en"),
        pytest.param("平移不变性", "CNN 的平移不变性是卷积层赋予的，因为参数共享。",
                     "CNN 的平移不变性是池化层赋予的，卷积层因为参数共享具有平移等变性。",
                     "笔记里说", id="zh"),
    ],
)
def test_the_grade_names_the_substitution_and_quotes_the_notes(
    plain: KeywordGrader, bank: QuestionBank, title: str, wrong: str, right: str, quote: str
) -> None:
    bad = _grade(plain, bank, title, wrong)
    good = _grade(plain, bank, title, right)
    # Siblings told apart by one word each are also a swap: whichever check names it first.
    named = _found(bad, "substitution") or _found(bad, "swapped_terms")
    assert named and "contradiction" in bad.flags
    assert quote in bad.feedback
    assert _found(good, "substitution") == [] and "contradiction" not in good.flags
    assert bad.score < good.score
