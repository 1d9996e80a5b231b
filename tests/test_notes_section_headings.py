"""Section headings and what is under them: a rule under a section heading, a topic heading
over parts of its own, tables of contents and navigation links under a heading, a section
named "Index" that is a subject."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank


def test_a_section_heading_over_only_a_rule_keeps_its_questions(tmp_path: Path) -> None:
    # Found on walk10i: "## 🟡 Intermediate Questions" followed by "---" was read as a table of
    # contents (the rule looked like a table's rule), and the 20 questions under it were lost.
    path = tmp_path / "queue.md"
    path.write_text(
        "### 1. What is a queue?\nA first-in, first-out list.\n\n---\n\n"
        "## Intermediate Questions\n\n---\n\n"
        "### 2. What is a dead letter queue?\nWhere failing messages go.\n\n---\n\n"
        "### 3. What is backpressure?\nSlowing producers down.\n\n"
        "## Contents\n\n---\n\n- [Queue](#1-what-is-a-queue)\n\n---\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == [
        "What is a queue?", "What is a dead letter queue?", "What is backpressure?",
    ]


def test_a_topic_heading_over_parts_of_its_own_is_not_an_introduction(tmp_path: Path) -> None:
    # Beside sections that hold questions, a plain heading with a paragraph was dropped as an
    # introduction — and the sub-headings under it ("### GET", "### POST") with it.
    path = tmp_path / "network.md"
    path.write_text(
        "# Network\n\n## GET and POST compared\n\nBoth ask a server for something.\n\n"
        "### GET\n\nData goes in the URL, so its size is limited.\n\n### POST\n\n"
        "Data goes in the body of the request.\n\n## TCP and UDP\n\n### UDP\n\n"
        "Connectionless: no handshake, no retransmission.\n\n### TCP\n\n"
        "Reliable, ordered bytes over a connection set up by a handshake.\n",
        encoding="utf-8",
    )
    questions = {q.title: q for q in load_bank([path]).questions}
    assert "GET and POST compared" in questions
    answer = questions["GET and POST compared"].answer
    assert "in the URL" in answer and "body of the request" in answer


def test_a_table_of_contents_under_a_heading_is_no_part_of_its_answer(tmp_path: Path) -> None:
    path = tmp_path / "css.md"
    path.write_text(
        "## Why learn CSS layout?\n\nBecause every page needs one.\n\n### Contents\n\n"
        "- [1. What is the box model?](#1-what-is-the-box-model)\n"
        "- [2. What is a BFC?](#2-what-is-a-bfc)\n\n"
        "#### 1. What is the box model?\n\nContent, padding, border and margin.\n\n"
        "#### 2. What is a BFC?\n\nA block formatting context isolates its layout.\n",
        encoding="utf-8",
    )
    questions = {q.title: q for q in load_bank([path]).questions}
    assert "What is the box model?" in questions and "What is a BFC?" in questions
    assert questions["Why learn CSS layout?"].answer == "Because every page needs one."


def test_navigation_links_are_no_answer(tmp_path: Path) -> None:
    path = tmp_path / "db.md"
    path.write_text(
        "# Part 1-5 Database\n\n## Why normalize?\n\nTo store each fact once.\n\n"
        "[Back](https://example.com/notes)/[Up](#part-1-5-database)\n\n"
        "## What does the cosine distance change in clustering?\n\n"
        "[⬆ Back to top](#part-1-5-database)\n\n## What is a deadlock?\n\n"
        "Two transactions each wait for a lock the other holds.\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [(q.title, q.answer) for q in questions] == [
        ("Why normalize?", "To store each fact once."),
        ("What does the cosine distance change in clustering?", ""),
        ("What is a deadlock?", "Two transactions each wait for a lock the other holds."),
    ]


def test_a_link_back_to_the_contents_is_no_answer(tmp_path: Path) -> None:
    """"[Table of Contents](#apache-queue)" under every answer leads back up the page, as
    "Back to top" does (sweep11a: OBenner/data-engineering-interview-questions, 802
    answers ended in it)."""
    path = tmp_path / "queue.md"
    path.write_text(
        "# Apache Queue\n+ [What is a broker?](#what-is-a-broker)\n\n"
        "## What is a broker?\nA server that stores and serves messages.\n\n"
        "[Table of Contents](#apache-queue)\n\n"
        "## What is a partition?\nAn ordered log, one shard of a topic.\n\n[Contents](#top)\n",
        encoding="utf-8",
    )
    assert [(q.title, q.answer) for q in load_bank([path]).questions] == [
        ("What is a broker?", "A server that stores and serves messages."),
        ("What is a partition?", "An ordered log, one shard of a topic."),
    ]


def test_a_section_named_index_is_a_subject_not_the_contents(tmp_path: Path) -> None:
    path = tmp_path / "db.md"
    path.write_text(
        "# Database\n\n## Contents\n\n- [Index](#index)\n- [Transaction](#transaction)\n\n"
        "## Index\n\n### What is an index?\n\nA sorted structure of keys and row addresses.\n\n"
        "### Why a B-tree?\n\nFew disk reads per lookup, and ranges stay in order.\n\n"
        "## Transaction\n\n### What is a transaction?\n\nA unit of work done whole or not at all.\n",
        encoding="utf-8",
    )
    assert [q.title for q in load_bank([path]).questions] == [
        "What is an index?", "Why a B-tree?", "What is a transaction?"]


def test_a_generated_contents_mark_is_no_answer(tmp_path: Path) -> None:
    path = tmp_path / "hr.md"
    path.write_text(
        "## HR 面试\n\n[TOC]\n\n### 1. 你的缺点是什么？\n\n有时过于追求细节。\n\n"
        "### 2. 为什么选择我们？\n\n团队做的方向和我的兴趣一致。\n\n[[toc]]\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == ["你的缺点是什么？", "为什么选择我们？"]
    assert "toc" not in questions[1].answer.lower()


def test_a_numbered_heading_naming_the_questions_below_it_is_their_section(
    tmp_path: Path,
) -> None:
    # The guide numbers its topics and then "## 3. Scenario-Based Interview Questions" with a
    # word on them: that heading introduces the scenario questions, it does not ask.
    path = tmp_path / "sql.md"
    path.write_text(
        "## 1. What is an index?\n\nA sorted copy of some columns.\n\n"
        "## 2. What is a view?\n\nA stored query.\n\n"
        "## 3. Scenario-Based Interview Questions\n\nThese scenarios come from production.\n\n"
        "### Scenario 1: Slow report\n\n**Question:** A report that took 2 s now takes 30 s. "
        "Why?\n\n**Answer:** The table grew and the index no longer covers the query.\n\n"
        "### Scenario 2: Lost rows\n\n**Question:** Rows vanish after a rollback. Why?\n\n"
        "**Answer:** They were written in the rolled-back transaction.\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    titles = [q.title for q in questions]
    assert "Scenario-Based Interview Questions" not in titles
    assert len(questions) == 4
    assert "index no longer covers" in questions[2].answer
    assert "rolled-back transaction" in questions[3].answer
    assert "index no longer covers" not in questions[3].answer
