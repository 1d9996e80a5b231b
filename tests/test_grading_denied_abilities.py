"""An answer that says a thing cannot do what the notes say it can ("无法内联" where the notes
say "可内联", "cannot be inlined" where they say "can be inlined") contradicts the notes; one
that grants the ability, tells two cases apart or only supposes the denial does not."""

from __future__ import annotations

import pytest
from grading_helpers import found_by, grade_for, notes_bank

from interviewer.grading.keyword import KeywordGrader
from interviewer.notes import QuestionBank

# Found on a new-user walkthrough of third-party C++ notes (gradewalk11b): "编译期分发，可内联"
# against "在运行期通过 vtable 分发，所以无法内联，而且每个对象要多一个 vptr" — the wrong
# answer scored 9.5 of 10.
ZH_NOTES = """# 模板

## 1. 静态分发相对虚函数快在哪里？

静态分发在编译期决定调用哪个函数，可内联，省去了间接跳转。

## 2. 模板代码为什么会膨胀？

每种实参类型都会实例化出一份代码，实例化越多，目标文件越大。

## 3. 什么是特化？

为某些类型单独提供一份实现，编译器优先选择更匹配的版本。
"""

EN_NOTES = """# Headers

## 1. Why put small accessors in a header?

Small accessor functions defined in a header can be inlined, so a call costs no jump at all.

## 2. What is the one-definition rule?

Every function or variable used by the program has exactly one definition across all
translation units, or linking fails.

## 3. Why use include guards?

They stop a header from being pasted twice into one translation unit, which would repeat its
definitions.
"""


@pytest.fixture(scope="module")
def zh_bank(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"templates.md": ZH_NOTES})


@pytest.fixture(scope="module")
def en_bank(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"headers.md": EN_NOTES})


def test_a_denied_ability_is_a_contradiction_zh(zh_bank: QuestionBank) -> None:
    grade = grade_for(KeywordGrader(zh_bank), zh_bank, "静态分发",
                      "静态分发要到运行期才决定调用哪个函数，所以无法内联，还要多一次间接跳转。")
    assert any("无法内联" in found for found in found_by(grade, "contradiction"))
    assert grade.score <= 5


@pytest.mark.parametrize("answer", [
    "静态分发在编译期就定下调用哪个函数，所以可以内联，没有间接跳转。",
    "虚函数调用通常无法内联，而静态分发可以内联，也省去了间接跳转。",
    "如果无法内联，静态分发的好处就小很多；好在它在编译期决定调用，一般能内联。",
])
def test_granted_contrasted_or_supposed_abilities_are_not_flagged_zh(
    zh_bank: QuestionBank, answer: str
) -> None:
    grade = grade_for(KeywordGrader(zh_bank), zh_bank, "静态分发", answer)
    assert not any("内联" in found for found in found_by(grade, "contradiction"))


def test_a_denied_ability_is_a_contradiction_en(en_bank: QuestionBank) -> None:
    grade = grade_for(KeywordGrader(en_bank), en_bank, "small accessors",
                      "Accessor functions defined in a header cannot be inlined, so every call "
                      "is a jump.")
    assert any("cannot be inlined" in found for found in found_by(grade, "contradiction"))


@pytest.mark.parametrize("answer", [
    "Accessor functions defined in a header can be inlined by the compiler, so the call "
    "costs no jump.",
    "A virtual call cannot be inlined, but accessor functions defined in a header can be "
    "inlined.",
])
def test_granted_or_contrasted_abilities_are_not_flagged_en(
    en_bank: QuestionBank, answer: str
) -> None:
    grade = grade_for(KeywordGrader(en_bank), en_bank, "small accessors", answer)
    assert not any("inlined" in found for found in found_by(grade, "contradiction"))
