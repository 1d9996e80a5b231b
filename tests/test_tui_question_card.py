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


OUTPUT_QUESTION = """## Tricky

#### 1. What is the output of the following program and why?

```python
items = [3, 1, 2]
print(sorted(items)[0], items[0])
```

> **Answer:** \\
> 1 3

> **Explanation:**
> sorted returns a new list; the original keeps its order.
"""


async def test_the_program_a_question_asks_about_is_on_screen_as_code(
    make_app: AppFactory, tmp_path: Path
) -> None:
    notes = tmp_path / "tricky.md"
    notes.write_text(OUTPUT_QUESTION, encoding="utf-8")
    make_app.bank = load_bank([notes])
    app = make_app([make_app.bank.questions[0].id])
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "What is the output of the following program and why?" in text
        assert "print(sorted(items)[0], items[0])" in text and "items = [3, 1, 2]" in text
        assert "```" not in text  # the fences are markup, not part of the program
        assert "the original keeps its order" not in text  # the answer stays hidden
