"""How an answer covers each key point of the rubric: what full, partial and no coverage
take."""

from __future__ import annotations

import pytest
from grading_helpers import notes_bank

from interviewer.grading.keyword import KeywordGrader
from interviewer.grading.lexicon import Weights, load_lexicon
from interviewer.grading.rubric import build_reference
from interviewer.packs import load_pack

# Found on a new-user walkthrough of third-party English notes (ux-walk8b): a one-point rubric
# ("…performs a binary search to detect the commit which introduced a bug…") was "covered" by
# an answer that never named the binary search ("finds the commit that introduced a bug"), so
# that half answer scored 10 — above the full one.
LOCATE_NOTES = """# Debugging

## 1. What does the locate tool do?

The locate tool performs a binary search over the build history to detect the change which
introduced a bug or regression in the project.

## 2. What does the blame tool show?

The blame tool shows, for every line of a file, the change and the author that last touched
it, so you can ask the right person about a bug.

## 3. What is a breakpoint?

A breakpoint pauses the program at a chosen line so that you can inspect variables and step
through the code one statement at a time.

## 4. What does the trace tool record?

The trace tool records every system call the program makes, with its arguments and result,
which shows where a program waits or fails.

## 5. What is a core dump?

A core dump is a snapshot of the program's memory written when it crashes; a debugger loads it
later to inspect the stack of every thread.

## 6. What is a flaky test?

A flaky test passes and fails on the same code because it depends on timing, ordering or
shared state, which hides real bugs behind noise.
"""

SEARCH_PACK = """[pack]
name = "searching"

[[words]]
en = ["binary search", "bisection search"]
zh = ["二分查找", "二分搜索"]
"""


