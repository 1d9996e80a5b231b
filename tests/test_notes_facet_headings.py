"""Questions whose answers all follow one template of sub-headings that refer back to them
("### What is it?", "### Why do we use it?", "### Example"): those sub-headings are parts of
the answer, not questions that ask about nothing."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank

GUIDE = (
    "# Caching Guide\n\n"
    "## 1. What is output caching?\n\n"
    "### What is it?\n\nThe server stores a whole response and replays it.\n\n"
    "### Why do we use it?\n\nIt spares the database repeated queries.\n\n"
    "### Example\n\n```csharp\napp.UseOutputCache();\n```\n\n---\n\n"
    "## 2. Sliding vs Absolute Expiration\n\n"
    "### What is it?\n\nSliding expiry restarts on each read; absolute expiry does not.\n\n"
    "### When to choose each?\n\nSliding for hot keys, absolute for data that must refresh.\n\n"
    "## 3. What is a cache stampede?\n\n"
    "### What is it?\n\nMany requests miss at once and all rebuild the same entry.\n\n"
    "### How to solve it?\n\nLet one request rebuild while the others wait.\n"
)


def test_sub_headings_referring_back_are_parts_of_the_answer(tmp_path: Path) -> None:
    path = tmp_path / "caching.md"
    path.write_text(GUIDE, encoding="utf-8")
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == [
        "What is output caching?",
        "Sliding vs Absolute Expiration",
        "What is a cache stampede?",
    ]
    first, second, third = (q.answer for q in questions)
    assert "replays it" in first and "repeated queries" in first and "UseOutputCache" in first
    assert "restarts on each read" in second and "hot keys" in second
    assert "rebuild the same entry" in third and "others wait" in third


def test_sub_questions_naming_their_own_subject_stay_questions(tmp_path: Path) -> None:
    # A section's sub-headings that ask about things of their own are its questions.
    path = tmp_path / "db.md"
    path.write_text(
        "## Indexes\n\n### What is a B-tree index?\n\nA balanced tree of keys.\n\n"
        "### What is a hash index?\n\nBuckets by the key's hash.\n\n"
        "## Transactions\n\n### What is isolation?\n\nHow concurrent work is kept apart.\n",
        encoding="utf-8",
    )
    titles = [q.title for q in load_bank([path]).questions]
    assert titles == ["What is a B-tree index?", "What is a hash index?", "What is isolation?"]


def test_a_template_every_answer_opens_with_is_parts_of_those_answers(tmp_path: Path) -> None:
    # "### Description" opens the answer under each topic heading: not a question asked three
    # times under three topics.
    topics = ["DELETE vs TRUNCATE", "WHERE vs HAVING", "UNION vs UNION ALL"]
    text = "# SQL Guide\n\n" + "".join(
        f"## {n}. {topic}\n\n### Description\n\n{topic} differ in what they act on.\n\n"
        f"### Real-Time Example\n\n```sql\nSELECT {n};\n```\n\n"
        for n, topic in enumerate(topics, 1)
    )
    path = tmp_path / "sql.md"
    path.write_text(text, encoding="utf-8")
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == topics
    assert all("differ in what" in q.answer and "SELECT" in q.answer for q in questions)


def test_groups_of_questions_under_each_topic_are_not_a_template(tmp_path: Path) -> None:
    # "### Easy" under every topic holds that topic's questions, not part of an answer.
    text = "".join(
        f"## {topic}\n\n### Easy\n\n1. What is {topic.lower()}?\n2. Why use {topic.lower()}?\n\n"
        for topic in ["Arrays", "Strings", "Trees"]
    )
    path = tmp_path / "dsa.md"
    path.write_text(text, encoding="utf-8")
    titles = [q.title for q in load_bank([path]).questions]
    assert "What is arrays?" in titles and "Why use trees?" in titles and "Arrays" not in titles
