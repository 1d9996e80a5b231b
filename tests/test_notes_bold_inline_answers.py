"""A list item that asks and bolds its answer right after the question mark
("TCP 握手几次？**三次**", quiz notes kept as one line an item) is a question with that answer:
before, the title carried the answer and the question had none (sweep11d: a Chinese software
testing quiz collection)."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank

NOTES = """# 测试基础

1. 黑盒测试常用哪些用例设计方法？**A：等价类划分、B：边界值分析、D：场景法**
2. 接口测试中复杂的 json 断言要借助什么工具？**jsonpath**，而不是正则
3. 什么是**冒烟测试**？
4. 回归测试的目的是什么？ 确认修改没有引入新的缺陷，旧功能仍然正常工作。
"""


def test_a_bold_answer_after_the_question_mark_is_the_answer(tmp_path: Path) -> None:
    path = tmp_path / "quiz.md"
    path.write_text(NOTES, encoding="utf-8")
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == [
        "黑盒测试常用哪些用例设计方法？",
        "接口测试中复杂的 json 断言要借助什么工具？",
        "什么是冒烟测试？",
        "回归测试的目的是什么？",
    ]
    first, second, third, fourth = questions
    assert "等价类划分" in first.answer and first.has_reference
    assert any("等价类划分" in point for point in first.key_points)
    assert second.answer.startswith("**jsonpath**") and "而不是正则" in second.answer
    assert not third.answer
    assert fourth.answer.startswith("确认修改")
