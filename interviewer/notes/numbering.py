"""How the headings of a file number its questions: which levels are numbered, numbers
written without punctuation ("## 1 Python的函数参数传递"), and numbered questions whose
sub-headings are the parts of their answer ("## 16 单例模式" over "### 1 使用__new__方法")."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from interviewer.notes.document import Block
from interviewer.notes.marks import (
    Title,
    is_non_question_title,
    is_prompt_label,
    level_difficulty,
)

NUMBERED_SHARE = 0.65
"""A heading level is numbered when at least this share of its headings carry a number…"""
NUMBERED_MIN = 3
"""…and at least this many do."""
_IN_SEQUENCE = 0.8
"""Bare numbers are numbering when this share of them count on from the one before (or
start again at 1)."""
_PARTS_SHARE = 1 / 3
"""Numbered questions with sub-headings, at most this share of their level's: those
sub-headings are the parts of their answer, not questions (most questions have none)."""
_FACET_WORDS = 6
"""A sub-heading that refers back to its heading is a short question: "Why do we use it?"."""
_BACK_REFERENCE = re.compile(r"\b(?:it|its|they|them|this|these|those)\b|它", re.IGNORECASE)
_TEMPLATE_MIN = 3
"""A first sub-heading written under this many headings is the template of their answers."""
_FACET_TEXT = ("paragraph", "code", "table")
"""A part of an answer opens with text, code or a table; "### Easy" over a list of questions
is a group of questions."""
_BARE_NUMBER = re.compile(r"^(\d{1,3})\s+(?=[^\s\d.,:：、)）%])")


@dataclass
class Segment:
    """A heading and the blocks up to the next heading."""

    heading: Block
    title: Title
    body: list[Block]
    unwritten: bool = False
    """Its body only held a placeholder ("- [ ] TODO"): a question the notes do not answer yet."""


def read_bare_numbers(segments: list[Segment]) -> None:
    """Give the headings of a level their numbers where that level numbers its headings
    with a bare number and a space, counting 1, 2, 3 … ("## 3 死锁") — or counting on from
    the level's punctuated numbers ("## 2." then "## 3 Key 的作用"); "## 3 ways to …" alone
    keeps its text."""
    # Per level, in order: (segment, number, text after a bare number or None when punctuated).
    levels: dict[int, list[tuple[Segment, int, str | None]]] = {}
    for segment in segments:
        level = levels.setdefault(segment.heading.level, [])
        if segment.title.number is not None:
            level.append((segment, segment.title.number, None))
            continue
        match = _BARE_NUMBER.match(segment.title.text)
        if match:
            rest = segment.title.text[match.end() :].strip()
            level.append((segment, int(match.group(1)), rest))
    for found in levels.values():
        bare = [index for index, (_, _, rest) in enumerate(found) if rest is not None]
        if not bare or len(found) < NUMBERED_MIN:
            continue
        numbers = [number for _, number, _ in found]
        counting = sum(
            1 for index in bare if numbers[index] in ((numbers[index - 1] if index else 0) + 1, 1)
        )
        if counting < _IN_SEQUENCE * len(bare):
            continue
        for index in bare:
            segment, number, text = found[index]
            segment.title = replace(segment.title, text=text or "", number=number)


def numbered_levels(segments: list[Segment]) -> set[int]:
    """Heading levels where the notes number their questions: there, an unnumbered heading is
    not a question (a preface, a note, or the continuation of the question above)."""
    numbered: Counter[int] = Counter()
    with_body: Counter[int] = Counter()
    for segment in segments:
        if is_non_question_title(segment.title.text):
            continue
        level = segment.heading.level
        with_body[level] += 1
        numbered[level] += segment.title.number is not None
    return {
        level
        for level, count in numbered.items()
        if count >= NUMBERED_MIN and count >= NUMBERED_SHARE * with_body[level]
    }


def parents(segments: list[Segment]) -> list[int]:
    """The index of each heading's parent heading (-1 for none)."""
    found: list[int] = []
    chain: list[int] = []
    for index, segment in enumerate(segments):
        while chain and segments[chain[-1]].heading.level >= segment.heading.level:
            chain.pop()
        found.append(chain[-1] if chain else -1)
        chain.append(index)
    return found


def answer_parts(segments: list[Segment], numbered: set[int]) -> tuple[set[int], set[int]]:
    """Numbered questions whose sub-headings are the parts of their answer, and those
    sub-headings: at a numbered level where most numbered questions have no sub-headings,
    the few that do split their answer ("### 1 引用计数", "### 2 标记-清除"), whatever the
    sub-headings say."""
    from interviewer.notes.draft import names_questions  # draft imports this module's neighbours

    owners: set[int] = set()
    parts: set[int] = set()
    for level in numbered:
        questions = [
            i
            for i, s in enumerate(segments)
            if s.heading.level == level and s.title.number is not None
        ]
        split: dict[int, list[int]] = {}
        for owner in questions:
            below = []
            after = owner + 1
            while after < len(segments) and segments[after].heading.level > level:
                below.append(after)
                after += 1
            following = (segments[owner].title.number or 0) + 1
            # "## 47. …" over "### 48. …": the next question, one level down; "## 26.
            # Scenario-Based Questions" over "### Scenario 1: …": the questions it names.
            if (
                below
                and not any(segments[i].title.number == following for i in below)
                and not names_questions(segments[owner].title.text)
            ):
                split[owner] = below
        if split and len(split) <= _PARTS_SHARE * len(questions):
            owners.update(split)
            parts.update(i for below in split.values() for i in below)
    for owner, steps in [
        *_numbered_steps(segments),
        *_labelled_answers(segments),
        *_facet_answers(segments),
        *_recurring_parts(segments),
        *_introduced_parts(segments),
    ]:
        owners.add(owner)
        parts.update(steps)
    return owners, parts


