"""Headings numbered as questions ("### 第 17 题：…", "## Q3. …") are questions whatever
their text holds, as a "Q:" label says; a quote under one, before its answer, is the
question's own text (its full wording, an example), not an answer or a second question."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank

NOTES = """## 前端面试题汇总

### 第 1 题：两个数组的交集

> 例如：给定 [1, 2, 2, 1] 和 [2, 2]，返回 [2, 2]。

解析：用哈希表记下第一个数组每个数出现的次数，遍历第二个数组时减一。

### 第 2 题：A、B 建立连接后 B 突然重启，A 处于什么状态

> 如果 A 与 B 从未相互发过数据，B 重启后 A 处于什么 TCP 状态？

解析：[第 2 题](https://example.org/issues/2)
"""


def test_a_question_numbered_heading_keeps_the_quote_under_it(tmp_path: Path) -> None:
    path = tmp_path / "fe.md"
    path.write_text(NOTES, encoding="utf-8")
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == [
        "两个数组的交集", "A、B 建立连接后 B 突然重启，A 处于什么状态",
    ]


def test_a_quote_before_the_answer_label_is_the_question_text(tmp_path: Path) -> None:
    path = tmp_path / "fe.md"
    path.write_text(NOTES, encoding="utf-8")
    first, second = load_bank([path]).questions
    assert first.answer.startswith("用哈希表记下")
    assert "返回 [2, 2]" in first.prompt
    # The second is answered only by a link: the notes do not say its answer.
    assert second.answer == "" and "从未相互发过数据" in second.prompt


def test_the_company_that_asked_is_no_answer(tmp_path: Path) -> None:
    path = tmp_path / "fe.md"
    path.write_text(
        "### 第 3 题：什么是防抖和节流？\n\n公司：某电商、某外卖\n\n"
        "解析：[第 3 题](https://example.org/issues/3)\n\n"
        "### 第 4 题：请写出下面代码的输出\n\n> ```js\n> console.log(typeof null)\n> ```\n\n"
        "来源：某大厂二面\n\n解析：输出 object，这是历史遗留的设计。\n",
        encoding="utf-8",
    )
    first, second = load_bank([path]).questions
    assert first.answer == "" and not first.has_reference
    assert second.answer == "输出 object，这是历史遗留的设计。"
    assert "typeof null" in second.prompt and "大厂" not in second.prompt
