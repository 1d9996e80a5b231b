"""Which grader runs: the LLM (with its fallbacks) when one is configured, else the
offline keyword grader. The one place that decides — the CLI and the TUI call this."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from interviewer.config import Settings
    from interviewer.grading.model import Grader
    from interviewer.notes import QuestionBank


def make_grader(settings: Settings, bank: QuestionBank) -> Grader:
    """The grader the settings ask for."""
    from interviewer.grading.keyword import KeywordGrader

    offline = KeywordGrader(bank)
    if not settings.llm_configured:
        return offline
    from interviewer.grading.llm import LLMGrader

    return LLMGrader(settings, fallback=offline)
