"""Values the `values` check used to miss: a number that opens its sentence ("0 means
success", a list item's value), a negative number ("-1 is returned"), and a wrong value in
a sentence whose other clause gives a number the notes never state — and the right
statements that must stay unflagged (list numbering, subtraction, the answer's own example
in one clause)."""

from __future__ import annotations

import pytest

from interviewer.grading.keyword import KeywordGrader
from interviewer.grading.values import find_values
from interviewer.notes import QuestionBank
from tests.grading_helpers import found_by, grade_for, notes_bank

EN_NOTES = """# Systems

## 1. How fast is a typical SSD?

A SATA SSD reads sequentially at about 500 MB/s. Random reads are measured in IOPS.

## 2. What do the shell's exit codes mean?

- 0 means success.
- -1 is often returned as a generic error.
- 127 means the command was not found.
"""

ZH_NOTES = """# 协议

## 1. HTTP 状态码是什么意思？

- 200 表示请求成功。
- 404 表示资源不存在。

## 2. TCP 的默认 MSS 是多少？

以太网上 TCP 的 MSS 一般为 1460 字节，IPv4 头部 20 字节。
"""


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"systems.md": EN_NOTES, "net.md": ZH_NOTES})


@pytest.fixture(scope="module")
def plain(notes: QuestionBank) -> KeywordGrader:
    return KeywordGrader(notes, packs=[])


@pytest.mark.parametrize(
    ("text", "number"),
    [("0 means success.", 0.0), ("127 means the command was not found.", 127.0),
     ("404 表示资源不存在。", 404.0), ("-1 is often returned as a generic error.", -1.0),
     ("The call returns -1 on error.", -1.0), ("取值范围是 -1 到 1 之间，一般取 -1。", -1.0)],
)
def test_opening_and_negative_numbers_are_values(text: str, number: float) -> None:
    assert any(v.low == number for v in find_values(text))


@pytest.mark.parametrize(
    "text", ["1. Lookups are fast.", "2) Then hash the key.", "1、先计算哈希值。",
             "The output size is m-k+1.", "n -1 steps remain.", "It is 3 -1 = 2."],
)
def test_list_numbers_and_subtraction_stay_out(text: str) -> None:
    assert all(v.low >= 0 for v in find_values(text))
    assert not any(v.low in (1.0, 2.0) and v.text.startswith(("1", "2")) and text.startswith(
        v.text) for v in find_values(text))


@pytest.mark.parametrize(
    ("title", "answer", "shown"),
    [
        ("exit codes", "Exit code 1 means success and 127 means the command was not found.",
         "0 means success"),
        ("exit codes", "0 means success, and 1 is often returned as a generic error.",
         "-1 is often returned"),
        ("HTTP", "200 表示请求成功，403 表示资源不存在。", "404"),
        ("SSD", "A SATA SSD reads sequentially at about 50 MB/s, while NVMe drives reach "
                "about 3000 MB/s.", "500 MB/s"),
        ("MSS", "以太网上 TCP 的 MSS 一般为 1500 字节，而 UDP 头部只有 8 字节。", "1460"),
    ],
)
def test_a_wrong_value_is_named(
    plain: KeywordGrader, notes: QuestionBank, title: str, answer: str, shown: str
) -> None:
    grade = grade_for(plain, notes, title, answer)
    assert len(found_by(grade, "values")) == 1
    assert shown in grade.feedback


@pytest.mark.parametrize(
    ("title", "answer"),
    [
        ("exit codes", "0 means success, -1 is a generic error and 127 means the command was "
                       "not found."),
        ("HTTP", "200 表示成功，404 表示资源不存在，500 表示服务器内部错误。"),
        ("SSD", "A SATA SSD reads sequentially at about 500 MB/s, and NVMe drives at about "
                "3000 MB/s."),
        # the answer's own example, in one clause
        ("SSD", "Copying 1000 MB at 500 MB/s takes 2 seconds."),
        ("MSS", "1500 字节的 MTU 减去 20 字节 IP 头和 20 字节 TCP 头，MSS 就是 1460 字节。"),
    ],
)
def test_right_values_are_not_flagged(
    plain: KeywordGrader, notes: QuestionBank, title: str, answer: str
) -> None:
    grade = grade_for(plain, notes, title, answer)
    assert found_by(grade, "values") == []
