"""The question card shows what a question comes with: difficulty and, for multiple choice,
its options and code (our own fixture notes)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tui_fixtures import AppFactory, app_factory, screen_text

from interviewer.notes import load_bank

FIXTURES = Path(__file__).parent / "fixtures" / "notes"


@pytest.fixture
def make_app(monkeypatch: pytest.MonkeyPatch) -> Iterator[AppFactory]:
    """Interview apps over the multiple-choice fixture notes."""
    for factory in app_factory(monkeypatch):
        factory.bank = load_bank([FIXTURES / "multiple_choice.md", FIXTURES / "bold_en.md"])
        yield factory


async def test_multiple_choice_options_and_difficulty_are_on_screen(
    make_app: AppFactory,
) -> None:
    choice = make_app.bank.questions[0]
    hard = next(q for q in make_app.bank if q.difficulty == "hard")
    app = make_app([choice.id, hard.id])
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "What is logged?" in text
        assert "console.log(0.1 + 0.2 === 0.3);" in text
        assert "- A: `true`" in text and "- C: `undefined`" in text
        assert "Answer: B" not in text  # the answer stays folded until asked for
        await pilot.press("ctrl+g")
        await pilot.pause()
        text = screen_text(app)
        assert "How would you fit a model with millions of features?" in text and "hard" in text
