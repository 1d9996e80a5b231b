"""The history file's SQLite schema: version n is reached by running MIGRATIONS[n - 1] on
version n - 1 (the file's `PRAGMA user_version` says which it has)."""

SCHEMA_VERSION = 3
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        started_at REAL NOT NULL,
        finished_at REAL,
        topic TEXT,
        planned INTEGER NOT NULL,
        min_stars INTEGER NOT NULL,
        summary TEXT
    );
    CREATE TABLE asked (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id),
        position INTEGER NOT NULL,
        question_id TEXT NOT NULL,
        title TEXT NOT NULL,
        topics TEXT NOT NULL DEFAULT '[]',
        shown_at REAL NOT NULL,
        peeked INTEGER NOT NULL DEFAULT 0,
        skipped INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX asked_question ON asked(question_id);
    CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        asked_id INTEGER NOT NULL REFERENCES asked(id),
        kind TEXT NOT NULL CHECK (kind IN ('answer', 'follow_up')),
        prompt TEXT NOT NULL,
        key_points TEXT,
        text TEXT NOT NULL,
        answered_at REAL NOT NULL,
        answer_seconds REAL,
        graded_at REAL,
        grade_seconds REAL,
        score REAL,
        verdict TEXT,
        grader TEXT,
        grade TEXT
    );
    CREATE INDEX answers_ungraded ON answers(id) WHERE graded_at IS NULL;
    """,
    # 2: the FSRS schedule. Each first answer of an asking gets the rating it earned (from
    # its score, as scheduling.rating_for rules; "self" when the candidate overrode it).
    """
    ALTER TABLE answers ADD COLUMN rating INTEGER CHECK (rating BETWEEN 1 AND 4);
    ALTER TABLE answers ADD COLUMN rated_by TEXT CHECK (rated_by IN ('grade', 'self'));
    UPDATE answers SET rated_by = 'grade', rating = (
        SELECT MIN(
            CASE WHEN answers.score < 4 THEN 1 WHEN answers.score < 6.5 THEN 2
                 WHEN answers.score < 8.5 THEN 3 ELSE 4 END,
            CASE WHEN a.peeked THEN 2 ELSE 4 END)
        FROM asked a WHERE a.id = answers.asked_id)
      WHERE kind = 'answer' AND score IS NOT NULL;
    CREATE INDEX answers_asked ON answers(asked_id);
    CREATE INDEX answers_answered ON answers(answered_at);
    """,
    # 3: `cards`, each question's FSRS state, replayed from the ratings after this runs.
    # Version 2 files made it in migration 2, and those written before cards kept their
    # latest score lack cards.last_score: cards are derived data, so they are made anew.
    """
    DROP TABLE IF EXISTS cards;
    CREATE TABLE cards (
        question_id TEXT PRIMARY KEY,
        state INTEGER NOT NULL,
        stability REAL,
        difficulty REAL,
        due REAL NOT NULL,
        last_review REAL NOT NULL,
        reviews INTEGER NOT NULL,
        last_rating INTEGER NOT NULL,
        last_score REAL
    );
    CREATE INDEX cards_due ON cards(due);
    """,
)
assert len(MIGRATIONS) == SCHEMA_VERSION
