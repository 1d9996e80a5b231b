"""Display math between `$$` lines is one block of text: a line of `=` in an aligned formula
is no heading underline, a line opening with `- \\lambda` no list item."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank
from interviewer.notes.document import parse_document

NOTES = """## 逻辑回归

### 1. 逻辑回归如何做多分类？

每个样本只属于一个类时，用 softmax：
$$
p(y=j|x)
=
\\frac{e^{\\theta_j^T x}}{\\sum_k e^{\\theta_k^T x}}
$$

### 2. 加了 L2 正则的损失是什么？

$$
L = -\\sum_i \\log p_i
- \\lambda \\|\\theta\\|^2
$$

正则项让参数变小。
"""


def test_a_formula_holds_no_heading_and_no_list(tmp_path: Path) -> None:
    path = tmp_path / "lr.md"
    path.write_text(NOTES, encoding="utf-8")
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == ["逻辑回归如何做多分类？", "加了 L2 正则的损失是什么？"]
    # The formula's "=" line made the text above it a heading: a section of its own.
    assert all("逻辑回归" in q.topics for q in questions)
    assert "\\frac{e^" in questions[0].answer and "正则项让参数变小" in questions[1].answer
    assert "\\lambda" in questions[1].answer


def test_dollars_that_open_no_formula_stay_text() -> None:
    blocks = parse_document("价格是 $$ 5 $$ 元\n\n$$ 没有闭合\n- 一项\n").blocks
    assert [b.kind for b in blocks] == ["paragraph", "paragraph", "list"]
    # Inline formulas opening a line do not open a block running to the next "$$".
    blocks = parse_document("$$a$$ 与 $$b$$ 之和\n\n- 一项\n\n结果是 $$c$$\n").blocks
    assert [b.kind for b in blocks] == ["paragraph", "list", "paragraph"]


def test_a_formula_on_the_lines_after_its_lead_in_stays_in_its_paragraph() -> None:
    (block,) = parse_document("函数公式如下：\n$$\ny\n=\n\\sigma(x)\n$$\n其中 x 是输入。\n").blocks
    assert block.kind == "paragraph"
    assert block.text.startswith("函数公式如下：") and block.text.endswith("其中 x 是输入。")
