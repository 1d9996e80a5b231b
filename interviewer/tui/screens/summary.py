"""The end of an interview: each question's score, the average, time taken, weakest
topics and what to practise next (already saved to the history)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import Footer, Static

from interviewer.tui.widgets.grade_view import format_score, verdict_style

if TYPE_CHECKING:
    from interviewer.practice.session import Summary, SummaryItem


def duration(seconds: float) -> str:
    """'45 s', '4 min 12 s', '1 h 3 min'."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return f"{minutes} min {secs} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min"


def _item_line(item: SummaryItem) -> str:
    if item.score is not None:
        style = verdict_style(item.verdict or "")
        score = f"[b {style}]{format_score(item.score):>4}/10[/] [{style}]{item.verdict:<9}[/]"
    elif item.skipped:
        score = f"[$text-muted]{'skipped':<17}[/]"
    else:
        score = f"[$text-muted]{'not graded':<17}[/]"
    notes = []
    if item.peeked:
        notes.append("peeked")
    if item.follow_up_score is not None:
        notes.append(f"follow-up {format_score(item.follow_up_score)}/10")
    extra = f"  [$text-muted]({', '.join(notes)})[/]" if notes else ""
    return f" {item.position:>2}  {score}  {escape(item.title)}{extra}"


def summary_markup(summary: Summary) -> str:
    """The whole summary as Textual markup."""
    graded = sum(1 for item in summary.items if item.score is not None)
    skipped = sum(1 for item in summary.items if item.skipped)
    lines = [
        f"[b]Interview summary[/b]   {len(summary.items)} question(s) in "
        f"{duration(summary.seconds)}",
    ]
    if summary.average is not None:
        style = "$text-success" if summary.average >= 7 else "$text-warning"
        lines.append(
            f"Average [b {style}]{format_score(summary.average)}/10[/]"
            f"  [$text-muted]({graded} graded, {skipped} skipped)[/]"
        )
    else:
        lines.append(f"[$text-muted]No graded answers ({skipped} skipped).[/]")
    lines.append("")
    lines.extend(_item_line(item) for item in summary.items)
    if summary.weakest_topics:
        lines += ["", "[b]Weakest topics[/b]"]
        lines.extend(
            f"  {escape(topic)}  [$text-warning]{format_score(score)}/10[/]"
            for topic, score in summary.weakest_topics
        )
    lines += ["", "[b]Practise next[/b]"]
    lines.extend(f"  • {escape(advice)}" for advice in summary.practise)
    lines += [
        "",
        "[$text-muted]Saved to your history: `interviewer history` lists it; "
        "s shows your progress over weeks.[/]",
    ]
    return "\n".join(lines)


class SummaryScreen(Screen[None]):
    """How the interview went."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "app.quit", "Quit", show=False),
        Binding("s", "app.stats", "Progress stats"),
    ]

    def __init__(self, summary: Summary) -> None:
        super().__init__()
        self.summary = summary

    def compose(self) -> ComposeResult:
        """The summary text, scrollable."""
        with VerticalScroll(id="summary"):
            yield Static(summary_markup(self.summary), id="summary-body")
        yield Footer()
