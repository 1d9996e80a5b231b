"""Which grader runs: the LLM (with its fallbacks) when one is configured, else the
offline keyword grader. The one place that decides — the CLI and the TUI call this."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from interviewer.config import Settings
    from interviewer.grading.model import Grader
    from interviewer.notes import QuestionBank

# The notes' sentence vectors, kept in the data folder between runs.
VECTOR_STORE = "grading_vectors.sqlite3"


def make_grader(settings: Settings, bank: QuestionBank) -> Grader:
    """The grader the settings ask for."""
    from interviewer.grading.keyword import KeywordGrader
    from interviewer.packs import packs_for

    packs = packs_for(settings, bank.questions)
    # e5 sentence vectors line answers up with notes across languages; "hash" means the
    # user chose no model, so grading stays on shared terms.
    vectors = settings.embeddings == "e5"
    offline = KeywordGrader(bank, packs=packs, vectors=vectors,
                            vector_store=settings.data_dir / VECTOR_STORE if vectors else None)
    if not settings.llm_configured:
        return offline
    from interviewer.grading.llm import LLMGrader

    return LLMGrader(settings, fallback=offline)
