"""Answers out of the history: a Markdown report to re-read or share with a mentor, and
CSV / JSONL with one row per answer for spreadsheets and scripts. (Anki: anki.py.)"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, TextIO

from interviewer.practice.scheduling import RATING_NAMES
from interviewer.practice.store import StoredAnswer, iso_time

if TYPE_CHECKING:
    from interviewer.notes import QuestionBank
    from interviewer.practice.store import HistoryStore

CSV_COLUMNS = (
    "answer_id", "session_id", "question_id", "title", "topics", "kind", "prompt",
    "answered_at", "answer_seconds", "peeked", "score", "verdict", "grader", "rating",
    "rated_by", "answer", "feedback", "missing",
)
MARKS = {"covered": "✓", "partly": "~", "missed": "✗"}


@dataclass(frozen=True)
class Selection:
    """Which answers to export: a date range (local days, both ends included), a
    session, the questions of a topic."""

    since: date | None = None
    until: date | None = None
    session_id: int | None = None
    question_ids: frozenset[str] | None = None

    def answers(self, store: HistoryStore) -> list[StoredAnswer]:
        """The selected answers, oldest first."""
        since = _midnight(self.since) if self.since else None
        until = _midnight(self.until + timedelta(days=1)) if self.until else None
        found = store.answers(since=since, until=until, session_id=self.session_id)
        if self.question_ids is None:
            return found
        return [answer for answer in found if answer.question_id in self.question_ids]


def _midnight(day: date) -> float:
    return datetime(day.year, day.month, day.day).timestamp()


def _feedback(answer: StoredAnswer) -> str:
    return str((answer.grade or {}).get("feedback") or "")


def _missing(answer: StoredAnswer) -> list[str]:
    return [str(point) for point in (answer.grade or {}).get("missing") or []]


def csv_row(answer: StoredAnswer) -> list[object]:
    """One answer as a CSV row, in CSV_COLUMNS order."""
    return [
        answer.id, answer.session_id, answer.question_id, answer.title,
        "; ".join(answer.topics), answer.kind, answer.prompt, iso_time(answer.answered_at),
        answer.answer_seconds, int(answer.peeked), answer.score, answer.verdict, answer.grader,
        RATING_NAMES.get(answer.rating or 0, ""), answer.rated_by or "", answer.text,
        _feedback(answer), "; ".join(_missing(answer)),
    ]


def write_csv(answers: Iterable[StoredAnswer], out: TextIO) -> int:
    """One row per answer, with a header; returns the rows written."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    count = 0
    for answer in answers:
        writer.writerow(csv_row(answer))
        count += 1
    return count


def write_jsonl(answers: Iterable[StoredAnswer], out: TextIO) -> int:
    """One JSON record per line (as `interviewer history --json` has them)."""
    count = 0
    for answer in answers:
        out.write(json.dumps(answer.to_json(), ensure_ascii=False) + "\n")
        count += 1
    return count


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.strip().splitlines()) or "> "


def _answer_md(answer: StoredAnswer, bank: QuestionBank) -> list[str]:
    title = answer.prompt if answer.kind == "follow_up" else answer.title
    head = "#### Follow-up: " if answer.kind == "follow_up" else "### "
    lines = [f"{head}{title}", ""]
    when = datetime.fromtimestamp(answer.answered_at).strftime("%Y-%m-%d %H:%M")
    facts = [when, f"`{answer.question_id}`"]
    if answer.score is not None:
        facts.insert(0, f"**{answer.score:g}/10** {answer.verdict}")
    else:
        facts.insert(0, "**not graded**")
    if answer.peeked:
        facts.append("peeked at the reference first")
    if answer.rating is not None:
        by = "your rating" if answer.rated_by == "self" else "from the score"
        facts.append(f"rated {RATING_NAMES[answer.rating]} ({by})")
    lines += [" · ".join(facts), "", "**Your answer**", "", _quote(answer.text), ""]
    rubric = (answer.grade or {}).get("rubric") or []
    if rubric:
        lines += ["**Rubric**", ""]
        for item in rubric:
            mark = MARKS.get(str(item.get("status")), "✗")
            evidence = f" — “{item['evidence']}”" if item.get("evidence") else ""
            lines.append(f"- {mark} {item.get('point', '')}{evidence}")
        lines.append("")
    if _feedback(answer):
        lines += ["**Feedback**", "", _feedback(answer), ""]
    if answer.kind == "answer":
        question = bank.get(answer.question_id)
        if question is None:
            lines += ["*The reference answer is not in the notes in use.*", ""]
        elif question.answer.strip():
            lines += ["<details><summary>Reference answer</summary>", "",
                      question.answer.strip(), "", "</details>", ""]
    return lines


def write_markdown(
    answers: Sequence[StoredAnswer], bank: QuestionBank, out: TextIO, heading: str
) -> int:
    """A readable report: per session, each question, your answer, score, rubric ✓/~/✗,
    feedback and the reference answer."""
    graded = [a.score for a in answers if a.kind == "answer" and a.score is not None]
    average = f", average {sum(graded) / len(graded):.1f}/10" if graded else ""
    lines = [f"# {heading}", "", f"{len(answers)} answer(s){average}.", ""]
    session = None
    for answer in answers:
        if answer.session_id != session:
            session = answer.session_id
            day = datetime.fromtimestamp(answer.asked_at).strftime("%Y-%m-%d")
            about = f" — {answer.topic}" if answer.topic else ""
            lines += [f"## Session {session}, {day}{about}", ""]
        lines += _answer_md(answer, bank)
    out.write("\n".join(lines).rstrip() + "\n")
    return len(answers)