def _labelled_answers(segments: list[Segment]) -> list[tuple[int, list[int]]]:
    """A heading whose first sub-heading labels its answer or its problem ("## 4. What are
    volumes?" over "### Answer:", "### Volume Types:", "#### 1. Named Volumes"; "## 3. Explain
    runc." over "### Answer:"): it is a question, and every heading below it is part of its
    text, numbered or not."""
    from interviewer.notes.draft import ANSWER_HEADING  # draft imports this module's neighbours

    def labels(segment: Segment) -> bool:
        label = segment.title.text.strip().rstrip(":： ")
        return segment.title.number is None and bool(
            ANSWER_HEADING.fullmatch(label) or is_prompt_label(label)
        )

    found = []
    for owner, segment in enumerate(segments[:-1]):
        level = segment.heading.level
        first = segments[owner + 1]
        if first.heading.level <= level:
            continue
        if not labels(first):
            continue
        below = []
        for after in range(owner + 1, len(segments)):
            if segments[after].heading.level <= level:
                break
            below.append(after)
        # "## Graphs" over "### Problem", "### Solution", "### Problem" …: labels paired at
        # one level are questions of their own (read as under "## 问题" + "## 解答").
        beside = [i for i in below[1:] if segments[i].heading.level == first.heading.level]
        if not any(labels(segments[i]) for i in beside):
            found.append((owner, below))
    return found


def _below(segments: list[Segment], owner: int) -> list[int]:
    """The headings under a heading, down to the next at its level or above."""
    level = segments[owner].heading.level
    below = []
    for after in range(owner + 1, len(segments)):
        if segments[after].heading.level <= level:
            break
        below.append(after)
    return below


def _refers_back(segment: Segment) -> bool:
    """A short unnumbered sub-heading that asks about what the heading above it names and
    nothing else ("### What is it?", "### Why do we use them?"): asked alone it has no
    subject."""
    text = segment.title.text.strip()
    return (
        segment.title.number is None
        and text.endswith(("?", "？"))
        and len(text.split()) <= _FACET_WORDS
        and bool(_BACK_REFERENCE.search(text))
    )


def _facet_answers(segments: list[Segment]) -> list[tuple[int, list[int]]]:
    """Headings whose first sub-heading opens the template every answer follows: one that
    refers back to them ("## 1. What is EF Core?" or "## 3. Code First vs Database First"
    over "### What is it?", "### Why do we use it?", "### When to optimize?", "### Example"),
    or one the file opens three answers or more with ("### Description", "### Comparison",
    "### Real-Time Example"). Where at least two headings are written so, each heading below
    them is a part of their answer."""
    from interviewer.notes.draft import names_questions  # draft imports this module's neighbours

    firsts = {
        owner: segments[owner + 1]
        for owner, segment in enumerate(segments[:-1])
        if segments[owner + 1].heading.level > segment.heading.level
    }
    opening = Counter(_template_key(first) for first in firsts.values())

    def opens_template(first: Segment) -> bool:
        key = _template_key(first)
        # A sub-heading that asks about a subject of its own ("### What causes tides?" under
        # every "## Interview Question") is a question wherever the file repeats it.
        return (
            bool(key)
            and not first.title.marked
            and opening[key] >= _TEMPLATE_MIN
            and not names_questions(first.title.text)
            and level_difficulty(first.title.text) is None
            and any(block.kind in _FACET_TEXT for block in first.body)
        )

    found = [
        (owner, _below(segments, owner))
        for owner, first in firsts.items()
        if _refers_back(first) or opens_template(first)
    ]
    return found if len(found) >= 2 else []


def _introduced_parts(segments: list[Segment]) -> list[tuple[int, list[int]]]:
    """A numbered heading with no text of its own whose first sub-heading introduces a part
    ("### 13. 乐观锁和悲观锁。" over "#### 悲观锁：", "#### 乐观锁："): a question, and the
    headings below it the parts of its answer, up to one numbered as the next question
    ("#### 14. …" written a level too deep)."""
    found = []
    for owner, segment in enumerate(segments[:-1]):
        if (
            segment.title.number is None
            or any(block.kind != "hr" for block in segment.body)
            or segments[owner + 1].heading.level <= segment.heading.level
            or not _introduces(segments[owner + 1].title)
        ):
            continue
        below = _below(segments, owner)
        following = segment.title.number + 1
        cut = next((i for i in below if segments[i].title.number == following), None)
        found.append((owner, below if cut is None else below[: below.index(cut)]))
    return found


