"""Practice over weeks in the TUI: rating keys on the result view, "N due today" on the
start screen, and the stats screen (from the summary's key and from the palette)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from practice_fixtures import DAY, MONDAY, Clock, record, utc  # noqa: F401
from tui_fixtures import AppFactory, app_factory, screen_text, wait_until

from interviewer.grading.model import Grade, verdict_for
from interviewer.notes.model import Question
from interviewer.practice.scheduling import AGAIN, EASY, GOOD
from interviewer.tui.screens.interview import InterviewScreen
from interviewer.tui.screens.stats import StatsScreen
from interviewer.tui.screens.summary import SummaryScreen
from interviewer.tui.widgets.follow_up import FollowUp

pytestmark = pytest.mark.usefixtures("utc")
SIZE = (110, 40)


class ScoreGrader:
    """Grades every answer 7/10 ("good") with a follow-up question."""

    name = "fixed"
    wants_context = False

    def grade(self, question: Question, answer: str, context: list[str] | None = None) -> Grade:
        """7/10, nothing covered, a follow-up."""
        return Grade(
            question_id=question.id, score=7.0, verdict=verdict_for(7.0), rubric=[],
            missing=[], feedback="ok", follow_up="还有呢？", grader=self.name,
        )


@pytest.fixture
def make_app(monkeypatch: pytest.MonkeyPatch) -> Iterator[AppFactory]:
    """Interview apps over the bundled notes, sharing one history."""
    yield from app_factory(monkeypatch)


async def test_rating_keys_override_the_rating_and_move_the_next_review(
    make_app: AppFactory,
) -> None:
    clock = Clock()
    app = make_app(clock=clock, grader=ScoreGrader())
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        await pilot.press(*"正则化和 dropout")
        await pilot.press("1")  # typed into the answer box, not a rating
        assert screen.answer_box.text.endswith("1")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: screen.phase == "graded", "the grade")
        await pilot.pause()
        turn = app.interview.current
        assert turn.rating == GOOD and not turn.rated_by_self
        assert "Rated good (by the score) · back in 2 days (Wed 2 Dec)" in screen_text(app)
        by_score = turn.card
        assert by_score is not None
        await pilot.press("4")
        await pilot.pause()
        assert "Rated easy (yours)" in screen_text(app)
        [easy] = make_app.store.cards(turn.question.id)
        await pilot.press("1")
        await pilot.pause()
        [again] = make_app.store.cards(turn.question.id)
        assert again.due < by_score.due < easy.due
        stored = make_app.store.answer(turn.answer_id or 0)
        assert stored is not None and (stored.rating, stored.rated_by) == (AGAIN, "self")
        # In the follow-up's box a digit is text, not a rating.
        box = screen.query_one(FollowUp).answer_box
        box.focus()
        await pilot.press("4")
        assert box.text == "4" and make_app.store.cards(turn.question.id) == [again]
        assert turn.rating == AGAIN != EASY


async def test_start_screen_says_how_many_are_due(make_app: AppFactory) -> None:
    clock = Clock()
    make_app.clock = clock
    record(make_app.store, make_app.bank, clock)
    clock.now = MONDAY + 8 * DAY + 3600
    app = make_app(clock=clock, grader=ScoreGrader())
    app.due_today = 4
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Question 1/2" in screen_text(app) and "· 4 due today" in screen_text(app)


async def _stats_shown(app, pilot) -> StatsScreen:  # type: ignore[no-untyped-def]
    await wait_until(pilot, lambda: isinstance(app.screen, StatsScreen), "the stats screen")
    screen = app.screen
    await wait_until(pilot, lambda: screen.stats is not None, "the stats")
    await pilot.pause()
    return screen


async def test_stats_screen_from_the_summary_and_the_palette(make_app: AppFactory) -> None:
    clock = Clock()
    make_app.clock = clock
    record(make_app.store, make_app.bank, clock)
    clock.now = MONDAY + 8 * DAY + 3600
    app = make_app(clock=clock, grader=ScoreGrader())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+g")
        await pilot.press("ctrl+g")
        assert isinstance(app.screen, SummaryScreen)
        assert "s shows your progress" in screen_text(app)
        await pilot.press("s")
        stats = await _stats_shown(app, pilot)
        text = screen_text(app)
        assert stats.stats is not None and stats.stats.answers == 6
        for words in ("6 answer(s) · average 6.3/10", "Streak: 1 day(s) (longest 2)",
                      "Average score per week", "Due in the next 14 days", "overfitting"):
            assert words in text, words
        await pilot.press("escape")
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("ctrl+p")
        await pilot.press(*"progress")
        await wait_until(pilot, lambda: "Show progress stats" in screen_text(app), "the palette")
        await pilot.press("enter")
        await _stats_shown(app, pilot)
