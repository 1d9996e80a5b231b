"""Contradictions said in other words than a flipped direction — a threshold the other way
round, a term with its prefix turned round ("阻塞IO" for the notes' 非阻塞IO), a term the notes
deny said to hold — and before/after or inside/outside compared only when they are measured
from one event or one boundary, with the right statements that must not be flagged."""

from __future__ import annotations

import pytest
from grading_helpers import contradicts, found_by, grade_for, notes_bank

from interviewer.grading.keyword import KeywordGrader

RETRY_NOTES = {
    "retry_en.md": "## Explain the onRetry hook and its delay setting.\n\n**onRetry** is a hook the "
                   "client calls after every failed request.\n\n- **Delay setting**: if zero, the "
                   "hook runs once after the first failure. If omitted, the hook runs after every "
                   "failure.\n- **Reset**: return a function from onRetry to reset the counters.\n",
    "retry_zh.md": "## 解释 onRetry 钩子和它的延迟设置\n\n**onRetry** 是客户端在每次请求失败之后调用的钩子。\n\n"
                   "- **延迟设置**：如果为零，钩子只在第一次失败之后运行一次；如果省略，钩子在每次失败之后都运行。\n"
                   "- **重置**：从 onRetry 返回一个函数来重置计数器。\n",
}


@pytest.mark.parametrize(
    ("title", "right", "wrong"),
    [
        ("onRetry hook",
         "onRetry is a hook the client calls after each failed request. With a zero delay the "
         "hook runs once after the first failure; if the delay is omitted the hook runs after "
         "every failure. Returning a function from onRetry gives a reset that runs before the "
         "hook runs again.",
         "onRetry is a hook the client calls before each request is sent. With a zero delay the "
         "hook runs once after the first failure; if the delay is omitted the hook runs after "
         "every failure. Returning a function from onRetry resets the counters."),
        ("onRetry 钩子",
         "onRetry 是客户端在每次请求失败之后调用的钩子。延迟为零时钩子只在第一次失败之后运行一次，省略时每次失败之后"
         "都运行。从 onRetry 返回的函数会重置计数器，它在钩子再次运行之前执行。",
         "onRetry 是客户端在每次请求发出之前调用的钩子。延迟为零时钩子只在第一次失败之后运行一次，省略时每次失败之后"
         "都运行。从 onRetry 返回的函数会重置计数器。"),
    ],
)
def test_before_and_after_contradict_only_when_measured_from_one_event(
    tmp_path_factory: pytest.TempPathFactory, title: str, right: str, wrong: str
) -> None:
    # Found on the gradewalk11 walkthrough (React notes): "the cleanup runs before the effect
    # re-runs" was read as denying "the effect runs once after the first render".
    bank = notes_bank(tmp_path_factory, RETRY_NOTES)
    grader = KeywordGrader(bank, packs=[])
    good = grade_for(grader, bank, title, right)
    bad = grade_for(grader, bank, title, wrong)
    assert not found_by(good, "contradiction") and good.score >= 8
    assert found_by(bad, "contradiction") and bad.score < good.score - 3


@pytest.mark.parametrize(
    ("notes", "right", "wrong"),
    [
        ("## 什么时候用压缩列表？\n\n集合的元素个数小于128个、每个元素都小于64字节时，用压缩列表存储。\n",
         "元素个数少于128个、每个元素都小于64字节时，集合用压缩列表存储。",
         "元素个数超过128个、每个元素都超过64字节时，集合才用压缩列表存储。"),
        ("## When does the planner pick a hash join?\n\nThe planner picks a hash join when the "
         "smaller table has fewer than 1000 rows.\n",
         "It picks a hash join when the smaller table has under 1000 rows.",
         "It picks a hash join when the smaller table exceeds 1000 rows."),
    ],
)
def test_a_threshold_said_the_other_way_round_is_a_contradiction(
    tmp_path_factory: pytest.TempPathFactory, notes: str, right: str, wrong: str
) -> None:
    # Found on the gradewalk11 walkthrough (Redis notes): "超过512个…才转换成ziplist" against
    # the notes' "小于512个" scored 8/10: "超过" was no word of a bound.
    bank = notes_bank(tmp_path_factory, {"limits.md": notes})
    grader = KeywordGrader(bank, packs=[])
    good = grader.grade(bank.questions[0], right)
    bad = grader.grade(bank.questions[0], wrong)
    assert not found_by(good, "contradiction")
    assert found_by(bad, "contradiction") and bad.score < good.score - 3


