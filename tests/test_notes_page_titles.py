"""A page with front matter, one question per file, as static sites keep them: the site
titles the page with its number and its own name around the page's heading
(`title: "【Q035】http 有哪些状态码 | 高频面试题"` over `# http 有哪些状态码`). The heading is the
question as the page shows it, and it is not part of the answer. Before, the title kept the
number and the site's name, and the answer opened by repeating the question (sweep11d: a
Chinese front-end daily-question site)."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank

PAGE = """---
title: "【Q042】什么是强缓存和协商缓存 | http高频面试题"
description: "【Q042】什么是强缓存和协商缓存 大厂面试题。"
---

# 什么是强缓存和协商缓存

强缓存：命中时不发请求，由 Cache-Control 的 max-age 决定。

协商缓存：带上 If-None-Match 询问服务器，未修改时返回 304。
"""


def test_the_pages_own_heading_is_the_question(tmp_path: Path) -> None:
    path = tmp_path / "42.md"
    path.write_text(PAGE, encoding="utf-8")
    [question] = load_bank([path]).questions
    assert question.title == "什么是强缓存和协商缓存"
    assert question.answer.startswith("强缓存")


def test_a_heading_the_title_does_not_hold_stays_in_the_answer(tmp_path: Path) -> None:
    path = tmp_path / "42.md"
    path.write_text(PAGE.replace("# 什么是强缓存和协商缓存", "# 背景"), encoding="utf-8")
    [question] = load_bank([path]).questions
    assert question.title.startswith("【Q042】")
    assert question.answer.startswith("# 背景")
