"""A grade: score/10 in the verdict's colour, the rubric as a checklist, the feedback."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import Horizontal, Vertical
from textual.markup import escape
from textual.widget import Widget
from textual.widgets import Static

if TYPE_CHECKING:
    from interviewer.grading.model import Grade

# Theme variables, so the colours read well in the light and the dark themes alike.
VERDICT_STYLES = {
    "excellent": "$text-success",
    "good": "$text-success",
    "fair": "$text-warning",
    "weak": "$text-error",
    "poor": "$text-error",
}
EVIDENCE_CHARS = 48
MARKS = {
    "covered": ("✓", "$text-success"),
    "partly": ("~", "$text-warning"),
    "missed": ("✗", "$text-error"),
}


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EVIDENCE_CHARS else flat[: EVIDENCE_CHARS - 1] + "…"


def format_score(score: float) -> str:
    """6.5 → '6.5', 7.0 → '7'."""
    return f"{score:g}"


def verdict_style(verdict: str) -> str:
    """The theme colour of a verdict."""
    return VERDICT_STYLES.get(verdict, "$text-muted")


class GradeView(Vertical):
    """Shows one grade: a header line, one row per rubric point, the feedback."""

    def show(self, grade: Grade) -> None:
        """Render a grade (replacing the one shown before)."""
        style = verdict_style(grade.verdict)
        header = [
            f"[b {style}]{format_score(grade.score)}/{grade.max_score}[/]  [{style}]"
            f"{escape(grade.verdict)}[/]   [$text-muted]graded by {escape(grade.grader)}[/]"
        ]
        if grade.notice:
            header.append(f"[$text-muted]ℹ {escape(grade.notice)}[/]")
        if grade.flags:
            flags = ", ".join(flag.replace("_", " ") for flag in grade.flags)
            header.append(f"[$text-warning]⚑ {escape(flags)}[/]")
        children: list[Widget] = [Static("\n".join(header), classes="grade-header")]
        for item in grade.rubric:
            mark, mark_style = MARKS.get(item.status, MARKS["missed"])
            body = escape(item.point)
            if item.evidence:
                body += f"\n[$text-muted]“{escape(_short(item.evidence))}”[/]"
            # Mark and text in columns, so a wrapped point stays clear of the marks.
            children.append(
                Horizontal(
                    Static(f"[b {mark_style}]{mark}[/]", classes="rubric-mark"),
                    Static(body, classes="rubric-point"),
                    classes="rubric-row",
                )
            )
        if grade.feedback:
            children.append(Static(escape(grade.feedback), classes="grade-feedback"))
        if grade.checks:
            children.append(Static(f"[$text-muted]{escape(grade.checks_line())}[/]",
                                   classes="grade-checks"))
        self.remove_children()
        self.mount_all(children)
