"""Asked on ctrl+q with an answer typed but not submitted: keep typing, keep it, or drop it."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

QuitChoice = Literal["save", "discard"]


class QuitScreen(ModalScreen[QuitChoice | None]):
    """Quit with an unsubmitted answer? (None = stay)."""

    # A modal screen keeps keys from the app's own bindings: ctrl+q needs one here, so a
    # second ctrl+q does what a person pressing it twice means (keep the draft and quit).
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "stay", "Keep answering"),
        Binding("ctrl+q", "save", "Save it and quit"),
    ]

    def compose(self) -> ComposeResult:
        """The question and three buttons."""
        with Vertical(id="dialog"):
            yield Static(
                "[b]You have an answer you have not submitted.[/b]\n"
                "Keep it in your history (graded the next time you start), or drop it?\n"
                "[dim]ctrl+q again saves it and quits · escape keeps answering[/dim]",
                id="dialog-text",
            )
            with Horizontal(id="dialog-buttons"):
                yield Button("Keep answering", id="stay", variant="primary")
                yield Button("Save it and quit", id="save")
                yield Button("Quit without it", id="discard", variant="error")

    def action_stay(self) -> None:
        """Back to the answer, draft untouched."""
        self.dismiss(None)

    def action_save(self) -> None:
        """Keep the draft in the history and quit."""
        self.dismiss("save")

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        choice = event.button.id
        self.dismiss(choice if choice in ("save", "discard") else None)  # type: ignore[arg-type]
