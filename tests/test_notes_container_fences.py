"""Custom containers ("::: tip 作者" … ":::"), the boxed notes of VuePress, VitePress and
Docusaurus pages, are markup: their fence lines are left out and the text inside is read as
text. CommonMark ran the fences and the note into one paragraph, so "tip 作者 回答者: …"
reached the key points and the answer showed the colons (sweep11d: a Chinese front-end
daily-question site)."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank

NOTES = """# 网络

## 1. 什么是 keep-alive？

::: tip 作者
回答者: 小明
:::

:::warning
长连接会占用服务器的连接数。
:::

keep-alive 让多个请求复用同一个 TCP 连接，省去重复握手。

```text
::: tip kept inside code
```
"""


def test_container_fences_are_not_text(tmp_path: Path) -> None:
    path = tmp_path / "http.md"
    path.write_text(NOTES, encoding="utf-8")
    [question] = load_bank([path]).questions
    assert question.title == "什么是 keep-alive？"
    assert not any(":::" in line for line in question.answer.split("```")[0].splitlines())
    assert "::: tip kept inside code" in question.answer
    assert "长连接会占用服务器的连接数。" in question.answer
    assert not any("tip" in point or "warning" in point for point in question.key_points)
