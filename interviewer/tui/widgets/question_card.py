"""The question on screen: progress, stars, difficulty, topics, the question with its options
or code, where it comes from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.markup import escape
from textual.widgets import Static

if TYPE_CHECKING:
    from interviewer.practice.session import Turn

MAX_TOPICS = 4
MAX_PROMPT_LINES = 14


class QuestionCard(Static):
    """Header of the interview screen."""

    def show(self, turn: Turn, total: int, due_today: int | None = None) -> None:
        """Show a turn's question (and how many are due today, when known)."""
        question = turn.question
        stars = "★" * question.stars if question.stars else "no stars"
        topics = " · ".join(question.topics[:MAX_TOPICS])
        head = f"[b]Question {turn.position}/{total}[/b]   [$text-warning]{stars}[/]"
        if question.difficulty:
            head += f"   {question.difficulty}"
        if topics:
            head += f"   [$text-accent]{escape(topics)}[/]"
        if due_today is not None:
            head += f"   [$text-muted]· {due_today} due today[/]"
        lines = [head, f"[b]{escape(question.title)}[/b]"]
        # Options, code or follow-ups the question comes with (multiple choice needs them).
        prompt = question.prompt.splitlines()
        lines += [escape(line) for line in prompt[:MAX_PROMPT_LINES]]
        if len(prompt) > MAX_PROMPT_LINES:
            lines.append("[$text-muted]…[/]")
        lines.append(f"[$text-muted]{escape(question.source)}:{question.line}[/]")
        self.update("\n".join(lines))
