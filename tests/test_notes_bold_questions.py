"""A question written in bold on a line of its own inside an answer
(`**kafka producer如何优化打入速度**`, `**How is the leader chosen?**`) heads the part of the
answer under it: it is not a key point, so an answer is not given credit for a point by
naming the question's words."""

from __future__ import annotations

from interviewer.notes.parser import ParsedQuestion, parse_markdown

NOTES = """# 笔记

## 消息系统

### 副本怎么同步？

**ISR 是什么**

ISR 是和主副本保持同步的副本集合。

**什么情况下副本会被移出 ISR**

副本落后主副本太多，或者太久没有拉取数据，就会被移出。

**水位线**

水位线之前的消息才可以被消费。

### How are leaders chosen?

**How is the leader chosen?**

The controller picks the first replica of the in-sync set.

**Clean elections**

An out-of-sync replica never becomes the leader unless unclean election is enabled.
"""


def _points(title: str) -> tuple[str, ...]:
    questions: list[ParsedQuestion] = parse_markdown(NOTES, "notes").questions
    return next(q for q in questions if q.title == title).key_points


def test_a_bold_question_on_its_own_line_is_no_key_point() -> None:
    points = _points("副本怎么同步？")
    assert not any("什么" in point for point in points)
    assert "水位线" in points
    english = _points("How are leaders chosen?")
    assert "How is the leader chosen?" not in english
    assert "Clean elections" in english


def test_bold_words_that_ask_nothing_stay_key_points() -> None:
    assert "Clean elections" in _points("How are leaders chosen?")
