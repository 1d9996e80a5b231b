"""Settings from the environment and `.env`: the only place that reads them."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from interviewer.errors import UsageError

APP_NAME = "interviewer"
DEFAULT_MODEL = "gpt-4o-mini"


class Settings(BaseSettings):
    """Every setting of interviewer; see `.env.example` for a commented list."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        populate_by_name=True,
    )

    openai_api_key: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("OPENAI_API_KEY", "openai_api_key")
    )
    """API key for the LLM grader; none means offline grading (local servers accept any)."""

    openai_base_url: str | None = Field(
        default=None, validation_alias=AliasChoices("OPENAI_BASE_URL", "openai_base_url")
    )
    """OpenAI-compatible endpoint (Ollama, vLLM, DeepSeek, Qwen…); unset means OpenAI."""

    model: str = Field(
        default=DEFAULT_MODEL, validation_alias=AliasChoices("INTERVIEWER_MODEL", "model")
    )
    """Chat model name the LLM grader asks for."""

    timeout: float = Field(
        default=30.0, gt=0, validation_alias=AliasChoices("INTERVIEWER_TIMEOUT", "timeout")
    )
    """Seconds one LLM request may take before it is retried or given up."""

    offline: bool = Field(
        default=False, validation_alias=AliasChoices("INTERVIEWER_OFFLINE", "offline")
    )
    """Never call an LLM; grade with the offline keyword grader."""

    home: Path | None = Field(
        default=None, validation_alias=AliasChoices("INTERVIEWER_HOME", "home")
    )
    """Data folder for the index and the history; default is the platform's user data dir."""

    notes: str | None = Field(
        default=None, validation_alias=AliasChoices("INTERVIEWER_NOTES", "notes")
    )
    """Notes files or folders (joined by the OS path separator) used instead of the bundled ones."""

    embeddings: Literal["e5", "hash", "openai"] = Field(
        default="e5", validation_alias=AliasChoices("INTERVIEWER_EMBEDDINGS", "embeddings")
    )
    """Embedding function for the index: e5 (bundled, offline), hash, or openai."""

    embeddings_model: str = Field(
        default="text-embedding-3-small",
        validation_alias=AliasChoices("INTERVIEWER_EMBEDDINGS_MODEL", "embeddings_model"),
    )
    """Model name for INTERVIEWER_EMBEDDINGS=openai."""

    chroma_host: str | None = Field(
        default=None, validation_alias=AliasChoices("CHROMA_HOST", "chroma_host")
    )
    """Host of a Chroma server to use instead of the embedded store."""

    chroma_port: int | None = Field(
        default=None, validation_alias=AliasChoices("CHROMA_PORT", "chroma_port")
    )
    """Port of that Chroma server (8000 when only the host is set)."""

    @field_validator("model", mode="after")
    @classmethod
    def _model_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value.strip()

    @property
    def data_dir(self) -> Path:
        """The data folder, created on first use."""
        if self.home is not None:
            path = self.home.expanduser()
        else:
            from platformdirs import user_data_path

            path = user_data_path(APP_NAME, appauthor=False)
        path.mkdir(parents=True, exist_ok=True)
        return path

    @property
    def notes_paths(self) -> list[Path]:
        """Paths from INTERVIEWER_NOTES, in order; empty when unset."""
        if not self.notes:
            return []
        return [Path(p).expanduser() for p in self.notes.split(os.pathsep) if p.strip()]

    @property
    def llm_configured(self) -> bool:
        """True when an LLM endpoint is set up and offline mode is off."""
        if self.offline:
            return False
        has_key = self.openai_api_key is not None and self.openai_api_key.get_secret_value()
        return bool(has_key or self.openai_base_url)

    @property
    def uses_chroma_server(self) -> bool:
        """True when CHROMA_HOST or CHROMA_PORT points at a Chroma server."""
        return bool(self.chroma_host or self.chroma_port)


class SettingsError(UsageError):
    """A setting has a value that cannot be used."""


def load_settings(**overrides: object) -> Settings:
    """Read the settings, turning validation problems into one readable line."""
    from pydantic import ValidationError

    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            name = ".".join(str(p) for p in err["loc"]) or "settings"
            problems.append(f"{name}: {err['msg']}")
        raise SettingsError("bad setting — " + "; ".join(problems)) from None
