"""`interviewer grade`: one answer (text, file, stdin), free-text questions, batches with
bad lines, readable output and one-line errors — in-process and as a real subprocess."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from interviewer.cli.main import main

QID = "deep_learning_basics-12"
ANSWER = "dropout 训练时随机丢掉一些神经元，神经元之间就不会互相依赖太多，学到的特征更鲁棒。"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_grade_and_offline_notice_once(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "grade", "--question-id", QID, "--answer", ANSWER, "--json")
    assert code == 0
    data = json.loads(out)
    assert data["question_id"] == QID and data["grader"] == "keyword"
    assert 0 < data["score"] <= 10 and data["max_score"] == 10
    assert err.count("offline keyword grader") == 1


def test_explicit_offline_needs_no_notice(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "grade", "--offline", "--question-id", QID, "--answer", ANSWER)
    assert code == 0
    assert "offline keyword grader" not in err


def test_readable_rendering(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "grade", "--question-id", QID, "--answer", ANSWER)
    assert code == 0
    assert "/10" in out and "feedback" in out and "follow-up" in out
    assert "✓" in out or "◐" in out


def test_free_text_question_is_matched_and_named(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "grade", "--question", "why does dropout reduce overfitting",
                         "--answer", ANSWER, "--json")
    assert code == 0
    assert json.loads(out)["question_id"] == QID
    assert QID in err


def test_unmatched_free_text_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "grade", "--question", "量子计算机的纠错码", "--answer", "x")
    assert code == 2
    assert "--question-id" in err and len(err.strip().splitlines()) <= 2


def test_gbk_answer_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "answer.txt"
    path.write_bytes(ANSWER.encode("gbk"))
    code, out, _ = run(capsys, "grade", "--question-id", QID, "--answer-file", str(path), "--json")
    assert code == 0
    assert json.loads(out)["score"] > 0


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"\x00\x01\x02PK\x03\x04" * 50, "not text"), (b"a" * (70 * 1024), "at most")],
)
def test_bad_answer_files_give_one_line_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    path = tmp_path / "answer.bin"
    path.write_bytes(content)
    code, out, err = run(capsys, "grade", "--question-id", QID, "--answer-file", str(path))
    assert code == 1 and not out
    assert message in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_missing_answer_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "grade", "--question-id", QID, "--answer-file", "nope.txt")
    assert code == 1 and "cannot read answer file" in err


def test_answer_from_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ANSWER.encode("utf-8"))))
    code, out, _ = run(capsys, "grade", "--question-id", QID, "-", "--json")
    assert code == 0 and json.loads(out)["score"] > 0


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["grade", "--question-id", QID], "give the answer"),
        (["grade", "--answer", "x"], "say which question"),
        (["grade", "--question-id", "nope-99", "--answer", "x"], "no question 'nope-99'"),
        (["grade", "--batch", "x.jsonl", "--question-id", QID], "--batch reads"),
    ],
)
def test_usage_errors(capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2 and message in err


def test_batch_streams_grades_and_survives_bad_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [
        json.dumps({"id": "a", "question_id": QID, "answer": ANSWER}, ensure_ascii=False),
        "this is not json",
        json.dumps({"id": 7, "question_id": "nope-01", "answer": "x"}),
        json.dumps({"id": "b", "question": "Batch Normalization 的作用", "answer": "不知道"},
                   ensure_ascii=False),
        "",
        json.dumps({"id": "c", "question_id": QID}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    code, out, err = run(capsys, "grade", "--batch", str(path))
    rows = [json.loads(line) for line in out.splitlines()]
    assert [row["id"] for row in rows] == ["a", None, 7, "b", "c"]
    assert rows[0]["score"] > 0 and rows[0]["grader"] == "keyword"
    assert "error" in rows[1] and rows[1]["line"] == 2
    assert "nope-01" in rows[2]["error"]
    assert rows[3]["question_id"] == "deep_learning_basics-13" and rows[3]["score"] == 0
    assert "answer" in rows[4]["error"]
    assert code == 1 and "3 of 5" in err


def test_clean_batch_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps({"id": 1, "question_id": QID, "answer": ANSWER}) + "\n", "utf-8")
    code, out, _ = run(capsys, "grade", "--batch", str(path), "--offline")
    assert code == 0 and json.loads(out)["id"] == 1


def test_real_subprocess(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "interviewer", "grade", "--question-id", QID, "--answer", ANSWER,
         "--json"],
        capture_output=True, text=True, encoding="utf-8", timeout=60, check=False,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["question_id"] == QID and data["feedback"]
    assert "offline keyword grader" in result.stderr


def test_a_question_asked_by_its_exact_title_is_that_question(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Both titles hold every word asked; the one that says nothing more is the one meant.
    notes = tmp_path / "cache.md"
    notes.write_text(
        "## 1. How does a cache store entries and what evicts them?\n\nIn a hash map; LRU.\n\n"
        "## 2. What is a cache?\n\nA fast copy of data kept near its use.\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "grade", "--question", "What is a cache?", "--answer", "x",
                       "--notes", str(notes), "--offline", "--json")
    assert code == 0
    assert json.loads(out)["question_id"].endswith("-02")
