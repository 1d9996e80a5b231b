"""Inside against outside, and labelled list items: "an external IP reachable from outside"
contradicts a note that says "internal … only from within", in English and Chinese — and a
note sentence under a label ("Local: it keeps entries inside the process") speaks of that
label only, so a right answer about the other label is not flagged by it."""

from __future__ import annotations

import pytest

from interviewer.grading.keyword import KeywordGrader
from interviewer.notes import QuestionBank
from tests.grading_helpers import found_by, grade_for, notes_bank

NOTES = """# Caches

## 1. What is the difference between the LocalStore and the RemoteStore modes?

These are the two storage modes:

- **LocalStore**: This is the default mode. It keeps the entries on an internal disk of the
  host. This disk is only readable from within the host.
- **RemoteStore**: This keeps the entries on a shared server. Readers can fetch the entries
  from outside the host over the network.

## 2. LocalStore 和 RemoteStore 模式有什么区别？

- **LocalStore**：这是默认模式。它把条目保存在主机的内部磁盘上，只有主机内部的进程可以读取。
- **RemoteStore**：这种模式把条目保存在共享服务器上，外部的读者通过网络读取条目。
"""


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"stores.md": NOTES})


@pytest.fixture(scope="module")
def plain(notes: QuestionBank) -> KeywordGrader:
    return KeywordGrader(notes, packs=[])


@pytest.mark.parametrize(("title", "answer"), [
    ("What is the difference", "LocalStore is the default mode and keeps the entries on an "
     "external disk of the host, readable only from outside the host."),
    ("有什么区别", "LocalStore 是默认模式，它把条目保存在主机的外部磁盘上，只有外部的进程可以读取。"),
])
def test_outside_where_the_notes_say_inside_is_a_contradiction(
    plain: KeywordGrader, notes: QuestionBank, title: str, answer: str
) -> None:
    assert found_by(grade_for(plain, notes, title, answer), "contradiction")


@pytest.mark.parametrize(("title", "answer"), [
    # the note's "It keeps the entries on an internal disk" is LocalStore's, not RemoteStore's
    ("What is the difference", "RemoteStore keeps the entries on a server disk that readers "
     "reach from outside the host."),
    ("What is the difference", "LocalStore is the default: it keeps the entries on an internal "
     "disk, readable only from within the host. RemoteStore keeps them on a shared server that "
     "readers reach from outside the host."),
    ("What is the difference", "LocalStore entries are not readable from outside the host."),
    ("有什么区别", "RemoteStore 把条目保存在另一台主机的磁盘上，外部的进程可以读取。"),
])
def test_a_right_answer_about_each_labelled_item_is_not_flagged(
    plain: KeywordGrader, notes: QuestionBank, title: str, answer: str
) -> None:
    assert found_by(grade_for(plain, notes, title, answer), "contradiction") == []
