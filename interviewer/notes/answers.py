"""Splitting what follows a question title into the rest of the question (options, code,
the question text under a bare "第 3 题") and its answer (an answer fold, an `Answer` heading
or `答：` label, else everything)."""

from __future__ import annotations

import re

from interviewer.notes.document import Block
from interviewer.notes.draft import (
    ANSWER_HEADING,
    Context,
    Draft,
    asks,
    read_metadata,
    strip_a_label,
)
from interviewer.notes.heading_bodies import without_placeholders
from interviewer.notes.labels import strip_label
from interviewer.notes.marks import is_answer_word, parse_title
from interviewer.notes.markup import plain_text, unquote

_BARE_ANSWER = re.compile(r"^(?:answers?|solutions?|答案|参考答案|解答)[:：]?$", re.IGNORECASE)
_PROMPT_HEADING = re.compile(r"^(?:题目|问题|question|problem|题干|options|选项)[:：]?$", re.I)
_LONG_TITLE = 80
_SENTENCE_END = re.compile(r"(?<=[。！？!?])\s*|(?<=\.)\s+")
_WORD = re.compile(r"\w")
_REWORDING = re.compile(
    r'^\s*(?:\*\*|__)?[^"“:：*_\n]{1,40}[:：]\s*(?:\*\*|__)?[:：]?\s*'
    r'(?:"[^"\n]{1,150}"|“[^”\n]{1,150}”)\s*[.。]?\s*$'
)
_FOLLOWING_CODE = re.compile(r"\s*(?P<fence>```|~~~)[^\n]*\n(.*?)\n\s*(?P=fence)", re.DOTALL)
_BLANK = re.compile(r"(?<!\w)_+(?!\w)|\(\s*\)|（\s*）")  # "… are _ by default.", "___", "（）"
_CJK = re.compile(r"[\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7af]")
_CHECKED = re.compile(r"^\s*[-*+]\s+\[[xX]\]\s+(.+)$", re.MULTILINE)
_TICKED = re.compile(r"^(\s*[-*+]\s+)\[[xX]\]", re.MULTILINE)
_TICK_BOX = re.compile(r"^\[([ xX])\]\s+\S")
# What a paragraph shows rather than says: code spans and images ("`git add -A`").
_SHOWN = re.compile(r"`+[^`]*`+|!\[[^\]]*\]\([^)]*\)|<img\b[^>]*>", re.IGNORECASE)
_QUOTE_LEAD = re.compile(r"^(\s*(?:> ?)+)(.*)$")
_EMPTY_QUOTE_LINE = re.compile(r"^\s*(?:>\s*)+$")


def _key(text: str) -> str:
    return re.sub(r"^[^\w]+", "", plain_text(text)).strip()


def strip_answer_label(text: str, labels: frozenset[str] = frozenset()) -> tuple[str, bool]:
    """Text without the answer label it opens with (`A:`, `**答案**：`, or one of the file's
    own `labels`), and whether it had one."""
    stripped, labelled = strip_a_label(text)
    return (stripped, labelled) if labelled else strip_label(text, labels)


def is_answer_marker(block: Block, labels: frozenset[str] = frozenset()) -> bool:
    """A block that starts an answer: an answer fold, an `Answer` heading, an `A:` label (of
    a paragraph, or of the first paragraph of a blockquote: `> **Answer:**`), or one of the
    file's own answer `labels`."""
    if block.kind == "details":
        return is_answer_word(block.summary)
    if block.kind == "heading":
        return bool(ANSWER_HEADING.match(_key(block.text)))
    if block.kind == "paragraph":
        return strip_answer_label(block.text.strip(), labels)[1]
    if block.kind == "quote":
        first = block.children[0] if block.children else None
        return first is not None and first.kind == "paragraph" and is_answer_marker(first, labels)
    return False


def _without_quoted_label(markdown: str, labels: frozenset[str]) -> str:
    """A blockquote without the answer label its first line opens with (and without the
    quote's lines the label leaves empty)."""
    lines = markdown.split("\n")
    lead = _QUOTE_LEAD.match(lines[0]) if lines else None
    if lead is None:
        return markdown
    rest, labelled = strip_answer_label(lead.group(2), labels)
    if not labelled:
        return markdown
    rest = rest.strip()
    if rest and rest != "\\":
        return "\n".join([lead.group(1) + rest, *lines[1:]])
    lines = lines[1:]
    while lines and _EMPTY_QUOTE_LINE.match(lines[0]):
        lines = lines[1:]
    return "\n".join(lines)


