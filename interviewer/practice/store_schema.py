"""The history file's SQLite schema: version n is reached by running MIGRATIONS[n - 1] on
version n - 1 (the file's `PRAGMA user_version` says which it has)."""

SCHEMA_VERSION = 1
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
)
assert len(MIGRATIONS) == SCHEMA_VERSION
