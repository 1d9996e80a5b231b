"""The bundled computer-science pack: it loads, applies to notes on CS fundamentals (Chinese
or English) and not to the bundled deep-learning notes, lets a query in one language or in
everyday words find a question, flags a classic wrong belief without flagging the right
statement, and lets an English answer cover a point of Chinese notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.config import load_settings
from interviewer.grading.keyword import KeywordGrader
from interviewer.grading.misconceptions import find_misconceptions, load_misconceptions
from interviewer.notes import QuestionBank, load_bank
from interviewer.packs import Pack, load_pack, pack_folders, question_texts, select_packs
from interviewer.search import open_retriever
from tests.search_fixtures import write_notes

CS_NOTES_ZH = """# 计算机基础

## 1. 进程和线程有什么区别？
进程是资源分配的基本单位，线程是 CPU 调度的基本单位；同一进程的线程共享地址空间。

## 2. 什么是死锁？
两个或多个线程互相等待对方持有的锁，谁也无法继续执行。
死锁的四个必要条件：互斥、请求与保持、不可剥夺、循环等待。

## 3. TCP 三次握手的过程是怎样的？
客户端发送 SYN，服务端回复 SYN 和 ACK，客户端再发送 ACK，连接建立。

## 4. MySQL 有哪些事务隔离级别？
读未提交、读已提交、可重复读、串行化；InnoDB 默认是可重复读，用 MVCC 实现快照读。

## 5. 什么是事务的回滚？
事务执行中出错时，数据库用 undo log 把已做的修改撤销，恢复到事务开始前的状态。

## 6. 左连接和内连接有什么区别？
<font color='red'>左连接保留左表的全部行</font>，右表没有匹配时填 NULL；内连接只返回两表都匹配的行。
"""

CS_NOTES_EN = """# Backend basics

## 1. What is a closure in JavaScript?
A closure is a function together with its lexical scope: the inner function keeps access to
the outer function's variables after the outer function has returned.

## 2. Why is HashMap not thread-safe?
Concurrent puts can lose updates and a resize can corrupt a bucket; use ConcurrentHashMap.

