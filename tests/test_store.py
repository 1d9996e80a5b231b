"""The history store: private WAL file, answers committed before grading, grades, schema."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from interviewer.config import load_settings
from interviewer.errors import InterviewerError
from interviewer.grading.model import Grade, RubricItem
from interviewer.practice.store import HISTORY_FILE, HistoryStore
from interviewer.practice.store_schema import SCHEMA_VERSION


def _grade(question_id: str, score: float = 6.5) -> Grade:
    return Grade(
        question_id=question_id,
        score=score,
        verdict="fair",
        rubric=[RubricItem(point="正则化", status="covered", evidence="用L2正则")],
        missing=["数据增强"],
        feedback="不错",
        follow_up="还有呢？",
        grader="keyword",
    )


@pytest.fixture
def store(tmp_path: Path) -> HistoryStore:
    opened = HistoryStore(tmp_path / "data" / HISTORY_FILE)
    yield opened
    opened.close()


def test_file_is_private_and_in_wal_mode(store: HistoryStore, bundled_bank) -> None:
    session = store.start_session(None, 1, 1)
    store.save_answer(store.ask(session, 1, bundled_bank.questions[0]), "答", prompt="q")
    for path in store.path.parent.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_open_uses_the_data_dir(isolated_env: Path) -> None:
    opened = HistoryStore.open(load_settings())
    opened.close()
    assert opened.path == isolated_env / HISTORY_FILE
    assert opened.path.exists()


def test_answer_is_visible_to_another_connection_before_grading(
    store: HistoryStore, bundled_bank
) -> None:
    question = bundled_bank.questions[0]
    asked = store.ask(store.start_session("overfitting", 3, 1), 1, question)
    answer_id = store.save_answer(asked, "我会用正则化和 dropout", prompt=question.title, seconds=12.5)
    other = HistoryStore(store.path)
    try:
        [pending] = other.ungraded()
    finally:
        other.close()
    assert pending.id == answer_id
    assert pending.text == "我会用正则化和 dropout"
    assert pending.question_id == question.id
    assert pending.answer_seconds == 12.5
    assert not pending.graded and pending.score is None


def test_grade_is_saved_with_the_answer(store: HistoryStore, bundled_bank) -> None:
    question = bundled_bank.questions[0]
    asked = store.ask(store.start_session(None, 1, 1), 1, question)
    answer_id = store.save_answer(asked, "答案", prompt=question.title)
    store.save_grade(answer_id, _grade(question.id), seconds=0.4)
    assert store.ungraded() == []
    record = store.answer(answer_id)
    assert record is not None and record.graded
    data = record.to_json()
    assert data["score"] == 6.5 and data["verdict"] == "fair" and data["grader"] == "keyword"
    assert data["grade"]["rubric"][0]["evidence"] == "用L2正则"
    assert data["grade_seconds"] == 0.4
    assert data["answered_at"].endswith("+00:00")
    json.dumps(data, ensure_ascii=False)


def test_grading_an_unknown_answer_fails(store: HistoryStore) -> None:
    with pytest.raises(InterviewerError, match="no answer 99"):
        store.save_grade(99, _grade("x"))


def test_revise_changes_only_ungraded_answers(store: HistoryStore, bundled_bank) -> None:
    question = bundled_bank.questions[0]
    asked = store.ask(store.start_session(None, 1, 1), 1, question)
    answer_id = store.save_answer(asked, "first", prompt=question.title, seconds=3)
    store.revise_answer(answer_id, "second")
    stored = store.answer(answer_id)
    assert stored is not None and stored.text == "second" and stored.answer_seconds == 3
    store.save_grade(answer_id, _grade(question.id))
    store.revise_answer(answer_id, "third")
    stored = store.answer(answer_id)
    assert stored is not None and stored.text == "second"


def test_ungraded_can_leave_out_the_running_session(store: HistoryStore, bundled_bank) -> None:
    question = bundled_bank.questions[0]
    old = store.start_session(None, 1, 1)
    store.save_answer(store.ask(old, 1, question), "old", prompt="q")
    current = store.start_session(None, 1, 1)
    store.save_answer(store.ask(current, 1, question), "new", prompt="q")
    assert [a.text for a in store.ungraded()] == ["old", "new"]
    assert [a.text for a in store.ungraded(exclude_session=current)] == ["old"]


def test_reviews_report_skips_peeks_and_first_score(store: HistoryStore, bundled_bank) -> None:
    first, second = bundled_bank.questions[:2]
    session = store.start_session(None, 2, 1)
    asked = store.ask(session, 1, first)
    store.mark_peeked(asked)
    main = store.save_answer(asked, "a", prompt=first.title)
    store.save_grade(main, _grade(first.id, 4.0))
    follow = store.save_answer(asked, "b", kind="follow_up", prompt="还有呢？", key_points=["x"])
    store.save_grade(follow, _grade(first.id, 9.0))
    store.mark_skipped(store.ask(session, 2, second))
    reviews = store.reviews()
    assert [(r.question_id, r.score, r.skipped, r.peeked) for r in reviews] == [
        (first.id, 4.0, False, True),
        (second.id, None, True, False),
    ]
    follow_record = store.answer(follow)
    assert follow_record is not None and follow_record.key_points == ("x",)


def test_sessions_keep_their_summary(store: HistoryStore) -> None:
    session = store.start_session("dropout", 2, 0)
    store.finish_session(session, {"average": 5.5})
    [saved] = store.sessions()
    assert saved["topic"] == "dropout" and saved["summary"] == {"average": 5.5}
    assert saved["finished_at"] is not None


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / HISTORY_FILE
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(InterviewerError, match="newer interviewer"):
        HistoryStore(path)


def test_a_file_that_is_not_a_database_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / HISTORY_FILE
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(InterviewerError, match="move the file away"):
        HistoryStore(path)


def test_reopening_keeps_everything(tmp_path: Path, bundled_bank) -> None:
    path = tmp_path / HISTORY_FILE
    first = HistoryStore(path)
    first.save_answer(first.ask(first.start_session(None, 1, 1), 1, bundled_bank.questions[0]),
                      "kept", prompt="q")
    first.close()
    again = HistoryStore(path)
    try:
        assert [a.text for a in again.answers()] == ["kept"]
        assert again.schema_version == SCHEMA_VERSION
    finally:
        again.close()


def test_an_answer_survives_kill_9(tmp_path: Path) -> None:
    path = tmp_path / HISTORY_FILE
    script = textwrap.dedent(
        f"""
        import os, signal
        from pathlib import Path
        from interviewer.notes import load_bank
        from interviewer.practice.store import HistoryStore
        store = HistoryStore(Path({str(path)!r}))
        question = load_bank().questions[0]
        asked = store.ask(store.start_session(None, 1, 1), 1, question)
        store.save_answer(asked, "killed while grading", prompt=question.title)
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert result.returncode == -9, result.stderr.decode()
    store = HistoryStore(path)
    try:
        assert [a.text for a in store.ungraded()] == ["killed while grading"]
    finally:
        store.close()
    assert os.stat(path).st_mode & 0o077 == 0
