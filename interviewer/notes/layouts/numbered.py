"""Numbered question paragraphs: `20、Redis 集群会丢写吗？` `21、…？` — a run of numbered
paragraphs that ask, each with the text below it (if any) as its answer; a paragraph that
carries on the numbering of the question headings around it (`27.…？` between `##### 26.`
and `##### 28.`); and a line inside a paragraph that carries on the numbering of the question
above it (`18. What is X?` right under the last line of answer 17, which Markdown runs into
that paragraph: a list numbered other than 1 cannot interrupt one)."""

from __future__ import annotations

import re
from dataclasses import replace

from interviewer.notes.document import Block
from interviewer.notes.draft import Context, Draft, Found, Mode, asks, names_questions
from interviewer.notes.marks import Title, parse_title
from interviewer.notes.markup import plain_text

NAME = "numbered paragraphs"
_MIN_RUN = 3
_ASKING_SHARE = 3
"""At least one in this many paragraphs of a run asks."""
_MAX_STEP = 2
"""A run counts on by one, or skips one number (a question the notes left out)."""
_MAX_STEM = 500
"""A numbered paragraph of a run that does not ask states its question in a first line of at
most this many characters."""
_MAX_QUESTION = 150
_MAX_TITLE = 60
_STOPS = (".", "。", "!", "！", ":", "：", "?", "？")
# "21、…", "Q68. …" or "`21`. …" (the number set as code): a line that may open with a
# question's number.
_NUMBER_FIRST = re.compile(r"`?\d|Q ?\d")


def _opens_numbered(text: str) -> bool:
    return bool(_NUMBER_FIRST.match(text))


def match(ctx: Context, blocks: list[Block], index: int) -> Found | None:
    """A paragraph that is one of a run of numbered questions."""
    block = blocks[index]
    if block.kind != "paragraph" or index not in ctx.memo(blocks, "numbered", question_runs):
        return None
    return Found([paragraph_draft(ctx, block)], 1, Mode.OPEN)


def _numbered_question(ctx: Context, block: Block) -> Title | None:
    if block.kind != "paragraph" or not _opens_numbered(block.text):
        return None  # most paragraphs end here
    return _numbered_line(ctx, block.text.split("\n", 1)[0])


def _numbered_line(ctx: Context, first: str) -> Title | None:
    title = parse_title(first, ctx.emoji_difficulty)
    if title.number is None or len(plain_text(first)) > _MAX_QUESTION or not asks(title.text):
        return None
    return title


def _short_question(block: Block) -> bool:
    if block.kind != "paragraph" or "\n" in block.text.strip():
        return False
    text = plain_text(block.text)
    return len(text) <= _MAX_QUESTION and text.endswith(("?", "？"))


def question_runs(ctx: Context, blocks: list[Block]) -> set[int]:
    """Indices of the paragraphs in runs of numbered paragraphs counting on (one number may be
    skipped) where at least three, and a third, ask: the ones that do not are questions of the
    run too, worded as a quiz states them ("`16`. True or False? Terraform can …", a scenario
    set out before its question) — and of short question paragraphs right next to such a run
    (one whose number was lost)."""
    numbered = [
        (index, number, asking)
        for index, block in enumerate(blocks)
        for number, asking in [_number_of(ctx, block)]
        if number is not None
    ]
    members: set[int] = set()
    run: list[tuple[int, bool]] = []
    for position, (index, number, asking) in enumerate(numbered):
        if run and not 0 < number - numbered[position - 1][1] <= _MAX_STEP:
            members.update(_run(blocks, run))
            run = []
        run.append((index, asking))
    members.update(_run(blocks, run))
    return members


def _number_of(ctx: Context, block: Block) -> tuple[int | None, bool]:
    """The number a paragraph opens with, and whether its first line asks."""
    if block.kind != "paragraph" or not _opens_numbered(block.text):
        return None, False  # most paragraphs end here
    first = block.text.split("\n", 1)[0]
    if len(plain_text(first)) > _MAX_STEM:
        return None, False
    title = parse_title(first, ctx.emoji_difficulty)
    return title.number, asks(title.text)


