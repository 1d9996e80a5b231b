"""Files that are one question each: a folder of cards named for their question
("What do you know about ArrayMap.md") whose headings only divide the answer ("## How it
works", "## Example of usage"), or a file with one `#` title over its answer and no question
of its own ("# Service vs IntentService", then text and a table)."""

from __future__ import annotations

import re

from interviewer.notes.answers import render_answer_start
from interviewer.notes.document import Block, Document
from interviewer.notes.draft import ANSWER_HEADING, Context, Draft, asks
from interviewer.notes.headings import NAME as HEADINGS
from interviewer.notes.marks import (
    is_project_file,
    is_prompt_label,
    is_skipped_title,
    parse_title,
)
from interviewer.notes.markup import plain_text
from interviewer.notes.sections import CHINESE_ORDINAL

LAYOUT = "one per file"
MIN_ANSWER_CHARS = 40
"""A lone title over less text than this heads no answer (a stub, a list of links)."""
# Sections that point elsewhere are no part of the answer: links, and the questions a card
# suggests next.
_ELSEWHERE = re.compile(
    r"^(?:(?:next|related|more|other|similar|further)\s+(?:interview\s+)?questions?|"
    r"相关(?:问题|题目|面试题)|(?:延伸|更多)(?:问题|题目))$",
    re.IGNORECASE,
)
_LANGUAGE_SUFFIX = re.compile(r"[.\-_](?:en|cn|zh|zh-cn|ja|ko)$", re.IGNORECASE)
# "05_ReLU函数…", "10.1.0 使用Redis…" — the number a file name sorts by.
_SORT_NUMBER = re.compile(r"^\d+(?:\.\d+)*\s*[_\-.、 ]\s*")


def whole_file_title(ctx: Context, drafts: list[Draft], stem: str) -> str | None:
    """The question a whole file answers, when it is one: the file's name when the name asks
    and the headings inside are not a set of marked questions; else the file's one `#`
    title when nothing in it was read as a question. None when the file is not one question."""
    top = _titles(ctx.doc)
    if len(top) > 1:
        return None
    heading = parse_title(top[0].text).text if top else ""
    named = parse_title(file_stem_title(stem)).text
    marked = [d for d in drafts if d.number is not None or d.title.endswith(("?", "？"))]
    # One question read from the file that asks (its `## 问题` section, its title) is the
    # question already.
    settled = len(drafts) == 1 and (asks(drafts[0].title) or drafts[0].title == heading)
    if asks(named) and len(marked) < 2 and not settled:
        title = heading if heading and asks(heading) else named
    elif not drafts and heading:
        title = named if asks(named) and not asks(heading) else heading
    elif not drafts and not top and named and not is_project_file(stem):
        # "==与equals.md", "mysql锁.md": a card named for its topic, its text all answer and
        # nothing in it a question or a title — the name is what the card asks about.
        title = named
    elif heading and asks(heading) and _divide_its_answer(ctx.doc, top, drafts, len(marked)):
        # "# 面试官：为什么 data 是一个函数？" over "## 一、是什么", "## 二、使用场景": the
        # title asks, the headings under it only divide its answer.
        title = heading
    else:
        return None
    text, _ = ctx.render([b for b in _answer_blocks(ctx.doc, top) if b.kind != "heading"])
    return title if len(plain_text(text)) >= MIN_ANSWER_CHARS else None


def file_stem_title(stem: str) -> str:
    """A title from a file's name: without the number it sorts by and a language suffix
    ("1.two-sum.en" → "two sum", "05_ReLU函数" → "ReLU函数")."""
    name = _LANGUAGE_SUFFIX.sub("", _SORT_NUMBER.sub("", stem))
    return " ".join(re.split(r"[_\-]+", name)).strip()


def whole_file_draft(ctx: Context, doc: Document, title: str) -> Draft:
    """The file as one question: its text below the `#` title, without the sections that
    point elsewhere (links, next questions)."""
    return file_draft(ctx, title, _answer_blocks(doc, _titles(doc)), LAYOUT)


def file_draft(ctx: Context, title: str, blocks: list[Block], layout: str) -> Draft:
    """One question titled `title` whose answer is `blocks` (a whole file's, read in
    `layout`)."""
    parsed = parse_title(title, ctx.emoji_difficulty)
    draft = Draft(
        parsed.text,
        1,
        layout,
        number=parsed.number,
        stars=parsed.stars,
        difficulty=parsed.difficulty,
        tags=list(parsed.tags),
        low_importance=parsed.low_importance,
    )
    if blocks and blocks[0].kind in ("paragraph", "quote"):
        # "**A:** …" opening the file's text marks where the answer starts, as under a heading.
        draft.add_answer(*render_answer_start(ctx, blocks[0]))
        blocks = blocks[1:]
    draft.add_answer(*ctx.render(blocks))
    return draft


def page_heading(front_title: str, blocks: list[Block]) -> tuple[str, list[Block]]:
    """The question of a page with front matter and the blocks of its answer. Sites title a
    page with its number and their own name around its heading ("【Q107】什么是 X | 高频面试题"
    over "# 什么是 X"): the page's opening `#` heading, when that title holds it, is the question
    as the page shows it, and no part of its answer."""
    first = blocks[0] if blocks else None
    if first is None or first.kind != "heading" or first.level != 1:
        return front_title, blocks
    heading = plain_text(first.text).strip()
    key = re.sub(r"\s+", "", heading).casefold()
    if not key or key not in re.sub(r"\s+", "", plain_text(front_title)).casefold():
        return front_title, blocks
    return heading, blocks[1:]


def _divide_its_answer(doc: Document, top: list[Block], drafts: list[Draft], marked: int) -> bool:
    """Whether what was read under the title divides its answer: headings only, none of them
    a marked question (a bold question or a list of them would be questions of their own) —
    or headings numbered "一、", "二、" … right under it, the numbers of the answer's parts,
    outnumbering the questions marked inside them ("为什么不是两次握手？" in "二、四次挥手")."""
    if not drafts:
        return False
    if not marked and all(draft.layout == HEADINGS for draft in drafts):
        return True
    below = [b for b in doc.blocks if b.kind == "heading" and b not in top and not _elsewhere(b)]
    level = min((b.level for b in below), default=0)
    parts = [plain_text(b.text) for b in below if b.level == level]
    ordinal = len(parts) >= 2 and all(CHINESE_ORDINAL.match(part) for part in parts)
    return ordinal and marked < len(parts)


def _titles(doc: Document) -> list[Block]:
    """The file's `#` titles, but for those over links or next questions."""
    return [b for b in doc.blocks
            if b.kind == "heading" and b.level == 1 and not _elsewhere(b)]


def _bare_label(block: Block) -> bool:
    """A heading that only labels what follows ("#### **题目**：" left empty, "#### 参考答案："):
    the file's name is the question, the text under the labels its answer."""
    if block.kind != "heading":
        return False
    key = plain_text(block.text).strip().strip("#:： ")
    return is_prompt_label(key) or bool(ANSWER_HEADING.fullmatch(key))


def _elsewhere(heading: Block) -> bool:
    text = plain_text(heading.text)
    return is_skipped_title(text) or bool(_ELSEWHERE.match(text.strip().strip("#:： ")))


def _answer_blocks(doc: Document, top: list[Block]) -> list[Block]:
    kept: list[Block] = []
    skipping = 0
    for block in doc.blocks:
        if block in top or _bare_label(block):
            continue
        if block.kind == "heading" and not (skipping and block.level > skipping):
            skipping = block.level if _elsewhere(block) else 0
        if not skipping:
            kept.append(block)
    return kept

