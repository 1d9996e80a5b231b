"""`interviewer notes`, `--difficulty`, notes topics, unstarred and unanswered notes — as a
user with their own notes meets them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from robustness_helpers import one_error, run

FIXTURES = Path(__file__).parent / "fixtures" / "notes"


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    folder = tmp_path / "notes"
    shutil.copytree(FIXTURES, folder)
    (folder / "README.md").write_text("# About\n\nMy notes, collected.\n", encoding="utf-8")
    (folder / "diagram.png").write_bytes(b"\x89PNG\r\n")
    return folder


def test_notes_json_reports_layouts_answers_marks_and_skips(
    capsys: pytest.CaptureFixture[str], notes: Path
) -> None:
    code, out, _ = run(capsys, "notes", str(notes), "--json")
    assert code == 0
    report = json.loads(out)
    files = {entry["source"]: entry for entry in report["files"]}
    assert files["bold_en.md"]["layouts"] == {"bold questions": 5}
    assert files["bold_en.md"]["difficulty"] == {"easy": 1, "medium": 1, "hard": 1}
    assert files["lists_en.md"]["questions"] == 9 and files["lists_en.md"]["answered"] == 4
    assert any("5 question(s) have no answer" in w for w in files["lists_en.md"]["warnings"])
    assert files["README.md"]["skipped"].startswith("a project file")
    assert files["non_questions.md"]["questions"] == 2
    assert any("not questions" in w for w in files["non_questions.md"]["warnings"])
    assert report["questions"] == sum(entry["questions"] for entry in files.values()
                                      if not entry["skipped"])
    assert any("non-Markdown" in w for w in report["warnings"])


def test_notes_table_for_people(capsys: pytest.CaptureFixture[str], notes: Path) -> None:
    code, out, _ = run(capsys, "notes", str(notes / "qa_labels.md"))
    assert code == 0
    assert "q-a labels 4" in out and "qa_labels.md" in out


def test_notes_without_paths_reads_the_notes_in_use(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "notes", "--json")
    assert code == 0
    [entry] = json.loads(out)["files"]
    assert entry["questions"] == 16 and entry["layouts"] == {"headings": 16}


def test_questions_by_difficulty(capsys: pytest.CaptureFixture[str], notes: Path) -> None:
    code, out, _ = run(capsys, "questions", "--notes", str(notes), "--difficulty", "hard",
                       "--json")
    assert code == 0
    titles = {q["title"] for q in json.loads(out)}
    assert titles == {
        "How would you fit a model with millions of features?",
        "What is cache stampede?",
        "How does the garbage collector find cycles?",
        "描述 MRO 的计算方法",
        "What is a metaclass?",
        "什么是 Python 的 GIL？",
    }
    assert all(q["difficulty"] == "hard" for q in json.loads(out))


def test_bad_difficulty_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "questions", "--difficulty", "extreme")
    assert code == 2
    assert "--difficulty" in one_error(err)


def test_topics_lists_the_notes_own_topics(capsys: pytest.CaptureFixture[str], notes: Path) -> None:
    code, out, _ = run(capsys, "topics", "--notes", str(notes), "--json")
    assert code == 0
    rows = {row["slug"]: row for row in json.loads(out)}
    assert rows["Regression"]["questions"] == 3 and rows["Regression"]["source"] == "notes"
    assert rows["concurrency"]["questions"] == 1
    assert rows["overfitting"]["source"] == "glossary"
    code, out, _ = run(capsys, "questions", "--notes", str(notes), "--topic", "regression",
                       "--json")
    assert code == 0 and len(json.loads(out)) == 3


def test_unstarred_notes_start_an_interview_on_all_questions(
    capsys: pytest.CaptureFixture[str], notes: Path
) -> None:
    # Without a terminal the interview stops right before the screen opens: the questions
    # were chosen, which is what unstarred notes could not do before.
    code, _, err = run(capsys, "--offline", "--notes", str(notes / "qa_labels.md"))
    assert code == 1
    assert "mark no importance" in err and "asking from all 4 question(s)" in err
    assert "needs a terminal" in err.splitlines()[-1]
    code, _, err = run(capsys, "--offline", "--notes", str(notes / "qa_labels.md"),
                       "--min-stars", "1")
    assert code == 1 and "no questions with at least 1 star(s)" in one_error(err)


def test_unanswered_questions_are_left_out_offline_unless_asked_for(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    only_questions = tmp_path / "questions.md"
    only_questions.write_text("- What is a mutex?\n- What is a semaphore?\n", encoding="utf-8")
    code, _, err = run(capsys, "--offline", "--notes", str(only_questions))
    assert code == 1 and "--include-unanswered" in one_error(err)
    code, _, err = run(capsys, "--offline", "--notes", str(only_questions),
                       "--include-unanswered")
    assert code == 1 and "needs a terminal" in err.splitlines()[-1]


def test_offline_grade_of_an_unanswered_question_is_not_zero_and_says_why(
    capsys: pytest.CaptureFixture[str], notes: Path
) -> None:
    code, out, _ = run(capsys, "questions", "--notes", str(notes / "lists_en.md"), "--json")
    qid = next(q["id"] for q in json.loads(out) if q["title"].startswith("Explain the bias"))
    answer = ("Bias is error from wrong assumptions and variance is sensitivity to the data; "
              "a trade-off between them sets the model's complexity.")
    code, out, _ = run(capsys, "grade", "--offline", "--notes", str(notes / "lists_en.md"),
                       "--question-id", qid, "--answer", answer, "--json")
    assert code == 0
    grade = json.loads(out)
    assert 0 < grade["score"] <= 7
    assert "no answer to this question" in grade["notice"]


def test_help_describes_the_new_options(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "--difficulty" in out and "--include-unanswered" in out and "notes" in out
    code, out, _ = run(capsys, "notes", "--help")
    assert code == 0 and "layouts" in out and "--json" in out


def test_notes_on_a_folder_without_markdown_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text("plain text", encoding="utf-8")
    code, _, err = run(capsys, "notes", str(tmp_path))
    assert code == 1
    assert "no Markdown notes files" in err.splitlines()[0]
    assert "non-Markdown" in err


def test_notes_does_not_send_the_user_to_itself(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "prose.md").write_text("Just prose, no questions here.\n", encoding="utf-8")
    code, out, err = run(capsys, "notes", str(tmp_path))
    assert code == 1
    said = " ".join((out + err).split())
    assert "prose.md: no questions found" in said
    assert "see `interviewer notes`" not in said and "'Your own notes'" in said


def test_notes_names_the_command_that_asks_unanswered_questions(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # walk10d: the warning named "--include-unanswered", which `questions` does not take.
    (tmp_path / "n.md").write_text("## What is X?\n\nX is a thing.\n\n## What is Y?\n",
                                   encoding="utf-8")
    code, out, err = run(capsys, "notes", str(tmp_path))
    said = " ".join((out + err).split())
    assert code == 0 and "`interviewer --include-unanswered`" in said


def test_notes_warns_of_questions_written_twice(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # A block pasted twice: the walk9c walkthrough's real file repeated ten questions word
    # for word and `notes` said nothing.
    block = (
        "## Interview Question\n\n### What causes tides?\n\n**Answer:** The moon's gravity.\n\n"
        "## Interview Question\n\n### Why is the sky blue?\n\n**Answer:** Rayleigh scattering.\n\n"
    )
    other = "## Interview Question\n\n### What causes tides?\n\n**Answer:** The sun, too.\n\n"
    (tmp_path / "sky.md").write_text(block + other + block, encoding="utf-8")
    code, out, _ = run(capsys, "notes", str(tmp_path / "sky.md"), "--json")
    assert code == 0
    [entry] = json.loads(out)["files"]
    assert entry["questions"] == 5
    [warning] = [w for w in entry["warnings"] if "word for word" in w]
    assert warning.startswith("2 question(s) repeat an earlier one word for word")
    assert "'What causes tides?' (lines 3 and 21)" in warning
    # The same title with another answer is no repeat.
    assert "3 question(s)" not in warning
    # Nor is a bare title asked of several things, or the same answer in another section.
    (tmp_path / "algos.md").write_text(
        "# Trees\n## What is the basic idea?\n## What are the pros?\nFast.\n"
        "# Forests\n## What is the basic idea?\n## What are the pros?\nFast.\n"
        "## What is the basic idea?\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "notes", str(tmp_path / "algos.md"), "--json")
    [entry] = json.loads(out)["files"]
    assert entry["questions"] == 5
    assert not [w for w in entry["warnings"] if "word for word" in w]


def test_notes_says_a_warning_many_files_share_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # A folder of unmarked notes: the same advice under every file buried the warnings that
    # were about one file (walkthrough with a 20-file folder).
    folder = tmp_path / "notes" / "dl"
    folder.mkdir(parents=True)
    for name in ("relu", "bn", "dropout"):
        (folder / f"{name}.md").write_text(
            f"## What is {name}?\n\nIt is a layer.\n\n## References\n\n- [x](https://x.org)\n",
            encoding="utf-8",
        )
    (folder / "todo.md").write_text("## What is Adam?\n\n## What is SGD?\n\nA step.\n",
                                    encoding="utf-8")
    code, out, _ = run(capsys, "notes", str(tmp_path / "notes"))
    assert code == 0
    said = " ".join(out.split())
    assert said.count("no importance or difficulty marks") == 1
    assert "4 files: no importance or difficulty marks" in said
    assert said.count("read as not questions") == 1
    assert "3 files (" in said and "'References'" in said
    assert "todo.md: 1 question(s) have no answer" in said


def test_notes_table_leaves_out_the_folder_every_file_is_in(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Every file under "deep-learning-basics/": the folder filled the narrow file column and
    # the file names, which tell the files apart, were cut off.
    folder = tmp_path / "notes" / "deep-learning-basics"
    folder.mkdir(parents=True)
    for name in ("activations", "normalisation"):
        (folder / f"{name}.md").write_text(f"## What is {name}?\n\nA thing.\n", encoding="utf-8")
    code, out, _ = run(capsys, "notes", str(tmp_path / "notes"))
    assert code == 0
    said = " ".join(out.split())
    assert "2 question(s) from 2 file(s) in deep-learning-basics/" in said
    assert "│ activations.md" in said and "deep-learning-basics/activations" not in said


def test_notes_warns_of_answers_the_offline_grader_cannot_check(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # An answer that is only a diagram was read as answered and said nothing; grading a
    # right answer against it then gave 0 with no hint why until the grade's feedback.
    (tmp_path / "net.md").write_text(
        "## 1. What is TCP?\n\nA reliable stream protocol.\n\n"
        "## 2. What is the three-way handshake?\n\n![handshake](img/hs.png)\n\n"
        "## 3. What is UDP?\n\nDatagrams without delivery guarantees.\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "notes", str(tmp_path / "net.md"), "--json")
    assert code == 0
    [entry] = json.loads(out)["files"]
    assert entry["answered"] == 3
    [warning] = [w for w in entry["warnings"] if "nothing to check" in w]
    assert warning.startswith("1 answer(s) give the offline grader nothing to check against")
    assert "'What is the three-way handshake?'" in warning and "TCP" not in warning
