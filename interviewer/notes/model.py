"""The `Question` record every other part of interviewer works from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class Question:
    """One interview question parsed from the notes, with its reference answer."""

    id: str
    title: str
    stars: int
    answer: str
    key_points: tuple[str, ...]
    source: str
    path: Path
    line: int
    chapter: str = ""
    number: int | None = None
    sections: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    key_points_derived: bool = False
    topic_weights: tuple[tuple[str, int], ...] = field(default=())
    follow_up: bool = False
    """True for an interviewer's follow-up built from this question: its title is the
    follow-up prompt and its key points are only the gaps it asks about."""
    difficulty: str | None = None
    """easy, medium, hard, or None when the notes do not say."""
    prompt: str = ""
    """The rest of the question beyond its title: options, code, follow-ups (Markdown)."""
    layout: str = "headings"
    """The layout the question was written in (see `interviewer notes`)."""
    notes_topics: tuple[str, ...] = ()
    """Topics from the notes' own structure — sections, tags, folder and file names — as
    glossary slugs where the glossary knows them, else as written."""

    @property
    def has_reference(self) -> bool:
        """Whether the notes give an answer to grade against."""
        return bool(self.answer.strip())

    @property
    def topics(self) -> tuple[str, ...]:
        """Glossary topics the question is about (named in its title, or in two or more
        key points), strongest first, then the topics of the notes' structure."""
        strong = tuple(slug for slug, weight in self.topic_weights if weight >= 2)
        return tuple(dict.fromkeys(strong + (self.notes_topics or self.sections)))

    @property
    def wording(self) -> tuple[str, ...] | None:
        """Its sections, title and answer as written (spacing and case aside): two questions
        worded the same are one written twice (a block pasted twice). None without an
        answer: a bare title ("Basic idea") may be asked of several things."""
        if not self.has_reference:
            return None
        said = (*self.sections, self.title, self.answer)
        return tuple(" ".join(part.casefold().split()) for part in said)

    def relevance(self, slugs: set[str]) -> int:
        """How strongly the question belongs to any of these topics (0 = not at all)."""
        weight = sum(weight for slug, weight in self.topic_weights if slug in slugs)
        # A section or tag of the notes that is a glossary topic places the question in it.
        return weight + (3 if slugs & set(self.notes_topics) else 0)

    def to_json(self) -> dict[str, Any]:
        """The question as design.md's JSON shape (plus a few extra fields)."""
        return {
            "id": self.id,
            "title": self.title,
            "stars": self.stars,
            "difficulty": self.difficulty,
            "source": self.source,
            "line": self.line,
            "chapter": self.chapter,
            "topics": list(self.topics),
            "tags": list(self.tags),
            "sections": list(self.sections),
            "key_points": list(self.key_points),
            "key_points_derived": self.key_points_derived,
            "answer": self.answer,
            "has_reference": self.has_reference,
            "prompt": self.prompt,
            "layout": self.layout,
        }
