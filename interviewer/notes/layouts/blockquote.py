"""Blockquote questions (`> 为什么…?`, the answer below) — not quotations — and quotes that
hold `Q:`/`A:` pairs or Obsidian-style `> [!question]` callouts."""

from __future__ import annotations

import re

from interviewer.notes.answers import is_answer_marker
from interviewer.notes.document import Block
from interviewer.notes.draft import Context, Draft, Found, Mode, strip_q_label
from interviewer.notes.marks import parse_title
from interviewer.notes.markup import plain_text

NAME = "blockquote questions"
_CALLOUT = re.compile(r"^\[![\w-]+\][-+]?[^\n]*\n?")
_ATTRIBUTION = re.compile(r"^\s*(?:—|――|--|–|~|——)\s*\S")
_MAX_QUESTION = 200


def match(ctx: Context, blocks: list[Block], index: int) -> Found | None:
    """A quote that asks a short question (or is followed by its answer), or holds labelled
    questions."""
    from interviewer.notes.layouts import scan  # the quote's content is read like a section

    block = blocks[index]
    if block.kind != "quote" or not block.children:
        return None
    children = list(block.children)
    first = children[0]
    if first.kind == "paragraph" and _CALLOUT.match(first.text):
        rest = _CALLOUT.sub("", first.text, count=1)
        children[0] = Block("paragraph", first.start + 1, first.end, text=rest)
        if not rest.strip():
            children = children[1:]
    if not children:
        return None
    inner = scan(ctx, children)
    if inner and (children is not block.children or strip_q_label(children[0].text)[1]):
        # "> Q1: 哪一个字段用到了联合索引？" alone, its answer in the paragraphs below the quote:
        # a quoted question like "> 为什么…？", not a quote holding a question and its answer.
        alone = len(inner) == 1 and not inner[0].answer and len(children) == 1
        return Found(inner, 1, Mode.OPEN if alone else Mode.CLOSED)
    first = children[0]
    if first.kind != "paragraph":
        return None
    text = plain_text(first.text)
    quoted = any(_ATTRIBUTION.match(line) for line in first.text.split("\n")[1:])
    if quoted or len(text) > _MAX_QUESTION:
        return None
    # "> 16、过拟合的表现" asks without a mark when an answer fold or `答：` label follows it.
    answered = index + 1 < len(blocks) and is_answer_marker(blocks[index + 1], ctx.answer_labels)
    if not text.endswith(("?", "？")) and not (answered and len(children) == 1):
        return None
    title = parse_title(first.text, ctx.emoji_difficulty)
    draft = Draft.titled(title, block.start + 1, NAME)
    answer, plain = ctx.render(children[1:])
    draft.add_answer(answer, plain)
    return Found([draft], 1, Mode.OPEN)
