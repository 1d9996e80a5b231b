"""The layouts a question can take inside a section's text, tried in this order at each block.
(Heading questions are the notes' outline and are read by `interviewer.notes.headings`.)"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from interviewer.notes.answers import is_answer_marker, render_answer_start
from interviewer.notes.document import Block
from interviewer.notes.draft import Context, Draft, Found, Mode, read_metadata
from interviewer.notes.layouts import (
    blockquote,
    bold,
    choices,
    details,
    linked,
    lists,
    numbered,
    qa_labels,
    tables,
)
from interviewer.notes.marks import level_difficulty
from interviewer.notes.markup import plain_text


@dataclass(frozen=True)
class Layout:
    """A layout reader: its name (shown by `interviewer notes`) and its matcher."""

    name: str
    match: Callable[[Context, list[Block], int], Found | None]


# A paragraph that is only a label: "**Advanced:**", "Advanced:", "**Scenario questions**".
_LABEL_LINE = re.compile(
    r"^\s*(?:(\*\*|__)[^*_\n]{1,60}(?:\1\s*[:：]?|[:：]\s*\1)|[^\n.。!?！？]{1,60}[:：])\s*$"
)
_BASIC_WORD = re.compile(r"\bbasics?\b|基础|简单", re.IGNORECASE)

LAYOUTS: tuple[Layout, ...] = (
    Layout(details.NAME, details.match),
    Layout(tables.NAME, tables.match),
    Layout(qa_labels.NAME, qa_labels.match),
    Layout(bold.NAME, bold.match),
    Layout(linked.NAME, linked.match),
    Layout(blockquote.NAME, blockquote.match),
    Layout(choices.NAME, choices.match),
    Layout(numbered.NAME, numbered.match),
    Layout(lists.NAME, lists.match),
)


def scan(ctx: Context, blocks: list[Block]) -> list[Draft]:
    """The questions among a section's blocks; blocks after a question are its answer until
    the next question (as far as the question's layout allows)."""
    drafts: list[Draft] = []
    current: Draft | None = None
    mode = Mode.CLOSED
    part = 0  # the number of the last bold label read as a part of the current answer
    level: str | None = None  # the difficulty a label paragraph ("**Advanced:**") gave
    index = 0
    while index < len(blocks):
        block = blocks[index]
        found = next(
            (hit for layout in LAYOUTS if (hit := layout.match(ctx, blocks, index)) is not None),
            None,
        )
        if found is not None and found.drafts:
            if (
                current is not None
                and mode is Mode.OPEN
                and bold.is_part(current, found.drafts, part)
            ):
                # "**（1）Batch Normalization**" under "**v2 有哪些改进？**": its answer goes on.
                part = found.drafts[0].number or 0
                for used in blocks[index : index + found.used]:
                    _attach(ctx, current, used)
                index += found.used
                continue
            for draft in found.drafts:
                draft.difficulty = draft.difficulty or level
            drafts.extend(found.drafts)
            current, mode, part = found.drafts[-1], found.mode, 0
            index += found.used
            continue
        index += 1
        if mode is not Mode.OPEN and block.kind == "paragraph" and _LABEL_LINE.match(block.text):
            # A label between the questions starts a part of the list: "**Advanced:**" makes
            # the questions after it hard, as a heading "## Advanced" would; another label
            # ends that part.
            level = _label_level(block.text)
            continue
        if current is None or block.kind == "hr":
            continue
        if block.kind in ("paragraph", "html") and read_metadata(block.text, current):
            continue
        if block.kind == "paragraph" and current.number is not None:
            head, carried = numbered.carry_on(ctx, current, block)
            if carried:
                if head is not None and mode is Mode.OPEN:
                    _attach(ctx, current, head)
                drafts.extend(carried)
                current, mode = carried[-1], Mode.OPEN
                continue
        if block.kind == "list" and current.number is not None:
            series = lists.series_after(ctx, current, block)
            if series:
                drafts.extend(series)
                current, mode = series[-1], Mode.OPEN
                continue
        answers = mode is Mode.ANSWER_ONLY and is_answer_marker(block, ctx.answer_labels)
        if mode is Mode.OPEN or answers:
            _attach(ctx, current, block)
            mode = Mode.OPEN if mode is Mode.OPEN else Mode.CLOSED
    return drafts


def _attach(ctx: Context, draft: Draft, block: Block) -> None:
    draft.add_answer(*render_answer_start(ctx, block))


def _label_level(label: str) -> str | None:
    """The difficulty a label names, when it names one level only ("Advanced:", not
    "Commands (basic & advanced):")."""
    text = plain_text(label)
    level = level_difficulty(text)
    return level if level and not (level != "easy" and _BASIC_WORD.search(text)) else None
