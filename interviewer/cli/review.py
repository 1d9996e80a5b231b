"""`interviewer review [--topic SLUG] [--limit N] [--new] [--list] [--json]`: an interview
of the questions due today; when none is, when the next one is, and new questions."""

from __future__ import annotations

import argparse
import sys

from interviewer.cli.common import (
    console,
    load_bank_for,
    print_json,
    settings_for,
    stars,
    topic_match,
)
from interviewer.cli.interview import require_terminal, run_interview
from interviewer.commands import command
from interviewer.practice.queue import DueItem, due_items, never_answered, next_due, when
from interviewer.practice.scheduling import RATING_NAMES
from interviewer.practice.session import filtered, plan
from interviewer.practice.store import HistoryStore

NEW_COUNT = 5
REVIEW_LIMIT = 20


def _item_json(item: DueItem, now: float) -> dict[str, object]:
    card = item.card
    return {
        "question_id": item.question.id,
        "title": item.question.title,
        "stars": item.question.stars,
        "topics": list(item.question.topics),
        "due": _iso(card.due),
        "due_in": when(card.due, now),
        "overdue_days": round(item.overdue_days, 1),
        "recall": round(item.recall, 3),
        "stability_days": round(card.stability or 0.0, 2),
        "difficulty": round(card.difficulty or 0.0, 2),
        "reviews": card.reviews,
        "last_rating": RATING_NAMES[card.last_rating],
    }


def _iso(timestamp: float) -> str:
    from interviewer.practice.records import iso_time

    return iso_time(timestamp) or ""


def _print_queue(items: list[DueItem], now: float) -> None:
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=f"{len(items)} due today", title_justify="left", expand=True)
    table.add_column("#", justify="right", style="dim")
    table.add_column("question", ratio=3)
    table.add_column("stars", no_wrap=True, style="yellow")
    table.add_column("overdue", no_wrap=True, justify="right")
    table.add_column("recall", no_wrap=True, justify="right")
    table.add_column("last", no_wrap=True)
    for number, item in enumerate(items, start=1):
        overdue = f"{item.overdue_days:.0f} d" if item.overdue_days >= 1 else "today"
        table.add_row(
            str(number),
            escape(item.question.title),
            stars(item.question.stars),
            overdue,
            f"{item.recall:.0%}",
            RATING_NAMES[item.card.last_rating],
        )
    console().print(table)


def _nothing_due(
    pool_size: int, nxt: DueItem | None, fresh: int, now: float, topic: tuple[str, ...] = (),
    ungradable: int = 0, elsewhere: int = 0,
) -> str:
    if nxt is None and elsewhere:
        # The history holds answers, to questions of other notes: say so, and how to
        # review them, rather than "no question has been answered yet".
        head = (
            "Nothing is due: no question of these notes has been answered yet; the "
            f"{elsewhere} question(s) of your history come from other notes (pass the --notes "
            "you practised with, or set INTERVIEWER_NOTES)."
        )
    elif nxt is None:
        head = "Nothing is due: no question has been answered yet."
    else:
        head = (
            f"Nothing is due today. Next: “{nxt.question.title}” "
            f"{when(nxt.card.due, now)}."
        )
    # Offline, a question the notes do not answer is not offered: say so, or the counts
    # differ from `stats` with no reason given.
    aside = (
        f" ({ungradable} more {'has' if ungradable == 1 else 'have'} no answer in the notes "
        "to grade against offline)" if ungradable else ""
    )
    if fresh:
        return (
            f"{head} {fresh} of {pool_size} question(s) never answered{aside}: "
            f"`{command('review', '--new', *topic)}` asks {min(fresh, NEW_COUNT)} of them."
        )
    return f"{head} Every question has been answered at least once{aside}."


def _ask_yes(prompt: str) -> bool:
    try:
        reply = input(prompt)
    except EOFError:
        return False
    return reply.strip().lower() in ("", "y", "yes")


def run(args: argparse.Namespace) -> int:
    """Review what is due (most overdue and most important first), or say when it will be."""
    settings = settings_for(args)
    bank = load_bank_for(args, settings)
    pool = filtered(bank.questions, 0, topic_match(bank.questions, args.topic))
    limit = args.limit or REVIEW_LIMIT
    # The commands it suggests keep the topic asked for.
    topic = ("--topic", args.topic) if args.topic else ()
    store = HistoryStore.open(settings)
    try:
        now = store.now()
        cards = store.cards()
        due = due_items(pool, cards, now)
        if args.json:
            nxt = next_due(pool, cards, now)
            print_json({
                "due_today": len(due),
                "queue": [_item_json(item, now) for item in due[:limit]],
                "next": _item_json(nxt, now) if nxt is not None else None,
                "never_answered": len(never_answered(pool, cards)),
            })
            return 0
        if args.list and due:
            _print_queue(due[:limit], now)
            return 0
        if due and not args.new:
            require_terminal(f"`{command('review', '--list', *topic)}` prints what is due")
            questions = [item.question for item in due[:limit]]
            more = len(due) - len(questions)
            greeting = f"Review: {len(questions)} due question(s)" + (
                f"; {more} more after these" if more else ""
            )
            return run_interview(
                settings, bank, store, questions, topic=args.topic, min_stars=0,
                greeting=greeting,
            )
        # Offline, a question the notes do not answer has nothing to be graded against.
        unanswered = never_answered(pool, cards)
        fresh = [q for q in unanswered if q.has_reference or settings.llm_configured]
        if not args.new:
            known = {question.id for question in bank.questions}
            elsewhere = sum(card.question_id not in known for card in cards)
            print(_nothing_due(len(pool), next_due(pool, cards, now), len(fresh), now, topic,
                               ungradable=len(unanswered) - len(fresh), elsewhere=elsewhere))
            interactive = sys.stdin.isatty() and sys.stdout.isatty()
            if not fresh or not interactive or args.list:
                return 0
            if not _ask_yes(f"Practise {min(len(fresh), NEW_COUNT)} new question(s) now? [Y/n] "):
                return 0
        if not fresh and unanswered:
            print(f"No new questions to grade offline: the {len(unanswered)} never answered "
                  "have no answer in the notes (an LLM grader can grade them; see the README).")
            return 0
        if not fresh:
            print("No new questions: every question of these notes has been answered.")
            return 0
        require_terminal()
        questions = plan(fresh, args.limit or NEW_COUNT, [], now)
        return run_interview(
            settings, bank, store, questions, topic=args.topic, min_stars=0,
            greeting=f"{len(questions)} question(s) you have never answered",
        )
    finally:
        store.close()
