"""Pure parts of the LLM grader: the strict schema, remembered levels, score arithmetic,
the cross-check with the offline grade, and key redaction."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from openai_server import strict_problems
from pydantic import BaseModel, ValidationError

from interviewer.grading.levels import LEVELS, LevelMemory, endpoint_label
from interviewer.grading.llm_client import redact
from interviewer.grading.llm_schema import (
    GradingReply,
    reply_schema,
    response_format,
    strict_schema,
)
from interviewer.grading.llm_score import build_grade, cross_check, judge_rubric, quote_supported
from interviewer.grading.model import Grade

POINTS = ["减少共适应性", "模型融合 Bagging", "共享参数"]
ANSWER = "Dropout 减少神经元的共适应性，类似模型融合。"


def reply(**overrides: object) -> GradingReply:
    data: dict[str, object] = {
        "rubric": [{"index": n, "status": "covered", "evidence": "减少神经元的共适应性"}
                   for n in range(1, 4)],
        "correctness": 0,
        "errors": [],
        "instructions_to_grader": False,
        "feedback": "不错。",
        "follow_up": "为什么？",
    }
    data.update(overrides)
    return GradingReply.model_validate(data)


def offline(score: float = 5, flags: list[str] | None = None) -> Grade:
    return Grade(question_id="q", score=score, verdict="fair", grader="keyword",
                 feedback="offline feedback", flags=flags or [])


def test_the_reply_schema_is_strict_compatible() -> None:
    schema = reply_schema()
    assert strict_problems(schema) == []
    assert "$defs" not in json.dumps(schema)
    fmt = response_format("json_schema")
    assert fmt["json_schema"]["strict"] is True and fmt["json_schema"]["schema"] == schema
    assert response_format("json_object") == {"type": "json_object"}


def test_strict_schema_keeps_property_names_that_look_like_keywords() -> None:
    class Nested(BaseModel):
        title: str = "x"
        format: int = 0

    class Outer(BaseModel):
        items: list[Nested]
        default: Nested

    schema = strict_schema(Outer)
    assert strict_problems(schema) == []
    assert set(schema["properties"]) == {"items", "default"}
    assert set(schema["properties"]["default"]["properties"]) == {"title", "format"}


def test_the_reply_model_accepts_status_words_and_rejects_nan() -> None:
    loose = reply(rubric=[{"index": 1, "status": "Partially", "evidence": "e", "extra": 1}])
    assert loose.rubric[0].status == "partly"
    with pytest.raises(ValidationError):
        GradingReply.model_validate_json(
            json.dumps(reply().model_dump()).replace('"correctness": 0.0', '"correctness": NaN')
        )
    with pytest.raises(ValidationError):
        reply(rubric=[{"index": 1, "status": "excellent", "evidence": ""}])


@pytest.mark.parametrize(
    ("statuses", "correctness", "errors", "expected"),
    [
        (["covered"] * 3, 0, [], 10.0),
        (["covered"] * 3, 1, [], 10.0),  # clamped at 10
        (["covered", "partly", "missed"], 0, [], 5.0),
        (["covered", "partly", "missed"], 1, [], 6.0),
        (["covered", "partly", "missed"], -9, [], 2.0),  # adjustment bounded at -3
        (["covered", "covered", "missed"], 1, ["错误说法"], 5.5),  # errors: no bonus, -1
        (["missed"] * 3, 1, [], 0.0),  # nothing covered: no bonus
        (["missed"] * 3, -3, [], 0.0),  # never below 0
    ],
)
def test_the_score_is_computed_from_the_judgments(
    statuses: list[str], correctness: float, errors: list[str], expected: float
) -> None:
    rubric = [{"index": n, "status": s, "evidence": "减少神经元的共适应性" if s != "missed" else ""}
              for n, s in enumerate(statuses, start=1)]
    grade = build_grade("q", POINTS, reply(rubric=rubric, correctness=correctness, errors=errors),
                        ANSWER, offline(), "llm:m", "zh")
    assert grade.score == expected
    assert grade.missing == [p for p, s in zip(POINTS, statuses, strict=True) if s == "missed"]


def test_an_llm_grade_keeps_what_the_offline_grader_found_not_what_it_could_not_check() -> None:
    grade = build_grade("q", POINTS, reply(), ANSWER,
                        offline(flags=["contradiction", "unverified", "statements_unchecked"]),
                        "llm:m", "zh")
    assert grade.flags == ["contradiction"]


def test_unknown_and_duplicate_indices_are_ignored_and_gaps_count_as_missed() -> None:
    judged = judge_rubric(POINTS, reply(rubric=[
        {"index": 0, "status": "covered", "evidence": "共适应性"},
        {"index": 2, "status": "covered", "evidence": "模型融合"},
        {"index": 2, "status": "missed", "evidence": ""},
        {"index": 7, "status": "covered", "evidence": "共适应性"},
    ]), ANSWER)
    assert [i.status for i in judged.items] == ["missed", "covered", "missed"]
    assert judged.notes == ["the model skipped 2 key point(s); counted as missed"]


def test_covered_needs_a_quote_that_is_in_the_answer() -> None:
    assert quote_supported("神经元的共适应性", ANSWER)
    assert quote_supported("co-adaptation", "it reduces Co-Adaptation of units")
    assert not quote_supported("共享参数的子网络", ANSWER)
    assert not quote_supported("", ANSWER)
    judged = judge_rubric(POINTS, reply(rubric=[
        {"index": 1, "status": "covered", "evidence": "共适应性"},
        {"index": 2, "status": "covered", "evidence": "参数共享，每个子网络"},
        {"index": 3, "status": "covered", "evidence": ""},
    ]), ANSWER)
    assert [i.status for i in judged.items] == ["covered", "partly", "partly"]


def test_instructions_to_the_grader_cap_the_score_at_the_offline_one() -> None:
    score, notes = cross_check(10, reply(instructions_to_grader=True), offline(2))
    assert score == 2 and "instructions aimed at the grader" in notes[0]
    score, notes = cross_check(9, reply(), offline(1, flags=["injection"]))
    assert score == 1 and "lowered" in notes[0]
    assert cross_check(1, reply(instructions_to_grader=True), offline(2)) == (1, [])


def test_a_suspect_answer_far_above_the_offline_score_is_pulled_down() -> None:
    score, notes = cross_check(9, reply(), offline(1, flags=["keyword_stuffing"]))
    assert score == 5 and "keyword_stuffing" in notes[0]
    assert cross_check(5, reply(), offline(2, flags=["keyword_stuffing"])) == (5, [])
    assert cross_check(9, reply(), offline(1)) == (9, [])


def test_level_memory_remembers_per_endpoint_and_model(tmp_path: Path) -> None:
    memory = LevelMemory(tmp_path / "levels.json")
    assert memory.start_level("http://a/v1", "m") == LEVELS[0]
    memory.remember("http://a/v1", "m", "json_object")
    assert LevelMemory(tmp_path / "levels.json").start_level("http://a/v1", "m") == "json_object"
    assert memory.start_level("http://a/v1", "other") == "json_schema"
    assert memory.start_level("http://b/v1", "m") == "json_schema"


def test_level_memory_forgets_after_a_week_and_survives_a_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "levels.json"
    old = time.time() - 8 * 24 * 3600
    path.write_text(json.dumps({"e m": {"level": "json_object", "since": old}}), "utf-8")
    assert LevelMemory(path).start_level("e", "m") == "json_schema"
    path.write_text("{broken", "utf-8")
    assert LevelMemory(path).start_level("e", "m") == "json_schema"
    LevelMemory(path).remember("e", "m", "json_object")
    assert LevelMemory(path).start_level("e", "m") == "json_object"


def test_endpoint_labels_carry_no_credentials() -> None:
    assert endpoint_label(None) == "https://api.openai.com/v1"
    assert endpoint_label("http://user:pw@localhost:11434/v1/?key=s") == "http://localhost:11434/v1"


def test_redact_removes_the_key_and_key_shaped_strings() -> None:
    text = redact("Incorrect API key provided: sk-abc123456789. Also sk-proj-XYZ*****98", "sk-abc")
    assert "sk-" not in text and "abc123" not in text
    assert redact("line one\n  line two", None) == "line one line two"


def test_a_short_key_is_masked_only_where_it_stands_alone() -> None:
    assert redact("Expecting value: line 1 column 1", "x") == "Expecting value: line 1 column 1"
    assert redact("invalid key x given", "x") == "invalid key *** given"
