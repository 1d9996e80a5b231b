"""Bad input, broken files and dead services, as a demanding user meets them: each expected
failure is exit 1 (error) or 2 (usage) with exactly one line on stderr and no traceback, and
nothing the user typed or owns is lost — notes folders and settings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from robustness_helpers import ANSWER, NOTE, QID, one_error, run, without_file_permission_bypass

from interviewer.config import load_settings

# -- notes -----------------------------------------------------------------------------


def test_a_pipe_as_notes_is_named_not_waited_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    fifo = tmp_path / "notes.md"
    os.mkfifo(fifo)
    for path in (fifo, Path(os.devnull)):
        code, _, err = run(capsys, "questions", "--notes", str(path))
        assert code == 1
        assert "not a file or folder" in one_error(err)


def test_no_questions_says_why_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (tmp_path / "b.jpg").write_bytes(bytes(range(256)))
    code, _, err = run(capsys, "questions", "--notes", str(tmp_path))
    assert code == 1
    assert "non-Markdown" in one_error(err)
    prose = tmp_path / "prose.md"
    prose.write_text("# 笔记\n\n只有正文，没有问题标题。\n", encoding="utf-8")
    code, _, err = run(capsys, "questions", "--notes", str(prose))
    assert code == 1
    assert "prose.md: no questions found)" in one_error(err)


def test_utf16_notes_are_read(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(NOTE, encoding="utf-16")
    code, out, err = run(capsys, "questions", "--notes", str(tmp_path), "--json")
    assert code == 0, err
    assert [q["title"] for q in json.loads(out)] == ["什么是过拟合？"]


def test_notes_given_twice_ask_each_question_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "a.md").write_text(NOTE, encoding="utf-8")
    code, out, _ = run(capsys, "questions", "--notes", str(tmp_path), "--notes",
                       str(tmp_path / "a.md"), "--notes", str(tmp_path), "--json")
    assert code == 0 and [q["id"] for q in json.loads(out)] == ["a-01"]


def test_a_symlink_loop_in_notes_is_not_followed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "a.md").write_text(NOTE, encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path)
    code, out, _ = run(capsys, "questions", "--notes", str(tmp_path), "--json")
    assert code == 0 and len(json.loads(out)) == 1


@pytest.mark.usefixtures("hash_embeddings")
def test_a_file_name_that_is_not_utf8_is_searchable(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / os.fsdecode(b"bad\xffname.md")).write_text(NOTE, encoding="utf-8")
    code, out, err = run(capsys, "search", "过拟合", "--notes", str(tmp_path), "--json")
    assert code == 0, err
    [hit] = json.loads(out)
    assert hit["source"] == "bad\\xffname.md"


def test_unreadable_notes_are_named(tmp_path: Path) -> None:
    prefix = without_file_permission_bypass()
    notes = tmp_path / "notes"
    (notes / "locked").mkdir(parents=True)
    (notes / "ok.md").write_text(NOTE, encoding="utf-8")
    (notes / "locked" / "b.md").write_text(NOTE, encoding="utf-8")
    (notes / "locked").chmod(0)
    try:
        base = [*prefix, sys.executable, "-m", "interviewer", "questions", "--notes"]
        whole = subprocess.run([*base, str(notes / "locked")], capture_output=True, text=True,
                               timeout=60)
        part = subprocess.run([*base, str(notes)], capture_output=True, text=True, timeout=60)
    finally:
        (notes / "locked").chmod(0o755)
    assert whole.returncode == 1
    assert "cannot read notes folder" in one_error(whole.stderr)
    assert part.returncode == 0 and "cannot read folder" in part.stderr


# -- settings --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("INTERVIEWER_TIMEOUT", "inf"),
        ("INTERVIEWER_TIMEOUT", "1e309"),
        ("INTERVIEWER_TIMEOUT", "nan"),
        ("CHROMA_PORT", "-1"),
        ("CHROMA_PORT", "70000"),
        ("OPENAI_BASE_URL", "http://[::1"),
        ("OPENAI_BASE_URL", "localhost:11434"),
        ("INTERVIEWER_MODEL", " "),
    ],
)
def test_unusable_settings_are_one_usage_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)
    code, _, err = run(capsys, "grade", "--question-id", QID, "--answer", ANSWER)
    assert code == 2
    assert name in one_error(err)


def test_a_mangled_key_is_named_and_never_printed(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-密钥-secret")
    code, _, err = run(capsys, "questions")
    assert code == 2 and "OPENAI_API_KEY" in one_error(err) and "secret" not in err
    monkeypatch.setenv("OPENAI_API_KEY", "sk-pasted-with-newline\n")
    key = load_settings().openai_api_key
    assert key is not None and key.get_secret_value() == "sk-pasted-with-newline"


def test_a_blank_home_is_unset_not_the_working_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERVIEWER_HOME", "")
    monkeypatch.setenv("OPENAI_BASE_URL", " ")
    settings = load_settings()
    assert settings.home is None and settings.openai_base_url is None


def test_a_home_that_is_a_file_is_named(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    home = tmp_path / "home-file"
    home.write_text("mine", encoding="utf-8")
    monkeypatch.setenv("INTERVIEWER_HOME", str(home))
    code, _, err = run(capsys, "history")
    assert code == 2 and "INTERVIEWER_HOME" in one_error(err)
    assert home.read_text(encoding="utf-8") == "mine"


def test_a_dotenv_not_in_utf8_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    Path(".env").write_bytes("INTERVIEWER_MODEL=模型\n".encode("gbk"))
    code, _, err = run(capsys, "questions")
    assert code == 2 and ".env is not UTF-8" in one_error(err)


def test_unparsable_dotenv_lines_are_one_warning(capsys: pytest.CaptureFixture[str]) -> None:
    Path(".env").write_text('not a setting\n=x\nINTERVIEWER_MODEL="abc\n', encoding="utf-8")
    code, _, err = run(capsys, "questions", "--json")
    assert code == 0
    assert one_error(err).startswith("interviewer: warning: .env: cannot parse line(s) 1, 2")
