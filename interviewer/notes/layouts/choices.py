"""Multiple-choice paragraphs: `1、Which … ?()` (or code, then the question) followed by an
option list whose ticked items (`- [x] …`) or letters (`- A. …`) make it a choice; the ticks
and the explanation below (`解析：…`, `Answer: …`) are the answer."""

from __future__ import annotations

import re

from interviewer.notes.document import Block
from interviewer.notes.draft import Context, Draft, Found, Mode, asks, strip_a_label
from interviewer.notes.marks import parse_title
from interviewer.notes.markup import plain_text

NAME = "multiple choice"
_TICK = re.compile(r"^\[([ xX])\]\s*")
_LETTER = re.compile(r"^\(?([A-Ha-h])\s*[.、:：)）]\s*\S")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_BLANK = re.compile(r"\(\s*\)|（\s*）|_{3,}")
_MAX_QUESTION = 300


def match(ctx: Context, blocks: list[Block], index: int) -> Found | None:
    """A question paragraph and its option list; code just after a `---` separator and just
    before the question belongs to the question."""
    block = blocks[index]
    lead: list[Block] = []
    at = index
    if block.kind == "code":
        if index and blocks[index - 1].kind != "hr":
            return None
        while at < len(blocks) and blocks[at].kind == "code":
            lead.append(blocks[at])
            at += 1
    if at >= len(blocks) or blocks[at].kind != "paragraph":
        return None
    question = blocks[at]
    title = parse_title(question.text.split("\n")[0], ctx.emoji_difficulty)
    clean = plain_text(question.text)
    if not title.text or len(clean) > _MAX_QUESTION:
        return None
    between: list[Block] = []
    end = at + 1
    while end < len(blocks) and blocks[end].kind == "code":
        between.append(blocks[end])
        end += 1
    if end >= len(blocks) or blocks[end].kind != "list":
        return None
    options = _options(ctx, blocks[end])
    if options is None:
        return None
    texts, ticked, explanation = options
    lettered = sum(1 for text in texts if _LETTER.match(text)) >= 2
    if not (ticked or lettered) or (title.number is None and not _asks(clean)):
        return None  # "进度：" over a task list is not a question
    draft = Draft.titled(title, question.start + 1, NAME)
    rest = question.text.split("\n")[1:]
    code, _ = ctx.render([*lead, *between])
    # The ticks are the answer: the question shows its options unticked.
    listed = "\n".join(f"- [ ] {text}" if ticked else f"- {text}" for text in texts)
    draft.prompt.append("\n\n".join(part for part in ("\n".join(rest), code, listed) if part))
    if ticked:
        draft.add_answer("Correct: " + "; ".join(plain_text(texts[i]) for i in sorted(ticked)))
    if explanation:
        draft.add_answer(explanation)
    return Found([draft], end + 1 - index, Mode.OPEN)


def _asks(text: str) -> bool:
    return asks(text) or bool(_BLANK.search(text))


def _options(ctx: Context, block: Block) -> tuple[list[str], set[int], str] | None:
    """The option texts, which are ticked, and explanation lines run on into the last option
    (a line after a list item continues it unless a blank line comes first)."""
    items = [child for child in block.children if child.kind == "item"]
    if len(items) < 2:
        return None
    texts: list[str] = []
    ticked: set[int] = set()
    explanation = ""
    for i, item in enumerate(items):
        first = item.children[0] if item.children else None
        if first is None or first.kind != "paragraph":
            return None
        lines = [_BREAK.sub("", line).strip() for line in first.text.split("\n")]
        tick = _TICK.match(lines[0])
        if tick and tick.group(1) in "xX":
            ticked.add(i)
        if tick:
            lines[0] = lines[0][tick.end() :]
        texts.append(lines[0])
        tail = [line for line in lines[1:] if line]
        if tail or len(item.children) > 1:
            # The explanation ran on into this option; the items after it are the
            # explanation's own points.
            more, _ = ctx.render([*item.children[1:], *items[i + 1 :]])
            joined = "\n".join([*tail, more]).strip()
            explanation = strip_a_label(joined)[0].strip()
            if not tail or not strip_a_label(tail[0])[1]:
                return None  # options are one line each: this list is text, not options
            break
    if len(texts) < 2 or len(ticked) == len(texts):
        return None  # every item ticked: a done-list, not a choice
    return texts, ticked, explanation