def render_answer_start(ctx: Context, block: Block) -> tuple[str, str]:
    """The first block of an answer as answer Markdown (and its code-free twin), without the
    answer label it may open with: the label marks where the answer starts, it is not part
    of it."""
    labels = ctx.answer_labels
    if block.kind == "paragraph":
        text, labelled = strip_answer_label(block.text.strip(), labels)
        if labelled:
            return text.strip(), text.strip()
    markdown, scan = ctx.render_one(block)
    if block.kind == "quote" and is_answer_marker(block, labels):
        return _without_quoted_label(markdown, labels), _without_quoted_label(scan, labels)
    return markdown, scan


def _asks_or_sets_up(ctx: Context, block: Block) -> bool:
    """Question material: code, option lists, tables, quotes (the question's own words, an
    example: "> 例：5 + 3 - 2，结果为 6") and text that asks or introduces."""
    if block.kind in ("code", "list", "table", "heading", "html", "quote"):
        return True
    if block.kind == "paragraph":
        clean = plain_text(block.text).strip()
        return clean.endswith(("?", "？", ":", "：")) or "___" in clean
    return False


def fill(ctx: Context, draft: Draft, body: list[Block], label_only: bool) -> None:
    """Give a draft its question text and answer from the blocks under its title."""
    kept = []
    for block in without_placeholders(ctx, body)[0]:
        if block.kind in ("paragraph", "html") and read_metadata(block.text, draft):
            continue
        kept.append(block)
    rewordings = []
    while kept and _rewords(ctx, kept[0]):
        rewordings.append(kept.pop(0))
    labels = ctx.answer_labels
    marker = next(
        (
            i
            for i, block in enumerate(kept)
            if is_answer_marker(block, labels) and not _names_a_part(kept, i)
        ),
        None,
    )
    # Under a title that names a topic ("## Q2 朴素贝叶斯"), all the text before an answer
    # fold or `答案` label is the exercise, whatever it ends with: the title does not ask, so
    # the text must. (A label of the file's own, "**特点：**", may open a part of the text.)
    options = None
    if marker is None and not label_only and _may_offer_choices(draft):
        options = _after_options(ctx, kept)
    if options is not None:
        prompt, answer = kept[:options], kept[options:]
    elif marker is not None and (
        label_only
        or (not asks(draft.title) and is_answer_marker(kept[marker]))
        or all(_asks_or_sets_up(ctx, block) for block in kept[:marker])
    ):
        prompt, answer = kept[:marker], kept[marker:]
    elif label_only:
        first = next((i for i, b in enumerate(kept) if b.kind == "paragraph"), None)
        prompt, answer = (kept[: first + 1], kept[first + 1 :]) if first is not None else ([], kept)
    else:
        prompt, answer = [], kept
    if label_only:
        paragraphs = [b for b in prompt if b.kind == "paragraph"]
        asking = [b for b in paragraphs if plain_text(b.text).endswith(("?", "？"))]
        chosen = asking or paragraphs
        if chosen:
            asked = chosen[0]
            title = parse_title(asked.text, ctx.emoji_difficulty)
            question, aside = _asking_sentences(title.text)
            draft.title = question or draft.title
            draft.difficulty = draft.difficulty or title.difficulty
            prompt = [b for b in prompt if b is not asked]
            if aside:
                draft.prompt.append(aside)
    prompt = [
        b
        for b in [*rewordings, *prompt]
        if not (b.kind == "heading" and _PROMPT_HEADING.match(_key(b.text)))
    ]
    text, _ = ctx.render(prompt)
    correct = _ticked_options(text)
    if correct:
        # The ticks are the answer: the question shows its options unticked.
        text = _TICKED.sub(r"\1[ ]", text)
    if text:
        draft.prompt.append(text)
    if correct:
        draft.add_answer("Correct: " + "; ".join(correct))
    _add_answer(ctx, draft, answer)


def _rewords(ctx: Context, block: Block) -> bool:
    """A quote right under the title that only gives other wordings of the question, each
    quoted after a label ('> **Also asked as:** "Why use multi-stage builds?"'): the
    question as interviewers put it, not the start of its answer."""
    if block.kind != "quote":
        return False
    lines = [line for line in unquote(ctx.lines(block)).split("\n") if line.strip()]
    rewordings = [_REWORDING.match(line) for line in lines]
    return bool(lines) and all(found is not None for found in rewordings)


