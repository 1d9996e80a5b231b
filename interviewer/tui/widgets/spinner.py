"""An animated spinner with a line of text, for work that takes a while."""

from __future__ import annotations

from rich.spinner import Spinner as RichSpinner
from rich.text import Text
from textual.widgets import Static

FRAMES_PER_SECOND = 12


class Spinner(Static):
    """A spinner that animates while it is displayed."""

    def __init__(self, text: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._spinner = RichSpinner("dots", text=Text(text))

    def on_mount(self) -> None:
        """Repaint a few times a second; Rich's spinner picks its frame from the clock."""
        self.auto_refresh = 1 / FRAMES_PER_SECOND

    def render(self) -> RichSpinner:
        """The spinner as Rich draws it."""
        return self._spinner
