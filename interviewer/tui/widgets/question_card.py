"""The question on screen: progress, stars, topics, the question, where it comes from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.markup import escape
from textual.widgets import Static

if TYPE_CHECKING:
    from interviewer.practice.session import Turn

MAX_TOPICS = 4


class QuestionCard(Static):
    """Header of the interview screen."""

    def show(self, turn: Turn, total: int, due_today: int | None = None) -> None:
        """Show a turn's question (and how many are due today, when known)."""
        question = turn.question
        stars = "★" * question.stars if question.stars else "no stars"
        topics = " · ".join(question.topics[:MAX_TOPICS])
        head = f"[b]Question {turn.position}/{total}[/b]   [$text-warning]{stars}[/]"
        if topics:
            head += f"   [$text-accent]{escape(topics)}[/]"
        if due_today is not None:
            head += f"   [$text-muted]· {due_today} due today[/]"
        lines = [
            head,
            f"[b]{escape(question.title)}[/b]",
            f"[$text-muted]{escape(question.source)}:{question.line}[/]",
        ]
        self.update("\n".join(lines))
