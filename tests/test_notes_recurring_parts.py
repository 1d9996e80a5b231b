"""Topic headings whose answers are written in recurring parts ("## 1. 原子内存序" over
"### 核心语义", "### 常见误区"; "## Garbage collection" over "### How it works", "### Common
pitfalls"): a part the file writes under three headings or more is a part of their answers,
so each heading is one question — not "常见误区" asked seven times (gradewalk11b's C++
notes). Chapters whose sub-headings ask keep their questions."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank

ZH = """# C++ 面试知识点

## 1. 系统调用开销与优化

### 核心机制
用户态切换到内核态需要保存寄存器，开销在几百纳秒。

### 常见误区
系统调用并不总是很慢，vDSO 可以避免切换。

## 2. 原子内存序

### 核心语义
relaxed 只保证原子性，不保证顺序。

### 常见误区
acquire 不等于全屏障。

## 3. False Sharing

### 本质
两个线程写同一缓存行，缓存行来回失效。

### 常见误区
加 volatile 不能解决伪共享。

## 4. ABI 与 pImpl

### 为什么 private 成员变化也会破坏 ABI？
对象布局变了，调用方按旧布局访问。

### 代价
多一次间接访问。

## 5. CRTP 静态多态

### 机制
基类模板以派生类为参数，编译期分发。

### 适用边界
类型在编译期已知的场景。
"""

EN = """# Runtime notes

## Garbage collection

### How it works
A tracing collector marks what is reachable from the roots and frees the rest.

### Common pitfalls
Finalizers do not run at a predictable time.

## Escape analysis

### How it works
The compiler proves a value never leaves its function and keeps it on the stack.

### Common pitfalls
Taking an address does not always make a value escape.

## Inlining

### How it works
Small functions are copied into their callers.

### Common pitfalls
Inlining everything bloats the binary.
"""

CHAPTERS = """# 数据库

## 索引

### 什么是索引？
加速查询的数据结构。

### 小结
索引以空间换时间。

## 事务

### 什么是事务？
一组要么全做要么全不做的操作。

### 小结
事务保证 ACID。

## 锁

### 什么是行锁？
只锁住一行。

### 小结
锁粒度越小并发越高。
"""


def test_headings_answered_in_recurring_parts_are_one_question_each(tmp_path: Path) -> None:
    path = tmp_path / "cpp.md"
    path.write_text(ZH, encoding="utf-8")
    questions = load_bank([path]).questions
    titles = [q.title for q in questions]
    assert titles[:3] == ["系统调用开销与优化", "原子内存序", "False Sharing"]
    assert "常见误区" not in titles
    assert "vDSO" in questions[0].answer and "核心机制" in questions[0].answer
    # A heading whose parts ask is left to the rules it had: its question stays a question.
    assert "为什么 private 成员变化也会破坏 ABI？" in titles
    # The file answers in parts: a heading whose parts are named once is answered so too.
    assert "CRTP 静态多态" in titles and "机制" not in titles


def test_recurring_parts_in_english(tmp_path: Path) -> None:
    path = tmp_path / "runtime.md"
    path.write_text(EN, encoding="utf-8")
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == ["Garbage collection", "Escape analysis", "Inlining"]
    assert "Finalizers" in questions[0].answer


def test_chapters_whose_sub_headings_ask_keep_their_questions(tmp_path: Path) -> None:
    path = tmp_path / "db.md"
    path.write_text(CHAPTERS, encoding="utf-8")
    titles = [q.title for q in load_bank([path]).questions]
    assert "什么是索引？" in titles and "什么是事务？" in titles and "什么是行锁？" in titles
