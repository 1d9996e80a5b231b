"""An answer that only points elsewhere — links, or a references label over links — is no
answer: the notes do not say it, so nothing can be graded against it."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank


def _answers(tmp_path: Path, text: str) -> list[tuple[str, str, bool]]:
    path = tmp_path / "notes.md"
    path.write_text(text, encoding="utf-8")
    return [(q.title, q.answer, q.has_reference) for q in load_bank([path]).questions]


def test_a_heading_question_answered_only_by_links_has_no_answer(tmp_path: Path) -> None:
    answers = _answers(
        tmp_path,
        "# Vision\n\n## Questions\n\n"
        "#### 1) Implement a sparse matrix class.\n[[Answer]](https://example.com/sparse)\n\n"
        "#### 2) Reverse a linked list in place.\n\n[[Answer]](https://example.com/list)\n\n---\n\n"
        "#### 3) 线性回归与逻辑回归的区别\n\n**参考资料**\n\n"
        "- [线性回归和逻辑回归的比较](https://example.com/lr)\n- https://example.com/lr2\n\n"
        "#### 4) What is gradient descent?\n[[Answer]](https://example.com/gd)\n\n"
        "An optimization algorithm that steps against the gradient.\n\n"
        "#### 5) Why use momentum?\n\n"
        "Momentum keeps part of the last step. [[src]](https://example.com/m)\n\n"
        "#### 6) What is the integral image?\n\nReferences: [summed-area table](https://example.com/s)\n",
    )
    assert answers == [
        ("Implement a sparse matrix class.", "", False),
        ("Reverse a linked list in place.", "", False),
        ("线性回归与逻辑回归的区别", "", False),
        (
            "What is gradient descent?",
            "[[Answer]](https://example.com/gd)\n\n"
            "An optimization algorithm that steps against the gradient.",
            True,
        ),
        (
            "Why use momentum?",
            "Momentum keeps part of the last step. [[src]](https://example.com/m)",
            True,
        ),
        ("What is the integral image?", "", False),
    ]


def test_other_layouts_answered_only_by_links_have_no_answer(tmp_path: Path) -> None:
    answers = _answers(
        tmp_path,
        "**What is a hash map?**\n\n- [Hash tables explained](https://example.com/hash)\n\n"
        "**What is a heap?**\n\nA tree where each parent is at most its children.\n\n"
        "<details><summary>How does a trie work?</summary>\n\n"
        "[A trie tutorial](https://example.com/trie)\n\n</details>\n\n"
        "Q: What is a bloom filter?\n\nA: [bloom filters](https://example.com/bloom)\n",
    )
    assert answers == [
        ("What is a hash map?", "", False),
        ("What is a heap?", "A tree where each parent is at most its children.", True),
        ("How does a trie work?", "", False),
        ("What is a bloom filter?", "", False),
    ]


def test_a_link_whose_text_states_the_answer_is_still_only_a_link(tmp_path: Path) -> None:
    """A link's text names the page it points to; an article title ("Why dropout prevents
    co-adaptation") reads like a claim, and a grader cannot tell the two apart. So a bare link
    is no answer whatever its text; a sentence around it keeps the whole answer, link and all.
    A picture (linked or not) shows something: it stays an answer, as before."""
    answers = _answers(
        tmp_path,
        "## What does dropout do?\n\n[Dropout prevents co-adaptation](https://example.com/d)\n\n"
        "## Why does dropout help?\n\n"
        "It prevents co-adaptation of units ([paper](https://example.com/p)).\n\n"
        "## What does this picture show?\n\n![A ReLU curve](relu.png)\n\n"
        "## What does this diagram show?\n\n- ![](https://example.com/tcp.png)\n\n"
        "## And this one?\n\n[![](https://example.com/udp.png)](https://example.com/udp)\n",
    )
    assert [(title, has) for title, _, has in answers] == [
        ("What does dropout do?", False),
        ("Why does dropout help?", True),
        ("What does this picture show?", True),
        ("What does this diagram show?", True),
        ("And this one?", True),
    ]
    assert answers[1][1] == "It prevents co-adaptation of units ([paper](https://example.com/p))."


def test_the_notes_report_counts_link_only_answers_as_unanswered(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(
        "## 1. Implement an LRU cache.\n\n[[Answer]](https://example.com/lru)\n\n"
        "## 2. What is a cache hit?\n\nA read served from the cache.\n",
        encoding="utf-8",
    )
    bank = load_bank([path])
    assert bank.questions[0].key_points == ()
    report = bank.reports[0]
    assert (report.questions, report.answered) == (2, 1)
    assert "'Implement an LRU cache.'" in report.warnings[0]


def test_filing_fields_beside_a_link_are_no_answer(tmp_path: Path) -> None:
    """A question bank files each question under its company and category and links to the
    answer elsewhere: "公司：某厂 / 分类：CSS / [答案](…)" says nothing to grade against
    (sweep11d: a Chinese front-end question bank)."""
    answers = _answers(
        tmp_path,
        "# CSS\n\n### 什么是 BFC？\n\n公司：某厂\n\n分类：CSS\n\n"
        "[答案&解析](https://example.com/issues/1)\n\n<br/>\n\n"
        "### 盒模型有哪几种？\n\n分类：CSS\n\n"
        "标准盒模型的 width 只含内容，IE 盒模型的 width 含 padding 和 border。\n",
    )
    assert answers[0] == ("什么是 BFC？", "", False)
    assert answers[1][2] and "标准盒模型" in answers[1][1]


def test_a_short_label_ending_in_a_colon_only_labels_its_link(tmp_path: Path) -> None:
    """"欢迎在 Issue 中回答此问题: [Issue 108](…)", "推荐: http://…": the words before the link
    say where the answer is, not what it is — no answer, and no key point. A sentence before a
    link still answers (sweep11d: Chinese daily-question pages, Python notes)."""
    answers = _answers(
        tmp_path,
        "# HTTP\n\n## 什么是 Basic Auth？\n\n欢迎在 Issue 中回答此问题: [Issue 108](https://example.com/108)\n\n"
        "## 什么是 c10k 问题？\n\n服务器同时支持上万个客户端连接的问题。\n推荐: https://example.com/c10k\n\n"
        "## 什么是 keep-alive？\n\n回答者: [someone](https://example.com/u)\n\n"
        "复用同一个 TCP 连接发多个请求。\n\n官方说明：[RFC 7230](https://example.com/rfc)\n",
    )
    assert answers[0] == ("什么是 Basic Auth？", "", False)
    assert answers[1][2] and "上万个客户端" in answers[1][1]
    path = tmp_path / "notes.md"
    [_, c10k, keep_alive] = load_bank([path]).questions
    assert c10k.key_points == ("服务器同时支持上万个客户端连接的问题",)
    assert keep_alive.key_points == ("复用同一个 TCP 连接发多个请求",)
