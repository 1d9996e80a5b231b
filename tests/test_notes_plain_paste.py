"""Notes pasted as plain text: `N. Question?` on a line, its answer on the lines below with no
indentation, and the next question right under the last line of an answer. Markdown runs those
lines together (a list numbered other than 1 cannot interrupt a paragraph), a person does not."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank

PASTED = (
    "Basic Questions\n"
    "1. What is an index?\n"
    "An index is a sorted copy of some columns that speeds up reads.\n"
    "\n"
    "2. Why can an index slow writes down?\n"
    "Every insert must also update the index.\n"
    "\n"
    "Each extra index adds work to every write.\n"
    "Bulk loads often drop the indexes first.\n"
    "3. What is a transaction?\n"
    "A group of statements that succeed or fail together.\n"
    "\n"
    "A rollback undoes every one of them.\n"
    "Advanced Questions\n"
    "4. Explain isolation levels.\n"
    "They say which anomalies other transactions may show:\n"
    "2. Which of them matter depends on the workload.\n"
    "5. What is a deadlock?\n"
    "Two transactions each wait for a lock the other holds.\n"
)


def test_a_question_numbered_after_the_one_above_starts_even_inside_a_paragraph(
    tmp_path: Path,
) -> None:
    path = tmp_path / "db.md"
    path.write_text(PASTED, encoding="utf-8")
    questions = load_bank([path]).questions
    assert [(q.title, q.line) for q in questions] == [
        ("What is an index?", 2),
        ("Why can an index slow writes down?", 5),
        ("What is a transaction?", 10),
        ("Explain isolation levels.", 15),
        ("What is a deadlock?", 18),
    ]
    assert questions[2].answer == (
        "A group of statements that succeed or fail together.\n\n"
        "A rollback undoes every one of them."
    )
    assert questions[4].answer == "Two transactions each wait for a lock the other holds."
    # "2. Which of them…" does not carry on the numbering (4): it is a point of the answer.
    assert questions[3].answer == (
        "They say which anomalies other transactions may show:\n"
        "2. Which of them matter depends on the workload."
    )


def test_unindented_paragraphs_after_a_pasted_answer_are_still_its_answer(
    tmp_path: Path,
) -> None:
    path = tmp_path / "db.md"
    path.write_text(PASTED, encoding="utf-8")
    questions = load_bank([path]).questions
    assert questions[1].answer == (
        "Every insert must also update the index.\n\n"
        "Each extra index adds work to every write.\nBulk loads often drop the indexes first."
    )
    # A bare line naming the questions that follow is a section title, not an answer point.
    assert "Advanced Questions" not in questions[2].answer
    assert "Advanced Questions" not in questions[2].key_points


def test_a_paragraph_after_a_list_of_indented_answers_stays_out_of_them(tmp_path: Path) -> None:
    path = tmp_path / "db.md"
    path.write_text(
        "1. What is an index?\n   A sorted copy of some columns.\n\n"
        "2. What is a view?\n   A stored query.\n\nThat is all for today.\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [(q.title, q.answer) for q in questions] == [
        ("What is an index?", "A sorted copy of some columns."),
        ("What is a view?", "A stored query."),
    ]


def test_code_pasted_without_a_fence_gives_no_key_points(tmp_path: Path) -> None:
    path = tmp_path / "cpp.md"
    path.write_text(
        "1. What is a default constructor?\n"
        "A constructor that takes no arguments.\n"
        "\n"
        "The compiler writes one when the class declares none.\n"
        "\n"
        "// A program that shows\n"
        "// the default constructor\n"
        "#include <iostream>\n"
        "using namespace std;\n"
        "struct Point {\n"
        "int x;\n"
        "Point() { x = 0; }\n"
        "};\n"
        "int main()\n"
        "{\n"
        "Point p;\n"
        "return 0;\n"
        "}\n"
        "\n"
        "Copy(const Copy &other);\n"
        "\n"
        "Correct: Point p; Point q = p;\n"
        "\n"
        "2. What is a destructor?\n"
        "A function that runs when an object is destroyed.\n",
        encoding="utf-8",
    )
    first, _ = load_bank([path]).questions
    assert first.key_points == (
        "A constructor that takes no arguments",
        "The compiler writes one when the class declares none",
        "Correct: Point p",
    )
    assert "using namespace std;" in first.answer  # the answer keeps the code as it is
