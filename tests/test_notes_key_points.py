"""Which parts of a note are its key points: highlighted text, within one block, and never
code names, pointers to other texts or lines that only introduce what follows."""

from __future__ import annotations

import pytest

from interviewer.notes.parser import parse_markdown


def test_python_names_are_no_key_points() -> None:
    text = (
        "## 1. What makes an iterator?\n\nIt implements __iter__() and __next__(); "
        "`__dict__` holds attributes. **Lazy evaluation** saves memory, "
        "**`__slots__` saves it too**.\n"
    )
    question = parse_markdown(text, "c").questions[0]
    assert question.key_points == ("Lazy evaluation", "__slots__ saves it too")
    assert "__iter__()" in question.answer


def test_pointers_to_other_texts_are_no_key_points() -> None:
    text = (
        "## 1. GET 和 POST？\n\n[GET 和 POST 的区别](http://example.com/a)\n"
        "[另一篇回答](http://example.com/b)\n\nget: [RFC 2616 section 9.3](http://example.com/rfc)\n\n"
        "**[详细解释](http://example.com/c)**\n\n"
        "## 2. 什么是列表？\n\n推荐: http://example.com/list-internals\n\n"
        "## 3. 什么是协程？\n\n协程由用户自己控制切换，见[这篇文章](http://example.com/d)。\n"
    )
    questions = parse_markdown(text, "c").questions
    assert [q.key_points for q in questions] == [(), (), ("协程由用户自己控制切换，见这篇文章",)]


def test_a_line_ending_in_a_colon_is_no_derived_key_point() -> None:
    text = (
        "## 1. What is a decorator?\n\nA function that wraps another one.\n\nExample:\n\n"
        "```python\n@cache\ndef f(): ...\n```\n\n优点:\n\n它让代码复用。\n"
    )
    question = parse_markdown(text, "c").questions[0]
    assert question.key_points == ("A function that wraps another one", "它让代码复用")


@pytest.mark.parametrize(
    ("answer", "points"),
    [
        # An empty bold ("****", an editor's leftover) is text: no span opens there and runs
        # on to the next item's bold (walk8a walkthrough, Chinese JVM notes).
        (
            "- **年轻代 GC**（Young GC）****：Eden 区用尽时触发；\n"
            "- **并发标记**（Concurrent Marking）：堆占用达到阈值时触发；\n"
            "- **混合回收**（Mixed GC）：回收一部分老年代 Region",
            ("年轻代 GC", "并发标记", "混合回收"),
        ),
        ("GC 分两代 ****：**新生代** 与老年代", ("新生代",)),
        ("**分代** 是为了 ****优化**** GC", ("分代", "优化")),  # "****x****" is bold
        # Bold never spans two blocks: a stray "**" does not swallow the next paragraph's.
        ("**未闭合的加粗开头\n\n第二段有 **真正的要点**", ("真正的要点",)),
        ("- 第一项 ** 星号\n- **要点** 在第二项", ("要点",)),
    ],
)
def test_bold_spans_stay_within_one_block(answer: str, points: tuple[str, ...]) -> None:
    text = f"## 1. 问题？\n{answer}\n"
    assert parse_markdown(text, "c").questions[0].key_points == points


def test_a_dotted_number_opening_a_point_is_no_enumerator() -> None:
    # Found on the walk8d walkthrough: "192.168.1.255." became the key point "168.1.255".
    from interviewer.notes.key_points import first_sentence

    assert first_sentence("192.168.1.255.") == "192.168.1.255"
    assert first_sentence("10.0.0.0/8 is private. Others are public.") == "10.0.0.0/8 is private"
    assert first_sentence("3.14 is close to pi.") == "3.14 is close to pi"
    assert first_sentence("1. First point. Second.") == "First point"
    assert first_sentence("1.原因一") == "原因一"
    text = "## 1. What is the broadcast address of 192.168.1.0/24?\n\n192.168.1.255.\n"
    assert parse_markdown(text, "c").questions[0].key_points == ("192.168.1.255",)


def test_a_word_in_bold_for_emphasis_is_no_key_point() -> None:
    # Found on the walk8d walkthrough: "it is **not** a substitute for a firewall" made "not"
    # the one key point of its answer.
    text = (
        "## 1. Is NAT a firewall?\n\nNAT hides internal addresses. It is **not** a substitute "
        "for a firewall.\n\n"
        "## 2. Does HTTPS stop SQL injection?\n\nIt does **NOT**. It protects **only** the "
        "**transport**, **never** the server.\n\n"
        "## 3. 内存泄漏会怎样？\n\n程序**不能**释放内存，**内存占用**持续增长。\n"
    )
    questions = parse_markdown(text, "c").questions
    assert [(q.key_points, q.key_points_derived) for q in questions] == [
        (("NAT hides internal addresses",), True),
        (("transport",), False),
        (("内存占用",), False),
    ]


