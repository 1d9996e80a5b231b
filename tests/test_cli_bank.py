"""`interviewer questions`, `topics`, `--help`, `--version`: output, exit codes, start-up."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from interviewer import __version__
from interviewer.cli.main import main

HEAVY = ("chromadb", "openai", "textual", "jieba", "rjieba", "numpy", "bm25s")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_questions_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "questions", "--json")
    assert code == 0
    data = json.loads(out)
    assert len(data) == 16
    first = data[0]
    assert {"id", "title", "stars", "source", "topics", "key_points", "answer"} <= set(first)
    assert first["id"] == "deep_learning_basics-01"
    assert first["source"] == "deep_learning_basics.md"
    assert "随即初始化打破神经网络的对称性" in first["key_points"]


def test_questions_topic_and_min_stars(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "questions", "--topic", "overfitting", "--json")
    assert code == 0
    assert [q["id"] for q in json.loads(out)] == ["deep_learning_basics-11", "deep_learning_basics-12"]
    code, out, _ = run(capsys, "questions", "--min-stars", "4", "--json")
    assert {q["stars"] for q in json.loads(out)} == {4}


def test_questions_table_is_readable(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "questions", "--topic", "dropout")
    assert code == 0
    assert "deep_learning_basics-12" in out and "Dropout" in out


def test_unknown_topic_exits_2_with_suggestions(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "questions", "--topic", "overfiting")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "did you mean: overfitting" in err


def test_topics_json_counts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "topics", "--json")
    assert code == 0
    rows = {row["slug"]: row for row in json.loads(out)}
    assert rows["overfitting"]["questions"] == 2
    assert "过拟合" in rows["overfitting"]["aliases"]


def test_topics_table_shows_the_notes_topics_not_empty_glossary_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "java_basics.md"
    notes.write_text("## 线程\n\n### 什么是死锁？\n\n两个线程互相等待对方的锁。\n", encoding="utf-8")
    code, out, _ = run(capsys, "topics", "--notes", str(notes))
    assert code == 0
    assert "线程" in out
    assert "overfitting" not in out  # a glossary topic none of these questions has
    # The glossary is of another subject: counting its empty topics would only be noise.
    assert "glossary" not in out
    code, out, _ = run(capsys, "topics", "--notes", str(notes), "--json")
    assert "overfitting" in {row["slug"] for row in json.loads(out)}  # JSON lists every topic


def test_topics_table_counts_the_glossary_topics_notes_of_its_subject_lack(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "dl.md"
    notes.write_text("## 1. 什么是过拟合？\n\n模型记住了训练集的噪声。\n", encoding="utf-8")
    code, out, _ = run(capsys, "topics", "--notes", str(notes))
    assert code == 0
    assert "overfitting" in out
    assert "topics of the glossary have no question in these notes" in out


def test_a_long_section_title_leaves_room_for_the_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A section titled with a whole sentence once took the table's full width: the counts
    # and the other columns shrank to nothing and the slug itself was cut short with "…".
    monkeypatch.setenv("COLUMNS", "80")
    title = "第三部分：检索与生成，官方示例使用的向量库提供一个后台管理界面，但数据量大时加载很慢需要注意"
    notes = tmp_path / "rag.md"
    notes.write_text(f"## {title}\n\n### 什么是召回？\n\n先找出候选文档。\n", encoding="utf-8")
    code, out, _ = run(capsys, "topics", "--notes", str(notes))
    assert code == 0
    assert "questions" in out
    assert "…" not in out
    typed = "".join(line.split("│")[1].strip() for line in out.splitlines() if line.startswith("│"))
    assert typed.endswith("数据量大时加载很慢需要注意'")  # the whole slug, folded


def test_own_notes_replace_the_bundled_ones(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "mine.md"
    notes.write_text("## 1. What is bias? :star:\nBias is **systematic error**.\n", encoding="utf-8")
    code, out, _ = run(capsys, "questions", "--notes", str(notes), "--json")
    assert code == 0
    assert [q["id"] for q in json.loads(out)] == ["mine-01"]


def test_notes_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    first, second = tmp_path / "a.md", tmp_path / "b.md"
    first.write_text("## 1. 甲？\n答\n", encoding="utf-8")
    second.write_text("## 1. 乙？\n答\n", encoding="utf-8")
    monkeypatch.setenv("INTERVIEWER_NOTES", f"{first}{os.pathsep}{second}")
    code, out, _ = run(capsys, "questions", "--json")
    assert code == 0
    assert [q["id"] for q in json.loads(out)] == ["a-01", "b-01"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["questions", "--notes", "/no/such/notes"], "notes path not found"),
        (["questions", "--notes", "{empty}"], "no Markdown notes files in"),
        (["search", "x", "--notes", "{empty}"], "no Markdown notes files in"),
        (["questions", "--notes", "{prose}"], "no questions found"),
    ],
)
def test_note_problems_are_one_line_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    prose = tmp_path / "prose.md"
    prose.write_text("Just prose, no questions here.\n", encoding="utf-8")
    argv = [a.replace("{empty}", str(empty)).replace("{prose}", str(prose)) for a in argv]
    code, out, err = run(capsys, *argv)
    assert code == 1 and out == ""
    assert message in err and "Traceback" not in err


def test_bad_setting_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("INTERVIEWER_TIMEOUT", "soon")
    code, _, err = run(capsys, "questions")
    assert code == 2
    assert "INTERVIEWER_TIMEOUT" in err and err.count("\n") == 1


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["questions", "--min-stars", "9"])
    assert info.value.code == 2


def _subprocess(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "interviewer", *argv], capture_output=True, text=True, timeout=60
    )


def test_version_and_help_in_a_real_process() -> None:
    version = _subprocess("--version")
    assert version.returncode == 0 and version.stdout.strip() == f"interviewer {__version__}"
    for command in ([], ["questions"], ["topics"], ["index"], ["search"], ["grade"], ["history"], ["doctor"]):
        result = _subprocess(*command, "--help")
        assert result.returncode == 0, (command, result.stderr)
        assert "usage: interviewer" in result.stdout


@pytest.mark.parametrize(
    "argv", [["--help"], ["questions", "--json"], ["topics", "--json"], ["notes", "--json"]]
)
def test_light_commands_import_no_heavy_library(argv: list[str]) -> None:
    probe = (
        "import sys, runpy, contextlib, io\n"
        f"sys.argv = ['interviewer', *{argv!r}]\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        "    try:\n"
        "        from interviewer.cli.main import main; main()\n"
        "    except SystemExit:\n"
        "        pass\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
