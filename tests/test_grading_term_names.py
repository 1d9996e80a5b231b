"""A negation inside a term's own name ("不可重复读", "无需回表" in the notes) denies nothing:
found on a new-user walkthrough of Chinese database notes (walk8c), where correct answers lost
points because the notes' term names or the notes' own "无需" read as claims against them.
Right statements must pass; the wrong ones beside them must still be caught."""

from __future__ import annotations

import pytest

from interviewer.grading.contradiction import direction
from interviewer.grading.keyword import KeywordGrader
from interviewer.notes import QuestionBank
from interviewer.terms.siblings import title_siblings
from tests.grading_helpers import found_by, grade_for, notes_bank

NOTES = """# 事务与索引

## 1. 不可重复读和幻读有什么区别？

- 不可重复读（Unrepeatable read）的重点是记录被修改，多次读取同一条记录发现值被改了。
- 幻读（Phantom read）的重点是记录新增，多次执行同一条查询发现记录变多了。

幻读其实可以看作是不可重复读的一种特殊情况，单独把幻读区分出来的原因主要是解决幻读和不可重复读的方案不一样。

## 2. 什么是覆盖索引？

如果一个索引包含所有需要查询的字段的值，就称之为 **覆盖索引（Covering Index）**。

非主键索引的叶子节点存的是主键的值，查询时要先找到主键，再到主键索引里取整行数据，这个过程叫 **回表**。

**覆盖索引即需要查询的字段正好是索引的字段，直接根据该索引就可以查到数据，而无需回表查询。**

## 3. DATETIME 和 TIMESTAMP 如何选择？

DATETIME 类型没有时区信息，TIMESTAMP 和时区有关。

如果应用需要处理多时区，TIMESTAMP 是自然的选择。

如果应用场景不涉及时区转换，并且需要表示 2038 年之后的时间，DATETIME 是更稳妥的选择。
"""


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"db.md": NOTES})


@pytest.fixture(scope="module")
def grader(notes: QuestionBank) -> KeywordGrader:
    return KeywordGrader(notes, packs=[])


@pytest.mark.parametrize(
    ("title", "answer"),
    [
        ("幻读", "不可重复读是多次读同一条记录发现值被修改了；幻读是多次查询发现记录新增了。"
                "幻读可以看作不可重复读的一种特殊情况，单独区分是因为两者的解决方案不一样。"),
        ("幻读", "An unrepeatable read is when a row read twice was modified in between; a "
                "phantom read is when the same query returns new rows. A phantom read can be "
                "seen as a special case of an unrepeatable read."),
        ("覆盖索引", "覆盖索引是指索引包含了查询需要的所有字段的值。非主键索引的叶子节点存的是"
                    "主键值，要再去主键索引取整行，这叫回表；用了覆盖索引，直接从索引拿到数据，"
                    "不用回表。"),
        ("DATETIME", "DATETIME 没有时区信息，TIMESTAMP 和时区有关。多时区用 TIMESTAMP；"
                     "不涉及时区或者要表示 2038 年以后的时间就选 DATETIME。"),
    ],
)
def test_correct_answers_naming_negated_terms_are_not_flagged(
    grader: KeywordGrader, notes: QuestionBank, title: str, answer: str
) -> None:
    grade = grade_for(grader, notes, title, answer)
    assert found_by(grade, "contradiction") == []
    assert "contradiction" not in grade.flags


def test_a_wrong_answer_beside_them_is_still_caught(
    grader: KeywordGrader, notes: QuestionBank
) -> None:
    answer = "幻读可以看作不可重复读的一种特殊情况，解决幻读和不可重复读的方案是一样的。"
    grade = grade_for(grader, notes, "幻读", answer)
    assert grade.flags, (grade.score, [(c.name, c.found) for c in grade.checks])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a negation does not reach past "或者" / "并且" opening a predicate of its own
        ("不涉及时区或者要表示 2038 年以后的时间", ("order", 1)),
        ("不涉及时区并且需要在 2038 年以后运行", ("order", 1)),
        # within its own predicate it still flips
        ("不会在 2038 年以后出错", ("order", -1)),
        ("不涉及时区或者 2038 年以后的时间", ("order", -1)),
    ],
)
def test_a_negation_stops_at_a_new_predicate(text: str, expected: tuple[str, int]) -> None:
    assert expected in direction(text)


def test_swapping_terms_whose_names_hold_a_negation_is_caught(
    grader: KeywordGrader, notes: QuestionBank
) -> None:
    answer = ("不可重复读的重点是记录新增，多次执行同一条查询发现记录变多了；"
              "幻读的重点是记录被修改，多次读取同一条记录发现值被改了。")
    grade = grade_for(grader, notes, "幻读", answer)
    assert found_by(grade, "swapped_terms"), [(c.name, c.found) for c in grade.checks]


def test_a_title_may_compare_a_name_that_opens_with_a_negation() -> None:
    assert title_siblings("不可重复读和幻读有什么区别？") == [("不可重复读", "幻读")]
    # a claim that opens with a negation is no name
    assert title_siblings("不支持排序和不支持范围查询的区别") == []
