"""Which headings are sections rather than questions, and what a section is named: plain
headings found to introduce the sections under them, headings that announce their parts, top
headings that are questions of their own."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

from interviewer.notes.document import Block
from interviewer.notes.draft import Context, Draft, asks, names_questions
from interviewer.notes.heading_bodies import has_text, is_toc
from interviewer.notes.layouts import scan
from interviewer.notes.marks import Title, is_skipped_title
from interviewer.notes.numbering import Segment, parents

CHINESE_ORDINAL = re.compile(r"^[一二三四五六七八九十]+\s*[、.．]\s*")
"""The number of a part written in Chinese ("一、", "二、"): parts, not questions, count so."""
# What a heading says when it only says it holds questions: "Questions", "Q&A", "FAQ",
# "Interview Questions & Answers", "常见面试题", "内容" — no subject, no level ("Advanced").
_ONLY_QUESTIONS = re.compile(
    r"\b(?:questions?|q\s*&\s*a|faqs?|interviews?|answers?|contents?|common|top|"
    r"frequently asked|and)\b|面试题?|问题|问答|题目|答案|解答|内容|正文|常见|高频|经典|与|和",
    re.IGNORECASE,
)
_LETTER = re.compile(r"[^\W\d_]")

Opened = tuple[int, str, object]
"""A heading still open while the outline is read: (level, kind, payload); kind "section"
(payload: its name), "question" (payload: its index in the question bodies) or "skip"."""
Body = tuple[Draft, list[Block], bool]
"""A heading question, the blocks of its answer, and whether its title is a label only."""


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
    name = CHINESE_ORDINAL.sub("", name).strip().rstrip(":：").strip()
    return name or title.strip()


def introduces_sections(
    ctx: Context,
    enclosing: Opened | None,
    names: dict[int, str],
    bodies: list[Body],
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


def is_top_leaf(ctx: Context, segments: list[Segment], index: int, file_name: str) -> bool:
    """A top heading with text of its own and no heading under it: among several top
    headings, a question (or a plain heading) rather than a part of the file — but for the
    file's first heading repeating its name ("# 计算机网络" in 计算机网络.md over a line saying
    what the notes cover, then "# 目录", "# 内容"): that is the file's title."""
    segment = segments[index]
    if index + 1 < len(segments) and segments[index + 1].heading.level > 1:
        return False
    if index == 0 and _name_key(segment.title.text) == _name_key(file_name):
        return False
    title = segment.title.text
    return (
        any(has_text(b) for b in segment.body)
        and not is_toc(ctx, title, segment.body)
        and not is_skipped_title(title)
    )


def _name_key(name: str) -> str:
    """A title or file name without its sort number, spaces and punctuation, for comparing."""
    return re.sub(r"[\W_]+", "", re.sub(r"^\d+(?:\.\d+)*", "", name.strip())).casefold()


def unwritten_section(segments: list[Segment], index: int) -> bool:
    """A heading with nothing under it, not asking, whose siblings (two at least) all hold
    sub-headings and none asks ("## 5.Tensorflow" left empty after "## 1.推荐系统" … "## 4.
    Flink"): a section still to be written, not a question without an answer."""
    segment = segments[index]
    level = segment.heading.level
    if asks(segment.title.text) or any(has_text(block) for block in segment.body):
        return False
    if index + 1 < len(segments) and segments[index + 1].heading.level > level:
        return False
    family = parents(segments)
    siblings = [
        i
        for i, other in enumerate(segments)
        if i != index and family[i] == family[index] and other.heading.level == level
    ]
    return len(siblings) >= 2 and all(
        i + 1 < len(segments)
        and segments[i + 1].heading.level > level
        and not asks(segments[i].title.text)
        for i in siblings
    )


def listed_question(segments: list[Segment], index: int) -> bool:
    """A heading with nothing under it in a run of three such sibling headings or more, two of
    them asking at least ("##### RDD 机制" among "##### spark 如何保证宕机迅速恢复",
    "##### Hadoop 怎么分片？" …): a list of questions written as headings, each one the notes
    do not answer yet. An outline still to fill has headings that name topics, none asking."""
    run = _empty_run(segments, index)
    return len(run) >= 3 and sum(asks(segments[i].title.text) for i in run) >= 2


def _empty_run(segments: list[Segment], index: int) -> list[int]:
    level = segments[index].heading.level

    def empty(i: int) -> bool:
        deeper = i + 1 < len(segments) and segments[i + 1].heading.level > level
        other = segments[i]
        return other.heading.level == level and not deeper and not any(
            has_text(block) for block in other.body
        )

    if not empty(index):
        return []
    start, end = index, index
    while start > 0 and empty(start - 1):
        start -= 1
    while end + 1 < len(segments) and empty(end + 1):
        end += 1
    return list(range(start, end + 1))


def announces_parts(segments: list[Segment], index: int) -> bool:
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


def introductions(
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


def name_introduced_sections(
    bodies: list[Body],
    trails: dict[int, tuple[Opened, ...]],
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


def containers(drafts: list[Draft]) -> set[str]:
    """Sections that only say they hold questions ("## Questions", "## 面试题") and hold all or
    nearly all (nine in ten) of a file's questions: they tell nothing about any of them."""
    counts = Counter(name for draft in drafts for name in set(draft.sections))
    least = len(drafts) - len(drafts) // 10
    return {
        name
        for name, count in counts.items()
        if count >= least and not _LETTER.search(_ONLY_QUESTIONS.sub(" ", name))
    }


def subject_sections(sections: tuple[str, ...], container: set[str]) -> tuple[str, ...]:
    """A question's sections without those that name no subject of it: the file's container,
    and a sub-section that only says it holds questions ("### Interview Q&A" under "## DNS",
    whose parent names the subject)."""
    return tuple(
        name
        for index, name in enumerate(sections)
        if name not in container
        and not (index and not _LETTER.search(_ONLY_QUESTIONS.sub(" ", name)))
    )


def heads_questions(title: Title, has_body: bool, deeper: bool) -> bool:
    """A marked heading over sub-headings that is no question: it has no text of its own, or
    its text only introduces the questions it names ("## 26. Scenario-Based Interview
    Questions" + "This section contains 25 scenarios …")."""
    return (
        (not has_body or names_questions(title.text))
        and deeper
        and not title.text.endswith(("?", "？"))
    )
