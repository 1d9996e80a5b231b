"""The sign of a value (positive / negative, 为正 / 为负) as a direction: said the other way
round it contradicts the notes; "false positives" and "false negatives" are names, no signs."""

from __future__ import annotations

import pytest

from interviewer.grading.keyword import KeywordGrader
from tests.grading_helpers import grade_for as _grade
from tests.grading_helpers import notes_bank

SIGNS = {
    "rectifier.md": "# Circuits\n\n## What does a half-wave rectifier do?\n\n"
                    "A half-wave rectifier passes the voltage when it is positive. When it is "
                    "negative, the rectifier blocks it.\n\n"
                    "## 半波整流器做什么？\n\n电压为正时半波整流器让它通过，电压为负时把它截止。\n\n"
                    "## What do precision and recall measure?\n\n"
                    "Precision is high when the model makes few false positives. Recall is high "
                    "when the model makes few false negatives.\n",
}


@pytest.mark.parametrize(
    ("title", "flipped", "right"),
    [
        ("half-wave rectifier do",
         "A half-wave rectifier passes the voltage when it is negative, and it blocks the "
         "voltage when it is positive.",
         "It passes the voltage while the voltage is positive and blocks it while it is negative."),
        ("半波整流器做什么",
         "电压为负时半波整流器让它通过，电压为正时把它截止。",
         "半波整流器在电压为正时让电压通过，为负时截止。"),
    ],
)
def test_a_sign_turned_the_other_way_contradicts_the_notes(
    tmp_path_factory: pytest.TempPathFactory, title: str, flipped: str, right: str
) -> None:
    bank = notes_bank(tmp_path_factory, SIGNS)
    grader = KeywordGrader(bank, packs=[])
    wrong = _grade(grader, bank, title, flipped)
    assert "contradiction" in wrong.flags
    good = _grade(grader, bank, title, right)
    assert "contradiction" not in good.flags
    assert good.score >= 8.5 > wrong.score + 4


def test_false_positives_and_false_negatives_are_names_not_signs(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    bank = notes_bank(tmp_path_factory, SIGNS)
    grader = KeywordGrader(bank, packs=[])
    right = _grade(grader, bank, "precision and recall",
                   "Precision is high when there are few false positives, and recall is high "
                   "when there are few false negatives.")
    assert "contradiction" not in right.flags
