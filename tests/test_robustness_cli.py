"""Bad input, broken files and dead services, as a demanding user meets them: each expected
failure is exit 1 (error) or 2 (usage) with exactly one line on stderr and no traceback, and
nothing the user typed or owns is lost — the command line, answers and batches of answers."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from robustness_helpers import ANSWER, QID, one_error, run

# -- the command line ------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["--count", "0"],
        ["--min-stars", "6"],
        ["search", "x", "-k", "0"],
        ["grade", "--question-id", QID, "--answer", "x", "-"],
        ["frobnicate"],
        ["questions", "--nope"],
    ],
)
def test_usage_mistakes_are_one_line_not_the_usage_block(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert "--help" in one_error(err)


# -- answers ---------------------------------------------------------------------------


def test_a_huge_answer_text_is_refused_like_a_huge_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "grade", "--question-id", QID, "--answer", "过拟合" * 25_000)
    assert code == 1 and not out
    assert "64 KB" in one_error(err)


def test_an_unknown_question_is_one_line_before_any_grader_notice(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "grade", "--question", "zzzz qqqq", "--answer", ANSWER)
    assert code == 2 and not out
    assert "no question of the notes matches" in one_error(err)


def test_a_utf16_answer_file_grades_like_utf8(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    utf8, utf16 = tmp_path / "a8.txt", tmp_path / "a16.txt"
    utf8.write_text(ANSWER, encoding="utf-8")
    utf16.write_text(ANSWER, encoding="utf-16")  # with a BOM, as Notepad and PowerShell write
    scores = []
    for path in (utf8, utf16):
        code, out, _ = run(capsys, "grade", "--offline", "--question-id", QID,
                           "--answer-file", str(path), "--json")
        assert code == 0
        scores.append(json.loads(out)["score"])
    assert scores[0] == scores[1] > 0


# -- batches ---------------------------------------------------------------------------


@pytest.mark.parametrize("content", [bytes(range(256)) * 8, '{"id": 1}\n'.encode("utf-16")])
def test_a_binary_or_utf16_batch_is_one_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes
) -> None:
    batch = tmp_path / "b.jsonl"
    batch.write_bytes(content)
    code, out, err = run(capsys, "grade", "--batch", str(batch))  # no "no LLM" notice first
    assert code == 1 and not out
    assert "UTF-8" in one_error(err)


def test_gbk_and_crlf_batch_lines_are_graded(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    line = json.dumps({"id": 7, "question_id": QID, "answer": ANSWER}, ensure_ascii=False)
    batch = tmp_path / "b.jsonl"
    batch.write_bytes((line + "\r\n").encode("gbk") * 2)
    code, out, err = run(capsys, "grade", "--offline", "--batch", str(batch))
    assert code == 0, err
    grades = [json.loads(row) for row in out.splitlines()]
    assert [g["id"] for g in grades] == [7, 7] and grades[0]["score"] > 0


def test_an_empty_batch_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    batch = tmp_path / "b.jsonl"
    batch.write_text("\n  \n", encoding="utf-8")
    code, out, err = run(capsys, "grade", "--offline", "--batch", str(batch))
    assert code == 0 and not out
    assert "no lines to grade" in err and len(err.splitlines()) == 1


def test_bad_batch_lines_fail_alone_and_say_why(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rows = [
        {"id": 1, "question_id": QID, "answer": ANSWER},
        "{not json",
        {"id": 3, "question_id": QID},
        {"id": 4, "question_id": 12, "answer": "x"},
        {"id": 5, "question_id": "nope-99", "answer": "x"},
        [1, 2],
        {"id": 7, "question": "zzzz qqqq", "answer": "x"},
        {"id": 8, "question_id": QID, "answer": ANSWER},
    ]
    batch = tmp_path / "b.jsonl"
    batch.write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n", encoding="utf-8"
    )
    code, out, err = run(capsys, "grade", "--offline", "--batch", str(batch))
    results = [json.loads(row) for row in out.splitlines()]
    assert code == 1 and len(results) == len(rows)
    assert [r.get("score") is not None for r in results] == [True] + [False] * 6 + [True]
    assert "must be a string" in results[3]["error"]
    assert "6 of 8" in one_error(err)


def test_nan_in_a_batch_line_is_refused_so_the_output_stays_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    batch = tmp_path / "b.jsonl"
    batch.write_text(f'{{"id": NaN, "question_id": "{QID}", "answer": "x"}}\n', encoding="utf-8")
    code, out, _ = run(capsys, "grade", "--offline", "--batch", str(batch))
    assert code == 1
    assert json.loads(out, parse_constant=pytest.fail)["error"].startswith("not JSON (NaN")


def test_answer_file_dash_reads_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(ANSWER.encode())))
    code, out, _ = run(capsys, "grade", "--offline", "--question-id", QID,
                       "--answer-file", "-", "--json")
    assert code == 0 and json.loads(out)["score"] > 0


def test_an_over_long_batch_line_fails_once_and_later_lines_keep_their_numbers(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    batch = tmp_path / "b.jsonl"
    rows = [{"id": 1, "question_id": QID, "answer": "过拟合" * 400_000},  # ~3.6 MB
            {"id": 2, "question_id": QID, "answer": ANSWER}]
    batch.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                     encoding="utf-8")
    code, out, _ = run(capsys, "grade", "--offline", "--batch", str(batch))
    results = [json.loads(row) for row in out.splitlines()]
    assert code == 1 and len(results) == 2
    assert "longer than" in results[0]["error"] and results[1]["id"] == 2


def test_ctrl_c_in_a_batch_stops_cleanly_after_whole_lines() -> None:
    line = json.dumps({"id": 1, "question_id": QID, "answer": ANSWER}, ensure_ascii=False) + "\n"
    process = subprocess.Popen(
        [sys.executable, "-m", "interviewer", "grade", "--offline", "--batch", "-"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(line.encode() * 2)
    process.stdin.flush()
    first = [process.stdout.readline(), process.stdout.readline()]  # graded, streamed
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert all(json.loads(row)["id"] == 1 for row in first) and not out.strip()
    assert one_error(err.decode()) == "interviewer: interrupted"
