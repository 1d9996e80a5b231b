"""Key points for notes that highlight nothing: the answer's distinct claims — sentences that
each say something the others do not — rather than its first sentences or its sub-headings."""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from interviewer.grading.lexicon import Lexicon
from interviewer.notes.markup import FENCE_LINE, plain_text, points_elsewhere, unwrap
from interviewer.text import AFTER_ABBREVIATION

MAX_CLAIMS = 8
MIN_CONCEPTS = 3
MIN_CHARS = 12
MAX_CHARS = 160
# A sentence adds a claim when at least this share of its weight is new.
MIN_NEW = 0.5
_BULLET = re.compile(r"^\s*(?:[-*+]\s+|\d+\s*[.、)）]\s*|[（(]\d+[)）]\s*|<\d+>\s*)")
_SENTENCE = re.compile(rf"(?<=[。！？!?；;])|(?<=[.]){AFTER_ABBREVIATION}\s+(?=[A-Z0-9(\"“])")
# Lines that point elsewhere or frame the answer rather than state anything.
_BOILERPLATE = re.compile(
    r"^\s*(?:#|!\[|\[[^\]]*\]\([^)]*\)\s*$|\|)|rest of the answer|read more|see (?:more|also|here)|"
    r"参考|详见|更多|^\s*(?:answer|note|example|tl;?dr|答案|答)\s*[:：]?\s*$",
    re.IGNORECASE,
)


def _sentences(answer: str) -> list[str]:
    """Plain sentences of an answer, outside code blocks, tables, headings and links."""
    found: list[str] = []
    fenced = False
    for line in unwrap(answer):
        if FENCE_LINE.match(line):
            fenced = not fenced
            continue
        if fenced or not line.strip() or _BOILERPLATE.search(line) or points_elsewhere(line):
            continue  # "1. [从面试被问到吐血，Redis事务的问题…](https://…)" is a reference
        text = _BULLET.sub("", plain_text(_BULLET.sub("", line)))
        # A sentence ending in a colon introduces what follows ("The main benefits are:").
        found.extend(part.strip(" ：:;；，,") for part in _SENTENCE.split(text)
                     if part.strip() and not part.rstrip().endswith((":", "：")))
    return found


def distinct_claims(
    answer: str, lexicon: Lexicon, weight: Callable[[str], float]
) -> list[str]:
    """Up to MAX_CLAIMS sentences of the answer that each add something new (weightiest
    first, then kept in the answer's order)."""
    candidates = []
    for position, sentence in enumerate(_sentences(answer)):
        concepts = {c for c in lexicon.text_concepts(sentence) if len(c) > 1}
        if len(concepts) >= MIN_CONCEPTS and len(sentence) >= MIN_CHARS:
            candidates.append((position, sentence[:MAX_CHARS], concepts))
    chosen: list[tuple[int, str]] = []
    seen: set[str] = set()
    remaining = list(candidates)
    while remaining and len(chosen) < MAX_CLAIMS:
        # fsum: a float sum over a set depends on the set's order, which changes from one
        # process to the next (string hashing); a share of exactly MIN_NEW fell either side.
        gains = [math.fsum(weight(c) for c in item[2] - seen) for item in remaining]
        at = max(range(len(remaining)), key=gains.__getitem__)
        best = remaining.pop(at)
        total = math.fsum(weight(c) for c in best[2]) or 1.0
        if gains[at] / total < MIN_NEW:
            continue
        chosen.append((best[0], best[1]))
        seen |= best[2]
    return [text for _, text in sorted(chosen)]
