"""The question on screen: progress, stars, difficulty, topics, the question with its options
or code, where it comes from."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from textual.content import Content
from textual.highlight import highlight
from textual.markup import escape
from textual.widgets import Static

from interviewer.notes.math_text import readable

if TYPE_CHECKING:
    from interviewer.practice.session import Turn

MAX_TOPICS = 4
MAX_PROMPT_LINES = 14
_FENCE = re.compile(r"^\s*(```+|~~~+)\s*([\w+#.-]*)")


def prompt_lines(prompt: str) -> list[Content]:
    """The prompt's lines as shown: text as written, fenced code without its fences and
    highlighted for its language ("What is the output of this program?" shows the program)."""
    lines: list[Content] = []
    code: list[str] = []
    fence = language = ""
    for line in prompt.splitlines():
        opened = _FENCE.match(line)
        if not fence and opened:
            fence, language, code = opened.group(1), opened.group(2), []
        elif fence and _closes(line, fence):
            lines.extend(_code(code, language))
            fence = ""
        elif fence:
            code.append(line)
        else:
            lines.append(Content(line))
    if fence:  # a block the notes never close runs to the end
        lines.extend(_code(code, language))
    return lines


def _closes(line: str, fence: str) -> bool:
    mark = line.strip()
    return len(mark) >= len(fence) and mark == fence[0] * len(mark)


def _code(code: list[str], language: str) -> list[Content]:
    # An unknown language name falls back to plain text rather than failing.
    return list(highlight("\n".join(code), language=language or None).split("\n"))


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
        title = Content.from_markup(f"[b]{escape(readable(question.title))}[/b]")
        lines = [Content.from_markup(head), title]
        # Options, code or follow-ups the question comes with (multiple choice needs them).
        prompt = prompt_lines(question.prompt)
        lines += prompt[:MAX_PROMPT_LINES]
        if len(prompt) > MAX_PROMPT_LINES:
            lines.append(Content.from_markup("[$text-muted]…[/]"))
        where = f"{escape(question.source)}:{question.line}"
        lines.append(Content.from_markup(f"[$text-muted]{where}[/]"))
        self.update(Content("\n").join(lines))
