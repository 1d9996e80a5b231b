"""The interview screen: a question, the answer box, grading with a spinner, the result
(grade, follow-up, reference, related notes), and moving on."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from interviewer.answer_limit import answer_size_problem
from interviewer.practice.queue import when
from interviewer.practice.scheduling import RATING_NAMES
from interviewer.tui.detached import Cancelled, wait_detached
from interviewer.tui.messages import AnswerGraded, GradingFailed, RelatedFound
from interviewer.tui.widgets.answer_box import AnswerBox
from interviewer.tui.widgets.follow_up import FollowUp
from interviewer.tui.widgets.grade_view import GradeView
from interviewer.tui.widgets.question_card import QuestionCard
from interviewer.tui.widgets.rating import RatingLine
from interviewer.tui.widgets.reference import ReferenceAnswer
from interviewer.tui.widgets.related_notes import RelatedNotes
from interviewer.tui.widgets.spinner import Spinner

if TYPE_CHECKING:
    from interviewer.notes.model import Question
    from interviewer.practice.session import GradeJob, Interview
    from interviewer.tui.backends import Backends

Phase = Literal["answering", "graded"]
SHORT_SCREEN = 24
"""Rows below which the question and the answer give up room to the grade."""
GRADING_TEXT = "Grading your answer… it is already saved; esc cancels"
ANSWER_PLACEHOLDER = (
    "Type your answer here (中文 or English). ctrl+s submits · ctrl+r shows the reference · "
    "ctrl+g skips"
)


class InterviewScreen(Screen[None]):
    """One question at a time, answered, graded and explained."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "submit", "Submit"),
        Binding("ctrl+r", "reveal", "Reference"),
        Binding("ctrl+g", "skip", "Skip"),
        Binding("ctrl+n", "next", "Next"),
        Binding("escape", "cancel", "Cancel grading"),
        # As in Anki: how well you recalled it, overriding the rating the score gave.
        *(Binding(str(n), f"rate({n})", "Rate", show=False) for n in (1, 2, 3, 4)),
    ]

    def __init__(
        self, interview: Interview, backends: Backends, due_today: int | None = None
    ) -> None:
        super().__init__()
        self.interview = interview
        self.backends = backends
        self.due_today = due_today
        self.phase: Phase = "answering"
        self.grading: GradeJob | None = None
        self._saved_answer: str | None = None
        self._related_for: str | None = None

    def compose(self) -> ComposeResult:
        """Question, notice, answer box, spinner, result, footer."""
        yield QuestionCard(id="question")
        yield Static(id="notice")
        with Vertical(id="answer-pane"):
            yield AnswerBox(id="answer", placeholder=ANSWER_PLACEHOLDER)
            yield Spinner(GRADING_TEXT, id="spinner")
            yield Static(id="status")
            # Outside the result's scroll: the rating keys are in view however long it is.
            yield RatingLine(id="rating")
        with VerticalScroll(id="result"):
            yield GradeView(id="grade")
            yield FollowUp(id="follow-up")
            yield ReferenceAnswer(id="reference")
            yield RelatedNotes(id="related")
        yield Footer()

    def on_mount(self) -> None:
        """Show the first question and say how grading will work."""
        self.show_notice(self.backends.notice())
        self.load_turn()

    def on_resize(self, event: events.Resize) -> None:
        """On a short terminal the graded view squeezes the rest, so the score stays in view."""
        self.set_class(event.size.height < SHORT_SCREEN, "-short")

    # -- what is on screen -----------------------------------------------------------

    @property
    def answer_box(self) -> AnswerBox:
        """The main answer box."""
        return self.query_one("#answer", AnswerBox)

    def show_notice(self, text: str | None) -> None:
        """A calm one-line notice (offline grading, a fallback), or none."""
        notice = self.query_one("#notice", Static)
        notice.update(f"ℹ {text}" if text else "")
        notice.display = bool(text)

    def set_status(self, text: str = "") -> None:
        """The hint line under the answer box."""
        status = self.query_one("#status", Static)
        status.update(text)
        status.display = bool(text)

    def _set_phase(self, phase: Phase) -> None:
        self.phase = phase
        self.set_class(phase == "graded", "-graded")
        self.refresh_bindings()

    def _set_grading(self, job: GradeJob | None) -> None:
        self.grading = job
        self.query_one("#spinner", Spinner).display = job is not None
        if self.phase == "answering":
            self.answer_box.read_only = job is not None
        else:
            done = self.interview.current.follow_up_grade is not None
            self.query_one(FollowUp).answer_box.read_only = job is not None or done
        self.refresh_bindings()

    def load_turn(self) -> None:
        """Put the current question on screen with an empty answer box."""
        turn = self.interview.show()
        self.query_one(QuestionCard).show(turn, len(self.interview.turns), self.due_today)
        prepare = getattr(self.app, "prepare_question", None)
        if prepare is not None:
            prepare(turn.question)
        box = self.answer_box
        box.text = ""
        box.read_only = False
        self._saved_answer = None
        self._related_for = None
        self.remove_class("-revealed")
        self._set_phase("answering")
        self._set_grading(None)
        self.query_one("#grade", GradeView).display = False
        self.query_one(RatingLine).display = False
        self.query_one(FollowUp).display = False
        self.set_status()
        self.query_one("#result", VerticalScroll).scroll_home(animate=False)
        box.focus()

    def _show_reference(self, question: Question) -> None:
        self.query_one(ReferenceAnswer).show(question)
        if self._related_for != question.id:
            self._related_for = question.id
            self.query_one(RelatedNotes).waiting()
            self.find_related(question)

    def draft(self) -> str:
        """Text typed but not submitted (the answer or the follow-up), else ''."""
        turn = self.interview.current
        if self.phase == "answering":
            text = self.answer_box.answer
            return "" if not text.strip() or text == self._saved_answer else text
        follow_up = self.query_one(FollowUp).answer_box.answer
        if turn.grade and turn.grade.follow_up and turn.follow_up_id is None:
            return follow_up if follow_up.strip() else ""
        return ""

    def save_draft(self) -> None:
        """Keep the unsubmitted text in the history (ungraded, offered for grading later)."""
        if self.phase == "answering":
            self.interview.submit(self.answer_box.answer)
        else:
            self.interview.submit_follow_up(self.query_one(FollowUp).answer_box.answer)

    # -- actions ---------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer only the keys that do something now (the footer follows)."""
        turn = self.interview.current
        busy = self.grading is not None
        if action == "submit":
            if self.phase == "graded":
                has_follow_up = bool(turn.grade and turn.grade.follow_up)
                return has_follow_up and turn.follow_up_grade is None and not busy
            return not busy
        if action in ("reveal", "skip"):
            return self.phase == "answering" and not busy
        if action == "next":
            return not busy
        if action == "cancel":
            return busy
        if action == "rate":
            return self.phase == "graded" and turn.grade is not None
        return True

    def action_submit(self) -> None:
        """Save the answer (or the follow-up's) and grade it in the background."""
        if self.phase == "graded":
            text = self.query_one(FollowUp).answer_box.answer
            if not text.strip():
                self.set_status("Type your answer to the follow-up first (tab to its box).")
                return
            if self._too_long(text):
                return
            job = self.interview.submit_follow_up(text)
        else:
            text = self.answer_box.answer
            if not text.strip():
                self.set_status("Type an answer first, or ctrl+g to skip the question.")
                return
            if self._too_long(text):
                return
            job = self.interview.submit(text)
            self._saved_answer = text
        self.set_status()
        self._set_grading(job)
        self.grade_in_background(job)

    def _too_long(self, text: str) -> bool:
        problem = answer_size_problem(text)
        if problem:
            self.set_status(f"Not submitted: {problem}. Shorten it and press ctrl+s again.")
        return problem is not None

    def action_reveal(self) -> None:
        """Show the reference answer before answering (recorded as peeked)."""
        self.interview.peek()
        self.add_class("-revealed")
        self._show_reference(self.interview.current.question)
        self.set_status("The reference is shown: this question is marked as peeked.")

    def action_skip(self) -> None:
        """Skip this question."""
        self.interview.skip()
        self._move_on()

    def action_next(self) -> None:
        """The next question, or the summary after the last one; before an answer, a skip
        (unless one is typed: it is not thrown away unasked)."""
        if self.phase == "answering":
            if self.answer_box.answer.strip():
                self.set_status("Your answer is not graded yet: ctrl+s grades it, ctrl+g "
                                "skips the question.")
                return
            self.interview.skip()
        self._move_on()

    def action_rate(self, rating: int) -> None:
        """The candidate's own rating of the answer; the next review moves with it."""
        card = self.interview.rate(rating)
        now = self.interview.store.now()
        self.query_one(RatingLine).show(self.interview.current, now)
        self.notify(f"Rated {RATING_NAMES[rating]}: next review {when(card.due, now)}")

    def action_cancel(self) -> None:
        """Stop waiting for a slow grade; the answer stays saved."""
        job = self.grading
        if job is None:
            return
        self.workers.cancel_group(self, "grade")
        self._set_grading(None)
        if job.kind == "answer":
            self.set_status(
                "Grading cancelled. Your answer is saved: ctrl+s grades it again, "
                "ctrl+g skips the question."
            )
        else:
            self.set_status("Grading of the follow-up cancelled; its answer is saved.")

    def _move_on(self) -> None:
        if self.interview.advance():
            self.load_turn()
            return
        from interviewer.tui.screens.summary import SummaryScreen

        self.app.push_screen(SummaryScreen(self.interview.finish()))

    # -- workers and what they report ------------------------------------------------

    @work(thread=True, exclusive=True, group="grade", exit_on_error=False)
    def grade_in_background(self, job: GradeJob) -> None:
        """Grade a saved answer off the UI thread."""
        try:
            grade, seconds = wait_detached(lambda: self.backends.grade(job), "grade")
        except Cancelled:
            return
        except Exception as exc:  # any grader failure: the answer is saved, say so calmly
            self.post_message(GradingFailed(job, f"{type(exc).__name__}: {exc}"))
            return
        self.interview.record_grade(job, grade, seconds)
        self.post_message(AnswerGraded(job, grade, seconds))

    @work(thread=True, group="related", exit_on_error=False)
    def find_related(self, question: Question) -> None:
        """Look up related notes (waits for the index to open)."""
        try:
            hits, problem = wait_detached(lambda: self.backends.related(question), "related")
        except Cancelled:
            return
        self.post_message(RelatedFound(question.id, hits, problem))

    @on(AnswerGraded)
    def _answer_graded(self, message: AnswerGraded) -> None:
        turn = self.interview.current
        if message.job is self.grading:
            self._set_grading(None)
        if message.grade.notice:
            self.show_notice(message.grade.notice)
        if message.job.kind == "answer" and message.job.answer_id == turn.answer_id:
            self._show_result(turn.question)
        elif message.job.kind == "follow_up" and message.job.answer_id == turn.follow_up_id:
            self.query_one(FollowUp).graded(message.grade)
            self.refresh_bindings()

    def _show_result(self, question: Question) -> None:
        turn = self.interview.current
        grade = turn.grade
        if grade is None:
            return
        self.answer_box.read_only = True
        self._set_phase("graded")
        view = self.query_one("#grade", GradeView)
        view.show(grade)
        view.display = True
        rating = self.query_one(RatingLine)
        rating.show(turn, self.interview.store.now())
        rating.display = turn.rating is not None
        follow_up = self.query_one(FollowUp)
        follow_up.display = bool(grade.follow_up)
        if grade.follow_up:
            follow_up.ask(grade.follow_up)
        self._show_reference(question)
        then = "the summary" if self.interview.is_last else "the next question"
        hint = f"ctrl+n: {then}"
        if grade.follow_up:
            hint += " · a follow-up question waits below: tab to its box to answer it"
        self.set_status(hint)
        # Read from the top (the score) first; the follow-up box is one tab away.
        result = self.query_one("#result", VerticalScroll)
        result.scroll_home(animate=False)
        result.focus()

    @on(GradingFailed)
    def _grading_failed(self, message: GradingFailed) -> None:
        if message.job is self.grading:
            self._set_grading(None)
        self.set_status(
            f"Could not grade ({message.problem}). Your answer is saved: ctrl+s tries again."
        )

    @on(RelatedFound)
    def _related_found(self, message: RelatedFound) -> None:
        if message.question_id == self.interview.current.question.id:
            self.query_one(RelatedNotes).show(message.hits, message.problem)
