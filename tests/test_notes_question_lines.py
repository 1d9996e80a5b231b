"""Questions pasted as plain lines: each paragraph opens with an unmarked question on its own
line and the lines under it answer. Markdown sees only paragraphs; a person sees questions."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank

LINES = (
    "What is a message queue?\n"
    "A buffer that lets producers and consumers work at their own pace.\n"
    "\n"
    "Why would you put a queue in front of a slow service?\n"
    "It absorbs bursts, so the service sees a steady rate.\n"
    "\n"
    "▶ 2–3: Delivery guarantees\n"
    "What does at-least-once delivery mean?\n"
    "Every message arrives, some of them twice.\n"
    "\n"
    "Explain idempotent consumers.\n"
    "A consumer that gives the same result when it handles a message again.\n"
    "\n"
    "Retries make duplicates normal.\n"
)


def _load(tmp_path: Path, text: str) -> list:
    path = tmp_path / "queues.md"
    path.write_text(text, encoding="utf-8")
    return load_bank([path]).questions


def test_unmarked_question_lines_are_questions_with_the_lines_below_as_answers(
    tmp_path: Path,
) -> None:
    questions = _load(tmp_path, LINES)
    assert [q.title for q in questions] == [
        "What is a message queue?",
        "Why would you put a queue in front of a slow service?",
        "What does at-least-once delivery mean?",
        "Explain idempotent consumers.",
    ]
    assert questions[0].answer == (
        "A buffer that lets producers and consumers work at their own pace."
    )
    assert questions[3].answer == (
        "A consumer that gives the same result when it handles a message again.\n\n"
        "Retries make duplicates normal."
    )
    # The label line above a question names the part it opens.
    assert questions[2].line == 8
    assert questions[2].sections == ("Delivery guarantees",)


def test_prose_with_a_few_asking_lines_is_not_read_as_questions(tmp_path: Path) -> None:
    prose = (
        "Queues decouple services.\nThey also smooth bursts.\n\n"
        "Why does that matter?\nBecause services fail.\n\n"
        "Delivery can be at least once.\nOr at most once.\n\n"
        "Ordering is another matter.\nPartitions keep it per key.\n"
    )
    # Not a question a line that asks: the file is one card named for its topic (sweep11d).
    assert [(q.title, q.answer) for q in _load(tmp_path, prose)] == [("queues", prose.strip())]


def test_files_with_another_layout_keep_it(tmp_path: Path) -> None:
    questions = _load(tmp_path, "## What is a queue?\n\n" + LINES)
    assert [q.title for q in questions] == ["What is a queue?"]