## 3. What does the event loop do?
It runs the call stack to completion, then all microtasks, then the next macrotask.
"""


@pytest.fixture(scope="module")
def cs_pack() -> Pack:
    return load_pack(pack_folders()["computer-science"])


@pytest.fixture
def cs_bank(tmp_path: Path) -> QuestionBank:
    return load_bank([write_notes(tmp_path / "notes", {"cs.md": CS_NOTES_ZH})])


def test_the_pack_loads_with_its_vocabulary_bridges_and_misconceptions(cs_pack: Pack) -> None:
    assert cs_pack.name == "computer-science"
    assert len(cs_pack.words) >= 300
    assert any("死锁" in group and "deadlock" in group for group in cs_pack.words)
    # Siblings and opposites are separate groups.
    left = next(group for group in cs_pack.words if "左连接" in group)
    assert "right join" not in left and "left outer join" in left
    assert not any("乐观锁" in group and "悲观锁" in group for group in cs_pack.words)
    assert not any("tcp" in group and "udp" in group for group in cs_pack.words)
    assert 20 <= len(load_misconceptions([cs_pack])) <= 60
    # The deep-learning glossary is not this pack's vocabulary.
    from interviewer.search.vocabulary import Vocabulary

    vocabulary = Vocabulary.of([cs_pack])
    assert not vocabulary.glossary
    assert len(vocabulary.bridges()) >= 200


def test_it_applies_to_cs_notes_and_not_to_the_deep_learning_notes(
    tmp_path: Path, bank: QuestionBank
) -> None:
    zh = load_bank([write_notes(tmp_path / "zh", {"cs.md": CS_NOTES_ZH})])
    en = load_bank([write_notes(tmp_path / "en", {"cs.md": CS_NOTES_EN})])
    assert [p.name for p in select_packs(None, question_texts(zh.questions))] == [
        "computer-science"]
    assert [p.name for p in select_packs(None, question_texts(en.questions))] == [
        "computer-science"]
    assert [p.name for p in select_packs(None, question_texts(bank.questions))] == [
        "deep-learning"]


ENGLISH_QUERIES = [
    # A word group: the English spelling is searched as the same word as the Chinese one.
    ("deadlock conditions", "cs-02"),
    ("what is a rollback", "cs-05"),
    ("transaction isolation level", "cs-04"),
    ("three-way handshake", "cs-03"),
]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        *ENGLISH_QUERIES,
        ("left outer join vs inner join", "cs-06"),
        # Bridges: everyday words for what the notes name.
        ("two threads waiting for each other forever", "cs-02"),
        ("撤销到出错之前", "cs-05"),
        ("建立连接为什么要握三次", "cs-03"),
    ],
)
def test_search_finds_chinese_questions_from_english_and_everyday_words(
    tmp_path: Path, hash_embeddings: None, query: str, expected: str
) -> None:
    notes = write_notes(tmp_path / "notes", {"cs.md": CS_NOTES_ZH})
    retriever = open_retriever(load_settings(), load_bank([notes]))
    assert retriever.packs == ["computer-science"]
    assert retriever.search(query, k=1)[0].question_id == expected


@pytest.mark.parametrize(("query", "expected"), ENGLISH_QUERIES[:3])
def test_without_the_pack_those_english_queries_miss(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hash_embeddings: None,
    query: str, expected: str,
) -> None:
    # What the test above credits to the pack: with hash vectors (strings, not meaning) and
    # no pack, nothing carries these English words over to the Chinese notes.
    monkeypatch.setenv("INTERVIEWER_PACKS", "none")
    notes = write_notes(tmp_path / "notes", {"cs.md": CS_NOTES_ZH})
    retriever = open_retriever(load_settings(), load_bank([notes]))
    assert retriever.packs == []
    assert retriever.search(query, k=1)[0].question_id != expected


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        ("UDP 能保证数据按顺序到达。", "TCP 保证顺序，UDP 不保证。"),
        ("HashMap is thread-safe.", "HashMap is not thread-safe; ConcurrentHashMap is."),
        ("加了索引查询一定更快。", "索引不一定能加快查询，还会拖慢写入。"),
        ("volatile guarantees atomicity.", "volatile gives visibility, but it does not guarantee atomicity."),
        ("A left join only returns matching rows.", "A left join keeps all rows of the left table."),
        ("A destructor takes parameters and can be overloaded.",
         "A destructor takes no parameters and cannot be overloaded."),
        ("A destructor has the class name prefixed with ~, takes parameters and can be overloaded.",
         "A constructor can be overloaded, but a destructor cannot."),
        ("析构函数可以重载，也可以带参数。", "析构函数不能重载，也不带参数。"),
        ("Each object has its own vtable, and each class has a single vptr.",
         "Each class has one vtable, and each object has a vptr pointing to it."),
        ("The vptr is set in the destructor.", "The constructor sets the vptr."),
        ("A copy constructor takes its argument by value.",
         "A copy constructor takes a const reference; by value it would recurse infinitely."),
        ("Members of a struct are private by default.", "Members of a struct are public by default."),
        ("A constructor can be virtual.", "A constructor cannot be virtual, but a destructor can."),
        ("慢开始阶段拥塞窗口线性增长。", "慢开始阶段拥塞窗口指数增长，拥塞避免阶段线性增长。"),
        ("In congestion avoidance the window doubles every RTT.",
         "In congestion avoidance the window grows by one MSS per RTT."),
        ("收到 2 个重复确认就立即快重传。", "收到 3 个重复确认就立即快重传。"),
        ("出现拥塞时把 ssthresh 翻倍。", "出现拥塞时把 ssthresh 减半。"),
        ("四次挥手时双方各发一个 SYN 报文。", "四次挥手时双方各发一个 FIN 报文，并各回一个 ACK。"),
        ("Closing the connection takes a SYN from each side.",
         "Closing the connection takes a FIN from each side, each acknowledged."),
        ("React 的 key 只是给开发者看的注释，用随机数当 key 也没问题。",
         "key 帮助 React 在 diff 时识别元素，不要用随机数或下标当 key。"),
        ("In React, using the array index as the key is fine.",
         "In React, using the array index as the key is not fine when the list can be reordered."),
    ],
)
def test_a_misconception_is_flagged_and_the_right_statement_is_not(
    cs_pack: Pack, wrong: str, right: str
) -> None:
    table = load_misconceptions([cs_pack])
    language = "zh" if wrong[0] > "\u2e80" else "en"
    assert find_misconceptions(wrong, "", language, table)
    assert find_misconceptions(right, "", language, table) == []


def test_the_grader_tells_the_candidate_the_fact(cs_bank: QuestionBank, cs_pack: Pack) -> None:
    question = cs_bank.get("cs-03")
    grade = KeywordGrader(cs_bank, packs=[cs_pack]).grade(
        question, "TCP 是无连接的协议，客户端发 SYN，服务端回 SYN 和 ACK，客户端再回 ACK。")
    report = next(r for r in grade.checks if r.name == "misconceptions")
    assert report.found
    assert "面向连接" in grade.feedback


def test_an_english_answer_covers_a_point_of_chinese_notes(
    cs_bank: QuestionBank, cs_pack: Pack
) -> None:
    question = cs_bank.get("cs-06")
    point = "左连接保留左表的全部行"
    assert point in [item for item in question.key_points]
    answer = ("A left outer join keeps every row of the left table and fills NULL where the "
              "right table has no match; an inner join returns only the rows matched in both.")
    with_pack = KeywordGrader(cs_bank, packs=[cs_pack]).grade(question, answer)
    without = KeywordGrader(cs_bank, packs=[]).grade(question, answer)
    covered = {item.point: item.covered for item in with_pack.rubric}
    assert covered[point]
    assert not {item.point: item.covered for item in without.rubric}[point]


@pytest.mark.parametrize(
    ("one", "other"), [("HTTPS", "HTTP"), ("B+树", "B树"), ("B+ tree", "B-tree")]
)
def test_the_packs_word_groups_keep_a_name_apart_from_the_name_without_its_sign_or_s(
    cs_pack: Pack, one: str, other: str
) -> None:
    from interviewer.grading.lexicon import load_lexicon

    lexicon = load_lexicon(packs=[cs_pack])
    assert lexicon.text_concepts(one) != lexicon.text_concepts(other)


GO_NOTES = """# Go

