"""Practice over weeks: the interview plan, FSRS scheduling, the SQLite history and its
schema, stats and export. Free of Textual."""
