"""The FSRS schedule in the history: the migration from schema 1, ratings from grades and
from the candidate, and the review queue with its "next due" message."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from practice_fixtures import DAY, MONDAY, Clock, grade_of, open_store, qid, record, utc  # noqa: F401

from interviewer.cli.main import main
from interviewer.practice.queue import due_items, end_of_day, never_answered, next_due
from interviewer.practice.scheduling import AGAIN, EASY, GOOD, HARD, rating_for
from interviewer.practice.store import HISTORY_FILE
from interviewer.practice.store_schema import MIGRATIONS, SCHEMA_VERSION

pytestmark = pytest.mark.usefixtures("utc")


def _version_1_file(path: Path) -> None:
    """A history as interviewer wrote it before the schedule: two sessions, a skip, a
    peek, a follow-up and an ungraded answer."""
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0])
    conn.execute("PRAGMA user_version = 1")
    grade = json.dumps(grade_of(qid(11), 8.0).to_json(), ensure_ascii=False)
    conn.executescript(f"""
        INSERT INTO sessions VALUES (1, {MONDAY}, {MONDAY + 600}, NULL, 3, 1, '{{}}');
        INSERT INTO sessions VALUES (7, {MONDAY + DAY}, NULL, 'overfitting', 2, 1, NULL);
        INSERT INTO asked VALUES (3, 1, 1, '{qid(11)}', 'q11', '["overfitting"]', {MONDAY}, 0, 0);
        INSERT INTO asked VALUES (4, 1, 2, '{qid(12)}', 'q12', '[]', {MONDAY + 60}, 1, 0);
        INSERT INTO asked VALUES (5, 1, 3, '{qid(1)}', 'q1', '[]', {MONDAY + 120}, 0, 1);
        INSERT INTO asked VALUES (9, 7, 1, '{qid(11)}', 'q11', '["overfitting"]', {MONDAY + DAY}, 0, 0);
        INSERT INTO answers (id, asked_id, kind, prompt, text, answered_at, graded_at, score,
                             verdict, grader, grade)
            VALUES (10, 3, 'answer', 'q11', '正则化', {MONDAY + 30}, {MONDAY + 31}, 8.0,
                    'good', 'keyword', '{grade}');
        INSERT INTO answers (id, asked_id, kind, prompt, key_points, text, answered_at,
                             graded_at, score, verdict, grader, grade)
            VALUES (11, 3, 'follow_up', '还有呢', '["x"]', '数据增强', {MONDAY + 40},
                    {MONDAY + 41}, 2.0, 'poor', 'keyword', '{grade}');
        INSERT INTO answers (id, asked_id, kind, prompt, text, answered_at, graded_at, score,
                             verdict, grader, grade)
            VALUES (20, 4, 'answer', 'q12', 'dropout', {MONDAY + 90}, {MONDAY + 91}, 9.5,
                    'excellent', 'keyword', '{grade}');
        INSERT INTO answers (id, asked_id, kind, prompt, text, answered_at)
            VALUES (30, 9, 'answer', 'q11', '没评分的回答', {MONDAY + DAY + 30});
    """)
    conn.commit()
    conn.close()


def test_a_version_2_file_without_the_cards_latest_score_is_repaired(tmp_path: Path) -> None:
    # Version 2 as first written had no cards.last_score: stats then failed with "no such
    # column". Its cards are made again from the answers, which stay as they were.
    path = tmp_path / HISTORY_FILE
    _version_1_file(path)
    with sqlite3.connect(path) as conn:
        conn.executescript(MIGRATIONS[1])
        conn.executescript(
            "CREATE TABLE cards (question_id TEXT PRIMARY KEY, state INTEGER NOT NULL, "
            "stability REAL, difficulty REAL, due REAL NOT NULL, last_review REAL NOT NULL, "
            "reviews INTEGER NOT NULL, last_rating INTEGER NOT NULL)"
        )
        conn.execute("PRAGMA user_version = 2")
        before = conn.execute("SELECT * FROM answers ORDER BY id").fetchall()
    store = open_store(path, Clock(MONDAY + 2 * DAY))
    try:
        assert store.schema_version == SCHEMA_VERSION
        cards = {card.question_id: card for card in store.cards()}
        assert set(cards) == {qid(11), qid(12), qid(1)}
        assert cards[qid(12)].last_score == 9.5
    finally:
        store.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT * FROM answers ORDER BY id").fetchall() == before


def test_migration_from_version_1_keeps_every_answer_and_id(tmp_path: Path) -> None:
    path = tmp_path / HISTORY_FILE
    _version_1_file(path)
    with sqlite3.connect(path) as conn:
        before = conn.execute("SELECT * FROM answers ORDER BY id").fetchall()
        sessions = conn.execute("SELECT * FROM sessions ORDER BY id").fetchall()
        asked = conn.execute("SELECT * FROM asked ORDER BY id").fetchall()
    store = open_store(path, Clock(MONDAY + 2 * DAY))
    try:
        assert store.schema_version == SCHEMA_VERSION == 3
        answers = store.answers()
        assert [a.id for a in answers] == [10, 11, 20, 30]
        assert [a.text for a in answers] == ["正则化", "数据增强", "dropout", "没评分的回答"]
        assert [a.session_id for a in answers] == [1, 1, 1, 7]
        assert answers[0].grade == grade_of(qid(11), 8.0).to_json()
        # Ratings from the scores: a follow-up and an ungraded answer get none; a peeked
        # answer is at best "hard".
        assert [(a.rating, a.rated_by) for a in answers] == [
            (GOOD, "grade"), (None, None), (HARD, "grade"), (None, None)
        ]
        cards = {card.question_id: card for card in store.cards()}
        assert set(cards) == {qid(11), qid(12), qid(1)}  # q1 was skipped: rated again
        assert cards[qid(1)].last_rating == AGAIN
        assert cards[qid(11)].reviews == 1 and cards[qid(11)].due > MONDAY
        assert all(c.stability and c.difficulty for c in cards.values())
        assert len(store.sessions()) == 2
    finally:
        store.close()
    with sqlite3.connect(path) as conn:
        after = conn.execute(
            "SELECT id, asked_id, kind, prompt, key_points, text, answered_at, answer_seconds,"
            " graded_at, grade_seconds, score, verdict, grader, grade FROM answers ORDER BY id"
        ).fetchall()
        assert after == before
        assert conn.execute("SELECT * FROM sessions ORDER BY id").fetchall() == sessions
        assert conn.execute("SELECT * FROM asked ORDER BY id").fetchall() == asked


@pytest.mark.parametrize(
    ("score", "peeked", "expected"),
    [(0.0, False, AGAIN), (3.9, False, AGAIN), (4.0, False, HARD), (6.5, False, GOOD),
     (8.4, False, GOOD), (8.5, False, EASY), (10.0, True, HARD), (2.0, True, AGAIN)],
)
def test_rating_from_the_score(score: float, peeked: bool, expected: int) -> None:
    assert rating_for(score, peeked=peeked) == expected


def test_the_candidates_rating_moves_the_next_due_date(tmp_path: Path, bundled_bank) -> None:
    clock = Clock()
    store = open_store(tmp_path / HISTORY_FILE, clock)
    try:
        [answer_id] = record(store, bundled_bank, clock, [(0, 11, 7.0)])
        [by_score] = store.cards(qid(11))
        assert by_score.last_rating == GOOD
        easy = store.rate(answer_id, EASY)
        again = store.rate(answer_id, AGAIN)
        assert again.due < by_score.due < easy.due
        assert easy.due - MONDAY >= 4 * DAY  # easy pushes it out by days
        stored = store.answer(answer_id)
        assert stored is not None and (stored.rating, stored.rated_by) == (AGAIN, "self")
        assert stored.score == 7.0  # the grade stays as it was
        # A regrade after the candidate rated keeps their rating.
        store.save_grade(answer_id, grade_of(qid(11), 9.8))
        [kept] = store.cards(qid(11))
        assert kept.last_rating == AGAIN and kept.due == again.due
    finally:
        store.close()


def test_a_follow_up_does_not_move_the_schedule(tmp_path: Path, bundled_bank) -> None:
    clock = Clock()
    store = open_store(tmp_path / HISTORY_FILE, clock)
    try:
        [answer_id] = record(store, bundled_bank, clock, [(0, 11, 9.0)])
        [before] = store.cards(qid(11))
        asked = store.answer(answer_id).asked_id  # type: ignore[union-attr]
        follow = store.save_answer(asked, "补充", kind="follow_up", prompt="还有呢")
        store.save_grade(follow, grade_of(qid(11), 1.0))
        assert store.cards(qid(11)) == [before]
        with pytest.raises(Exception, match="not a graded answer"):
            store.rate(follow, EASY)
    finally:
        store.close()


def test_review_puts_the_most_overdue_and_important_first(tmp_path: Path, bundled_bank) -> None:
    clock = Clock()
    store = open_store(tmp_path / HISTORY_FILE, clock)
    try:
        # 11 botched (again), 12 good, 1 easy, 5 botched too but it has 1 star (11 has 4).
        record(store, bundled_bank, clock, [(0, 11, 2.0), (0, 12, 7.5), (0, 1, 9.5), (0, 5, 2.0)])
        pool = bundled_bank.questions
        cards = store.cards()
        soon = MONDAY + 1.2 * DAY
        due = [item.question.id for item in due_items(pool, cards, soon)]
        assert due == [qid(11), qid(5)]
        assert {q.id for q in never_answered(pool, cards)}.isdisjoint(due)
        nxt = next_due(pool, cards, soon)
        assert nxt is not None and nxt.question.id == qid(12)
        later = [item.question.id for item in due_items(pool, cards, MONDAY + 30 * DAY)]
        assert later[:2] == [qid(11), qid(12)] and set(later) == {qid(n) for n in (11, 12, 1, 5)}
    finally:
        store.close()


def test_end_of_day_is_the_next_local_midnight() -> None:
    assert end_of_day(MONDAY) == MONDAY + 15 * 3600  # 09:00 UTC → midnight


def _history(isolated_env: Path, bundled_bank, answers) -> None:  # type: ignore[no-untyped-def]
    clock = Clock()
    store = open_store(isolated_env / HISTORY_FILE, clock)
    record(store, bundled_bank, clock, answers)
    store.close()


def test_review_says_when_the_next_question_is_due(
    isolated_env: Path, bundled_bank, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    _history(isolated_env, bundled_bank, [(0, 12, 8.0), (0, 1, 9.5)])
    monkeypatch.setenv("INTERVIEWER_NOW", "2026-11-30T18:00:00+00:00")
    assert main(["review"]) == 0
    out = capsys.readouterr().out
    title = bundled_bank.get(qid(12)).title
    assert out.startswith(f"Nothing is due today. Next: “{title}” in 2 days (Wed 2 Dec).")
    assert "14 of 16 question(s) never answered: `interviewer review --new` asks 5" in out
    # --list with nothing due says the same rather than printing an empty table.
    assert main(["review", "--list"]) == 0
    assert capsys.readouterr().out.startswith("Nothing is due today. Next:")


def test_review_and_stats_count_a_skipped_question_as_never_answered(
    isolated_env: Path, bundled_bank, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    # Found driving the TUI: after one answer and one skip, review said "14 of 16 never
    # answered" and stats "15 of 16". Skipped, a question is due again, and still unanswered.
    _history(isolated_env, bundled_bank, [(0, 12, 8.0), (0, 1, None)])
    monkeypatch.setenv("INTERVIEWER_NOW", "2026-11-30T18:00:00+00:00")
    assert main(["review", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["never_answered"] == 15
    assert main(["stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["never_answered"]["count"] == 15
    assert main(["review"]) == 0
    assert "15 of 16 question(s) never answered" in capsys.readouterr().out


def test_review_lists_and_reports_due_questions(
    isolated_env: Path, bundled_bank, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    _history(isolated_env, bundled_bank, [(0, 11, 2.0), (0, 12, 8.0)])
    monkeypatch.setenv("INTERVIEWER_NOW", "2026-12-01T18:00:00+00:00")
    assert main(["review", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["due_today"] == 1
    assert [item["question_id"] for item in data["queue"]] == [qid(11)]
    assert data["queue"][0]["last_rating"] == "again"
    assert data["next"]["question_id"] == qid(12)
    assert data["never_answered"] == 14
    assert main(["review", "--list"]) == 0
    assert "1 due today" in capsys.readouterr().out
    # Starting the review itself needs a terminal: one line saying so, exit 1.
    assert main(["review"]) == 1
    assert "review --list" in capsys.readouterr().err


def test_nothing_answered_yet(capsys) -> None:
    assert main(["review"]) == 0
    assert "no question has been answered yet" in capsys.readouterr().out


def test_review_of_other_notes_points_to_the_notes_practised_with(
    isolated_env: Path, bundled_bank, tmp_path: Path, capsys
) -> None:
    # Found on the walk10d walkthrough: after practising with --notes, `interviewer review`
    # without them said "no question has been answered yet" beside a history of answers.
    _history(isolated_env, bundled_bank, [(0, 12, 8.0), (0, 1, 9.5)])
    notes = tmp_path / "other.md"
    notes.write_text("## What is a pod?\n\nThe smallest deployable unit.\n", encoding="utf-8")
    assert main(["review", "--notes", str(notes)]) == 0
    out = capsys.readouterr().out
    assert "no question of these notes has been answered yet" in out
    assert "the 2 question(s) of your history come from other notes" in out
    assert "INTERVIEWER_NOTES" in out


def test_review_says_why_unanswerable_questions_are_not_offered(
    isolated_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    # Found on the walk9i walkthrough: review said "81 of 87 never answered" where stats said
    # 84 — offline, the 3 questions the notes give no answer to are left out, unsaid.
    notes = tmp_path / "n.md"
    notes.write_text("## 1. 什么是过拟合？\n\n训练集好、测试集差。\n\n## 2. 什么是早停？\n\n"
                     "## 3. 什么是 dropout？\n\n随机丢弃神经元。\n", encoding="utf-8")
    monkeypatch.setenv("INTERVIEWER_OFFLINE", "1")
    assert main(["review", "--notes", str(notes)]) == 0
    out = capsys.readouterr().out
    assert "2 of 3 question(s) never answered" in out
    assert "1 more has no answer in the notes to grade against offline" in out


def test_review_new_says_when_only_unanswerable_questions_are_left(
    isolated_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    notes = tmp_path / "n.md"
    notes.write_text("## 1. 什么是早停？\n\n## 2. 什么是剪枝？\n", encoding="utf-8")
    monkeypatch.setenv("INTERVIEWER_OFFLINE", "1")
    assert main(["review", "--new", "--notes", str(notes)]) == 0
    assert "the 2 never answered have no answer in the notes" in capsys.readouterr().out
