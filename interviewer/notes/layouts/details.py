"""`<details><summary>Question</summary> answer </details>`: the summary asks, the fold answers."""

from __future__ import annotations

import re

from interviewer.notes.answers import fill
from interviewer.notes.document import Block
from interviewer.notes.draft import Context, Draft, Found, Mode
from interviewer.notes.marks import is_answer_word, parse_title
from interviewer.notes.markup import plain_text

NAME = "details"
_NOT_A_QUESTION = re.compile(
    r"^(?:code|example|examples|示例|代码|output|输出|hint|提示|more|更多|details|详情|详细|"
    r"click|点击|image|图|table of contents|toc|目录|show|hide|expand|collapse|note|notes)\b",
    re.IGNORECASE,
)


def match(ctx: Context, blocks: list[Block], index: int) -> Found | None:
    """A fold whose summary is a question (not "Answer", "展开", "Code" …)."""
    block = blocks[index]
    if block.kind != "details":
        return None
    summary = plain_text(block.summary)
    if not summary or is_answer_word(summary) or _NOT_A_QUESTION.match(summary):
        return None
    title = parse_title(block.summary, ctx.emoji_difficulty)
    draft = Draft.titled(title, block.start + 1, NAME)
    inner = [child for child in block.children[1:] if not _closing(child)]
    fill(ctx, draft, inner, title.label_only)
    return Found([draft], 1, Mode.CLOSED)


def _closing(block: Block) -> bool:
    return block.kind == "html" and not re.sub(r"</?(?:details|p|br)\s*/?>", "", block.text).strip()
