"""Notes that label their parts (`> **Answer:**`, `**Explanation:**`, `**答案**：`, `**解析**：`):
the labels are the file's structure, not key points; what comes before the answer label is
the question's own text; blockquote markers are never shown as text (our own sample notes)."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank
from interviewer.notes.key_points import derived_points, highlighted_points
from interviewer.notes.markup import unquote, unwrap
from interviewer.notes.parser import ParsedQuestion, parse_markdown
from interviewer.search.chunking import chunk_question

FENCE = "```"
LABELLED_EN = f"""## General

#### 1. What is a cache?

> **Answer:**
> A cache keeps copies of data close to where they are used. Reads that hit it skip the
> slower store.

#### 2. What does a TTL do?

> **Answer:**
> A TTL bounds how long an entry stays valid. Expired entries are fetched again.

> **Explanation:**
> Short TTLs trade freshness for more load on the origin server.

#### 3. What is the output of the following program and why?

{FENCE}python
cache = {{}}
cache.setdefault("a", 1)
print(cache.setdefault("a", 2))
{FENCE}

> **Answer:** \\
> 1

> **Explanation:**
> setdefault only stores the default when the key is missing, so the first value stays.

#### 4. What is write-through caching?

**Answer:**

> Write-through caching writes every change to the cache and to the backing store at once.
> Readers therefore never see stale data after a write.

**Example:**

{FENCE}python
def put(key, value): ...
{FENCE}

#### 5. What is cache eviction?

> **Answer:**
> Eviction removes entries when the cache is full. **LRU** drops the least recently used
> entry first.

> **Explanation:**
> A full cache must choose a victim before it can store anything new.
"""

LABELLED_ZH = f"""# 数据库

## 1. 什么是索引？

**答案**：索引是帮助数据库快速查找数据的数据结构。

**解析**：没有索引时只能全表扫描，数据越多越慢。

## 2. 为什么索引常用 B+树？

**答案**：**B+树** 层数低，叶子节点相连，适合范围查询。

## 3. 以下语句会走索引吗？

{FENCE}sql
SELECT * FROM t WHERE name LIKE '%abc';
{FENCE}

> **答案**：不会。
>
> **解析**：前导通配符让索引无法按前缀定位。

## 4. 什么是回表？

