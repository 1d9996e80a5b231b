"""Markdown text → questions, in whichever layouts the notes use (see `layouts/` and
`headings.py`), with their marks, answers and key points."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from interviewer.notes.document import parse_document
from interviewer.notes.draft import Context, Draft, asks, strip_a_label
from interviewer.notes.heading_bodies import points_elsewhere
from interviewer.notes.headings import read_outline
from interviewer.notes.key_points import derived_points, highlighted_points
from interviewer.notes.labels import (
    answer_labels,
    part_labels,
    structural_labels,
    without_labels,
)
from interviewer.notes.layouts.lines import read as question_lines
from interviewer.notes.layouts.lists import NAME as LIST_LAYOUT
from interviewer.notes.marks import (
    difficulty_value,
    importance_value,
    level_difficulty,
    parse_title,
)
from interviewer.notes.markup import highlights_to_bold, replace_images
from interviewer.notes.sections import containers, subject_sections
from interviewer.notes.whole_file import (
    file_draft,
    file_stem_title,
    page_heading,
    whole_file_draft,
    whole_file_title,
)
from interviewer.notes.write_up import write_up_draft

__all__ = ["ParsedFile", "ParsedQuestion", "parse_markdown", "parse_title"]

FRONT_MATTER = "front matter"
_EMOJI_SCALE = ("👶", "🚀")
# The options a multiple-choice question's notes tick, as its answer says them first.
_CORRECT_LINE = re.compile(r"\ACorrect: ([^\n]*\w[^\n]*)")
_BASIC = re.compile(r"^\s*(?:basics?|基础)\s*$", re.IGNORECASE)


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
    difficulty: str | None = None
    prompt: str = ""
    """The question's own text beyond its title: options, code, follow-ups."""
    layout: str = "headings"


@dataclass
class ParsedFile:
    """What one notes file holds, and how it was read."""

    chapter: str
    questions: list[ParsedQuestion] = field(default_factory=list)
    unanswered: list[str] = field(default_factory=list)
    """Titles of questions the notes give no answer to (they are kept, with an empty answer)."""
    skipped: list[str] = field(default_factory=list)
    """Headings read as not questions: tables of contents, references, asides,
    introductions."""
    layouts: Counter[str] = field(default_factory=Counter)
    front_matter: bool = False


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [part.strip() for part in value.replace("，", ",").split(",") if part.strip()]
    if isinstance(value, list | tuple):
        return [str(part).strip() for part in value if str(part).strip()]
    return []


def _front_tags(front: dict[str, Any]) -> list[str]:
    return [
        tag
        for key in ("topics", "topic", "tags", "categories", "category")
        for tag in _strings(front.get(key))
    ]


def parse_markdown(
    text: str, default_chapter: str, labels: frozenset[str] | None = None
) -> ParsedFile:
    """Find the questions of one notes file (`labels`: the file's own answer labels, when
    already known)."""
    doc = parse_document(text)
    emoji = any(mark in text for mark in _EMOJI_SCALE)
    ctx = Context(doc, emoji_difficulty=emoji, answer_labels=labels or frozenset())
    front = doc.front_matter
    front_title = str(front.get("title") or front.get("question") or "").strip()
    outline = read_outline(ctx, doc.blocks, front_title or default_chapter)
    # A file in no layout at all may be questions pasted as plain lines, one paragraph each.
    drafts = outline.drafts or question_lines(ctx, doc.blocks)
    result = ParsedFile(chapter=outline.chapter, skipped=outline.skipped, front_matter=bool(front))
    if front_title and _single_question(front, front_title, drafts):
        # One question per file: its sub-headings (TL;DR, 陷阱 …) are all its answer.
        title, blocks = page_heading(front_title, doc.blocks)
        drafts = [file_draft(ctx, title, blocks, FRONT_MATTER)]
        result.chapter, result.skipped = default_chapter, []
    elif write_up := write_up_draft(ctx, doc, default_chapter):
        # One problem written up in parts (statement, idea, code): not a question a part.
        drafts = [write_up]
        result.chapter, result.skipped = default_chapter, []
    elif whole := whole_file_title(ctx, drafts, _file_name(front_title, default_chapter)):
        drafts = [whole_file_draft(ctx, doc, whole)]
        result.chapter, result.skipped = default_chapter, []
    difficulty = difficulty_value(front.get("difficulty") or front.get("level") or "")
    importance = importance_value(front.get("importance") or front.get("priority") or "")
    tags = _front_tags(front)
    bodies = ["\n\n".join(draft.scan) for draft in drafts]
    structure = structural_labels(bodies)
    if labels is None and structure:
        # A label the file opens its answers with marks where each answer starts, as `A:`
        # does: read again knowing it, so what comes before it is the question's own text.
        own = frozenset(
            label for label in answer_labels(bodies, structure) if not strip_a_label(label + ":")[1]
        )
        if own:
            return parse_markdown(text, default_chapter, own)
    # "## Questions" over every question of the file is their container, not their topic, and
    # "### Interview Q&A" under "## DNS" only says where the questions of "DNS" start.
    container = containers(drafts)
    for draft in drafts:
        draft.sections = subject_sections(draft.sections, container)
    # "Basic" names a level only beside sections named for levels ("Intermediate", "Advanced").
    levelled = any(level_difficulty(section) for draft in drafts for section in draft.sections)
    finished = [_finish(draft, tags, structure) for draft in drafts]
    # A question listed again in its section as a bare list item (an overview list above or
    # below the folds that answer it) is the answered one, not a second question to ask.
    # ("基本原理" under each algorithm of a file is a question of each.)
    answered = {_same_question(q) for q in finished if q.answer.strip()}
    for draft, question in zip(drafts, finished, strict=True):
        listed = question.layout == LIST_LAYOUT and not question.answer.strip()
        listed = listed and not question.prompt
        if listed and _same_question(question) in answered:
            continue
        if question.difficulty is None:
            question.difficulty = _section_difficulty(question.sections, levelled) or difficulty
        if not question.stars and importance:
            question.stars = importance
        result.questions.append(question)
        result.layouts[draft.layout] += 1
        if not question.answer.strip():
            result.unanswered.append(question.title)
    return result


