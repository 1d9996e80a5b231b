"""A question heading answered under a sibling heading that is only an answer label
("#### **题目**：…" then "#### **参考答案**：", "### Question" cards with "### Answer")."""

from __future__ import annotations

from pathlib import Path

from interviewer.notes import load_bank


def test_an_answer_label_heading_after_a_question_heading_holds_its_answer(
    tmp_path: Path,
) -> None:
    path = tmp_path / "cards.md"
    path.write_text(
        "#### **题目**：引用和指针有什么不同？\n\n#### **参考答案**：\n"
        "1) 引用必须初始化，指针不必。\n2) 引用初始化后不能改变指向。\n\n"
        "#### **题目**：堆栈溢出通常由什么引起？\n\n```c\nvoid f() { f(); }\n```\n\n"
        "#### **参考答案**：\n\n没有结束条件的递归，或者过大的局部数组。\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == ["引用和指针有什么不同？", "堆栈溢出通常由什么引起？"]
    assert "引用必须初始化" in questions[0].answer and "参考答案" not in questions[0].answer
    assert "递归" in questions[1].answer and "void f()" in questions[1].prompt
    assert "void f()" not in questions[1].answer


def test_an_english_answer_heading_under_a_question_heading(tmp_path: Path) -> None:
    path = tmp_path / "faq.md"
    path.write_text(
        "## What does a load balancer do?\n\n## Answer\n\nIt spreads requests over servers.\n\n"
        "## How does DNS caching work?\n\n## Answer\n\nResolvers keep records for their TTL.\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [(q.title, q.answer) for q in questions] == [
        ("What does a load balancer do?", "It spreads requests over servers."),
        ("How does DNS caching work?", "Resolvers keep records for their TTL."),
    ]


def test_a_card_named_for_its_question_with_an_empty_label_heading(tmp_path: Path) -> None:
    # "10.1.0 …" is the card's place in its series, not part of the question; the empty
    # "题目：" label and the answer label are no part of the answer.
    folder = tmp_path / "redis"
    folder.mkdir()
    (folder / "10.1.0 使用Redis有哪些好处？.md").write_text(
        "#### **题目**：\n\n#### **参考答案**：\n\n(1) 速度快，数据存在内存中。\n\n"
        "(2) 支持丰富的数据类型：string、list、set、sorted set、hash。\n\n(3) 支持事务，操作都是原子性的。\n", encoding="utf-8")
    (folder / "10.1.1 Redis的持久化方式有哪些？.md").write_text(
        "#### **题目**：Redis的持久化方式有哪些？\n\n#### **参考答案**：\n\nRDB 快照和 AOF 日志。\n",
        encoding="utf-8")
    questions = load_bank([folder]).questions
    assert [q.title for q in questions] == ["使用Redis有哪些好处？", "Redis的持久化方式有哪些？"]
    assert questions[0].answer.startswith("(1) 速度快") and "题目" not in questions[0].answer
    assert questions[1].answer == "RDB 快照和 AOF 日志。"


def test_a_bold_question_heading_with_a_label_colon_and_no_text_before_its_answer(
    tmp_path: Path,
) -> None:
    path = tmp_path / "memcached.md"
    path.write_text(
        "#### **Redis 比 Memcached 好在哪里？**：\n\n#### **参考答案**：\n\n"
        "(1) Memcached 的值只是简单字符串，Redis 有丰富的数据类型。\n\n(2) Redis 可以持久化。\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [q.title for q in questions] == ["Redis 比 Memcached 好在哪里？"]
    assert questions[0].answer.startswith("(1) Memcached") and "参考答案" not in questions[0].answer


def test_a_rating_in_brackets_leaves_no_empty_brackets_in_the_title(tmp_path: Path) -> None:
    path = tmp_path / "numpy.md"
    path.write_text(
        "#### 1. Create a null vector of size 10 (★☆☆)\n\n```python\nZ = np.zeros(10)\n```\n\n"
        "#### 2. Reverse a vector (first element becomes last) (★★☆)\n\n"
        "```python\nZ = Z[::-1]\n```\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [(q.title, q.stars) for q in questions] == [
        ("Create a null vector of size 10", 1),
        ("Reverse a vector (first element becomes last)", 2),
    ]


def test_japanese_and_korean_requests_ask() -> None:
    from interviewer.notes.draft import asks

    assert asks("コーディングを始めたきっかけを教えてください")
    assert asks("トランザクションとは何か")
    assert asks("好きな言語は何ですか")
    assert asks("프로세스와 스레드의 차이를 설명해주세요.")
    assert asks("데드락이 무엇인가요")
    assert not asks("データベースの基本")
    assert not asks("프로세스와 스레드의 차이")


def test_a_translation_nested_under_a_listed_question_is_no_answer(tmp_path: Path) -> None:
    path = tmp_path / "common.md"
    path.write_text(
        "## General\n\n- How did you get into coding?\n  - コーディングを始めたきっかけを教えてください\n"
        "- What are your hobbies?\n  - 趣味は何ですか？\n",
        encoding="utf-8",
    )
    questions = load_bank([path]).questions
    assert [(q.title, q.answer) for q in questions] == [
        ("How did you get into coding?", ""), ("What are your hobbies?", "")]
    assert "教えてください" in questions[0].prompt


def test_an_answer_heading_before_its_sibling_parts_labels_the_answer(tmp_path: Path) -> None:
    """"#### Answer" first, then "#### Good to hear" and "##### Additional links": the code
    above "Answer" is the question's ("What will the console log?"), and "Answer" is no text
    of the answer (sweep11a: Chalarangelo/30-seconds-of-interviews, one card a file; the
    candidate was asked about code the question card did not show)."""
    path = tmp_path / "scope-example.md"
    path.write_text(
        "### What will the console log in this example?\n\n"
        "```js\nlet n = 1\nconsole.log(typeof n)\n```\n\n"
        "#### Answer\n\nIt logs `number`: typeof names the value's type.\n\n"
        "#### Good to hear\n\n* typeof returns a string\n\n"
        "##### Additional links\n\n* [typeof](https://example.com/typeof)\n\n"
        "<!-- expertise: (1) -->\n",
        encoding="utf-8",
    )
    [question] = load_bank([path]).questions
    assert question.prompt == "```js\nlet n = 1\nconsole.log(typeof n)\n```"
    assert question.answer.startswith("It logs `number`: typeof names the value's type.")
    assert "#### Good to hear" in question.answer and "#### Answer" not in question.answer
