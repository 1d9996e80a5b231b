"""Where the bundled notes, glossary and prompts live, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    # A wheel carries the top-level folders inside the package (see pyproject's
    # force-include); an editable install or a checkout has them beside the package.
    installed = _PACKAGE / "_bundled" / name
    return installed if installed.is_dir() else _PACKAGE.parent / name


def knowledge_dir() -> Path:
    """The folder of bundled notes and the topic glossary."""
    return _bundled("knowledge")


def prompts_dir() -> Path:
    """The folder of LLM prompt templates."""
    return _bundled("prompts")


def bundled_notes() -> list[Path]:
    """The bundled notes files, sorted by name."""
    return sorted(knowledge_dir().glob("*.md"))
