"""Interview notes: Markdown files → `Question` records."""

from interviewer.notes.bank import QuestionBank, load_bank
from interviewer.notes.model import Question

__all__ = ["Question", "QuestionBank", "load_bank"]
