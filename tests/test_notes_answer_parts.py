"""Numbered bold labels that do not ask ("**（1）Batch Normalization**"), right after a bold
question that asks, are the parts of its answer — not questions of their own."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank


def _read(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    path = tmp_path / "notes.md"
    path.write_text(text, encoding="utf-8")
    return [(q.title, q.answer) for q in load_bank([path]).questions]


def test_numbered_labels_under_a_question_are_its_answer(tmp_path: Path) -> None:
    read = _read(
        tmp_path,
        "## 检测\n\n**v2 有哪些改进？**\n\n相比 v1 改了多处。\n\n**（1）Batch Normalization**\n\n"
        "每个卷积层后加 BN。\n\n**（2）Anchor Boxes**\n\n用先验框预测。\n\n"
        "**v3 改了什么？**\n\n多尺度预测。\n",
    )
    assert read == [
        (
            "v2 有哪些改进？",
            "相比 v1 改了多处。\n\n**（1）Batch Normalization**\n\n每个卷积层后加 BN。\n\n"
            "**（2）Anchor Boxes**\n\n用先验框预测。",
        ),
        ("v3 改了什么？", "多尺度预测。"),
    ]


def test_numbered_labels_that_ask_or_continue_a_series_stay_questions(tmp_path: Path) -> None:
    series = _read(
        tmp_path,
        "**1. 什么是过拟合？**\n\n训练好测试差。\n\n**2. 正则化**\n\n约束参数。\n\n**3. Dropout**\n\n随机失活。\n",
    )
    assert [title for title, _ in series] == ["什么是过拟合？", "正则化", "Dropout"]
    asking = _read(
        tmp_path,
        "**What changed in v2?**\n\nMany things.\n\n**1) Explain anchor boxes.**\n\nPriors.\n\n"
        "**2) Why batch norm?**\n\nStability.\n",
    )
    assert [title for title, _ in asking] == [
        "What changed in v2?",
        "Explain anchor boxes.",
        "Why batch norm?",
    ]
    topics = _read(tmp_path, "**1. 过拟合**\n\n训练好测试差。\n\n**2. 正则化**\n\n约束参数。\n")
    assert [title for title, _ in topics] == ["过拟合", "正则化"]


def test_numbered_steps_under_a_label_of_a_question_are_its_answer(tmp_path: Path) -> None:
    # "## 4. What are volumes?" over "### Answer:", "### Types:" and "#### 1. Named volumes",
    # "#### 2. Bind mounts": the numbered sub-sub-headings are the answer's items, each group
    # under its own label numbered from 1 (found on the walk10a walkthrough, Docker notes).
    read = _read(
        tmp_path,
        "# Basics\n\n## 1. What are volumes?\n\n### Answer:\nVolumes keep data.\n\n"
        "### Types:\n\n#### 1. Named volumes\nManaged by the engine.\n\n"
        "#### 2. Bind mounts\nA host folder.\n\n"
        "## 2. How do you secure the daemon?\n\n### Answer:\n\n#### 1. TLS\nUse certificates.\n\n"
        "#### 2. Access control\nBind to localhost.\n\n### Auditing:\n\n#### 1. Logs\nKeep them.\n\n"
        "## 3. What is an image?\n\nA read-only template.\n",
    )
    assert [title for title, _ in read] == [
        "What are volumes?", "How do you secure the daemon?", "What is an image?"]
    assert "Bind mounts" in read[0][1] and "A host folder." in read[0][1]
    assert "Bind to localhost." in read[1][1] and "Keep them." in read[1][1]

def test_headings_under_an_answer_label_are_that_answer(tmp_path: Path) -> None:
    """Found on the foreign27 walkthrough: "## 2. Explain X." over "### Answer:" and numbered
    "#### 1. …" parts was read as a section of three questions, and the parts of a question
    that asks ("## 3. What …?") as questions of their own."""
    read = _read(
        tmp_path,
        "# Basics\n\n## 1. What are caches?\n\n### Answer:\n\nFast storage.\n\n### Kinds:\n\n"
        "#### 1. Page Cache\n\nKernel pages.\n\n#### 2. CPU Cache\n\nOn the chip.\n\n"
        "## 2. Explain the write path.\n\n### Answer:\n\nThree steps.\n\n#### 1. Buffer\n\n"
        "Held in memory.\n\n#### 2. Flush\n\nWritten out.\n\n"
        "## 3. Scenario: the disk fills up - what do you check?\n\n### Problem:\n\nWrites fail."
        "\n\n### Steps:\n\n#### 1. Check Usage\n\nRun df.\n\n#### 2. Rotate Logs\n\nCompress.\n",
    )
    assert [title for title, _ in read] == [
        "What are caches?",
        "Explain the write path.",
        "Scenario: the disk fills up - what do you check?",
    ]
    assert "Page Cache" in read[0][1] and "CPU Cache" in read[0][1]
    assert "Flush" in read[1][1]
    assert "Writes fail." in read[2][1] and "Rotate Logs" in read[2][1]


def test_question_and_answer_label_siblings_stay_separate_questions(tmp_path: Path) -> None:
    read = _read(
        tmp_path,
        "## Caching\n\n### What is a cache?\n\n#### Answer\n\nFast storage.\n\n"
        "### What is eviction?\n\n#### Answer\n\nRemoving entries.\n",
    )
    assert read == [("What is a cache?", "Fast storage."), ("What is eviction?", "Removing entries.")]


def test_paired_problem_and_solution_labels_stay_questions(tmp_path: Path) -> None:
    read = _read(
        tmp_path,
        "## Dynamic Programming\n\n### Problem\n\nHow many ways to climb n stairs?\n\n"
        "### Solution\n\nFibonacci.\n\n### Problem\n\nLongest increasing subsequence?\n\n"
        "### Solution\n\nPatience sorting.\n\n## Graphs\n\n### Problem\n\nFind a cycle?\n\n"
        "### Solution\n\nDFS with colours.\n",
    )
    assert read == [
        ("How many ways to climb n stairs?", "Fibonacci."),
        ("Longest increasing subsequence?", "Patience sorting."),
        ("Find a cycle?", "DFS with colours."),
    ]



def test_numbered_sub_headings_under_a_labelled_question_are_its_answer(tmp_path: Path) -> None:
    # "# Q 1." labels the heading a question though it ends with a colon, not a question
    # mark: the numbered sub-headings are the items its answer covers.
    read = _read(
        tmp_path,
        "# Q 1. Give one example of each of these tests:\n\nAns: here they are.\n\n"
        "### 1. One sample t-test:\n\nA class mean against a national mean.\n\n"
        "### 2. Paired t-test:\n\nWeights before and after a diet.\n\n"
        "# Q 2. What does a p-value measure?\n\nHow surprising the data are under the null.\n",
    )
    assert [title for title, _ in read] == [
        "Give one example of each of these tests:",
        "What does a p-value measure?",
    ]
    assert "national mean" in read[0][1] and "before and after" in read[0][1]
