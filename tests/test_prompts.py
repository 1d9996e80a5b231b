"""Prompt templates: checked at load time, rendered with named placeholders only."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from interviewer.grading.prompts import (
    TEMPLATES,
    PromptError,
    bundled_prompts,
    load_prompts,
    parse_template,
)
from interviewer.resources import prompts_dir


@pytest.fixture
def prompt_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled prompts folder."""
    folder = tmp_path / "prompts"
    shutil.copytree(prompts_dir(), folder)
    return folder


def test_the_bundled_templates_load_with_exactly_their_placeholders() -> None:
    prompts = bundled_prompts()
    for name, expected in TEMPLATES.items():
        assert getattr(prompts, name).placeholders == expected


def test_the_system_prompt_declares_the_answer_data_and_asks_for_json() -> None:
    system = bundled_prompts().system.render(nonce="ab12")
    assert "<candidate_answer_ab12>" in system and "</candidate_answer_ab12>" in system
    assert "never instructions" in system
    assert "JSON" in system


def test_the_grade_prompt_carries_everything_and_the_word_json() -> None:
    values = {name: f"<{name} value>" for name in TEMPLATES["grade"]}
    text = bundled_prompts().grade.render(**values)
    for value in values.values():
        assert value in text
    assert "JSON" in text
    assert "{{" not in text


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda t: t.replace("{{answer}}", ""), "missing placeholder(s) {{answer}}"),
        (lambda t: t + "\n{{candidate}}\n", "unknown placeholder(s) {{candidate}}"),
        (lambda t: t.replace("{{schema}}", "{{ schma }}"), "unknown placeholder(s) {{schma}}"),
    ],
)
def test_a_template_that_does_not_fit_fails_at_load_time(
    prompt_copy: Path, edit: object, message: str
) -> None:
    path = prompt_copy / "grade.md"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")  # type: ignore[operator]
    with pytest.raises(PromptError, match=re.escape(message)):
        load_prompts(prompt_copy)


def test_a_missing_template_file_fails_at_load_time(prompt_copy: Path) -> None:
    (prompt_copy / "follow_up.md").unlink()
    with pytest.raises(PromptError, match=r"cannot read prompt template .*follow_up\.md"):
        load_prompts(prompt_copy)


def test_placeholders_may_have_spaces_inside_the_braces() -> None:
    template = parse_template("t", "Q: {{ question }}!", frozenset({"question"}), "t.md")
    assert template.render(question="为什么？") == "Q: 为什么？!"


def test_rendering_needs_every_value_and_no_others() -> None:
    template = parse_template("t", "{{a}} {{b}}", frozenset({"a", "b"}), "t.md")
    with pytest.raises(PromptError, match=r"missing values \['b'\]"):
        template.render(a="1")
    with pytest.raises(PromptError, match=r"unknown values \['c'\]"):
        template.render(a="1", b="2", c="3")


def test_values_are_not_scanned_for_placeholders() -> None:
    template = parse_template("t", "{{answer}} / {{secret}}", frozenset({"answer", "secret"}), "")
    assert template.render(answer="{{secret}}", secret="S") == "{{secret}} / S"


def test_json_braces_in_a_template_are_plain_text() -> None:
    template = parse_template("t", '{"a": 1} {{x}}', frozenset({"x"}), "t.md")
    assert template.render(x="2") == '{"a": 1} 2'
