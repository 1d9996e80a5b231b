"""A list of interview questions written as empty headings ("##### RDD 机制", "##### Hadoop
怎么分片？" … one under the other, nothing under any) is that many questions the notes do not
answer yet. Before, an empty heading became a question only right after another question and
only when it asked, so a noun-phrase item ("RDD 机制") ended the run and the items after it were
read as sections until the next one that asked (sweep11d: a Chinese big-data interview list
gave 20 of its 55 questions)."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank

NOTES = """# 大数据

## 对于 spark，你需要知道的
##### RDD 机制
##### spark 和 hadoop 的区别及使用场景
##### checkpoint 检查点机制
##### 宽依赖和窄依赖
##### spark 如何保证宕机迅速恢复

## 待整理
### 网络
### 操作系统
### 数据库
"""


def test_empty_headings_listed_together_are_questions(tmp_path: Path) -> None:
    path = tmp_path / "bigdata.md"
    path.write_text(NOTES, encoding="utf-8")
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == [
        "RDD 机制",
        "spark 和 hadoop 的区别及使用场景",
        "checkpoint 检查点机制",
        "宽依赖和窄依赖",
        "spark 如何保证宕机迅速恢复",
    ]
    assert not any(q.has_reference for q in questions)
    assert all(q.topics for q in questions)


def test_a_list_of_empty_headings_under_a_question_is_not_its_answer(tmp_path: Path) -> None:
    """Five empty "###" questions left at the end of the last "##" topic were read as its
    answer's sub-headings (sweep11d: Chinese networking notes)."""
    path = tmp_path / "net.md"
    path.write_text(
        "# 计算机网络\n\n## 拥塞控制\n\n慢启动时拥塞窗口从 1 个 MSS 开始，每个 RTT 翻倍。\n\n"
        "### 输入URL会发生什么\n### http 请求的调用过程\n### http 如何保证长连接\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == [
        "拥塞控制",
        "输入URL会发生什么",
        "http 请求的调用过程",
        "http 如何保证长连接",
    ]
    assert "###" not in questions[0].answer
