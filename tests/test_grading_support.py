"""The support check, the precision side of grading: how much of what an answer says the notes
say too. Answers wrapped in claims the notes never make lose part of their score and are told
so; right answers in the notes' words — and filler words no note uses — are not, in Chinese
and English; answers in the other language and answers to stub notes are not held to it."""

from __future__ import annotations

import pytest

from interviewer.grading.keyword import KeywordGrader
from interviewer.grading.support import (
    MAX_LOSS,
    answer_support,
    passages,
    reliability,
    sentence_support,
    support_loss,
)
from interviewer.notes import QuestionBank
from tests.grading_helpers import found_by as _found
from tests.grading_helpers import grade_for as _grade
from tests.grading_helpers import notes_bank

EN_NOTES = """# Hash tables

## 1. What is separate chaining, and how does it handle collisions?

Separate chaining is a collision resolution technique: each bucket of the hash table holds a
linked list of the entries whose keys hash to that bucket. To insert, compute the hash of the
key, find its bucket and append the key-value pair to the bucket's list. When two keys
collide they simply share the same list, so no other bucket is touched. A search hashes the
key to its bucket and walks that list comparing keys. The average cost is O(1 + alpha),
where alpha is the load factor; the worst case is O(n) when every key lands in one bucket.
The load factor may exceed one, because a list can grow without limit. The price is extra
memory for the list nodes and their pointers.

## 2. What is a stub?

The rest of the answer is here.

## 3. How does binary search work?

Binary search needs the keys kept in sorted order: it halves the range at each step, so a
search is O(log n). A sorted array must shift elements on insert, and duplicate keys need a
rule. Resizing the array copies every element.
"""

ZH_NOTES = """# 哈希表

## 1. 什么是链地址法？它怎样处理冲突？

链地址法是一种解决哈希冲突的方法：哈希表的每个桶维护一个链表，存放所有映射到这个桶的键值对。
插入时先用哈希函数计算键的哈希值，定位到桶，再把键值对追加到这个桶的链表末尾。
两个键发生冲突时，它们只是放在同一个链表里，不会占用别的桶。
查找时先定位到桶，再沿着链表逐个比较键。
平均查找代价是常数加上负载因子，最坏情况所有键落在同一个桶里，退化为线性扫描。
负载因子可以大于一，因为链表可以无限增长；代价是链表节点和指针需要额外的内存。

## 2. 二分搜索怎样工作？

二分搜索要求键按顺序排序，每一步把区间减半。数组始终有序时插入要移动元素，重复的键需要约定，扩容要复制副本。
"""

EN_RIGHT = ("Each bucket keeps a linked list of the entries whose keys hash to it. When two keys "
            "collide they share the same list, and a search walks that list comparing keys.")
EN_WRONG = ("Separate chaining keeps the keys in one sorted array and finds them by binary "
            "search in O(log n). Duplicate keys get their own copies, and the array is never "
            "resized.")
ZH_RIGHT = "每个桶维护一个链表，冲突的键值对放在同一个链表里，查找时沿着链表逐个比较键。"
ZH_WRONG = "链地址法把所有键按哈希值排序后二分搜索，重复的键各存一份副本，而且数组始终有序所以永远不用扩容。"


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"hashing.md": EN_NOTES, "haxi.md": ZH_NOTES})


@pytest.fixture(scope="module")
def plain(notes: QuestionBank) -> KeywordGrader:
    return KeywordGrader(notes, packs=[])


@pytest.mark.parametrize(
    ("title", "right", "wrong", "phrase"),
    [
        pytest.param("separate chaining", EN_RIGHT, EN_WRONG, "not in the notes", id="en"),
        pytest.param("链地址法", ZH_RIGHT, ZH_WRONG, "找不到依据", id="zh"),
    ],
)
def test_claims_the_notes_never_make_cost_points_and_are_named(
    plain: KeywordGrader, notes: QuestionBank, title: str, right: str, wrong: str, phrase: str
) -> None:
    good = _grade(plain, notes, title, right)
    bad = _grade(plain, notes, title, wrong)
    assert "unsupported" not in good.flags and _found(good, "support") == []
    assert "unsupported" in bad.flags
    assert _found(bad, "support") and phrase in bad.feedback
    assert bad.score < good.score


