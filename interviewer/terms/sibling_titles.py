"""Sibling questions: nearby questions whose titles differ only in one term ("mean pooling
反向传播是什么样的？" beside "max pooling 反向传播是什么样的？", "What is L1 regularization?"
beside "What is L2 regularization?"). The two terms are siblings, and each question's answer
is what the notes say of its term — so an answer to either, or to the question both refine
("池化层反向传播是什么样的？"), can be checked for mixing them up."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from interviewer.terms.question import Question
from interviewer.terms.siblings import ASKING, MAX_CHARS, clean_term

# Siblings sit close together in notes; comparing each title with its neighbours only also
# keeps this linear in the size of the notes.
WINDOW = 8
# The differing part of each title: a term, not a rephrased question.
MAX_TOKENS = 3
_ARTICLES = frozenset({"a", "an", "the"})
# A word in more titles than this share names the notes' whole subject ("Go" in Go notes),
# not what two titles share.
COMMON_SHARE = 0.1
_WORD = re.compile(r"[\w\u4e00-\u9fff]")



@dataclass(frozen=True)
class SiblingQuestions:
    """Two terms told apart by two questions, with the answer each question gives."""

    terms: tuple[str, str]
    answers: tuple[str, str]


def _tokens(title: str) -> list[str]:
    from interviewer.text import cut  # jieba: only when notes are mined

    return [t for t in cut(clean_term(title).lower()) if _WORD.search(t) and t not in _ARTICLES]


def _content(tokens: Sequence[str], common: frozenset[str] = frozenset()) -> set[str]:
    return {t for t in tokens if len(t) > 1 and t not in ASKING and t not in common}


def _join(tokens: Sequence[str]) -> str:
    text = ""
    for token in tokens:
        spaced = text and text[-1].isascii() and text[-1].isalnum() and token[0].isascii()
        text += (" " if spaced else "") + token
    return text


def _differing(
    a: list[str], b: list[str], common: frozenset[str]
) -> tuple[str, str, set[str]] | None:
    """(a's term, b's term, the words both titles share) when the titles differ in one run
    of words and share a subject; None otherwise."""
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    mine, theirs = a[start:len(a) - end], b[start:len(b) - end]
    shared = _content(a[:start] + a[len(a) - end:], common)
    if not (mine and theirs and shared) or max(len(mine), len(theirs)) > MAX_TOKENS:
        return None
    # Each differing word names something: no asking word, no lone character ("的作用").
    if any(t in ASKING or (len(t) == 1 and not t.isascii()) for t in (*mine, *theirs)):
        return None
    terms = _join(mine), _join(theirs)
    if any(len(t) > MAX_CHARS or t.isdigit() for t in terms):
        return None
    return terms[0], terms[1], shared


def sibling_questions(questions: Sequence[Question]) -> dict[str, list[SiblingQuestions]]:
    """Question id → the sibling terms it or a neighbour tells apart: given to both sibling
    questions and to a nearby question whose title names only (and at least two of) the
    words the two share."""
    tokens = [_tokens(q.title) for q in questions]
    counts = Counter(t for words in tokens for t in set(words))
    common = frozenset(t for t, n in counts.items() if n > max(3, COMMON_SHARE * len(tokens)))
    found: dict[str, list[SiblingQuestions]] = {}
    for i, first in enumerate(questions):
        for j in range(i + 1, min(i + 1 + WINDOW, len(questions))):
            differing = _differing(tokens[i], tokens[j], common)
            if differing is None:
                continue
            a, b, shared = differing
            second = questions[j]
            pair = SiblingQuestions((a, b), (first.answer, second.answer))
            lo, hi = max(0, i - WINDOW), min(len(questions), j + WINDOW + 1)
            parents = [questions[k].id for k in range(lo, hi) if k not in (i, j)
                       and len(own := _content(tokens[k], common)) > 1 and own <= shared]
            for qid in (first.id, second.id, *parents):
                found.setdefault(qid, []).append(pair)
    return found
