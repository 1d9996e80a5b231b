"""FSRS scheduling: the rating an answer earns, a question's card state replayed from its
ratings, and how much a question needs practice now. fsrs is imported only where a card
is computed (it is small, but `--help` does not need it)."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from interviewer.practice.records import Review

AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
RATING_NAMES = {AGAIN: "again", HARD: "hard", GOOD: "good", EASY: "easy"}
# Score thresholds of the ratings, as in `rating_for`; SQL in store_schema repeats them.
HARD_FROM, GOOD_FROM, EASY_FROM = 4.0, 6.5, 8.5
DAY = 86_400.0


def rating_for(score: float | None, skipped: bool = False, peeked: bool = False) -> int:
    """The FSRS rating (1 again … 4 easy) a graded answer earns from its score."""
    value = 0.0 if skipped or score is None else score
    if value < HARD_FROM:
        rating = AGAIN
    elif value < GOOD_FROM:
        rating = HARD
    elif value < EASY_FROM:
        rating = GOOD
    else:
        rating = EASY
    # A good answer given after reading the reference says little about memory.
    return min(rating, HARD) if peeked else rating


@functools.cache
def _scheduler() -> Any:
    from fsrs import Scheduler

    # No minute-long learning steps: an interview question comes back after days, not
    # within the same sitting; no fuzzing, so a schedule can be tested and explained.
    return Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


@dataclass(frozen=True)
class CardState:
    """Where a question stands in the FSRS schedule."""

    question_id: str
    state: int
    stability: float | None
    difficulty: float | None
    due: float
    last_review: float
    reviews: int
    last_rating: int
    last_score: float | None = None
    """The score of the latest graded answer (None when only skipped)."""

    def retrievability(self, now: float) -> float:
        """FSRS's probability of recall at `now`, 0-1."""
        return retrievability([self], now)[0]

    def _card(self) -> Any:
        from fsrs import Card, State

        return Card(
            card_id=0,
            state=State(self.state),
            stability=self.stability,
            difficulty=self.difficulty,
            due=_utc(self.due),
            last_review=_utc(self.last_review),
        )


def retrievability(cards: Sequence[CardState], now: float) -> list[float]:
    """FSRS's probability of recall at `now` of each card, 0-1."""
    if not cards:
        return []
    scheduler, when = _scheduler(), _utc(now)
    return [float(scheduler.get_card_retrievability(card._card(), when)) for card in cards]


def _utc(timestamp: float) -> datetime:
    return datetime.fromtimestamp(timestamp, UTC)


Event = tuple[float, int, float | None]
"""A rating event: when, the rating (1-4), the answer's score (None for a skip)."""


def replay(question_id: str, events: Iterable[Event]) -> CardState | None:
    """The card after rating events in time order; None without any."""
    scheduler = None
    card: Any = None
    count, last_at, last_rating, last_score = 0, 0.0, 0, None
    for at, rating, score in events:
        if scheduler is None:
            from fsrs import Card, Rating

            scheduler = _scheduler()
            # An explicit id: without one, Card() sleeps 1 ms to make a time-based id unique.
            card = Card(card_id=0)
        card, _ = scheduler.review_card(card, Rating(rating), review_datetime=_utc(at))
        count, last_at, last_rating = count + 1, at, rating
        last_score = score if score is not None else last_score
    if card is None:
        return None
    return CardState(
        question_id=question_id,
        state=int(card.state),
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due.timestamp(),
        last_review=last_at,
        reviews=count,
        last_rating=last_rating,
        last_score=last_score,
    )


def review_events(reviews: Sequence[Review]) -> list[Event]:
    """The rating events of one question's reviews: a rated answer, or a skip (again)."""
    events: list[Event] = []
    for review in sorted(reviews, key=lambda r: r.at):
        if review.rating is not None:
            events.append((review.at, review.rating, review.score))
        elif review.skipped or review.score is not None:
            rating = rating_for(review.score, review.skipped, review.peeked)
            events.append((review.at, rating, review.score))
    return events


def need_for(reviews: Sequence[Review], now: float) -> float:
    """How much a question needs practice now, 0-1: 1 when never answered, else one minus
    the FSRS recall probability after its past answers (bad answers fade fastest)."""
    card = replay("", review_events(reviews))
    if card is None:
        return 1.0
    return max(0.0, min(1.0, 1.0 - card.retrievability(now)))