LOOP_NOTES = {
    "loop_zh.md": "## 事件循环为什么快？\n\n1. 单进程处理所有连接，没有进程切换的开销。\n"
                  "2. 非阻塞IO，一个连接没有数据时不会卡住其他连接。\n",
    "loop_en.md": "## Why is the event loop fast?\n\nIt uses non-blocking I/O, so one idle "
                  "connection never stalls the others. It is single-threaded, so it needs no "
                  "locks.\n",
}


@pytest.mark.parametrize(
    ("title", "answer", "wrong"),
    [
        ("事件循环", "它用阻塞IO，每个连接有自己的线程，单进程处理所有连接。", True),
        ("事件循环", "它用多进程处理所有连接，非阻塞IO让一个连接不会卡住其他连接。", True),
        ("事件循环", "单进程处理所有连接，没有进程切换；用非阻塞IO，一个连接没数据时不会卡住其他连接。", False),
        ("事件循环", "传统服务器用阻塞IO，一个连接一个线程；它用非阻塞IO，一个连接不会卡住其他连接。", False),
        ("event loop", "It uses blocking I/O with one thread per connection.", True),
        ("event loop", "It is multi-threaded, so connections are served in parallel.", True),
        ("event loop", "It uses non-blocking I/O, so an idle connection never stalls the others, "
                       "and being single-threaded it needs no locks.", False),
        ("event loop", "Unlike blocking I/O, its non-blocking I/O never stalls on an idle "
                       "connection.", False),
    ],
)
def test_a_term_said_with_its_prefix_turned_round_contradicts_the_notes(
    tmp_path_factory: pytest.TempPathFactory, title: str, answer: str, wrong: bool
) -> None:
    # Found on the gradewalk11 walkthrough (Redis notes): "它使用阻塞IO" against the notes'
    # "非阻塞IO" scored 9/10.
    assert contradicts(tmp_path_factory, LOOP_NOTES, title, answer) is wrong


BATCH_NOTES = {
    "batch_zh.md": "## 消息队列的批量提交有什么特点？\n\n批量提交按顺序写入所有消息，具有排他性；不具有原子性，"
                   "中途失败时已经写入的消息无法撤销。\n",
    "batch_en.md": "## What does a batch commit guarantee?\n\nA batch commit writes all messages "
                   "in order. Batch commits are not atomic: when one write fails, the earlier "
                   "writes cannot be undone.\n",
}


@pytest.mark.parametrize(
    ("title", "answer", "wrong"),
    [
        ("批量提交", "批量提交和数据库事务一样完全满足原子性，中途失败会自动撤销已经写入的消息。", True),
        ("批量提交", "批量提交按顺序写入，不保证原子性：中途失败时已经写入的消息不会撤销。", False),
        ("批量提交", "单条消息的写入具有原子性，但批量提交不具有原子性。", False),
        ("batch commit", "Batch commits are atomic, so a failed write is rolled back.", True),
        ("batch commit", "A batch commit writes messages in order but is not atomic; earlier "
                         "writes stay when one fails.", False),
        ("batch commit", "A single write is atomic, but a batch commit is not atomic.", False),
    ],
)
def test_a_term_the_notes_deny_said_to_hold_contradicts_them(
    tmp_path_factory: pytest.TempPathFactory, title: str, answer: str, wrong: bool
) -> None:
    # Found on the gradewalk11 walkthrough (Redis notes): "Redis事务…完全满足原子性…会自动回滚"
    # against the notes' "不具有原子性…无法回滚" scored 7.5/10.
    assert contradicts(tmp_path_factory, BATCH_NOTES, title, answer) is wrong


PROPS_NOTES = {
    "props_en.md": "## What are props?\n\nProps are data that comes from outside the component "
                   "and should not be changed by the component.\n",
    "props_zh.md": "## 什么是 props？\n\nprops 是从组件外部传入的数据，组件自己不能修改它。\n",
}


@pytest.mark.parametrize(
    ("title", "answer", "wrong"),
    [
        ("What are props", "Props are passed from the parent and are read-only inside the "
                           "child component.", False),
        ("What are props", "Props are data created inside the component, which changes them "
                           "freely.", True),
        ("什么是 props", "props 由父组件传入，在子组件内部是只读的。", False),
        ("什么是 props", "props 是在组件内部创建的数据，组件可以随意修改。", True),
    ],
)
def test_inside_and_outside_contradict_only_of_one_boundary(
    tmp_path_factory: pytest.TempPathFactory, title: str, answer: str, wrong: bool
) -> None:
    # Found on the gradewalk11 walkthrough (React notes): "read-only inside the child
    # component" was read as denying that props "come from outside the component" (0.5/10).
    assert contradicts(tmp_path_factory, PROPS_NOTES, title, answer) is wrong
