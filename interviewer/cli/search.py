"""`interviewer index` and `interviewer search`: the Chroma index of the notes, and
hybrid search over it."""

from __future__ import annotations

import argparse

from interviewer.cli.common import console, load_bank_for, print_json, settings_for, stars, warn
from interviewer.notes.markup import preview

# A result's preview: about three lines of a terminal.
SNIPPET_CHARS = 240


def run_index(args: argparse.Namespace) -> int:
    """Bring the index up to date for the notes in use (or rebuild it) and say what it did."""
    settings = settings_for(args)
    bank = load_bank_for(args, settings)
    # chromadb, jieba and the embedding model load only for the commands that index.
    from interviewer.search.encoders import make_encoder
    from interviewer.search.index import NotesIndex
    from interviewer.search.index_files import notes_files
    from interviewer.search.retriever import read_with_packs

    read_with_packs(settings, bank)  # the vocabulary search will read with
    encoder, notice = make_encoder(settings)
    index = NotesIndex(settings, encoder, notices=[notice] if notice else [], announce=True)
    files = notes_files(bank)
    report = index.rebuild(files, progress=True) if args.rebuild else index.update(files, True)
    for message in report.notices:
        warn(message)
    where = (
        f"Chroma server {settings.chroma_host or 'localhost'}:{settings.chroma_port or 8000}"
        if settings.uses_chroma_server
        else str(index.root)
    )
    summary = report.summary()
    if args.rebuild:
        summary = "rebuilt: " + summary
    console().print(f"{summary} — {len(bank)} question(s), {where}")
    return 0


def run_search(args: argparse.Namespace) -> int:
    """Print the questions that best match a query (best chunk of each)."""
    from interviewer.errors import UsageError

    if not args.query.strip():
        raise UsageError("the search query is empty; say what to look for, e.g. `search 过拟合`")
    settings = settings_for(args)
    bank = load_bank_for(args, settings)
    from interviewer.search import open_retriever, prepare_query

    # Opening chooses the notes' packs: spelling is put right with their words only (before,
    # every bundled pack's were read, ~0.5 s, and could "correct" a word no pack in use knows).
    retriever = open_retriever(settings, bank, progress=True)
    query, corrected = prepare_query(args.query)
    hits = retriever.search(query, k=args.k)
    if args.json:
        print_json([hit.to_json() for hit in hits])
        return 0
    out = console()
    from rich.markup import escape

    if corrected:
        out.print(f"[dim]searched for: {escape(query)}[/dim]\n")
    if not hits:
        out.print("no matches")
        return 0

    for rank, hit in enumerate(hits, start=1):
        out.print(
            f"[bold]{rank}. {escape(hit.title)}[/bold]  [yellow]{stars(hit.stars)}[/yellow]  "
            f"[cyan]{hit.question_id}[/cyan]  "
            f"[dim]score {hit.score:.2f} · {escape(hit.place)}[/dim]"
        )
        if hit.section:
            out.print(f"   [green]{escape(hit.section)}[/green]")
        body = hit.text.removeprefix(hit.section) if hit.section else hit.text
        out.print(f"   {escape(preview(body, SNIPPET_CHARS))}\n")
    return 0
