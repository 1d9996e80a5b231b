"""Typing into the answer box: keys arriving together (a paste without bracketed paste) are
inserted as a few edits, not one per key, nothing typed is lost on submit, quit or kill, and
an answer over the size limit is refused with the reason."""

from __future__ import annotations

import signal
from collections.abc import Iterator

import pytest
from textual import events
from textual.message import Message
from textual.widgets import TextArea
from tui_fixtures import AppFactory, app_factory, screen_text, wait_until

from interviewer.tui.screens.interview import InterviewScreen
from interviewer.tui.widgets import answer_box

SIZE = (110, 40)
# Key names Textual gives these characters; the others are their own key names.
KEY_NAMES = {" ": "space", ",": "comma", ".": "full_stop", "\n": "enter"}
LONG = ("Dropout switches off random units, so no unit relies on a fixed set of others.\n"
        "正则化限制模型复杂度 weight decay and early stopping help too. ") * 8


@pytest.fixture
def make_app(monkeypatch: pytest.MonkeyPatch) -> Iterator[AppFactory]:
    """Interview apps over the bundled notes."""
    yield from app_factory(monkeypatch)


def _keys(text: str) -> list[events.Key]:
    """The key events a terminal sends for `text` typed or pasted without bracketed paste."""
    return [events.Key(KEY_NAMES.get(c, c), "\r" if c == "\n" else c) for c in text]


class EditCounter:
    """Counts the answer box's edits (TextArea posts one Changed message per edit)."""

    def __init__(self) -> None:
        # Kept alive, so that no two messages share an id.
        self.changes: dict[int, Message] = {}

    def __call__(self, message: Message) -> None:
        # The hook sees the message again at each widget it bubbles through.
        if isinstance(message, TextArea.Changed) and message.text_area.id == "answer":
            self.changes[id(message)] = message

    @property
    def edits(self) -> int:
        """Edits seen."""
        return len(self.changes)


async def test_a_burst_of_keys_is_a_few_edits_not_one_per_key(make_app: AppFactory) -> None:
    app = make_app()
    counter = EditCounter()
    async with app.run_test(size=SIZE, message_hook=counter) as pilot:
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        for key in _keys(LONG):
            app.post_message(key)
        await wait_until(pilot, lambda: screen.answer_box.text == LONG, "the typed answer")
    # Each edit re-wraps the whole line: one per key made a long answer cost minutes.
    assert 1 <= counter.edits <= len(LONG) // 20, counter.edits


async def test_the_end_of_a_long_burst_is_in_view(make_app: AppFactory) -> None:
    app = make_app()
    text = LONG * 19 + "ZZLASTWORDZZ"
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        box = screen.answer_box
        # As a terminal delivers a long paste: chunks of growing size, with pauses between.
        sent = 0
        for size in (1, 750, 4_000, len(text)):
            for key in _keys(text[sent:size]):
                app.post_message(key)
            sent = min(size, len(text))
            await wait_until(pilot, lambda sent=sent: len(box.text) >= sent, "the keys")
            await pilot.pause(answer_box.TYPING_FRAME * 3)
        await pilot.pause()
        assert box.text == text
        # The box grew by many rows in one edit; its view follows the cursor to the end.
        assert box.region.contains_point(box.cursor_screen_offset)
        assert "ZZLASTWORDZZ" in screen_text(app)


async def test_a_key_typed_alone_shows_at_once(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        await pilot.press("a")
        assert screen.answer_box.text == "a"
        await pilot.pause(answer_box.TYPING_FRAME * 6)
        await pilot.press("left")
        await pilot.pause(answer_box.TYPING_FRAME * 6)
        await pilot.press("b")
        assert screen.answer_box.text == "ba"


async def test_submit_right_after_a_burst_grades_all_of_it(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        for key in [*_keys(LONG), events.Key("ctrl+s", None)]:
            app.post_message(key)
        await wait_until(pilot, lambda: screen.phase == "graded", "the grade")
    assert [answer.text for answer in make_app.store.answers()] == [LONG]


async def test_a_kill_keeps_keys_not_inserted_yet(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A frame that never ends: the keys stay gathered, as if the kill came within the frame.
    monkeypatch.setattr(answer_box, "TYPING_FRAME", 3600.0)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        for key in _keys("草稿 draft"):
            app.post_message(key)
        await pilot.pause()
        assert screen.answer_box.text == "草"  # the first at once, the rest gathered
        app.interrupted(signal.SIGTERM)  # what a kill, or a closed terminal, calls
        await pilot.pause()
    assert [answer.text for answer in make_app.store.ungraded()] == ["草稿 draft"]


async def test_an_answer_over_the_limit_is_refused_and_kept(make_app: AppFactory) -> None:
    app = make_app()
    huge = "正则化限制模型复杂度" * 5_000  # 50,000 Chinese characters: 146 KB of UTF-8
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        app.post_message(events.Paste(huge))
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Not submitted: the answer is 146 KB" in screen_text(app)
        assert "at most 64 KB" in screen_text(app)
        assert screen.phase == "answering" and screen.answer_box.text == huge
    assert make_app.store.answers() == []
