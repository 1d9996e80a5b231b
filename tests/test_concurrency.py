"""One data folder, many processes: parallel rebuilds and searches, kill -9 in the middle of
indexing, two writers on one history file, and the same over a Chroma server. Real
processes (subprocess), real Chroma, real SQLite."""

from __future__ import annotations

import json
import os
import queue
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

from tests.search_fixtures import NOTES_A, NOTES_B, free_port, write_notes

ROOT = Path(__file__).resolve().parent.parent


def _env(home: Path, notes: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CHROMA_", "OPENAI_"))}
    env |= {
        "INTERVIEWER_HOME": str(home),
        "INTERVIEWER_NOTES": str(notes),
        "INTERVIEWER_EMBEDDINGS": "hash",
        "ANONYMIZED_TELEMETRY": "False",
        "PYTHONPATH": str(ROOT),
    }
    return env | extra


def _start(env: dict[str, str], *argv: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "interviewer", *argv],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def _finish(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=120)
    return process.returncode, out, err


def _line_within(stream: IO[str], seconds: float) -> str:
    """The next line of a child's output, failing the test when none comes in time."""
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: lines.put(stream.readline()), daemon=True).start()
    try:
        return lines.get(timeout=seconds)
    except queue.Empty:
        pytest.fail(f"no output within {seconds:g} s")


def _top(out: str) -> str:
    hits = json.loads(out)
    return str(hits[0]["question_id"]) if hits else ""


@pytest.fixture
def two_files(tmp_path: Path) -> Path:
    return write_notes(tmp_path / "notes", {"a.md": NOTES_A, "b.md": NOTES_B})


def test_parallel_rebuilds_and_searches_all_succeed(tmp_path: Path, two_files: Path) -> None:
    env = _env(tmp_path / "home", two_files)
    for _round in range(2):
        # The first round starts on an empty data folder: nobody has made the index yet.
        rebuilds = [_start(env, "index", "--rebuild") for _ in range(2)]
        searches = [_start(env, "search", "梯度消失的原因", "--json") for _ in range(2)]
        for process in rebuilds:
            code, out, err = _finish(process)
            assert code == 0 and "rebuilt" in out, err
            assert "Traceback" not in err and "internal error" not in err, err
        for process in searches:
            code, out, err = _finish(process)
            assert code == 0, err
            assert _top(out) == "b-01", out
    # One generation left in use; what the rebuilds replaced is gone.
    index = tmp_path / "home" / "index"
    assert len(list(index.glob("g-*"))) == 1
    assert not list((tmp_path / "home").glob("index.broken-*"))


def test_a_writer_waits_for_the_lock_and_says_so(tmp_path: Path, two_files: Path) -> None:
    from filelock import FileLock

    env = _env(tmp_path / "home", two_files)
    (tmp_path / "home").mkdir()
    with FileLock(tmp_path / "home" / "index.lock"):
        process = _start(env, "index")
        # Held until the writer says it waits, however long a busy machine takes to start it.
        assert process.stderr is not None
        said = _line_within(process.stderr, 90)
        assert process.poll() is None  # still waiting
    code, _, err = _finish(process)
    assert code == 0, err
    assert said == "interviewer: waiting for another index update to finish…\n"
    assert err == ""


def _many_questions(folder: Path, files: int = 8, per_file: int = 40) -> Path:
    """A notes folder big enough that indexing takes a while (generated, not real notes)."""
    words = ["梯度", "权重", "正则", "损失", "批量", "卷积", "注意力", "采样", "优化器", "激活"]
    for f in range(files):
        parts = []
        for q in range(per_file):
            a, b = words[(f + q) % len(words)], words[(f * 3 + q * 7) % len(words)]
            parts.append(
                f"## {q + 1}. 第{f}组第{q}题：{a}与{b}有什么关系？\n"
                + f"{a}和{b}在第{f}组的第{q}种情形里互相影响。" * 6 + "\n"
            )
        (folder / f"set{f}.md").parent.mkdir(parents=True, exist_ok=True)
        (folder / f"set{f}.md").write_text("\n".join(parts), encoding="utf-8")
    return folder


