"""The offline grader: rubric coverage from the notes' key points, kept honest by checks
for non-answers, injected instructions, keyword lists, restating, off-topic answers and
contradictions. No network, no index: the question bank is all it needs."""

from __future__ import annotations

import re
from dataclasses import replace

from interviewer.grading.contradiction import Claim, claims, find_contradictions, text_clauses
from interviewer.grading.denial import denied_links
from interviewer.grading.feedback import Findings, compose
from interviewer.grading.honesty import (
    ProfileIndex,
    asks_for_list,
    better_question,
    explanation_factor,
    is_non_answer,
    is_restated,
    is_stuffed,
    strip_injection,
)
from interviewer.grading.lexicon import Lexicon, Weights, load_lexicon
from interviewer.grading.matching import (
    AnswerView,
    PointMatch,
    match_point,
    named_only,
    status_for,
    view_answer,
)
from interviewer.grading.misconceptions import find_misconceptions
from interviewer.grading.model import Grade, RubricItem, Status, verdict_for
from interviewer.grading.rubric import Reference, build_reference
from interviewer.grading.scoring import (
    Verdicts,
    attempt_base,
    capped,
    coverage_ratio,
    final_score,
)
from interviewer.notes import QuestionBank
from interviewer.notes.model import Question
from interviewer.text import language_of
from interviewer.topics import Glossary

NO_REFERENCE = (
    "the notes have no answer to this question: graded offline only on whether the answer "
    "takes up the question's own terms, at most 7/10 (correctness cannot be checked)"
)
NO_REFERENCE_CAP = 7.0

_ASIDE = re.compile(r"（[^）]*）|\([^)]*\)")
# A question prepared once: its rubric, its note clauses with a direction, and every note
# sentence with its concepts.
_Prepared = tuple[Reference, list[Claim], list[tuple[str, frozenset[str]]]]
# Off-topic only when the asked question is covered this little.
OFF_TOPIC_BELOW = 0.35


def _only(terms: dict[str, float], present: set[str], named: frozenset[str]) -> bool:
    """True when every term of a point the answer has is one it only lists."""
    found = present.intersection(terms)
    return bool(found) and found <= named


def cap_status(status: Status, demote: bool = False) -> Status:
    """At most "partly" (a term named, not explained); `demote` also drops partly to missed."""
    if status == "covered":
        return "partly"
    return "missed" if demote else status


