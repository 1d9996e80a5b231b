"""The follow-up question of a grade, answerable right there and graded the same way."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.markup import escape
from textual.widgets import Static

from interviewer.tui.widgets.answer_box import AnswerBox
from interviewer.tui.widgets.grade_view import GradeView

if TYPE_CHECKING:
    from interviewer.grading.model import Grade


class FollowUp(Vertical):
    """Follow-up question, an answer box and, once graded, its grade."""

    def compose(self) -> ComposeResult:
        """Question, answer box, grade."""
        yield Static(id="follow-up-question")
        yield AnswerBox(
            id="follow-up-answer",
            placeholder="Answer the follow-up here (ctrl+s grades it), or ctrl+n to move on",
        )
        yield GradeView(id="follow-up-grade")

    def ask(self, question: str) -> None:
        """Show a new follow-up question with an empty answer box."""
        self.query_one("#follow-up-question", Static).update(
            f"[b]Follow-up:[/b] {escape(question)}"
        )
        answer = self.query_one("#follow-up-answer", AnswerBox)
        answer.text = ""
        answer.read_only = False
        self.query_one("#follow-up-grade", GradeView).display = False

    @property
    def answer_box(self) -> AnswerBox:
        """The follow-up's answer box."""
        return self.query_one("#follow-up-answer", AnswerBox)

    def graded(self, grade: Grade) -> None:
        """Show the follow-up's grade; its answer can no longer change."""
        self.answer_box.read_only = True
        view = self.query_one("#follow-up-grade", GradeView)
        view.show(grade)
        view.display = True
