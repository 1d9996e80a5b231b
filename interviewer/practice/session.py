"""An interview: which questions to ask, and what happened to each (answers, grades,
skips, peeks), kept in the history store. No UI here: the TUI drives it."""

from __future__ import annotations

import dataclasses
import random
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from interviewer.commands import command
from interviewer.errors import InterviewerError
from interviewer.practice.scheduling import CardState, need_for, rating_for
from interviewer.practice.store import AnswerKind, HistoryStore, Review
from interviewer.topic_choice import TopicMatch
from interviewer.topics import typable_name

if TYPE_CHECKING:
    from interviewer.grading.model import Grade
    from interviewer.notes import QuestionBank
    from interviewer.notes.model import Question
    from interviewer.practice.store import StoredAnswer

GOOD_SCORE = 7.0
FOLLOW_UP_POINTS = 3
FOLLOW_UP_MATCH_CHARS = 10
# Weight of a question that was just answered well, relative to 1 for an overdue one:
# recently mastered questions still come up now and then.
_FLOOR = 0.1


def filtered(
    questions: Sequence[Question],
    min_stars: int,
    match: TopicMatch | None,
    difficulty: str | None = None,
) -> list[Question]:
    """The questions of a topic (all when None) with enough stars and of the difficulty;
    an error saying what to try when none is left."""
    chosen = [
        q for q in (match.questions if match else questions)
        if q.stars >= min_stars and (difficulty is None or q.difficulty == difficulty)
    ]
    if not chosen:
        about = f" about {match.name!r}" if match else ""
        level = f" marked {difficulty}" if difficulty else ""
        hint = "; try --min-stars 0" if min_stars > 0 else ""
        stars = f" with at least {min_stars} star(s)" if min_stars > 0 else ""
        raise InterviewerError(f"no questions{about}{level}{stars}{hint}")
    return chosen


def plan(
    pool: Sequence[Question],
    count: int,
    reviews: Sequence[Review],
    now: float,
    rng: random.Random | None = None,
) -> list[Question]:
    """Pick `count` different questions, weighted by stars and by need of practice; of a
    question written twice in the notes, one copy."""
    rng = rng or random.Random()
    by_question: dict[str, list[Review]] = {}
    for review in reviews:
        by_question.setdefault(review.question_id, []).append(review)
    keyed = []
    for question in pool:
        need = need_for(by_question.get(question.id, []), now)
        weight = max(question.stars, 0.5) * (_FLOOR + need)
        # Efraimidis-Spirakis: weighted sampling without replacement in one pass.
        keyed.append((rng.random() ** (1.0 / weight), question))
    keyed.sort(key=lambda item: -item[0])
    picked: list[Question] = []
    asked: set[tuple[str, ...]] = set()
    for _, question in keyed:
        if len(picked) == count:
            break
        wording = question.wording or (question.id,)
        if wording not in asked:
            asked.add(wording)
            picked.append(question)
    return picked


def follow_up_question(question: Question, grade: Grade) -> Question:
    """The follow-up as a question of its own, graded on the weak points it asks about
    (or, when it names none, the first few points the answer did not cover)."""
    weak = [item.point for item in grade.rubric if item.status != "covered"] or list(grade.missing)
    # Graders shorten long points when they quote them: a point is named by its start.
    named = tuple(p for p in weak if p[:FOLLOW_UP_MATCH_CHARS] in grade.follow_up)
    points = named or tuple(weak[:FOLLOW_UP_POINTS]) or question.key_points
    return _as_follow_up(question, grade.follow_up, points)


def _as_follow_up(question: Question, prompt: str, points: Sequence[str]) -> Question:
    # The same id: the grade belongs to the question, and graders that look for "a better
    # matching question" in the bank must not find the original one.
    return dataclasses.replace(question, title=prompt, key_points=tuple(points), follow_up=True)


@dataclass(frozen=True)
class GradeJob:
    """An answer saved in the history, waiting for its grade."""

    answer_id: int
    question: Question
    text: str
    kind: AnswerKind = "answer"


