"""Key points from notes that highlight nothing: their distinct claims — never a sentence
that only introduces a list, never a numbered link of a reference list, and the same claims
in every process."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.grading.keyword import KeywordGrader
from interviewer.grading.lexicon import Weights, load_lexicon
from interviewer.notes import load_bank
from tests.grading_helpers import notes_bank


def test_unhighlighted_notes_give_their_distinct_claims_as_key_points(
    tmp_path: Path,
) -> None:
    (tmp_path / "hash.md").write_text(
        "## 1. How does a hash table handle collisions?\n\n"
        "### Answer\n\n"
        "Chaining stores every colliding key in a linked list at its bucket. "
        "Open addressing probes other slots of the same array until a free one is found. "
        "Linear probing steps one slot at a time and suffers from primary clustering. "
        "Double hashing uses a second hash function to choose the probe step. "
        "The load factor must stay below one for open addressing to work.\n\n"
        "The rest of the answer is [here](https://example.com/hash).\n",
        encoding="utf-8",
    )
    bank = load_bank([tmp_path])
    grader = KeywordGrader(bank, packs=[])
    question = bank.questions[0]
    full = grader.grade(question, question.answer)
    points = [item.point for item in full.rubric]
    assert len(points) >= 4
    assert not any(p in ("Answer", "The rest of the answer is here") for p in points)
    half = grader.grade(question, "Chaining stores colliding keys in a linked list at the "
                                  "bucket. Open addressing probes other slots of the array "
                                  "until a free one is found.")
    assert full.score >= 8.5
    assert 3.0 <= half.score <= 7.5


@pytest.mark.parametrize(
    "answer",
    [
        "The main benefits of generics include:\n\n"
        "- Reusability: they allow you to write code once for every type it works with.\n"
        "- Type safety: they ensure type correctness at compile time.\n"
        "- Maintainability: they simplify maintenance by removing duplicated code.\n",
        "泛型的主要好处有以下几点：\n\n"
        "- 复用：同一份代码可以用于多种类型，不必为每种类型各写一遍。\n"
        "- 类型安全：编译期就能检查出类型错误。\n"
        "- 易维护：减少重复代码，修改时只需改一处。\n",
    ],
)
def test_a_sentence_that_introduces_a_list_is_no_claim(answer: str) -> None:
    from interviewer.grading.claims import distinct_claims
    from interviewer.grading.lexicon import load_lexicon

    lexicon = load_lexicon(packs=[])
    claims = distinct_claims(answer, lexicon, lambda concept: 1.0)
    assert len(claims) == 3
    assert not any(claim.startswith(("The main benefits", "泛型的主要好处")) for claim in claims)


REFERENCED = """# Redis

## 1. Redis 事务机制

