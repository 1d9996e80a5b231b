"""The reference answer of the notes, rendered as Markdown (images as their alt text)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Markdown, Static

from interviewer.notes.markup import escape_non_html_tags, highlights_to_bold, replace_images

if TYPE_CHECKING:
    from interviewer.notes.model import Question


def reference_markdown(question: Question) -> str:
    """The answer as Markdown a terminal can show: highlights bold, images as alt text,
    `<name>` placeholders as text."""
    return escape_non_html_tags(highlights_to_bold(replace_images(question.answer)))


class ReferenceAnswer(Vertical):
    """Title and Markdown body of a reference answer."""

    def compose(self) -> ComposeResult:
        """A title line and the Markdown body."""
        yield Static("[b]Reference answer[/b]", classes="section-title")
        yield Markdown(id="reference-body")

    def show(self, question: Question) -> None:
        """Render the question's reference answer."""
        self.query_one(Markdown).update(reference_markdown(question))
