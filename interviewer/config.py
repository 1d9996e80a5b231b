"""Settings from the environment and `.env`: the only place that reads them."""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from datetime import datetime
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
        default=30.0,
        gt=0,
        allow_inf_nan=False,
        validation_alias=AliasChoices("INTERVIEWER_TIMEOUT", "timeout")
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

    packs: str | None = Field(
        default=None, validation_alias=AliasChoices("INTERVIEWER_PACKS", "packs")
    )
    """Domain packs to apply, comma-separated: bundled pack names (e.g. deep-learning), names
    of folders under <data dir>/packs, or pack folder paths; `none` for no pack. Unset: the
    packs whose subject the notes are about."""

    chroma_host: str | None = Field(
        default=None, validation_alias=AliasChoices("CHROMA_HOST", "chroma_host")
    )
    """Host of a Chroma server to use instead of the embedded store."""

    chroma_port: int | None = Field(
        default=None, ge=1, le=65535, validation_alias=AliasChoices("CHROMA_PORT", "chroma_port")
    )
    """Port of that Chroma server (8000 when only the host is set)."""

    now: datetime | None = Field(
        default=None, validation_alias=AliasChoices("INTERVIEWER_NOW", "now")
    )
    """For testing only: pretend the clock started at this time (ISO 8601, local time unless
    it has an offset), to try the review schedule on other days. Time still runs from there."""

    @field_validator("openai_base_url", "home", "chroma_host", "now", "packs", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        # `VAR=` in a shell or `.env` means "not set", not "the current folder" or "no host".
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("openai_api_key", mode="after")
    @classmethod
    def _key_fits_a_header(cls, value: SecretStr | None) -> SecretStr | None:
        # A key pasted with a newline, or in the wrong input method, fails deep in the HTTP
        # client as an unreadable "response"; say what it is here. The key is never echoed.
        if value is None:
            return None
        key = value.get_secret_value().strip()
        if not key:
            return None
        if not key.isascii() or not key.isprintable() or " " in key:
            raise ValueError("has spaces or non-ASCII characters; paste the key again")
        return SecretStr(key)

    @field_validator("openai_base_url", mode="after")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        from urllib.parse import urlsplit

        try:
            parts = urlsplit(value.strip())
            parts.port  # noqa: B018 - raises ValueError for a port out of range
        except ValueError:
            parts = None
        if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("must be an http(s) URL, e.g. http://localhost:11434/v1")
        return value.strip()

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
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            why = "it is a file" if path.is_file() else exc.strerror or type(exc).__name__
            raise SettingsError(
                f"cannot use {path} as the data folder ({why}); "
                "set INTERVIEWER_HOME to a writable folder"
            ) from None
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
    def clock(self) -> Callable[[], float]:
        """Unix time now: the real clock, or one shifted to start at INTERVIEWER_NOW."""
        if self.now is None:
            return time.time
        offset = self.now.timestamp() - time.time()
        return lambda: time.time() + offset

    @property
    def uses_chroma_server(self) -> bool:
        """True when CHROMA_HOST or CHROMA_PORT points at a Chroma server."""
        return bool(self.chroma_host or self.chroma_port)


class SettingsError(UsageError):
    """A setting has a value that cannot be used."""


def load_settings(**overrides: object) -> Settings:
    """Read the settings, turning validation problems into one readable line."""
    from pydantic import ValidationError

    unparsed = _DotenvProblems()
    dotenv_log = logging.getLogger("dotenv.main")
    dotenv_log.addFilter(unparsed)
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            name = ".".join(str(p) for p in err["loc"]) or "settings"
            problems.append(f"{name}: {err['msg'].removeprefix('Value error, ')}")
        raise SettingsError(
            "bad setting — " + "; ".join(problems) + " (fix it in the environment or in .env)"
        ) from None
    except UnicodeDecodeError:
        raise SettingsError(
            f"{Path('.env').resolve()} is not UTF-8 text; save it as UTF-8"
        ) from None
    finally:
        dotenv_log.removeFilter(unparsed)
        if unparsed.lines:
            lines = ", ".join(unparsed.lines)
            print(f"{APP_NAME}: warning: .env: cannot parse line(s) {lines} (want NAME=value); "
                  "ignored", file=sys.stderr)


class _DotenvProblems(logging.Filter):
    """Collects python-dotenv's per-line parse warnings, so they become one line of ours."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def filter(self, record: logging.LogRecord) -> bool:
        line = record.args[0] if isinstance(record.args, tuple) and record.args else None
        if "could not parse" in record.getMessage() and line is not None:
            self.lines.append(str(line))
            return False
        return True
