"""Quiz questions under headings whose options are a task list (`- [ ] wrong` / `- [x] right`):
the options belong to the question, unticked, and the ticked ones are the answer — not a list
of points where the wrong options become the rubric (sweep11a: LinkedIn-style skill quizzes)."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank

QUIZ = (
    "## Version control\n\n"
    "#### Q1. Which command shows the installed version?\n\n"
    "- [ ] vcs --v\n- [x] vcs --version\n- [ ] vcs --current\n\n"
    "[Reference](https://example.com/version)\n\n"
    "#### Q2. Describe what these commands do to the history:\n\n"
    "```bash\nvcs reset --hard HEAD~2\n```\n\n"
    "- [ ] They delete two branches.\n"
    "- [x] They move the branch back two commits and drop the changes.\n\n"
    "A hard reset also rewrites the working tree.\n\n"
    "#### Q3. What does this command do?\n\n`vcs add -A`\n\n"
    "- [x] It stages every change.\n- [ ] It adds a remote.\n\n"
    "#### Q4. Which command removes a tracked file?\n\n"
    "- [x] ⠀\n\n```bash\nvcs rm old.txt\n```\n\n"
    "- [ ] ⠀\n\n```bash\nvcs forget old.txt\n```\n\n"
    "#### Q5. Calling .clone() \\_.\n\n"
    "- [ ] moves the value\n- [x] copies the value\n"
)


def test_ticked_options_under_a_heading_are_the_answer(tmp_path: Path) -> None:
    path = tmp_path / "quiz.md"
    path.write_text(QUIZ, encoding="utf-8")
    questions = load_bank([path]).questions
    assert [(q.title, q.answer) for q in questions] == [
        (
            "Which command shows the installed version?",
            "Correct: vcs --version\n\n[Reference](https://example.com/version)",
        ),
        (
            "Describe what these commands do to the history:",
            "Correct: They move the branch back two commits and drop the changes.\n\n"
            "A hard reset also rewrites the working tree.",
        ),
        ("What does this command do?", "Correct: It stages every change."),
        ("Which command removes a tracked file?", "Correct: vcs rm old.txt"),
        ("Calling .clone() _.", "Correct: copies the value"),
    ]
    first, second, third, fourth, _ = questions
    assert first.prompt == "- [ ] vcs --v\n- [ ] vcs --version\n- [ ] vcs --current"
    assert first.key_points == ("Correct: vcs --version",)
    assert "vcs reset --hard HEAD~2" in second.prompt and "[x]" not in second.prompt
    assert third.prompt.startswith("`vcs add -A`")
    assert "vcs rm old.txt" in fourth.prompt and "vcs forget old.txt" in fourth.prompt


def test_a_checklist_is_no_choice(tmp_path: Path) -> None:
    """Every box ticked, or a heading that asks nothing over a half-done list: a checklist
    stays the answer it is."""
    path = tmp_path / "plan.md"
    path.write_text(
        "## How do you prepare a release?\n\n- [x] Run the tests\n- [x] Tag the commit\n\n"
        "## Progress\n\n- [x] Chapter one\n- [ ] Chapter two\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [(q.title, q.answer, q.prompt) for q in questions] == [
        ("How do you prepare a release?", "- [x] Run the tests\n- [x] Tag the commit", ""),
        ("Progress", "- [x] Chapter one\n- [ ] Chapter two", ""),
    ]


def test_escaped_markup_in_a_title_is_shown_as_written(tmp_path: Path) -> None:
    """"are \\_ by default", "\\*\\*\\_\\_\\_\\*\\* are predefined": a backslash shows the
    character after it as itself; in a code span it stays a backslash."""
    path = tmp_path / "cloud.md"
    path.write_text(
        "#### Q1. Instances launched into a private subnet are \\_ by default.\n\n"
        "- [ ] public\n- [x] private\n\n"
        "#### Q2. \\*\\*\\_\\_\\_\\*\\* are built-in policies that grant permissions.\n\n"
        "- [x] Managed policies\n- [ ] Inline policies\n\n"
        "#### Q3. What does `a\\_b` name?\n\nA variable.\n",
        encoding="utf-8",
    )
    assert [q.title for q in load_bank([path]).questions] == [
        "Instances launched into a private subnet are _ by default.",
        "___ are built-in policies that grant permissions.",
        "What does a\\_b name?",
    ]


def test_quiz_questions_pasted_as_q_numbered_paragraphs_under_a_heading(tmp_path: Path) -> None:
    """"#### Q6. …" then "Q7. …?" / "Q8. …?" written as paragraphs (the first run into the
    reference line above it): each is a question with its options, not the heading's answer
    (sweep11a: a Rust quiz's Q67–Q98, 32 questions, read as the answer of Q66)."""
    path = tmp_path / "lang-quiz.md"
    path.write_text(
        "#### Q6. What does the move keyword do?\n\n"
        "- [x] It moves captured values into the closure.\n- [ ] It copies them.\n\n"
        "[reference](https://example.com/move)\n"
        "Q7. What is a static lifetime?\n\n"
        "- [ ] One stored on the stack.\n- [x] One that lasts the whole program.\n\n"
        "Q8. What does a mutable reference allow?\n\n"
        "- [x] Changing the value it points to.\n- [ ] Sharing it between threads.\n\n"
        "Q9. What does `Box<T>` store on the heap?\n\n"
        "- [x] Its value.\n- [ ] Its type.\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [(q.title, q.answer) for q in questions] == [
        (
            "What does the move keyword do?",
            "Correct: It moves captured values into the closure.\n\n"
            "[reference](https://example.com/move)",
        ),
        ("What is a static lifetime?", "Correct: One that lasts the whole program."),
        ("What does a mutable reference allow?", "Correct: Changing the value it points to."),
        ("What does Box<T> store on the heap?", "Correct: Its value."),
    ]
