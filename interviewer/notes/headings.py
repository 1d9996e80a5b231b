"""The notes' outline: the walk over a file's headings that reads each as a question, a
section (its title becomes a topic) or a skipped table of contents, reference list or aside.
What makes a plain heading a section is in `sections`; what makes a body no answer, in
`heading_bodies`."""

from __future__ import annotations

from dataclasses import dataclass, field

from interviewer.notes.answers import fill
from interviewer.notes.document import Block
from interviewer.notes.draft import Context, Draft, asks, is_nav_line
from interviewer.notes.heading_bodies import has_text, is_toc, only_links, without_placeholders
from interviewer.notes.label_headings import (
    answered_below,
    is_answer_label,
    is_contents,
    is_left_out,
    labels_one_question,
    opens_question,
    repeated_titles,
)
from interviewer.notes.layouts import scan
from interviewer.notes.layouts.lists import answered_items
from interviewer.notes.layouts.numbered import split_body
from interviewer.notes.marks import (
    Title,
    is_non_question_title,
    is_skipped_title,
    parse_title,
)
from interviewer.notes.numbering import Segment, answer_parts, numbered_levels, read_bare_numbers
from interviewer.notes.sections import (
    Body,
    Opened,
    announces_parts,
    heads_questions,
    introduces_sections,
    introductions,
    is_top_leaf,
    listed_question,
    name_introduced_sections,
    section_name,
    unwritten_section,
)

NAME = "headings"


@dataclass
class Outline:
    """What the headings of a file hold."""

    chapter: str
    drafts: list[Draft] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    """Headings that are not questions and whose text was left out (TOC, references, asides,
    introductions beside the sections holding the questions)."""


def _escaped_comment(blocks: list[Block], at: int) -> bool:
    """A top heading between two fenced code blocks: a comment that fell out of the fence ("# 3)
    入库检索…" after one listing and before the next), not a chapter of the notes."""
    block = blocks[at]
    return (
        block.kind == "heading"
        and block.level == 1
        and 0 < at < len(blocks) - 1
        and blocks[at - 1].fenced
        and blocks[at + 1].fenced
    )


def _segments(ctx: Context, blocks: list[Block]) -> tuple[list[Block], list[Segment]]:
    preamble: list[Block] = []
    segments: list[Segment] = []
    for at, block in enumerate(blocks):
        if _escaped_comment(blocks, at):
            block = Block("paragraph", block.start, block.end, text=block.text)
        title = parse_title(block.text, ctx.emoji_difficulty) if block.kind == "heading" else None
        if title is not None and (title.text.strip() or title.number is not None):
            segments.append(Segment(block, title, []))
        elif title is not None:
            # "#### " left empty by an editor names nothing: what follows it goes on with the
            # text above it.
            continue
        elif segments:
            segments[-1].body.append(block)
        else:
            preamble.append(block)
    for segment in segments:
        # A paragraph of navigation links says nothing: without it a question with no other
        # text is one the notes do not answer yet, not a heading over a list of links.
        body = [b for b in segment.body if not _navigation(ctx, b)]
        segment.body, segment.unwritten = without_placeholders(ctx, body)
    read_bare_numbers(segments)
    return preamble, segments


