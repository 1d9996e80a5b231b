"""The answer box: a text area that inserts a burst of typed keys as one edit."""

from __future__ import annotations

from textual import events
from textual.timer import Timer
from textual.widgets import TextArea

TYPING_FRAME = 1 / 60
"""Seconds after an insert during which typed characters are gathered: one screen frame."""


class AnswerBox(TextArea):
    """A TextArea that inserts a key typed alone at once, and the keys of a burst together,
    at most one edit a frame.

    Every edit of a TextArea re-wraps and re-measures the whole line it touches, so a long
    answer arriving as keystrokes (a paste in a terminal without bracketed paste sends each
    character as a key) cost one pass over the line per key: 50,000 characters took nine
    minutes. Gathered per frame, a burst costs one pass per frame, not per key.
    """

    def __init__(self, *, id: str | None = None, placeholder: str = "") -> None:
        super().__init__(id=id, placeholder=placeholder)
        self._typed: list[str] = []
        self._frame: Timer | None = None

    @property
    def answer(self) -> str:
        """The whole text, the characters typed but not inserted yet included."""
        self.flush_typed()
        return self.text

    def flush_typed(self) -> None:
        """Insert the characters typed but not inserted yet (before reading `text`)."""
        if not self._typed:
            return
        typed = "".join(self._typed)
        self._typed.clear()
        start, end = self.selection
        result = self._replace_via_keyboard(typed, start, end)
        if result is not None:
            # As TextArea's paste does: the edit scrolls to the cursor before the box has
            # grown, so after many new rows the cursor was left below the view.
            self.move_cursor(result.end_location)

    async def _on_key(self, event: events.Key) -> None:
        # Textual calls each class's handler in turn: preventing the default here keeps
        # TextArea from inserting the character a second time.
        insert = "\n" if event.key == "enter" else event.character
        if self.read_only or insert is None or not (event.is_printable or insert == "\n"):
            # Any other key (ctrl+s, backspace, arrows, tab) acts on the text typed before it.
            self.flush_typed()
            return
        event.stop()
        event.prevent_default()
        self._restart_blink()
        self._typed.append(insert)
        if self._frame is None:
            self._insert_and_wait_a_frame()

    def _insert_and_wait_a_frame(self) -> None:
        # A timer, not call_next: the app hands keys over one at a time, so this box's
        # queue empties after every key even in a burst.
        self.flush_typed()
        self._frame = self.set_timer(TYPING_FRAME, self._frame_over)

    def _frame_over(self) -> None:
        self._frame = None
        if self._typed:
            self._insert_and_wait_a_frame()

    async def _on_paste(self, event: events.Paste) -> None:
        self.flush_typed()

    async def _on_mouse_down(self, event: events.MouseDown) -> None:
        # A click moves the cursor: what was typed before it goes where the cursor was.
        self.flush_typed()

    def _on_blur(self, event: events.Blur) -> None:
        self.flush_typed()

    def load_text(self, text: str) -> None:
        """Replace the whole text; keys typed into the old text are dropped with it."""
        self._typed.clear()
        super().load_text(text)
