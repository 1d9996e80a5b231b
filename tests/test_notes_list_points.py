"""Lists inside an answer that are its points, not questions: steps that quote a question,
items whose question mark is code, the points a lead-in line announces, a list of the
file's own headings (found on real notes by the walk10p sweep; the notes here are written
for the tests)."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank


def test_steps_that_quote_a_question_or_show_one_in_code_are_the_answer(
    tmp_path: Path,
) -> None:
    path = tmp_path / "dns.md"
    path.write_text(
        "# DNS\n\n## What is DNS?\n\nIt maps names to addresses.\n\n## Lookup\n\n"
        "#### Recursive lookup\n\nThe resolver does the work.\n\n"
        '1. The client asks the resolver: "Where is `example.com`?"\n'
        '2. The resolver asks a root server: "Who serves `.com`?"\n'
        '3. The root server answers: "Ask the TLD server."\n'
        "4. The resolver returns the address.\n\n"
        "#### URL format\n\n* `scheme://host[:port]/path[?query]`\n"
        "* `scheme://user@host[:port]/path[?query]`\n\n"
        "#### Iterative lookup\n\nThe client follows the referrals.\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    titles = [q.title for q in questions]
    assert titles == ["What is DNS?", "Recursive lookup", "URL format", "Iterative lookup"]
    assert "returns the address" in questions[1].answer
    assert "[?query]" in questions[2].answer