**答案**：二级索引查到主键后，再回到主键索引读取整行数据。
"""


def parsed(text: str) -> list[ParsedQuestion]:
    return parse_markdown(text, "notes").questions


def test_a_label_every_question_repeats_is_no_key_point() -> None:
    questions = parsed(LABELLED_EN)
    assert [q.title for q in questions] == [
        "What is a cache?",
        "What does a TTL do?",
        "What is the output of the following program and why?",
        "What is write-through caching?",
        "What is cache eviction?",
    ]
    labels = {"Answer", "Explanation", "Example"}
    assert all(not labels & set(q.key_points) for q in questions)
    # A real highlight stays the key point; with none left, the points are derived.
    assert questions[4].key_points == ("LRU",) and not questions[4].key_points_derived
    assert questions[0].key_points_derived
    assert questions[0].key_points == (
        "A cache keeps copies of data close to where they are used",
    )
    assert questions[3].key_points_derived
    assert questions[3].key_points[0].startswith("Write-through caching writes every change")


def test_chinese_labels_the_notes_repeat_are_no_key_points() -> None:
    questions = parsed(LABELLED_ZH)
    assert len(questions) == 4
    assert all(not {"答案", "解析"} & set(q.key_points) for q in questions)
    assert questions[1].key_points == ("B+树",)
    assert questions[0].key_points_derived
    assert questions[0].key_points[0] == "索引是帮助数据库快速查找数据的数据结构"


def test_a_bold_label_in_few_questions_stays_a_key_point() -> None:
    text = "".join(
        f"## {n}. What is topic {n}?\n\nTopic {n} is explained in a sentence here.\n\n"
        for n in range(1, 7)
    )
    text += "## 7. What is a deadlock?\n\n**Mutual exclusion:** only one holder at a time.\n"
    assert parsed(text)[-1].key_points == ("Mutual exclusion",)


def test_a_label_the_answered_questions_repeat_is_structure_however_many_are_unanswered() -> None:
    # Notes where most questions are still "- [ ] TODO": the label their answers share is
    # counted among the questions that have an answer, not among all of them.
    answered = "".join(
        f"## 问题{n}？\n\n**结论**\n\n第{n}个问题的回答写在这里。\n\n**参考资料**\n\n"
        f"- [文章{n}](https://example.com/{n})\n\n"
        for n in range(1, 4)
    )
    todo = "".join(f"## 待答{n}？\n\n- [ ] TODO\n\n" for n in range(1, 11))
    questions = parsed(answered + todo)
    assert [q.key_points for q in questions[:3]] == [
        (f"第{n}个问题的回答写在这里",) for n in range(1, 4)
    ]


def test_a_term_highlighted_inside_sentences_of_many_answers_stays_a_key_point() -> None:
    text = "".join(
        f"## {n}. Why is step {n} fast?\n\nIt runs in **constant time** because of step {n}.\n\n"
        for n in range(1, 5)
    )
    assert all(q.key_points == ("constant time",) for q in parsed(text))


def test_code_before_the_answer_label_is_the_question_not_the_answer() -> None:
    output = parsed(LABELLED_EN)[2]
    assert 'print(cache.setdefault("a", 2))' in output.prompt
    assert output.prompt.startswith(f"{FENCE}python")
    assert "setdefault(\"a\", 1)" not in output.answer
    assert output.answer.startswith("> 1")
    assert "first value stays" in output.answer
    zh = parsed(LABELLED_ZH)[2]
    assert "LIKE '%abc'" in zh.prompt and "LIKE" not in zh.answer
    assert zh.answer.startswith("> 不会。")


def test_the_answer_label_is_not_part_of_the_reference_answer() -> None:
    questions = parsed(LABELLED_EN)
    assert questions[0].answer.startswith("> A cache keeps copies")
    assert all("**Answer:**" not in q.answer for q in questions)
    assert "**Explanation:**" in questions[1].answer  # later labels keep the answer's shape
    assert parsed(LABELLED_ZH)[0].answer.startswith("索引是帮助")


def test_blockquote_markers_are_not_text() -> None:
    assert unquote("> a\n>\n> > b\n\n```\n> shell\n```\n> ```\n> x\n> ```") == (
        "a\n\nb\n\n```\n> shell\n```\n```\nx\n```"
    )
    assert unwrap("> Line one\n> continues here.\n>\n> - item") == [
        "Line one continues here.", "", "- item",
    ]
    assert derived_points("> First claim here. More.\n>\n> Second claim.") == (
        "First claim here", "Second claim",
    )
    assert derived_points("> hello \\\n> world") == ("hello world",)  # a hard line break


def test_a_quote_beside_the_answers_own_prose_is_an_aside() -> None:
    assert derived_points("TCP is reliable. It resends.\n\n> Note: so can QUIC.") == (
        "TCP is reliable",
    )


def test_emphasis_around_a_whole_highlight_is_markup() -> None:
    assert highlighted_points("1. **_Value receivers_**: copy.\n2. **_Pointer_**: share.") == (
        "Value receivers", "Pointer",
    )


def test_chunks_and_search_snippets_show_no_blockquote_markers(tmp_path: Path) -> None:
    notes = tmp_path / "cache.md"
    notes.write_text(LABELLED_EN, encoding="utf-8")
    bank = load_bank([notes])
    for question in bank:
        for chunk in chunk_question(question):
            assert all(not line.lstrip().startswith(">") for line in chunk.text.splitlines())
            assert "Answer:" not in chunk.text


def test_a_label_on_a_line_of_its_own_is_not_joined_to_the_prose_under_it() -> None:
    assert unwrap("**Explanation:**\nShort TTLs trade freshness\nfor load.") == [
        "**Explanation:**", "Short TTLs trade freshness for load.",
    ]


def test_a_quoted_answer_after_a_list_question_is_its_answer_without_the_label() -> None:
    text = "## Quiz\n\n- What is a mutex?\n\n> **Answer:** A lock that one thread holds.\n"
    [question] = parsed(text)
    assert question.title == "What is a mutex?"
    assert question.answer == "> A lock that one thread holds."


OWN_LABEL_EN = f"""#### 1. What does this print?

{FENCE}python
print(2 ** 3)
{FENCE}

**Solution:** 8: the power operator raises two to the third power.

#### 2. What is a tuple?

**Solution:** An immutable sequence of values.

