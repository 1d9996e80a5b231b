"""The rating of a graded answer (from its score, or the candidate's own) and when the
question comes back; keys 1-4 change it, as in Anki."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Static

from interviewer.practice.queue import when
from interviewer.practice.scheduling import RATING_NAMES

if TYPE_CHECKING:
    from interviewer.practice.session import Turn

KEYS = " ".join(f"[b]{n}[/b] {name}" for n, name in RATING_NAMES.items())


class RatingLine(Static):
    """'Rated good (by the score) · back in 3 days (Tue 8 Dec) · 1 again 2 hard 3 good …'"""

    def show(self, turn: Turn, now: float) -> None:
        """Show the turn's rating and its next review."""
        if turn.rating is None:
            self.update("")
            return
        source = "yours" if turn.rated_by_self else "by the score"
        parts = [f"Rated [b]{RATING_NAMES[turn.rating]}[/b] [$text-muted]({source})[/]"]
        if turn.card is not None:
            parts.append(f"back {when(turn.card.due, now)}")
        parts.append(f"[$text-muted]{KEYS}[/]")
        self.update(" · ".join(parts))
