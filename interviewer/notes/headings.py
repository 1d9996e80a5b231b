"""The notes' outline: which headings are questions, which are sections (their titles become
topics), and which are tables of contents, references or asides."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from urllib.parse import unquote

from interviewer.notes.answers import fill
from interviewer.notes.document import Block
from interviewer.notes.draft import Context, Draft, asks, is_link_only
from interviewer.notes.layouts import scan
from interviewer.notes.layouts.numbered import split_body
from interviewer.notes.marks import (
    TOC_TITLES,
    Title,
    is_non_question_title,
    is_skipped_title,
    parse_title,
)
from interviewer.notes.numbering import (
    Segment,
    answer_parts,
    numbered_levels,
    parents,
    read_bare_numbers,
)

NAME = "headings"
_IN_PAGE_LINK = re.compile(r"\[[^\]]*\]\(#[^)]*\)")
_MARKUP = re.compile(r"</?[a-zA-Z][^>]*>|<!--.*?-->", re.DOTALL)
_FRAGMENT = re.compile(r"\]\([^)\s]*#([^)\s]+)\)")
_LIST_MARK = re.compile(r"^\s*(?:[-*+|]|\d+[.)])\s*")
_CHINESE_ORDINAL = re.compile(r"^[一二三四五六七八九十]+\s*[、.．]\s*")


@dataclass
class Outline:
    """What the headings of a file hold."""

    chapter: str
    drafts: list[Draft] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    """Headings that are not questions and whose text was left out (TOC, references, asides)."""


def _segments(ctx: Context, blocks: list[Block]) -> tuple[list[Block], list[Segment]]:
    preamble: list[Block] = []
    segments: list[Segment] = []
    for block in blocks:
        if block.kind == "heading":
            title = parse_title(block.text, ctx.emoji_difficulty)
            segments.append(Segment(block, title, []))
        elif segments:
            segments[-1].body.append(block)
        else:
            preamble.append(block)
    read_bare_numbers(segments)
    return preamble, segments


def _is_toc(ctx: Context, title: str, body: list[Block]) -> bool:
    if title.strip().lower().rstrip(":：") in TOC_TITLES:
        return True
    # Lazily: most bodies show on their first line that they are not a list of links.
    lines = (line for b in body for line in ctx.lines(b).split("\n") if line.strip())
    first = next(lines, None)
    if first is not None and _toc_line(first) and all(_toc_line(line) for line in lines):
        return True
    return _links_to_own_headings(ctx, body)


def _toc_line(line: str) -> bool:
    """Only in-page links (a list or table of them), or a table's rule."""
    return bool(
        _IN_PAGE_LINK.search(line)
        and not _IN_PAGE_LINK.sub("", _LIST_MARK.sub("", line)).strip(" |")
    ) or set(line.strip()) <= set("|-: ")


def _links_to_own_headings(ctx: Context, body: list[Block]) -> bool:
    """A list whose every item is a link, most of them to headings of this very file (written
    as `#anchor` or as the file's full URL with `#anchor`): a table of contents."""
    lists = [b for b in body if b.kind == "list"]
    if not lists or any(b.kind not in ("list", "hr", "paragraph") for b in body):
        return False
    lines: list[str] = []
    for block in lists:
        for item in block.children:
            first = item.children[0] if item.children else None
            if first is None or first.kind != "paragraph" or not is_link_only(first.text):
                return False  # most answers' lists end at their first item
            lines.append(first.text)
    anchors = ctx.anchors()
    own = sum(
        1
        for line in lines
        for fragment in _FRAGMENT.findall(line)[:1]
        if unquote(fragment).lower() in anchors
    )
    return own * 2 >= len(lines)


