"""A quiz written as numbered paragraphs ("`1`. What …?", the number set as code so Markdown
keeps it): every numbered paragraph of the count is a question, including the ones whose
stem states rather than asks ("True or False? …" at length, a scenario) and one whose number
stands alone on its first line."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank

QUIZ = (
    "Notes for the certification exam.\n\n"
    "`1`. Which command removes a stale state lock?\n\n"
    "Ans--\n\n`terraform force-unlock` removes the lock.\n\n"
    "`2`. Why pin the provider version in the configuration file?\n\n"
    "So that every run uses a version known to work.\n\n"
    "`3`. True or False, as the docs put it at some length: Terraform can inspect cloud "
    "resources on every run instead of keeping a state file.\n\n"
    "False. State maps the configuration to real resources.\n\n"
    "`4`. What does `terraform fmt` do?\n\nIt rewrites files in the canonical style.\n\n"
    "`5`.\nWhich of these is a valid variable name?\n\n- `count`\n- `invalid`\n\n"
    "Correct: `invalid`, the others are reserved.\n"
)


def test_each_numbered_paragraph_of_a_quiz_is_a_question(tmp_path: Path) -> None:
    path = tmp_path / "quiz.md"
    path.write_text(QUIZ, encoding="utf-8")
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == [
        "Which command removes a stale state lock?",
        "Why pin the provider version in the configuration file?",
        "True or False, as the docs put it at some length: Terraform can inspect cloud "
        "resources on every run instead of keeping a state file.",
        "What does terraform fmt do?",
        "Which of these is a valid variable name?",
    ]
    answers = [q.answer for q in questions]
    assert "force-unlock" in answers[0] and "known to work" in answers[1]
    assert "State maps" in answers[2] and "State maps" not in answers[1]
    assert "reserved" in answers[4]


def test_numbered_steps_that_do_not_ask_stay_an_answer(tmp_path: Path) -> None:
    # Numbered paragraphs most of which state steps are the answer they sit in.
    path = tmp_path / "steps.md"
    path.write_text(
        "## How do you roll out a schema change?\n\n"
        "1、Add the new column as nullable.\n\n2、Backfill it in batches.\n\n"
        "3、Switch reads to it.\n\n4、Is the old column still read? Drop it when not.\n",
        encoding="utf-8",
    )
    (question,) = load_bank([path]).questions
    assert question.title == "How do you roll out a schema change?"
    assert "Backfill" in question.answer and "Drop it" in question.answer
