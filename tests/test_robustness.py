"""Bad input, broken files and dead services, as a demanding user meets them: each expected
failure is exit 1 (error) or 2 (usage) with exactly one line on stderr and no traceback, and
nothing the user typed or owns is lost."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from tui_fixtures import AppFactory, app_factory, screen_text, wait_until

from interviewer.cli.main import main
from interviewer.config import load_settings

QID = "deep_learning_basics-12"
ANSWER = "dropout 训练时随机丢掉一些神经元，神经元之间就不会互相依赖太多，学到的特征更鲁棒。"
NOTE = "## 1. 什么是过拟合？\n过拟合是模型在训练集上好、测试集上差。**正则化**可以缓解。\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse leaves by SystemExit
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def one_error(err: str) -> str:
    """The single stderr line of an expected failure (no traceback, no usage block)."""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err and "internal error" not in err, err
    return lines[0]


def cli(*argv: str, env: dict[str, str] | None = None, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "interviewer", *argv],
        capture_output=True, text=True, timeout=60, env=env, **kwargs,  # type: ignore[call-overload]
    )


@pytest.fixture
def hash_embeddings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERVIEWER_EMBEDDINGS", "hash")


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


def _without_file_permission_bypass() -> list[str]:
    """A command prefix under which chmod is obeyed (root ignores it unless its caps drop)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: permissions are not enforced")
    drop = "-dac_override,-dac_read_search"
    return [setpriv, f"--bounding-set={drop}", f"--inh-caps={drop}"]


def test_unreadable_notes_are_named(tmp_path: Path) -> None:
    prefix = _without_file_permission_bypass()
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


# -- index and history -----------------------------------------------------------------


@pytest.mark.usefixtures("hash_embeddings")
def test_a_file_where_the_index_goes_is_moved_aside(
    capsys: pytest.CaptureFixture[str], isolated_env: Path
) -> None:
    isolated_env.mkdir(parents=True)
    (isolated_env / "index").write_text("mine", encoding="utf-8")
    code, _, err = run(capsys, "index")
    assert code == 0, err
    assert "moved it to" in one_error(err) and "Traceback" not in err
    moved = list(isolated_env.glob("index.broken-*"))
    assert len(moved) == 1 and moved[0].read_text(encoding="utf-8") == "mine"


@pytest.mark.usefixtures("hash_embeddings")
def test_indexing_off_a_terminal_prints_no_stray_lines(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "index")
    assert code == 0 and err == ""


@pytest.mark.usefixtures("hash_embeddings")
def test_a_read_only_index_is_named_not_moved_aside(isolated_env: Path) -> None:
    prefix = _without_file_permission_bypass()
    assert cli("index").returncode == 0
    folders = [isolated_env, *(p for p in isolated_env.rglob("*") if p.is_dir())]
    for folder in folders:
        folder.chmod(0o555)
    try:
        result = subprocess.run([*prefix, sys.executable, "-m", "interviewer", "search", "过拟合"],
                                capture_output=True, text=True, timeout=60)
    finally:
        for folder in folders:
            folder.chmod(0o755)
    assert result.returncode == 1
    assert "cannot be written" in one_error(result.stderr)
    assert not list(isolated_env.glob("index.broken-*"))


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port that accepts connections and never answers."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield listener.getsockname()[1]


@pytest.mark.usefixtures("hash_embeddings")
def test_a_silent_chroma_server_times_out(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, silent_server: int
) -> None:
    monkeypatch.setenv("CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("CHROMA_PORT", str(silent_server))
    monkeypatch.setenv("INTERVIEWER_TIMEOUT", "1")
    code, _, err = run(capsys, "search", "过拟合")
    assert code == 1
    assert "no answer within 1 s" in one_error(err)


@pytest.mark.usefixtures("hash_embeddings")
def test_a_web_server_that_is_not_chroma_is_named(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=tmp_path))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        monkeypatch.setenv("CHROMA_HOST", "127.0.0.1")
        monkeypatch.setenv("CHROMA_PORT", str(server.server_address[1]))
        code, _, err = run(capsys, "search", "过拟合")
    finally:
        server.shutdown()
        server.server_close()
    assert code == 1
    assert "does not answer like a Chroma" in one_error(err)


def test_a_folder_where_the_history_goes_is_named(
    capsys: pytest.CaptureFixture[str], isolated_env: Path
) -> None:
    (isolated_env / "history.sqlite3").mkdir(parents=True)
    code, _, err = run(capsys, "history")
    assert code == 1 and "cannot open the history" in one_error(err)


# -- the interview ---------------------------------------------------------------------


@pytest.fixture
def make_app(monkeypatch: pytest.MonkeyPatch) -> Iterator[AppFactory]:
    yield from app_factory(monkeypatch)


async def test_a_signal_keeps_the_draft(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"草稿 draft")
        app.interrupted(signal.SIGTERM)  # what a kill, or a closed terminal, calls
        await pilot.pause()
    assert app.return_code == 128 + signal.SIGTERM
    saved = make_app.store.ungraded()
    assert [answer.text for answer in saved] == ["草稿 draft"]


async def test_the_score_is_in_view_on_a_60_by_15_terminal(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(60, 15)) as pilot:
        await pilot.press(*"dropout 随机丢弃神经元 防止过拟合")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: getattr(app.screen, "phase", "") == "graded", "a grade")
        await pilot.pause()
        assert "/10" in screen_text(app)


@pytest.mark.usefixtures("hash_embeddings")
def test_doctor_names_a_damaged_history_and_leaves_it_alone(
    capsys: pytest.CaptureFixture[str], isolated_env: Path
) -> None:
    isolated_env.mkdir(parents=True)
    damaged = isolated_env / "history.sqlite3"
    damaged.write_bytes(b"not a database " * 400)
    code, out, _ = run(capsys, "doctor")
    assert code == 1
    assert "✗ history: cannot open the history" in out
    assert damaged.read_bytes() == b"not a database " * 400
