"""Questions written as a link to their own place on the page (`[2-3-1 SVM 的原理？](#2-3-1)`
on a line of its own, the answer in the paragraphs below): notes whose list of questions at
the top links down to each, and each answer links back up the same way."""

from __future__ import annotations

import re

from interviewer.notes.document import Block
from interviewer.notes.draft import Context, Draft, Found, Mode, asks
from interviewer.notes.marks import parse_title

NAME = "linked questions"
_IN_PAGE_LINK = re.compile(r"^\[([^\[\]]+)\]\(#[^)\s]*\)$")


def _linked_text(block: Block) -> str | None:
    found = _IN_PAGE_LINK.match(block.text.strip()) if block.kind == "paragraph" else None
    return found.group(1) if found else None


def match(ctx: Context, blocks: list[Block], index: int) -> Found | None:
    """A paragraph that is only an in-page link whose text asks, with text (not another such
    link: that is a list of contents) right below it."""
    text = _linked_text(blocks[index])
    if text is None or not asks(text) or index + 1 >= len(blocks):
        return None
    below = blocks[index + 1]
    if below.kind in ("heading", "hr") or _linked_text(below) is not None:
        return None
    title = parse_title(text, ctx.emoji_difficulty)
    return Found([Draft.titled(title, blocks[index].start + 1, NAME)], 1, Mode.OPEN)
