"""Questions in `<details>` folds and lists of them: folds written without blank lines, a
question listed again beside the fold that answers it, a template's placeholder in a fold,
and level labels between questions."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank


def test_folds_written_without_blank_lines_keep_their_answers_apart(tmp_path: Path) -> None:
    """A fold's answer right under its `</summary>`, and `</details>` followed at once by the
    next `<details>`: CommonMark runs such lines into one HTML block, which lost the first
    answer and merged the next folds into the one before (walk10d)."""
    path = tmp_path / "cloud.md"
    path.write_text(
        "# Cloud\n\n<details>\n<summary>What is a region?</summary>\n"
        "A region is a geographic area holding several isolated zones.\n</details>\n\n"
        "<details>\n<summary>What is a zone?</summary>\nA zone is one data centre.\n\n"
        "Zones fail independently of each other.\n</details>\n"
        "<details>\n<summary>What is a subnet?</summary>\n\n"
        "A subnet is a range of addresses inside a network.\n\n</details>\n"
        "<details>\n<summary>What is a gateway?</summary>\n\n"
        "A gateway connects the network to the internet.\n\n</details>\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [(q.title, q.answer) for q in questions] == [
        ("What is a region?", "A region is a geographic area holding several isolated zones."),
        (
            "What is a zone?",
            "A zone is one data centre.\n\nZones fail independently of each other.",
        ),
        ("What is a subnet?", "A subnet is a range of addresses inside a network."),
        ("What is a gateway?", "A gateway connects the network to the internet."),
    ]


def test_a_question_listed_again_without_its_answer_is_the_answered_one(tmp_path: Path) -> None:
    """An overview list that names a question a fold above answers is no second, unanswered
    copy of it (walk10d); a question of the same words in another section stays."""
    path = tmp_path / "containers.md"
    path.write_text(
        "# Containers\n\n## Images\n\n<details>\n<summary>What is an image?</summary>\n\n"
        "A read-only template for containers.\n\n</details>\n\n"
        "- What is an image?\n- What is a layer?\n\n"
        "## Registries\n\n- What is an image?\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [(q.title, q.sections, bool(q.answer)) for q in questions] == [
        ("What is an image?", ("Images",), True),
        ("What is a layer?", ("Images",), False),
        ("What is an image?", ("Registries",), False),
    ]


def test_a_template_placeholder_in_a_fold_is_no_answer(tmp_path: Path) -> None:
    """A question bank laid out as folds to fill in later ("Answer goes here" under each
    summary) leaves those questions unanswered — never graded against the placeholder
    (walk10d)."""
    fold = "<details>\n<summary>{}</summary>\n\n{}\n\n</details>\n\n"
    path = tmp_path / "infra.md"
    path.write_text(
        "# Infra\n\n"
        + fold.format("What is a state file?", "Answer goes here")
        + fold.format("What is a module?", "Your answer here.")
        + fold.format("Which command checks the syntax?", "`infra validate`")
        + "## 其他\n\n### 什么是漂移？\n\n待填写\n",
        encoding="utf-8",
    )
    bank = load_bank([path])
    assert [(q.title, q.answer, q.has_reference) for q in bank.questions] == [
        ("What is a state file?", "", False),
        ("What is a module?", "", False),
        ("Which command checks the syntax?", "`infra validate`", True),
        ("什么是漂移？", "", False),
    ]


def test_a_level_label_between_questions_marks_the_questions_after_it(tmp_path: Path) -> None:
    """"**Advanced:**" between list questions or folds makes the questions after it hard, as
    a heading "## Advanced" does; a label naming no single level ends that part (walk10d)."""
    fold = "<details>\n<summary>{}</summary>\n\n{}\n\n</details>\n\n"
    path = tmp_path / "shell.md"
    path.write_text(
        "# Shell\n\n- What is a pipe?\n- What is a shell?\n\n**Advanced:**\n\n"
        "- How does exec replace a process?\n\n## Commands\n\n"
        + fold.format("Which command prints the directory?", "pwd")
        + "**Commands (basic & advanced):**\n\n"
        + fold.format("Which command lists files?", "ls")
        + "高级：\n\n"
        + fold.format("怎样追踪系统调用？", "用 strace。"),
        encoding="utf-8",
    )
    bank = load_bank([path])
    assert [(q.title, q.difficulty) for q in bank.questions] == [
        ("What is a pipe?", None),
        ("What is a shell?", None),
        ("How does exec replace a process?", "hard"),
        ("Which command prints the directory?", None),
        ("Which command lists files?", None),
        ("怎样追踪系统调用？", "hard"),
    ]


def test_under_a_topic_heading_the_text_before_the_answer_fold_is_the_question(
    tmp_path: Path,
) -> None:
    # "## Q2 朴素贝叶斯" names a topic; the exercise is the text under it (ending in "。",
    # a figure, options) and the fold labelled 答案 holds its answer — the exercise is not
    # part of the answer, whether it ends in "？" or not.
    path = tmp_path / "ml.md"
    fold = "<details>\n<summary>答案</summary>\n<div>\n\n{}\n</div>\n</details>\n\n"
    path.write_text(
        "## Q1 决策树\n\n如果采用多路划分，这种方式的最大问题是：\n\n- A 计算量太大\n- B 过拟合\n\n"
        + fold.format("**B** 每个值一个分支，容易过拟合。")
        + "## Q2 朴素贝叶斯\n\n下面哪张图能表示朴素贝叶斯分类的假设。\n\n![nbc](nbc.jpg)\n\n"
        + fold.format("**C** 特征之间相互独立。")
        + "## Q3 神经网络\n\n对神经网络而言，哪一项对过拟合影响最大。\n\n- A 隐藏层节点数\n- B 学习率\n\n"
        + fold.format("**A** 节点数决定模型的复杂程度。"),
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == ["决策树", "朴素贝叶斯", "神经网络"]
    assert [q.answer for q in questions] == [
        "**B** 每个值一个分支，容易过拟合。",
        "**C** 特征之间相互独立。",
        "**A** 节点数决定模型的复杂程度。",
    ]
    assert "哪张图" in questions[1].prompt and "隐藏层节点数" in questions[2].prompt


def test_a_linked_list_item_over_an_answer_fold_is_a_question(tmp_path: Path) -> None:
    """"- 🟩 [What is a set?](url)" over an indented `<summary>Answer</summary>` fold: the
    link is the question's source, not a contents entry — a file of 151 such questions was
    read as its two section headings and then skipped as a README (sweep11a). A contents
    list of links with no fold under them is still no question."""
    path = tmp_path / "mobile.md"
    path.write_text(
        "# Mobile Questions\n\n## Contents\n\n- [Data](#data)\n- [Swift](#swift)\n\n"
        "## Data\n\n"
        "- 🟩 [What is a set?](https://example.com/set)\n\t<details>\n"
        "\t\t<summary>Answer</summary>\n\n"
        "\tA set is an unordered collection of unique values.\n\n"
        "\tLookups take constant time.\n\t</details>\n\n"
        "- 🟧 [How does copy-on-write work?](https://example.com/cow)\n\t<details>\n"
        "\t\t<summary>Answer</summary>\n\n"
        "\tValue types share storage until one copy is mutated.\n\t</details>\n\n"
        "## Swift\n\n"
        "- 🟥 [What is a property wrapper?](https://example.com/pw)\n\t<details>\n"
        "\t\t<summary>Answer</summary>\n\n"
        "\tA type that adds behaviour around reading and writing a property.\n\t</details>\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [(q.title, q.difficulty, q.answer) for q in questions] == [
        (
            "What is a set?",
            "easy",
            "A set is an unordered collection of unique values.\n\nLookups take constant time.",
        ),
        (
            "How does copy-on-write work?",
            "medium",
            "Value types share storage until one copy is mutated.",
        ),
        (
            "What is a property wrapper?",
            "hard",
            "A type that adds behaviour around reading and writing a property.",
        ),
    ]


def test_a_fold_still_to_be_completed_is_unanswered_and_its_mark_is_no_title(
    tmp_path: Path,
) -> None:
    """"What is load average? ***" (the notes' legend: *** marks a question not answered
    yet) over "To be completed.": the question has no answer, and the asterisks are no words
    of its title; emoji shortcodes in a heading (":small_orange_diamond: Junior") are no
    words of the topic it names (sweep11a: trimstray/test-your-sysadmin-skills, 48 such
    folds graded against "To be completed.")."""
    path = tmp_path / "sysadmin.md"
    path.write_text(
        "## :small_orange_diamond: Junior Admin\n\n"
        "<details>\n<summary><b>What is load average? ***</b></summary><br>\n\n"
        "To be completed.\n\nUseful resources:\n\n- [Load average](https://example.com/la)\n\n"
        "</details>\n\n"
        "<details>\n<summary><b>How do you list logged-in users?</b></summary><br>\n\n"
        "Run `who` or `w`.\n\n</details>\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [(q.title, q.answer, q.has_reference) for q in questions] == [
        ("What is load average?", "", False),
        ("How do you list logged-in users?", "Run `who` or `w`.", True),
    ]
    assert all(not any(":" in topic for topic in q.topics) for q in questions)
    assert "Junior Admin" in questions[0].topics
