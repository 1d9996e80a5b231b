"""`interviewer stats [--topic SLUG] [--json]`: progress over time, as terminal charts."""

from __future__ import annotations

import argparse
import shutil

from interviewer.cli.common import console, load_bank_for, print_json, settings_for, topic_match
from interviewer.commands import command
from interviewer.practice.session import filtered
from interviewer.practice.stats import Stats, compute
from interviewer.practice.store import HistoryStore

PLOT_HEIGHT = 15
MAX_WIDTH = 100


def _plots(stats: Stats, width: int) -> str:
    # plotext is imported only here: the charts are all that need it.
    import plotext as plt

    from interviewer.practice.charts import draw_answers, draw_forecast, draw_progress

    pieces = []
    for draw in (draw_progress, draw_answers, draw_forecast):
        plt.clear_figure()
        plt.theme("clear")
        plt.plotsize(width, PLOT_HEIGHT)
        draw(plt, stats)
        pieces.append(plt.build())
    return "\n".join(pieces)


def _print(stats: Stats, topic: str | None) -> None:
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    from interviewer.practice.charts import summary_lines, topic_rows

    out = console()
    for line in summary_lines(stats, topic):
        out.print(escape(line))
    if not stats.answers:
        out.print(f"No graded answers yet: start a mock interview with `{command()}`.")
        return
    table = Table(title="Per topic", title_justify="left")
    for column in ("topic", "answers", "average", "now", "last 4 weeks"):
        table.add_column(column, justify="left" if column in ("topic", "last 4 weeks") else "right")
    for row in topic_rows(stats):
        table.add_row(*(escape(cell) for cell in row))
    out.print(table)
    width = min(shutil.get_terminal_size((MAX_WIDTH, 24)).columns, MAX_WIDTH)
    out.print(Text.from_ansi(_plots(stats, width)))


def run(args: argparse.Namespace) -> int:
    """Print the stats of the notes in use (or one topic): charts, or JSON with --json."""
    settings = settings_for(args)
    bank = load_bank_for(args, settings)
    pool = filtered(bank.questions, 0, topic_match(bank.questions, args.topic))
    store = HistoryStore.open(settings)
    try:
        stats = compute(store, pool, store.now())
    finally:
        store.close()
    if args.json:
        print_json(stats.to_json())
    else:
        _print(stats, args.topic)
    return 0