def _run(blocks: list[Block], numbered: list[tuple[int, bool]]) -> list[int]:
    asking = sum(1 for _, asks_ in numbered if asks_)
    if asking < _MIN_RUN or asking * _ASKING_SHARE < len(numbered):
        return []
    run = [index for index, _ in numbered]
    before, after = run[0] - 1, run[-1] + 1
    while before >= 0 and _short_question(blocks[before]):
        run.insert(0, before)
        before -= 1
    while after < len(blocks) and _short_question(blocks[after]):
        run.append(after)
        after += 1
    return run


def paragraph_draft(ctx: Context, block: Block) -> Draft:
    """The question of a numbered paragraph; lines after its first are the answer's start.
    A number alone on the first line ("`57`.") numbers the question on the line after it."""
    first, _, rest = block.text.partition("\n")
    title = parse_title(first, ctx.emoji_difficulty)
    if not title.text and rest.strip():
        asked, _, rest = rest.strip().partition("\n")
        title = replace(parse_title(asked, ctx.emoji_difficulty), number=title.number)
    draft = Draft.titled(title, block.start + 1, NAME)
    draft.add_answer(rest.strip())
    return draft


def split_body(ctx: Context, draft: Draft, body: list[Block]) -> list[tuple[Draft, list[Block]]]:
    """A heading question's text cut where numbered questions begin inside it: a run of them,
    a paragraph that carries on the numbering of the question before it (the heading's own
    or one found here), or a line that does so inside a paragraph ("[reference](…)" then
    "Q67. What is …?" with no blank line between)."""
    if not any(block.kind == "paragraph" and _holds_number(block.text) for block in body):
        return [(draft, body)]  # most answers end here
    runs = question_runs(ctx, body)
    parts: list[tuple[Draft, list[Block]]] = [(draft, [])]
    for index, block in enumerate(body):
        number = parts[-1][0].number
        title = _numbered_question(ctx, block)
        carries = title is not None and number is not None and title.number == number + 1
        if index in runs or carries:
            question = paragraph_draft(ctx, block)
            question.sections = draft.sections
            parts.append((question, []))
        elif block.kind == "paragraph":
            head, carried = carry_on(ctx, parts[-1][0], block)
            if head is not None:
                parts[-1][1].append(head)
            parts += [(question, []) for question in carried]
        else:
            parts[-1][1].append(block)
    return parts


def _holds_number(text: str) -> bool:
    """A paragraph that opens with a number, or has a line that does."""
    return _opens_numbered(text) or any(_opens_numbered(line) for line in text.split("\n")[1:])


def carry_on(ctx: Context, draft: Draft, block: Block) -> tuple[Block | None, list[Draft]]:
    """The questions that begin inside a paragraph under `draft`, each on a line numbered one
    past the question before it, and the part of the paragraph before the first of them (None
    when there is none, or when it is only a line naming the questions that follow, such as
    "Advanced Questions": a section title, not an answer)."""
    if draft.number is None or str(draft.number + 1) not in block.text:
        return block, []  # most paragraphs end here
    lines = block.text.split("\n")
    head: Block | None = block
    carried: list[Draft] = []
    number, start = draft.number, 0
    for at, line in enumerate(lines):
        if at == 0 or not _opens_numbered(line):
            continue
        title = _numbered_line(ctx, line)
        if title is None or title.number != number + 1:
            continue
        part = _part(block, lines, start, at)
        if carried:
            carried[-1].add_answer(part.text if part else "")
        else:
            head = part
        question = Draft.titled(title, block.start + at + 1, NAME)
        question.sections = draft.sections
        carried.append(question)
        number, start = number + 1, at + 1
    if carried:
        carried[-1].add_answer("\n".join(lines[start:]).strip())
    return head, carried


def _part(block: Block, lines: list[str], start: int, end: int) -> Block | None:
    while end > start and _names_what_follows(lines[end - 1]):
        end -= 1
    text = "\n".join(lines[start:end]).strip()
    return Block("paragraph", block.start + start, block.start + end, text=text) if text else None


def _names_what_follows(line: str) -> bool:
    """A bare line such as "Advanced Questions" right above a question: a section title."""
    text = plain_text(line).strip()
    return not text or (len(text) <= _MAX_TITLE and names_questions(text)
                        and not text.endswith(_STOPS))