@pytest.mark.parametrize(
    ("title", "answer"),
    [
        # Filler no note uses ("basically", "honestly", "差不多") is neither backed nor not.
        pytest.param("separate chaining",
                     "Honestly, basically each bucket keeps a linked list, and colliding keys "
                     "just share the same list.", id="filler-en"),
        pytest.param("链地址法", "说白了差不多就是每个桶挂一个链表，冲突的键放进同一个链表里。",
                     id="filler-zh"),
        # A right answer in the notes' own words, negations and all.
        pytest.param("separate chaining",
                     "Colliding keys share one list, so no other bucket is touched; the load "
                     "factor may exceed one.", id="negated-right-en"),
        pytest.param("链地址法", "冲突的键只是放在同一个链表里，不会占用别的桶，负载因子可以大于一。",
                     id="negated-right-zh"),
    ],
)
def test_right_answers_in_other_words_keep_their_score(
    plain: KeywordGrader, notes: QuestionBank, title: str, answer: str
) -> None:
    grade = _grade(plain, notes, title, answer)
    assert "unsupported" not in grade.flags, grade.feedback
    assert _found(grade, "support") == []


def test_an_answer_in_the_other_language_is_not_held_to_the_notes_words(
    plain: KeywordGrader, notes: QuestionBank
) -> None:
    grade = _grade(plain, notes, "链地址法", EN_WRONG)
    report = next(r for r in grade.checks if r.name == "support")
    assert not report.ran and "another language" in report.note


def test_words_no_note_uses_are_not_judged(plain: KeywordGrader, notes: QuestionBank) -> None:
    # Terms the notes never use anywhere may be filler or knowledge beyond the notes: the
    # check judges an answer only by the words of the notes.
    grade = _grade(plain, notes, "separate chaining",
                   "Cuckoo hashing relocates incumbents; hopscotch neighbourhoods bound probes.")
    assert "unsupported" not in grade.flags


def test_stub_notes_vouch_for_little() -> None:
    stub = [frozenset({"rest", "answer"})]
    full = [frozenset(f"word{i}" for i in range(100))]
    assert reliability(stub) < 0.1
    assert reliability(full) == 1.0
    assert support_loss(0.0, reliability(stub)) < 0.1 * MAX_LOSS
    assert support_loss(0.0, 1.0) == MAX_LOSS
    assert support_loss(0.9, 1.0) == 0.0


def test_a_sentence_is_backed_by_its_best_passage() -> None:
    notes = [frozenset({"bucket", "list"}), frozenset({"search", "walk"}),
             frozenset({"insert", "append"}), frozenset({"memory", "pointer"})]
    found = passages(notes, frozenset({"chaining"}))
    # A sentence's words spread over neighbouring note sentences are backed by one passage.
    assert sentence_support(frozenset({"bucket", "walk", "chaining"}), found, lambda _: 1.0) == 1.0
    assert sentence_support(frozenset({"bucket", "pointer"}), found, lambda _: 1.0) == 0.5
    support = answer_support([("Sorted keys, binary search.", frozenset({"sorted", "binary"})),
                              ("A list per bucket.", frozenset({"list", "bucket"})),
                              ("Yes.", frozenset({"yes"}))], found, lambda _: 1.0)
    assert (support.share, support.judged, support.backed) == (0.5, 2, 1)
    assert support.weakest == "Sorted keys, binary search."


def test_a_sentence_of_words_no_note_uses_is_not_judged() -> None:
    found = passages([frozenset({"bucket", "list"}), frozenset({"search", "walk"})], frozenset())
    weight = {"bucket": 1.0, "list": 1.0, "sorted": 1.0, "binary": 1.0}.get
    support = answer_support([("Basically, honestly, whatever.",
                               frozenset({"basically", "honestly", "whatever"})),
                              ("Sorted binary buckets.", frozenset({"sorted", "binary", "bucket"}))],
                             found, lambda w: weight(w, 0.0))
    assert (support.judged, support.weakest) == (1, "Sorted binary buckets.")
