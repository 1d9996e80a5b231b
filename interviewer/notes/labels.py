"""The labels a notes file writes its answers with (`**Explanation:**`, `> **Example:**`,
`**解析**：`), found from the file itself: a bold name that opens a paragraph in a large share
of the file's questions is the file's structure, not a point its answers make."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

from interviewer.notes.draft import asks
from interviewer.notes.markup import plain_text

SHARE = 0.25
"""A label opening a paragraph in at least this share of the file's questions is structure."""
MIN_QUESTIONS = 2
"""…and in at least this many: one question's own labels say nothing about the file."""
# A bold span that opens a paragraph line (not a list item: "- **预防**：…" lists the points
# an answer makes), ending in a colon or standing alone on its line.
_LABEL = re.compile(
    r"^(?P<lead>[ \t]*(?:>[ \t]?)*)[ \t]*(?P<mark>\*\*|__)(?=\S)(?P<inner>[^\n]+?)(?<=\S)(?P=mark)"
    r"[ \t]*(?P<colon>[:：])?(?P<rest>[^\n]*)$",
    re.MULTILINE,
)
_EDGE = " \t:："
_BREAKS = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _key(inner: str) -> str:
    return plain_text(inner).strip(_EDGE).casefold()


def _labels(body: str) -> dict[str, bool]:
    """The labels opening the body's paragraphs: key → written on a line of its own."""
    found: dict[str, bool] = {}
    for match in _LABEL.finditer(body):
        inner, rest = match.group("inner"), _rest(match.group("rest"))
        if not (match.group("colon") or inner.rstrip().endswith((":", "："))) and rest:
            continue  # bold words that start a sentence
        key = _key(inner)
        if key:
            found[key] = found.get(key, False) or not rest
    return found


def _rest(text: str) -> str:
    """What follows a label on its line, line breaks (`\\`, `<br>`) aside."""
    return _BREAKS.sub("", text).strip(" \t\\")


def part_labels(body: str) -> frozenset[str]:
    """The labels a body writes with a colon on lines of their own (`**Switch:**` over the
    lines about switches, `**优点：**` over a list), and the questions it writes in bold on
    lines of their own (`**kafka producer如何优化打入速度**` over its answer): headings of the
    answer's parts, not points it makes."""
    found: set[str] = set()
    for match in _LABEL.finditer(body):
        inner = match.group("inner")
        colon = match.group("colon") or inner.rstrip().endswith((":", "："))
        if (colon or asks(inner)) and not _rest(match.group("rest")) and _key(inner):
            found.add(_key(inner))
    return frozenset(found)


def structural_labels(bodies: Iterable[str]) -> frozenset[str]:
    """The labels (case-folded) a file's question bodies use as structure: those that recur
    in a large share of its questions and, when the file writes those on lines of their own,
    every label it writes so (`**Example:**` over a code block once in the file)."""
    counts: Counter[str] = Counter()
    alone: set[str] = set()
    total = 0
    for body in bodies:
        # A question the notes leave unanswered has no labels to count either way.
        total += bool(body.strip())
        labels = _labels(body)
        counts.update(labels.keys())
        alone.update(key for key, own_line in labels.items() if own_line)
    needed = max(MIN_QUESTIONS, math.ceil(SHARE * total))
    recurring = {key for key, count in counts.items() if count >= needed}
    if recurring & alone:
        recurring |= alone
    return frozenset(recurring)


def without_labels(body: str, labels: frozenset[str]) -> str:
    """The body with these labels removed where they open a paragraph line."""
    if not labels:
        return body

    def drop(match: re.Match[str]) -> str:
        inner, rest = match.group("inner"), match.group("rest")
        colon = match.group("colon") or inner.rstrip().endswith((":", "："))
        if _key(inner) not in labels or not (colon or not _rest(rest)):
            return match.group(0)
        return match.group("lead") + rest.strip(" \t\\")

    return _LABEL.sub(drop, body)


def answer_labels(bodies: Iterable[str], structural: frozenset[str]) -> frozenset[str]:
    """The file's own answer labels: structural labels that open the answer text (code aside)
    of at least two thirds of the questions they appear in, and of two at least."""
    opens: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for body in bodies:
        seen.update(key for key in _labels(body) if key in structural)
        first = next((line for line in body.splitlines() if line.strip(" \t>")), "")
        opening = _labels(first)
        opens.update(key for key in opening if key in structural)
    return frozenset(
        key for key, count in opens.items() if count >= MIN_QUESTIONS and 3 * count >= 2 * seen[key]
    )


def strip_label(text: str, labels: frozenset[str]) -> tuple[str, bool]:
    """Text without one of these labels where it opens the text, and whether it had one."""
    match = _LABEL.match(text) if labels else None
    if match is None or match.group("lead").strip() or _key(match.group("inner")) not in labels:
        return text, False
    inner, rest = match.group("inner"), match.group("rest")
    if not (match.group("colon") or inner.rstrip().endswith((":", "："))) and rest.strip():
        return text, False
    return rest.strip(" \t\\") + text[match.end() :], True
