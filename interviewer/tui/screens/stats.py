"""Progress over weeks: the numbers, the score per topic per week, answers per week and
what falls due in the next 14 days. Counted in a worker (the history may be long)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.markup import escape
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual_plotext import PlotextPlot

from interviewer.practice.charts import (
    draw_answers,
    draw_forecast,
    draw_progress,
    summary_lines,
    topic_rows,
)
from interviewer.practice.stats import Stats, compute

if TYPE_CHECKING:
    from interviewer.notes.model import Question
    from interviewer.practice.store import HistoryStore

LOADING = "Counting your history…"


class StatsCounted(Message):
    """The stats were computed."""

    def __init__(self, stats: Stats) -> None:
        super().__init__()
        self.stats = stats


def topics_markup(stats: Stats) -> str:
    """The per-topic table as aligned text."""
    rows = topic_rows(stats)
    if not rows:
        return ""
    # Chinese characters take two cells: pad by cells, not by characters.
    width = max(cell_len(row[0]) for row in rows)
    lines = [f"[b]{'topic':<{width}}  answers  average  now   last 4 weeks[/b]"]
    lines += [
        f"{escape(topic)}{' ' * (width - cell_len(topic))}  {answers:>7}  {average:>7}  "
        f"{now:>4}  {trend}"
        for topic, answers, average, now, trend in rows
    ]
    return "\n".join(lines)


class StatsScreen(Screen[None]):
    """How practice is going, over weeks."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("q", "app.pop_screen", "Back", show=False),
    ]

    def __init__(self, store: HistoryStore, pool: Sequence[Question]) -> None:
        super().__init__()
        self.store = store
        self.pool = list(pool)
        self.stats: Stats | None = None

    def compose(self) -> ComposeResult:
        """Numbers on top, then the charts and the table per topic."""
        with VerticalScroll(id="stats"):
            yield Static(LOADING, id="stats-summary")
            with Horizontal(id="stats-charts"):
                yield PlotextPlot(id="stats-progress")
                yield PlotextPlot(id="stats-forecast")
            yield PlotextPlot(id="stats-answers")
            yield Static(id="stats-topics")
        yield Footer()

    def on_mount(self) -> None:
        """Count in the background."""
        self.count()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def count(self) -> None:
        """Compute the stats off the UI thread."""
        self.post_message(StatsCounted(compute(self.store, self.pool, self.store.now())))

    @on(StatsCounted)
    def _counted(self, message: StatsCounted) -> None:
        stats = self.stats = message.stats
        self.query_one("#stats-summary", Static).update(
            "[b]Progress[/b]\n" + "\n".join(escape(line) for line in summary_lines(stats))
        )
        for widget_id, draw in (
            ("#stats-progress", draw_progress),
            ("#stats-forecast", draw_forecast),
            ("#stats-answers", draw_answers),
        ):
            plot = self.query_one(widget_id, PlotextPlot)
            draw(plot.plt, stats)
            plot.refresh()
        self.query_one("#stats-topics", Static).update(topics_markup(stats))
