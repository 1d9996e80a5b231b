"""A note statement said back with one term replaced by its counterpart: "平移不变性是卷积层赋予的"
where the notes say "平移不变性，是池化层赋予的". The counterparts come from the notes
themselves: two neighbouring clauses of one note sentence that say the same of two things
("卷积层具有平移等变性，池化层具有平移不变性" sets 卷积/池化 and 等变/不变 against each other),
and the sibling terms the notes define side by side. A clause of the answer is wrong when
putting the counterpart back makes it (nearly) a note statement while, as said, it is clearly
further from everything the notes say. Text is compared as it is written — Chinese characters
and English words in order — so a word segmenter's choices do not matter."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import pairwise

from interviewer.grading.matching import split_clauses

_TOKEN = re.compile(r"[\u4e00-\u9fff]|[A-Za-z0-9_]+")
# Words that carry no content in an English clause (Chinese particles are single characters
# that the character pairs below absorb).
_STOP = frozenset({"a", "an", "the", "of", "to", "is", "are", "was", "were", "be", "been",
                   "and", "or", "in", "on", "at", "it", "its", "that", "this", "for", "with",
                   "as", "by", "from"})
_NEGATION = re.compile(r"不|没|非|无|\b(?:not|no|never|neither|nor|isn't|aren't|doesn't|don't)\b|"
                       r"n't", re.IGNORECASE)
# Parallel clauses: at most this many differing stretches, each at most MAX_SPAN tokens, and
# at least half of the longer clause shared.
MAX_STRETCHES = 2
MAX_SPAN = 4
# A counterpart shorter than this (one Chinese character, "等" against "不") takes the next
# shared token along: "等变" against "不变".
MIN_CHARS = 2
# An answer clause needs this many tokens, and the swapped term may be at most this share of it.
MIN_TOKENS = 4
MAX_SWAPPED_SHARE = 0.34
# Restored, the clause shares this share of its token pairs with a note statement …
RESTORED = 0.8
# … and that is this much more than the clause as said shares with any note statement.
MARGIN = 0.1

Tokens = tuple[str, ...]
Pair = tuple[Tokens, Tokens]


@dataclass(frozen=True)
class Statement:
    """A note sentence or clause, as text and as tokens."""

    text: str
    tokens: Tokens
    negations: int
    grams: frozenset[tuple[str, str]]
    whole: bool = True
    """One statement (a clause, or a sentence of one clause), not a sentence of several:
    "X does A, Y does B" holds every pair of words of "X does B"."""


def tokens(text: str) -> Tokens:
    """Chinese characters and lower-cased English content words, in order."""
    return tuple(t.lower() for t in _TOKEN.findall(text) if t.lower() not in _STOP)


def _pairs(tokens_: Sequence[str]) -> set[tuple[str, str]]:
    return set(pairwise(tokens_))


def _overlap(mine: set[tuple[str, str]], note: Statement) -> float:
    """Share of the token pairs `mine` that the note statement has too."""
    return len(mine & note.grams) / len(mine) if mine else 0.0


def _find(haystack: Sequence[str], needle: Sequence[str]) -> int:
    width = len(needle)
    return next((i for i in range(len(haystack) - width + 1)
                 if tuple(haystack[i:i + width]) == tuple(needle)), -1)


def _replace(said: Tokens, old: Tokens, new: Tokens) -> tuple[Tokens, Tokens]:
    """The clause with `new` in place of `old`, and the stretch around `new` (a token either
    side, two on one side at an edge) that a note restoring it must have word for word."""
    at = _find(said, old)
    restored = said[:at] + new + said[at + len(old):]
    start, end = at - 1, at + len(new) + 1
    if start < 0:
        start, end = 0, end + 1
    elif end > len(restored):
        start, end = max(0, start - 1), len(restored)
    return restored, restored[start:end]


def parallel_pairs(sentences: Iterable[str]) -> set[Pair]:
    """Counterparts from neighbouring clauses of one sentence that differ in a term or two,
    in both directions."""
    found: set[Pair] = set()
    for sentence in sentences:
        clauses = [tokens(c) for c in split_clauses(sentence)]
        for first, second in pairwise(clauses):
            found |= _differences(first, second)
    return found


def _differences(first: Tokens, second: Tokens) -> set[Pair]:
    codes = SequenceMatcher(None, first, second, autojunk=False).get_opcodes()
    shared = sum(i2 - i1 for tag, i1, i2, _, _ in codes if tag == "equal")
    stretches = [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in codes if tag != "equal"]
    if (not stretches or len(stretches) > MAX_STRETCHES
            or any(tag != "equal" and tag != "replace" for tag, *_ in codes)
            or 2 * shared < max(len(first), len(second))):
        return set()
    found: set[Pair] = set()
    for i1, i2, j1, j2 in stretches:
        one, other = first[i1:i2], second[j1:j2]
        if len(one) > MAX_SPAN or len(other) > MAX_SPAN:
            continue
        if min(len("".join(one)), len("".join(other))) < MIN_CHARS:
            if i2 >= len(first) or j2 >= len(second):
                continue
            one, other = one + first[i2:i2 + 1], other + second[j2:j2 + 1]
        if min(len("".join(one)), len("".join(other))) >= MIN_CHARS:
            found |= {(one, other), (other, one)}
    return found


def sibling_pairs(names: Iterable[Sequence[str]]) -> set[Pair]:
    """Each sibling term against each other one of its set."""
    return {(tokens(a), tokens(b)) for group in names for a in group for b in group
            if a != b and tokens(a) and tokens(b)}


def statements(sentences: Iterable[str]) -> list[Statement]:
    """Every note sentence and each clause of one, ready to compare."""
    found = []
    for sentence in sentences:
        parts = split_clauses(sentence)
        for text in [sentence, *(parts if len(parts) > 1 else [])]:
            said = tokens(text)
            found.append(Statement(text, said, len(_NEGATION.findall(text)),
                                   frozenset(_pairs(said)),
                                   whole=text != sentence or len(parts) == 1))
    return [s for s in found if len(s.tokens) > 1]


def substituted(clause: str, pairs: Iterable[Pair],
                notes: Sequence[Statement]) -> tuple[Pair, Statement] | None:
    """(the counterpart pair, the note statement it restores) when the clause says with one
    term what the notes say with its counterpart."""
    said = tokens(clause)
    if len(said) < MIN_TOKENS or not notes:
        return None
    present = set(said)
    candidates = [(old, new) for old, new in pairs
                  if old[0] in present and len(old) <= MAX_SWAPPED_SHARE * len(said)
                  and _find(said, old) >= 0 and _find(said, new) < 0]
    if not candidates:
        return None
    negations = len(_NEGATION.findall(clause))
    mine = _pairs(said)
    own = max((_overlap(mine, note) for note in notes if note.whole), default=0.0)
    for old, new in candidates:
        restored, around = _replace(said, old, new)
        # The same negations on both sides: "不" inside a counterpart ("不变") counts as it moves.
        expected = (negations - len(_NEGATION.findall("".join(old)))
                    + len(_NEGATION.findall("".join(new))))
        back = _pairs(restored)
        best = max(((_overlap(back, note), note) for note in notes
                    if note.negations == expected and _find(note.tokens, around) >= 0),
                   key=lambda pair: pair[0], default=None)
        if best is not None and best[0] >= RESTORED and best[0] >= own + MARGIN:
            return (old, new), best[1]
    return None
