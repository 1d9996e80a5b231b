"""The stats as terminal charts and text, drawn with plotext. The same drawing serves the
command line (plotext itself) and the TUI (textual-plotext's `plt`, which speaks plotext)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from interviewer.practice.stats import Stats

WEEKS_SHOWN = 12
TOPIC_LINES = 4
NEVER_SHOWN = 5


def _week_label(week: str) -> str:
    return week[5:]  # "2026-11-30" → "11-30": the year is clear from the title


def draw_progress(plt: Any, stats: Stats) -> None:
    """Average score per week of the most practised topics, and of all answers."""
    weeks = list(stats.weeks)[-WEEKS_SHOWN:]
    plt.clear_data()
    plt.title("Average score per week (0-10)")
    if not weeks:
        plt.text("no graded answers yet", 0, 5)
        plt.xlim(-1, 1)
        plt.ylim(0, 10)
        return
    labels = [_week_label(week) for week in weeks]
    positions = list(range(len(weeks)))
    for topic in stats.topics[:TOPIC_LINES]:
        points = [(n, topic.weeks[w].average) for n, w in enumerate(weeks) if w in topic.weeks]
        if points:
            xs, ys = zip(*points, strict=True)
            plt.plot(list(xs), list(ys), label=topic.topic, marker="braille")
    overall = [(n, stats.weeks[w].average) for n, w in enumerate(weeks)]
    plt.plot([n for n, _ in overall], [a for _, a in overall], label="all", marker="dot")
    plt.xticks(positions, labels)
    plt.ylim(0, 10)


def draw_answers(plt: Any, stats: Stats) -> None:
    """Answers per week."""
    weeks = list(stats.weeks)[-WEEKS_SHOWN:]
    plt.clear_data()
    plt.title("Answers per week")
    if not weeks:
        plt.text("no answers yet", 0, 0)
        return
    plt.bar([_week_label(w) for w in weeks], [stats.weeks[w].answers for w in weeks])


def draw_forecast(plt: Any, stats: Stats) -> None:
    """Questions due on each of the next 14 days."""
    plt.clear_data()
    plt.title("Due in the next 14 days")
    labels = [day[8:] for day, _ in stats.forecast]  # day of the month
    plt.bar(labels, [count for _, count in stats.forecast])


def summary_lines(stats: Stats) -> list[str]:
    """The numbers in words: answers, average, streak, due, weakest, never answered."""
    average = f" · average {stats.average:g}/10" if stats.average is not None else ""
    lines = [
        f"{stats.answers} answer(s){average} · {stats.questions_answered} of "
        f"{stats.questions} question(s) answered · {stats.due_today} due today",
        f"Streak: {stats.streak} day(s) (longest {stats.longest_streak})"
        + (f" · last practised {stats.last_practised}" if stats.last_practised else ""),
    ]
    if stats.weakest:
        weakest = ", ".join(
            f"{t.topic} {t.latest_average:g}" for t in stats.weakest if t.latest_average is not None
        )
        lines.append(f"Weakest topics now: {weakest}")
    if stats.never_answered:
        shown = "; ".join(q.title for q in stats.never_answered[:NEVER_SHOWN])
        more = len(stats.never_answered) - NEVER_SHOWN
        lines.append(
            f"Never answered ({len(stats.never_answered)}): {shown}"
            + (f"; and {more} more" if more > 0 else "")
        )
    return lines


def topic_rows(stats: Stats) -> list[tuple[str, str, str, str, str]]:
    """One row per topic: topic, answers, average, average of latest scores, last 4 weeks."""
    recent = list(stats.weeks)[-4:]
    rows = []
    for topic in stats.topics:
        trend = " ".join(
            f"{topic.weeks[w].average:g}" if w in topic.weeks and topic.weeks[w].average
            is not None else "·"
            for w in recent
        )
        rows.append(
            (
                topic.topic,
                str(topic.answers),
                f"{topic.average:g}" if topic.average is not None else "–",
                f"{topic.latest_average:g}" if topic.latest_average is not None else "–",
                trend,
            )
        )
    return rows