参考：
    1. [从面试被问到吐血，Redis 事务的问题个个触及知识盲区](https://example.com/p/1)

1. multi —— 开启事务，之后的命令都会放入事务队列中，并不会立刻执行。
2. exec —— 执行事务队列里的所有命令。
3. discard —— 放弃执行，清空事务队列。
"""


def test_a_numbered_link_in_a_reference_list_is_no_rubric_point(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    bank = notes_bank(tmp_path_factory, {"redis.md": REFERENCED})
    grade = KeywordGrader(bank, packs=[]).grade(bank.questions[0], "multi 开启事务，exec 执行。")
    assert grade.rubric and not any("吐血" in item.point for item in grade.rubric)


class _Slotted(str):
    """A word whose place in a set is chosen: sets of strings iterate in an order that
    changes between processes (string hashing), and this pins one such order down."""

    slot: int

    def __new__(cls, text: str, slot: int) -> _Slotted:
        word = super().__new__(cls, text)
        word.slot = slot
        return word

    def __hash__(self) -> int:
        return self.slot


@pytest.mark.parametrize("slots", [
    {"qq": 0, "tt": 1, "pp": 2, "rr": 3, "uu": 4, "vv": 5},
    {"pp": 0, "rr": 1, "qq": 2, "tt": 3, "uu": 4, "vv": 5},
])
def test_the_claims_do_not_depend_on_the_order_a_set_is_summed_in(slots: dict[str, int]) -> None:
    from interviewer.grading.claims import distinct_claims

    # rr and tt weigh what pp and qq weigh, so exactly half of the second sentence is new:
    # enough (MIN_NEW). Summed y, y, x, x in floats its total came out a hair too large, and
    # the claim was dropped in some processes and kept in others.
    x, y = 2.925180382782304, 3.2827583194184973
    weights = {"pp": x, "rr": x, "qq": y, "tt": y, "uu": 9.0, "vv": 9.0}

    class Words:
        def text_concepts(self, text: str) -> list[str]:
            return [_Slotted(w, slots[w]) for w in text.split() if w in slots]

    answer = "pp qq uu vv first。pp qq rr tt second。"
    claims = distinct_claims(answer, Words(), lambda c: weights[str(c)])  # type: ignore[arg-type]
    assert claims == ["pp qq uu vv first。", "pp qq rr tt second。"]


# Found on a new-user walkthrough of third-party English notes (ux-walk8b): a sentence about
# the answer itself ("The answer is pretty direct.", "you should mention all the three points
# presented below") became a rubric point no answer covers, so a complete answer lost marks.
@pytest.mark.parametrize(
    "answer",
    [
        "The answer is pretty direct.\n\n"
        "To know whether a table was vacuumed you can use the below commands:\n\n"
        "last_vacuum – It shows when the table was last vacuumed by hand.\n\n"
        "last_autovacuum – It shows when the autovacuum daemon last processed the table.\n",
        "A record header contains the following parts, you should mention all the three "
        "points presented below.\n\n"
        "A length field gives the size of the record payload in bytes. A back pointer "
        "references the previous record header. A checksum verifies the whole record.\n",
        "这个问题很简单。\n\n"
        "last_vacuum 字段记录了最近一次手动清理这张表的时间。"
        "last_autovacuum 字段记录了自动清理进程最近一次处理这张表的时间。\n",
    ],
)
def test_a_sentence_about_the_answer_itself_is_no_claim(answer: str) -> None:
    from interviewer.grading.claims import distinct_claims
    from interviewer.grading.lexicon import load_lexicon

    claims = distinct_claims(answer, load_lexicon(packs=[]), lambda concept: 1.0)
    assert claims
    assert not any(
        phrase in claim
        for claim in claims
        for phrase in ("pretty direct", "you should mention", "这个问题很简单")
    )


# Right statements that merely sound like framing stay claims.
def test_a_claim_that_names_the_answer_or_what_follows_stays_a_claim() -> None:
    from interviewer.grading.claims import distinct_claims
    from interviewer.grading.lexicon import load_lexicon

    answer = ("The server answer is cached for five minutes by the proxy layer. "
              "Git reset operates on the following areas: commit history, staging index "
              "and working directory.")
    claims = distinct_claims(answer, load_lexicon(packs=[]), lambda concept: 1.0)
    assert len(claims) == 2


# Found on the same walkthrough: notes that put one item per line with no list marks (text
# pasted from a page) had the items run together as one rubric point, so an answer that got
# each of them wrong still "covered" it.
LINE_ITEMS = """# Storage

## 1. What does a record header contain?

A record header contains three components:

A length field, representing the size of the record payload in bytes
Reference to the previous record header in the same segment
A CRC-32 checksum, an 8 character hex string that verifies the record
"""

WRAPPED = """# Storage

## 1. What is a write-ahead log?

A write-ahead log records every change before the data pages are written, so that after
a crash the database replays the log and restores the pages to a consistent state without
losing committed transactions or applying half-written ones.
"""


def test_items_on_lines_of_their_own_are_separate_points(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    bank = notes_bank(tmp_path_factory, {"items.md": LINE_ITEMS})
    grader = KeywordGrader(bank, packs=[])
    question = bank.questions[0]
    points = [item.point for item in grader.grade(question, question.answer).rubric]
    assert len(points) == 3
    wrong = grader.grade(question, (
        "A record header holds a length field with the payload size in bits, a reference "
        "to the next record header in the segment, and a CRC-32 checksum, a 16 character hex "
        "string that verifies the record."))
    assert wrong.score <= 5.0


def test_hard_wrapped_prose_stays_one_claim(tmp_path_factory: pytest.TempPathFactory) -> None:
    from interviewer.grading.claims import distinct_claims
    from interviewer.grading.lexicon import load_lexicon

    bank = notes_bank(tmp_path_factory, {"wal.md": WRAPPED})
    claims = distinct_claims(bank.questions[0].answer, load_lexicon(packs=[]), lambda c: 1.0)
    assert len(claims) == 1


# Found on the same walkthrough: a command written on a line of its own as an example
# ("git commit –m “commit message”", "git diff-tree –r {commit hash}") became a rubric point,
# and the follow-up asked the candidate to explain "what it is and why it holds"; a paragraph
# that opens with a scenario setting the question up ("Let's say you're a developer… The
# solution here is…", "假设你正在开发…") holds no claim either.
@pytest.mark.parametrize(
    ("answer", "dropped"),
    [
        ("Undo the bad change in a new commit and push it to the shared repository. Then "
         "record it using:\n\nvcs commit –m “commit message”\n\n"
         "Alternatively create a commit that reverses every change of the bad one.\n",
         "commit message"),
        ("The tree listing prints every file changed in one particular revision of history:\n\n"
         "vcs diff-tree –r {commit hash}\n\nThe recursive flag lists individual files inside "
         "nested directories too.\n", "{commit hash}"),
        ("Let's say you're a developer and you want to switch branches. The issue is you "
         "don't want to commit unfinished work. The solution here is the shelve command.\n\n"
         "The shelve command saves your modified tracked files on a stack of unfinished "
         "changes that you can reapply at any time.\n", "solution here"),
        ("假设你正在开发一个功能，突然需要切换分支去修复线上问题。\n\nshelve 命令会把已跟踪文件的"
         "修改保存到一个未完成改动的栈里，之后随时可以重新应用。\n", "假设你"),
    ],
)
def test_a_command_example_or_a_scenario_is_no_claim(answer: str, dropped: str) -> None:
    from interviewer.grading.claims import distinct_claims
    from interviewer.grading.lexicon import load_lexicon

    claims = distinct_claims(answer, load_lexicon(packs=[]), lambda concept: 1.0)
    assert claims
    assert not any(dropped in claim for claim in claims)


@pytest.mark.parametrize(
    "answer",
    [
        "vcs reset --mixed is used to undo changes made in the working directory and staging "
        "area.\n",
        "Use vcs revert <commit> to create a new commit that undoes a pushed one.\n",
        "Suppose-free wording: the say command prints what the server says about the build.\n",
    ],
)
def test_a_statement_about_a_command_stays_a_claim(answer: str) -> None:
    from interviewer.grading.claims import distinct_claims
    from interviewer.grading.lexicon import load_lexicon

    assert distinct_claims(answer, load_lexicon(packs=[]), lambda concept: 1.0)


@pytest.mark.parametrize(
    ("answer", "labels"),
    [
        ("1. 串行回收器：单线程回收，回收时暂停所有用户线程。\n2. 并行回收器：多线程回收，回收时暂停所有用户线程。\n"
         "3. 并发回收器：回收线程和用户线程同时运行，暂停所有用户线程的时间很短。",
         ["串行回收器", "并行回收器", "并发回收器"]),
        ("1. Cache-Control: tells the browser how long it may keep the cached response.\n"
         "2. ETag: a version tag the browser sends back to ask whether the cached response "
         "changed.\n3. Last-Modified: a date the browser sends back to ask whether the cached "
         "response changed.", ["Cache-Control", "ETag", "Last-Modified"]),
    ],
)
def test_items_that_each_name_their_own_thing_are_each_a_claim(
    answer: str, labels: list[str]
) -> None:
    # Found on the gradewalk11 walkthrough (Redis notes): of "缓冲穿透：…", "缓冲击穿：…",
    # "缓冲雪崩：…" only one was a key point, their explanations sharing most words, so an
    # answer naming one of the three covered the whole rubric.
    from interviewer.grading.claims import distinct_claims

    lexicon = load_lexicon(packs=[])
    weights = Weights([lexicon.text_concepts(answer)], lexicon)
    claims = distinct_claims(answer, lexicon, weights)
    assert [claim.split("：")[0].split(":")[0] for claim in claims] == labels


@pytest.mark.parametrize(
    "answer",
    ["- 串行回收器\n  - 思路：单线程回收，回收时暂停所有用户线程。\n- 并行回收器\n  - 思路：多线程回收，回收时暂停所有用户线程。",
     "- Pros: the browser keeps the cached response and sends back a tag.\n"
     "- Example: the browser keeps the cached response and sends back a date."],
)
def test_labels_that_name_aspects_or_repeat_add_no_claims(answer: str) -> None:
    # "思路：" under each part, "Pros:", "Example:" name a part of an answer, not a thing.
    from interviewer.grading.claims import distinct_claims

    lexicon = load_lexicon(packs=[])
    weights = Weights([lexicon.text_concepts(answer)], lexicon)
    assert len(distinct_claims(answer, lexicon, weights)) == 1


POLICY_NOTES = {
    "policies_en.md": (
        "## What eviction policies does the store offer?\n\n"
        "1. keep-all: never evicts; new writes fail.\n"
        "2. expiring-lru: among keys with a TTL, evicts the least recently used one.\n"
        "3. expiring-random: among keys with a TTL, evicts one at random.\n"
        "4. any-lru: across the whole keyspace, evicts the least recently used one.\n"
        "5. any-random: across the whole keyspace, evicts one at random.\n"),
    "policies_zh.md": (
        "## 存储提供哪些淘汰策略？\n\n"
        "1. keep-all：从不淘汰，新的写入直接失败。\n"
        "2. expiring-lru：在设置了 TTL 的 key 中淘汰最久未使用的。\n"
        "3. expiring-random：在设置了 TTL 的 key 中随机淘汰一个。\n"
        "4. any-lru：在所有 key 中淘汰最久未使用的。\n"
        "5. any-random：在所有 key 中随机淘汰一个。\n"),
}


@pytest.mark.parametrize(
    ("title", "strong", "partial"),
    [
        ("eviction policies",
         "keep-all never evicts, so new writes fail. expiring-lru evicts the least recently "
         "used key among keys with a TTL, expiring-random a random one of them. any-lru evicts "
         "the least recently used key across the whole keyspace, any-random a random one.",
         "any-lru evicts the least recently used key across the whole keyspace; expiring-lru "
         "does the same among the keys with a TTL."),
        ("淘汰策略",
         "keep-all 从不淘汰，新的写入直接失败；expiring-lru 在设置了 TTL 的 key 中淘汰最久未使用的，"
         "expiring-random 在这些 key 中随机淘汰；any-lru 在所有 key 中淘汰最久未使用的，any-random "
         "在所有 key 中随机淘汰。",
         "常用 any-lru，在所有 key 中淘汰最久未使用的；还有 expiring-lru，在设置了 TTL 的 key 中淘汰最久"
         "未使用的。"),
    ],
)
def test_items_named_by_code_names_are_made_only_by_naming_them(
    tmp_path_factory: pytest.TempPathFactory, title: str, strong: str, partial: str
) -> None:
    # Found on the gradewalk11 walkthrough (Redis eviction policies): the items share their
    # words, so an answer naming two of six policies covered the others too and scored 10.
    bank = notes_bank(tmp_path_factory, POLICY_NOTES)
    question = next(q for q in bank.questions if title in q.title)
    grader = KeywordGrader(bank, packs=[])
    full = grader.grade(question, strong)
    half = grader.grade(question, partial)
    assert len(full.rubric) >= 5 and full.score >= 9
    assert sum(item.status == "covered" for item in half.rubric) == 2
    assert half.score <= 7


@pytest.mark.parametrize(
    ("title", "answer", "mixed"),
    [
        ("eviction policies", "expiring-lru evicts the least recently used one across the "
                              "whole keyspace, and any-lru does so only among keys with a TTL.",
         True),
        ("eviction policies", "expiring-lru evicts the least recently used key among keys with "
                              "a TTL; any-lru evicts the least recently used one across the "
                              "whole keyspace.", False),
        ("淘汰策略", "expiring-lru 在所有 key 中淘汰最久未使用的；any-lru 只在设置了 TTL 的 key 中淘汰最久未使用的。",
         True),
        ("淘汰策略", "expiring-lru 在设置了 TTL 的 key 中淘汰最久未使用的；any-lru 在所有 key 中淘汰最久未使用的。",
         False),
    ],
)
def test_items_named_by_code_names_mixed_up_are_found(
    tmp_path_factory: pytest.TempPathFactory, title: str, answer: str, mixed: bool
) -> None:
    # Found on the gradewalk11 walkthrough (Redis eviction policies): "volatile-lru是在所有key
    # 中按LRU淘汰；allkeys-lru只在设置了过期时间的key中淘汰" scored 8/10.
    bank = notes_bank(tmp_path_factory, POLICY_NOTES)
    question = next(q for q in bank.questions if title in q.title)
    grade = KeywordGrader(bank, packs=[]).grade(question, answer)
    found = next(report.found for report in grade.checks if report.name == "swapped_terms")
    assert bool(found) is mixed


CACHE_NOTES = (
    "## 缓存失效有哪几种情况？\n\n1. 缓存穿透：查询的数据在数据库里也不存在，每次请求都落到数据库。\n"
    "2. 缓存击穿：一个热点数据过期，大量请求同时落到数据库。\n3. 缓存雪崩：大量数据同时过期，所有请求同时落到数据库。\n")


def test_items_of_one_family_are_made_only_by_naming_them(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # Found on the gradewalk11 walkthrough (Redis notes): the three items share most words,
    # so an answer explaining one of them made the whole rubric and scored 7.5 to 10.
    bank = notes_bank(tmp_path_factory, {"cache.md": CACHE_NOTES})
    grader = KeywordGrader(bank, packs=[])
    question = bank.questions[0]
    one = grader.grade(question, "缓存穿透是查询的数据在数据库里也不存在，请求每次都落到数据库上。")
    three = grader.grade(question, "缓存穿透：查的数据数据库里也没有，请求每次都落到数据库；缓存击穿：一个热点数据过期，"
                                   "大量请求同时落到数据库；缓存雪崩：大量数据同时过期，所有请求一起落到数据库。")
    assert [item.status for item in one.rubric].count("covered") == 1 and one.score <= 6
    assert all(item.status == "covered" for item in three.rubric)
    assert three.score >= one.score + 3
