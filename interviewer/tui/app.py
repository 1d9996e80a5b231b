"""The interview app: puts the first question on screen at once, warms the slow parts in
a worker, grades earlier answers left ungraded, and asks before losing a draft."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import os
import signal
import threading
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from interviewer.practice.session import Summary, job_for
from interviewer.tui.detached import Cancelled, wait_detached
from interviewer.tui.messages import EarlierAnswerGraded
from interviewer.tui.screens.interview import InterviewScreen
from interviewer.tui.screens.pending import PendingScreen
from interviewer.tui.screens.quit import QuitChoice, QuitScreen
from interviewer.tui.widgets.grade_view import format_score

if TYPE_CHECKING:
    from interviewer.notes.model import Question
    from interviewer.practice.session import Interview
    from interviewer.practice.store import StoredAnswer
    from interviewer.tui.backends import Backends

HANGUP_GRACE_SECONDS = 5.0
"""After the terminal is gone (SIGHUP) and the draft is saved, the process ends within this
long even if Textual's shutdown never returns."""

# Palette entries for the interview screen: title, help, action (offered when enabled).
PALETTE: tuple[tuple[str, str, str], ...] = (
    ("Submit answer", "Save and grade the answer (ctrl+s)", "submit"),
    ("Show reference answer", "Reveal the notes' answer; marks the question peeked (ctrl+r)",
     "reveal"),
    ("Skip question", "Move on without answering (ctrl+g)", "skip"),
    ("Next question", "Go to the next question or the summary (ctrl+n)", "next"),
    ("Cancel grading", "Stop waiting for the grade; the answer stays saved (esc)", "cancel"),
)


