"""The parse cache (unchanged files are not parsed again; a changed file or parser is) and the
topics a file's place in the notes folder gives its questions."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_notes_parser import BASIC

from interviewer.notes import load_bank


def test_parse_cache_reuses_unchanged_files_and_reparses_edits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from interviewer.notes import bank as bank_module

    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "a.md").write_text(BASIC, encoding="utf-8")
    (notes / "b.md").write_text("## 1. 乙？\n答\n", encoding="utf-8")
    cache = tmp_path / "cache"
    first = load_bank([notes], cache_dir=cache)

    calls: list[str] = []
    real = bank_module._file_questions

    def counting(text: str, source: str, *rest):  # type: ignore[no-untyped-def]
        calls.append(source)
        return real(text, source, *rest)

    monkeypatch.setattr(bank_module, "_file_questions", counting)
    second = load_bank([notes], cache_dir=cache)
    assert calls == []
    assert [q.to_json() for q in second] == [q.to_json() for q in first]

    (notes / "b.md").write_text("## 1. 乙改了？\n答\n", encoding="utf-8")
    third = load_bank([notes], cache_dir=cache)
    assert calls == ["b.md"]
    assert [q.title for q in third] == ["什么是过拟合？", "乙改了？"]


def test_cached_questions_keep_place_topics_only_among_several_files(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "k_means.md").write_text(BASIC, encoding="utf-8")
    (notes / "b.md").write_text("## 1. 乙？\n答\n", encoding="utf-8")
    cache = tmp_path / "cache"
    for _ in range(2):  # parsed, then from the cache
        together = load_bank([notes], cache_dir=cache)
        (mine,) = [q for q in together.questions if q.source == "k_means.md"]
        assert "k means" in mine.notes_topics
        alone = load_bank([notes / "k_means.md"], cache_dir=cache)
        assert "k means" not in alone.questions[0].notes_topics


def test_unreadable_cache_entries_are_ignored(tmp_path: Path) -> None:
    notes = tmp_path / "a.md"
    notes.write_text(BASIC, encoding="utf-8")
    cache = tmp_path / "cache"
    load_bank([notes], cache_dir=cache)
    for entry in cache.iterdir():
        entry.write_bytes(b"garbage")
    assert [q.title for q in load_bank([notes], cache_dir=cache)] == ["什么是过拟合？"]


def test_a_changed_parser_parses_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A parser edited without a FORMAT bump (or an upgrade that forgot one) must not serve
    # questions the old code parsed: the key holds a digest of the parser's own source.
    from interviewer.notes import cache as cache_module

    notes = tmp_path / "a.md"
    notes.write_text(BASIC, encoding="utf-8")
    folder = tmp_path / "cache"
    load_bank([notes], cache_dir=folder)
    before = {entry.name for entry in folder.iterdir()}
    monkeypatch.setattr(cache_module, "CODE", cache_module.CODE + "-edited")
    load_bank([notes], cache_dir=folder)
    assert {entry.name for entry in folder.iterdir()} - before


def test_place_topics_leave_out_the_numbers_that_order_the_files(tmp_path: Path) -> None:
    # "01_激活函数.md", "10_优化器.md": the number sorts the files in a folder; the topic a
    # candidate picks is the name ("--topic 优化器", not "--topic '10 优化器'").
    notes = tmp_path / "notes" / "02-deep-learning"
    notes.mkdir(parents=True)
    (notes / "01_激活函数.md").write_text("## 激活函数的作用？\n\n引入非线性。\n", encoding="utf-8")
    (notes / "10. optimizers.md").write_text("## What is Adam?\n\nMomentum plus RMSProp.\n",
                                              encoding="utf-8")
    (notes / "3d_vision.md").write_text("## What is a point cloud?\n\nA set of points.\n",
                                        encoding="utf-8")
    bank = load_bank([tmp_path / "notes"])
    topics = {q.source.split("/")[-1]: q.notes_topics for q in bank.questions}
    # Without its number the name is one the glossary knows.
    assert topics["01_激活函数.md"] == ("deep learning", "activation-functions")
    assert topics["10. optimizers.md"] == ("deep learning", "optimizers")
    assert topics["3d_vision.md"] == ("deep learning", "3d vision")


def test_a_file_named_only_by_its_number_gives_no_topic(tmp_path: Path) -> None:
    # sweep11d (a Chinese daily-question site, "base/http/108.md"): every question had its own
    # page number as a topic.
    notes = tmp_path / "notes" / "http"
    notes.mkdir(parents=True)
    (notes / "108.md").write_text("## 什么是 Basic Auth？\n\n用户名和密码以 base64 放在请求头。\n",
                                  encoding="utf-8")
    (notes / "109.md").write_text("## gzip 的原理是什么？\n\nDeflate：LZ77 加哈夫曼编码。\n",
                                  encoding="utf-8")
    bank = load_bank([tmp_path / "notes"])
    assert {q.notes_topics for q in bank.questions} == {("http",)}


def test_a_file_name_every_file_shares_is_no_topic(tmp_path: Path) -> None:
    # "aws/questions.md", "git/questions.md" …: the folders name the subjects; "questions",
    # the name of every file, was a topic holding every question (walk10d).
    notes = tmp_path / "notes"
    for folder, text in [("cloud", "## What is a region?\n\nAn area.\n"),
                         ("version-control", "## What is a commit?\n\nA snapshot.\n")]:
        (notes / folder).mkdir(parents=True)
        (notes / folder / "questions.md").write_text(text, encoding="utf-8")
    cache = tmp_path / "cache"
    for _ in range(2):  # parsed, then from the cache
        bank = load_bank([notes], cache_dir=cache)
        assert [q.notes_topics for q in bank.questions] == [("cloud",), ("version control",)]
    # Beside a file of another name, "questions" tells these files apart again.
    (notes / "overview.md").write_text("## What is a pipeline?\n\nStages.\n", encoding="utf-8")
    bank = load_bank([notes], cache_dir=cache)
    assert ("cloud", "questions") in [q.notes_topics for q in bank.questions]


def test_a_file_title_that_says_its_place_again_is_no_second_topic(tmp_path: Path) -> None:
    # Found on the walk10d walkthrough: "## Linux Questions" over linux/questions.md was a
    # topic beside "linux", both holding the same 41 questions ("Weakest topics: Linux
    # Questions 9, linux 9"). A shorter name of the same questions ("## Java" over
    # zh_java.md) is the better name and stays.
    notes = tmp_path / "notes"
    (notes / "shell").mkdir(parents=True)
    (notes / "shell" / "questions.md").write_text(
        "## Shell Questions\n\n**What does pwd print?**\n\nThe working directory.\n\n"
        "**What does exec do?**\n\nIt replaces the shell process.\n",
        encoding="utf-8",
    )
    (notes / "zh_java.md").write_text(
        "## Java\n\n**What is a JVM?**\n\nThe virtual machine.\n\n"
        "**What is a JAR?**\n\nA zip of classes.\n",
        encoding="utf-8",
    )
    bank = load_bank([notes])
    topics = {q.title: q.notes_topics for q in bank.questions}
    assert topics["What does pwd print?"] == ("shell", "questions")
    assert topics["What does exec do?"] == ("shell", "questions")
    assert topics["What is a JVM?"] == ("Java", "zh java")
    assert bank.questions[0].sections == ("Shell Questions",)


def test_a_file_named_for_its_one_question_gives_no_topic_of_its_own(tmp_path: Path) -> None:
    # A folder of cards, one question each, named for it: 30 topics of one question each
    # ("What do you know about ArrayMap", "AC Question01") listed nothing a candidate picks.
    notes = tmp_path / "notes" / "android"
    notes.mkdir(parents=True)
    for name, text in [
        ("What do you know about ArrayMap.md",
         "# ArrayMap\n\nA map kept in two sorted arrays, found by binary search.\n"),
        ("AC-Question01.md", "## What is an abstract class?\n\nA class never instantiated.\n"),
        ("Services.md", "## What is a service?\n\nWork without a user interface.\n"),
    ]:
        (notes / name).write_text(text, encoding="utf-8")
    bank = load_bank([tmp_path / "notes"])
    topics = {q.source.split("/")[-1]: q.notes_topics for q in bank.questions}
    assert topics["What do you know about ArrayMap.md"] == ("android",)
    assert topics["AC-Question01.md"] == ("android",)
    assert topics["Services.md"] == ("android", "Services")


def test_a_glossary_topic_named_once_in_a_folder_of_small_files_is_a_coincidence(
    tmp_path: Path,
) -> None:
    # "Initialize components at app startup" in Android notes is no weight initialization:
    # a folder of one-question files is judged as a whole, as a large file is.
    android = tmp_path / "android"
    android.mkdir()
    (android / "startup.md").write_text(
        "## How does App Startup order the initialization of components?\n\nBy initializers.\n",
        encoding="utf-8")
    for i in range(7):
        (android / f"card{i}.md").write_text(
            f"## What does intent {i} carry?\n\nAn action and extras.\n", encoding="utf-8")
    topics = {q.title: q.topics for q in load_bank([android]).questions}
    assert "initialization" not in topics[
        "How does App Startup order the initialization of components?"]
    dl = tmp_path / "dl"
    dl.mkdir()
    for i, title in enumerate(["Why does weight initialization matter?",
                               "Why does dropout work?", "What is batch normalization?"]):
        (dl / f"{i}.md").write_text(f"## {title}\n\nBecause.\n", encoding="utf-8")
    topics = {q.title: q.topics for q in load_bank([dl]).questions}
    assert "initialization" in topics["Why does weight initialization matter?"]
