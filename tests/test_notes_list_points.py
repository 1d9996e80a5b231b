"""Lists inside an answer that are its points, not questions: steps that quote a question,
items whose question mark is code, the points a lead-in line announces, a list of the file's
own heading titles; and a labelled question quoted alone, answered below the quote (found
on real notes by the walk10p sweep; the notes here are written for the tests)."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank


def test_steps_that_quote_a_question_or_show_one_in_code_are_the_answer(
    tmp_path: Path,
) -> None:
    path = tmp_path / "dns.md"
    path.write_text(
        "# DNS\n\n## What is DNS?\n\nIt maps names to addresses.\n\n## Lookup\n\n"
        "#### Recursive lookup\n\nThe resolver does the work.\n\n"
        '1. The client asks the resolver: "Where is `example.com`?"\n'
        '2. The resolver asks a root server: "Who serves `.com`?"\n'
        '3. The root server answers: "Ask the TLD server."\n'
        "4. The resolver returns the address.\n\n"
        "#### URL format\n\n* `scheme://host[:port]/path[?query]`\n"
        "* `scheme://user@host[:port]/path[?query]`\n\n"
        "#### Iterative lookup\n\nThe client follows the referrals.\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    titles = [q.title for q in questions]
    assert titles == ["What is DNS?", "Recursive lookup", "URL format", "Iterative lookup"]
    assert "returns the address" in questions[1].answer
    assert "[?query]" in questions[2].answer


def test_points_a_lead_in_line_announces_are_its_answer_not_prompts(tmp_path: Path) -> None:
    index = tmp_path / "index.md"
    index.write_text(
        "# 索引面试题\n\n面试常问：\n\n- 索引用了什么数据结构？\n- 什么时候不用索引？\n\n"
        "## 什么是索引？\n\n索引是数据的目录。\n\n"
        "## 联合索引\n\n联合索引按最左匹配。下面这几种查询条件可以用到联合索引：\n\n"
        "- where a=1.\n- where a=1 and b=2.\n\n下面这几种用不到：\n\n- where b=2.\n- where c=3.\n",
        encoding="utf-8",
    )
    behavioral = tmp_path / "behavioral.md"
    behavioral.write_text(
        "## Tokenization\n\n- What is a token?\n- Why does BPE help?\n\n"
        "## Behavioral\n\nPrepare these:\n\n- Tell me about a conflict\n- Describe a failure\n",
        encoding="utf-8",
    )
    questions = load_bank([index]).questions
    titles = [q.title for q in questions]
    assert "where a=1." not in titles and "where b=2." not in titles
    assert "- where c=3." in {q.title: q for q in questions}["联合索引"].answer
    assert "索引用了什么数据结构？" in titles
    # Items that ask, and prompts no lead-in announces, are questions as before.
    prompts = [q.title for q in load_bank([behavioral]).questions]
    assert prompts == [
        "What is a token?", "Why does BPE help?", "Tell me about a conflict", "Describe a failure"
    ]


def test_a_labelled_question_quoted_alone_is_answered_below_the_quote(tmp_path: Path) -> None:
    path = tmp_path / "range.md"
    path.write_text(
        "## 联合索引范围查询\n\n范围查询会停止最左匹配。\n\n"
        "> Q1: `where a > 1 and b = 2`，哪个字段用到了联合索引？\n\n"
        "a 字段用到了索引。\n\nb 字段没有用到。\n\n"
        "> Q2: `where a >= 1 and b = 2`，哪个字段用到了联合索引？\n\n两个字段都用到了。\n\n"
        "> **Q: Why quote it?**\n> A: To set it apart.\n\nA remark after the quote.\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    answers = {q.title: q.answer for q in questions}
    q1 = "where a > 1 and b = 2，哪个字段用到了联合索引？"
    assert answers[q1] == "a 字段用到了索引。\n\nb 字段没有用到。"
    assert answers["where a >= 1 and b = 2，哪个字段用到了联合索引？"] == "两个字段都用到了。"
    # A quote holding its own answer is closed: the text after it is no part of that answer.
    assert answers["Why quote it?"] == "To set it apart."


def test_a_list_of_the_files_own_heading_titles_is_its_contents(tmp_path: Path) -> None:
    path = tmp_path / "http.md"
    path.write_text(
        "# HTTP 常见面试题\n\n本文分几类：\n\n1. HTTP 基本概念\n2. HTTP  缓存技术\n3. 其他\n\n"
        "## HTTP 基本概念\n\n### HTTP 是什么？\n\n超文本传输协议。\n\n"
        "## HTTP 缓存技术\n\n### 有哪些缓存？\n\n强制缓存和协商缓存。\n\n"
        "## Questions\n\n- What is a cookie?\n- What is a session?\n",
        encoding="utf-8",
    )
    titles = [q.title for q in load_bank([path]).questions]
    assert titles == ["HTTP 是什么？", "有哪些缓存？", "What is a cookie?", "What is a session?"]


def test_a_heading_that_states_a_task_about_a_problem_keeps_its_list_as_the_answer(
    tmp_path: Path,
) -> None:
    """"Program an algorithm for the knapsack problem in a given time." asks as a sentence,
    in a word the question words miss: its one-line list is the answer, not a question
    under a section named "… problem …" (sweep11a: kojino/120-Data-Science-Interview-
    Questions programming.md lost two questions to their answers)."""
    path = tmp_path / "programming.md"
    path.write_text(
        "## Programming\n\n"
        "#### 1. Program an approximate solver for the knapsack problem in a given time.\n"
        "  - Greedy: take the best value per weight first\n"
        "#### 2. Given a list of numbers, can you return the outliers?\n"
        "  - Sort, then take the top and bottom 2.5%\n\n"
        "## Practice Problems\n\n- Design a rate limiter\n- Implement an LRU cache\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [(q.title, q.answer) for q in questions] == [
        (
            "Program an approximate solver for the knapsack problem in a given time.",
            "- Greedy: take the best value per weight first",
        ),
        (
            "Given a list of numbers, can you return the outliers?",
            "- Sort, then take the top and bottom 2.5%",
        ),
        ("Design a rate limiter", ""),
        ("Implement an LRU cache", ""),
    ]


def test_labelled_points_whose_text_asks_are_the_answer(tmp_path: Path) -> None:
    """"- **Check monitoring:** … Did any job fail?" under a question heading: a point the
    answer labels, whose text says what to ask oneself — not a question of its own (sweep11a:
    cloudwithabhoy/devops-genie, "Walk me through your day-to-day" lost its answer to two
    such points)."""
    path = tmp_path / "behavioral.md"
    path.write_text(
        "## 5. Walk me through your day as an on-call engineer.\n\n"
        "**Morning**\n"
        "- **Check monitoring:** Review the night's alerts. Did any job fail?\n"
        "- **Review pipelines:** Look for failed nightly builds.\n\n"
        "## 6. What is a runbook?\n\nSteps to follow for a known alert.\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == [
        "Walk me through your day as an on-call engineer.",
        "What is a runbook?",
    ]
    assert "Did any job fail?" in questions[0].answer


def test_scenario_headings_keep_steps_whose_asides_ask(tmp_path: Path) -> None:
    """Scenario headings quoted as the user reports them ("## 1) “Site works on my phone but
    not on my laptop”") over labelled lists of steps whose bracketed asides ask ("Compare
    DNS results (same network?)"): the steps are the answer, the quotes no part of the title
    (sweep11a: bvvivek6/PLACEMENT-REVISION SCENARIO_QA.md, scenario 1 lost its answer to
    its steps, scenario 7 to its numbered parts)."""
    path = tmp_path / "scenarios.md"
    path.write_text(
        "# Scenarios\n\n## 1) “Site works on my phone but not on my laptop”\n\n"
        "**Good approach**\n\n"
        "1. Compare DNS results from both devices (same network?)\n"
        "2. Check whether the laptop uses a proxy\n"
        "3. Run `curl -v` and see where it fails (DNS? TCP? TLS?)\n\n"
        '## 2) "What happens when you open a site?" (The Classic Question)\n\n'
        "**1. DNS**\n\n- The browser checks its cache, then asks a resolver.\n\n"
        "**2. Connection**\n\n- TCP handshake, then TLS handshake.\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == [
        "Site works on my phone but not on my laptop",
        "What happens when you open a site?",
    ]
    assert "(same network?)" in questions[0].answer
    assert "TCP handshake" in questions[1].answer


def test_items_opening_with_a_lost_mark_do_not_ask(tmp_path: Path) -> None:
    # "✅" saved in a code page that lacks it becomes "?": a checklist under a heading that
    # names its topic is that topic's answer, not questions that ask nothing.
    path = tmp_path / "sql.md"
    path.write_text(
        "## 14. Locks and Deadlocks\n\nA deadlock is two transactions each waiting for a "
        "lock the other holds.\n\n**Best practices:**\n* ? Keep transactions short\n"
        "* ? Access tables in the same order\n* ? Use the lowest isolation level that works\n\n"
        "## 15. What is a self join?\n\nA table joined with itself.\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == ["Locks and Deadlocks", "What is a self join?"]
    assert "Keep transactions short" in questions[0].answer
