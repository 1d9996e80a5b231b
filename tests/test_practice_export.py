"""Each export format read back: the Markdown report, CSV and JSONL rows, and the Anki
deck opened as the zip of SQLite it is, with note GUIDs stable across exports."""

from __future__ import annotations

import csv
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from practice_fixtures import Clock, open_store, qid, record, utc  # noqa: F401

from interviewer.cli.main import main
from interviewer.notes import load_bank
from interviewer.practice.anki import DECK_ID, MODEL_ID, note_guid, write_deck
from interviewer.practice.export import CSV_COLUMNS
from interviewer.practice.store import HISTORY_FILE

pytestmark = pytest.mark.usefixtures("utc")


@pytest.fixture
def history(isolated_env: Path, bundled_bank) -> list[int]:  # type: ignore[no-untyped-def]
    clock = Clock()
    store = open_store(isolated_env / HISTORY_FILE, clock)
    ids = record(store, bundled_bank, clock)
    store.rate(ids[1], 1)  # the candidate says they did not really know q12
    store.close()
    return ids


def test_csv_has_one_row_per_answer(history: list[int], tmp_path: Path, capsys) -> None:
    out = tmp_path / "answers.csv"
    assert main(["export", "--format", "csv", "--output", str(out)]) == 0
    assert "6 answer(s) written" in capsys.readouterr().err
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [int(r["answer_id"]) for r in rows] == history
    first = rows[0]
    assert first["question_id"] == qid(11) and first["score"] == "3.0"
    assert first["rating"] == "again" and first["rated_by"] == "grade"
    assert first["answer"] == "我的回答 11" and first["missing"] == "要点三"
    assert first["answered_at"] == "2026-11-30T09:00:00+00:00"
    assert (rows[1]["rating"], rows[1]["rated_by"]) == ("again", "self")


