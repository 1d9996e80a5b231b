"""Picking interview questions and recording what happens to them."""

from __future__ import annotations

import dataclasses
import random
from collections import Counter
from pathlib import Path

import pytest

from interviewer.errors import InterviewerError, UsageError
from interviewer.grading.model import Grade, RubricItem
from interviewer.practice.session import (
    Interview,
    filtered,
    follow_up_question,
    job_for,
    need_for,
    plan,
)
from interviewer.practice.store import HISTORY_FILE, HistoryStore, Review
from interviewer.topic_choice import select_topic
from interviewer.topics import load_glossary

DAY = 86400.0
NOW = 1_800_000_000.0


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, start: float = NOW) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


def _grade(question_id: str, score: float, follow_up: str = "还有呢？") -> Grade:
    return Grade(
        question_id=question_id,
        score=score,
        verdict="good" if score >= 7 else "weak",
        rubric=[
            RubricItem(point="正则化", status="covered", evidence="L2"),
            RubricItem(point="数据增强", status="missed"),
        ],
        missing=["数据增强"],
        feedback="ok",
        follow_up=follow_up,
        grader="keyword",
    )


@pytest.fixture
def store(tmp_path: Path) -> HistoryStore:
    opened = HistoryStore(tmp_path / HISTORY_FILE)
    yield opened
    opened.close()


# -- which questions -------------------------------------------------------------------


def test_candidates_are_starred_unless_min_stars_is_zero(bundled_bank) -> None:
    starred = filtered(bundled_bank.questions, 1, None)
    everything = filtered(bundled_bank.questions, 0, None)
    assert all(q.stars >= 1 for q in starred)
    assert len(everything) == len(bundled_bank.questions) > len(starred)


def test_candidates_follow_the_topic(bundled_bank) -> None:
    match = select_topic(bundled_bank.questions, "overfitting", load_glossary())
    chosen = filtered(bundled_bank.questions, 1, match)
    assert chosen and all("过拟合" in q.title or "overfitting" in q.topics for q in chosen)


def test_unknown_topic_is_a_usage_error(bundled_bank) -> None:
    with pytest.raises(UsageError, match="overfiting"):
        select_topic(bundled_bank.questions, "overfiting", load_glossary())


def test_no_candidates_says_what_to_try(bundled_bank) -> None:
    with pytest.raises(InterviewerError, match="--min-stars 0"):
        filtered(bundled_bank.questions, 5, None)


def test_plan_never_repeats_and_respects_count(bundled_bank) -> None:
    pool = bundled_bank.questions
    for seed in range(20):
        picked = plan(pool, 5, [], NOW, random.Random(seed))
        assert len(picked) == 5
        assert len({q.id for q in picked}) == 5
    assert len(plan(pool[:2], 5, [], NOW, random.Random(0))) == 2


def test_plan_asks_a_question_written_twice_once(bundled_bank) -> None:
    # Notes with a block pasted twice (the walk9c walkthrough's real file repeats ten
    # questions): one interview asked both copies of a question.
    original = bundled_bank.questions[:3]
    twins = [dataclasses.replace(q, id=f"{q.id}-2", line=q.line + 1000) for q in original]
    pool = [*original, *twins]
    for seed in range(30):
        picked = plan(pool, 4, [], NOW, random.Random(seed))
        assert len({q.wording for q in picked}) == len(picked) == 3


def _firsts(pool, reviews, draws: int = 3000) -> Counter[str]:
    rng = random.Random(7)
    return Counter(plan(pool, 1, reviews, NOW, rng)[0].id for _ in range(draws))


def test_plan_is_weighted_by_stars(bundled_bank) -> None:
    base = bundled_bank.questions[0]
    one = dataclasses.replace(base, id="one", stars=1)
    four = dataclasses.replace(base, id="four", stars=4)
    counts = _firsts([one, four], [])
    assert 2.5 < counts["four"] / counts["one"] < 6


def test_plan_prefers_questions_not_answered_well_recently(bundled_bank) -> None:
    base = bundled_bank.questions[0]
    fresh = dataclasses.replace(base, id="fresh", stars=3)
    mastered = dataclasses.replace(base, id="mastered", stars=3)
    botched = dataclasses.replace(base, id="botched", stars=3)
    reviews = [
        Review("mastered", NOW - 3600, 9.5, False, False),
        Review("botched", NOW - 2 * DAY, 1.0, False, False),
    ]
    counts = _firsts([fresh, mastered, botched], reviews)
    assert counts["mastered"] < counts["botched"] / 3
    assert counts["mastered"] < counts["fresh"] / 3


def test_need_for_practice() -> None:
    assert need_for([], NOW) == 1.0
    good = need_for([Review("q", NOW - DAY, 9.0, False, False)], NOW)
    bad = need_for([Review("q", NOW - DAY, 2.0, False, False)], NOW)
    skipped = need_for([Review("q", NOW - DAY, None, True, False)], NOW)
    peeked = need_for([Review("q", NOW - DAY, 9.0, False, True)], NOW)
    assert good < peeked < bad
    assert skipped == pytest.approx(bad)
    assert need_for([Review("q", NOW - DAY, None, False, False)], NOW) == 1.0
    later = need_for([Review("q", NOW - 30 * DAY, 9.0, False, False)], NOW)
    assert later > good


# -- recording -------------------------------------------------------------------------


def _interview(store: HistoryStore, bank, clock: Clock, count: int = 3) -> Interview:
    questions = [bank.get(f"deep_learning_basics-{n:02d}") for n in (11, 12, 13)][:count]
    return Interview(store, questions, topic="overfitting", min_stars=1, clock=clock)


