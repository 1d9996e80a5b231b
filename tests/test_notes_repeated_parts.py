"""Headings a file repeats under every question ("### Candidate Response Paths"): parts of
each question's answer, not questions of their own."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank


def test_a_heading_repeated_under_each_labelled_question_is_part_of_its_answer(
    tmp_path: Path,
) -> None:
    # "## 1. Code Review" holds a `**Question:**` label; the "### Candidate Response Paths"
    # under every such heading is the rest of that question's answer, not a question asked
    # once per section.
    blocks = [
        ("Code Review", "What is your approach to a massive pull request?", "Split it up."),
        ("Debugging", "Production is down. Walk me through it.", "Check impact, roll back."),
        ("Testing", "Do you practise TDD?", "A pyramid of tests."),
    ]
    text = "# Backend questions\n\nThese are questions for the role.\n\n"
    for number, (topic, asked, senior) in enumerate(blocks, 1):
        text += (
            f"---\n\n## {number}. {topic}\n\n**Scenario:** a team.\n\n**Question:** {asked}\n\n"
            f"**Key Concepts:** `{topic}`\n\n### Candidate Response Paths\n"
            f"*   **Junior**: no idea.\n*   **Senior**: {senior}\n\n"
        )
    path = tmp_path / "backend.md"
    path.write_text(text, encoding="utf-8")
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == [asked for _, asked, _ in blocks]
    for question, (topic, _, senior) in zip(questions, blocks, strict=True):
        assert topic in question.answer and senior in question.answer
        assert not question.answer.endswith("---")