class KeywordGrader:
    """Grades against the question's rubric with no network and no index."""

    name = "keyword"
    wants_context = False

    def __init__(self, bank: QuestionBank, glossary: Glossary | None = None) -> None:
        self._bank = bank
        self._lexicon: Lexicon = load_lexicon(glossary) if glossary else load_lexicon()
        documents = {q.id: self._profile_concepts(q) for q in bank.questions}
        self._weights = Weights(list(documents.values()), self._lexicon)
        self._index = ProfileIndex(documents)
        self._profiles = {qid: frozenset(concepts) for qid, concepts in documents.items()}
        self._references: dict[tuple[str, str, tuple[str, ...]], _Prepared] = {}

    def _profile_concepts(self, question: Question) -> list[str]:
        text = " ".join((question.title, *question.key_points, question.answer))
        return self._lexicon.text_concepts(text)

    def _reference(self, question: Question) -> _Prepared:
        # A follow-up is graded as the same question id with its own title and key points.
        key = (question.id, question.title, question.key_points)
        cached = self._references.get(key)
        if cached is None:
            reference = build_reference(question, self._lexicon, self._weights)
            # Asides in brackets qualify a claim; they are not the claim.
            plain = [_ASIDE.sub("", s) for s in reference.sentences]
            # The question itself is a note too: an answer that agrees with its premise
            # ("dropout 可以防止过拟合") is not contradicting anything.
            sentences = [clauses for s in [question.title, *plain]
                         for clauses in text_clauses(s, self._lexicon)]
            notes = claims(sentences, reference.title_concepts, self._lexicon)
            note_sentences = [(s, frozenset(self._lexicon.text_concepts(s)))
                              for s in [question.title, *plain]]
            cached = self._references[key] = (reference, notes, note_sentences)
        return cached

    def grade(self, question: Question, answer: str, context: list[str] | None = None) -> Grade:
        """Grade `answer` against the question's rubric (`context` is not needed)."""
        if not question.has_reference and not question.key_points:
            # The notes' silence is not the candidate's fault: with no reference, the answer is
            # checked only against the question's own terms, and the grade says so.
            asked = replace(question, key_points=(question.title,), answer=question.title)
            grade = self.grade(asked, answer, context)
            score = min(grade.score, NO_REFERENCE_CAP)
            return grade.model_copy(update={
                "notice": NO_REFERENCE, "score": score,
                "verdict": verdict_for(score, empty=grade.verdict == "no answer"),
            })
        reference, notes, note_sentences = self._reference(question)
        language = language_of(answer) if answer.strip() else language_of(question.title)
        cleaned = strip_injection(answer)
        view = view_answer(cleaned.text, self._lexicon)
        findings = Findings(injected=bool(cleaned.injected))
        flags = ["injection"] if findings.injected else []
        if is_non_answer(cleaned.text, view, self._lexicon.is_domain):
            findings.non_answer = True
            rubric = [RubricItem(point=p.text) for p in reference.points]
            feedback, follow_up = compose(rubric, findings, language, question.title)
            return self._grade(question, 0.0, rubric, feedback, follow_up, language,
                               [*flags, "non_answer"], empty=True)

        matches = [match_point(point, view) for point in reference.points]
        statuses = [status_for(match.strength) for match in matches]
        findings.stuffed = is_stuffed(view)
        if findings.stuffed:
            # A term named is not a term explained.
            statuses = [cap_status(st) for st in statuses]
        else:
            # Nor is a point made by the terms of a list alone ("sigmoid、tanh、relu 这些").
            named = named_only(view, self._lexicon)
            present = set(view.concepts)
            statuses = [cap_status(st) if not point.label and _only(point.core, present, named)
                        else st for point, st in zip(reference.points, statuses, strict=True)]
        # A known misconception names the fact outright, so it wins over a note clause
        # that clashes with the same words. A list of terms claims nothing.
        wrong = [] if findings.stuffed else self._misconceptions(
            cleaned.text, question.title, language, matches)
        wrong += [
            clash for clash in self._wrong_claims(reference, notes, note_sentences, view, statuses)
            if not any(clash[0] in said or said in clash[0] for said, _, _ in wrong)
        ]
        findings.contradictions = [(said, note) for said, note, _ in wrong]
        for _, _, index in wrong:
            if index is not None:
                statuses[index] = cap_status(statuses[index], demote=True)
        rubric = [
            RubricItem(
                point=point.text,
                status=status,
                evidence=match.evidence if status != "missed" else "",
            )
            for point, match, status in zip(reference.points, matches, statuses, strict=True)
        ]

        found = Verdicts(explained=explanation_factor(view), stuffed=findings.stuffed,
                         listing=asks_for_list(question.title), injected=findings.injected,
                         contradictions=len(wrong))
        if findings.stuffed:
            flags.append("keyword_stuffing")
        strengths = [capped(m.strength, st) for m, st in zip(matches, statuses, strict=True)]
        # Credit, not statuses: a few "partly"s from shared words ("梯度", "导数") do not make
        # an answer about ReLU an answer about the loss function.
        ratio = coverage_ratio(strengths)
        if is_restated(view, reference.title_concepts, self._weights, self._lexicon.is_domain):
            findings.restated = found.restated = True
            flags.append("restated")
        elif ratio < OFF_TOPIC_BELOW:
            other = better_question(view.concepts, question.id, self._index, self._weights,
                                    self._lexicon.is_domain)
            if other is not None:
                found_q = self._bank.get(other[0])
                findings.off_topic = found_q.title if found_q else other[0]
                found.off_topic = True
                flags.append("off_topic")
        if wrong:
            flags.append("contradiction")
        base = attempt_base(view.concepts, self._profiles.get(question.id, frozenset()),
                            reference.title_concepts, self._weights)
        score = final_score(ratio, base, found)
        feedback, follow_up = compose(rubric, findings, language, question.title)
        return self._grade(question, score, rubric, feedback, follow_up, language, flags)

    def _wrong_claims(
        self,
        reference: Reference,
        notes: list[Claim],
        said_in_notes: list[tuple[str, frozenset[str]]],
        view: AnswerView,
        statuses: list[Status],
    ) -> list[tuple[str, str, int | None]]:
        """(answer text, what the notes say, index of the point it spoils) for each claim
        that contradicts the notes."""
        points = reference.points
        found: list[tuple[str, str, int | None]] = []
        mine = claims([s.clauses for s in view.sentences], lexicon=self._lexicon)
        for said, note in find_contradictions(mine, notes, self._lexicon,
                                              reference.title_concepts):
            inside = [i for i, p in enumerate(points) if note.text in p.text]
            if inside and statuses[inside[0]] == "covered":
                # Covered even without the clashing sentence: the answer states the point
                # correctly elsewhere, so the clash is a parsing slip, not an error.
                rest = [s for s in view.sentences if said.text not in s.text]
                elsewhere = AnswerView(view.text, rest, view.concepts, view.glue)
                if status_for(match_point(points[inside[0]], elsewhere).strength) == "covered":
                    continue
            found.append((said.text, note.text, inside[0] if inside else None))
        clauses = [s.clauses for s in view.sentences]
        for clause, sentence in denied_links(clauses, said_in_notes, reference.title_concepts,
                                             self._lexicon):
            inside = [i for i, p in enumerate(points) if p.text in sentence or sentence in p.text]
            found.append((clause, sentence, inside[0] if inside else None))
        return found

    @staticmethod
    def _misconceptions(
        text: str, title: str, language: str, matches: list[PointMatch]
    ) -> list[tuple[str, str, int | None]]:
        """(answer text, the fact, index of the point it spoils) for each common
        misconception the answer states."""
        found: list[tuple[str, str, int | None]] = []
        for said, fact in find_misconceptions(text, title, language):
            spoiled = [i for i, m in enumerate(matches) if m.evidence and said in m.evidence]
            found.append((said, fact, spoiled[0] if spoiled else None))
        return found

    def _grade(
        self,
        question: Question,
        score: float,
        rubric: list[RubricItem],
        feedback: str,
        follow_up: str,
        language: str,
        flags: list[str],
        empty: bool = False,
    ) -> Grade:
        return Grade(
            question_id=question.id,
            score=score,
            verdict=verdict_for(score, empty=empty),
            rubric=rubric,
            missing=[item.point for item in rubric if item.status == "missed"],
            feedback=feedback,
            follow_up=follow_up,
            grader=self.name,
            language="zh" if language == "zh" else "en",
            flags=flags,
        )
