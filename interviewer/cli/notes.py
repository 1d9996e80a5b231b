"""`interviewer notes [PATH...] [--json]`: how the notes were read, file by file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path, PurePosixPath

from interviewer.cli.common import console, notes_paths, print_json, settings_for

_LAYOUTS_HINT = "the README's 'Your own notes' lists the layouts understood"


def run(args: argparse.Namespace) -> int:
    """Print each file's layouts, questions, answers, marks and warnings."""
    from interviewer.notes import load_bank
    from interviewer.notes.bank import NO_QUESTIONS_HINT

    settings = settings_for(args)
    paths = [Path(p).expanduser() for p in args.paths] or notes_paths(args, settings)
    bank = load_bank(paths, cache_dir=settings.data_dir / "cache" / "notes")
    reports = bank.reports
    if args.json:
        print_json(
            {
                "files": [report.to_json() for report in reports],
                "questions": len(bank.questions),
                "answered": sum(1 for q in bank.questions if q.has_reference),
                "warnings": bank.warnings,
            }
        )
        return 0 if bank.questions else 1
    if not reports:
        where = ", ".join(str(p) for p in paths) or "the bundled notes"
        print(f"interviewer: no Markdown notes files in {where} (.md, .markdown, .mdx are read)",
              file=sys.stderr)
        for warning in bank.warnings:
            print(f"interviewer: warning: {warning}", file=sys.stderr)
        return 1
    from rich.markup import escape
    from rich.table import Table

    folder = _shared_folder([report.source for report in reports])
    inside = f" in {folder}" if folder else ""
    table = Table(
        title=f"{len(bank.questions)} question(s) from {len(bank.files)} file(s){inside}",
        title_justify="left",
        expand=True,
    )
    table.add_column("file", style="cyan", ratio=2)
    table.add_column("layouts", ratio=2)
    table.add_column("questions", justify="right")
    table.add_column("answered", justify="right")
    table.add_column("marks", ratio=1)
    for report in reports:
        layouts = ", ".join(f"{name} {count}" for name, count in report.layouts.items())
        marks = [f"★ {report.starred}"] if report.starred else []
        marks += [f"{level} {count}" for level, count in report.difficulty.items()]
        if report.skipped:
            layouts = f"[dim]skipped: {report.skipped}[/dim]"
        table.add_row(
            report.source.removeprefix(folder),
            layouts or "[dim]none[/dim]",
            str(report.questions),
            str(report.answered),
            ", ".join(marks) or "[dim]none[/dim]",
        )
    out = console()
    out.print(table)
    # The same warning under every file of a folder ("no importance or difficulty marks")
    # buries the ones about a single file: say each once, with the files it is about.
    shared: dict[str, list[str]] = {}
    for report in reports:
        for warning in report.warnings:
            shared.setdefault(warning, []).append(report.source.removeprefix(folder))
    read = sum(1 for report in reports if not report.skipped)
    for warning, sources in shared.items():
        where = escape(_files(sources, read))
        out.print(f"[yellow]{where}[/yellow]: {warning}", highlight=False, emoji=False)
    for warning in bank.warnings:
        # This is `interviewer notes` already: point to the layouts it understands instead.
        warning = warning.replace(NO_QUESTIONS_HINT, _LAYOUTS_HINT)
        out.print(f"[yellow]warning[/yellow]: {warning}", highlight=False)
    return 0 if bank.questions else 1


def _files(sources: list[str], read: int) -> str:
    """The files a warning is about: one by name, all of them by count, else a few names."""
    if len(sources) == 1:
        return sources[0]
    if len(sources) == read:
        return f"{read} files"
    names = ", ".join(sources[:3])
    return f"{len(sources)} files ({names}{', …' if len(sources) > 3 else ''})"


def _shared_folder(sources: list[str]) -> str:
    """The folder ("dl/") every file is in, said once above the table instead of on each row."""
    if len(sources) < 2:
        return ""
    shared: list[str] = []
    # zip stops at the shortest path: a file at the top leaves no folder shared.
    for names in zip(*(PurePosixPath(source).parts[:-1] for source in sources), strict=False):
        if len(set(names)) != 1:
            break
        shared.append(names[0])
    return "/".join(shared) + "/" if shared else ""
