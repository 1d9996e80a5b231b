"""Bold paragraph questions: `**What is X? 👶**`, `**1)** question`, `**1) Title.** question`,
with the answer in the paragraphs (and code) below."""

from __future__ import annotations

import re

from interviewer.notes.document import Block
from interviewer.notes.draft import (
    Context,
    Draft,
    Found,
    Mode,
    asks,
    strip_a_label,
    strip_q_label,
)
from interviewer.notes.marks import parse_title
from interviewer.notes.markup import plain_text

NAME = "bold questions"
_BOLD_START = re.compile(r"^(\*\*|__)(?=\S)(.+?)(?<=\S)\1(.*)$", re.DOTALL)
_NUMBER = re.compile(r"^(?:Q\s*)?(\d+)\s*[.)、:：）]?\s*(.*)$", re.IGNORECASE)
_BREAK = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)
_MARKS_ONLY = re.compile(r"^[\s\W]*$")


def match(ctx: Context, blocks: list[Block], index: int) -> Found | None:
    """A paragraph that opens with a bold question (or a bold number before one)."""
    block = blocks[index]
    if block.kind != "paragraph":
        return None
    found = _BOLD_START.match(_BREAK.sub("\n", block.text.strip()))
    if not found:
        return None
    inner, rest = found.group(2).strip(), found.group(3)
    if strip_q_label(inner)[1] or strip_a_label(inner + " ")[1] or inner.endswith((":", "：")):
        return None
    first, _, after = rest.partition("\n")
    number = _NUMBER.match(plain_text(inner))
    if number and first.strip() and not _MARKS_ONLY.match(first):
        raw = f"{number.group(2)} {first.strip()}".strip()
        title = parse_title(raw, ctx.emoji_difficulty)
        title.number = int(number.group(1))
    else:
        title = parse_title(
            f"{inner} {first}" if _MARKS_ONLY.match(first) else inner, ctx.emoji_difficulty
        )
        if not title.marked or not title.text:
            return None
        if first.strip() and not _MARKS_ONLY.match(first):
            after = f"{first}\n{after}"
    draft = Draft.titled(title, block.start + 1, NAME)
    if after.strip():
        draft.add_answer(strip_a_label(after.strip())[0])
    return Found([draft], 1, Mode.OPEN)


def is_part(current: Draft, found: list[Draft], last: int) -> bool:
    """A numbered bold label that does not ask ("**（1）Batch Normalization**") under a question
    that does ("**v2 有哪些改进？**"): a part of that question's answer — the first of a run,
    or a later one after `last`, the number of the part before it (0: none yet)."""
    if len(found) != 1 or found[0].layout != NAME or found[0].number is None:
        return False
    number = found[0].number
    return (
        not asks(found[0].title)
        and asks(current.title)
        and (number == 1 if not last else number > last)
        # "**1. 什么是过拟合？**" then "**2. 正则化**": the next question of the series.
        and current.number != number - 1
    )