def test_a_point_is_not_covered_without_its_key_term(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    bank = notes_bank(tmp_path_factory, {"locate.md": LOCATE_NOTES})
    folder = tmp_path_factory.mktemp("packs") / "searching"
    folder.mkdir()
    (folder / "pack.toml").write_text(SEARCH_PACK, encoding="utf-8")
    grader = KeywordGrader(bank, packs=[load_pack(folder)])
    question = next(q for q in bank.questions if "locate" in q.title)
    half = grader.grade(question, "The locate tool helps you detect which change introduced "
                                  "a bug or regression in the project, checking the changes one "
                                  "after another.")
    full = grader.grade(question, "The locate tool does a binary search through the build "
                                  "history to find the change that introduced a bug or "
                                  "regression.")
    paraphrase = grader.grade(question, "locate 工具在构建历史上做二分查找，找出引入 bug 或回归的那次改动。")
    assert half.rubric[0].status == "partly" and half.score < full.score
    assert full.rubric[0].status == "covered" and full.score >= 9.0
    assert paraphrase.rubric[0].status == "covered"


# Found on the walk9j walkthrough (English networking notes written as "* **Definition:** …"
# under each question): a label that only names a part of the answer ("Definition", "Key
# Features", "定义", "要点") was scored on its own words, which no answer says, so a complete
# answer stayed "partly" on every point. Such a label's explanation is the point.
PART_LABEL_NOTES = """# Storage

## 1. What is a write-ahead log?

* **Definition:** A write-ahead log records every change in an append-only file first.
* **Key Features:** After a crash the database replays the log to redo committed changes.

## 2. What is a mutex?

* **Mutex:** a lock that only one thread can hold at a time.
* **Semaphore:** a counter that lets several threads in at once.

## 3. 什么是预写日志？

- **定义**：预写日志在修改写入数据页之前，先把每个修改追加写入日志文件。
- **要点**：崩溃后数据库重放日志，重做已经提交的修改。
"""


def test_a_label_naming_a_part_of_the_answer_is_scored_on_its_explanation(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    bank = notes_bank(tmp_path_factory, {"storage.md": PART_LABEL_NOTES})
    grader = KeywordGrader(bank)
    wal, mutex, wal_zh = bank.questions
    strong = grader.grade(wal, "Every change is first recorded in a log file that is only "
                               "appended to; after a crash the database replays that log and "
                               "redoes the committed changes.")
    strong_zh = grader.grade(wal_zh, "每个修改在写入数据页之前先追加写入日志文件；崩溃以后数据库"
                                     "重放日志，把已经提交的修改重做一遍。")
    empty = grader.grade(wal, "The definition is simple and its key features are well known.")
    assert [p.status for p in strong.rubric] == ["covered", "covered"] and strong.score >= 8
    assert [p.status for p in strong_zh.rubric] == ["covered", "covered"]
    assert strong_zh.score >= 8
    assert empty.score <= 3 and empty.rubric[1].status == "missed"
    # The rubric shows what the point asks for, not the bare label.
    assert "append-only" in strong.rubric[0].point
    # A label that names a term is still the term: its explanation alone does not make it.
    unnamed = grader.grade(mutex, "It is a lock that only one thread can hold at a time.")
    named = grader.grade(mutex, "A mutex is a lock that only one thread can hold at a time.")
    assert unnamed.rubric[0].status != "covered" and named.rubric[0].status == "covered"


def test_a_picture_or_a_link_alone_on_its_line_is_no_key_point(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # Found on the walk10b walkthrough (Chinese front-end notes): "[image: 元素尺寸]" was a
    # point of the rubric, so no answer in words could ever cover every point.
    bank = notes_bank(tmp_path_factory, {"dom.md": (
        "## offsetWidth 与 clientWidth 的区别\n\n"
        "- offsetWidth 包含**content + padding + border**\n"
        "- clientWidth 只包含**content + padding**\n\n"
        "[Measuring Element Dimension and Location](https://example.org/measure)\n\n"
        "![元素尺寸](img/element-size.png)\n"
    )})
    grader = KeywordGrader(bank, packs=[])
    grade = grader.grade(bank.questions[0], "offsetWidth 是 content + padding + border，"
                                            "clientWidth 是 content + padding。")
    points = [item.point for item in grade.rubric]
    assert points == ["content + padding + border", "content + padding"]
    assert grade.score >= 9


def test_a_picture_is_no_claim_of_notes_that_highlight_nothing(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # Notes that bold nothing are graded on their own claims: "[image: Alt_text]" was one.
    bank = notes_bank(tmp_path_factory, {"roc.md": (
        "## What is the ROC curve?\n\n"
        "The ROC curve plots the true positive rate against the false positive rate for "
        "different threshold values.\n\n"
        "A good model hugs the upper left corner of the square.\n\n"
        "![Alt_text](https://example.org/roc.png)\n"
    )})
    grade = KeywordGrader(bank, packs=[]).grade(bank.questions[0], "It plots the true "
                                                "positive rate against the false positive "
                                                "rate for different thresholds.")
    assert all("image" not in item.point for item in grade.rubric)


def test_a_label_over_a_list_is_explained_by_the_list_not_the_paragraph_after_it(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # A write-up's "**复杂度分析**" over two bullets, then the author's sign-off: the sign-off
    # was part of the label's explanation, words no answer says.
    bank = notes_bank(tmp_path_factory, {"lc.md": (
        "## 无重复字符的最长子串\n\n用滑动窗口，窗口大小不固定，用哈希表记下每个字符最后出现的位置。\n\n"
        "**复杂度分析**\n\n- 时间复杂度：O(N)\n- 空间复杂度：O(N)\n\n"
        "大家对此有何看法，欢迎给我留言，我有时间都会一一查看回答，更多题解请关注公众号和仓库。\n"
    )})
    lexicon = load_lexicon(packs=[])
    question = bank.questions[0]
    weights = Weights([lexicon.text_concepts(question.answer)], lexicon)
    points = {p.text: p for p in build_reference(question, lexicon, weights).points}
    explained = points["复杂度分析"].explained
    assert "空间复杂度" in explained and "留言" not in explained


@pytest.mark.parametrize(
    ("notes", "answer"),
    [
        ("## What is a mutex?\n\n**Mutex** is a lock that only one thread can hold at a time.\n\n"
         "**Further Reading**:\n\n- [Docs: Locks and Threads](https://example.org/locks)\n"
         "- [A Long Blog Post on Mutual Exclusion](https://example.org/blog)\n",
         "A mutex is a lock that only one thread can hold at a time; the others wait for it."),
        ("## 什么是互斥锁？\n\n**互斥锁**同一时刻只能被一个线程持有。\n\n**延伸阅读**：\n\n"
         "- [操作系统文档：锁与线程](https://example.org/locks)\n"
         "- [一篇关于互斥访问的长博客](https://example.org/blog)\n",
         "互斥锁同一时刻只能被一个线程持有，其他线程要等它被释放。"),
    ],
)
def test_a_list_of_reading_links_tops_up_no_rubric(
    tmp_path_factory: pytest.TempPathFactory, notes: str, answer: str
) -> None:
    # Found on the gradewalk11 walkthrough (English React notes): every question ends in a
    # "Further Reading" list, and its entries, cut from their addresses, became key points
    # no answer could cover ("[Pure React by …](").
    bank = notes_bank(tmp_path_factory, {"locks.md": notes})
    grade = KeywordGrader(bank, packs=[]).grade(bank.questions[0], answer)
    assert all("[" not in item.point for item in grade.rubric)
    assert all(item.status != "missed" for item in grade.rubric) and grade.score >= 7


QUEUE_NOTES = {
    "queue_en.md": (
        "## What is the difference between a queue and a stack?\n\n- **Queue**: a collection "
        "where items leave in the order they arrived (first in, first out).\n- **Stack**: a "
        "collection where the last item added is the first to leave (last in, first out).\n\n"
        "**Usage:**\n\n- Use a queue for items that must be handled in arrival order, such as "
        "print jobs.\n- Use a stack for items that must be undone in reverse order, such as "
        "editor actions.\n"),
    "queue_zh.md": (
        "## 队列和栈有什么区别？\n\n- **队列**：一种集合，元素按进入的顺序离开（先进先出）。\n- **栈**：一种集合，"
        "最后放入的元素最先离开（后进先出）。\n\n**用法：**\n\n- 需要按到达顺序处理的元素用队列，比如打印任务。\n"
        "- 需要按相反顺序撤销的元素用栈，比如编辑器的操作。\n"),
}


@pytest.mark.parametrize(
    ("title", "strong", "weak"),
    [
        ("queue", "A queue lets items leave in the order they arrived, first in first out; a "
                  "stack lets the last item added leave first. Use a queue for print jobs "
                  "handled in arrival order and a stack for undoing editor actions in reverse "
                  "order.", "Queues and stacks are both collections of items."),
        ("队列", "队列里元素按进入的顺序离开，先进先出；栈里最后放入的元素最先离开，后进先出。按到达顺序处理的元素用队列，"
                 "比如打印任务；需要按相反顺序撤销的用栈，比如编辑器操作。", "队列和栈都是存放元素的集合。"),
    ],
)
def test_words_the_notes_use_under_every_label_make_no_point(
    tmp_path_factory: pytest.TempPathFactory, title: str, strong: str, weak: str
) -> None:
    # Found on the gradewalk11 walkthrough (React notes): "State and props are both ways to
    # handle data in React components" made "Use props for data that comes from outside the
    # component" on "data" and "component", which the notes use under every label, and
    # scored 6 — above a right partial answer.
    bank = notes_bank(tmp_path_factory, QUEUE_NOTES)
    question = next(q for q in bank.questions if title in q.title)
    grader = KeywordGrader(bank, packs=[])
    assert grader.grade(question, strong).score >= 9
    assert any(item.status == "missed" for item in grader.grade(question, weak).rubric)
