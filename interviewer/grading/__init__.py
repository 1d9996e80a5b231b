"""Graders: the `Grade` model, the offline keyword grader, the LLM grader and the chain
that picks one and falls back."""

from interviewer.grading.model import Grade, Grader, RubricItem

__all__ = ["Grade", "Grader", "RubricItem"]
