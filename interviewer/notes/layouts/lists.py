"""List-item questions: `- 问题？` / `1. question` with the answer indented below, inline or
absent; `12. ### Question`; nested lists whose untagged parents are context."""

from __future__ import annotations

import re

from interviewer.notes.answers import fill
from interviewer.notes.document import Block
from interviewer.notes.draft import (
    Context,
    Draft,
    Found,
    Mode,
    anchor_of,
    asks,
    ends_asking,
    is_link_only,
    names_questions,
    strip_a_label,
    strip_q_label,
)
from interviewer.notes.marks import parse_title
from interviewer.notes.markup import plain_text

NAME = "list questions"
_BOLD_QUESTION = re.compile(r"^(\*\*|__)(?=\S)(.+?[?？])\1\s*(.*)$", re.DOTALL)
# "TCP 握手几次？**三次**": the writer bolded the answer right after the question mark.
_BOLD_ANSWER = re.compile(r"^(.{4,}?[?？])[ \t]*((\*\*|__)(?=\S).+?(?<=\S)\3.*)$")
_INLINE = re.compile(r"^(.{4,}?[?？])\s+(\S.{7,})$", re.DOTALL)
_A_LINE = re.compile(r"^\s*(?:[-*+]\s+)?", re.MULTILINE)
_WHOLLY_BOLD = re.compile(r"^(\*\*|__)(?=\S)[^\n]+?(?<=\S)\1$")
_MAX_QUESTION = 300
# "- [ ] …", "- [x] …": a task list's box, ticked when the author has learnt the item.
_TASK_BOX = re.compile(r"^\[[ xX]\]\s+")
_WORD = re.compile(r"\w")
_INTERROGATIVE = re.compile(r"^(?:what|what's|why|how|when|where|which|who|whose|whom)\b", re.I)
_LABELLED_POINT = re.compile(r"^\s*(\*\*|__)(?P<label>[^*_\n]+?)(?:[:：]\1|\1\s*[:：])\s*\S")
# A code span, a quotation or a bracketed aside inside an item: a question mark there is
# shown, reported or remarked ("`path[?query]`", "The client asks: \"Where is it?\"",
# "Compare DNS results (same network?)"), not asked by the item.
_CODE_SPAN = re.compile(r"(`+)[^`]*?\1")
_QUOTED = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”|「[^」\n]*」|『[^』\n]*』")
_ASIDE = re.compile(r"\([^()\n]*\)|（[^（）\n]*）")


def match(ctx: Context, blocks: list[Block], index: int) -> Found | None:
    """A list whose items ask (most of them, or all under a heading that names questions)."""
    block = blocks[index]
    if block.kind != "list":
        return None
    before = blocks[index - 1] if index else None
    announced = (
        before is not None
        and before.kind == "paragraph"
        and plain_text(before.text).endswith((":", "："))
        and not names_questions(before.text)
    )
    if _names_own_headings(ctx, block):
        return None
    drafts = read_list(ctx, block, (), announced)
    if not drafts:
        return None
    if drafts[-1].answer:
        mode = Mode.OPEN if _pasted(ctx, block) else Mode.CLOSED
    elif len(drafts) == 1:
        # "1. What is X?" alone, then paragraphs, then "2. …": a list broken by the text
        # between its items, which is the answer (the next list question ends it).
        mode = Mode.OPEN
    else:
        mode = Mode.ANSWER_ONLY
    return Found(drafts, 1, mode)


def _names_own_headings(ctx: Context, block: Block) -> bool:
    """A list most of whose items are titles of this file's own headings ("1. HTTP 基本概念"
    over "## HTTP 基本概念"): the file's contents, written without links. Its items are asked
    where the headings answer them, not a second time, unanswered, here."""
    texts = [_first_text(item) for item in block.children if item.kind == "item" and item.children]
    texts = [text for text in texts if text]
    if len(texts) < 2:
        return False
    anchors = ctx.anchors()
    return sum(1 for text in texts if anchor_of(text) in anchors) * 2 > len(texts)


def series_after(ctx: Context, current: Draft, block: Block) -> list[Draft]:
    """A list numbered on from a numbered question ("**1.Transformer模型结构**" + its answer,
    then "2. **attention机制**"), each item a bold title and nothing more on its line: the next
    questions of that series, not a list in its answer (an answer's own list counts from 1)."""
    items = [child for child in block.children if child.kind == "item" and child.children]
    if current.number is None or not items or items[0].number != current.number + 1:
        return []
    texts = [_first_text(item) for item in items]
    if not all(_WHOLLY_BOLD.match(text) for text in texts):
        return []
    return [_item_draft(ctx, item, text, ()) for item, text in zip(items, texts, strict=True)]