def _ticked_options(text: str) -> list[str]:
    """The ticked options of a question's text; an option whose box has no words beside it
    is the code shown under it ("- [x] ⠀" over a fenced block)."""
    options = []
    for match in _CHECKED.finditer(text):
        option = plain_text(match.group(1))
        if not _WORD.search(option):
            shown = _FOLLOWING_CODE.match(text, match.end())
            option = shown.group(2).strip() if shown else option
        options.append(option)
    return options


def _after_options(ctx: Context, blocks: list[Block]) -> int | None:
    """Where the answer starts under a question whose options are a task list with some
    boxes ticked ("- [ ] git --v" / "- [x] git --version"), the explanation after it: the
    options (with the code each shows, indented or not) and what sets them up (code, a
    picture, the rest of the question) belong to the question. A list with every box
    ticked, or none, is a checklist, not a choice."""
    start = next((i for i, block in enumerate(blocks) if block.kind == "list"), None)
    if start is None or not all(
        _asks_or_sets_up(ctx, block) or _shows(block) for block in blocks[:start]
    ):
        return None
    boxes: list[bool] = []
    end = start
    while end < len(blocks) and blocks[end].kind in ("list", "code"):
        if blocks[end].kind == "list":
            ticks = _tick_boxes(blocks[end])
            if ticks is None:
                break
            boxes += ticks
        end += 1
    if sum(1 for block in blocks[start:end] if block.kind == "list") == 1:
        while blocks[end - 1].kind == "code":
            end -= 1  # code after the one list of options explains the answer
    return end if len(boxes) >= 2 and any(boxes) and not all(boxes) else None


def _tick_boxes(block: Block) -> list[bool] | None:
    """Whether each item of a task list is ticked; None when an item has no box."""
    boxes = []
    for item in (child for child in block.children if child.kind == "item"):
        first = item.children[0] if item.children else None
        tick = _TICK_BOX.match(first.text) if first and first.kind == "paragraph" else None
        if tick is None:
            return None
        boxes.append(tick.group(1) != " ")
    return boxes or None


def _may_offer_choices(draft: Draft) -> bool:
    """A title that asks, leaves a blank ("Calling .clone() ___."), or is numbered as a quiz's
    questions are ("Q94. Point out the wrong statement."): not a "Progress" heading."""
    title = draft.title
    return asks(title) or "?" in title or bool(_BLANK.search(title)) or draft.number is not None


def _shows(block: Block) -> bool:
    """A paragraph that only shows something — code spans, images — and says nothing."""
    return block.kind == "paragraph" and not _WORD.search(_SHOWN.sub("", block.text))


def _asking_sentences(text: str) -> tuple[str, str]:
    """A long paragraph under a question label as its question (the sentences that ask) and
    the rest ("…有哪些特点可以使其表现良好？这个问题我们都习惯到理所当然了。"); a short one,
    or one that asks in no sentence of its own, is the question whole."""
    if len(text) <= _LONG_TITLE:
        return text, ""
    sentences = [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]
    asking = [part for part in sentences if part.endswith(("?", "？"))]
    if not asking or len(asking) == len(sentences):
        return text, ""
    rest = [part for part in sentences if part not in asking]
    return " ".join(asking) if not _CJK.search(text) else "".join(asking), " ".join(rest)


def _names_a_part(blocks: list[Block], index: int) -> bool:
    """An answer word heading after a sibling that is none ("#### 解析" after "#### 加载",
    "#### 准备": the resolution phase) names a part like its siblings; one before them all
    ("#### Answer" over "#### Good to hear", "##### Additional links") labels the answer."""
    block = blocks[index]
    return block.kind == "heading" and any(
        earlier.kind == "heading"
        and earlier.level == block.level
        and not ANSWER_HEADING.match(_key(earlier.text))
        for earlier in blocks[:index]
    )


def _add_answer(ctx: Context, draft: Draft, blocks: list[Block]) -> None:
    while blocks and blocks[-1].kind == "hr":
        blocks = blocks[:-1]  # the rule that separates this question from the next
    for index, block in enumerate(blocks):
        if is_answer_marker(block) and _names_a_part(blocks, index):
            heading = ctx.lines(block)  # kept a heading (rendering would make it a label)
            draft.add_answer(heading, heading)
            continue
        if block.kind == "heading" and _BARE_ANSWER.match(_key(block.text)):
            continue
        if block.kind == "heading" and ANSWER_HEADING.match(_key(block.text)):
            draft.add_answer(plain_text(block.text))  # "#### Answer: B" → "Answer: B"
            continue
        draft.add_answer(*(render_answer_start(ctx, block) if index == 0 else ctx.render([block])))
