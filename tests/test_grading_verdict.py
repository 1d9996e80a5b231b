"""Verdicts of yes/no questions: an answer that opens with the opposite of the notes' verdict
("是正确的" where the notes say "不正确", "Yes" where they say "No") is wrong whatever words
it shares with them — in either language, and across languages — while agreeing verdicts,
answers that open with no verdict and questions that ask for an explanation are left alone."""

from __future__ import annotations

import pytest

from interviewer.grading.keyword import KeywordGrader
from interviewer.grading.verdict import asks_yes_or_no, opposite, verdict
from interviewer.notes import QuestionBank
from tests.grading_helpers import found_by, grade_for, notes_bank

ZH_NOTES = """# Java 基础

### `float f=3.4;`是否正确？

不正确。3.4 是双精度数，将双精度型（double）赋值给浮点型（float）属于下转型，会造成精度损失，因此
需要强制类型转换 `float f =(float)3.4;` 或者写成 `float f =3.4F;`。

### 构造器（constructor）能否被重写（override）？

构造器不能被继承，因此不能被重写，但可以被重载。
"""

EN_NOTES = """# Java basics

### Can a static method be overridden in Java?

No. Static methods belong to the class, not to an instance, so they are resolved at compile
time; a subclass method with the same signature hides the parent's method instead of
overriding it.
"""


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"java.md": ZH_NOTES, "java_en.md": EN_NOTES})


@pytest.fixture(scope="module")
def grader(notes: QuestionBank) -> KeywordGrader:
    return KeywordGrader(notes, packs=[])


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("`float f=3.4;`是否正确？", True),
        ("String是最基本的数据类型吗？", True),
        ("Can a static method be overridden in Java?", True),
        ("Is HashMap thread-safe?", True),
        ("为什么要有用户态和内核态？只有一个内核态不行么？", False),
        ("数组有没有length()方法？String有没有length()方法？", False),
        ("Is TCP or UDP better for streaming?", False),
        ("What is a deadlock?", False),
        ("进程和线程有什么区别？", False),
    ],
)
def test_yes_no_questions(title: str, expected: bool) -> None:
    assert asks_yes_or_no(title) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("不正确。3.4 是双精度数", False),
        ("是正确的。Java 里小数默认是 float", True),
        ("不对，要写成 3.4f", False),
        ("没错，可以直接赋值", True),
        ("可以，构造器能被重写", True),
        ("**答：** 不能。", False),
        ("No. Static methods belong to the class", False),
        ("Yes, a subclass can override it", True),
        ("It is not thread-safe", False),
        ("Static methods are resolved at compile time, so no", None),
        ("3.4 默认是 double 类型，所以需要强转", None),
        ("", None),
    ],
)
def test_verdict_of_an_opening(text: str, expected: bool | None) -> None:
    assert verdict(text) is expected


def test_the_opposite_verdict_is_found_and_quoted() -> None:
    title, notes = "`float f=3.4;`是否正确？", "不正确。3.4 是双精度数，需要强制类型转换。"
    assert opposite(title, notes, "是正确的。小数默认就是 float。") == ("是正确的", notes)
    assert opposite(title, notes, "不正确，3.4 是 double。") is None
    assert opposite("What is a deadlock?", "No one knows.", "Yes.") is None


def test_a_flipped_verdict_costs_the_grade_and_names_the_error(
    grader: KeywordGrader, notes: QuestionBank
) -> None:
    right = grade_for(grader, notes, "float f=3.4",
                      "不正确。3.4 是双精度数（double），赋值给 float 属于下转型，会造成精度损失，"
                      "需要强制类型转换，或者写成 float f = 3.4F。")
    wrong = grade_for(grader, notes, "float f=3.4",
                      "是正确的。3.4 是双精度数（double），赋值给 float 属于下转型，编译器会自动"
                      "强制类型转换，精度损失可以忽略，写成 float f = 3.4F 也行。")
    assert not found_by(right, "contradiction")
    assert found_by(wrong, "contradiction")
    assert "contradiction" in wrong.flags
    assert wrong.score <= right.score - 3
    assert "笔记的结论相反" in wrong.feedback and "不正确" in wrong.feedback


def test_verdicts_are_held_against_notes_in_the_other_language(
    grader: KeywordGrader, notes: QuestionBank
) -> None:
    wrong = grade_for(grader, notes, "构造器",
                      "Yes, a constructor can be overridden in a subclass like any method.")
    right = grade_for(grader, notes, "构造器",
                      "No. Constructors are not inherited, so they cannot be overridden, "
                      "only overloaded.")
    assert found_by(wrong, "contradiction") and not found_by(right, "contradiction")
    assert "the notes conclude the opposite" in wrong.feedback


def test_english_verdicts_on_english_notes(grader: KeywordGrader, notes: QuestionBank) -> None:
    wrong = grade_for(grader, notes, "static method",
                      "Yes. A subclass overrides a static method with the same signature, and "
                      "the call is resolved at run time on the instance.")
    right = grade_for(grader, notes, "static method",
                      "No, static methods belong to the class and are resolved at compile "
                      "time; the subclass method hides the parent's one.")
    assert found_by(wrong, "contradiction") and not found_by(right, "contradiction")
    assert wrong.score < right.score


YES_NO_NOTES = {
    "yn_zh.md": "## 关闭连接后未提交的修改会不会保留？\n\n不会。关闭连接时数据库会回滚所有未提交的修改，只有提交过的修改才会写入"
                "磁盘。\n",
    "yn_en.md": "## Can a closed cursor be reused?\n\nNo. Once it is closed, a cursor releases its "
                "result set, and any further fetch raises an error.\n",
}


@pytest.mark.parametrize(
    ("title", "verdict_only", "restated"),
    [
        ("未提交", "不会，关闭连接后未提交的修改不会保留。", "关闭连接后未提交的修改会不会保留？就是问这个。"),
        ("closed cursor", "No, a closed cursor cannot be reused.",
         "Can a closed cursor be reused? It is about reusing a closed cursor."),
    ],
)
def test_the_notes_verdict_alone_is_a_bare_answer_not_a_restatement(
    tmp_path_factory: pytest.TempPathFactory, title: str, verdict_only: str, restated: str
) -> None:
    # Found on the gradewalk11 walkthrough: "不会，新插入的值不会被这次bgsave持久化" repeats the
    # question's words with the right verdict; it scored 0 as a restatement, below "这个要看
    # 具体情况".
    bank = notes_bank(tmp_path_factory, YES_NO_NOTES)
    grader = KeywordGrader(bank, packs=[])
    bare = grade_for(grader, bank, title, verdict_only)
    echo = grade_for(grader, bank, title, restated)
    assert "restated" not in bare.flags and bare.score > 0
    assert "restated" in echo.flags and echo.score < bare.score
