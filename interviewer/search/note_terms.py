"""Synonyms the notes in use define themselves — a Chinese term with its English name in
brackets (`稀疏连接（sparse connectivity）`), an abbreviation with its long form
(`k-nearest neighbors (KNN)`), mined by interviewer.terms — so a query that names one
spelling also searches the others, across the two languages, with no domain pack."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from interviewer.search.phrases import Expander
from interviewer.terms import MinedTerms, abbreviations, term_pairs
from interviewer.topics import compact

if TYPE_CHECKING:
    from interviewer.notes import Question

MINED_VERSION = 6
"""Raise it when mining finds other pairs in the same notes (cached groups are then stale)."""
NOTE_SYNONYM_WEIGHT = 1.0
"""A spelling the notes give for the same term counts as the word typed (it is the only way
BM25 reads the other language's notes). On the foreign dev set, no pack: R@1 0.817 at 0.3,
0.821 at 0.5, 0.825 at 0.75 and 1.0, R@3 down at 1.5."""


def mine_groups(questions: Iterable[Question]) -> list[tuple[str, ...]]:
    """The synonym groups the questions' titles and answers define (bilingual pairs and
    abbreviations, each joined with the ones sharing a spelling)."""
    pairs: list[tuple[str, str]] = []
    shorts: list[tuple[str, str]] = []
    for question in questions:
        text = f"{question.title}\n{question.answer}"
        pairs += term_pairs(text)
        shorts += abbreviations(text)
    return MinedTerms(tuple(dict.fromkeys(pairs)), tuple(dict.fromkeys(shorts))).groups()


def note_synonyms(groups: Iterable[tuple[str, ...]], known: frozenset[str]) -> Expander:
    """An expander over the mined groups of which no spelling is `known` (compacted) to the
    packs' vocabulary already: a pack's group and a mined one naming the same term would
    count it twice."""
    kept = [group for group in groups if not any(compact(alias) in known for alias in group)]
    return Expander(kept, [NOTE_SYNONYM_WEIGHT] * len(kept))
