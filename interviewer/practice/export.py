"""Answers out of the history: a Markdown report to re-read or share with a mentor, and
CSV / JSONL with one row per answer for spreadsheets and scripts. (Anki: anki.py.)"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, TextIO

from interviewer.notes.markup import escape_non_html_tags
from interviewer.practice.records import StoredAnswer
from interviewer.practice.scheduling import RATING_NAMES

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

    def sql(self) -> tuple[str, list[object]]:
        """The selection as an SQL condition on `ans` (answers) and `a` (asked)."""
        clauses: list[str] = ["1"]
        params: list[object] = []
        if self.since:
            clauses.append("ans.answered_at >= ?")
            params.append(_midnight(self.since))
        if self.until:
            clauses.append("ans.answered_at < ?")
            params.append(_midnight(self.until + timedelta(days=1)))
        if self.session_id is not None:
            clauses.append("a.session_id = ?")
            params.append(self.session_id)
        if self.question_ids is not None:
            clauses.append("+a.question_id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(sorted(self.question_ids), ensure_ascii=False))
        return " AND ".join(clauses), params

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


# CSV_COLUMNS straight from SQLite, JSON fields taken apart by its json1 functions: a
# history of 100,000 answers is written in about a second, streamed, not held in memory.
_CSV_QUERY = """
    SELECT ans.id, a.session_id, a.question_id, a.title,
           (SELECT group_concat(value, '; ') FROM json_each(a.topics)),
           ans.kind, ans.prompt,
           strftime('%Y-%m-%dT%H:%M:%S+00:00', ans.answered_at, 'unixepoch'),
           ans.answer_seconds, a.peeked, ans.score, ans.verdict, ans.grader,
           CASE ans.rating WHEN 1 THEN 'again' WHEN 2 THEN 'hard' WHEN 3 THEN 'good'
                           WHEN 4 THEN 'easy' ELSE '' END,
           COALESCE(ans.rated_by, ''), ans.text,
           COALESCE(json_extract(ans.grade, '$.feedback'), ''),
           COALESCE((SELECT group_concat(value, '; ')
                       FROM json_each(ans.grade, '$.missing')), '')
    FROM answers ans JOIN asked a ON a.id = ans.asked_id
    WHERE {where}
    ORDER BY ans.id
"""


def write_csv(store: HistoryStore, selection: Selection, out: TextIO) -> int:
    """One row per selected answer, in CSV_COLUMNS order, with a header."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    where, params = selection.sql()
    rows = store.read(_CSV_QUERY.format(where=where), params)
    writer.writerows(rows)
    return len(rows)


def _iso(column: str) -> str:
    return f"strftime('%Y-%m-%dT%H:%M:%S+00:00', {column}, 'unixepoch')"


# The records of `interviewer history --json` (StoredAnswer.to_json), built by SQLite's
# json_object: no Python object per answer, so 100,000 lines take seconds, not minutes.
_JSONL_QUERY = f"""
    SELECT json_object(
        'id', ans.id, 'session_id', a.session_id, 'session_topic', s.topic,
        'question_id', a.question_id, 'title', a.title, 'kind', ans.kind,
        'prompt', ans.prompt, 'answer', ans.text, 'asked_at', {_iso("a.shown_at")},
        'answered_at', {_iso("ans.answered_at")}, 'answer_seconds', ans.answer_seconds,
        'peeked', json(CASE WHEN a.peeked THEN 'true' ELSE 'false' END),
        'graded', json(CASE WHEN ans.graded_at IS NULL THEN 'false' ELSE 'true' END),
        'graded_at', {_iso("ans.graded_at")}, 'grade_seconds', ans.grade_seconds,
        'score', ans.score, 'verdict', ans.verdict, 'grader', ans.grader,
        'grade', json(ans.grade), 'rating', ans.rating, 'rated_by', ans.rated_by,
        'topics', json(a.topics))
    FROM answers ans JOIN asked a ON a.id = ans.asked_id JOIN sessions s ON s.id = a.session_id
    WHERE {{where}}
    ORDER BY ans.id
"""


def json_records(store: HistoryStore, selection: Selection) -> list[str]:
    """Each selected answer as one line of JSON, oldest first."""
    where, params = selection.sql()
    return [row[0] for row in store.read(_JSONL_QUERY.format(where=where), params)]


def write_jsonl(store: HistoryStore, selection: Selection, out: TextIO) -> int:
    """One JSON record per line (as `interviewer history --json` has them)."""
    lines = json_records(store, selection)
    out.writelines(line + "\n" for line in lines)
    return len(lines)


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
    typed = escape_non_html_tags(answer.text)
    lines += [" · ".join(facts), "", "**Your answer**", "", _quote(typed), ""]
    rubric = (answer.grade or {}).get("rubric") or []
    if rubric:
        lines += ["**Rubric**", ""]
        for item in rubric:
            mark = MARKS.get(str(item.get("status")), "✗")
            # A point, a quote or the feedback may name a placeholder ("git diff <commit1>
            # <commit2>"): written as is, Markdown would take it for a tag and hide it.
            evidence = f" — “{item['evidence']}”" if item.get("evidence") else ""
            point = escape_non_html_tags(f"{item.get('point', '')}{evidence}")
            lines.append(f"- {mark} {point}")
        lines.append("")
    if _feedback(answer):
        lines += ["**Feedback**", "", escape_non_html_tags(_feedback(answer)), ""]
    if answer.kind == "answer":
        question = bank.get(answer.question_id)
        if question is None:
            lines += ["*The reference answer is not in the notes in use.*", ""]
        elif question.answer.strip():
            lines += ["<details><summary>Reference answer</summary>", "",
                      escape_non_html_tags(question.answer.strip()), "", "</details>", ""]
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