## 1. What are goroutines?
Lightweight functions scheduled by the Go runtime onto a few OS threads.

## 2. What does the defer statement do?
It runs a call when the surrounding function returns, in last-in first-out order.

## 3. What is the difference between an array and a slice?
An array has a fixed length that is part of its type; a slice is a view of an array that can grow.

## 4. How does Go handle errors?
A function returns an error value beside its result and the caller checks it.

## 5. What is an interface in Go?
A set of method signatures; a type implements it by having those methods.
"""


def test_it_applies_to_notes_naming_one_cs_term_a_question(tmp_path: Path) -> None:
    # Notes about one language name its terms one at a time (goroutine, pointer, generics).
    go = load_bank([write_notes(tmp_path / "go", {"go.md": GO_NOTES.replace(
        "that can grow.", "that can grow; a pointer to the array is kept.").replace(
        "those methods.", "those methods; generics constrain type parameters with it.")})])
    assert [p.name for p in select_packs(None, question_texts(go.questions))] == [
        "computer-science"]


def test_each_file_of_the_notes_gets_the_pack_about_it(tmp_path: Path) -> None:
    # Deep-learning notes beside a larger file of CS notes keep the deep-learning pack, and
    # the CS file has its own.
    from interviewer.resources import bundled_notes

    folder = write_notes(tmp_path / "mixed", {"cs.md": CS_NOTES_ZH * 5 + CS_NOTES_EN * 5})
    (folder / "dl.md").write_text(bundled_notes()[0].read_text("utf-8"), encoding="utf-8")
    bank = load_bank([folder])
    assert [p.name for p in select_packs(None, question_texts(bank.questions))] == [
        "computer-science", "deep-learning"]


def test_a_key_of_a_database_or_hash_table_is_not_a_react_key(cs_pack: Pack) -> None:
    table = load_misconceptions([cs_pack])
    for answer in ("Using an auto-increment index as the primary key is fine.",
                   "The key is only a hint for the developer; the hash decides the bucket."):
        assert find_misconceptions(answer, "What is a primary key?", "en", table) == []