def section_name(title: str) -> str:
    """A section title as a topic name: "一、基础知识（初级）" → "基础知识（初级）",
    "🏗️ Section 1: Foundations (1-40)" → "Foundations"."""
    name = re.sub(r"^[^\w(（]+", "", title)
    name = re.sub(
        r"^(?:section|part|chapter|第\s*\w+\s*[章节部分])\s*\d*\s*[:：.、-]?\s*",
        "",
        name,
        flags=re.I,
    )
    name = re.sub(r"\s*[(（]\s*\d+\s*[-–~]\s*\d+\s*[)）]$", "", name)
    name = _CHINESE_ORDINAL.sub("", name).strip().rstrip(":：").strip()
    return name or title.strip()


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
    stack: list[tuple[int, str, object]] = []
    bodies: list[tuple[Draft, list[Block], bool]] = []
    previous: tuple[int, int] | None = None  # (level, index in bodies) of the last question
    roles: dict[int, str] = {}  # segment index → "question", "plain" (see below), "section"
    plain: dict[int, int] = {}  # segment index → index in bodies of a plain heading question
    announcing: set[int] = set()  # bodies of "## 两种方式：" headings
    trails: dict[int, tuple[tuple[int, str, object], ...]] = {}  # body → the stack above it
    names: dict[int, str] = {}  # body of a plain heading → its name as a section
    introduced: set[int] = set()  # bodies of plain headings found to introduce sections
    for index, segment in enumerate(segments):
        level, title = segment.heading.level, segment.title
        while stack and stack[-1][0] >= level:
            stack.pop()
        if previous is not None and level < previous[0]:
            previous = None
        sections = tuple(str(entry[2]) for entry in stack if entry[1] == "section")
        if level == 1:
            inner = _section_questions(ctx, segment.body, sections, title.text)
            outline.drafts += inner
            if not (top_sections and not inner and _top_leaf(ctx, segments, index)):
                if inner:
                    roles[index] = "section"
                if top_sections and not title.text.endswith(("?", "？")):
                    if _is_toc(ctx, title.text, segment.body) or is_skipped_title(title.text):
                        stack.append((level, "skip", None))
                    else:
                        stack.append((level, "section", section_name(title.text)))
                continue
            # Notes that write every question as a top heading ("# Redis 过期策略" + its
            # answer, "# 热点 key 问题" …): such a heading is read like any other.
        enclosing = next((entry for entry in reversed(stack) if entry[1] != "section"), None)
        if enclosing is not None and enclosing[1] == "skip":
            continue
        if _introduces(ctx, enclosing, names, bodies, segment):
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
        if (
            enclosing is not None
            and (not title.marked or is_non_question_title(title.text))
            and not (after_question and (asks(title.text) or enclosing[2] in announcing))
        ):
            # An unmarked sub-heading of a question is part of its answer — unless it asks
            # and the sub-heading before it was a question too ("### 谈谈事务？", "### 如何持久化"),
            # or its parent only announced the sub-headings before that question.
            payload = enclosing[2]
            assert isinstance(payload, int)
            bodies[payload][1].extend([segment.heading, *segment.body])
            continue
        if _is_toc(ctx, title.text, segment.body) or is_skipped_title(title.text):
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
        has_body = any(_has_text(b) for b in segment.body)
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
        # A heading that asks is a question whatever its text holds; no need to look inside.
        asking = title.text.endswith(("?", "？"))
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
            continue
        deeper = index + 1 < len(segments) and segments[index + 1].heading.level > level
        bare_asking = not has_body and after_question and asks(title.text)
        announces = not has_body and _announces(segments, index)
        if (
            (
                (title.marked or title.label_only)
                and not (not has_body and deeper and not title.text.endswith(("?", "？")))
            )
            or index in owners
            or announces
            or bare_asking
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
        elif has_body and level in numbered:
            # A preface or a section's introduction: its questions are the numbered ones.
            stack.append((level, "section", section_name(title.text)))
            roles[index] = "section"
        elif has_body and not _only_links(ctx, segment.body):
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
    dropped = introduced | _introductions(
        segments, roles, plain, [*outline.drafts, *(d for d, _, _ in bodies)]
    )
    _name_introduced_sections(bodies, trails, names, dropped)
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


def _introduces(
    ctx: Context,
    enclosing: tuple[int, str, object] | None,
    names: dict[int, str],
    bodies: list[tuple[Draft, list[Block], bool]],
    segment: Segment,
) -> bool:
    """Whether an unmarked sub-heading of a plain heading (text, not asking) holds questions
    of its own (two at least): then the plain heading's text only introduced its sections."""
    if enclosing is None or enclosing[1] != "question" or enclosing[2] not in names:
        return False
    payload = enclosing[2]
    assert isinstance(payload, int)
    if segment.title.marked or asks(bodies[payload][0].title) or asks(segment.title.text):
        return False
    ctx.heading = segment.title.text
    return len(scan(ctx, segment.body)) >= 2


def _top_leaf(ctx: Context, segments: list[Segment], index: int) -> bool:
    """A top heading with text of its own and no heading under it: among several top
    headings, a question (or a plain heading) rather than a part of the file."""
    segment = segments[index]
    if index + 1 < len(segments) and segments[index + 1].heading.level > 1:
        return False
    title = segment.title.text
    return (
        any(_has_text(b) for b in segment.body)
        and not _is_toc(ctx, title, segment.body)
        and not is_skipped_title(title)
    )


def _announces(segments: list[Segment], index: int) -> bool:
    """A heading ending in a colon ("解决单点问题有两种方式：") over plain sub-headings: they
    are the parts it announces, not questions of their own."""
    title = segments[index].title
    if not title.text.rstrip().endswith((":", "：")) or index + 1 >= len(segments):
        return False
    child = segments[index + 1]
    return (
        child.heading.level > segments[index].heading.level
        and not child.title.marked
        and not asks(child.title.text)
    )


def _introductions(
    segments: list[Segment], roles: dict[int, str], plain: dict[int, int], drafts: list[Draft]
) -> set[int]:
    """Plain headings (text, no question mark, no number, not asking) that are introductions
    or placeholders, not questions: their sibling headings are sections holding the questions
    ("## 一、动机篇" among "## 二、卷积层篇" …; "## Overview" among "## Kotlin Questions")."""
    family = parents(segments)
    families: dict[tuple[int, int], list[int]] = {}
    for index, segment in enumerate(segments):
        families.setdefault((family[index], segment.heading.level), []).append(index)
    lines = sorted(draft.line for draft in drafts)
    dropped: set[int] = set()
    for index in plain:
        siblings = families[(family[index], segments[index].heading.level)]
        kinds = [roles.get(i) for i in siblings]
        if "question" in kinds:
            continue
        holding = sum(
            1 for i in siblings if roles.get(i) == "section" and _holds(segments, i, lines)
        )
        if holding >= kinds.count("plain"):
            dropped.add(plain[index])
    return dropped


def _name_introduced_sections(
    bodies: list[tuple[Draft, list[Block], bool]],
    trails: dict[int, tuple[tuple[int, str, object], ...]],
    names: dict[int, str],
    dropped: set[int],
) -> None:
    """A plain heading dropped as an introduction ("## 进程和线程" over a paragraph, then its
    "### …？" questions) was a section after all: its questions name it among their sections."""
    for index, trail in trails.items():
        if not any(kind == "question" and payload in dropped for _, kind, payload in trail):
            continue
        bodies[index][0].sections = tuple(
            str(payload) if kind == "section" else names[payload]  # type: ignore[index]
            for _, kind, payload in trail
            if kind == "section" or (kind == "question" and payload in dropped)
        )


def _holds(segments: list[Segment], index: int, lines: list[int]) -> bool:
    """Whether questions start under this heading (before the next heading at its level)."""
    level = segments[index].heading.level
    start = segments[index].heading.start + 1
    end = next(
        (s.heading.start + 1 for s in segments[index + 1 :] if s.heading.level <= level),
        None,
    )
    at = bisect_left(lines, start)
    return at < len(lines) and (end is None or lines[at] < end)


def _has_text(block: Block) -> bool:
    """Not a bare `<br>`/`<p align="center">` block: markup alone is no answer."""
    return block.kind != "html" or bool(_MARKUP.sub("", block.text).strip())


def _only_links(ctx: Context, body: list[Block]) -> bool:
    """A body of link lines only: a reference list, not an answer."""
    lines = [
        _LIST_MARK.sub("", line)
        for b in body
        if b.kind in ("paragraph", "list")
        for line in ctx.lines(b).split("\n")
        if line.strip()
    ]
    return (
        bool(lines)
        and all(b.kind in ("paragraph", "list", "hr") for b in body)
        and all(is_link_only(line) for line in lines)
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
