"""A heading that only says "questions" over (nearly) every question of a file is a container:
it tells nothing about any question, so it is no topic of theirs."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank
from interviewer.notes.model import Question


def _questions(tmp_path: Path, text: str) -> list[Question]:
    path = tmp_path / "notes.md"
    path.write_text(text, encoding="utf-8")
    return load_bank([path]).questions


def test_a_questions_heading_over_every_question_is_no_topic(tmp_path: Path) -> None:
    questions = _questions(
        tmp_path,
        "# 65 Interview Questions\n\nA collection.\n\n## Resources\n\n1. [A book](https://x.org)\n\n"
        "## Questions\n\n#### 1) What is a kernel? [[src](https://x.org)]\n\nA similarity.\n\n"
        "#### 2) Why prune a tree?\n\nTo generalise.\n\n#### 3) What is bagging?\n\nVoting.\n",
    )
    assert [(q.title, q.sections) for q in questions] == [
        ("What is a kernel?", ()),
        ("Why prune a tree?", ()),
        ("What is bagging?", ()),
    ]
    assert all("Questions" not in q.topics for q in questions)


def test_a_container_goes_but_the_sections_inside_it_stay(tmp_path: Path) -> None:
    questions = _questions(
        tmp_path,
        "## 面试题\n\n### 优化器\n\n#### 动量有什么用？\n\n加速收敛。\n\n#### Adam 为什么快？\n\n自适应。\n\n"
        "### 正则化\n\n#### L1 为什么稀疏？\n\n顶点在坐标轴上。\n",
    )
    assert [q.sections for q in questions] == [("优化器",), ("优化器",), ("正则化",)]


def test_question_and_answer_containers_in_other_words(tmp_path: Path) -> None:
    for name in ("Q&A", "FAQ", "Questions & Answers", "Interview Questions", "常见面试题"):
        questions = _questions(
            tmp_path,
            f"# Caching\n\n## {name}\n\n**What is a cache hit?**\n\nA read the cache serves.\n\n"
            "**What is eviction?**\n\nDropping an entry to make room.\n",
        )
        assert [q.sections for q in questions] == [(), ()], name


def test_headings_that_name_a_subject_or_split_the_questions_stay_topics(tmp_path: Path) -> None:
    split = _questions(
        tmp_path,
        "## General questions\n\n**What is a goroutine?**\n\nA light thread.\n\n"
        "**What is a channel?**\n\nA typed pipe.\n\n"
        "## Tricky questions\n\n**Why does this loop leak?**\n\nNo receiver.\n",
    )
    assert [q.sections for q in split] == [
        ("General questions",),
        ("General questions",),
        ("Tricky questions",),
    ]
    for name, difficulty in (("Python", None), ("Python Questions", None), ("Advanced Questions", "hard")):
        subject = _questions(
            tmp_path,
            f"## {name}\n\n**What is a decorator?**\n\nA function wrapping another.\n\n"
            "**What is the GIL?**\n\nA lock around the interpreter.\n",
        )
        assert [(q.sections, q.difficulty) for q in subject] == [((name,), difficulty)] * 2, name


def test_nearly_all_is_enough_one_question_outside_does_not_save_it(tmp_path: Path) -> None:
    answers = "".join(
        f"#### {n}) Why step {n}?\n\nBecause of reason {n}.\n\n" for n in range(1, 12)
    )
    questions = _questions(
        tmp_path, f"**What is this file for?**\n\nPractice.\n\n## Questions\n\n{answers}"
    )
    assert len(questions) == 12
    assert all(q.sections == () for q in questions)


def test_a_questions_sub_heading_under_each_subject_is_no_topic(tmp_path: Path) -> None:
    # Found on the walk8d walkthrough: "## DNS" / "### Notes" / "### Interview Q&A" repeated
    # under every subject — the sub-heading names no subject, its parent does.
    questions = _questions(
        tmp_path,
        "## 1. DNS\n\n### Notes\n\n- Names to addresses.\n\n### Interview Q&A\n\n"
        "**Q1: What is a resolver?**\nA: It walks the tree.\n\n"
        "**Q2: What is a TTL?**\nA: How long a record is cached.\n\n"
        "## 2. ARP\n\n### Notes\n\n- Addresses to MACs.\n\n### Interview Q&A\n\n"
        "**Q1: What is ARP?**\nA: It maps IP addresses to MAC addresses.\n\n"
        "## Rapid Fire\n\n1. **Q:** Default port for SSH? **A:** 22.\n"
        "2. **Q:** Default port for DNS? **A:** 53.\n",
    )
    assert [(q.title, q.sections) for q in questions] == [
        ("What is a resolver?", ("DNS",)),
        ("What is a TTL?", ("DNS",)),
        ("What is ARP?", ("ARP",)),
        ("Default port for SSH?", ("Rapid Fire",)),
        ("Default port for DNS?", ("Rapid Fire",)),
    ]
    assert all("Interview Q&A" not in q.topics for q in questions)


def test_a_questions_section_of_its_own_stays_beside_subjects(tmp_path: Path) -> None:
    # Only a sub-heading goes: a top "## Interview Questions" among subjects names a part.
    questions = _questions(
        tmp_path,
        "## DNS\n\n### What is a resolver?\n\nIt walks the tree.\n\n"
        "### What is a TTL?\n\nHow long a record is cached.\n\n"
        "## Interview Questions\n\n### Why did you apply?\n\nThe work.\n\n"
        "### Where do you see yourself?\n\nHere.\n",
    )
    assert [q.sections for q in questions] == [
        ("DNS",), ("DNS",), ("Interview Questions",), ("Interview Questions",)
    ]


def test_a_contents_heading_over_every_section_is_no_topic(tmp_path: Path) -> None:
    questions = _questions(
        tmp_path,
        "# 网络\n\n# 目录\n\n- [传输层](#trans)\n\n# 内容\n\n### 传输层\n\n1. 三次握手过程？\n\n"
        "    SYN、SYN+ACK、ACK。\n\n### 应用层\n\n1. GET 和 POST 的区别？\n\n    语义不同。\n",
    )
    assert [(q.title, q.sections) for q in questions] == [
        ("三次握手过程？", ("传输层",)),
        ("GET 和 POST 的区别？", ("应用层",)),
    ]