#### 3. What is a set?

**Solution:** An unordered collection without duplicates.
"""

OWN_LABEL_ZH = f"""## 1. 下面的代码输出什么？

{FENCE}python
print(len("你好"))
{FENCE}

> **标准答案**：2，len 数的是字符。

## 2. 什么是列表推导式？

> **标准答案**：用一行表达式从可迭代对象生成列表。

## 3. 什么是生成器？

> **标准答案**：按需逐个产生值的函数。
"""


def test_the_files_own_answer_label_splits_the_question_from_its_answer() -> None:
    printed, tuple_ = parsed(OWN_LABEL_EN)[:2]
    assert "print(2 ** 3)" in printed.prompt and "print" not in printed.answer
    assert printed.answer.startswith("8: the power operator")
    assert tuple_.answer == "An immutable sequence of values."
    assert all("Solution" not in q.key_points for q in parsed(OWN_LABEL_EN))
    length = parsed(OWN_LABEL_ZH)[0]
    assert 'print(len("你好"))' in length.prompt and length.answer == "> 2，len 数的是字符。"


def test_an_enumeration_opening_at_1_after_a_finished_sentence_is_not_joined_to_it() -> None:
    # As Markdown lets a list starting at 1 interrupt a paragraph: each item is a key point
    # (the items, not the lead-in, as for any answer written as a list).
    zh = "池化就是对特征图降采样。\n1、最大池化保留最强的响应\n2、平均池化保留整体的响应"
    assert derived_points(zh) == ("最大池化保留最强的响应", "平均池化保留整体的响应")
    en = "Pooling downsamples a feature map.\n1)Max pooling keeps the strongest\n2)Average keeps all"
    assert derived_points(en) == ("Max pooling keeps the strongest", "Average keeps all")
    # A number that does not open an enumeration, or a sentence not yet finished, still joins.
    assert len(unwrap("训练分为\n1、预测阶段")) == 1
    assert len(unwrap("见公式。\n3、也成立")) == 1


def test_a_quote_of_other_wordings_under_the_title_belongs_to_the_question(
    tmp_path: Path,
) -> None:
    """'> **Also asked as:** "Why use multi-stage builds?"' right under every title: other
    wordings of the question, shown with it — not the start of each answer, nor (opening
    most answers) the file's answer label (sweep11a: cloudwithabhoy/devops-genie)."""
    path = tmp_path / "containers.md"
    path.write_text(
        "# Containers\n\n## 1. What is an image vs. a container?\n\n"
        '> **Also asked as:** "Image vs container"\n\n'
        "An **image** is a read-only template; a **container** is a running instance of it.\n\n"
        "## 2. What is a multi-stage build?\n\n"
        '> **Also asked as:** "Why use multi-stage builds?"\n'
        '> Also asked as: "How do you shrink an image?"\n\n'
        "Several `FROM` stages; only the last one's files ship.\n\n"
        "## 3. What is a layer?\n\n"
        '> **Definition:** "one filesystem change" is how the docs put it, loosely.\n\n'
        "Each instruction adds one.\n",
        encoding="utf-8",
    )
    first, second, third = load_bank([path]).questions
    assert first.prompt == '> **Also asked as:** "Image vs container"'
    assert first.answer.startswith("An **image** is")
    assert first.key_points == ("image", "container")
    assert "How do you shrink an image?" in second.prompt
    assert second.answer == "Several `FROM` stages; only the last one's files ship."
    assert third.prompt == "" and "one filesystem change" in third.answer


def test_a_labelled_answer_item_answers_the_question_item_before_it(tmp_path: Path) -> None:
    path = tmp_path / "probability.md"
    path.write_text(
        "## QA\n\n### 1. 硬币问题\n\n- 问题：连抛两次硬币，至少一次正面的概率？\n\n- 答案：\n\n"
        "  > 反面两次的概率是 1/4，所以至少一次正面是 3/4。\n\n"
        "### 2. 骰子问题\n\n- 问题：两个骰子点数和为 7 的概率？\n- 解答：6/36 = 1/6\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == [
        "连抛两次硬币，至少一次正面的概率？", "两个骰子点数和为 7 的概率？",
    ]
    assert "3/4" in questions[0].answer and "答案" not in questions[0].answer
    assert questions[1].answer == "6/36 = 1/6"
