"""Stats on a known history: totals, weeks, topics, weakest, never answered, forecast,
streak; and `interviewer stats` in words, charts and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from practice_fixtures import DAY, MONDAY, Clock, open_store, qid, record, utc  # noqa: F401

from interviewer.cli.main import main
from interviewer.practice.stats import compute, streaks, week_of
from interviewer.practice.store import HISTORY_FILE

pytestmark = pytest.mark.usefixtures("utc")
TUESDAY_NEXT_WEEK = MONDAY + 8 * DAY + 3600  # 2026-12-08 10:00


@pytest.fixture
def history(isolated_env: Path, bundled_bank) -> Path:  # type: ignore[no-untyped-def]
    clock = Clock()
    store = open_store(isolated_env / HISTORY_FILE, clock)
    record(store, bundled_bank, clock)
    store.close()
    return isolated_env / HISTORY_FILE


def test_stats_of_the_fixture_history(history: Path, bundled_bank) -> None:
    store = open_store(history, Clock(TUESDAY_NEXT_WEEK))
    try:
        stats = compute(store, bundled_bank.questions, TUESDAY_NEXT_WEEK)
    finally:
        store.close()
    assert stats.today == "2026-12-08"
    assert (stats.answers, stats.average) == (6, 6.3)  # 3 8 9 5 7 6; the skip is no answer
    assert (stats.questions, stats.questions_answered) == (16, 4)
    assert {w: (b.answers, b.average) for w, b in stats.weeks.items()} == {
        "2026-11-30": (4, 6.2),  # 25 / 4 = 6.25
        "2026-12-07": (2, 6.5),
    }
    overfitting = next(t for t in stats.topics if t.topic == "overfitting")
    assert stats.topics[0] is overfitting  # most answered first
    assert (overfitting.answers, overfitting.average) == (4, 5.8)  # 3 8 5 7 → 5.75
    assert overfitting.latest_average == 7.5  # latest of q11 (7) and q12 (8)
    assert overfitting.questions_answered == 2
    assert {w: b.answers for w, b in overfitting.weeks.items()} == {
        "2026-11-30": 3, "2026-12-07": 1
    }
    assert [(t.topic, t.latest_average) for t in stats.weakest][:2] == [
        ("capacity", 6.0), ("overfitting", 7.5)
    ]
    never = [q.id for q in stats.never_answered]
    assert len(never) == 12 and qid(3) in never and qid(11) not in never
    assert (stats.streak, stats.longest_streak, stats.last_practised) == (1, 2, "2026-12-07")
    assert len(stats.forecast) == 14 and stats.forecast[0] == ("2026-12-08", stats.due_today)
    assert stats.due_today == 4
    assert sum(count for _, count in stats.forecast) == 5  # every card falls due within 14 days


@pytest.mark.parametrize(
    ("days", "today", "expected"),
    [
        ([], "2026-12-08", (0, 0)),
        (["2026-12-08"], "2026-12-08", (1, 1)),
        (["2026-12-06", "2026-12-07"], "2026-12-08", (2, 2)),  # today not over yet
        (["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-06"], "2026-12-08", (0, 3)),
    ],
)
def test_streaks(days: list[str], today: str, expected: tuple[int, int]) -> None:
    from datetime import date

    assert streaks(days, date.fromisoformat(today)) == expected


def test_week_starts_on_monday() -> None:
    assert week_of("2026-12-06") == "2026-11-30" and week_of("2026-12-07") == "2026-12-07"


def test_stats_json_and_topic(history: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("INTERVIEWER_NOW", "2026-12-08T10:00:00+00:00")
    assert main(["stats", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["answers"] == 6 and data["streak"] == {
        "current": 1, "longest": 2, "last_practised": "2026-12-07"
    }
    assert data["never_answered"]["count"] == 12
    assert data["forecast"][0]["due"] == data["due_today"] == 4
    assert main(["stats", "--topic", "overfitting", "--json"]) == 0
    topic = json.loads(capsys.readouterr().out)
    assert topic["answers"] == 4 and topic["questions_answered"] == 2


def test_stats_prints_charts(history: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("INTERVIEWER_NOW", "2026-12-08T10:00:00+00:00")
    monkeypatch.setenv("COLUMNS", "100")
    assert main(["stats"]) == 0
    out = capsys.readouterr().out
    assert "6 answer(s) · average 6.3/10 · 4 of 16 question(s) answered · 4 due today" in out
    assert "Streak: 1 day(s) (longest 2)" in out
    assert "Weakest topics now: capacity 6, overfitting 7.5" in out
    for title in ("Average score per week", "Answers per week", "Due in the next 14 days"):
        assert title in out
    assert "11-30" in out and "12-07" in out  # the weeks on the x axis


def test_stats_without_history(capsys) -> None:
    assert main(["stats"]) == 0
    assert "No graded answers yet" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("topic", "label"),
    [
        ("overfitting", "overfitting"),
        ("General questions 🤖", "General questions"),
        ("❗❗ Tricky Questions ❗❗", "Tricky Questions"),
        ("CNN 池化层篇", "CNN 池\u200b化\u200b层\u200b篇\u200b"),
        ("ＡＢＣ", "ABC"),
        ("Concurrency and parallelism in Go", "Concurrency and…"),
    ],
)
def test_a_legend_names_its_topic_without_emoji_and_short(topic: str, label: str) -> None:
    from interviewer.practice.charts import legend_label

    assert legend_label(topic) == label


def test_the_progress_legend_names_the_topics_and_keeps_the_frame_straight() -> None:
    # The legend said "topic 1" for a heading with emoji while the table named it; a wide
    # character must not push the chart's right edge either.
    import plotext
    from rich.cells import cell_len
    from rich.text import Text

    from interviewer.practice.charts import draw_progress
    from interviewer.practice.stats import Bucket, Stats, TopicStats

    weeks = {"2026-11-23": Bucket(2, 5.0), "2026-11-30": Bucket(3, 6.0)}
    topics = [
        TopicStats(topic=name, answers=3, average=6.0, latest_average=7.0,
                   questions_answered=2, weeks=dict(weeks))
        for name in ("General questions 🤖", "Tricky Questions ❗❗", "CNN 池化层篇")
    ]
    stats = Stats(
        today="2026-12-05", answers=5, average=5.6, questions=10, questions_answered=4,
        due_today=0, streak=1, longest_streak=1, last_practised="2026-12-05", weeks=weeks,
        topics=topics, weakest=[], never_answered=[], forecast=[],
    )
    plotext.clear_figure()
    plotext.theme("clear")
    plotext.plotsize(60, 18)
    draw_progress(plotext, stats)
    lines = Text.from_ansi(plotext.build()).plain.splitlines()
    legend = "\n".join(lines).replace("\u200b", "")
    assert "General questions" in legend and "Tricky Questions" in legend
    assert "CNN 池化层篇" in legend and "topic " not in legend
    assert len({cell_len(line) for line in lines}) == 1, lines


def test_the_topic_table_lines_up_chinese_and_english_topics() -> None:
    from rich.cells import cell_len
    from rich.text import Text

    from interviewer.practice.stats import Stats, TopicStats
    from interviewer.tui.screens.stats import topics_markup

    topics = [
        TopicStats(topic=name, answers=3, average=6.0, latest_average=7.0, questions_answered=2)
        for name in ("CNN 池化层篇", "overfitting", "正则化")
    ]
    stats = Stats(
        today="2026-12-05", answers=9, average=6.0, questions=10, questions_answered=6,
        due_today=0, streak=1, longest_streak=1, last_practised="2026-12-05", weeks={},
        topics=topics, weakest=[], never_answered=[], forecast=[],
    )
    lines = Text.from_markup(topics_markup(stats)).plain.splitlines()
    # Every row's "answers" column ends in the same terminal cell as the header's.
    ends = [cell_len(line[: line.index("answers") + 7]) for line in lines[:1]]
    ends += [cell_len(line[: line.index(" 3 ") + 2]) for line in lines[1:]]
    assert len(set(ends)) == 1, lines
    assert [line.split()[0] for line in lines[1:]] == ["o", "x", "+"]


@pytest.mark.parametrize("weeks", [1, 2])
def test_a_first_week_of_answers_is_a_bar_not_a_wall(weeks: int) -> None:
    # One week of history drew its bar across the whole chart, as if it filled the axis.
    from types import SimpleNamespace

    import plotext as plt

    from interviewer.practice.charts import draw_answers
    from interviewer.practice.stats import Bucket

    days = ["2026-11-30", "2026-12-07"][:weeks]
    stats = SimpleNamespace(weeks={day: Bucket(answers=3, average=6.0) for day in days})
    plt.clear_figure()
    plt.theme("clear")
    plt.plotsize(80, 12)
    draw_answers(plt, stats)
    rows = [line for line in plt.build().splitlines() if "█" in line]
    assert rows and max(line.count("█") for line in rows) <= 80 * weeks // 6
    assert "11-30" in plt.build()
