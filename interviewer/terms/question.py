"""What term mining reads of a question: its id, title and answer (any notes' question)."""

from __future__ import annotations

from typing import Protocol


class Question(Protocol):
    """A question of the notes, as term mining sees it."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def answer(self) -> str: ...
