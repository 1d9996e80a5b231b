"""Offered at start when an earlier interview left answers ungraded (a crash, a kill,
a quit while grading): grade them now in the background, or later."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import Button, Static

if TYPE_CHECKING:
    from interviewer.practice.store import StoredAnswer

LISTED = 5


class PendingScreen(ModalScreen[bool]):
    """Grade earlier, ungraded answers now? (True = yes)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "later", "Later")]

    def __init__(self, answers: list[StoredAnswer]) -> None:
        super().__init__()
        self.answers = answers

    def compose(self) -> ComposeResult:
        """What was left ungraded and two buttons."""
        count = len(self.answers)
        lines = [
            f"[b]{count} answer(s) from an earlier interview were never graded[/b]",
            "(the app was closed or killed while grading). They are saved in your history.",
            "",
        ]
        lines.extend(f"• {escape(a.prompt)}" for a in self.answers[:LISTED])
        if count > LISTED:
            lines.append(f"… and {count - LISTED} more")
        with Vertical(id="dialog"):
            yield Static("\n".join(lines), id="dialog-text")
            with Horizontal(id="dialog-buttons"):
                yield Button("Grade them now", id="grade", variant="primary")
                yield Button("Later", id="later")

    def action_later(self) -> None:
        """Leave them for another time."""
        self.dismiss(False)

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "grade")
