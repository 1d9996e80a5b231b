"""The interview history: an SQLite file in the data dir holding sessions, the questions
asked, every answer (saved before it is graded) and its grade."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interviewer.errors import InterviewerError
from interviewer.practice import cards
from interviewer.practice.records import (
    ANSWER_COLUMNS,
    ANSWER_FROM,
    AnswerKind,
    Review,
    StoredAnswer,
    answer_from_row,
    iso_time,
)
from interviewer.practice.scheduling import CardState, rating_for
from interviewer.practice.store_schema import MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:
    from interviewer.config import Settings
    from interviewer.grading.model import Grade
    from interviewer.notes.model import Question

HISTORY_FILE = "history.sqlite3"
BUSY_SECONDS = 30.0
"""How long a write waits for another process's transaction (an interview, a grade in
another terminal) before failing: transactions here last milliseconds, so only a stuck
process makes anyone wait this long."""


def _create_private(path: Path) -> None:
    # The history holds the candidate's own words: only they may read it. SQLite gives its
    # -wal and -shm files the main file's mode, so setting it here covers those too.
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


class HistoryStore:
    """The history database. Safe to share between the UI thread and grading workers."""

    def __init__(self, path: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self._clock = clock
        self._lock = threading.Lock()
        try:
            _create_private(path)
            self._conn = sqlite3.connect(
                path, timeout=BUSY_SECONDS, check_same_thread=False, isolation_level=None
            )
        except (OSError, sqlite3.Error) as exc:
            why = getattr(exc, "strerror", None) or str(exc)
            raise InterviewerError(
                f"cannot open the history {path} ({why}); fix its permissions, move it away "
                "or set INTERVIEWER_HOME to another folder"
            ) from None
        try:
            self._set_up()
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise InterviewerError(
                f"cannot open the history {path}: {exc}; move the file away to start a new one"
            ) from None
        except InterviewerError:
            self._conn.close()
            raise

    def _set_up(self) -> None:
        # Opening beside a writer that was just killed (or still writing) can meet "database
        # is locked" at once: switching to WAL and recovering the log do not wait on the
        # busy timeout. Try again until the timeout, as any other statement would wait.
        deadline = time.monotonic() + BUSY_SECONDS
        while True:
            try:
                self._conn.execute("PRAGMA journal_mode=WAL")
                # FULL: a committed answer survives even a power cut, not just a kill -9.
                self._conn.execute("PRAGMA synchronous=FULL")
                self._conn.execute("PRAGMA foreign_keys=ON")
                self._migrate()
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    @classmethod
    def open(cls, settings: Settings) -> HistoryStore:
        """The history of the data dir the settings name."""
        return cls(settings.data_dir / HISTORY_FILE, clock=settings.clock)

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._conn.close()

    def _migrate(self) -> None:
        # Read the version inside the write transaction, so two processes starting at
        # once do not both create the tables.
        with self._transaction() as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise InterviewerError(
                    f"the history {self.path} was written by a newer interviewer "
                    f"(schema {version}); upgrade interviewer to read it"
                )
            for number in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number + 1}")
            if version < 3 <= SCHEMA_VERSION:
                # Version 3 makes the cards: FSRS is Python, so replay them here, in the
                # same transaction as the tables they come from.
                cards.rebuild_all(conn)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    @property
    def schema_version(self) -> int:
        """The schema version of the open database."""
        with self._lock:
            return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    # -- writing -------------------------------------------------------------------

    def start_session(self, topic: str | None, planned: int, min_stars: int) -> int:
        """Record the start of an interview; returns its id."""
        with self._transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO sessions (started_at, topic, planned, min_stars) VALUES (?, ?, ?, ?)",
                (self._clock(), topic, planned, min_stars),
            )
            return int(cursor.lastrowid or 0)

    def finish_session(self, session_id: int, summary: dict[str, Any]) -> None:
        """Record the end of an interview and its summary."""
        with self._transaction() as conn:
            conn.execute(
                "UPDATE sessions SET finished_at = ?, summary = ? WHERE id = ?",
                (self._clock(), json.dumps(summary, ensure_ascii=False), session_id),
            )

    def ask(self, session_id: int, position: int, question: Question) -> int:
        """Record that a question was put on screen; returns the id of that asking."""
        with self._transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO asked (session_id, position, question_id, title, topics, shown_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    session_id,
                    position,
                    question.id,
                    question.title,
                    json.dumps(list(question.topics), ensure_ascii=False),
                    self._clock(),
                ),
            )
            return int(cursor.lastrowid or 0)

    def mark_peeked(self, asked_id: int) -> None:
        """The candidate looked at the reference answer before answering."""
        with self._transaction() as conn:
            conn.execute("UPDATE asked SET peeked = 1 WHERE id = ?", (asked_id,))

    def mark_skipped(self, asked_id: int) -> None:
        """The candidate skipped the question."""
        with self._transaction() as conn:
            conn.execute("UPDATE asked SET skipped = 1 WHERE id = ?", (asked_id,))
            row = conn.execute("SELECT question_id FROM asked WHERE id = ?", (asked_id,))
            found = row.fetchone()
            if found is not None:
                cards.reschedule(conn, found[0])

    def save_answer(
        self,
        asked_id: int,
        text: str,
        *,
        kind: AnswerKind = "answer",
        prompt: str,
        key_points: Sequence[str] | None = None,
        seconds: float | None = None,
    ) -> int:
        """Store an answer (committed before anyone grades it); returns its id."""
        points = None if key_points is None else json.dumps(list(key_points), ensure_ascii=False)
        with self._transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO answers (asked_id, kind, prompt, key_points, text, answered_at,"
                " answer_seconds) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (asked_id, kind, prompt, points, text, self._clock(), seconds),
            )
            return int(cursor.lastrowid or 0)

    def revise_answer(self, answer_id: int, text: str, seconds: float | None = None) -> None:
        """Replace the words of an answer not graded yet (resubmitted after a cancel)."""
        with self._transaction() as conn:
            conn.execute(
                "UPDATE answers SET text = ?, answered_at = ?,"
                " answer_seconds = COALESCE(?, answer_seconds)"
                " WHERE id = ? AND graded_at IS NULL",
                (text, self._clock(), seconds, answer_id),
            )

    def save_grade(self, answer_id: int, grade: Grade, seconds: float | None = None) -> None:
        """Store the grade of an answer."""
        data = grade.to_json()
        with self._transaction() as conn:
            updated = conn.execute(
                "UPDATE answers SET graded_at = ?, grade_seconds = ?, score = ?, verdict = ?,"
                " grader = ?, grade = ? WHERE id = ?",
                (
                    self._clock(),
                    seconds,
                    grade.score,
                    grade.verdict,
                    grade.grader,
                    json.dumps(data, ensure_ascii=False),
                    answer_id,
                ),
            ).rowcount
            if updated:
                self._rate_from_grade(conn, answer_id, grade.score)
        if not updated:
            raise InterviewerError(f"no answer {answer_id} in the history to grade")

    def _rate_from_grade(self, conn: sqlite3.Connection, answer_id: int, score: float) -> None:
        row = conn.execute(
            "SELECT ans.kind, ans.rated_by, a.peeked, a.question_id FROM answers ans"
            " JOIN asked a ON a.id = ans.asked_id WHERE ans.id = ?",
            (answer_id,),
        ).fetchone()
        kind, rated_by, peeked, question_id = row
        # Follow-ups do not move the schedule, and a rating the candidate chose stays.
        if kind != "answer" or rated_by == "self":
            return
        conn.execute(
            "UPDATE answers SET rating = ?, rated_by = 'grade' WHERE id = ?",
            (rating_for(score, peeked=bool(peeked)), answer_id),
        )
        cards.reschedule(conn, question_id)

    def rate(self, answer_id: int, rating: int) -> CardState:
        """The candidate's own rating of a graded answer (1 again … 4 easy) replaces the
        one its grade gave; returns the question's card, rescheduled."""
        if rating not in (1, 2, 3, 4):
            raise InterviewerError(f"a rating is 1-4 (again, hard, good, easy), not {rating}")
        with self._transaction() as conn:
            row = conn.execute(
                "SELECT ans.kind, ans.graded_at, a.question_id FROM answers ans"
                " JOIN asked a ON a.id = ans.asked_id WHERE ans.id = ?",
                (answer_id,),
            ).fetchone()
            if row is None or row[0] != "answer" or row[1] is None:
                raise InterviewerError(f"answer {answer_id} is not a graded answer to rate")
            conn.execute(
                "UPDATE answers SET rating = ?, rated_by = 'self' WHERE id = ?",
                (rating, answer_id),
            )
            card = cards.reschedule(conn, row[2])
        assert card is not None  # the answer just rated is one of its events
        return card

    # -- reading -------------------------------------------------------------------

    def _answers(
        self, where: str = "", params: Sequence[Any] = (), latest: int | None = None
    ) -> list[StoredAnswer]:
        query = f"SELECT {ANSWER_COLUMNS} {ANSWER_FROM} {where} ORDER BY ans.id"
        if latest is not None:
            # The newest few, still oldest first: a long history is not read to show them.
            query = f"SELECT * FROM ({query} DESC LIMIT {int(latest)}) ORDER BY id"
        with self._lock:
            cursor = self._conn.execute(query, params)
            cursor.row_factory = sqlite3.Row
            rows = cursor.fetchall()
        return [answer_from_row(row) for row in rows]

    def answers(
        self,
        *,
        since: float | None = None,
        until: float | None = None,
        session_id: int | None = None,
        latest: int | None = None,
    ) -> list[StoredAnswer]:
        """Every answer (answered in [since, until), of one session; only the `latest`
        few), oldest first."""
        clauses, params = [], []
        for clause, value in (
            ("ans.answered_at >= ?", since),
            ("ans.answered_at < ?", until),
            ("a.session_id = ?", session_id),
        ):
            if value is not None:
                clauses.append(clause)
                params.append(value)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        return self._answers(where, params, latest)

    def latest_graded(self) -> dict[str, StoredAnswer]:
        """Each question's latest graded answer (not a follow-up), by question id."""
        latest = self._answers(
            "WHERE ans.id IN (SELECT MAX(ans2.id) FROM answers ans2 JOIN asked a2"
            " ON a2.id = ans2.asked_id WHERE ans2.kind = 'answer' AND ans2.score IS NOT NULL"
            " GROUP BY a2.question_id)"
        )
        return {answer.question_id: answer for answer in latest}

    def count_answers(self) -> int:
        """How many answers the history holds."""
        with self._lock:
            return int(self._conn.execute("SELECT COUNT(*) FROM answers").fetchone()[0])

    def answer(self, answer_id: int) -> StoredAnswer | None:
        """One answer by id."""
        found = self._answers("WHERE ans.id = ?", (answer_id,))
        return found[0] if found else None

    def ungraded(self, exclude_session: int | None = None) -> list[StoredAnswer]:
        """Answers saved but never graded (a crash, a kill or a cancelled grade)."""
        if exclude_session is None:
            return self._answers("WHERE ans.graded_at IS NULL")
        return self._answers(
            "WHERE ans.graded_at IS NULL AND a.session_id != ?", (exclude_session,)
        )

    def reviews(self) -> list[Review]:
        """Every question ever shown with how it went (its first answer's score and
        rating), oldest first."""
        query = """
            SELECT a.question_id, a.shown_at, a.skipped, a.peeked, first.score, first.rating
            FROM asked a LEFT JOIN answers first ON first.id = (
                SELECT ans.id FROM answers ans
                 WHERE ans.asked_id = a.id AND ans.kind = 'answer' AND ans.score IS NOT NULL
                 ORDER BY ans.id LIMIT 1)
            ORDER BY a.shown_at, a.id
        """
        with self._lock:
            rows = self._conn.execute(query).fetchall()
        return [
            Review(question_id=row[0], at=row[1], score=row[4], skipped=bool(row[2]),
                   peeked=bool(row[3]), rating=row[5])
            for row in rows
        ]

    def cards(self, question_id: str | None = None) -> list[CardState]:
        """The FSRS cards of every question ever rated (or of one), soonest due first."""
        with self._lock:
            return cards.load(self._conn, question_id)

    def read(self, query: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows of a read-only query (stats and export count in SQL, not in Python)."""
        with self._lock:
            return self._conn.execute(query, params).fetchall()

    def now(self) -> float:
        """The store's clock (faked in tests and by INTERVIEWER_NOW)."""
        return self._clock()

    def sessions(self) -> list[dict[str, Any]]:
        """Every session with its summary, oldest first."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT id, started_at, finished_at, topic, planned, min_stars, summary"
                " FROM sessions ORDER BY id"
            ).fetchall()
        return [
            {
                "id": row[0],
                "started_at": iso_time(row[1]),
                "finished_at": iso_time(row[2]),
                "topic": row[3],
                "planned": row[4],
                "min_stars": row[5],
                "summary": json.loads(row[6]) if row[6] else None,
            }
            for row in rows
        ]
