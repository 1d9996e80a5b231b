"""How much of what an answer says the notes say too: the precision side of grading, beside
coverage's recall. Each sentence of the answer is compared with the passage of the notes it
shares most with (a note sentence and its neighbours); the weight of its terms found there is
its support. An answer that covers the notes' points but wraps them in claims the notes never
make earns less than one whose every sentence the notes back."""

from __future__ import annotations

from collections.abc import Callable, Sequence

# A sentence is compared with a note sentence and this many sentences either side of it.
NEIGHBOURS = 1
# Sentences with fewer content terms than this say too little to judge.
MIN_TERMS = 2
# Notes too thin to judge by: a stub ("the rest of the answer is here") with fewer distinct
# terms than this backs nothing, so an answer to it is not held to what it says.
FULL_NOTES = 60


def passages(notes: Sequence[frozenset[str]], context: frozenset[str]) -> list[frozenset[str]]:
    """Each note sentence's terms with its neighbours' and the question's own (`context`)."""
    return [frozenset().union(context, *notes[max(0, i - NEIGHBOURS): i + NEIGHBOURS + 1])
            for i in range(len(notes))]


def sentence_support(
    terms: frozenset[str], found: Sequence[frozenset[str]], weight: Callable[[str], float]
) -> float:
    """Share of a sentence's term weight that its best passage of the notes has too, 0-1."""
    total = sum(weight(t) for t in terms)
    if not total or not found:
        return 0.0
    return max(sum(weight(t) for t in terms & passage) for passage in found) / total


def answer_support(
    sentences: Sequence[frozenset[str]],
    found: Sequence[frozenset[str]],
    weight: Callable[[str], float],
) -> tuple[float, int, int]:
    """(support of the answer — its sentences' support weighted by what each says —, how
    many sentences were judged, how many of them the notes mostly back)."""
    judged = [s for s in sentences if len(s) >= MIN_TERMS]
    if not judged:
        return 1.0, 0, 0
    shares = [sentence_support(s, found, weight) for s in judged]
    weights = [sum(weight(t) for t in s) for s in judged]
    total = sum(weights) or 1.0
    backed = sum(1 for share in shares if share >= 0.5)
    return sum(s * w for s, w in zip(shares, weights, strict=True)) / total, len(judged), backed


def reliability(notes: Sequence[frozenset[str]]) -> float:
    """How far the notes can vouch for an answer, 0-1: stubs little, full answers fully."""
    distinct = frozenset().union(*notes) if notes else frozenset()
    return min(1.0, len(distinct) / FULL_NOTES)

# Support at or above SUPPORTED costs nothing; from there down to UNSUPPORTED the score loses
# up to MAX_LOSS (scaled by how far the notes can vouch at all).
SUPPORTED = 0.5
UNSUPPORTED = 0.25
MAX_LOSS = 0.8


def support_loss(share: float, trust: float) -> float:
    """The share of its score an answer may lose for what the notes do not back, 0-1."""
    shortfall = min(1.0, max(0.0, (SUPPORTED - share) / (SUPPORTED - UNSUPPORTED)))
    return MAX_LOSS * trust * shortfall
