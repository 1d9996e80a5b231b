"""Headings that end with a colon ("#### 悲观锁：") right under a numbered heading with no
text of its own introduce the parts of its answer; they do not ask."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank


def test_labels_under_a_numbered_heading_are_its_answer(tmp_path: Path) -> None:
    path = tmp_path / "db.md"
    path.write_text(
        "### 12. 什么是索引？\n\n排好序的数据结构。\n\n"
        "### 13. 数据库的乐观锁和悲观锁。\n\n#### 悲观锁：\n拿到锁的事务独占数据。\n\n"
        "#### 乐观锁：\n用版本号在提交时检查冲突。\n\n"
        "#### 14. SQL 优化的一般步骤是什么？\n- 看慢查询日志\n\n"
        "### 15. 什么是死锁？\n\n两个事务互相等待对方的锁。\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == [
        "什么是索引？",
        "数据库的乐观锁和悲观锁。",
        "SQL 优化的一般步骤是什么？",
        "什么是死锁？",
    ]
    assert "独占" in questions[1].answer and "版本号" in questions[1].answer
    assert "慢查询" not in questions[1].answer
