"""Headings that label rather than ask: "## 问题" / "## 面试题" over a question's text with its
answer under the headings beside it ("## 问题解答", "## 面试题剖析"), an answer label beside a
question heading ("#### **参考答案**："), headings whose text is never an answer
(contents, references), and headings every question repeats ("### Candidate Response
Paths")."""

from __future__ import annotations

import re
from collections import Counter

from interviewer.notes.draft import ANSWER_HEADING, Context, asks
from interviewer.notes.heading_bodies import has_text, is_toc
from interviewer.notes.marks import is_prompt_label, is_skipped_title
from interviewer.notes.markup import plain_text
from interviewer.notes.numbering import Segment

# After the label it repeats, what names the answer of a labelled question: "## 面试题剖析"
# (the question's analysis), "## 问题分析", "## 题目详解".
_ANALYSIS = re.compile(r"^(?:剖析|分析|详解|解析|解答)")


def is_answer_label(segment: Segment) -> bool:
    """A heading that only says the answer follows ("#### **参考答案**：", "## Answer")."""
    return bool(ANSWER_HEADING.match(_key(segment.heading.text)))


def answered_below(segments: list[Segment], at: int) -> bool:
    """A heading with no text of its own whose next heading, at its level, is an answer label
    ("#### **Why X?**：" then "#### **参考答案**："): a question, answered there."""
    level = segments[at].heading.level
    after = segments[at + 1] if at + 1 < len(segments) else None
    return (
        not segments[at].body
        and after is not None
        and after.heading.level == level
        and is_answer_label(after)
    )


def _answer_siblings(ctx: Context, segments: list[Segment], at: int) -> list[Segment]:
    """The plain headings after a bare question label at its level, up to a heading above
    it, a marked question or another label (references and contents left out)."""
    level = segments[at].heading.level
    siblings = []
    for segment in segments[at + 1 :]:
        if segment.heading.level < level:
            break
        if segment.heading.level > level:
            continue
        if opens_question(segment):
            break
        if not is_left_out(ctx, segment):
            siblings.append(segment)
    return siblings


def opens_question(segment: Segment) -> bool:
    """A heading after a bare question label that starts a question of its own: a marked one
    or another label."""
    return segment.title.marked or is_prompt_label(segment.title.text)


def is_contents(ctx: Context, segment: Segment) -> bool:
    """A table of contents: titled so ("目录", "Contents") or a body of in-page links."""
    return is_toc(ctx, segment.title.text, segment.body)


def is_left_out(ctx: Context, segment: Segment) -> bool:
    """A heading whose text is never an answer: contents, references, asides."""
    return is_toc(ctx, segment.title.text, segment.body) or is_skipped_title(segment.title.text)


def labels_one_question(ctx: Context, segments: list[Segment], at: int) -> bool:
    """A bare "## 问题" / "## Question" whose text is the question and whose sibling headings
    answer it: one of them is the answer ("## 问题解答", "## Answer"), or the text asks and one
    heading follows it. Over an introduction, the headings after it are questions of their own."""
    segment = segments[at]
    if not is_prompt_label(segment.title.text):
        return False
    paragraphs = [block for block in segment.body if block.kind == "paragraph" and has_text(block)]
    if not paragraphs:
        return False
    label = segment.title.text.strip().rstrip(":： ")
    siblings = _answer_siblings(ctx, segments, at)
    answering = any(
        ANSWER_HEADING.match(rest) or _ANALYSIS.match(rest)
        for s in siblings
        for rest in [plain_text(s.title.text).strip().removeprefix(label).strip()]
    )
    # With no heading after it, a label over one paragraph that asks is a question the notes
    # do not answer ("## Questions" over "… how would you find …?" ending the page).
    alone = not siblings and len(paragraphs) == 1 and len(segment.body) == 1
    return answering or ((len(siblings) == 1 or alone) and asks(paragraphs[0].text))


def _key(text: str) -> str:
    return re.sub(r"^[^\w]+", "", plain_text(text)).strip()


def repeated_titles(segments: list[Segment]) -> set[str]:
    """Heading texts a file writes three times or more: a part every question has (its
    response paths, its pitfalls), not a question of its own."""
    counts = Counter(segment.title.text for segment in segments if segment.title.text)
    return {text for text, count in counts.items() if count >= 3}
