"""The other side of a comparison is not what a clause is about: "the difference from
processes is that threads share memory" says that of threads, and is no swap."""

from __future__ import annotations

import pytest

from interviewer.grading.contradiction import COMPARED
from interviewer.grading.keyword import KeywordGrader
from interviewer.notes import QuestionBank
from tests.grading_helpers import found_by, grade_for, notes_bank

NOTES = """# Concurrency

## 1. What is a thread and how is it different from a process?

A thread is a unit of execution inside a process. Unlike processes, threads share the
memory of the process that owns them.

| Aspect | Threads | Processes |
|--------|---------|-----------|
| **Memory** | Shared address space | Separate address space |
| **Creation** | Cheap and fast | Expensive and slow |
"""


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"threads.md": NOTES})


@pytest.mark.parametrize("answer", [
    "The main difference from processes is that they share one address space and are cheap "
    "and fast to create.",
    "They differ from processes in that they use a shared address space, cheap and fast.",
    "线程和进程最大的区别是 threads share one address space，创建 cheap and fast。",
])
def test_the_compared_side_is_not_the_subject(notes: QuestionBank, answer: str) -> None:
    grade = grade_for(KeywordGrader(notes, packs=[]), notes, "thread", answer)
    assert found_by(grade, "swapped_terms") == []
    assert "contradiction" not in grade.flags



@pytest.mark.parametrize(("clause", "compared"), [
    ("和虚拟机最大的区别是容器共享宿主机的内核", "和虚拟机最大的区别"),
    ("与进程的主要区别在于线程共享地址空间", "与进程的主要区别"),
    ("跟 UDP 的本质差别是 TCP 面向连接", "跟 UDP 的本质差别"),
])
def test_the_compared_side_of_a_chinese_difference_is_set_apart(
    clause: str, compared: str
) -> None:
    # Found on the walk10a walkthrough: "和虚拟机最大的区别是容器共享宿主机内核" was read
    # as a claim about virtual machines and flagged as a swap with Docker (2.5/10, now 8.5).
    match = COMPARED.search(clause)
    assert match is not None and match.group(0) == compared
