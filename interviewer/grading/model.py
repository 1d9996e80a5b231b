"""The `Grade` every grader returns (design.md's grade JSON) and how a score follows
from the rubric."""

from __future__ import annotations

from typing import Literal, Protocol

from pydantic import BaseModel, Field, model_validator

from interviewer.notes.model import Question

MAX_SCORE = 10
Status = Literal["covered", "partly", "missed"]
CREDIT: dict[str, float] = {"covered": 1.0, "partly": 0.5, "missed": 0.0}
# Verdict bands over the 0-10 score, highest first; "no answer" is for empty answers.
VERDICTS: tuple[tuple[float, str], ...] = (
    (8.5, "excellent"),
    (7.0, "good"),
    (5.0, "fair"),
    (2.5, "weak"),
    (0.0, "poor"),
)


class RubricItem(BaseModel):
    """One key point of the reference answer and how the answer dealt with it."""

    point: str
    status: Status = "missed"
    covered: bool = False
    evidence: str = ""

    @model_validator(mode="after")
    def _covered_follows_status(self) -> RubricItem:
        self.covered = self.status == "covered"
        return self


# Checks whose findings describe the answer rather than fault it.
INFORMATIVE = frozenset({"coverage", "alignment"})


class CheckReport(BaseModel):
    """One check of the offline grader: whether it ran and what it found."""

    name: str
    ran: bool = True
    found: list[str] = Field(default_factory=list)
    """What the check found, one line each (empty: it ran and found nothing)."""
    note: str = ""
    """Why it did not run, or what it could not verify."""


class Grade(BaseModel):
    """A graded answer: score, rubric, feedback and where the grade came from."""

    question_id: str
    score: float = Field(ge=0, le=MAX_SCORE)
    max_score: int = MAX_SCORE
    verdict: str
    rubric: list[RubricItem] = Field(default_factory=list)
    missing: list[str] = Field(default_factory=list)
    feedback: str = ""
    follow_up: str = ""
    grader: str
    notice: str | None = None
    language: Literal["zh", "en"] = "zh"
    flags: list[str] = Field(default_factory=list)
    checks: list[CheckReport] = Field(default_factory=list)
    """What the grader verified and what it found, in the order it checked."""

    def to_json(self) -> dict[str, object]:
        """The grade as design.md's JSON shape (plus language and flags)."""
        return self.model_dump(mode="json")

    def checks_line(self) -> str:
        """The checks in one quiet line: each that ran, ✓ (nothing wrong) or ✗ (found
        something), then those that could not run."""
        ran, skipped = [], []
        for report in self.checks:
            name = report.name.replace("_", " ")
            if not report.ran:
                skipped.append(name)
            elif report.name in INFORMATIVE:
                ran.append(f"{name} ✓")
            else:
                ran.append(f"{name} {'✗' if report.found else '✓'}")
        if "unverified" in self.flags:
            ran.append("nothing in the answer could be verified against the notes")
        elif "statements_unchecked" in self.flags:
            ran.append("points matched by meaning only: statements not checked")
        line = "checks: " + " · ".join(ran) if ran else ""
        return f"{line} · not run: {', '.join(skipped)}" if skipped and line else line


def verdict_for(score: float, empty: bool = False) -> str:
    """The verdict word for a score (or 'no answer')."""
    if empty:
        return "no answer"
    return next(word for floor, word in VERDICTS if score >= floor)


def coverage(rubric: list[RubricItem]) -> float:
    """Share of the rubric the answer covers, 0-1 (a partly covered point counts half)."""
    if not rubric:
        return 0.0
    return sum(CREDIT[item.status] for item in rubric) / len(rubric)


def clamp_score(value: float) -> float:
    """A score inside 0-10, rounded to half points."""
    return round(min(max(value, 0.0), float(MAX_SCORE)) * 2) / 2


class Grader(Protocol):
    """Anything that grades an answer to a question."""

    name: str
    wants_context: bool
    """True when the grader uses related notes from the index (the LLM does; the offline
    grader works from the question bank alone)."""

    def grade(self, question: Question, answer: str, context: list[str] | None = None) -> Grade:
        """Grade `answer` against the question's reference answer and key points;
        `context` holds related notes retrieved from the index."""
        ...
