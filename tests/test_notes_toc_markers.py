"""A contents list between `<!-- TOC START -->` and `<!-- TOC END -->` (or markdown-toc's
`<!-- toc -->` … `<!-- tocstop -->`) is left out like one closed by `<!-- /TOC -->`. Only
`<!-- /TOC -->` closed one before, so the rest of a file behind `<!-- TOC END -->` was read as
contents and the file gave no questions (sweep11d: a Chinese testing glossary's FAQ pages)."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.notes import load_bank

BODY = """
- [什么是压测？](#什么是压测)
- [如何安装工具？](#如何安装工具)
{close}

## 常见问题

#### 什么是压测？

压测用并发线程模拟大量用户访问服务，观察吞吐量和响应时间。

#### 如何安装工具？

下载发行包，解压后配置好 JAVA_HOME 即可运行。
"""


@pytest.mark.parametrize(
    ("open_marker", "close_marker"),
    [
        ("<!-- TOC START -->", "<!-- TOC END -->"),
        ("<!-- toc -->", "<!-- tocstop -->"),
        ("<!-- TOC -->", "<!-- /TOC -->"),
        ("<!-- TOC -->", "<!-- END TOC -->"),
    ],
)
def test_contents_between_markers_are_left_out(
    tmp_path: Path, open_marker: str, close_marker: str
) -> None:
    path = tmp_path / "jmeter.md"
    path.write_text("# 工具\n\n" + open_marker + BODY.format(close=close_marker), encoding="utf-8")
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == ["什么是压测？", "如何安装工具？"]
    assert all("](#" not in q.answer for q in questions)


def test_an_opening_marker_never_closed_leaves_the_notes_below(tmp_path: Path) -> None:
    path = tmp_path / "jmeter.md"
    path.write_text("# 工具\n\n<!-- TOC -->" + BODY.format(close=""), encoding="utf-8")
    titles = [q.title for q in load_bank([path]).questions]
    assert titles == ["什么是压测？", "如何安装工具？"]
