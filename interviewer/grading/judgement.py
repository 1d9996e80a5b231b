"""What the offline grader knows while it judges one answer: the tools prepared for the
whole bank, the question prepared once, and what each check has found so far. The checks
(checks.py) read and extend a `Judgement`; keyword.py turns the finished one into a grade."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from interviewer.grading.feedback import Findings
from interviewer.grading.scoring import Verdicts

if TYPE_CHECKING:
    from interviewer.grading.alignment import Aligner
    from interviewer.grading.contradiction import Claim
    from interviewer.grading.honesty import ProfileIndex
    from interviewer.grading.lexicon import Lexicon, Weights
    from interviewer.grading.matching import AnswerView, PointMatch
    from interviewer.grading.misconceptions import Misconception
    from interviewer.grading.model import CheckReport, Status
    from interviewer.grading.polarity import Stance
    from interviewer.grading.ratios import Ratio
    from interviewer.grading.relations import Relation
    from interviewer.grading.rubric import Reference
    from interviewer.grading.steps import Procedure
    from interviewer.grading.substitution import Pair, Statement
    from interviewer.grading.swaps import NoteFormula, Sibling
    from interviewer.grading.values import NoteValue
    from interviewer.notes import QuestionBank
    from interviewer.notes.model import Question
    from interviewer.terms import MinedTerms


@dataclass
class Tools:
    """What the grader prepares once for a question bank."""

    bank: QuestionBank
    lexicon: Lexicon
    weights: Weights
    index: ProfileIndex
    profiles: dict[str, frozenset[str]]
    misconceptions: tuple[Misconception, ...]
    terms: MinedTerms
    aligner: Aligner | None = None

    def is_term(self, concept: str) -> bool:
        """True for a term of the subject: a lexicon term or, since notes no pack knows have
        few of those, a word of a few questions only."""
        return self.lexicon.is_domain(concept) or self.weights.is_rare(concept)


@dataclass
class Prepared:
    """One question prepared once: its rubric, its note clauses with a direction, every
    note sentence with its concepts, the formulas (and ratios in words) the notes give and its
    sibling terms."""

    reference: Reference
    claims: list[Claim]
    sentences: list[tuple[str, frozenset[str]]]
    formulas: list[NoteFormula]
    siblings: list[tuple[Sibling, ...]]
    ratios: list[tuple[Ratio, str]] = field(default_factory=list)
    """The ratios the notes state in words, with the sentence each is in."""
    passages: list[frozenset[str]] = field(default_factory=list)
    """Each note sentence's words with its neighbours' and the question's (support check)."""
    trust: float = 1.0
    """How far the notes can vouch for an answer (a stub little), 0-1."""
    language: str = "en"
    """The language of the notes' answer."""
    statements: list[Statement] = field(default_factory=list)
    """Every note sentence and clause, as written."""
    counterparts: set[Pair] = field(default_factory=set)
    """Terms the notes set against each other (parallel clauses, siblings)."""
    values: list[NoteValue] = field(default_factory=list)
    """The numbers, dimensions and complexities the notes state, each with its quantity."""
    relations: list[Relation] = field(default_factory=list)
    """The one-way relations the notes state ("A is based on B")."""
    apart: list[tuple[frozenset[str], str]] = field(default_factory=list)
    """Terms a note sentence (or the question) tells apart, with that sentence."""
    stances: list[Stance] = field(default_factory=list)
    """Note clauses that say something of a thing they name first, affirmed or denied."""
    labels: frozenset[str] = frozenset()
    """Terms the notes open a sentence with as its label ("NodePort: …")."""
    procedures: list[Procedure] = field(default_factory=list)
    """Steps the notes put in an order (numbered, in sequence words, before/after, arrows)."""
    subjects: frozenset[str] = frozenset()
    """What the notes' sections over the question are named for, one word each ("Kafka",
    "持久化"): a word of every question in single-subject notes, so never rare, yet the thing
    a clause like "kafka不保证全局有序" is about."""

    def names_thing(self, concept: str, is_term: Callable[[str], bool]) -> bool:
        """True for a concept a clause can be about: a term, or what a section is named."""
        return is_term(concept) or concept in self.subjects


@dataclass
class Wrong:
    """A claim of the answer that the notes (or a pack's facts) contradict."""

    kind: str
    said: str
    note: str
    point: int | None = None
    """Index of the rubric point it spoils."""
    message: str = ""
    """The feedback line naming the error, in the answer's language (else a generic one)."""


@dataclass
class Judgement:
    """One answer on its way through the checks."""

    question: Question
    prepared: Prepared
    tools: Tools
    text: str
    language: str
    view: AnswerView
    injected: list[str]
    matches: list[PointMatch] = field(default_factory=list)
    statuses: list[Status] = field(default_factory=list)
    wrong: list[Wrong] = field(default_factory=list)
    verdicts: Verdicts = field(default_factory=Verdicts)
    findings: Findings = field(default_factory=Findings)
    flags: list[str] = field(default_factory=list)
    reports: list[CheckReport] = field(default_factory=list)
    ratio: float = 0.0
    """Share of full marks the rubric coverage reaches (set by the coverage check)."""
    finished: bool = False
    """True when a check settled the grade (an empty answer): later checks do not run."""

    @property
    def zh(self) -> bool:
        """True when feedback is written in Chinese."""
        return self.language == "zh"

    def _spoiled_by(self, wrong: Wrong) -> list[int]:
        """The point a wrong claim was made on: the one its check names, else those the
        claim itself was taken as evidence for (a swapped clause must not tick a point)."""
        if wrong.point is not None:
            return [wrong.point]
        said = wrong.said
        return [i for i, match in enumerate(self.matches)
                if match.evidence and (said in match.evidence or match.evidence in said)]

    def add_wrong(self, wrong: Wrong) -> bool:
        """Record a wrong claim (unless an earlier check already named the same words): it
        spoils the point it was made on and counts against the score."""
        if any(wrong.said in w.said or w.said in wrong.said for w in self.wrong):
            return False
        self.wrong.append(wrong)
        self.findings.contradictions.append((wrong.said, wrong.note))
        if wrong.message:
            self.findings.explained[wrong.said] = wrong.message
        self.verdicts.contradictions += 1
        for point in self._spoiled_by(wrong):
            status = self.statuses[point]
            self.statuses[point] = "partly" if status == "covered" else "missed"
        if "contradiction" not in self.flags:
            self.flags.append("contradiction")
        return True