def job_for(stored: StoredAnswer, bank: QuestionBank) -> GradeJob | None:
    """The grade job of an answer from the history; None when its question is not in
    the notes in use."""
    question = bank.get(stored.question_id)
    if question is None:
        return None
    if stored.kind == "follow_up":
        points = stored.key_points if stored.key_points is not None else question.key_points
        question = _as_follow_up(question, stored.prompt, points)
    return GradeJob(stored.id, question, stored.text, stored.kind)


@dataclass
class Turn:
    """One question of the interview and what happened to it."""

    position: int
    question: Question
    asked_id: int | None = None
    shown_at: float | None = None
    peeked: bool = False
    skipped: bool = False
    answer_id: int | None = None
    grade: Grade | None = None
    follow_up_id: int | None = None
    follow_up_grade: Grade | None = None
    rating: int | None = None
    rated_by_self: bool = False
    card: CardState | None = None


@dataclass(frozen=True)
class SummaryItem:
    """How one question went."""

    position: int
    question_id: str
    title: str
    topics: tuple[str, ...]
    score: float | None
    verdict: str | None
    skipped: bool
    peeked: bool
    follow_up_score: float | None
    missing: tuple[str, ...]


@dataclass(frozen=True)
class Summary:
    """The end of an interview: scores, average, time, weak topics, what to practise."""

    items: list[SummaryItem]
    average: float | None
    seconds: float
    weakest_topics: list[tuple[str, float]] = field(default_factory=list)
    practise: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The summary as saved with the session."""
        return {
            "items": [dataclasses.asdict(item) for item in self.items],
            "average": self.average,
            "seconds": round(self.seconds, 1),
            "weakest_topics": [{"topic": t, "average": s} for t, s in self.weakest_topics],
            "practise": self.practise,
        }


def practise_advice(
    items: Sequence[SummaryItem], weakest: Sequence[tuple[str, float]]
) -> list[str]:
    """What to practise next: the weakest answers' gaps, then a command to drill the
    weakest topic (quoted, by the name people type)."""
    weak = sorted(
        (item for item in items if item.skipped or (item.score or 0) < GOOD_SCORE),
        key=lambda item: item.score or 0,
    )
    advice = []
    for item in weak[:3]:
        if item.missing:
            points = "; ".join(_point_name(point) for point in item.missing[:3])
            advice.append(f"{item.title} — revisit: {points}")
        else:
            advice.append(f"{item.title} — read the reference answer again")
    if weakest:
        advice.append(f"drill the topic: {command('--topic', typable_name(weakest[0][0]))}")
    if not advice:
        advice.append("all answered well: try other topics, or --min-stars 0 for more questions")
    return advice


def _point_name(point: str, limit: int = 40) -> str:
    """A key point named in a line of advice: without its closing punctuation (the points
    are joined by "; "), and its opening when it is a long sentence."""
    point = point.strip().rstrip("。．.；;，,！!")
    return point if len(point) <= limit else point[: limit - 1].rstrip() + "…"


class Interview:
    """A mock interview over a list of questions, recording everything in the store."""

    def __init__(
        self,
        store: HistoryStore,
        questions: Sequence[Question],
        *,
        topic: str | None = None,
        min_stars: int = 1,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not questions:
            raise InterviewerError("an interview needs at least one question")
        self.store = store
        self.turns = [Turn(position, q) for position, q in enumerate(questions, start=1)]
        self.index = 0
        self._clock = clock
        self._lock = threading.Lock()
        self.started_at = clock()
        self.session_id = store.start_session(topic, len(self.turns), min_stars)
        self.finished: Summary | None = None

    @property
    def current(self) -> Turn:
        """The turn on screen."""
        return self.turns[self.index]

    @property
    def is_last(self) -> bool:
        """True on the last question."""
        return self.index == len(self.turns) - 1

    def show(self) -> Turn:
        """Record that the current question is on screen (once)."""
        turn = self.current
        if turn.asked_id is None:
            turn.asked_id = self.store.ask(self.session_id, turn.position, turn.question)
            turn.shown_at = self._clock()
        return turn

    def peek(self) -> None:
        """The candidate reveals the reference before answering."""
        turn = self.show()
        if not turn.peeked and turn.grade is None:
            turn.peeked = True
            self.store.mark_peeked(turn.asked_id or 0)

    def skip(self) -> None:
        """The candidate skips the current question."""
        turn = self.show()
        turn.skipped = True
        self.store.mark_skipped(turn.asked_id or 0)

    def submit(self, text: str) -> GradeJob:
        """Save the answer to the current question (before grading) and describe the job."""
        turn = self.show()
        seconds = self._clock() - (turn.shown_at or self._clock())
        if turn.answer_id is not None and turn.grade is None:
            # Submitted again after a cancelled grade: one answer, its latest words.
            self.store.revise_answer(turn.answer_id, text, seconds)
        else:
            turn.answer_id = self.store.save_answer(
                turn.asked_id or 0, text, prompt=turn.question.title, seconds=seconds
            )
        return GradeJob(turn.answer_id, turn.question, text)

    def submit_follow_up(self, text: str) -> GradeJob:
        """Save the answer to the follow-up question of the current turn."""
        turn = self.current
        if turn.grade is None or not turn.grade.follow_up:
            raise InterviewerError("there is no follow-up question to answer yet")
        question = follow_up_question(turn.question, turn.grade)
        if turn.follow_up_id is not None and turn.follow_up_grade is None:
            self.store.revise_answer(turn.follow_up_id, text)
        else:
            turn.follow_up_id = self.store.save_answer(
                turn.asked_id or 0,
                text,
                kind="follow_up",
                prompt=question.title,
                key_points=question.key_points,
            )
        return GradeJob(turn.follow_up_id, question, text, kind="follow_up")

    def record_grade(self, job: GradeJob, grade: Grade, seconds: float | None = None) -> None:
        """Save a grade and attach it to its turn; safe to call from a worker thread."""
        self.store.save_grade(job.answer_id, grade, seconds)
        cards = self.store.cards(job.question.id) if job.kind == "answer" else []
        with self._lock:
            for turn in self.turns:
                if turn.answer_id == job.answer_id:
                    turn.grade = grade
                    if not turn.rated_by_self:
                        turn.rating = rating_for(grade.score, peeked=turn.peeked)
                    turn.card = cards[0] if cards else None
                elif turn.follow_up_id == job.answer_id:
                    turn.follow_up_grade = grade

    def rate(self, rating: int) -> CardState:
        """The candidate's own rating (1 again … 4 easy) of the current graded answer;
        returns the rescheduled card."""
        turn = self.current
        if turn.answer_id is None or turn.grade is None:
            raise InterviewerError("only a graded answer can be rated")
        card = self.store.rate(turn.answer_id, rating)
        turn.rating, turn.rated_by_self, turn.card = rating, True, card
        return card

    def advance(self) -> bool:
        """Move to the next question; False when there is none."""
        if self.is_last:
            return False
        self.index += 1
        return True

    def summary(self) -> Summary:
        """How the interview went so far."""
        items = [
            SummaryItem(
                position=turn.position,
                question_id=turn.question.id,
                title=turn.question.title,
                topics=turn.question.topics,
                score=turn.grade.score if turn.grade else None,
                verdict=turn.grade.verdict if turn.grade else None,
                skipped=turn.skipped and turn.grade is None,
                peeked=turn.peeked,
                follow_up_score=turn.follow_up_grade.score if turn.follow_up_grade else None,
                missing=tuple(turn.grade.missing) if turn.grade else (),
            )
            for turn in self.turns
            if turn.asked_id is not None
        ]
        scores = [item.score for item in items if item.score is not None]
        average = round(sum(scores) / len(scores), 1) if scores else None
        by_topic: dict[str, list[float]] = {}
        for item in items:
            if item.score is None and not item.skipped:
                continue
            for topic in item.topics:
                by_topic.setdefault(topic, []).append(item.score or 0.0)
        topic_means = sorted(
            ((topic, round(sum(s) / len(s), 1)) for topic, s in by_topic.items()),
            key=lambda pair: pair[1],
        )
        weakest = [pair for pair in topic_means if pair[1] < GOOD_SCORE][:3]
        return Summary(
            items=items,
            average=average,
            seconds=self._clock() - self.started_at,
            weakest_topics=weakest,
            practise=practise_advice(items, weakest),
        )

    def finish(self) -> Summary:
        """End the interview and save its summary (once)."""
        if self.finished is None:
            self.finished = self.summary()
            self.store.finish_session(self.session_id, self.finished.to_json())
        return self.finished