def read_outline(ctx: Context, blocks: list[Block], default_chapter: str) -> Outline:
    """Questions of the headings, and of the layouts inside each section's text."""
    preamble, segments = _segments(ctx, blocks)
    tops = [s for s in segments if s.heading.level == 1]
    # One top heading names the file; several ("# Python", "# 操作系统", "# 网络") are its
    # parts, and their titles are the sections of the questions under them.
    top_sections = len(tops) > 1
    chapter = tops[0].title.text if len(tops) == 1 else ""
    outline = Outline(chapter or default_chapter)
    numbered = numbered_levels(segments)
    owners, parts = answer_parts(segments, numbered)
    first_numbered: dict[int, int] = {}
    for index, segment in enumerate(segments):
        if segment.title.number is not None:
            first_numbered.setdefault(segment.heading.level, index)
    outline.drafts += _section_questions(ctx, preamble, (), "")
    # Open entries: (level, kind, payload); kind is "section", "question" or "skip".
    stack: list[Opened] = []
    bodies: list[Body] = []
    previous: tuple[int, int] | None = None  # (level, index in bodies) of the last question
    roles: dict[int, str] = {}  # segment index → "question", "plain" (see below), "section"
    plain: dict[int, int] = {}  # segment index → index in bodies of a plain heading question
    announcing: set[int] = set()  # bodies of "## 两种方式：" headings
    trails: dict[int, tuple[Opened, ...]] = {}  # body → the stack above it
    names: dict[int, str] = {}  # body of a plain heading → its name as a section
    introduced: set[int] = set()  # bodies of plain headings found to introduce sections
    # (level, body) of a question written under a bare "## 问题" label: the plain headings
    # after it at its level ("## 问题背景", "## 问题解答", "## 拓展") are its answer.
    prompted: tuple[int, int] | None = None
    # (level, body or None) of a heading that is only a number ("## #1", "## 7") over headings:
    # the first heading under it is the question, every heading after it (at any level under
    # the number) is part of its answer.
    wrapper: tuple[int, int | None] | None = None
    left_out: int | None = None
    # (level, last question) of a heading whose own text held questions ("## 1. Code Review"
    # over `**Question:** …`): a plain heading under it that the file repeats under every such
    # heading ("### Candidate Response Paths") goes on with that question's answer.
    held: tuple[int, Draft] | None = None
    repeated = repeated_titles(segments)
    for index, segment in enumerate(segments):
        level, title = segment.heading.level, segment.title
        while stack and stack[-1][0] >= level:
            stack.pop()
        if wrapper is not None and level <= wrapper[0]:
            wrapper = None
        if held is not None and level <= held[0]:
            held = None
        if held is not None and title.text in repeated and not title.marked:
            part = [segment.heading, *segment.body]
            while part[-1].kind == "hr":
                part.pop()  # the rule that separates this question from the next
            held[1].add_answer(*ctx.render(part))
            continue
        if left_out is not None and level <= left_out:
            left_out = None
        if wrapper is not None and left_out is None and is_left_out(ctx, segment):
            left_out = level  # "### References" in the answer: left out with what is under it
        if wrapper is not None and left_out is not None:
            continue
        if wrapper is not None:
            if wrapper[1] is None:
                sections = tuple(str(entry[2]) for entry in stack if entry[1] == "section")
                bodies.append((_heading_draft(title, segment.heading, sections), [], False))
                wrapper = (wrapper[0], len(bodies) - 1)
                roles[index] = "question"
                bodies[-1][1].extend(segment.body)
            else:
                bodies[wrapper[1]][1].extend([segment.heading, *segment.body])
            continue
        if prompted is not None and level < prompted[0]:
            prompted = None
        if previous is not None and level < previous[0]:
            previous = None
        sections = tuple(str(entry[2]) for entry in stack if entry[1] == "section")
        # Among several top headings, one that asks is a question whatever its text holds.
        top_asks = top_sections and (title.asked or title.text.endswith(("?", "？")))
        if level == 1 and not top_asks:
            inner = _section_questions(ctx, segment.body, sections, title.text)
            outline.drafts += inner
            leaf = top_sections and not inner
            if not (leaf and is_top_leaf(ctx, segments, index, default_chapter)):
                if inner:
                    roles[index] = "section"
                if top_sections and not title.text.endswith(("?", "？")):
                    if is_toc(ctx, title.text, segment.body) or is_skipped_title(title.text):
                        stack.append((level, "skip", None))
                    else:
                        stack.append((level, "section", section_name(title.text)))
                continue
            # Notes that write every question as a top heading ("# Redis 过期策略" + its
            # answer, "# 热点 key 问题" …): such a heading is read like any other.
        enclosing = next((entry for entry in reversed(stack) if entry[1] != "section"), None)
        if enclosing is not None and enclosing[1] == "skip":
            continue
        if prompted is not None and level == prompted[0]:
            if opens_question(segment):
                prompted = None  # a question of its own starts here
            elif not is_left_out(ctx, segment):
                bodies[prompted[1]][1].extend([segment.heading, *segment.body])
                stack.append((level, "question", prompted[1]))
                continue
        if (
            enclosing is None
            and previous is not None
            and previous[0] == level
            and is_answer_label(segment)
        ):
            # "#### **题目**：…" then "#### **参考答案**：", "## Answer" under "## What is …?":
            # the label heading beside a question holds that question's answer.
            bodies[previous[1]][1].extend([segment.heading, *segment.body])
            stack.append((level, "question", previous[1]))
            continue
        if enclosing is None and labels_one_question(ctx, segments, index):
            # "## 问题" over "ReLU 在 0 处不可导，为什么还能用？": the text under the label is
            # the question (read as under "第 3 题"), the headings after it answer it.
            draft = _heading_draft(title, segment.heading, sections)
            bodies.append((draft, list(segment.body), True))
            stack.append((level, "question", len(bodies) - 1))
            prompted = previous = (level, len(bodies) - 1)
            roles[index] = "question"
            continue
        if introduces_sections(ctx, enclosing, names, bodies, segment):
            # "## Supervised Learning" + an introduction over "### Basic" holding numbered
            # questions: that heading was a section with its introduction, not a question.
            assert enclosing is not None and isinstance(enclosing[2], int)
            stack[stack.index(enclosing)] = (enclosing[0], "section", names[enclosing[2]])
            introduced.add(enclosing[2])
            owner = next(i for i, body in plain.items() if body == enclosing[2])
            roles[owner] = "section"
            if previous is not None and previous[1] == enclosing[2]:
                previous = None
            sections = tuple(str(entry[2]) for entry in stack if entry[1] == "section")
            enclosing = next((entry for entry in reversed(stack) if entry[1] != "section"), None)
        if index in parts and enclosing is not None and enclosing[1] == "question":
            payload = enclosing[2]
            assert isinstance(payload, int)
            bodies[payload][1].extend([segment.heading, *segment.body])
            continue
        after_question = previous is not None and previous[0] == level
        if enclosing is not None and enclosing[1] == "question" and is_contents(ctx, segment):
            # "### 目录" under the file's title heading: the list of the questions below, no
            # part of any answer (the headings after it are not under it: a list has no parts).
            outline.skipped.append(title.text)
            continue
        if (
            enclosing is not None
            and (not title.marked or is_non_question_title(title.text))
            and not (after_question and (asks(title.text) or enclosing[2] in announcing))
            and not (segment.unwritten and asks(title.text))
            and not listed_question(segments, index)
        ):
            # An unmarked sub-heading of a question is part of its answer — unless it asks
            # and the sub-heading before it was a question too ("### 谈谈事务？", "### 如何持久化"),
            # or its parent only announced the sub-headings before that question, or it asks
            # with a placeholder for its own answer ("### L1 和 L2 的区别" + "- [ ] TODO"), or
            # it is one of a list of questions written as empty headings.
            payload = enclosing[2]
            assert isinstance(payload, int)
            bodies[payload][1].extend([segment.heading, *segment.body])
            continue
        if is_toc(ctx, title.text, segment.body) or is_skipped_title(title.text):
            stack.append((level, "skip", None))
            outline.skipped.append(title.text)
            continue
        if is_non_question_title(title.text):
            # "Code", "Summary", "FAQ" outside a question: a section, its content may ask.
            outline.drafts += _section_questions(
                ctx, segment.body, (*sections, section_name(title.text)), title.text
            )
            stack.append((level, "section", section_name(title.text)))
            continue
        # A placeholder ("- [ ] TODO") is where the answer will go: the heading is read as one
        # with a body, a question the notes do not answer yet.
        has_body = segment.unwritten or any(has_text(b) for b in segment.body)
        if (
            level in numbered
            and title.number is None
            and previous is not None
            and previous[0] == level
            and not bodies[previous[1]][1]
        ):
            # "### 6 . A startup plans …" then "### Which service would you recommend?"
            bodies[previous[1]][1].extend([segment.heading, *segment.body])
            continue
        if level in numbered and title.number is None and index < first_numbered.get(level, 0):
            stack.append((level, "section", section_name(title.text)))
            continue
        # A heading that asks, or is labelled "Q:", is a question whatever its text holds (its
        # own sub-questions, the facts it gives): no need to look inside.
        asking = title.asked or title.text.endswith(("?", "？"))
        inner = (
            []
            if title.label_only or asking or index in owners
            else _section_questions(
                ctx, segment.body, (*sections, section_name(title.text)), title.text
            )
        )
        if inner:
            stack.append((level, "section", section_name(title.text)))
            roles[index] = "section"
            outline.drafts += inner
            held = (level, inner[-1])
            continue
        if unwritten_section(segments, index):
            stack.append((level, "section", section_name(title.text)))
            roles[index] = "section"
            continue
        deeper = index + 1 < len(segments) and segments[index + 1].heading.level > level
        bare_asking = not has_body and (
            (after_question and asks(title.text)) or listed_question(segments, index)
        )
        announces = not has_body and announces_parts(segments, index)
        if (
            ((title.marked or title.label_only) and not heads_questions(title, has_body, deeper))
            or index in owners
            or announces
            or bare_asking
            or answered_below(segments, index)
        ):
            # Also "## 两种方式：" over plain sub-headings (they are its answer), and a heading
            # that asks among sibling questions with nothing under it (no answer yet).
            draft = _heading_draft(title, segment.heading, sections)
            bodies.append((draft, list(segment.body), title.label_only))
            trails[len(bodies) - 1] = tuple(stack)
            if announces:
                announcing.add(len(bodies) - 1)
            stack.append((level, "question", len(bodies) - 1))
            previous = (level, len(bodies) - 1)
            roles[index] = "question"
        elif title.label_only and deeper and title.text:
            wrapper = (level, None)
        elif has_body and level in numbered:
            # A preface or a section's introduction: its questions are the numbered ones.
            stack.append((level, "section", section_name(title.text)))
            roles[index] = "section"
        elif has_body and not only_links(ctx, segment.body):
            draft = _heading_draft(title, segment.heading, sections)
            bodies.append((draft, list(segment.body), False))
            names[len(bodies) - 1] = section_name(title.text)
            stack.append((level, "question", len(bodies) - 1))
            previous = (level, len(bodies) - 1)
            roles[index] = "question" if asks(title.text) else "plain"
            plain[index] = len(bodies) - 1
        else:
            stack.append((level, "section", section_name(title.text)))
            roles[index] = "section"
    # A plain heading over parts of its own ("## GET과 POST 비교" over "### GET", "### POST") is
    # a topic with its answer, not an introduction beside the sections.
    dropped = introduced | {
        i
        for i in introductions(
            segments, roles, plain, [*outline.drafts, *(d for d, _, _ in bodies)]
        )
        if not any(block.kind == "heading" for block in bodies[i][1])
    }
    name_introduced_sections(bodies, trails, names, dropped)
    # Said in the report: a heading's text read as an introduction is not asked about.
    outline.skipped += [bodies[i][0].title for i in sorted(dropped) if i not in introduced]
    for i in sorted(dropped - introduced):
        # Its answered list items are questions all the same: their text is not lost.
        draft, body, _ = bodies[i]
        outline.drafts += answered_items(ctx, body, (*draft.sections, names[i]))
    bodies = [entry for i, entry in enumerate(bodies) if i not in dropped]
    # Numbered questions written as paragraphs inside a heading's text are questions too.
    bodies = [
        (part, part_body, label_only and part is draft)
        for draft, body, label_only in bodies
        for part, part_body in split_body(ctx, draft, body)
    ]
    for draft, body, label_only in bodies:
        fill(ctx, draft, body, label_only)
    outline.drafts += [draft for draft, _, _ in bodies]
    outline.drafts.sort(key=lambda draft: draft.line)
    return outline


def _navigation(ctx: Context, block: Block) -> bool:
    return block.kind == "paragraph" and all(
        is_nav_line(line) for line in ctx.lines(block).split("\n") if line.strip()
    )


def _heading_draft(title: Title, heading: Block, sections: tuple[str, ...]) -> Draft:
    return Draft(
        title.text,
        heading.start + 1,
        NAME,
        number=title.number,
        stars=title.stars,
        difficulty=title.difficulty,
        tags=list(title.tags),
        sections=sections,
        low_importance=title.low_importance,
    )


def _section_questions(
    ctx: Context, body: list[Block], sections: tuple[str, ...], heading: str
) -> list[Draft]:
    ctx.heading = heading
    drafts = scan(ctx, body)
    for draft in drafts:
        draft.sections = (*sections, *draft.sections)
    return drafts