def _assert_complete(home: Path, notes: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every question of every file has its vector in the index in use."""
    from interviewer.config import load_settings
    from interviewer.notes import load_bank
    from interviewer.search import open_retriever
    from interviewer.search.index_files import notes_files

    monkeypatch.setenv("INTERVIEWER_HOME", str(home))
    monkeypatch.setenv("INTERVIEWER_EMBEDDINGS", "hash")
    bank = load_bank([notes])
    retriever = open_retriever(load_settings(), bank)
    assert retriever.report.files_indexed == 0  # the command after the kill completed it
    wanted = {f"{n.key}:{i}" for n in notes_files(bank) for i in range(len(n.questions))}
    stored = set(retriever.index.collection.get(ids=sorted(wanted), include=[])["ids"])
    assert stored == wanted
    hit = retriever.search("第3组第17题", k=1)[0]
    assert hit.question_id == "set3-18"
    # What the killed process left half-built is swept once no writer is busy.
    assert [p.name for p in (home / "index").glob("g-*")] == [f"g-{retriever.index.generation}"]


@pytest.mark.parametrize("seed", [1, 2, 4])
def test_kill_during_indexing_then_the_next_command_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    notes = _many_questions(tmp_path / "notes")
    home = tmp_path / "home"
    env = _env(home, notes)
    rng = random.Random(seed)
    # Odd seeds kill the very first index of an empty folder, even ones a rebuild of a
    # complete index.
    if seed % 2 == 0:
        assert subprocess.run([sys.executable, "-m", "interviewer", "index"], env=env,
                              capture_output=True, timeout=120).returncode == 0
    delay = rng.uniform(0.0, 2.0)
    for _attempt in range(4):  # a machine fast enough to finish first gets a shorter delay
        if seed % 2:
            shutil.rmtree(home, ignore_errors=True)
        before = set((home / "index").glob("g-*"))
        process = _start(env, "index", *(["--rebuild"] if seed % 2 == 0 else []))
        # Kill it while it indexes: once its new generation appears, within the first 2 s
        # of the 3-5 s that chunking, embedding and storing these 320 questions take.
        deadline = time.monotonic() + 60
        while set((home / "index").glob("g-*")) <= before and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=30)
        if process.returncode == -signal.SIGKILL:
            break
        delay /= 3
    assert process.returncode == -signal.SIGKILL  # killed, not finished
    search = subprocess.run(
        [sys.executable, "-m", "interviewer", "search", "第3组第17题", "--json"],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert search.returncode == 0, search.stderr
    assert _top(search.stdout) == "set3-18"
    assert "Traceback" not in search.stderr and "internal error" not in search.stderr
    _assert_complete(home, notes, monkeypatch)


_WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from interviewer.notes.model import Question
    from interviewer.practice.store import HistoryStore

    store = HistoryStore(Path(sys.argv[1]))
    name, count = sys.argv[2], int(sys.argv[3])
    session = store.start_session(None, count, 0)
    question = Question(id=f"{name}-q", title="t", stars=0, answer="a", key_points=(),
                        source="n.md", path=Path("n.md"), line=1)
    for n in range(count):
        asked = store.ask(session, n, question)
        answer = store.save_answer(asked, f"{name} answer {n}", prompt="t")
        print(answer, flush=True)  # committed: it must survive anything from here on
    store.finish_session(session, {"answered": count})
    """
)


