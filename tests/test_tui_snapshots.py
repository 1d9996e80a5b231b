"""What the screens look like: question, result, summary and stats, compared as the text of
Textual's SVG screenshots (pytest-textual-snapshot would downgrade our pytest).

After a deliberate change of the screens, refresh the stored snapshots with
`INTERVIEWER_UPDATE_SNAPSHOTS=1 pytest tests/test_tui_snapshots.py` and review the diff
(the .svg files beside the .txt ones are for looking at)."""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterator
from pathlib import Path

import practice_fixtures
import pytest
from practice_fixtures import utc  # noqa: F401
from tui_fixtures import AppFactory, app_factory, svg_text, wait_until

from interviewer.grading.model import Grade, RubricItem, verdict_for
from interviewer.notes.model import Question
from interviewer.tui.app import InterviewApp
from interviewer.tui.screens.interview import InterviewScreen
from interviewer.tui.screens.stats import StatsScreen
from interviewer.tui.screens.summary import SummaryScreen
from interviewer.tui.widgets.related_notes import RelatedNotes

SNAPSHOTS = Path(__file__).parent / "snapshots"
# A scrollbar's thumb depends on how long the content below the fold is (related notes,
# the reference answer): not what these snapshots are about.
_SCROLLBAR = re.compile(r"\s*[▁▂▃▄▅▆▇█]$")
SIZE = (100, 34)
START = 1_800_000_000.0
ANSWER = "过拟合可以用正则化 L2 和 dropout 缓解 还可以数据增强和早停"


class FixedGrader:
    """A grader with a known answer, so the snapshots show the screens, not the current
    state of the keyword grader (test_tui.py runs the real graders)."""

    name = "fixed"
    wants_context = False

    def grade(self, question: Question, answer: str, context: list[str] | None = None) -> Grade:
        """Covered, partly, missed, … over the question's key points."""
        statuses = ("covered", "partly", "missed")
        rubric = [
            RubricItem(
                point=point,
                status=statuses[n % 3],
                evidence="" if statuses[n % 3] == "missed" else answer[:20],
            )
            for n, point in enumerate(question.key_points[:6])
        ]
        return Grade(
            question_id=question.id,
            score=6.5,
            verdict=verdict_for(6.5),
            rubric=rubric,
            missing=[item.point for item in rubric if item.status == "missed"],
            feedback="要点抓住了一部分；补上遗漏的两点，并说明各自为什么有效。",
            follow_up=f"能具体说说「{rubric[2].point}」吗？",
            grader=self.name,
        )


class Clock:
    """A clock that moves only when the test says so."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def make_app(monkeypatch: pytest.MonkeyPatch) -> Iterator[AppFactory]:
    """Interview apps over the bundled notes."""
    yield from app_factory(monkeypatch)


def assert_snapshot(app: InterviewApp, name: str) -> None:
    """The screen's text equals the stored snapshot (written anew in update mode)."""
    svg = app.export_screenshot(title=f"interviewer — {name}")
    lines = svg_text(svg).splitlines()
    actual = "\n".join(_SCROLLBAR.sub("", line) for line in lines) + "\n"
    expected_file = SNAPSHOTS / f"{name}.txt"
    if os.environ.get("INTERVIEWER_UPDATE_SNAPSHOTS"):
        SNAPSHOTS.mkdir(exist_ok=True)
        expected_file.write_text(actual, encoding="utf-8")
        (SNAPSHOTS / f"{name}.svg").write_text(svg, encoding="utf-8")
    assert expected_file.exists(), (
        f"no snapshot {expected_file.name}: run with INTERVIEWER_UPDATE_SNAPSHOTS=1 to create it"
    )
    expected = expected_file.read_text(encoding="utf-8")
    if actual != expected:
        diff = "\n".join(
            difflib.unified_diff(
                expected.splitlines(), actual.splitlines(), "snapshot", "screen", lineterm=""
            )
        )
        pytest.fail(f"screen {name} differs from its snapshot:\n{diff}")


async def _answer_first_question(app: InterviewApp, pilot) -> InterviewScreen:  # type: ignore[no-untyped-def]
    screen = app.screen
    assert isinstance(screen, InterviewScreen)
    await pilot.press(*ANSWER)
    await pilot.press("ctrl+s")
    await wait_until(pilot, lambda: screen.phase == "graded", "the grade")
    await wait_until(
        pilot,
        lambda: "looking" not in str(screen.query_one(RelatedNotes).render()),
        "related notes",
    )
    await pilot.pause()
    return screen


async def test_question_screen(make_app: AppFactory) -> None:
    app = make_app(clock=Clock(), grader=FixedGrader())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert_snapshot(app, "question")


async def test_result_screen(make_app: AppFactory) -> None:
    app = make_app(clock=Clock(), grader=FixedGrader())
    async with app.run_test(size=SIZE) as pilot:
        await _answer_first_question(app, pilot)
        assert_snapshot(app, "result")


async def test_summary_screen(make_app: AppFactory) -> None:
    clock = Clock()
    app = make_app(clock=clock, grader=FixedGrader())
    async with app.run_test(size=SIZE) as pilot:
        await _answer_first_question(app, pilot)
        await pilot.press("ctrl+n")
        clock.now += 252
        await pilot.press("ctrl+g")
        assert isinstance(app.screen, SummaryScreen)
        await pilot.pause()
        assert_snapshot(app, "summary")


@pytest.mark.usefixtures("utc")
async def test_stats_screen(make_app: AppFactory) -> None:
    clock = practice_fixtures.Clock()
    make_app.clock = clock
    practice_fixtures.record(make_app.store, make_app.bank, clock)
    clock.now = practice_fixtures.MONDAY + 8 * practice_fixtures.DAY + 3600
    app = make_app(clock=clock, grader=FixedGrader())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.action_stats()
        await wait_until(pilot, lambda: isinstance(app.screen, StatsScreen), "the stats screen")
        screen = app.screen
        await wait_until(pilot, lambda: screen.stats is not None, "the stats")
        await pilot.pause()
        assert_snapshot(app, "stats")
