"""The LLM prompt templates in `prompts/*.md`, checked when loaded and rendered with named
`{{placeholders}}` — a template that lacks one or names an unknown one is an error at load
time, never a silent empty string."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from interviewer.errors import InterviewerError
from interviewer.resources import prompts_dir

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")

# Every template and exactly the placeholders it must use.
TEMPLATES: dict[str, frozenset[str]] = {
    "system": frozenset({"nonce"}),
    "grade": frozenset(
        {"question", "reference", "rubric", "context", "answer", "nonce", "language", "schema"}
    ),
    "repair": frozenset({"problem"}),
    "follow_up": frozenset({"question", "point", "language"}),
}


class PromptError(InterviewerError):
    """A prompt template is missing or does not fit what the code fills in."""


@dataclass(frozen=True)
class Template:
    """One prompt template and the placeholders it uses."""

    name: str
    text: str
    placeholders: frozenset[str]

    def render(self, **values: str) -> str:
        """The template with every placeholder replaced; all of them must be given."""
        missing = self.placeholders - values.keys()
        unknown = values.keys() - self.placeholders
        if missing or unknown:
            raise PromptError(
                f"prompt {self.name}: missing values {sorted(missing)}, "
                f"unknown values {sorted(unknown)}"
            )
        # One pass over the template: values are never re-scanned for placeholders, so an
        # answer containing "{{reference}}" stays literal text.
        return PLACEHOLDER.sub(lambda m: values[m.group(1)], self.text)


def _braced(names: list[str]) -> str:
    return ", ".join("{{" + name + "}}" for name in names)


def parse_template(name: str, text: str, expected: frozenset[str], origin: str) -> Template:
    """A checked template: exactly the `expected` placeholders, each at least once."""
    found = frozenset(PLACEHOLDER.findall(text))
    unknown = sorted(found - expected)
    missing = sorted(expected - found)
    if unknown or missing:
        problems = []
        if unknown:
            problems.append("unknown placeholder(s) " + _braced(unknown))
        if missing:
            problems.append("missing placeholder(s) " + _braced(missing))
        raise PromptError(
            f"prompt template {origin}: {'; '.join(problems)} — fix the file "
            f"(allowed: {', '.join(sorted(expected))})"
        )
    return Template(name=name, text=text, placeholders=found)


@dataclass(frozen=True)
class Prompts:
    """All templates the LLM grader uses."""

    system: Template
    grade: Template
    repair: Template
    follow_up: Template


def load_prompts(directory: Path | None = None) -> Prompts:
    """Read and check every template of `directory` (default: the bundled `prompts/`)."""
    folder = directory or prompts_dir()
    templates: dict[str, Template] = {}
    for name, expected in TEMPLATES.items():
        path = folder / f"{name}.md"
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise PromptError(
                f"cannot read prompt template {path} ({exc.strerror or exc}); "
                "reinstall interviewer or restore the file"
            ) from None
        templates[name] = parse_template(name, text.strip() + "\n", expected, str(path))
    return Prompts(**templates)


@lru_cache(maxsize=1)
def bundled_prompts() -> Prompts:
    """The bundled templates, loaded and checked once."""
    return load_prompts()