def answered_items(ctx: Context, blocks: list[Block], sections: tuple[str, ...]) -> list[Draft]:
    """In the text of a heading read as an introduction beside sections of questions, the list
    items with an answer of their own indented below them ("1. Flink的特性" + its paragraphs):
    questions shaped like those of the sections beside it. An introduction's points have no
    paragraphs of their own."""
    drafts: list[Draft] = []
    for block in blocks:
        if block.kind != "list":
            continue
        for item in block.children:
            text = _first_text(item) if item.kind == "item" else ""
            below = item.children[1:]
            if not text or len(plain_text(text)) > _MAX_QUESTION:
                continue
            if not any(child.kind == "paragraph" for child in below):
                continue
            draft = _item_draft(ctx, item, text, ())
            draft.sections = sections
            drafts.append(draft)
    return drafts


def _pasted(ctx: Context, block: Block) -> bool:
    """A list whose last item's answer goes on under its question with no indentation (text
    pasted as plain lines): the paragraphs after the list, up to the next question, go on
    with that answer too."""
    last = block.children[-1] if block.children else None
    first = last.children[0] if last is not None and last.children else None
    if first is None or first.kind != "paragraph" or first.end - first.start < 2:
        return False
    line = ctx.doc.lines[first.start + 1]
    return bool(line.strip()) and not line[:1].isspace()


def _first_text(item: Block) -> str:
    """The item's own first paragraph, without a task box; "" for "..." / "…" (more to come),
    which asks nothing."""
    first = item.children[0] if item.children else None
    text = first.text.strip() if first is not None and first.kind == "paragraph" else ""
    text = _TASK_BOX.sub("", text)
    return text if _WORD.search(plain_text(text)) else ""


def _follow_up(text: str) -> bool:
    """A nested item that asks outright ("What are the exceptions?"), not an answer point."""
    return strip_q_label(text)[1] or plain_text(text).endswith(("?", "？")) or ends_asking(text)


def _asks_outright(text: str) -> bool:
    """An item whose first line asks with a question mark (outside the code it shows, and
    outside the quotations it reports and its bracketed asides unless that is all it is) or
    a Q: label."""
    line = _CODE_SPAN.sub(" ", text.split("\n")[0])
    labelled = _LABELLED_POINT.match(line)
    if labelled:
        # "**Check monitoring:** Did any job fail?": a point the answer labels asks only in
        # its label; the questions after the label are the ones the point says to ask.
        line = labelled.group("label")
    outside = plain_text(_ASIDE.sub(" ", _QUOTED.sub(" ", line)))
    first = outside if _WORD.search(outside) else plain_text(line)
    # A question mark before any words asks nothing: it stands for a mark the file's
    # encoding lost ("* ? Keep transactions short", once "* ✅ …").
    first = first.lstrip("?？ ")
    return strip_q_label(text)[1] or "?" in first or "？" in first


def _prompts(text: str, announced: bool = False) -> bool:
    """An item that asks by its wording ("Explain X", "如何…"), not a "如何解决：…" label — nor,
    among the points a lead-in line announces ("可以用到联合索引："), a clause that opens with a
    question word but asks nothing ("where a=1.", "when the pool is full")."""
    first = plain_text(text.split("\n")[0])
    if announced and _INTERROGATIVE.match(first):
        return False
    return asks(first) and not re.search(r"[:：]\s*\S", first)


