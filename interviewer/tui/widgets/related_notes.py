"""Notes related to the question, found by the retriever once it is warm."""

from __future__ import annotations

from typing import Any

from textual.markup import escape
from textual.widgets import Static

from interviewer.notes.markup import preview

SNIPPET_CHARS = 90


class RelatedNotes(Static):
    """A short list of related notes, or why there is none."""

    def waiting(self) -> None:
        """Say the search is under way."""
        self.update("[b]Related notes[/b]\n[$text-muted]looking…[/]")

    def show(self, hits: list[Any], problem: str | None) -> None:
        """List the hits (question_id, title, score, text, source)."""
        lines = ["[b]Related notes[/b]"]
        if problem:
            lines.append(f"[$text-muted]unavailable: {escape(problem)}[/]")
        elif not hits:
            lines.append("[$text-muted]none found[/]")
        for hit in hits:
            lines.append(f"• {escape(hit.title)}  [$text-muted]{escape(hit.place)}[/]")
            lines.append(f"  [$text-muted]{escape(preview(hit.text, SNIPPET_CHARS))}[/]")
        self.update("\n".join(lines))