def test_answer_is_saved_before_grading_and_grade_after(store, bundled_bank) -> None:
    clock = Clock()
    interview = _interview(store, bundled_bank, clock)
    interview.show()
    clock.now += 40
    job = interview.submit("用正则化")
    [pending] = store.ungraded()
    assert pending.id == job.answer_id and pending.answer_seconds == 40
    assert job.question.id == "deep_learning_basics-11"
    interview.record_grade(job, _grade(job.question.id, 6.0), seconds=0.2)
    assert store.ungraded() == []
    assert interview.current.grade is not None and interview.current.grade.score == 6.0


def test_resubmitting_after_a_cancel_revises_the_same_answer(store, bundled_bank) -> None:
    interview = _interview(store, bundled_bank, Clock())
    first = interview.submit("draft one")
    second = interview.submit("draft two")
    assert first.answer_id == second.answer_id
    assert [a.text for a in store.answers()] == ["draft two"]


def test_follow_up_is_graded_on_the_missed_points(store, bundled_bank) -> None:
    interview = _interview(store, bundled_bank, Clock())
    job = interview.submit("用正则化")
    with pytest.raises(InterviewerError):
        interview.submit_follow_up("too early")
    interview.record_grade(job, _grade(job.question.id, 5.0, follow_up="数据增强怎么做？"))
    follow = interview.submit_follow_up("翻转、裁剪")
    assert follow.kind == "follow_up"
    assert follow.question.title == "数据增强怎么做？"
    assert follow.question.key_points == ("数据增强",)
    assert follow.question.id == job.question.id
    interview.record_grade(follow, _grade(job.question.id, 8.0))
    assert interview.current.follow_up_grade is not None
    stored = store.answer(follow.answer_id)
    assert stored is not None
    rebuilt = job_for(stored, bundled_bank)
    assert rebuilt is not None and rebuilt.question == follow.question


LONG_POINT = "减少神经元之间复杂的共适应性（prevents units from co-adapting too much）"


@pytest.mark.parametrize(
    ("follow_up", "rubric", "expected"),
    [
        (
            "关于「Dropout」，为什么有效？",
            [("数据增强", "missed"), ("Dropout", "partly"), ("正则化", "covered")],
            ("Dropout",),
        ),
        (
            "关于「减少神经元之间复杂的共适应性（prevents uni…」，能解释吗？",
            [(LONG_POINT, "partly"), ("模型融合", "covered")],
            (LONG_POINT,),
        ),
        (
            "还有别的方法吗？",
            [("a", "missed"), ("b", "partly"), ("c", "missed"), ("d", "missed"), ("e", "covered")],
            ("a", "b", "c"),
        ),
        ("还有别的方法吗？", [("a", "covered")], None),
    ],
)
def test_follow_up_points(
    bundled_bank, follow_up: str, rubric: list[tuple[str, str]], expected
) -> None:
    question = bundled_bank.get("deep_learning_basics-11")
    items = [RubricItem(point=point, status=status) for point, status in rubric]
    grade = _grade(question.id, 5.0, follow_up=follow_up).model_copy(
        update={"rubric": items, "missing": []}
    )
    asked = follow_up_question(question, grade)
    assert asked.title == follow_up
    assert asked.key_points == (expected if expected is not None else question.key_points)


def test_job_for_an_answer_whose_question_left_the_notes(store, bundled_bank) -> None:
    interview = _interview(store, bundled_bank, Clock())
    interview.submit("x")
    stored = store.answers()[0]
    assert job_for(dataclasses.replace(stored, question_id="gone-01"), bundled_bank) is None


def test_summary_scores_time_weak_topics_and_advice(store, bundled_bank) -> None:
    clock = Clock()
    interview = _interview(store, bundled_bank, clock)
    interview.peek()
    job = interview.submit("用正则化")
    interview.record_grade(job, _grade(job.question.id, 3.0))
    assert interview.advance()
    job = interview.submit("dropout 随机丢弃")
    interview.record_grade(job, _grade(job.question.id, 9.0))
    assert interview.advance()
    interview.skip()
    assert not interview.advance()
    clock.now += 300
    summary = interview.finish()
    assert [item.score for item in summary.items] == [3.0, 9.0, None]
    assert [item.skipped for item in summary.items] == [False, False, True]
    assert summary.items[0].peeked
    assert summary.average == 6.0
    assert summary.seconds == 300
    weakest = [topic for topic, _ in summary.weakest_topics]
    assert weakest[0] in bundled_bank.get("deep_learning_basics-13").topics
    assert any("数据增强" in advice for advice in summary.practise)
    assert any("--topic" in advice for advice in summary.practise)
    [saved] = store.sessions()
    assert saved["summary"]["average"] == 6.0
    assert interview.finish() is summary


def test_an_interview_needs_questions(store) -> None:
    with pytest.raises(InterviewerError):
        Interview(store, [])


def test_practise_advice_names_the_missed_points_briefly() -> None:
    from interviewer.practice.session import SummaryItem, practise_advice

    missed = (
        "Pods are scaled with kubectl scale.",
        "The replica count of the Deployment is what changes when you scale it up or down.",
        "线程池要有界。",
    )
    item = SummaryItem(1, "q-1", "How do you scale?", (), 1.0, "poor", False, False, None, missed)
    (line,) = practise_advice([item], [])
    assert line == (
        "How do you scale? — revisit: Pods are scaled with kubectl scale; "
        "The replica count of the Deployment is…; 线程池要有界"
    )
