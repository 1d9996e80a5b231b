"""How the offline grader turns rubric match strengths and honesty findings into a 0-10 score:
credit that grows smoothly with how well each point is made, a small base for an honest,
on-topic attempt, and ceilings for answers that only look like answers."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from interviewer.grading.matching import COVERED, status_for
from interviewer.grading.model import MAX_SCORE, Status, clamp_score

# Full marks need every point of a short rubric (two of three is not a full answer) but not
# all fourteen items of a long list: an interviewer asking "which methods…" is satisfied by a
# good handful, explained.
ALL_POINTS_UP_TO = 4
# A rubric made of the notes' claims is long and not every claim is essential.
CLAIMS_FULL_SHARE = 0.75
FULL_SHARE = 0.8
FULL_BASE, FULL_PER_POINT = 3.0, 0.3
# An explained, on-topic attempt earns a little even when it makes no rubric point clearly:
# ATTEMPT for being about the question, up to SUPPORTED more for saying things the notes say.
ATTEMPT = 1.0
SUPPORTED = 1.0
SUPPORT_FULL = 15.0
MIN_CONTENT = 2
# Ceilings and multipliers for what the honesty checks find.
STUFFED_CEILING = 0.5
# A bare list answering a question that asks for a list names the items without explaining
# them: more than a word salad (up to LIST_BONUS more), still below a short explained
# partial answer.
LIST_CEILING = 1.0
LIST_BONUS = 0.5
RESTATED_FACTOR = 0.2
OFF_TOPIC_FACTOR = 0.35
INJECTION_FACTOR = 0.25
CONTRADICTION_FACTOR = 0.4
MAX_CONTRADICTIONS = 2


@dataclass
class Verdicts:
    """What the honesty checks found about one answer."""

    explained: float = 1.0
    """1 for prose; towards 0.25 as the answer thins into a list of terms."""
    stuffed: bool = False
    listing: bool = False
    """The question asks for a list, so a bare list is a thin answer, not stuffing."""
    restated: bool = False
    off_topic: bool = False
    injected: bool = False
    contradictions: int = 0
    unsupported: float = 0.0
    """Share of the score an answer may lose for saying things the notes do not say, 0-1."""


def point_credit(strength: float) -> float:
    """Credit for one point, 0-1: full once covered; below that it grows with the square of
    the strength, so a few shared words earn almost nothing and a half-made point about half."""
    if strength >= COVERED:
        return 1.0
    return (strength / COVERED) ** 2


def capped(strength: float, status: Status) -> float:
    """The strength a point keeps after the checks lowered its status (a named but stuffed
    term, a point the answer contradicts): no more than the new status allows."""
    if status_for(strength) == status or status == "covered":
        return strength
    return min(strength, COVERED * 0.7) if status == "partly" else 0.0


def full_marks_at(points: int) -> float:
    """How many points (in credit) earn full marks for a rubric of this size."""
    if points <= ALL_POINTS_UP_TO:
        return float(max(points, 1))
    return min(FULL_SHARE * points, FULL_BASE + FULL_PER_POINT * points)


def coverage_ratio(strengths: Sequence[float], claims: bool = False) -> float:
    """Share of full marks the rubric credit reaches, 0-1. A rubric of the notes' own
    claims (nothing highlighted) is credited in proportion: half the claims, about half."""
    if not strengths:
        return 0.0
    credit = sum(point_credit(s) for s in strengths)
    count = len(strengths)
    if claims and count > ALL_POINTS_UP_TO:
        full = CLAIMS_FULL_SHARE * count
    else:
        full = full_marks_at(count)
    return min(1.0, credit / max(full, 1.0))


def attempt_base(
    concepts: Iterable[str],
    profile: frozenset[str],
    title: frozenset[str],
    weight: Callable[[str], float],
) -> float:
    """The base an honest attempt earns, 0-2: on the question's subject at all, plus the
    weight of what it says beyond the question's own words that the notes also say."""
    present = set(concepts)
    if len(present) < MIN_CONTENT or not present & (profile | title):
        return 0.0
    supported = sum(weight(c) for c in present - title if c in profile)
    return ATTEMPT + SUPPORTED * min(1.0, supported / SUPPORT_FULL)


def final_score(ratio: float, base: float, found: Verdicts) -> float:
    """The 0-10 score: the base, topped up towards 10 by rubric coverage, then what the
    honesty checks take away."""
    if found.stuffed or found.restated or found.off_topic or found.contradictions:
        # A list of terms, the question's own words, another topic or a claim the notes
        # contradict: not an attempt that earns anything for being on the subject.
        base = 0.0
    score = base + (MAX_SCORE - base) * ratio * found.explained
    if found.stuffed:
        # Named items answer a list question a little, however many the list leaves out.
        if found.listing and ratio > 0:
            score = min(LIST_CEILING, min(score, STUFFED_CEILING) + LIST_BONUS)
        else:
            score = min(score, STUFFED_CEILING)
    if found.restated:
        score *= RESTATED_FACTOR
    if found.off_topic:
        score *= OFF_TOPIC_FACTOR
    if found.injected:
        score *= INJECTION_FACTOR
    score *= CONTRADICTION_FACTOR ** min(found.contradictions, MAX_CONTRADICTIONS)
    score *= 1.0 - found.unsupported
    return clamp_score(score)
