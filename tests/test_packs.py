"""Domain packs: the bundled deep-learning pack applies to notes about its subject, can be
named or switched off, a user's pack is a folder of TOML files, and nothing needs a pack."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from interviewer.grading.keyword import KeywordGrader
from interviewer.grading.lexicon import word_groups
from interviewer.notes import QuestionBank, load_bank
from interviewer.packs import (
    PackError,
    bundled_packs,
    load_pack,
    question_texts,
    select_packs,
)

HASH_NOTES = """## 1. How does a hash table resolve collisions?

Chaining keeps a list per bucket; open addressing probes other slots of the array.

## 2. What is the load factor of a hash table?

The number of stored keys divided by the number of buckets; above a threshold the table grows.
"""
USER_PACK = """[pack]
name = "hashing"

[pack.match]
min_share = 0.5
min_terms = 2

[[words]]
en = ["hash table", "hash map"]

[[words]]
en = ["bucket", "slot"]

[[misconception]]
about = 'load factor'
claim = 'can (?:go|be) above (?:1|one)'
unless = '\\bnot\\b|chaining'
zh = "开放寻址的负载因子不能超过 1"
en = "with open addressing the load factor cannot exceed 1"
"""


@pytest.fixture
def hash_bank(tmp_path: Path) -> QuestionBank:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "hash.md").write_text(HASH_NOTES, encoding="utf-8")
    return load_bank([tmp_path / "notes"])


def test_the_bundled_pack_matches_the_bundled_notes_only(
    bank: QuestionBank, hash_bank: QuestionBank
) -> None:
    assert [p.name for p in select_packs(None, question_texts(bank.questions))] == [
        "deep-learning"]
    # Hash-table notes are computer science, not deep learning.
    assert [p.name for p in select_packs(None, question_texts(hash_bank.questions))] == [
        "computer-science"]
    assert select_packs("none", question_texts(bank.questions)) == []
    assert [p.name for p in select_packs("deep-learning", [])] == ["deep-learning"]


def test_the_automatic_choice_is_remembered_per_notes_and_packs(
    tmp_path: Path, bank: QuestionBank, hash_bank: QuestionBank
) -> None:
    cache = tmp_path / "cache"
    texts = question_texts(bank.questions)
    assert [p.name for p in select_packs(None, texts, cache_dir=cache)] == ["deep-learning"]
    assert (cache / "packs-auto.json").is_file()
    assert [p.name for p in select_packs(None, texts, cache_dir=cache)] == ["deep-learning"]
    # Other notes, or another set of packs (a user pack added), are decided afresh.
    assert [p.name for p in select_packs(None, question_texts(hash_bank.questions),
                                         cache_dir=cache)] == ["computer-science"]
    user = tmp_path / "packs" / "hashing"
    user.mkdir(parents=True)
    (user / "pack.toml").write_text(USER_PACK, encoding="utf-8")
    chosen = select_packs(None, question_texts(hash_bank.questions), [tmp_path / "packs"],
                          cache_dir=cache)
    assert [p.name for p in chosen] == ["computer-science", "hashing"]
    (cache / "packs-auto.json").write_text("{not json", encoding="utf-8")
    assert [p.name for p in select_packs(None, texts, cache_dir=cache)] == ["deep-learning"]


def test_a_remembered_choice_reads_only_the_chosen_packs(tmp_path: Path, bank: QuestionBank) -> None:
    # Each command start decides the packs; parsing a pack it will not use is wasted time.
    cache = tmp_path / "cache"
    texts = question_texts(bank.questions)
    assert [p.name for p in select_packs(None, texts, cache_dir=cache)] == ["deep-learning"]
    load_pack.cache_clear()
    assert [p.name for p in select_packs(None, texts, cache_dir=cache)] == ["deep-learning"]
    assert load_pack.cache_info().currsize == 1
    # An edited pack is another pack set: decided afresh.
    user = tmp_path / "packs" / "hashing"
    user.mkdir(parents=True)
    (user / "pack.toml").write_text(USER_PACK, encoding="utf-8")
    select_packs(None, texts, [tmp_path / "packs"], cache_dir=cache)
    (user / "pack.toml").write_text(USER_PACK.replace("min_share = 0.5", "min_share = 0.0"),
                                    encoding="utf-8")
    load_pack.cache_clear()
    chosen = select_packs(None, texts, [tmp_path / "packs"], cache_dir=cache)
    assert [p.name for p in chosen] == ["deep-learning", "hashing"]


def test_a_first_choice_reads_only_the_match_terms_of_packs_it_does_not_choose(
    bank: QuestionBank,
) -> None:
    # Deciding needs each pack's [pack.match] only; its word lists are read when chosen.
    load_pack.cache_clear()
    chosen = select_packs(None, question_texts(bank.questions), cache_dir=None)
    assert [p.name for p in chosen] == ["deep-learning"]
    assert load_pack.cache_info().currsize == 1
    load_pack.cache_clear()
    assert select_packs(None, ["How long do you rest a steak? Five minutes."]) == []
    assert load_pack.cache_info().currsize == 0


def test_search_reads_the_same_vocabulary_from_the_pack() -> None:
    groups = word_groups()
    assert groups == [g for pack in bundled_packs() for g in pack.words]
    assert any("梯度消失" in group and "vanishing gradient" in group for group in groups)


def test_misconceptions_come_only_with_the_pack(bank: QuestionBank) -> None:
    question = bank.get("deep_learning_basics-12")
    answer = "dropout 在测试时也要随机丢弃神经元，这样模型更鲁棒。"
    with_pack = KeywordGrader(bank).grade(question, answer)
    without = KeywordGrader(bank, packs=[]).grade(question, answer)
    assert any(r.name == "misconceptions" and r.found for r in with_pack.checks)
    report = next(r for r in without.checks if r.name == "misconceptions")
    assert not report.ran and report.note == "no domain pack applies"


def test_a_user_pack_is_a_folder_of_toml_files(tmp_path: Path, hash_bank: QuestionBank) -> None:
    folder = tmp_path / "packs" / "hashing"
    folder.mkdir(parents=True)
    (folder / "pack.toml").write_text(USER_PACK, encoding="utf-8")
    texts = question_texts(hash_bank.questions)
    # Named by folder path, by name in a packs folder, or found by matching the notes.
    assert [p.name for p in select_packs(str(folder), texts)] == ["hashing"]
    assert [p.name for p in select_packs("hashing", texts, [tmp_path / "packs"])] == ["hashing"]
    assert [p.name for p in select_packs(None, texts, [tmp_path / "packs"])] == [
        "computer-science", "hashing"]
    pack = load_pack(folder)
    grader = KeywordGrader(hash_bank, packs=[pack])
    grade = grader.grade(load_factor_question(hash_bank),
                         "It is stored keys over buckets, and the load factor can go above 1 "
                         "with open addressing.")
    assert any(r.name == "misconceptions" and r.found for r in grade.checks)
    assert "cannot exceed 1" in grade.feedback


def load_factor_question(bank: QuestionBank):  # type: ignore[no-untyped-def]
    return next(q for q in bank.questions if "load factor" in q.title)


def test_a_broken_or_unknown_pack_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="no domain pack named 'nope'"):
        select_packs("nope", [])
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "pack.toml").write_text("[pack\nname=", encoding="utf-8")
    with pytest.raises(PackError, match="not valid TOML"):
        load_pack(broken)


def test_the_cli_names_an_unknown_pack(tmp_path: Path) -> None:
    env = {"INTERVIEWER_PACKS": "nope", "INTERVIEWER_HOME": str(tmp_path), "PATH": ""}
    result = subprocess.run(
        [sys.executable, "-m", "interviewer", "grade", "--offline", "--question-id",
         "deep_learning_basics-12", "--answer", "dropout 随机丢弃神经元", "--json"],
        capture_output=True, text=True, env=env, check=False,
    )
    assert result.returncode == 2
    assert "no domain pack named 'nope'" in result.stderr
    assert "Traceback" not in result.stderr


def test_grading_works_with_packs_off(tmp_path: Path) -> None:
    env = {"INTERVIEWER_PACKS": "none", "INTERVIEWER_HOME": str(tmp_path), "PATH": ""}
    result = subprocess.run(
        [sys.executable, "-m", "interviewer", "grade", "--offline", "--question-id",
         "deep_learning_basics-12", "--answer",
         "dropout 训练时随机丢弃神经元，减少共适应，相当于很多子网络的集成。", "--json"],
        capture_output=True, text=True, env=env, check=False,
    )
    assert result.returncode == 0, result.stderr
    grade = json.loads(result.stdout)
    assert grade["score"] >= 2
    assert [c["name"] for c in grade["checks"]][:2] == ["honesty", "coverage"]
