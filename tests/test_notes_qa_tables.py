"""Question-and-answer tables: a Markdown or HTML table with a question column and an answer
column holds a question a row."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank


def test_a_markdown_table_of_questions_and_answers_holds_a_question_a_row(
    tmp_path: Path,
) -> None:
    path = tmp_path / "redis.md"
    path.write_text(
        "# Redis\n\n| # | 问题 | 答案 |\n|---|---|---|\n"
        "| 1 | Redis 为什么快？ | 数据在内存中，**单线程**无锁。 |\n"
        "| 2 | 什么是缓存穿透？ | 查询不存在的数据，请求直达数据库。 |\n\n"
        "| Command | Meaning |\n|---|---|\n| GET | read a key |\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [(q.title, q.answer) for q in questions] == [
        ("Redis 为什么快？", "数据在内存中，**单线程**无锁。"),
        ("什么是缓存穿透？", "查询不存在的数据，请求直达数据库。"),
    ]


def test_an_html_table_of_questions_and_answers_holds_a_question_a_row(
    tmp_path: Path,
) -> None:
    # Exported from a wiki: no <th>, the header is the first row in bold, cells hold
    # paragraphs and entities.
    path = tmp_path / "python.md"
    path.write_text(
        '<table border="1">\n<tbody>\n<tr>\n<td><strong>Index</strong></td>\n'
        "<td><strong>Question</strong></td>\n<td><strong>Answer</strong></td>\n</tr>\n"
        "<tr>\n<td>1</td>\n<td><strong>What is PEP 8 ?</strong></td>\n"
        "<td>A style guide&nbsp;for <strong>Python</strong> code.</td>\n</tr>\n"
        "<tr>\n<td>2</td>\n<td><strong>Is Python interpreted ?</strong></td>\n"
        "<td>\n<p>It is compiled to bytecode,</p>\n<p>then interpreted.</p>\n</td>\n</tr>\n"
        "</tbody>\n</table>\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == ["What is PEP 8 ?", "Is Python interpreted ?"]
    assert questions[0].answer == "A style guide for Python code."
    assert questions[1].answer == "It is compiled to bytecode,\n\nthen interpreted."