def read_list(
    ctx: Context, block: Block, context: tuple[str, ...], announced: bool = False
) -> list[Draft]:
    """The questions of one list (and of the lists nested in its untagged items); `announced`:
    the list follows a lead-in line ending in a colon ("可以匹配上联合索引：")."""
    items = [child for child in block.children if child.kind == "item" and child.children]
    if not items:
        return []
    if any(item.children[0].kind == "heading" for item in items):
        return [
            _heading_item(ctx, item, context)
            for item in items
            if item.children[0].kind == "heading"
        ]
    texts = [_first_text(item) for item in items]
    if sum(1 for i, t in zip(items, texts, strict=True) if _contents_entry(i, t)) * 2 >= len(texts):
        return []
    # Most items must ask outright (a question mark, a Q: label); "如何解决：正则化" or
    # "Explain X" alone could be an answer's points. A heading that names questions
    # ("Behavioral Questions", "练习") vouches for a list of prompts.
    outright = sum(1 for text in texts if _asks_outright(text))
    prompts = sum(1 for text in texts if _asks_outright(text) or _prompts(text, announced))
    short = all(len(plain_text(text.split("\n")[0])) <= _MAX_QUESTION for text in texts if text)
    asking = (
        outright * 2 >= len(items)
        or (names_questions(ctx.heading) and short)
        # Once the notes keep questions in lists, "Explain X" / "Implement Y" lists are too.
        or (ctx.question_lists > 0 and prompts * 2 > len(items) and short)
    )
    if not asking or not short:
        nested: list[Draft] = []
        for item, text in zip(items, texts, strict=True):
            for child in item.children[1:]:
                if child.kind == "list":
                    nested += read_list(
                        ctx, child, (*context, plain_text(text)) if text else context
                    )
        return nested
    ctx.question_lists += 1
    drafts: list[Draft] = []
    for item, text in zip(items, texts, strict=True):
        if _groups(item, text):
            # "1. 复读机问题" over "1. 什么是复读机问题？": the nested items are the questions.
            for child in item.children[1:]:
                drafts += read_list(ctx, child, (*context, plain_text(text)))
        elif drafts and strip_a_label(text)[1]:
            # "- 问题：…？" then "- 答案：" over what answers it: the answer of that question,
            # not a question of its own.
            drafts[-1].add_answer(strip_a_label(text)[0].strip())
            drafts[-1].add_answer(*ctx.render(item.children[1:]))
        elif text:
            drafts.append(_item_draft(ctx, item, text, context))
    return drafts


def _contents_entry(item: Block, text: str) -> bool:
    """An item that names nothing, or only links somewhere with nothing under it: a contents
    entry points to an answer, it does not hold one. A link over an answer asks ("- [What is
    a set?](url)" over "<summary>Answer</summary>", "- [1-2 损失函数是什么？](#1-2)" over the
    answer indented below it); a list of the file's own headings is found apart
    (`_names_own_headings`)."""
    return not text or (is_link_only(text) and len(item.children) == 1)


def _groups(item: Block, text: str) -> bool:
    """An item that asks nothing, over nested lists whose items all ask outright."""
    below = item.children[1:]
    return (
        bool(text and below)
        and not (_asks_outright(text) or _prompts(text))
        and all(block.kind == "list" for block in below)
        and all(_follow_up(_first_text(i)) for b in below for i in b.children if i.children)
    )


def _heading_item(ctx: Context, item: Block, context: tuple[str, ...]) -> Draft:
    """`12. ### Question` with the rest of the item as its answer."""
    title = parse_title(item.children[0].text, ctx.emoji_difficulty)
    draft = Draft.titled(title, item.start + 1, NAME, item.number, context)
    fill(ctx, draft, item.children[1:], title.label_only)
    return draft


def _item_draft(ctx: Context, item: Block, text: str, context: tuple[str, ...]) -> Draft:
    text, _ = strip_q_label(text)
    first, _, rest = text.partition("\n")
    inline = ""
    bold = _BOLD_QUESTION.match(text)
    if bold:
        first, inline = bold.group(2), bold.group(3)
    elif tail := _BOLD_ANSWER.match(first):
        first, inline = tail.group(1), "\n".join(part for part in (tail.group(2), rest) if part)
    elif rest and strip_a_label(rest)[1]:
        inline = strip_a_label(rest)[0]
    elif rest:
        inline = rest
    else:
        split = _INLINE.match(first)
        if split and not split.group(2).rstrip().endswith(("?", "？")) and not asks(split.group(2)):
            first, inline = split.group(1), split.group(2)
    title = parse_title(first.strip().strip("*_"), ctx.emoji_difficulty)
    draft = Draft.titled(title, item.start + 1, NAME, item.number, context)
    if inline.strip():
        draft.add_answer(strip_a_label(inline.strip())[0])
    below = item.children[1:]
    follow_ups = [b for b in below if b.kind == "list"]
    if (
        below
        and len(follow_ups) == len(below)
        and all(_follow_up(_first_text(i)) for b in follow_ups for i in b.children if i.children)
    ):
        draft.prompt.append(ctx.render(below)[0])
        return draft
    answer, plain = ctx.render(below)
    answer = (
        strip_a_label(_A_LINE.sub("", answer, count=1))[0]
        if strip_a_label(_A_LINE.sub("", answer, count=1))[1]
        else answer
    )
    draft.add_answer(answer, plain)
    return draft
