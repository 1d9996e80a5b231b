"""Negation flips: an answer that says of a thing what the notes deny of it, or denies what
they say, is caught in Chinese and English with no pack — and right answers, hedges,
"会不会" questions and clauses inside sentences about something else are not."""

from __future__ import annotations

import pytest

from interviewer.grading.keyword import KeywordGrader
from interviewer.notes import QuestionBank
from tests.grading_helpers import contradicts, found_by, grade_for, notes_bank

NOTES = """# JavaScript

## 1. == 和 === 的区别？

== 比较前会做类型转换，=== 不做类型转换，类型和值都相同才相等。

## 2. 箭头函数和普通函数有什么不同？

箭头函数没有自己的 this，它的 this 来自定义时的外层作用域。箭头函数不能用作构造函数。

## 3. What is a closure?

A closure keeps access to the variables of its outer function after that function returns.
A closure does not copy those variables: it shares them with the outer scope.

## 4. What is equivariance in a convolution layer?

A convolution layer is equivariant to translation: shifting the input shifts the output by
the same amount.

## 5. 为什么 TIME-WAIT 要等 2MSL？

客户端发出最后的 ACK 报文时，并不能确定服务端能够收到。若服务端没收到，会重发 FIN 报文；
客户端将再次向服务端发出 ACK 报文，并重新计时。

## 6. Why does the client wait in TIME-WAIT?

If the final ACK is lost, the server resends its FIN. The client sends the ACK to the server
again and restarts its timer.
"""


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"js.md": NOTES})


@pytest.fixture(scope="module")
def plain(notes: QuestionBank) -> KeywordGrader:
    return KeywordGrader(notes, packs=[])


@pytest.mark.parametrize(
    ("title", "wrong", "right"),
    [
        ("==", "=== 比较前会做类型转换，== 不做类型转换。", "== 会先做类型转换再比较，=== 不做类型转换。"),
        ("箭头函数", "箭头函数有自己的 this，也可以用作构造函数。",
         "箭头函数没有自己的 this，this 来自外层作用域，不能当构造函数。"),
        # the clause that names nothing goes on about what its sentence opened with
        ("箭头函数", "箭头函数的 this 来自定义时的外层作用域，也可以用作构造函数。",
         "箭头函数的 this 来自定义时的外层作用域，也不能用作构造函数。"),
        ("closure", "A closure copies those variables when the outer function returns.",
         "A closure keeps access to the outer variables; a closure does not copy those "
         "variables, it shares them."),
    ],
)
def test_an_answer_that_flips_a_negation_of_the_notes_is_caught(
    plain: KeywordGrader, notes: QuestionBank, title: str, wrong: str, right: str
) -> None:
    bad = grade_for(plain, notes, title, wrong)
    good = grade_for(plain, notes, title, right)
    assert "contradiction" in bad.flags and found_by(bad, "contradiction")
    assert "contradiction" not in good.flags
    assert bad.score < good.score


@pytest.mark.parametrize(
    ("title", "answer"),
    [
        # asking whether is no denial
        ("箭头函数", "箭头函数能不能用作构造函数？不能，它没有自己的 this。"),
        # a hedge qualifies, it does not deny
        ("closure", "A closure does not always copy anything; it keeps access to the outer variables."),
        # a clause inside a sentence about something else speaks of that thing
        ("equivariance", "Invariance is a different property: the output does not shift when "
                         "the input shifts, which pooling gives."),
        # a negation denies what follows it (being sure of the receipt), not the sending
        # the clause opens with
        ("2MSL", "客户端发出最后一个 ACK 报文后不能确定服务端能否收到；如果丢了，服务端会重发 FIN。"),
        ("TIME-WAIT?", "After the client sends the ACK to the server it cannot be sure that it "
                       "arrived, so it waits for a resent FIN."),
    ],
)
def test_questions_hedges_and_other_subjects_are_not_flips(
    plain: KeywordGrader, notes: QuestionBank, title: str, answer: str
) -> None:
    assert "contradiction" not in grade_for(plain, notes, title, answer).flags


@pytest.mark.parametrize(("word", "root"), [("copies", "copy"), ("copied", "copy"),
                                            ("studies", "study"), ("ties", "tie")])
def test_words_ending_in_ies_or_ied_stem_to_their_y(word: str, root: str) -> None:
    from interviewer.grading.lexicon import stem

    assert stem(word) == root


