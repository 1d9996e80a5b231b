"""Find the question of the bank that a free-text question means (`grade --question`),
from titles and key points in either language — no index needed."""

from __future__ import annotations

from interviewer.grading.lexicon import Lexicon, Weights, load_lexicon
from interviewer.grading.rubric import bigrams
from interviewer.notes import QuestionBank
from interviewer.notes.model import Question

# The title says what a question asks; its key points say it less directly.
TITLE_WEIGHT = 2.0
POINT_WEIGHT = 0.5


class QuestionFinder:
    """Scores every question of a bank against a free-text question."""

    def __init__(self, bank: QuestionBank, lexicon: Lexicon | None = None) -> None:
        self._lexicon = lexicon or load_lexicon()
        self._questions = list(bank.questions)
        self._titles = [frozenset(self._lexicon.text_concepts(q.title)) for q in self._questions]
        self._points = [
            frozenset(self._lexicon.text_concepts(" ".join(q.key_points))) for q in self._questions
        ]
        self._grams = [bigrams(q.title) for q in self._questions]
        self._weights = Weights(
            [list(t | p) for t, p in zip(self._titles, self._points, strict=True)], self._lexicon
        )

    def ranked(self, text: str, limit: int = 3) -> list[tuple[Question, float]]:
        """The best matching questions with their scores (0-1), best first."""
        asked = frozenset(self._lexicon.text_concepts(text))
        grams = bigrams(text)
        total = sum(self._weights(c) for c in asked) or 1.0
        scored = []
        for i, question in enumerate(self._questions):
            title = sum(self._weights(c) for c in asked & self._titles[i])
            points = sum(self._weights(c) for c in asked & self._points[i] - self._titles[i])
            lexical = (TITLE_WEIGHT * title + POINT_WEIGHT * points) / (TITLE_WEIGHT * total)
            shared = len(grams & self._grams[i]) / len(grams) if grams else 0.0
            # Among equal scores, the title that asks the least beyond the text is the one
            # meant ("What is a slice?", not "How are slices implemented, and what is…?").
            beyond = sum(self._weights(c) for c in self._titles[i] - asked)
            score = round(min(1.0, max(lexical, shared)), 3)
            scored.append((question, score, beyond))
        scored.sort(key=lambda item: (-item[1], item[2]))
        return [(question, score) for question, score, _ in scored[:limit] if score > 0]
