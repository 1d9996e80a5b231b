"""A file that is one coding problem written up in parts (statement, idea, key points, code)
is one question, whose statement is its text and whose parts are its answer."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank

ZH = """## 题目地址(7. 翻转整数)

https://example.com/problems/reverse-integer

## 题目描述

```
给你一个整数 x，返回把它的数字倒过来的结果。

示例：输入 123，输出 321。
```

## 前置知识

- 数学

## 公司

- 某厂

## 思路

每次取出最后一位数字，乘十累加到结果上，注意溢出。

## 关键点

- 用取余拿到最后一位

## 代码

```python
def reverse(x):
    ...
```
"""

EN = """# Problem

https://example.com/problems/min-stack

# Problem Description

Design a stack that returns its minimum in constant time.

## Two stacks

### Idea

Keep a second stack holding the minimum so far.

### Code

```js
const s = [];
```

## One stack

### Idea

Store each value's difference from the minimum.
"""


def test_a_problem_write_up_is_one_question(tmp_path: Path) -> None:
    (tmp_path / "7.reverse-integer.md").write_text(ZH, encoding="utf-8")
    (tmp_path / "155.min-stack.en.md").write_text(EN, encoding="utf-8")
    questions = {q.source: q for q in load_bank([tmp_path]).questions}
    assert sorted(questions) == ["155.min-stack.en.md", "7.reverse-integer.md"]
    zh = questions["7.reverse-integer.md"]
    assert zh.title == "翻转整数"
    assert "返回把它的数字倒过来" in zh.prompt and "倒过来" not in zh.answer
    assert "乘十累加" in zh.answer and "取余" in zh.answer and "def reverse" in zh.answer
    assert "某厂" not in zh.answer and "example.com" not in zh.answer + zh.prompt
    en = questions["155.min-stack.en.md"]
    assert en.title == "min stack"
    assert en.prompt == "Design a stack that returns its minimum in constant time."
    assert "second stack" in en.answer and "difference from the minimum" in en.answer


def test_notes_with_a_problem_and_solution_per_question_are_not_one_write_up(
    tmp_path: Path,
) -> None:
    path = tmp_path / "dp.md"
    path.write_text(
        "## 1. Climbing stairs\n\n### Problem\n\nCount the ways up n stairs.\n\n### Solution\n\n"
        "Fibonacci.\n\n## 2. House robber\n\n### Problem\n\nRob houses, never two adjacent.\n\n"
        "### Solution\n\ndp[i] = max(dp[i-1], dp[i-2] + v).\n",
        encoding="utf-8",
    )
    assert len(load_bank([path]).questions) == 2
