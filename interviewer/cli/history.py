"""`interviewer history [--json]`: past answers with their scores."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

from interviewer.cli.common import console, print_json, settings_for
from interviewer.practice.store import HISTORY_FILE, HistoryStore, StoredAnswer

SNIPPET_CHARS = 40
VERDICT_STYLES = {
    "excellent": "green",
    "good": "green",
    "fair": "yellow",
    "weak": "red",
    "poor": "red",
}


def _snippet(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= SNIPPET_CHARS else flat[: SNIPPET_CHARS - 1] + "…"


def _score_cell(answer: StoredAnswer) -> str:
    if answer.score is None:
        return "[dim]not graded[/dim]"
    style = VERDICT_STYLES.get(answer.verdict or "", "dim")
    return f"[{style}]{answer.score:g}/10 {answer.verdict}[/{style}]"


def run(args: argparse.Namespace) -> int:
    """List every answer in the history (full records with --json)."""
    settings = settings_for(args)
    if not (settings.data_dir / HISTORY_FILE).exists():
        if args.json:
            print_json([])
        else:
            print("No answers yet: start a mock interview with `interviewer`.")
        return 0
    store = HistoryStore.open(settings)
    if args.json:
        from interviewer.practice.export import Selection, json_records

        try:
            records = json_records(store, Selection())
        finally:
            store.close()
        # Built by SQLite, one record per line: a long history prints in seconds.
        sys.stdout.write("[\n" + ",\n".join(records) + "\n]\n" if records else "[]\n")
        return 0
    try:
        shown = None if args.all else args.limit
        answers = store.answers(latest=shown)
        total = store.count_answers() if shown is not None else len(answers)
        ungraded = len(store.ungraded()) if shown is not None else None
    finally:
        store.close()
    from rich.markup import escape
    from rich.table import Table

    title = f"{total} answer(s)"
    if len(answers) < total:
        title += f", the latest {len(answers)} shown (--limit N or --all for more)"
    table = Table(title=title, title_justify="left", expand=True)
    table.add_column("when", no_wrap=True, style="cyan")
    table.add_column("question", ratio=3)
    table.add_column("score", no_wrap=True)
    table.add_column("answer", ratio=2, style="dim")
    for answer in answers:
        when = datetime.fromtimestamp(answer.answered_at).strftime("%Y-%m-%d %H:%M")
        title = escape(answer.title)
        if answer.kind == "follow_up":
            title = f"[dim]↳ follow-up:[/dim] {escape(answer.prompt)}"
        if answer.peeked:
            title += " [dim](peeked)[/dim]"
        table.add_row(when, title, _score_cell(answer), escape(_snippet(answer.text)))
    out = console()
    out.print(table)
    if ungraded is None:
        ungraded = sum(1 for answer in answers if not answer.graded)
    if ungraded:
        out.print(
            f"{ungraded} answer(s) not graded yet: start `interviewer` and it offers to grade them."
        )
    return 0
