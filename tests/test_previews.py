"""Previews of note text (search results, the TUI's related notes) read as prose: no code
fences, table rules, heading marks or inline markup, cut to length at a word."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.cli.main import main
from interviewer.notes.markup import preview

CHUNK = """### 字典
| 方法 | 说明 |
| :-------- | --------: |
| dict() | 直接创建 |

```python
d = {'a': 1}
```
**注意**：`**kwargs` 也能创建字典，见 [文档](https://docs.python.org)。"""


def test_a_preview_drops_fences_table_rules_and_markup() -> None:
    text = preview(CHUNK, 200)
    assert "```" not in text and ":----" not in text and "###" not in text
    assert "**注意**" not in text and "注意" in text and "**kwargs" in text
    assert "d = {'a': 1}" in text and "dict() | 直接创建" in text


def test_a_long_preview_is_cut_with_an_ellipsis() -> None:
    text = preview("word " * 100, 40)
    assert len(text) <= 40 and text.endswith("…")


def test_search_results_show_previews_without_raw_markdown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "py.md"
    notes.write_text("# Python\n\n## 1. 如何创建字典？\n\n" + CHUNK + "\n", encoding="utf-8")
    assert main(["search", "--notes", str(notes), "创建字典"]) == 0
    out = capsys.readouterr().out
    assert "创建字典" in out and "```" not in out and ":----" not in out


def test_the_reference_shows_placeholders_in_angle_brackets(tmp_path: Path) -> None:
    from markdown_it import MarkdownIt

    from interviewer.notes import load_bank
    from interviewer.tui.widgets.reference import reference_markdown

    notes = tmp_path / "jobs.md"
    notes.write_text(
        "## How do you watch a job?\n\nkubectl describe job <job-name> shows it.<br>\n"
        "```\nkubectl logs <pod>\n```\n",
        encoding="utf-8",
    )
    (question,) = load_bank([notes]).questions
    # The TUI's Markdown widget drops inline HTML: a placeholder must reach it as text.
    tokens = MarkdownIt("gfm-like").parse(reference_markdown(question))
    inline = [child for token in tokens for child in token.children or []]
    assert "describe job <job-name> shows" in "".join(
        child.content for child in inline if child.type == "text"
    )
    assert [child.content for child in inline if child.type == "html_inline"] == ["<br>"]
    assert "kubectl logs <pod>" in next(t.content for t in tokens if t.type == "fence")