def test_a_name_an_earlier_point_holds_is_no_second_point() -> None:
    # Found on the walk9b walkthrough: an example's labels ("**BCR:** 15%", "**Power:** 80%")
    # repeated the terms the definitions above had named in full.
    text = (
        "## 1. How do you size an A/B test?\n\n"
        "- **Baseline Conversion Rate (BCR):** the current rate.\n"
        "- **Statistical Power (1 - β):** usually 80%.\n\nExample:\n\n"
        "- **BCR:** 15%\n- **Power:** 80%\n- **Runtime:** two weeks\n\n"
        "## 2. 调度有哪几种？\n\n- **批归一化（BN）**：按批标准化。\n- **非抢占式**：不打断。\n"
        "- **抢占式**：可打断。\n\n例如：**BN** 用在卷积之后。\n"
    )
    questions = parse_markdown(text, "c").questions
    assert [q.key_points for q in questions] == [
        ("Baseline Conversion Rate (BCR)", "Statistical Power (1 - β)", "Runtime"),
        ("批归一化（BN）", "非抢占式", "抢占式"),
    ]


def test_an_answer_that_is_only_a_table_gives_its_cells_as_key_points() -> None:
    text = (
        "## 1. How do TCP and UDP differ?\n\n| TCP | UDP |\n| --- | --- |\n"
        "| TCP sets up a connection first. | UDP sends with no connection. |\n"
        "| It guarantees delivery | It makes a best effort |\n\n"
        "## 2. LRU 与 LFU 的区别？\n\n| 对比 | LRU | LFU |\n|---|---|---|\n"
        "| 淘汰依据 | 最近最少使用 | 最不经常使用 |\n\n"
        "## 3. What do the optimizer settings mean?\n\n| Setting | Meaning |\n|---|---|\n"
        "| momentum | keeps a running average of past gradients |\n\n"
        "## 4. What is a write-through cache?\n\nEvery write goes to the cache and the store.\n\n"
        "| write-through | write-back |\n|---|---|\n| both at once | cache first |\n"
    )
    peers, labelled, two_columns, prose = parse_markdown(text, "c").questions
    # A cell that names its column already is not prefixed with the column's name again.
    assert peers.key_points == (
        "TCP sets up a connection first", "UDP sends with no connection",
        "TCP: It guarantees delivery", "UDP: It makes a best effort",
    )
    assert labelled.key_points == ("LRU 淘汰依据: 最近最少使用", "LFU 淘汰依据: 最不经常使用")
    assert two_columns.key_points == ("momentum: keeps a running average of past gradients",)
    # Beside prose a table stays an illustration, as before.
    assert prose.key_points == ("Every write goes to the cache and the store",)


def test_a_fenced_block_of_sentences_gives_key_points() -> None:
    """Found on the foreign27 walkthrough: notes that fence every answer ("```\\n容器是…\\n```")
    gave the grader no key points; fenced code with comments still gives none."""
    parsed = parse_markdown(
        "### 1. 什么是镜像？\n\n```\n镜像是一个只读的模板，包含运行应用所需的文件系统。\n"
        "容器是从镜像创建的运行实例，可以被启动和停止。\n```\n\n"
        "### 2. Class 文件结构？\n\n```\nu4 magic; // 文件的标志，魔数\nu2 version; // 文件的版本号\n```\n",
        "notes",
    )
    first, second = parsed.questions
    assert first.key_points and any("只读的模板" in point for point in first.key_points)
    assert second.key_points == ()


def test_program_output_and_diagram_labels_in_fences_give_no_key_points() -> None:
    # A program's output ("Hi! i am 50") or a diagram's labels are no sentences of the
    # answer, and a '<div>' linking back to the top is no part of it.
    parsed = parse_markdown(
        "## Q. ***How can you concatenate two strings?***\n\n"
        "To concatenate two string variables together, use the dot operator.\n\n"
        "Output:\n\n```\nHi! i am 50\n```\n\n```\nContainer (Read-Write Layer)\n"
        "│     Layer 4: COPY app.py    │\n```\n\n"
        '<div align="right">\n    <b><a href="#">↥ back to top</a></b>\n</div>\n',
        "php",
    )
    (question,) = parsed.questions
    assert question.key_points == (
        "To concatenate two string variables together, use the dot operator",)
    assert "back to top" not in question.answer