TYPES_NOTES = """# Redis

## 1. Redis 常见的数据结构有哪些？

String 字符串可以存整数和二进制数据，常用于缓存和计数。

Hash 哈希适合存储对象的字段，比如用户信息。

List 列表按插入顺序排序，可以做消息队列。

Set 集合自动去重，可以求交集和并集。
"""


@pytest.fixture(scope="module")
def types(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"redis.md": TYPES_NOTES})


def test_what_an_answer_denies_covers_no_point(types: QuestionBank) -> None:
    grader = KeywordGrader(types, packs=[])
    denied = grade_for(grader, types, "数据结构",
                       "Redis 只有 String 一种数据结构，不支持哈希、列表和集合。")
    affirmed = grade_for(grader, types, "数据结构",
                         "Redis 有字符串、哈希、列表和集合：哈希存对象的字段，列表可以做消息队列，"
                         "集合自动去重。")
    covered = [item.point for item in denied.rubric if item.status != "missed"]
    assert not any(point.startswith(("Hash", "List", "Set")) for point in covered), covered
    assert sum(item.status != "missed" for item in affirmed.rubric) > len(covered)
    assert denied.score < affirmed.score


@pytest.mark.parametrize(("clause", "condition"), [
    ("假设输入是一张灰度图", True),
    ("如果测试时也丢弃神经元", True),
    ("朴素贝叶斯假设特征之间条件独立", False),  # after its subject, 假设 assumes
    ("the model assumes independent features", False),
])
def test_a_clause_that_supposes_sets_a_scene_one_that_assumes_states(
    clause: str, condition: bool
) -> None:
    from interviewer.grading.contradiction import is_condition

    assert is_condition(clause) is condition


ACTIVATION = """# 网络

## 1. 为什么需要激活函数？

激活函数的作用是给神经网络增加非线性。如果没有激活函数，多层网络叠加后仍然是线性变换，无法拟合复杂的非线性函数。

## 2. Why do networks need activation functions?

They add non-linearity. Stacked layers without them are still one linear map.
"""


@pytest.mark.parametrize(
    "answer",
    ["激活函数给网络引入非线性，没有它多层网络叠起来还是线性变换，拟合不了复杂函数。",
     "激活函数引入非线性，没有激活函数的话，多层网络叠起来还是线性变换。",
     "They add non-linearity: without them, stacked layers are still one linear map."],
)
def test_without_it_sets_a_condition_not_a_denial(
    tmp_path_factory: pytest.TempPathFactory, answer: str
) -> None:
    # Found on the walk9g walkthrough: "没有它多层网络…还是线性变换" (without it, stacked
    # layers stay linear) was read as denying the notes' "仍然是线性变换".
    bank = notes_bank(tmp_path_factory, {"act.md": ACTIVATION})
    grader = KeywordGrader(bank, packs=[])
    title = "激活函数" if "激活" in answer else "activation"
    grade = grade_for(grader, bank, title, answer)
    assert not found_by(grade, "contradiction"), grade.feedback
    assert grade.score >= 7


CONNECTION_NOTES = {
    "close_zh.md": "## 关闭连接时会发生什么？\n\n关闭连接时数据库会回滚所有未提交的修改，无效的会话也会被清理。\n",
    "close_en.md": "## What happens when a connection is closed?\n\nWhen a connection is closed, "
                   "the database rolls back all uncommitted changes and cleans up invalid "
                   "sessions.\n",
}


@pytest.mark.parametrize(
    ("title", "answer", "wrong"),
    [
        ("关闭连接", "关闭连接后未提交的修改不会保留，会被数据库回滚。", False),
        ("关闭连接", "关闭连接后无效的会话不会留下来。", False),
        ("关闭连接", "关闭连接时数据库不会回滚未提交的修改。", True),
        ("connection is closed", "After the connection is closed, uncommitted changes are not "
                                 "kept: the database rolls them back.", False),
        ("connection is closed", "When a connection is closed, the database does not roll back "
                                 "uncommitted changes.", True),
    ],
)
def test_a_negation_inside_an_attribute_denies_nothing(
    tmp_path_factory: pytest.TempPathFactory, title: str, answer: str, wrong: bool
) -> None:
    # Found on the gradewalk11 walkthrough: "未提交的修改不会保留" counted the 未 of "未提交的"
    # as a second negation, so it affirmed what "会回滚所有未提交的修改" was read to deny.
    assert contradicts(tmp_path_factory, CONNECTION_NOTES, title, answer) is wrong
