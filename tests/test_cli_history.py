"""`interviewer history [--json]`, and the interview command's checks before the TUI opens."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from interviewer.cli.main import main
from interviewer.config import load_settings
from interviewer.grading.model import Grade, RubricItem
from interviewer.practice.store import HISTORY_FILE, HistoryStore


def _fill_history(bank) -> None:
    store = HistoryStore.open(load_settings())
    try:
        question = bank.get("deep_learning_basics-11")
        session = store.start_session("overfitting", 2, 1)
        asked = store.ask(session, 1, question)
        store.mark_peeked(asked)
        graded = store.save_answer(asked, "正则化、dropout、数据增强", prompt=question.title)
        store.save_grade(
            graded,
            Grade(
                question_id=question.id,
                score=7.5,
                verdict="good",
                rubric=[RubricItem(point="正则化", status="covered", evidence="正则化")],
                feedback="好",
                follow_up="数据增强有哪些做法？",
                grader="keyword",
            ),
            seconds=0.1,
        )
        store.save_answer(
            asked, "翻转和裁剪", kind="follow_up", prompt="数据增强有哪些做法？",
            key_points=["数据增强"],
        )
    finally:
        store.close()


def test_history_json_has_full_records(bundled_bank, capsys: pytest.CaptureFixture[str]) -> None:
    _fill_history(bundled_bank)
    assert main(["history", "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["kind"] for r in records] == ["answer", "follow_up"]
    first, second = records
    assert first["question_id"] == "deep_learning_basics-11"
    assert first["answer"] == "正则化、dropout、数据增强"
    assert first["score"] == 7.5 and first["verdict"] == "good" and first["peeked"] is True
    assert first["grade"]["rubric"][0]["point"] == "正则化"
    assert first["session_topic"] == "overfitting"
    assert second["graded"] is False and second["score"] is None and second["grade"] is None
    assert second["prompt"] == "数据增强有哪些做法？"


def test_history_table_lists_answers_and_ungraded_ones(
    bundled_bank, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill_history(bundled_bank)
    assert main(["history"]) == 0
    out = capsys.readouterr().out
    assert "解决过拟合的方法都有哪些" in out
    assert "7.5/10 good" in out
    assert "not graded" in out
    assert "1 answer(s) not graded yet" in out


def test_history_without_any_interview(
    isolated_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["history", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["history"]) == 0
    assert "No answers yet" in capsys.readouterr().out
    assert not (isolated_env / HISTORY_FILE).exists()


def test_unknown_topic_exits_2_before_the_interview_starts(
    isolated_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--topic", "overfiting", "--offline"]) == 2
    err = capsys.readouterr().err
    assert "unknown topic 'overfiting'" in err and "overfitting" in err
    assert not (isolated_env / HISTORY_FILE).exists()


def test_no_matching_questions_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--min-stars", "5", "--offline"]) == 1
    assert "--min-stars 0" in capsys.readouterr().err


def test_the_interview_needs_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    # pytest captures stdin/stdout, so this is the "piped into a script" case.
    assert main(["--topic", "overfitting", "--offline"]) == 1
    assert "needs a terminal" in capsys.readouterr().err
