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
from interviewer.notes.markup import plain_text

_BARE_ANSWER = re.compile(r"^(?:answers?|solutions?|答案|参考答案|解答)[:：]?$", re.IGNORECASE)
_PROMPT_HEADING = re.compile(r"^(?:题目|问题|question|problem|题干|options|选项)[:：]?$", re.I)
_LONG_TITLE = 80
_SENTENCE_END = re.compile(r"(?<=[。！？!?])\s*|(?<=\.)\s+")
_CJK = re.compile(r"[\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7af]")
_CHECKED = re.compile(r"^\s*[-*+]\s+\[[xX]\]\s+(.+)$", re.MULTILINE)
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
    labels = ctx.answer_labels
    parts = _part_levels(kept)
    marker = next(
        (
            i
            for i, block in enumerate(kept)
            if is_answer_marker(block, labels)
            and not (block.kind == "heading" and block.level in parts)
        ),
        None,
    )
    # Under a title that names a topic ("## Q2 朴素贝叶斯"), all the text before an answer
    # fold or `答案` label is the exercise, whatever it ends with: the title does not ask, so
    # the text must. (A label of the file's own, "**特点：**", may open a part of the text.)
    if marker is not None and (
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
        b for b in prompt if not (b.kind == "heading" and _PROMPT_HEADING.match(_key(b.text)))
    ]
    text, _ = ctx.render(prompt)
    if text:
        draft.prompt.append(text)
    correct = _CHECKED.findall(text)
    if correct:
        draft.add_answer("Correct: " + "; ".join(plain_text(option) for option in correct))
    _add_answer(ctx, draft, answer)


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


def _part_levels(blocks: list[Block]) -> set[int]:
    """Levels at which the blocks hold a heading that is no answer word: an answer word
    heading there ("#### 解析" beside "#### 加载", "#### 准备": the resolution phase) names a
    part like its siblings, it does not label the answer."""
    return {
        block.level
        for block in blocks
        if block.kind == "heading" and not ANSWER_HEADING.match(_key(block.text))
    }


def _add_answer(ctx: Context, draft: Draft, blocks: list[Block]) -> None:
    while blocks and blocks[-1].kind == "hr":
        blocks = blocks[:-1]  # the rule that separates this question from the next
    parts = _part_levels(blocks)
    for index, block in enumerate(blocks):
        if is_answer_marker(block) and block.kind == "heading" and block.level in parts:
            heading = ctx.lines(block)  # kept a heading (rendering would make it a label)
            draft.add_answer(heading, heading)
            continue
        if block.kind == "heading" and _BARE_ANSWER.match(_key(block.text)):
            continue
        if block.kind == "heading" and ANSWER_HEADING.match(_key(block.text)):
            draft.add_answer(plain_text(block.text))  # "#### Answer: B" → "Answer: B"
            continue
        draft.add_answer(*(render_answer_start(ctx, block) if index == 0 else ctx.render([block])))