def _introduces(title: Title) -> bool:
    """A plain title that ends with a colon ("### Use cases:", "#### 悲观锁：") introduces
    what follows: a part of an answer, not a question."""
    from interviewer.notes.draft import asks  # draft imports this module's neighbours

    return not title.marked and title.text.endswith((":", "：")) and not asks(title.text)


def _recurring_parts(segments: list[Segment]) -> list[tuple[int, list[int]]]:
    """Headings answered in parts the file writes under three headings or more, wherever in
    the answer ("## 2. 原子内存序" over "### 核心语义", "### 常见误区"; "常见误区" closing six
    answers): each heading is one question and its sub-headings are its parts. Not where a
    sub-heading asks ("### 什么是索引？" in a chapter that ends in "### 小结"): the parts
    there are questions of their own."""
    from interviewer.notes.draft import asks, names_questions  # see _facet_answers

    children: dict[int, list[int]] = {}
    for owner, segment in enumerate(segments):
        below = _below(segments, owner)
        # Only a heading with no text of its own: text there (a "**Question:**" label, a
        # scenario) says what is asked, and the parts answer that.
        if (below and (segment.title.number is not None or not asks(segment.title.text))
                and not names_questions(segment.title.text)
                and all(block.kind == "hr" for block in segment.body)):
            top = min(segments[i].heading.level for i in below)
            children[owner] = [i for i in below if segments[i].heading.level == top]
    written = Counter(key for kids in children.values()
                      for key in {_template_key(segments[i]) for i in kids} if key)

    def says(block: Block) -> bool:
        # Text, code or a table; or a list of points, not of questions ("### Easy" over
        # "- What is a pod?" groups questions).
        if block.kind == "list":
            points = [item.children[0].text for item in block.children
                      if item.children and item.children[0].kind == "paragraph"]
            return bool(points) and sum(map(asks, points)) * 2 < len(points)
        return block.kind in _FACET_TEXT

    def recurs(part: Segment) -> bool:
        key = _template_key(part)
        return (bool(key) and written[key] >= _TEMPLATE_MIN and not names_questions(key)
                and any(says(block) for block in part.body))

    plain = {owner: kids for owner, kids in children.items()
             if not any(asks(segments[i].title.text) for i in kids)}
    found = [owner for owner, kids in plain.items() if any(recurs(segments[i]) for i in kids)]
    if len(found) >= _TEMPLATE_MIN:
        # A file that writes its answers in parts does so under each heading of that level,
        # also where its parts are named once ("## 4. CRTP" over "### 机制", "### 适用边界").
        levels = {segments[owner].heading.level for owner in found}
        found = [owner for owner in plain if segments[owner].heading.level in levels]
    return [(owner, _below(segments, owner)) for owner in found]


def _template_key(segment: Segment) -> str:
    """The title of an unnumbered sub-heading, compared across the file; numbered ones none."""
    return "" if segment.title.number is not None else segment.title.text.strip().lower()


def _numbered_steps(segments: list[Segment]) -> list[tuple[int, list[int]]]:
    """A heading that asks, or is labelled a question, over sub-headings numbered 1, 2, 3 …
    none of which asks ("### What are the stages?" over "#### 1. Design", "#### 2. Analysis";
    "### 常见的排序算法有哪些？" over "#### 1. 冒泡排序"; "# Q 1. Share examples of each test:"
    over "### 1. One Sample T-test:"): the sub-headings are the steps or items of its answer.
    They may sit under unnumbered labels of the answer ("### Answer:", "### Volume Types:" over
    "#### 1. Named Volumes"), numbered from 1 under each."""
    from interviewer.notes.draft import asks  # draft imports this module's neighbours

    found = []
    parent = parents(segments)
    for owner, segment in enumerate(segments):
        # "# Q 1. Please share examples of each T-test:" asks by its label.
        if not (segment.title.asked or segment.title.text.rstrip("*_ ").endswith(("?", "？"))):
            continue
        level = segment.heading.level
        below = []
        for after in range(owner + 1, len(segments)):
            if segments[after].heading.level <= level:
                break
            below.append(after)
        numbered = [i for i in below if segments[i].title.number is not None]
        depth = min((segments[i].heading.level for i in numbered), default=level + 1)
        steps = [i for i in below if segments[i].heading.level == depth]
        runs: dict[int, list[int | None]] = {}
        for i in steps:
            runs.setdefault(parent[i], []).append(segments[i].title.number)
        if (
            len(steps) >= 2
            and all(numbers == list(range(1, len(numbers) + 1)) for numbers in runs.values())
            and not any(_asks(segments[i].title.text, asks) for i in below)
        ):
            found.append((owner, below))
    return found


def _asks(text: str, asks: Callable[[str], bool]) -> bool:
    """A step that asks: a question mark, or a Chinese question word (an English step may
    start like an imperative question, "Design", "Test Design", and still be a step)."""
    return text.rstrip("*_ ").endswith(("?", "？")) or (not text[:1].isascii() and asks(text))
