"""The stats as terminal charts and text, drawn with plotext. The same drawing serves the
command line (plotext itself) and the TUI (textual-plotext's `plt`, which speaks plotext)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from unicodedata import east_asian_width

from interviewer.commands import command
from interviewer.topics import typable_name

if TYPE_CHECKING:
    from interviewer.practice.stats import Stats

WEEKS_SHOWN = 12
MIN_WEEKS = 4
TOPIC_LINES = 4
TOPIC_MARKERS = ("o", "x", "+", "*")[:TOPIC_LINES]
LEGEND_CELLS = 18
# Takes no cell on screen but one in plotext's grid: put after a wide character, it keeps
# the row as wide as plotext counts it.
_ZERO_WIDTH = "\u200b"


def legend_label(topic: str) -> str:
    """A topic's name in a chart legend: without its emoji, cut to LEGEND_CELLS cells.
    plotext gives every character one cell, so a wide (Chinese) one is followed by a
    zero-width space that fills its second cell — else the row would push the frame."""
    name = typable_name(topic)
    widths = [2 if east_asian_width(char) in "WF" else 1 for char in name]
    room = LEGEND_CELLS if sum(widths) <= LEGEND_CELLS else LEGEND_CELLS - 1
    cells = 0
    kept: list[str] = []
    for char, width in zip(name, widths, strict=True):
        if cells + width > room:
            cut = "".join(kept)
            # At a word's end when one is not too far back: "Concurrency and…".
            space = cut.rfind(" ")
            return (cut[:space] if space > len(cut) // 2 else cut).rstrip() + "…"
        kept.append(char + _ZERO_WIDTH if width == 2 else char)
        cells += width
    return "".join(kept)


def _week_label(week: str) -> str:
    return week[5:]  # "2026-11-30" → "11-30": the year is clear from the title


def _count_ticks(plt: Any, top: int) -> None:
    # Counts are whole numbers: no 3.33 on the axis.
    step = max(1, -(-top // 4))
    plt.yticks(list(range(0, top + step, step)))
    plt.ylim(0, max(top, 1))


def draw_progress(plt: Any, stats: Stats) -> None:
    """Average score per week: a marker per topic (the most practised few) and a dotted
    line for all answers; the legend sits above the 0-10 scale."""
    weeks = list(stats.weeks)[-WEEKS_SHOWN:]
    plt.clear_data()
    plt.title("Average score per week (0-10)")
    plt.yticks([0, 2, 4, 6, 8, 10])
    plt.ylim(0, 10 + TOPIC_LINES + 1)
    if not weeks:
        plt.xticks([0], ["no graded answers yet"])
        return
    positions = list(range(len(weeks)))
    # The line first, so the topics' markers are drawn over it.
    plt.plot(positions, [stats.weeks[w].average for w in weeks], label="all", marker="·")
    for topic, marker in zip(stats.topics, TOPIC_MARKERS, strict=False):
        points = [(n, topic.weeks[w].average) for n, w in enumerate(weeks) if w in topic.weeks]
        xs = [n for n, _ in points]
        label = legend_label(topic.topic)
        plt.scatter(xs, [average for _, average in points], label=label, marker=marker)
    plt.xticks(positions, [_week_label(week) for week in weeks])
    # Half a week of room on each side: a marker on the frame would be hidden by it.
    plt.xlim(-0.5, len(weeks) - 0.5)


def draw_answers(plt: Any, stats: Stats) -> None:
    """Answers per week."""
    weeks = list(stats.weeks)[-WEEKS_SHOWN:]
    plt.clear_data()
    plt.title("Answers per week")
    if not weeks:
        plt.xticks([0], ["no answers yet"])
        return
    counts = [stats.weeks[w].answers for w in weeks]
    positions = list(range(len(weeks)))
    plt.bar(positions, counts, width=0.5)
    plt.xticks(positions, [_week_label(w) for w in weeks])
    # Room for a month at least: a first week is one bar, not a wall across the chart.
    plt.xlim(-0.5, max(len(weeks), MIN_WEEKS) - 0.5)
    _count_ticks(plt, max(counts))


def draw_forecast(plt: Any, stats: Stats) -> None:
    """Questions due on each of the next 14 days (day of the month below each bar)."""
    plt.clear_data()
    plt.title("Due in the next 14 days")
    counts = [count for _, count in stats.forecast]
    plt.bar([day[8:] for day, _ in stats.forecast], counts, width=0.6)
    _count_ticks(plt, max(counts, default=0))


def summary_lines(stats: Stats, topic: str | None = None) -> list[str]:
    """The numbers in words: answers, average, streak, due, weakest, never answered (of
    the `topic` when the stats are of one)."""
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
        lines.append(
            f"Never answered: {len(stats.never_answered)} of {stats.questions} question(s)"
            f" · `{command('review', '--new', *(('--topic', topic) if topic else ()))}` "
            "asks them"
        )
    return lines


def topic_rows(stats: Stats) -> list[tuple[str, str, str, str, str]]:
    """One row per topic: topic, answers, average, average of latest scores, last 4 weeks."""
    recent = list(stats.weeks)[-4:]
    rows = []
    for number, topic in enumerate(stats.topics, 1):
        trend = " ".join(
            f"{topic.weeks[w].average:g}" if w in topic.weeks and topic.weeks[w].average
            is not None else "·"
            for w in recent
        )
        # The charted topics carry their legend's marker.
        marker = TOPIC_MARKERS[number - 1] if number <= TOPIC_LINES else " "
        rows.append(
            (
                f"{marker} {topic.topic}",
                str(topic.answers),
                f"{topic.average:g}" if topic.average is not None else "–",
                f"{topic.latest_average:g}" if topic.latest_average is not None else "–",
                trend,
            )
        )
    return rows
