"""Pytest fixtures for anything that talks to an LLM: a scripted OpenAI-compatible server on
127.0.0.1 and the environment that points interviewer at it.

Use in a test module:

    from llm_fixtures import llm_env, openai_server, grading_json  # noqa: F401

    def test_x(llm_env):                      # the server, with OPENAI_BASE_URL etc. set
        llm_env.enqueue(Reply.json(grading_json(3)))
        ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from openai_server import OpenAIServer

TEST_KEY = "sk-test-0123456789abcdef"
TEST_MODEL = "test-model"
TEST_TIMEOUT = 1.0


def grading_json(
    points: int,
    status: str = "covered",
    evidence: str = "",
    correctness: float = 0,
    errors: list[str] | None = None,
    injection: bool = False,
    feedback: str = "回答覆盖了要点。",
    follow_up: str = "还有别的方法吗？",
) -> dict[str, Any]:
    """A grading reply as the model would send it: `status` for every one of `points`."""
    return {
        "rubric": [
            {"index": n, "status": status, "evidence": evidence if status != "missed" else ""}
            for n in range(1, points + 1)
        ],
        "correctness": correctness,
        "errors": errors or [],
        "instructions_to_grader": injection,
        "feedback": feedback,
        "follow_up": follow_up,
    }


@pytest.fixture
def openai_server() -> Iterator[OpenAIServer]:
    """A started server, stopped after the test."""
    server = OpenAIServer(models=(TEST_MODEL,)).start()
    yield server
    server.stop()


@pytest.fixture
def llm_env(openai_server: OpenAIServer, monkeypatch: pytest.MonkeyPatch) -> OpenAIServer:
    """The server, with OPENAI_BASE_URL/OPENAI_API_KEY/INTERVIEWER_MODEL/INTERVIEWER_TIMEOUT
    (1 s) set so that `load_settings()` and the CLI grade through it."""
    monkeypatch.setenv("OPENAI_BASE_URL", openai_server.url)
    monkeypatch.setenv("OPENAI_API_KEY", TEST_KEY)
    monkeypatch.setenv("INTERVIEWER_MODEL", TEST_MODEL)
    monkeypatch.setenv("INTERVIEWER_TIMEOUT", str(TEST_TIMEOUT))
    return openai_server
