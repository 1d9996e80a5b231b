"""The bundled notes parse exactly as the product card says."""

from __future__ import annotations

import re

from interviewer.notes import QuestionBank
from interviewer.resources import knowledge_dir

EXPECTED_STARS = [4, 2, 1, 1, 1, 3, 4, 4, 4, 4, 4, 3, 4, 4, 3, 0]
RED = re.compile(r"<font color='red'>(.*?)</font>", re.DOTALL)


def test_sixteen_questions_with_stars_in_order(bundled_bank: QuestionBank) -> None:
    assert len(bundled_bank) == 16
    assert [q.stars for q in bundled_bank] == EXPECTED_STARS
    assert [q.id for q in bundled_bank] == [f"deep_learning_basics-{n:02d}" for n in range(1, 17)]


def test_every_red_highlight_is_a_key_point(bundled_bank: QuestionBank) -> None:
    text = (knowledge_dir() / "deep_learning_basics.md").read_text(encoding="utf-8")
    blocks = re.split(r"^## ", text, flags=re.MULTILINE)[1:]
    assert len(blocks) == 16
    for question, block in zip(bundled_bank, blocks, strict=True):
        for raw in RED.findall(block):
            cleaned = re.sub(r"[*`]", "", raw).strip(" ：:；;，,。.")
            assert any(cleaned.strip() in point for point in question.key_points), (
                question.id,
                cleaned,
            )


def test_every_question_has_key_points_and_an_answer(bundled_bank: QuestionBank) -> None:
    for question in bundled_bank:
        assert question.key_points, question.id
        assert len(question.answer) > 100
        assert "../assets" not in question.answer


def test_question_four_derives_key_points(bundled_bank: QuestionBank) -> None:
    question = bundled_bank.get("deep_learning_basics-04")
    assert question is not None and question.key_points_derived
    assert any("稀疏表示" in point for point in question.key_points)


def test_the_bundled_notes_are_a_verbatim_copy() -> None:
    from pathlib import Path

    shared = Path(__file__).resolve().parents[2] / "shared" / "notes" / "deep_learning_basics.md"
    bundled = knowledge_dir() / "deep_learning_basics.md"
    if shared.exists():
        assert bundled.read_bytes() == shared.read_bytes()
    assert bundled.stat().st_size > 20_000