def _writer(history: Path, name: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(history), name, str(count)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_two_writers_on_one_history_keep_everything(tmp_path: Path) -> None:
    history = tmp_path / "history.sqlite3"
    writers = [_writer(history, name, 150) for name in ("left", "right")]
    for writer in writers:
        _, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
    with sqlite3.connect(history) as conn:
        texts = {row[0] for row in conn.execute("SELECT text FROM answers")}
        finished = conn.execute("SELECT count(*) FROM sessions WHERE finished_at IS NOT NULL")
        assert finished.fetchone()[0] == 2
    assert texts == {f"{name} answer {n}" for name in ("left", "right") for n in range(150)}


@pytest.mark.parametrize("seed", [5, 6])
def test_kill_during_history_writes_loses_nothing_committed(tmp_path: Path, seed: int) -> None:
    history = tmp_path / "history.sqlite3"
    victim = _writer(history, "victim", 100_000)
    other = _writer(history, "other", 200)
    # Killed at a random moment once it is writing, however long a busy machine takes to
    # start it.
    assert victim.stdout is not None
    first = _line_within(victim.stdout, 90)
    time.sleep(random.Random(seed).uniform(0.0, 1.0))
    victim.send_signal(signal.SIGKILL)
    printed, _ = victim.communicate(timeout=30)
    assert other.communicate(timeout=120)[0] and other.returncode == 0
    committed = {int(line) for line in (first + printed).split()}
    assert committed  # it got going before the kill
    with sqlite3.connect(history) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ids = {row[0] for row in conn.execute("SELECT id FROM answers")}
        others = conn.execute("SELECT count(*) FROM answers WHERE text LIKE 'other %'")
        assert others.fetchone()[0] == 200
    assert committed <= ids
    again = _writer(history, "after", 3)  # and the history takes new answers
    assert again.communicate(timeout=60)[0].split() and again.returncode == 0


# -- with a Chroma server --------------------------------------------------------------------


def _chroma(path: Path, port: int) -> subprocess.Popen[bytes]:
    import socket

    chroma = Path(sys.executable).parent / "chroma"
    if not chroma.exists():
        pytest.skip("the chroma command is not installed in this environment")
    process = subprocess.Popen(
        [str(chroma), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return process
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("chroma run did not start") from None
            time.sleep(0.1)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[Path, int, list[subprocess.Popen[bytes]]]]:
    """A `chroma run` on 127.0.0.1 that a test may stop and start again."""
    port = free_port()
    running = [_chroma(tmp_path / "server", port)]
    try:
        yield tmp_path / "server", port, running
    finally:
        for process in running:
            process.kill()
            process.wait(timeout=10)


def test_two_clients_rebuild_on_one_server(
    tmp_path: Path, two_files: Path, server: tuple[Path, int, list[subprocess.Popen[bytes]]]
) -> None:
    _, port, _ = server
    chroma = {"CHROMA_HOST": "127.0.0.1", "CHROMA_PORT": str(port)}
    # Two machines (two data folders) and one server: no file lock is shared.
    left = _env(tmp_path / "left", two_files, **chroma)
    right = _env(tmp_path / "right", two_files, **chroma)
    assert subprocess.run([sys.executable, "-m", "interviewer", "index"], env=left,
                          capture_output=True, timeout=120).returncode == 0
    processes = [_start(left, "index", "--rebuild"), _start(right, "index", "--rebuild"),
                 _start(left, "search", "学习率太大", "--json"),
                 _start(right, "search", "学习率太大", "--json")]
    results = [_finish(process) for process in processes]
    for code, _, err in results:
        assert code == 0, err
    assert [_top(out) for _, out, _ in results[2:]] == ["b-02", "b-02"]
    import chromadb

    client = chromadb.HttpClient(host="127.0.0.1", port=port)
    names = sorted(c.name for c in client.list_collections())
    assert len([n for n in names if n.startswith("interviewer-questions-")]) == 1, names


_SEARCHER = textwrap.dedent(
    """
    import json, sys
    from interviewer.config import load_settings
    from interviewer.errors import InterviewerError
    from interviewer.notes import load_bank
    from interviewer.search import open_retriever

    settings = load_settings()
    retriever = open_retriever(settings, load_bank(settings.notes_paths))
    for query in sys.stdin:  # one search per line, as a long-lived interview would
        try:
            reply = {"first": retriever.search(query.strip(), k=1)[0].question_id}
        except InterviewerError as exc:
            reply = {"error": str(exc)}
        print(json.dumps(reply), flush=True)
    """
)


def test_a_server_restarted_during_a_search(
    tmp_path: Path, two_files: Path, server: tuple[Path, int, list[subprocess.Popen[bytes]]]
) -> None:
    path, port, running = server
    env = _env(tmp_path / "home", two_files, CHROMA_HOST="127.0.0.1", CHROMA_PORT=str(port))
    searcher = subprocess.Popen(
        [sys.executable, "-c", _SEARCHER], env=env, text=True,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert searcher.stdin is not None and searcher.stdout is not None

    def ask() -> dict[str, str]:
        assert searcher.stdin is not None and searcher.stdout is not None
        searcher.stdin.write("学习率太大\n")
        searcher.stdin.flush()
        return dict(json.loads(searcher.stdout.readline()))

    try:
        assert ask() == {"first": "b-02"}
        running[0].kill()
        running[0].wait(timeout=10)
        lost = ask()["error"]
        assert "cannot reach the Chroma server" in lost and "\n" not in lost
        # A new command meanwhile: one line on stderr, exit 1.
        down = subprocess.run([sys.executable, "-m", "interviewer", "search", "学习率太大"],
                              env=env, capture_output=True, text=True, timeout=120)
        assert down.returncode == 1
        assert len(down.stderr.splitlines()) == 1 and "cannot reach the Chroma server" in down.stderr
        running.append(_chroma(path, port))
        assert ask() == {"first": "b-02"}  # the same process goes on once the server is back
    finally:
        searcher.communicate(timeout=60)
    search = subprocess.run(
        [sys.executable, "-m", "interviewer", "search", "学习率太大", "--json"],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert search.returncode == 0 and _top(search.stdout) == "b-02", search.stderr
