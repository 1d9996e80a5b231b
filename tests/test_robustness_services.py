"""Bad input, broken files and dead services, as a demanding user meets them: each expected
failure is exit 1 (error) or 2 (usage) with exactly one line on stderr and no traceback, and
nothing the user typed or owns is lost — the index, the history and the interview."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from robustness_helpers import cli, one_error, run, without_file_permission_bypass
from tui_fixtures import AppFactory, app_factory, screen_text, wait_until

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


def _search_read_only(home: Path) -> subprocess.CompletedProcess[str]:
    prefix = without_file_permission_bypass()
    folders = [home, *(p for p in home.rglob("*") if p.is_dir())]
    for folder in folders:
        folder.chmod(0o555)
    try:
        return subprocess.run([*prefix, sys.executable, "-m", "interviewer", "search", "过拟合"],
                               capture_output=True, text=True, timeout=60)
    finally:
        for folder in folders:
            folder.chmod(0o755)


@pytest.mark.usefixtures("hash_embeddings")
def test_a_read_only_index_answers_from_its_vector_copies(isolated_env: Path) -> None:
    assert cli("index").returncode == 0
    result = _search_read_only(isolated_env)
    assert result.returncode == 0, result.stderr
    assert "过拟合" in result.stdout
    assert not list(isolated_env.glob("index.broken-*"))


@pytest.mark.usefixtures("hash_embeddings")
def test_a_read_only_index_that_needs_chroma_is_named_not_moved_aside(
    isolated_env: Path,
) -> None:
    assert cli("index").returncode == 0
    for shard in isolated_env.glob("index/g-*/vectors/*.npz"):
        shard.unlink()  # now the search must open Chroma, which wants to write
    result = _search_read_only(isolated_env)
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


async def test_a_closed_terminal_ends_the_process_even_if_the_shutdown_hangs(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    import interviewer.tui.app as tui_app

    ended = threading.Event()
    monkeypatch.setattr(tui_app, "HANGUP_GRACE_SECONDS", 0.05)
    app = make_app()
    monkeypatch.setattr(app, "hard_exit", lambda code: ended.set())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"draft")
        app.interrupted(signal.SIGHUP)
        await pilot.pause()
    assert ended.wait(5)
    assert [answer.text for answer in make_app.store.ungraded()] == ["draft"]
