"""From the model's rubric judgments to a `Grade`: the score is computed here, never taken
from the model; everything it sends is clamped and cross-checked with the offline grade."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from interviewer.grading.llm_schema import GradingReply
from interviewer.grading.model import (
    Grade,
    RubricItem,
    Status,
    clamp_score,
    coverage,
    verdict_for,
)

MAX_SCORE = 10.0
ADJUSTMENT = (-3.0, 1.0)  # bounds of the model's correctness adjustment, in points
# Offline-grader flags (see keyword.py) that mean the answer tries to steer the grader.
INJECTION_FLAGS = frozenset({"injection"})
# Offline-grader flags that mean the answer only looks like a good one.
SUSPECT_FLAGS = frozenset({"keyword_stuffing", "restated", "off_topic", "contradiction"})
# Offline-grader flags about what it could not check, not about the answer: the LLM read it.
OFFLINE_LIMITS = frozenset({"unverified", "statements_unchecked"})
SUSPECT_GAP = 4.0  # how far above the offline score a flagged answer may go before we step in
_TOKENS = re.compile(r"[\u3400-\u9fff]|[A-Za-z]+|\d+")


@dataclass
class Judged:
    """The rubric as the model judged it, after our sanity checks."""

    items: list[RubricItem]
    notes: list[str] = field(default_factory=list)


def _tokens(text: str) -> set[str]:
    return {t.lower() for t in _TOKENS.findall(text)}


def quote_supported(evidence: str, answer: str) -> bool:
    """True when most of the quoted evidence really occurs in the answer."""
    wanted = _tokens(evidence)
    if not wanted:
        return False
    return len(wanted & _tokens(answer)) / len(wanted) >= 0.5


def judge_rubric(points: list[str], reply: GradingReply, answer: str) -> Judged:
    """One `RubricItem` per key point, from the model's judgments by number."""
    by_index: dict[int, tuple[Status, str]] = {}
    for judgment in reply.rubric:
        if 1 <= judgment.index <= len(points):
            by_index.setdefault(judgment.index, (judgment.status, judgment.evidence.strip()))
    items: list[RubricItem] = []
    skipped = unsupported = 0
    for number, point in enumerate(points, start=1):
        status, evidence = by_index.get(number, ("missed", ""))
        if number not in by_index:
            skipped += 1
        if status == "covered" and not quote_supported(evidence, answer):
            # "Covered" needs a quote from the answer; an invented one earns half at most.
            status, unsupported = "partly", unsupported + 1
        items.append(RubricItem(point=point, status=status, evidence=evidence[:300]))
    judged = Judged(items)
    if skipped:
        judged.notes.append(f"the model skipped {skipped} key point(s); counted as missed")
    if unsupported:
        judged.notes.append(
            f"{unsupported} point(s) marked covered without a quote from the answer; "
            "counted as partly"
        )
    return judged


def adjustment(reply: GradingReply, share: float) -> float:
    """The model's correctness adjustment, bounded and consistent with its own findings."""
    value = reply.correctness if math.isfinite(reply.correctness) else 0.0
    low, high = ADJUSTMENT
    value = min(max(value, low), high)
    if reply.errors:
        value = min(value, -1.0)  # it found mistakes, so no bonus
    if share == 0:
        value = min(value, 0.0)  # nothing covered: nothing to reward
    return value


def _fmt(score: float) -> str:
    return f"{score:g}/10"


def cross_check(score: float, reply: GradingReply, offline: Grade) -> tuple[float, list[str]]:
    """The score after comparing with the offline grade, and why it changed."""
    notes: list[str] = []
    flags = set(offline.flags)
    if (reply.instructions_to_grader or flags & INJECTION_FLAGS) and score > offline.score:
        notes.append(
            "the answer contains instructions aimed at the grader; the LLM's "
            f"{_fmt(score)} was lowered to the offline grader's {_fmt(offline.score)}"
        )
        score = offline.score
    suspect = sorted(flags & SUSPECT_FLAGS)
    if suspect and score - offline.score > SUSPECT_GAP:
        lowered = clamp_score((score + offline.score) / 2)
        notes.append(
            f"the offline grader flags {', '.join(suspect)} (it gives {_fmt(offline.score)}); "
            f"the LLM's {_fmt(score)} was lowered to {_fmt(lowered)}"
        )
        score = lowered
    return score, notes


def build_grade(
    question_id: str,
    points: list[str],
    reply: GradingReply,
    answer: str,
    offline: Grade,
    grader: str,
    language: str,
) -> Grade:
    """The LLM's grade: computed score, clamped fields, cross-checked with `offline`."""
    judged = judge_rubric(points, reply, answer)
    share = coverage(judged.items)
    score = clamp_score(MAX_SCORE * share + adjustment(reply, share))
    score, notes = cross_check(score, reply, offline)
    flags = [flag for flag in offline.flags if flag not in OFFLINE_LIMITS]
    if reply.instructions_to_grader and not set(flags) & INJECTION_FLAGS:
        flags.append("injection")
    notes = judged.notes + notes
    return Grade(
        question_id=question_id,
        score=score,
        verdict=verdict_for(score),
        rubric=judged.items,
        missing=[item.point for item in judged.items if item.status == "missed"],
        feedback=reply.feedback.strip()[:2000] or offline.feedback,
        follow_up=reply.follow_up.strip()[:500],
        grader=grader,
        notice="; ".join(notes) or None,
        language="zh" if language == "zh" else "en",
        flags=flags,
        # The offline grader's checks ran on the answer too (the cross-check above).
        checks=offline.checks,
    )