def _same_question(question: ParsedQuestion) -> tuple[tuple[str, ...], str]:
    return question.sections, " ".join(question.title.casefold().split())


def _single_question(front: dict[str, Any], title: str, drafts: list[Draft]) -> bool:
    """A front-matter title is the question when it asks (or the front matter rates it) and
    the body is not itself a set of marked questions."""
    rated = any(key in front for key in ("difficulty", "importance", "level", "answer"))
    if not (asks(title) or rated):
        return False
    marked = [d for d in drafts if d.number is not None or d.title.endswith(("?", "？"))]
    return title.endswith(("?", "？")) or len(marked) < 2




def _file_name(front_title: str, stem: str) -> str:
    """The name a whole file goes by: its front-matter title, unless only the file's own name
    asks ("遍历过程" in "3-map 的遍历过程是怎样的.md": the title names the page of a book, the
    file's name the question the page answers)."""
    if front_title and (asks(front_title) or not asks(file_stem_title(stem))):
        return front_title
    return stem


def _section_difficulty(sections: tuple[str, ...], levelled: bool) -> str | None:
    for section in reversed(sections):
        level = level_difficulty(section)
        if level:
            return level
        if levelled and _BASIC.match(section):
            return "easy"
    return None


def _finish(draft: Draft, file_tags: list[str], labels: frozenset[str]) -> ParsedQuestion:
    answer = "\n\n".join(part.strip("\n") for part in draft.answer).strip()
    if points_elsewhere(answer):
        # "[[Answer]](url)", "参考资料" over links: nothing to grade against, as for a
        # placeholder ("- [ ] TODO") — the question is one the notes do not answer.
        answer = ""
    # The file's own labels are its structure, and so are the labels heading the parts of
    # this answer: key points are what the answer says.
    scan = "\n\n".join(draft.scan)
    scan = without_labels(scan, labels | part_labels(scan))
    points = highlighted_points(scan) if answer else ()
    derived = not points and bool(answer)
    if derived:
        points = derived_points(scan)
    correct = _CORRECT_LINE.match(answer)
    if correct and not any(point.startswith("Correct: ") for point in points):
        # The ticked option is the point a quiz question asks for, whatever its explanation
        # says or highlights.
        points = (correct.group(0).rstrip(" .。;；"), *points)
    tags = tuple(dict.fromkeys([*draft.tags, *file_tags]))
    return ParsedQuestion(
        title=draft.title,
        number=draft.number,
        stars=draft.stars,
        tags=tags,
        sections=draft.sections,
        line=draft.line,
        answer=replace_images(highlights_to_bold(answer)),
        key_points=points,
        key_points_derived=derived,
        difficulty=draft.difficulty,
        prompt=replace_images("\n\n".join(draft.prompt).strip()),
        layout=draft.layout,
    )
