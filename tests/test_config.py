"""Settings: environment, `.env`, defaults, and the key staying secret."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from interviewer.config import SettingsError, load_settings


def test_defaults_are_offline_without_a_key() -> None:
    settings = load_settings()
    assert not settings.llm_configured
    assert settings.embeddings == "e5"
    assert settings.timeout == 30
    assert not settings.uses_chroma_server


def test_dotenv_in_the_working_directory_is_read(isolated_env: Path) -> None:
    Path(".env").write_text(
        "OPENAI_API_KEY=sk-test-123\nINTERVIEWER_MODEL=qwen-plus\nINTERVIEWER_TIMEOUT=7.5\n",
        encoding="utf-8",
    )
    settings = load_settings()
    assert settings.llm_configured
    assert settings.model == "qwen-plus" and settings.timeout == 7.5
    assert "sk-test-123" not in repr(settings) and "sk-test-123" not in str(settings.model_dump())


def test_base_url_alone_configures_a_local_llm(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:11434/v1")
    assert load_settings().llm_configured
    monkeypatch.setenv("INTERVIEWER_OFFLINE", "1")
    assert not load_settings().llm_configured


def test_home_and_notes_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERVIEWER_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("INTERVIEWER_NOTES", os.pathsep.join(["~/a", "/b"]))
    settings = load_settings()
    assert settings.data_dir == tmp_path / "data" and settings.data_dir.is_dir()
    assert settings.notes_paths == [Path("~/a").expanduser(), Path("/b")]


@pytest.mark.parametrize(
    ("name", "value"),
    [("INTERVIEWER_TIMEOUT", "-1"), ("INTERVIEWER_EMBEDDINGS", "bert"), ("CHROMA_PORT", "http")],
)
def test_bad_values_name_the_setting(monkeypatch: pytest.MonkeyPatch, name: str, value: str) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError, match=name):
        load_settings()


def test_env_example_lists_every_setting() -> None:
    from interviewer.config import Settings

    example = (Path(__file__).resolve().parents[1] / ".env.example").read_text(encoding="utf-8")
    for field in Settings.model_fields.values():
        alias = field.validation_alias
        names = getattr(alias, "choices", [alias])
        assert str(names[0]) in example, names[0]
