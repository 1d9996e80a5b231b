"""The slow parts of an interview — grader (openai), retriever (chromadb), jieba — built
once, on first use, from whichever thread asks first. Free of Textual."""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING, Any

from interviewer.errors import InterviewerError

if TYPE_CHECKING:
    from interviewer.config import Settings
    from interviewer.grading.model import Grade, Grader
    from interviewer.notes import QuestionBank
    from interviewer.notes.model import Question
    from interviewer.practice.session import GradeJob

RELATED_COUNT = 3


def _problem(exc: BaseException) -> str:
    if isinstance(exc, InterviewerError):
        return str(exc)
    if isinstance(exc, ImportError):
        return f"not available in this install ({exc.name or exc})"
    return f"{type(exc).__name__}: {exc}"


class Backends:
    """Grader and retriever for one interview, shared by the UI's workers; a `grader`
    given here is used instead of the one the settings ask for."""

    def __init__(
        self, settings: Settings, bank: QuestionBank, grader: Grader | None = None
    ) -> None:
        self.settings = settings
        self.bank = bank
        self._grader: Grader | None = grader
        self._grader_lock = threading.Lock()
        self._retriever: Any = None
        self._retriever_problem: str | None = None
        self._retriever_tried = False
        self._retriever_lock = threading.Lock()
        # One query at a time: the grade and the related-notes workers may ask together,
        # and the embedding engine is not known to be thread-safe.
        self._query_lock = threading.Lock()

    def notice(self) -> str | None:
        """Why grading is offline, when it is; None with an LLM configured."""
        if self.settings.offline:
            return "Offline mode: answers are graded by the keyword grader."
        if not self.settings.llm_configured:
            return (
                "No LLM configured, so answers are graded offline by the keyword grader "
                "(set OPENAI_API_KEY or OPENAI_BASE_URL to use one)."
            )
        return None

    def grader(self) -> Grader:
        """The grader the settings ask for (imports openai when an LLM is configured)."""
        with self._grader_lock:
            if self._grader is None:
                from interviewer.grading.chain import make_grader

                self._grader = make_grader(self.settings, self.bank)
            return self._grader

    def retriever(self) -> Any:
        """The retriever over the notes' index, or None when it cannot be opened."""
        with self._retriever_lock:
            if not self._retriever_tried:
                self._retriever_tried = True
                try:
                    # chromadb and the embedding model load here, ~1 s: never on the UI thread.
                    from interviewer.search import open_retriever

                    self._retriever = open_retriever(self.settings, self.bank)
                except Exception as exc:  # no index is a degraded interview, not a failed one
                    self._retriever_problem = _problem(exc)
            return self._retriever

    def related(self, question: Question, k: int = RELATED_COUNT) -> tuple[list[Any], str | None]:
        """Notes related to a question (other than itself), and why there are none if so."""
        retriever = self.retriever()
        if retriever is None:
            return [], self._retriever_problem
        try:
            with self._query_lock:
                hits = retriever.related(question, k=k + 1)
        except Exception as exc:  # a broken index must not break the interview
            return [], _problem(exc)
        return [hit for hit in hits if hit.question_id != question.id][:k], None

    def warm(self) -> None:
        """Load everything slow now, so the first grade does not wait for imports."""
        from interviewer.text import warm_up

        warm_up()
        self.grader()
        self.retriever()

    def warm_question(self, question: Question) -> None:
        """Prepare the grader for the question on screen (its notes' sentence vectors above
        all), so its grade does not wait for them."""
        warm = getattr(self.grader(), "warm", None)
        if warm is not None:
            warm(question)

    def grade(self, job: GradeJob) -> tuple[Grade, float]:
        """Grade a saved answer (blocking; run it in a worker); returns grade and seconds."""
        started = time.monotonic()
        grader = self.grader()
        context = None
        if grader.wants_context:
            hits, _ = self.related(job.question)
            context = [hit.text for hit in hits] or None
        grade = grader.grade(job.question, job.text, context)
        return grade, time.monotonic() - started
