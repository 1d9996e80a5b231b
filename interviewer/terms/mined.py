"""The terms mined from one set of notes, cached by the notes' content: bilingual pairs and
abbreviations merged into synonym groups, and each question's sibling sets."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from interviewer.terms.pairs import abbreviations, same_term, term_pairs
from interviewer.terms.question import Question
from interviewer.terms.sibling_titles import sibling_questions
from interviewer.terms.siblings import attached_text, sibling_sets

# A group that grows past this is a chain of loose pairs, not one term's spellings.
MAX_GROUP = 6
_CACHE: dict[str, MinedTerms] = {}
_CACHE_SIZE = 8



@dataclass(frozen=True)
class MinedTerms:
    """Term pairs, abbreviations and sibling sets of one set of notes."""

    pairs: tuple[tuple[str, str], ...] = ()
    """(Chinese, English) pairs the notes write with a bracket."""
    abbreviations: tuple[tuple[str, str], ...] = ()
    """(abbreviation, long form) pairs the notes define."""
    siblings: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    """Question id → the sets of terms that question defines side by side."""
    attached: dict[str, dict[str, str]] = field(default_factory=dict)
    """Question id → each term its answer labels (lower case) → the text under the label."""

    def groups(self) -> list[tuple[str, ...]]:
        """Synonym groups: every pair and abbreviation joined with the ones sharing a term."""
        parent: dict[str, str] = {}

        def root(term: str) -> str:
            while parent.setdefault(term, term) != term:
                term = parent[term]
            return term

        spelled: dict[str, str] = {}
        ambiguous = self._ambiguous()
        pairs = [(zh, en) for zh, en in self.pairs if zh not in ambiguous]
        for a, b in (*pairs, *self.abbreviations):
            ka, kb = a.lower(), b.lower()
            spelled.setdefault(ka, a)
            spelled.setdefault(kb, b)
            parent[root(ka)] = root(kb)
        members: dict[str, list[str]] = {}
        for key in spelled:
            members.setdefault(root(key), []).append(spelled[key])
        return [tuple(group) for group in members.values() if 2 <= len(group) <= MAX_GROUP]

    def _ambiguous(self) -> set[str]:
        """Chinese spellings the notes pair with two different terms (jieba cuts 调度程序 and
        分派程序 both down to 程序): a synonym of neither."""
        links = {(short.lower(), long.lower()) for short, long in self.abbreviations}
        partners: dict[str, list[str]] = {}
        for zh, en in self.pairs:
            partners.setdefault(zh, []).append(en)
        return {
            zh for zh, names in partners.items()
            if any(not same_term(a, b, links) for a, b in combinations(names, 2))
        }

    def told_apart(self) -> list[tuple[str, ...]]:
        """Every sibling set of the notes, once."""
        return list(dict.fromkeys(s for sets in self.siblings.values() for s in sets))

    def siblings_of(self, question_id: str) -> tuple[tuple[str, ...], ...]:
        """The sibling sets of one question."""
        return self.siblings.get(question_id, ())

    def attached_to(self, question_id: str) -> dict[str, str]:
        """The text under each term one question's answer labels."""
        return self.attached.get(question_id, {})


def _fingerprint(questions: Sequence[Question]) -> str:
    digest = hashlib.sha256()
    for question in questions:
        digest.update(f"{question.id}\0{question.title}\0{question.answer}\0".encode())
    return digest.hexdigest()


def mine_terms(questions: Iterable[Question]) -> MinedTerms:
    """The terms of a set of questions (cached by their content)."""
    listed = list(questions)
    key = _fingerprint(listed)
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    pairs: list[tuple[str, str]] = []
    shorts: list[tuple[str, str]] = []
    siblings: dict[str, tuple[tuple[str, ...], ...]] = {}
    attached: dict[str, dict[str, str]] = {}
    for question in listed:
        text = f"{question.title}\n{question.answer}"
        pairs += term_pairs(text)
        shorts += abbreviations(text)
        found = sibling_sets(question.title, question.answer)
        if found:
            siblings[question.id] = tuple(found)
            attached[question.id] = attached_text(question.answer)
    for qid, told_apart in sibling_questions(listed).items():
        siblings[qid] = tuple(dict.fromkeys((*siblings.get(qid, ()),
                                             *(pair.terms for pair in told_apart))))
        labelled = attached.setdefault(qid, {})
        for pair in told_apart:
            for term, answer in zip(pair.terms, pair.answers, strict=True):
                labelled.setdefault(term.lower(), answer)
    mined = MinedTerms(tuple(dict.fromkeys(pairs)), tuple(dict.fromkeys(shorts)), siblings,
                       attached)
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.clear()
    _CACHE[key] = mined
    return mined
