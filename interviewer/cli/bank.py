"""`interviewer questions` and `interviewer topics`: the question bank, listed."""

from __future__ import annotations

import argparse
import shlex
from collections import Counter

from interviewer.cli.common import (
    console,
    load_bank_for,
    print_json,
    settings_for,
    stars,
    topic_match,
)
from interviewer.topic_choice import questions_for_topic
from interviewer.topics import load_glossary, typable_name


def run_questions(args: argparse.Namespace) -> int:
    """List questions, optionally of one topic and a minimum of stars."""
    settings = settings_for(args)
    bank = load_bank_for(args, settings)
    match = topic_match(bank.questions, args.topic)
    # The topic is chosen among all the questions, so a topic none of whose questions has
    # enough stars is still a topic (listed empty), not an unknown one.
    kept = {q.id for q in bank.filter(args.min_stars, args.difficulty)}
    chosen = [q for q in (match.questions if match else bank.questions) if q.id in kept]
    if args.json:
        print_json([q.to_json() for q in chosen])
        return 0
    from rich.table import Table

    table = Table(title=f"{len(chosen)} question(s)", title_justify="left", expand=True)
    table.add_column("id", no_wrap=True, style="cyan")
    table.add_column("stars", no_wrap=True, style="yellow")
    table.add_column("level", no_wrap=True)
    table.add_column("question", ratio=3)
    table.add_column("topics", ratio=1, style="green")
    for q in chosen:
        title = q.title if q.has_reference else f"{q.title} [dim](no answer in the notes)[/dim]"
        table.add_row(q.id, stars(q.stars), q.difficulty or "·", title, ", ".join(q.topics))
    console().print(table)
    return 0


def run_topics(args: argparse.Namespace) -> int:
    """List the glossary's topics with how many questions of the notes each has."""
    settings = settings_for(args)
    bank = load_bank_for(args, settings)
    glossary = load_glossary()
    rows = []
    for slug, topic in glossary.topics.items():
        found = questions_for_topic(bank.questions, slug, glossary)
        rows.append(
            {
                "slug": slug,
                "name": topic.name,
                "zh": topic.zh[0] if topic.zh else "",
                "aliases": [*topic.zh, *topic.en],
                "questions": len(found),
                "starred": sum(1 for q in found if q.stars > 0),
                "source": "glossary",
            }
        )
    # Topics of the notes' own structure (sections, folders, file names, tags) that the
    # glossary does not know; those it knows were merged into its slugs above.
    counts = Counter(t for q in bank.questions for t in q.notes_topics if t not in glossary.topics)
    for name, count in counts.most_common():
        found = [q for q in bank.questions if name in q.notes_topics]
        rows.append({"slug": name, "name": name, "zh": "", "aliases": [], "questions": count,
                     "starred": sum(1 for q in found if q.stars > 0), "source": "notes"})
    if args.json:
        print_json(rows)
        return 0
    from rich.table import Table

    table = Table(title="topics (use with --topic)", title_justify="left")
    # A section titled with a whole sentence folds onto more lines, never cut short (it is
    # what to type) nor squeezing the counts out of the table.
    table.add_column("--topic", style="cyan", overflow="fold")
    table.add_column("name")
    table.add_column("中文")
    table.add_column("questions", justify="right", no_wrap=True)
    # The glossary's topics none of these questions has are noise on other subjects' notes
    # (thirty deep-learning topics above a Java file's own): counted, not listed, and not
    # even counted when the notes share none of its topics (they are of another subject).
    shown = [row for row in rows if row["questions"]]
    for row in shown:
        # The first column is what to type after --topic: a heading's emoji left out, quoted
        # when the shell would split it.
        typed = shlex.quote(typable_name(str(row["slug"])))
        # A topic of the notes' own is named by its slug: the name would only repeat it.
        name = "" if row["name"] == row["slug"] else str(row["name"])
        table.add_row(typed, name, str(row["zh"]), str(row["questions"]))
    console().print(table)
    empty = len(rows) - len(shown)
    if empty and any(row["source"] == "glossary" for row in shown):
        console().print(f"[dim]{empty} topics of the glossary have no question in these notes "
                        "(`--json` lists every topic)[/dim]")
    return 0
