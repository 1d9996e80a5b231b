"""Notes that write their questions as top (`#`) headings: a top heading that asks is a
question whatever its text holds."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank


def test_a_top_question_keeps_its_bold_parts_in_its_answer(tmp_path: Path) -> None:
    path = tmp_path / "redis.md"
    path.write_text(
        "# 1、Redis 是什么？\n\n一个内存中的键值数据库。\n\n"
        "# 2、Redis 有哪些数据结构？\n\n主要有五种：\n\n"
        "**（1）String 字符串**\n\n最基本的类型，一个 key 对应一个 value。\n\n"
        "**（2）Hash 哈希**\n\n一个键值对集合，适合存对象。\n\n"
        "# 3、Redis 事务相关的命令有哪几个？\n\n**（1）MULTI**\n\n开启一个事务。\n\n"
        "**（2）EXEC**\n\n执行事务中的所有命令。\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == [
        "Redis 是什么？", "Redis 有哪些数据结构？", "Redis 事务相关的命令有哪几个？",
    ]
    assert "Hash 哈希" in questions[1].answer and "适合存对象" in questions[1].answer
    assert "开启一个事务" in questions[2].answer and "执行事务" in questions[2].answer


def test_top_sections_still_hold_their_bold_questions(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(
        "# Redis\n\n**Redis 为什么快？**\n\n单线程、内存操作、IO 多路复用。\n\n"
        "# MySQL\n\n**什么是回表？**\n\n通过二级索引找到主键后再查聚簇索引。\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == ["Redis 为什么快？", "什么是回表？"]
    assert "多路复用" in questions[0].answer and "聚簇索引" in questions[1].answer


def test_the_first_heading_naming_the_file_is_its_title(tmp_path: Path) -> None:
    path = tmp_path / "操作系统.md"
    path.write_text(
        "# 操作系统\n\n> 以进程和内存为主线复习。\n\n---\n\n# 目录\n\n| 第一章 |\n| :--: |\n"
        "| [进程](#proc) |\n\n---\n\n# 内容\n\n### <span id=\"proc\">进程</span>\n\n"
        "1. 进程和线程的区别？\n\n"
        "    进程是资源分配的单位，线程是调度的单位。\n\n2. 什么是僵尸进程？\n\n"
        "    子进程已退出而父进程没有回收它的状态。\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == ["进程和线程的区别？", "什么是僵尸进程？"]
