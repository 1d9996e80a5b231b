"""The `cards` table: each question's FSRS state, replayed from its rating events (a rated
first answer of an asking, or a skip) whenever one of them changes. The history's store
calls these inside its own transactions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from interviewer.practice.scheduling import AGAIN, CardState, Event, replay

# One row per asking: the rating and score of its first rated answer, and whether it was
# skipped.
_EVENTS = """
    SELECT a.question_id, a.shown_at, a.skipped, first.rating, first.score
    FROM asked a LEFT JOIN answers first ON first.id = (
        SELECT ans.id FROM answers ans
         WHERE ans.asked_id = a.id AND ans.kind = 'answer' AND ans.rating IS NOT NULL
         ORDER BY ans.id LIMIT 1)
    {where} ORDER BY a.question_id, a.shown_at, a.id
"""
_COLUMNS = (
    "question_id, state, stability, difficulty, due, last_review, reviews, last_rating,"
    " last_score"
)
Row = tuple[str, float, int, int | None, float | None]


def _events(rows: list[Row]) -> Iterator[Event]:
    for _, at, skipped, rating, score in rows:
        if rating is not None:
            yield at, rating, score
        elif skipped:
            yield at, AGAIN, None


def _save(conn: sqlite3.Connection, question_id: str, card: CardState | None) -> None:
    if card is None:
        conn.execute("DELETE FROM cards WHERE question_id = ?", (question_id,))
        return
    conn.execute(
        f"INSERT OR REPLACE INTO cards ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            card.question_id,
            card.state,
            card.stability,
            card.difficulty,
            card.due,
            card.last_review,
            card.reviews,
            card.last_rating,
            card.last_score,
        ),
    )


def reschedule(conn: sqlite3.Connection, question_id: str) -> CardState | None:
    """Replay one question's ratings into its card; returns the card (None: never rated)."""
    rows = conn.execute(_EVENTS.format(where="WHERE a.question_id = ?"), (question_id,))
    card = replay(question_id, _events(rows.fetchall()))
    _save(conn, question_id, card)
    return card


def rebuild_all(conn: sqlite3.Connection) -> int:
    """Replay every question's ratings (after the migration that adds cards); returns cards."""
    conn.execute("DELETE FROM cards")
    by_question: dict[str, list[Row]] = {}
    for row in conn.execute(_EVENTS.format(where="")):
        by_question.setdefault(row[0], []).append(row)
    count = 0
    for question_id, rows in by_question.items():
        card = replay(question_id, _events(rows))
        if card is not None:
            _save(conn, question_id, card)
            count += 1
    return count


def load(conn: sqlite3.Connection, question_id: str | None = None) -> list[CardState]:
    """Every card (or one question's), soonest due first."""
    where = "WHERE question_id = ?" if question_id is not None else ""
    params = (question_id,) if question_id is not None else ()
    rows = conn.execute(f"SELECT {_COLUMNS} FROM cards {where} ORDER BY due", params)
    return [CardState(*row) for row in rows.fetchall()]
