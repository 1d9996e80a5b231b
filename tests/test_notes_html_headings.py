"""Notes written in HTML — `<h3>question</h3>` over `<p>answer</p>`, often with no blank line
between them — are headings and their text, as GitHub shows them (sweep11a: a TypeScript,
Node and database collection written so gave no question at all)."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank


def test_html_headings_are_the_questions_and_paragraphs_their_answers(tmp_path: Path) -> None:
    path = tmp_path / "runtime.md"
    path.write_text(
        "<h2>Runtime Interview Questions</h2>\n"
        "    <h3>1. What is an event loop?</h3>\n"
        "    <p>\n"
        "         A loop that runs queued callbacks one at a time. <br>\n"
        "         It never blocks on I/O.\n"
        "    </p>\n"
        "    <h3>2. What is a worker thread?</h3>\n"
        "    <p>\n"
        "         A thread that runs CPU-heavy work off the main loop.\n"
        "    </p>\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [(q.title, q.answer) for q in questions] == [
        (
            "What is an event loop?",
            "A loop that runs queued callbacks one at a time.\nIt never blocks on I/O.",
        ),
        ("What is a worker thread?", "A thread that runs CPU-heavy work off the main loop."),
    ]
    assert questions[0].line == 2


def test_one_html_title_over_markdown_notes_is_left_as_it_is(tmp_path: Path) -> None:
    """A README's centred `<h1>` banner over Markdown questions: one HTML heading is a title
    block, read as before."""
    path = tmp_path / "notes.md"
    path.write_text(
        '<div align="center">\n<h1 align="center">Runtime Questions</h1>\n'
        "<p>A collection.</p>\n</div>\n\n"
        "## What is an event loop?\n\nA loop that runs queued callbacks one at a time.\n",
        encoding="utf-8",
    )
    assert [q.title for q in load_bank([path]).questions] == ["What is an event loop?"]
