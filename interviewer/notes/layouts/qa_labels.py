"""`Q:`/`A:` paragraphs (also `Q：`/`A：`, `问：`/`答：`, bold labels, `<br>` line breaks)."""

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

NAME = "q-a labels"
_LABEL_NUMBER = re.compile(r"^\W*(?:Q|Question|问题?)\s*(\d+)", re.IGNORECASE)
_BREAK = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)
# `问题：` is "problem:" as often as "question:" (`问题：大量键同时过期。`).
_PROBLEM = re.compile(r"^\s*(?:\*\*|__)?\s*问题\s*(?:\*\*|__)?\s*[:：]")
# A lone lowercase `q:` names a variable as often as it labels a question ("q：query，…"
# beside "k：key，…" and "v：value，…").
_LOWER_Q = re.compile(r"^\s*q\s*[:：]")
_BOLD_LABEL = re.compile(r"^\s*(\*\*|__)(?=\S)(.+?)(?<=\S)\1[ \t]*\\?(?:\n|$)", re.DOTALL)


def clean_question(text: str) -> str:
    """A labelled question line without the bold markers and `<br>` around it."""
    return _BREAK.sub(" ", text).strip().strip("*_").strip()


def match(ctx: Context, blocks: list[Block], index: int) -> Found | None:
    """A paragraph starting with a question label; the answer label may follow in it."""
    block = blocks[index]
    if block.kind != "paragraph":
        return None
    text, labelled = strip_q_label(block.text.strip())
    if not labelled:
        return None
    if not clean_question(text.rstrip(" \\")):
        return _label_alone(ctx, blocks, index)
    lines = _BREAK.sub("\n", text).split("\n")
    split = next((i for i, line in enumerate(lines) if i and strip_a_label(line)[1]), len(lines))
    bold = _BOLD_LABEL.match(_BREAK.sub("\n", block.text.strip()))
    if split == len(lines) and bold and len(lines) > 1:
        split = _bold_question_end(lines)
    asked = " ".join(clean_question(line.rstrip(" \\")) for line in lines[:split])
    if split == len(lines) and _states_a_problem(block.text, asked, blocks[index + 1 : index + 2]):
        return None
    if (
        split == len(lines)
        and _LOWER_Q.match(block.text)
        and not asks(asked)
        and not _answered_next(blocks, index)
    ):
        return None
    title = parse_title(asked, ctx.emoji_difficulty)
    if not title.text:
        return None
    numbered = _LABEL_NUMBER.match(block.text)
    if numbered and title.number is None:
        title.number = int(numbered.group(1))
    draft = Draft.titled(title, block.start + 1, NAME)
    if split < len(lines):
        first, _ = strip_a_label(lines[split].strip())
        draft.add_answer("\n".join([first, *lines[split + 1 :]]).strip())
    return Found([draft], 1, Mode.OPEN)


def _states_a_problem(text: str, asked: str, after: list[Block]) -> bool:
    """`问题：` over a statement that no answer label follows: a problem the answer names."""
    if not _PROBLEM.match(text) or asks(asked):
        return False
    answered = bool(after) and after[0].kind == "paragraph" and strip_a_label(after[0].text)[1]
    return not answered


def _answered_next(blocks: list[Block], index: int) -> bool:
    """Whether the next block is a paragraph opening with an answer label."""
    after = blocks[index + 1 : index + 2]
    return bool(after) and after[0].kind == "paragraph" and strip_a_label(after[0].text)[1]


def _bold_question_end(lines: list[str]) -> int:
    """`**Q1: What is X?**` then the answer on the next lines: the bold line is the question.
    A bold label that only introduces (`**Q5: Scenario:**`) runs on to the line that asks."""
    if not lines[0].rstrip(" *_\\").endswith((":", "：")):
        return 1
    asking = next(
        (i for i, line in enumerate(lines) if line.rstrip(" *_\\").endswith(("?", "？"))), None
    )
    return asking + 1 if asking is not None else 1


def _label_alone(ctx: Context, blocks: list[Block], index: int) -> Found | None:
    """`Q:` as a paragraph of its own: the paragraph under it is the question, and an `A:`
    paragraph of its own after that opens the answer."""
    following = blocks[index + 1 : index + 3]
    if not following or following[0].kind != "paragraph":
        return None
    asked = following[0]
    title = parse_title(clean_question(asked.text.strip()), ctx.emoji_difficulty)
    if not title.text or strip_a_label(asked.text.strip())[1]:
        return None
    draft = Draft.titled(title, asked.start + 1, NAME)
    used = 2
    if len(following) > 1 and following[1].kind == "paragraph":
        rest, answered = strip_a_label(following[1].text.strip())
        if answered:
            used = 3
            draft.add_answer(rest.strip(" \\\n"))
    return Found([draft], used, Mode.OPEN)