@pytest.mark.parametrize("br", ["", "<br><br>"])
def test_labels_heading_the_parts_of_an_answer_are_no_key_points(br: str) -> None:
    # "**Switch:**" on a line of its own heads the lines about switches: the key points are
    # what those lines say, not the bare names a candidate covers by naming them (walk10d).
    text = (
        "## What is a switch vs a hub?\n\n"
        f"**Switch:**{br}\n\n- A switch forwards each frame to one port by its MAC address.\n"
        "- It learns addresses as frames arrive.\n\n"
        f"**Hub:**{br}\n\n- A hub repeats every frame to all of its ports.\n\n"
        "## 索引的优缺点？\n\n**优点：**\n\n- 查询更快，扫描的数据更少。\n\n"
        "**缺点：**\n\n- 写入时要**维护索引**，占用空间。\n"
    )
    switch, index = parse_markdown(text, "c").questions
    assert switch.key_points_derived
    assert switch.key_points[0] == "A switch forwards each frame to one port by its MAC address"
    assert not {"Switch", "Hub"} & set(switch.key_points)
    # A highlight inside the answer stays its key point; the part labels do not join it.
    assert index.key_points == ("维护索引",)


def test_a_table_led_into_by_a_line_gives_its_rows_named_by_their_keys() -> None:
    # Found on walk10i: "Controls how producers wait for confirmation:" over "| acks | Meaning |"
    # gave that line as the only key point, so "acks=all is fire and forget" scored 10/10.
    text = (
        "## 1. What does the retry setting do?\n\nDecides how a client retries:\n\n"
        "| retries | Meaning |\n|---|---|\n| 0 | Never retry |\n| 3 | Retry three times |\n"
        "| max / -1 | Retry until the timeout |\n\n"
        "## 2. 缓存的写策略？\n\n常见的有两种：\n\n| 策略 | 做法 |\n|---|---|\n"
        "| 写穿 | 同时写缓存和数据库 |\n| 写回 | 先写缓存，之后再写回数据库 |\n\n"
        "## 3. What are the pros and cons?\n\n| Pros | Cons |\n|---|---|\n| fast | costly |\n"
    )
    retries, policies, pros = parse_markdown(text, "c").questions
    assert retries.key_points == (
        "Decides how a client retries", "retries 0: Never retry", "retries 3: Retry three times",
        "retries max / -1: Retry until the timeout",
    )
    # A short label line ("常见的有两种：") is no point; names, not values, in the first column
    # name their rows alone only beside long text: here they are cells of their columns.
    assert policies.key_points == (
        "策略: 写穿", "做法: 同时写缓存和数据库", "策略: 写回", "做法: 先写缓存，之后再写回数据库",
    )
    assert pros.key_points == ("Pros: fast", "Cons: costly")


def test_a_bold_word_that_titles_a_part_of_the_answer_is_no_key_point() -> None:
    """"**Explanation**" over the text, "**Note:** …": structure, not what the answer says —
    a quiz answer's only key point was "Explanation", not the option it explains (sweep11a:
    LinkedIn-style quizzes)."""
    text = (
        "#### Q1. Which command stages a file?\n\n- [ ] vcs push\n- [x] vcs add\n\n"
        "**Explanation**\n\n- vcs add puts the change in the index for the next commit.\n\n"
        "**Note:** a **dry run** shows what would be staged.\n"
    )
    question = parse_markdown(text, "c").questions[0]
    assert question.key_points == ("Correct: vcs add", "dry run")


def test_a_bang_or_question_mark_inside_a_formula_or_name_ends_no_point() -> None:
    """"1-(10!/10^10)", "assert_eq!()", "#!/usr/bin/env": the mark is part of what the
    point names, not the end of its sentence (sweep11a: a factorial cut a probability
    answer's point to "1-(10"; Rust macros and a shebang were cut to their first word)."""
    text = (
        "## What is the chance of a hash collision?\n\n"
        "- With 10 slots: 1-(10!/10^10). Most tables see one early.\n"
        "- Test it with assert_eq!() on the counts.\n"
        "- Start the script with #!/usr/bin/env bash\n"
    )
    question = parse_markdown(text, "c").questions[0]
    assert question.key_points == (
        "With 10 slots: 1-(10!/10^10)",
        "Test it with assert_eq!() on the counts",
        "Start the script with #!/usr/bin/env bash",
    )
