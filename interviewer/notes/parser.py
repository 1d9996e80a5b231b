"""Markdown text → questions: which headings are questions, sections or tables of contents."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from interviewer.notes.markup import (
    derived_points,
    highlighted_points,
    highlights_to_bold,
    plain_text,
    replace_images,
)

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

_STAR = re.compile(r":star:|⭐\ufe0f?|★|🌟")
_HOLLOW_STAR = re.compile(r"☆")
_NUMBER = re.compile(
    r"^\s*(?:[Qq]\s*(?P<q>\d+)\s*[.:：、)）]?|(?P<n>\d+)\s*[.、)）．:：](?!\d)|[（(](?P<p>\d+)[)）])\s*"
)
_TRAILING_TAG = re.compile(r"\s*[（(\[【]\s*([^()（）\[\]【】]{1,12}?)\s*[)）\]】]\s*$")
_TAG_WORDS = {
    "高频", "重要", "必考", "常考", "必会", "经典", "面试", "基础", "进阶", "热门", "难", "中等",
    "简单", "易", "hot", "important", "must", "easy", "medium", "hard", "basic", "advanced",
    "frequent", "common",
}
_TOC_TITLES = {"index", "目录", "contents", "table of contents", "toc", "索引"}
_IN_PAGE_LINK = re.compile(r"\[[^\]]*\]\(#[^)]*\)")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s*")


@dataclass
class Heading:
    """A heading as the Markdown parser found it, with its source lines."""

    level: int
    raw: str
    start: int
    end: int


@dataclass
class ParsedQuestion:
    """A question before it gets its id and topics."""

    title: str
    number: int | None
    stars: int
    tags: tuple[str, ...]
    sections: tuple[str, ...]
    line: int
    answer: str
    key_points: tuple[str, ...]
    key_points_derived: bool


@dataclass
class ParsedFile:
    """What one notes file holds."""

    chapter: str
    questions: list[ParsedQuestion] = field(default_factory=list)
    unanswered: list[str] = field(default_factory=list)


@dataclass
class _Title:
    text: str
    number: int | None
    stars: int
    tags: tuple[str, ...]

    @property
    def marked(self) -> bool:
        # Numbering, stars or a question mark say "this heading is a question"
        # even when its body is only sub-headings.
        return self.number is not None or self.stars > 0 or self.text.endswith(("?", "？"))


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # Block structure is all we need here (headings, fences); skipping the inline
    # pass makes parsing several times faster on large note folders.
    return MarkdownIt("commonmark").disable("inline")


def _scan(text: str) -> tuple[list[Heading], list[tuple[int, int]]]:
    headings: list[Heading] = []
    code: list[tuple[int, int]] = []
    tokens = _markdown().parse(text)
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.map:
            raw = tokens[index + 1].content
            headings.append(Heading(int(token.tag[1]), raw, token.map[0], token.map[1]))
        elif token.type in ("fence", "code_block") and token.map:
            code.append((token.map[0], token.map[1]))
    return headings, code


def parse_title(raw: str) -> _Title:
    """Split a heading into its title text, number, stars and trailing tags."""
    stars = len(_STAR.findall(raw))
    text = _HOLLOW_STAR.sub("", _STAR.sub("", raw))
    text = plain_text(text)
    number = None
    match = _NUMBER.match(text)
    if match:
        number = int(match.group("q") or match.group("n") or match.group("p"))
        text = text[match.end() :]
    tags: list[str] = []
    while True:
        tag = _TRAILING_TAG.search(text)
        if not tag:
            break
        before = text[: tag.start()].rstrip()
        word = tag.group(1).strip()
        if before.endswith(("?", "？")) or word.lower() in _TAG_WORDS or word.startswith("#"):
            tags.insert(0, word.lstrip("#"))
            text = before
        else:
            break
    return _Title(text.strip(), number, min(stars, 5), tuple(tags))


def _is_toc(title: str, body: str) -> bool:
    if title.strip().lower().rstrip(":：") in _TOC_TITLES:
        return True
    lines = [line for line in body.splitlines() if line.strip()]
    return bool(lines) and all(
        _IN_PAGE_LINK.search(line) and not _IN_PAGE_LINK.sub("", _LIST_MARK.sub("", line)).strip()
        for line in lines
    )


def _without_code(lines: list[str], start: int, code: list[tuple[int, int]]) -> str:
    kept = list(lines)
    for first, last in code:
        for n in range(max(first, start), min(last, start + len(lines))):
            kept[n - start] = ""
    return "\n".join(kept)


def parse_markdown(text: str, default_chapter: str) -> ParsedFile:
    """Find the questions of one notes file."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines = text.split("\n")
    headings, code = _scan(text)
    chapter = default_chapter
    first_h1 = next((h for h in headings if h.level == 1), None)
    if first_h1 is not None:
        chapter = parse_title(first_h1.raw).text or default_chapter
    result = ParsedFile(chapter=chapter)

    # Each open entry: (level, kind, payload) where kind is "section", "question" or "skip".
    stack: list[tuple[int, str, object]] = []
    open_questions: list[tuple[_Title, tuple[str, ...], int, list[tuple[int, int]]]] = []

    def body_range(index: int) -> tuple[int, int]:
        end = headings[index + 1].start if index + 1 < len(headings) else len(lines)
        return headings[index].end, end

    for index, heading in enumerate(headings):
        while stack and stack[-1][0] >= heading.level:
            stack.pop()
        if heading.level == 1:
            continue
        title = parse_title(heading.raw)
        first, last = body_range(index)
        body = "\n".join(lines[first:last])
        has_body = bool(body.strip())
        enclosing = next((entry for entry in reversed(stack) if entry[1] != "section"), None)
        if enclosing is not None and enclosing[1] == "skip":
            continue
        if enclosing is not None and not title.marked:
            # An unmarked sub-heading of a question is part of its answer.
            question_index = enclosing[2]
            assert isinstance(question_index, int)
            open_questions[question_index][3].append((heading.start, last))
            continue
        if _is_toc(title.text, body):
            stack.append((heading.level, "skip", None))
            continue
        if title.marked or has_body:
            sections = tuple(str(entry[2]) for entry in stack if entry[1] == "section")
            open_questions.append((title, sections, heading.start, [(first, last)]))
            stack.append((heading.level, "question", len(open_questions) - 1))
        else:
            stack.append((heading.level, "section", title.text))

    for title, sections, start, ranges in open_questions:
        body_lines = [line for first, last in ranges for line in lines[first:last]]
        body = "\n".join(body_lines).strip("\n")
        if not body.strip():
            result.unanswered.append(title.text)
            continue
        scan_text = "\n".join(
            _without_code(lines[first:last], first, code) for first, last in ranges
        )
        points = highlighted_points(scan_text)
        derived = not points
        if derived:
            points = derived_points(scan_text)
        result.questions.append(
            ParsedQuestion(
                title=title.text,
                number=title.number,
                stars=title.stars,
                tags=title.tags,
                sections=sections,
                line=start + 1,
                answer=replace_images(highlights_to_bold(body)),
                key_points=points,
                key_points_derived=derived,
            )
        )
    return result
