"""Notes that number each question with a heading holding only its number ("## #1", "## 7",
"## Q3") over the question's own heading and the headings that answer it."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank


def test_a_number_heading_wraps_one_question_whose_sub_headings_answer_it(
    tmp_path: Path,
) -> None:
    # The question heading asks without a question mark ("Explain …") and its answer is
    # split under plain headings, some at the question's own level: all of it is one
    # question, not "Classification metrics" and "Regression metrics".
    path = tmp_path / "ml.md"
    path.write_text(
        "## #1\n\n### Explain the metrics you know (e.g. RMSE, recall).\n\n"
        "#### Classification metrics\n\nAccuracy counts the right predictions.\n\n"
        "#### Regression metrics\n\nRMSE is the root of the mean squared error.\n\n"
        "##### References\n\n- [metrics](https://example.com/metrics)\n\n"
        "## #2\n\n### Compare the OSI model with TCP/IP.\n\nTCP/IP has fewer layers.\n\n"
        "### The OSI layers\n\nPhysical, data link, network, transport and above.\n\n"
        "## #3\n\n### Why normalise features?\n\nSo that no feature dominates the distance.\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == [
        "Explain the metrics you know (e.g. RMSE, recall).",
        "Compare the OSI model with TCP/IP.",
        "Why normalise features?",
    ]
    first, second, third = (q.answer for q in questions)
    assert "Accuracy counts" in first and "root of the mean squared" in first
    assert "example.com" not in first
    assert "fewer layers" in second and "Physical, data link" in second
    assert "dominates" in third and "Physical" not in third

