"""How much of what an answer says the notes say too: the precision side of grading, beside
coverage's recall. Each sentence of the answer is compared with the passage of the notes it
shares most with (a note sentence and its neighbours); the weight of its words found there is
its support. An answer that touches the notes' points but wraps them in claims the notes never
make earns less than one whose every sentence the notes back. Only words the notes use
somewhere count: a filler word no note has ("差不多", "basically") is neither backed nor not."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

# A sentence is compared with a note sentence and this many sentences either side of it.
NEIGHBOURS = 1
# Sentences with fewer words than this say too little to judge.
MIN_TERMS = 2
# A sentence this well backed counts as said by the notes (for the report).
BACKED = 0.5
# Notes this thin cannot vouch for much: a stub ("The rest of the answer is here") with fewer
# distinct words than this holds an answer to what it says only in proportion.
FULL_NOTES = 60
# Support at or above SUPPORTED costs nothing; from there down to UNSUPPORTED an answer loses
# up to MAX_LOSS of its score (measured on the foreign dev set: partial answers average 0.52,
# wrong ones 0.36, strong ones 0.47 — they add what the notes leave out).
SUPPORTED = 0.5
UNSUPPORTED = 0.25
MAX_LOSS = 0.8
# A word no note uses anywhere may be a term the notes lack or filler ("差不多", "basically"):
# it counts this much of its weight.
UNKNOWN = 0.0
# Feedback names the missing backing only when it costs this much.
NOTABLE_LOSS = 0.2


@dataclass(frozen=True)
class Support:
    """How well the notes back an answer."""

    share: float
    """The answer's sentences' support, weighted by how much each says, 0-1."""
    judged: int
    backed: int
    weakest: str
    """The answer's least backed sentence."""


def passages(notes: Sequence[frozenset[str]], context: frozenset[str]) -> list[frozenset[str]]:
    """Each note sentence's words with its neighbours' and the question's own (`context`)."""
    return [frozenset().union(context, *notes[max(0, i - NEIGHBOURS): i + NEIGHBOURS + 1])
            for i in range(len(notes))]


def sentence_support(
    words: frozenset[str], found: Sequence[frozenset[str]], weight: Callable[[str], float]
) -> float:
    """Share of a sentence's word weight that its best passage of the notes has too, 0-1."""
    weighed = {w: weight(w) for w in words}
    total = sum(weighed.values())
    if not total or not found:
        return 0.0
    return max(sum(weighed[w] for w in words & passage) for passage in found) / total


def answer_support(
    sentences: Sequence[tuple[str, frozenset[str]]],
    found: Sequence[frozenset[str]],
    weight: Callable[[str], float],
) -> Support:
    """How well the passages `found` back the answer's (text, words) sentences."""
    # Words of no weight (no note uses them) neither back a sentence nor make it judgeable.
    judged = [(text, words) for text, words in sentences
              if sum(1 for w in words if weight(w) > 0) >= MIN_TERMS]
    if not judged:
        return Support(1.0, 0, 0, "")
    shares = [sentence_support(words, found, weight) for _, words in judged]
    weights = [sum(weight(w) for w in words) for _, words in judged]
    total = sum(weights) or 1.0
    share = sum(s * w for s, w in zip(shares, weights, strict=True)) / total
    weakest = min(range(len(judged)), key=shares.__getitem__)
    return Support(share, len(judged), sum(1 for s in shares if s >= BACKED),
                   judged[weakest][0])


def reliability(notes: Sequence[frozenset[str]]) -> float:
    """How far the notes can vouch for an answer, 0-1: a stub little, a full answer fully."""
    distinct = frozenset().union(*notes) if notes else frozenset()
    return min(1.0, len(distinct) / FULL_NOTES)


def support_loss(share: float, trust: float) -> float:
    """The share of its score an answer loses for what the notes do not back, 0-MAX_LOSS."""
    shortfall = min(1.0, max(0.0, (SUPPORTED - share) / (SUPPORTED - UNSUPPORTED)))
    return MAX_LOSS * trust * shortfall
