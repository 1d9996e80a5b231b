"""A candidate's interview log (面经): the questions asked in each round, listed under the
round's heading ("### 一面", "### 二面 - 总监面", "### HR面"), are questions to practise — not
the answer of a question titled "一面"."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank

LOG = """## 某厂 提前批

### 一面

等了很久才开始。

- 项目
- Transformer 结构，大致说一下
- 懂 ELMo 吗？谈谈它的结构
- 数据处理的一些手段

### 二面 - 总监面

- 介绍一下自己
- 做过文本聚类吗

### 复盘

- 准备不够充分，项目讲得太细。
"""


def test_the_questions_of_each_round_are_questions(tmp_path: Path) -> None:
    path = tmp_path / "log.md"
    path.write_text(LOG, encoding="utf-8")
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == [
        "项目", "Transformer 结构，大致说一下", "懂 ELMo 吗？谈谈它的结构", "数据处理的一些手段",
        "介绍一下自己", "做过文本聚类吗",
    ]
    assert "一面" in questions[0].topics and "二面 - 总监面" in questions[-1].topics
