"""Unmarked question lines: a file pasted as plain text where each paragraph opens with a
question on its own line and the lines under it answer ("What is X?\\nX is …"), with no
heading, bold, number or label to tell them apart. Read only when no other layout found a
question in the file, and only when most paragraphs of several lines open that way."""

from __future__ import annotations

import re

from interviewer.notes.answers import render_answer_start
from interviewer.notes.document import Block
from interviewer.notes.draft import Context, Draft, asks
from interviewer.notes.marks import parse_title
from interviewer.notes.markup import plain_text

NAME = "question lines"
_MIN_QUESTIONS = 3
# "🔹 11–20: Data Structures & Operations": the part's symbol and question range go; its name
# is the section of the questions below it.
_LABEL_HEAD = re.compile(r"^[\W_]*(?:\d+\s*[-–—~]\s*\d+\s*[:：.]?\s*)?")


def read(ctx: Context, blocks: list[Block]) -> list[Draft]:
    """The questions of a file written as unmarked question lines, or none when it is not."""
    shaped = [_lines(block) for block in blocks if block.kind == "paragraph"]
    shaped = [lines for lines in shaped if len(lines) >= 2]
    opening = sum(1 for lines in shaped if _question_at(lines) is not None)
    if opening < _MIN_QUESTIONS or opening * 3 < len(shaped) * 2:
        return []
    drafts: list[Draft] = []
    section: tuple[str, ...] = ()
    for block in blocks:
        lines = _lines(block) if block.kind == "paragraph" else []
        at = _question_at(lines) if len(lines) >= 2 else None
        if at is not None:
            if at == 1:
                section = (_LABEL_HEAD.sub("", plain_text(lines[0])).strip(),)
            title = parse_title(lines[at], ctx.emoji_difficulty)
            draft = Draft.titled(title, block.start + 1 + at, NAME, sections=section)
            draft.add_answer("\n".join(lines[at + 1 :]))
            drafts.append(draft)
        elif drafts and block.kind not in ("hr", "heading"):
            drafts[-1].add_answer(*render_answer_start(ctx, block))
    return drafts


def _lines(block: Block) -> list[str]:
    return [line.strip() for line in block.text.split("\n") if line.strip()]


def _question_at(lines: list[str]) -> int | None:
    """Which line of a paragraph is its question: the first, or the second under a label line
    that opens a part ("🔹 11–20: Data Structures" above "How do sets differ from lists?")."""
    if asks(lines[0]):
        return 0
    if len(lines) >= 3 and asks(lines[1]) and not asks(lines[2]):
        return 1
    return None
