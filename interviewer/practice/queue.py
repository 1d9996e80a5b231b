"""The review queue: which questions are due today (their FSRS due date falls before the
end of the local day), most overdue and most important first, and when the next one is."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from interviewer.practice.scheduling import DAY, CardState, retrievability

if TYPE_CHECKING:
    from interviewer.notes.model import Question


def end_of_day(now: float) -> float:
    """The Unix time of the next local midnight after `now`: due before it is due today."""
    today = datetime.fromtimestamp(now).replace(hour=0, minute=0, second=0, microsecond=0)
    return (today + timedelta(days=1)).timestamp()


@dataclass(frozen=True)
class DueItem:
    """A question due for review, with why it comes where it does."""

    question: Question
    card: CardState
    recall: float
    overdue_days: float

    @property
    def priority(self) -> float:
        """Forgotten the most and worth the most first: (1 - recall) × stars."""
        return (1.0 - self.recall) * max(self.question.stars, 0.5)


def due_items(
    pool: Sequence[Question], cards: Sequence[CardState], now: float
) -> list[DueItem]:
    """Every question of the pool due today, most overdue and most important first."""
    by_id = {question.id: question for question in pool}
    cutoff = end_of_day(now)
    due = [card for card in cards if card.due < cutoff and card.question_id in by_id]
    recalls = retrievability(due, now)
    items = [
        DueItem(by_id[card.question_id], card, recall, max(0.0, (now - card.due) / DAY))
        for card, recall in zip(due, recalls, strict=True)
    ]
    items.sort(key=lambda item: (-item.priority, item.card.due, item.question.id))
    return items


def next_due(pool: Sequence[Question], cards: Sequence[CardState], now: float) -> DueItem | None:
    """The first question of the pool due after today, or None when none is scheduled."""
    by_id = {question.id: question for question in pool}
    cutoff = end_of_day(now)
    later = [card for card in cards if card.due >= cutoff and card.question_id in by_id]
    if not later:
        return None
    card = min(later, key=lambda c: (c.due, c.question_id))
    [recall] = retrievability([card], now)
    return DueItem(by_id[card.question_id], card, recall, 0.0)


def never_answered(pool: Sequence[Question], cards: Sequence[CardState]) -> list[Question]:
    """Questions of the pool with no graded answer yet, most stars first: a question only
    skipped is due again, and still never answered (as `stats` counts it)."""
    seen = {card.question_id for card in cards if card.last_score is not None}
    return sorted((q for q in pool if q.id not in seen), key=lambda q: -q.stars)


def when(timestamp: float, now: float) -> str:
    """'today', 'tomorrow (Sun 6 Dec)', 'in 3 days (Tue 8 Dec)' in local time."""
    day = datetime.fromtimestamp(timestamp).date()
    today = datetime.fromtimestamp(now).date()
    days = (day - today).days
    label = f"{day:%a} {day.day} {day:%b}"
    if days <= 0:
        return "today"
    if days == 1:
        return f"tomorrow ({label})"
    return f"in {days} days ({label})"