def test_jsonl_to_stdout_with_a_date_range(history: list[int], capsys) -> None:
    assert main(["export", "--format", "jsonl", "--since", "2026-12-01", "--until", "2026-12-07"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    # 12-01: q11; 12-02: a skip (no answer); 12-07: q11 and q5.
    assert [r["question_id"] for r in records] == [qid(11), qid(11), qid(5)]
    assert records[0]["grade"]["rubric"][1]["status"] == "partly"
    assert all(r["rating"] for r in records)


def test_markdown_report_of_one_session(history: list[int], bundled_bank, capsys) -> None:
    assert main(["export", "--format", "md", "--session", "1"]) == 0
    report = capsys.readouterr().out
    assert report.startswith("# Interview report: session 1\n\n3 answer(s), average 6.7/10.")
    assert "## Session 1, 2026-11-30" in report
    assert report.count("\n### ") == 3
    assert f"### {bundled_bank.get(qid(12)).title}" in report
    assert "**3/10** weak" in report and "rated again (your rating)" in report
    assert "> 我的回答 11" in report
    assert "- ✓ 要点一 — “答到了”" in report and "- ~ 要点二" in report and "- ✗ 要点三" in report
    assert "**Feedback**" in report
    assert bundled_bank.get(qid(11)).answer.strip()[:30] in report  # the reference answer


def _notes(apkg: Path) -> list[tuple[int, str, str, str, str]]:
    with zipfile.ZipFile(apkg) as archive:
        assert "collection.anki2" in archive.namelist()
        data = archive.read("collection.anki2")
    db = apkg.with_suffix(".anki2")
    db.write_bytes(data)
    with sqlite3.connect(db) as conn:
        models = json.loads(conn.execute("SELECT models FROM col").fetchone()[0])
        decks = json.loads(conn.execute("SELECT decks FROM col").fetchone()[0])
        assert str(MODEL_ID) in models and str(DECK_ID) in decks
        return conn.execute("SELECT id, guid, mid, flds, tags FROM notes ORDER BY guid").fetchall()


def test_anki_deck_has_every_question_with_stable_guids(
    history: list[int], bundled_bank, tmp_path: Path, capsys
) -> None:
    first, second = tmp_path / "one.apkg", tmp_path / "two.apkg"
    assert main(["export", "--format", "anki", "--output", str(first)]) == 0
    assert main(["export", "--format", "anki", "--output", str(second)]) == 0
    assert "16 question(s) written" in capsys.readouterr().err
    notes, again = _notes(first), _notes(second)
    assert len(notes) == len(bundled_bank.questions) == 16
    assert [n[1] for n in notes] == [n[1] for n in again]  # same GUIDs: a re-import updates
    assert {n[1] for n in notes} == {note_guid(q.id) for q in bundled_bank.questions}
    by_id = {n[3].split("\x1f")[5]: n for n in notes}
    q11 = by_id[qid(11)]
    fields = q11[3].split("\x1f")
    assert fields[0] == bundled_bank.get(qid(11)).title
    assert "<strong>" in fields[1] or "<li>" in fields[1]  # the reference, as HTML
    assert "<li>" in fields[2]  # key points
    assert "7/10" in fields[3]  # the last feedback: q11's latest answer scored 7
    assert "interviewer::overfitting" in q11[4]
    assert by_id[qid(3)][3].split("\x1f")[3] == ""  # skipped, never graded: no feedback


def test_an_anki_card_asks_with_the_program_the_question_is_about(tmp_path: Path) -> None:
    notes = tmp_path / "tricky.md"
    notes.write_text(
        "#### 1. What is the output of the following program?\n\n```python\n"
        "print(len('ab'))\n```\n\n> **Answer:**\n> 2\n",
        encoding="utf-8",
    )
    deck = tmp_path / "tricky.apkg"
    assert write_deck(load_bank([notes]).questions, {}, deck) == 1
    front, back = _notes(deck)[0][3].split("\x1f")[:2]
    assert front.startswith("What is the output of the following program?")
    assert "<code" in front and "print(len('ab'))" in front
    assert "print" not in back and "2" in back


def test_anki_deck_of_a_range_holds_the_questions_answered_in_it(
    history: list[int], tmp_path: Path, capsys
) -> None:
    deck = tmp_path / "week2.apkg"
    assert main(["export", "--format", "anki", "--since", "2026-12-07", "-o", str(deck)]) == 0
    assert len(_notes(deck)) == 2
    assert main(["export", "--format", "anki", "-o", str(tmp_path / "deck.txt")]) == 1
    assert ".apkg" in capsys.readouterr().err


def test_bad_ranges_and_paths_are_one_line_errors(history: list[int], tmp_path: Path, capsys) -> None:
    assert main(["export", "--format", "csv", "--since", "2026-12-09", "--until", "2026-12-01"]) == 1
    assert "--since is after --until" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "--format", "csv", "--since", "yesterday"])
    assert exit_info.value.code == 2
    capsys.readouterr()
    assert main(["export", "--format", "md", "-o", str(tmp_path / "no" / "such" / "r.md")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("interviewer: error: cannot write") and "Traceback" not in err


def test_export_without_history_is_empty(capsys) -> None:
    assert main(["export", "--format", "csv"]) == 0
    assert capsys.readouterr().out.strip() == ",".join(CSV_COLUMNS)


def test_sql_built_records_match_the_stored_answers(history: list[int], capsys) -> None:
    from interviewer.config import load_settings
    from interviewer.practice.store import HistoryStore

    store = HistoryStore.open(load_settings())
    try:
        expected = [answer.to_json() for answer in store.answers()]
    finally:
        store.close()
    assert main(["export", "--format", "jsonl"]) == 0
    assert [json.loads(line) for line in capsys.readouterr().out.splitlines()] == expected
    assert main(["history", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == expected


def test_history_table_shows_the_latest_answers(history: list[int], capsys) -> None:
    assert main(["history", "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert "6 answer(s), the latest 2 shown (--limit N or --all for more)" in out
    assert "我的回答 5" in out and "我的回答 12" not in out
    assert main(["history", "--all"]) == 0
    assert "我的回答 12" in capsys.readouterr().out


def test_placeholders_in_angle_brackets_stay_text_on_the_card(tmp_path: Path) -> None:
    notes = tmp_path / "jobs.md"
    notes.write_text(
        "## How do you watch a job?\n\nRun kubectl describe job <job-name>; a "
        '<font color="red">List<String></font> is fine, and `get pod <pod>` too.\n',
        encoding="utf-8",
    )
    deck = tmp_path / "jobs.apkg"
    assert write_deck(load_bank([notes]).questions, {}, deck) == 1
    back = _notes(deck)[0][3].split("\x1f")[1]
    assert "describe job &lt;job-name&gt;" in back
    assert "List&lt;String&gt;" in back
    assert "<strong>" in back or '<font color="red">' in back  # real HTML stays HTML
    assert "<code>get pod &lt;pod&gt;</code>" in back


def test_placeholders_in_a_rubric_stay_text_in_the_report(
    isolated_env: Path, bundled_bank, capsys  # type: ignore[no-untyped-def]
) -> None:
    # Found on the walk10d walkthrough: the rubric point "git diff <commit1> <commit2>"
    # was written as is, and a Markdown viewer hid both placeholders as unknown tags.
    from practice_fixtures import grade_of

    from interviewer.grading.model import RubricItem

    clock = Clock()
    store = open_store(isolated_env / HISTORY_FILE, clock)
    question = bundled_bank.get(qid(1))
    asked = store.ask(store.start_session(None, 1, 0), 1, question)
    answer = store.save_answer(asked, "git diff a b", prompt=question.title, seconds=9)
    grade = grade_of(question.id, 9.0, feedback="Covered: “git diff <commit1> <commit2>”.")
    grade.rubric = [RubricItem(point="git diff <commit1> <commit2>", status="covered",
                               evidence="git diff <sha1> b")]
    store.save_grade(answer, grade, 0.5)
    store.close()
    assert main(["export", "--format", "md"]) == 0
    report = capsys.readouterr().out
    assert r"- ✓ git diff \<commit1> \<commit2> — “git diff \<sha1> b”" in report
    assert r"Covered: “git diff \<commit1> \<commit2>”." in report
