"""Labelled sentences of notes: "ClusterIP: it is the default type. It exposes the Service on
an internal IP." — the label and the pronoun-led sentences after it speak of ClusterIP only,
so what they say is not held against an answer about the item beside it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from interviewer.grading.lexicon import Lexicon

# A sentence that opens with a pronoun ("It exposes…", "This IP is…", "它只能…") goes on
# about what the sentence before it was about.
_ANAPHOR = re.compile(r"^\s*(?:(?:it|its|this|these|they|their|those)\b|"
                      r"它|这(?!里|时|样)|该|其(?!实|他|它|余))", re.IGNORECASE)
# A label opening a sentence ("ClusterIP: it exposes…", "- **Limits**: the maximum…") names
# at most this many words, every one a term.
LABEL_WORDS = 3


def opens_with_pronoun(text: str) -> bool:
    """True when the text opens with a pronoun that points back ("It exposes…", "它只能…")."""
    return bool(_ANAPHOR.match(text))


def sentence_label(
    sentence: Sequence[tuple[str, Sequence[str]]], context: frozenset[str], lexicon: Lexicon | None
) -> frozenset[str]:
    """The terms a sentence's first clause only names, when more follows ("ClusterIP" of
    "ClusterIP: it is the default type"); none otherwise."""
    if lexicon is None or len(sentence) < 2:
        return frozenset()
    clause, listed = sentence[0]
    named = frozenset(c for c in listed if len(c) > 1)
    if (not named or len(clause.split()) > LABEL_WORDS
            or not all(c in context or lexicon.is_domain(c) for c in named)):
        return frozenset()
    return named


def labels(
    sentences: Sequence[Sequence[tuple[str, list[str]]]],
    context: frozenset[str],
    lexicon: Lexicon,
) -> frozenset[str]:
    """Every term the notes open a sentence with as its label ("NodePort: …"), whether or
    not its sentence points anywhere: an answer naming one speaks of that thing only."""
    return frozenset().union(*(sentence_label(s, context, lexicon) for s in sentences))
