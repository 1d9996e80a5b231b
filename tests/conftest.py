"""Shared test set-up: every test gets its own data dir and a clean environment."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

_SETTINGS_VARS = (
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "INTERVIEWER_MODEL",
    "INTERVIEWER_TIMEOUT",
    "INTERVIEWER_OFFLINE",
    "INTERVIEWER_HOME",
    "INTERVIEWER_NOTES",
    "INTERVIEWER_EMBEDDINGS",
    "INTERVIEWER_EMBEDDINGS_MODEL",
    "CHROMA_HOST",
    "CHROMA_PORT",
    "INTERVIEWER_NOW",
    "INTERVIEWER_PACKS",
)


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh INTERVIEWER_HOME per test; no real keys, endpoints or `.env` leak in."""
    for name in _SETTINGS_VARS:
        monkeypatch.delenv(name, raising=False)
    home = tmp_path / "home"
    monkeypatch.setenv("INTERVIEWER_HOME", str(home))
    monkeypatch.setenv("ANONYMIZED_TELEMETRY", "False")
    # `.env` is read from the working directory: run each test where there is none.
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    monkeypatch.chdir(workdir)
    yield home
    # Search reads with the vocabulary of the packs the last retriever opened with: back to
    # the default, so no test depends on which ran before it.
    from interviewer.search.vocabulary import use_packs

    use_packs(None)


@pytest.fixture
def hash_embeddings(monkeypatch: pytest.MonkeyPatch) -> None:
    """The hash embedding function: instant, for tests that need vectors but not meaning."""
    monkeypatch.setenv("INTERVIEWER_EMBEDDINGS", "hash")


@pytest.fixture
def bundled_bank():  # type: ignore[no-untyped-def]
    """The question bank of the bundled notes."""
    from interviewer.notes import load_bank

    return load_bank()


@pytest.fixture(scope="module")
def bank():  # type: ignore[no-untyped-def]
    """The bundled notes' question bank, once per test module."""
    from interviewer.notes import load_bank

    return load_bank()


@pytest.fixture(scope="module")
def grader(bank):  # type: ignore[no-untyped-def]
    """A keyword grader over the bundled notes, once per test module (its set-up is slow)."""
    from interviewer.grading.keyword import KeywordGrader

    return KeywordGrader(bank)