class InterviewApp(App[Summary | None]):
    """A mock interview in the terminal; returns its summary."""

    CSS_PATH = "interviewer.tcss"
    TITLE = "interviewer"
    # Not a priority binding (Textual's default is): keys reach the answer box through its
    # message queue, and ctrl+q must queue behind them, or a draft typed just before
    # ctrl+q would not be in the box yet when quitting checks for one.
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+q", "quit", "Quit")]

    def __init__(
        self,
        interview: Interview,
        backends: Backends,
        *,
        earlier: Sequence[StoredAnswer] = (),
        greeting: str | None = None,
        warm: bool = True,
        due_today: int | None = None,
    ) -> None:
        super().__init__()
        self.due_today = due_today
        self.interview = interview
        self.backends = backends
        self.earlier = list(earlier)
        self.greeting = greeting
        self._warm = warm

    def get_default_screen(self) -> Screen[None]:
        """The interview itself is the first screen: no blank frame before the question."""
        return InterviewScreen(self.interview, self.backends, due_today=self.due_today)

    def on_mount(self) -> None:
        """Catch kill, ctrl+c from outside and a closed terminal, so a draft is not lost."""
        loop = asyncio.get_running_loop()
        for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                # Not on Windows, nor off the main thread (Pilot tests): nothing to catch there.
                loop.add_signal_handler(number, self.interrupted, number)

    def interrupted(self, number: int) -> None:
        """A signal asks us to stop: keep the unsubmitted answer in the history, then leave."""
        screen = self._interview_screen()
        if screen is not None and screen.draft():
            screen.save_draft()
        if number == signal.SIGHUP:
            # With its terminal closed, Textual's shutdown can wait forever for its output
            # thread (seen when tmux sessions were killed while the warm-up worker ran e5:
            # the apps lived on at 30% CPU each). The draft is saved: end regardless.
            watchdog = threading.Timer(HANGUP_GRACE_SECONDS, self.hard_exit, (128 + number,))
            watchdog.daemon = True
            watchdog.start()
        self.exit(self.interview.finish(), return_code=128 + number)

    def hard_exit(self, code: int) -> None:
        """End the process now, without cleaning up (what is kept is already saved)."""
        os._exit(code)

    def on_ready(self) -> None:
        """After the first frame: load the slow parts, then offer the ungraded answers."""
        if self._warm:
            self.warm_up()
        if self.greeting:
            self.notify(self.greeting)
        if self.earlier:
            self.push_screen(PendingScreen(self.earlier), self._earlier_answered)

    @work(thread=True, group="warm", exit_on_error=False)
    def warm_up(self) -> None:
        """Import and open jieba, the grader and the index while the candidate reads."""
        try:
            wait_detached(self.backends.warm, "warm-up")
        except Cancelled:
            return
        except Exception as exc:  # each part reports its own problem where it is used
            self.log.warning(f"warm-up: {type(exc).__name__}: {exc}")

    def prepare_question(self, question: Question) -> None:
        """A question is on screen: warm the grader for it (unless warming is off)."""
        if self._warm:
            self.warm_question(question)

    @work(thread=True, group="warm-question", exclusive=True, exit_on_error=False)
    def warm_question(self, question: Question) -> None:
        """Prepare the grader for the question on screen while the candidate reads it."""
        try:
            wait_detached(lambda: self.backends.warm_question(question), "question warm-up")
        except Cancelled:
            return
        except Exception as exc:  # the grade itself reports a problem where it happens
            self.log.warning(f"question warm-up: {type(exc).__name__}: {exc}")

    def _earlier_answered(self, grade_now: bool | None) -> None:
        if grade_now:
            self.grade_earlier(list(self.earlier))
            self.notify(f"Grading {len(self.earlier)} earlier answer(s) in the background…")
        self.earlier = []

    @work(thread=True, group="earlier", exit_on_error=False)
    def grade_earlier(self, answers: list[StoredAnswer]) -> None:
        """Grade answers an earlier interview left ungraded, one after another."""
        for stored in answers:
            job = job_for(stored, self.backends.bank)
            if job is None:
                problem = "its question is not in the notes in use"
                self.post_message(EarlierAnswerGraded(stored, None, problem))
                continue
            try:
                grade, seconds = wait_detached(functools.partial(self.backends.grade, job))
            except Cancelled:
                return
            except Exception as exc:  # one bad answer must not stop the others
                self.post_message(EarlierAnswerGraded(stored, None, f"{exc}"))
                continue
            self.interview.store.save_grade(stored.id, grade, seconds)
            self.post_message(EarlierAnswerGraded(stored, grade, None))

    @on(EarlierAnswerGraded)
    def _earlier_graded(self, message: EarlierAnswerGraded) -> None:
        title = message.stored.prompt
        if message.grade is None:
            self.notify(f"Could not grade “{title}”: {message.problem}", severity="warning")
        else:
            score = format_score(message.grade.score)
            self.notify(f"Earlier answer to “{title}”: {score}/10", title="Graded")

    # -- quitting --------------------------------------------------------------------

    def _interview_screen(self) -> InterviewScreen | None:
        return next((s for s in self.screen_stack if isinstance(s, InterviewScreen)), None)

    async def action_quit(self) -> None:
        """Quit; with an unsubmitted answer, ask first (a second ctrl+q keeps it)."""
        screen = self._interview_screen()
        if screen is not None and screen.draft():
            self.push_screen(QuitScreen(), self._quit_chosen)
            return
        self._leave()

    def _quit_chosen(self, choice: QuitChoice | None) -> None:
        if choice is None:
            return
        screen = self._interview_screen()
        if choice == "save" and screen is not None:
            screen.save_draft()
        self._leave()

    def _leave(self) -> None:
        self.exit(self.interview.finish())

    # -- command palette -------------------------------------------------------------

    def action_stats(self) -> None:
        """Show progress over weeks (stats of the notes in use)."""
        from interviewer.tui.screens.stats import StatsScreen

        if not isinstance(self.screen, StatsScreen):
            self.push_screen(StatsScreen(self.interview.store, self.backends.bank.questions))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own commands plus the interview's actions that are enabled now."""
        yield from super().get_system_commands(screen)
        yield SystemCommand(
            "Show progress stats",
            "Answers and scores per topic over weeks, weakest topics, what falls due",
            self.action_stats,
        )
        if isinstance(screen, InterviewScreen):
            for title, help_text, action in PALETTE:
                if screen.check_action(action, ()):
                    yield SystemCommand(title, help_text, getattr(screen, f"action_{action}"))
        if self.earlier:
            yield SystemCommand(
                "Grade earlier answers",
                "Grade the answers an earlier interview left ungraded",
                functools.partial(self._earlier_answered, True),
            )
