"""`interviewer doctor` against a live local OpenAI-compatible server, a dead port, and
broken settings or notes."""

from __future__ import annotations

from pathlib import Path

import pytest
from llm_fixtures import TEST_KEY, llm_env, openai_server  # noqa: F401
from openai_server import OpenAIServer, Reply

from interviewer.cli.doctor import FAIL, OK, WARN, check_llm
from interviewer.cli.main import main
from interviewer.config import load_settings


@pytest.fixture
def server(llm_env: OpenAIServer, monkeypatch: pytest.MonkeyPatch) -> OpenAIServer:  # noqa: F811
    """The scripted server with the environment pointing at it; cheap embeddings for the
    index check."""
    monkeypatch.setenv("INTERVIEWER_EMBEDDINGS", "hash")
    return llm_env


def doctor(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, str], str]:
    """Exit code, the first line of each check by name, and the whole output."""
    code = main(["doctor", *argv])
    out = capsys.readouterr().out
    lines = {}
    for line in out.splitlines():
        if line[:1] in (OK, WARN, FAIL):
            lines[line[2:].split(":", 1)[0]] = line
    return code, lines, out


def test_a_live_server_is_reported_working(
    server: OpenAIServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.enqueue(Reply.text("OK"))
    code, lines, out = doctor(capsys)
    assert lines["LLM"].startswith(f"{OK} LLM: {server.url}, model test-model answered in")
    assert lines["settings"].startswith(OK) and "key set" in lines["settings"]
    assert lines["notes"].startswith(OK) and "16 questions" in lines["notes"]
    assert len(server.chat_requests) == 1  # one tiny request
    assert TEST_KEY not in out
    broken = any(line.startswith(FAIL) for line in lines.values())
    assert code == (1 if broken else 0)
    assert out.rstrip().endswith("problem(s) found" if broken else "all good")


def test_a_dead_port_is_reported_with_what_to_do(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    dead = OpenAIServer().start()
    url = dead.url
    dead.stop()
    monkeypatch.setenv("OPENAI_BASE_URL", url)
    monkeypatch.setenv("INTERVIEWER_TIMEOUT", "1")
    monkeypatch.setenv("INTERVIEWER_EMBEDDINGS", "hash")
    code, lines, out = doctor(capsys)
    assert code == 1
    assert lines["LLM"] == f"{FAIL} LLM: {url}, model gpt-4o-mini: cannot connect to {url}"
    assert "is the server running? check OPENAI_BASE_URL" in out


def test_an_unknown_model_names_the_models_the_server_has(server: OpenAIServer) -> None:
    server.enqueue(Reply.fail(404, "model not found"))
    check = check_llm(load_settings())
    assert check.mark == FAIL and "not found (404)" in check.detail
    assert "the endpoint lists: test-model" in check.hint


def test_a_rejected_key_points_at_the_key_without_showing_it(server: OpenAIServer) -> None:
    server.enqueue(Reply.fail(401, f"Incorrect API key provided: {TEST_KEY}"))
    check = check_llm(load_settings())
    assert check.mark == FAIL and "refused the key (401)" in check.detail
    assert "OPENAI_API_KEY" in check.hint
    assert TEST_KEY not in check.line()


def test_a_slow_server_suggests_a_longer_timeout(
    server: OpenAIServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INTERVIEWER_TIMEOUT", "0.5")
    server.enqueue(Reply.hang(5))
    check = check_llm(load_settings())
    assert check.mark == FAIL and "no reply within 0.5 s" in check.detail
    assert "raise INTERVIEWER_TIMEOUT" in check.hint


def test_the_remembered_structured_output_level_is_shown(server: OpenAIServer) -> None:
    from interviewer.grading.levels import LevelMemory, endpoint_label

    settings = load_settings()
    LevelMemory(settings.data_dir / "llm_levels.json").remember(
        endpoint_label(server.url), settings.model, "json_object"
    )
    server.enqueue(Reply.text("OK"))
    check = check_llm(settings)
    assert check.mark == OK
    assert "structured output: json_object (json_schema was rejected)" in check.detail


def test_no_llm_configured_is_a_note_not_a_failure() -> None:
    check = check_llm(load_settings())
    assert check.mark == WARN and "keyword grader" in check.detail
    assert check_llm(load_settings(offline=True, openai_api_key="k")).mark == WARN


def test_a_bad_setting_is_a_failure_not_a_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INTERVIEWER_TIMEOUT", "soon")
    code, lines, out = doctor(capsys)
    assert code == 1
    assert lines["settings"].startswith(f"{FAIL} settings: bad setting")
    assert "Traceback" not in out


def test_notes_without_questions_are_a_failure(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "notes"
    empty.mkdir()
    (empty / "readme.md").write_text("just prose, no headings\n", encoding="utf-8")
    code, lines, _ = doctor(capsys, "--notes", str(empty))
    assert code == 1
    assert lines["notes"].startswith(FAIL)
    assert "index" not in lines  # nothing to index


def test_index_copies_moved_aside_are_pointed_out(
    server: OpenAIServer, isolated_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.enqueue(Reply.text("OK"))
    copy = isolated_env / "index.broken-20261201-101500"
    copy.mkdir(parents=True)
    (copy / "chroma.sqlite3").write_bytes(b"\0" * 3_000_000)
    _code, lines, out = doctor(capsys)
    assert lines["index"].startswith(f"{WARN} index: search works")
    assert "1 unusable index moved aside earlier (3.0 MB)" in lines["index"]
    assert f"delete {copy} when you no longer need it" in out
    assert copy.exists()  # doctor only says so; nothing is deleted


def test_the_packs_in_use_are_named(
    server: OpenAIServer, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server.enqueue(Reply.text("OK"))
    _code, lines, _ = doctor(capsys)
    assert lines["packs"] == f"{OK} packs: deep-learning (the notes are about its subject)"
    notes = tmp_path / "cooking.md"
    notes.write_text("## 1. How long do you rest a steak?\n\nFive minutes.\n", encoding="utf-8")
    server.enqueue(Reply.text("OK"))
    _code, lines, _ = doctor(capsys, "--notes", str(notes))
    assert lines["packs"].startswith(f"{OK} packs: none: no bundled pack is about these notes")
    monkeypatch.setenv("INTERVIEWER_PACKS", "nosuchpack")
    server.enqueue(Reply.text("OK"))
    code, lines, _ = doctor(capsys)
    assert lines["packs"].startswith(f"{FAIL} packs: no domain pack named 'nosuchpack'")
    assert code == 1
