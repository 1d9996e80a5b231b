"""The steps check: steps the answer asserts in the other order from the notes' ("先 A 再 B"
where the notes give B first, "run X first, then Y", numbered items reversed) — in Chinese
and English, against notes of any subject — and the answers that must not be flagged: the
right order, steps listed without claiming an order, a subset in the right order, a negated
order, numbered items held to steps the notes only enumerate or give in words."""

from __future__ import annotations

import pytest

from interviewer.grading.keyword import KeywordGrader
from interviewer.grading.model import Grade
from interviewer.grading.order_words import asserted_orders, shown_part
from interviewer.notes import QuestionBank
from tests.grading_helpers import found_by as _found
from tests.grading_helpers import grade_for as _grade
from tests.grading_helpers import notes_bank

ZH_NOTES = """# 运维

## 1. 数据库主从全量同步的流程是怎样的？

全量同步的步骤如下：

1. 从库向主库发送同步请求（sync request）。
2. 主库在后台生成数据快照（snapshot），之后到来的写请求先放进缓冲区（buffer）。
3. 主库把快照文件传给从库，从库清空旧数据后载入快照。
4. 主库把缓冲区里的写命令（write commands）转发给从库执行。

## 2. 怎样给一台服务器安全地升级内核？

先把服务器从负载均衡中摘除，再停止上面的业务进程，然后安装新内核并重启，最后确认服务正常后把它加回负载均衡。

## 3. 常见的缓存淘汰策略有哪些？

1. LRU：淘汰最久没有被访问的数据。
2. LFU：淘汰访问次数最少的数据。
3. FIFO：淘汰最早写入的数据。
"""

EN_NOTES = """# Networking

## 1. Explain the three-way handshake of a connection.

1. SYN: the client sends a SYN carrying its initial sequence number.
2. SYN-ACK: the server answers with a SYN-ACK that acknowledges the client's number.
3. ACK: the client sends an ACK, and the connection is open.

## 2. How do you take a node out for maintenance?

First cordon the node so nothing new is scheduled on it, then drain it to evict its pods,
and finally uncordon it once the maintenance is over.

## 3. What are the advantages of connection pooling?

1. Lower latency: a request reuses an open connection.
2. Fewer resources: the server keeps a bounded number of sockets.
3. Protection: the pool caps the load on the database.

## 4. What is a socket?

A socket is one end of a connection: an address and a port that a process reads from and
writes to.
"""


HEADED_NOTES = """# 发布

## 1. 发布一个新版本的流程是怎样的？

### 1. 打标签

在仓库里给要发布的提交打上版本标签（tag）。

### 2. 构建镜像

持续集成按标签构建容器镜像（image）并推送到镜像仓库。

### 3. 灰度上线

把新镜像部署到少量实例（canary），观察指标正常后再全量发布。

## 2. 回滚一个版本要注意什么？

回滚前要确认数据库迁移能否撤销，否则只回滚代码会让新旧结构不一致。
"""


@pytest.fixture(scope="module")
def bank(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"yunwei.md": ZH_NOTES, "network.md": EN_NOTES,
                                         "release.md": HEADED_NOTES})


@pytest.fixture(scope="module")
def plain(bank: QuestionBank) -> KeywordGrader:
    return KeywordGrader(bank, packs=[])


def _steps(grade: Grade) -> list[str]:
    return _found(grade, "steps")


# --- where a text asserts an order -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("主库先把写命令发给从库，然后才生成快照。", ("主库先把写命令发给从库", "然后才生成快照")),
        ("先 cordon 再 drain，最后 uncordon。", ("先 cordon", "再 drain", "最后 uncordon")),
        ("生成快照后再转发写命令", ("生成快照", "后再转发写命令")),
        ("在生成快照之前，主库转发写命令。", ("主库转发写命令", "生成快照")),
        ("Run uncordon first, then drain the node.", ("Run uncordon first", "then drain the node")),
        ("The client sends a SYN. Then the server answers.",
         ("The client sends a SYN", "Then the server answers")),
        ("The server answers before the client sends a SYN.",
         ("The server answers", "the client sends a SYN")),
        ("After the client sends a SYN, the server answers.",
         ("the client sends a SYN", "the server answers")),
        ("cordon → drain → uncordon", ("cordon", "drain", "uncordon")),
        ("Step 1: split the data. Step 2: train the model.",
         ("Step 1: split the data", "Step 2: train the model")),
        # "next" in code is a name.
        ("p->next = q; then we free p.", ("p->next = q", "then we free p")),
        ("1、发送请求；2、生成快照；3、传输文件", ("发送请求", "生成快照", "传输文件")),
        ("1. send a request\n2. make a snapshot", ("send a request", "make a snapshot")),
        # The second order of a corrected pair is the one asserted.
        ("不是先转发写命令再生成快照，而是先生成快照再转发写命令。",
         ("而是先生成快照", "再转发写命令")),
    ],
)
def test_an_asserted_order_is_read_with_its_parts_earliest_first(
    text: str, parts: tuple[str, ...]
) -> None:
    assert [o.parts for o in asserted_orders(text)] == [parts]


@pytest.mark.parametrize(
    "text",
    [
        "The handshake uses a SYN, a SYN-ACK and an ACK.",
        "主库会生成快照，也会转发写命令。",
        "If the buffer is full then writes are dropped.",
        "The first packet is a SYN and the next one is a SYN-ACK.",
        "It is not true that the client first sends an ACK and then a SYN.",
        "不是先转发写命令再生成快照。",
        "优先淘汰最久没有访问的数据。",
        "The test set is used only once.",
        "The test set is touched once at the end to estimate generalization.",
        # The order of the answer's own telling.
        "先说快照，再讲写命令。",
        "First, let me explain the SYN; then I'll describe the ACK.",
    ],
)
def test_words_that_order_nothing_assert_no_order(text: str) -> None:
    assert asserted_orders(text) == []


def test_first_and_second_alone_may_only_enumerate() -> None:
    assert [o.weak for o in asserted_orders("首先，模型更简单；其次，训练更快。")] == [True]
    assert [o.weak for o in asserted_orders("First cordon the node, then drain it.")] == [False]


def test_feedback_names_a_part_without_its_order_word() -> None:
    assert shown_part("然后才生成快照") == "生成快照"
    assert shown_part("and finally the server sends a SYN-ACK") == "the server sends a SYN-ACK"
    assert shown_part("先进的模型") == "先进的模型"


# --- the check in a grade --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "wrong", "right", "phrase", "quote"),
    [
        pytest.param("数据库主从",
                     "从库先发送同步请求，主库先把缓冲区里的写命令转发给从库，然后才生成数据快照。",
                     "从库先发送同步请求，然后主库生成数据快照，再把快照文件传给从库载入，"
                     "最后把缓冲区里的写命令转发给从库执行。",
                     "你把顺序说反了：笔记里是先「主库在后台生成数据快照", "转发给从库执行", id="zh"),
        pytest.param("升级内核", "先安装新内核并重启，再把服务器从负载均衡中摘除，最后停止业务进程。",
                     "先把服务器从负载均衡中摘除，再停止业务进程，然后安装新内核并重启。",
                     "笔记里是先「把服务器从负载均衡中摘除」，再「安装新内核并重启」", "", id="zh-words"),
        pytest.param("three-way",
                     "First the server sends a SYN-ACK, then the client sends a SYN, and finally "
                     "the client sends an ACK.",
                     "First the client sends a SYN with its initial sequence number, then the "
                     "server answers with a SYN-ACK, and finally the client sends an ACK.",
                     "You put “the server sends a SYN-ACK” before “the client sends a SYN”",
                     "the notes: first “SYN: the client sends a SYN", id="en"),
        pytest.param("three-way", "The server answers with a SYN-ACK before the client sends a SYN.",
                     "The client sends a SYN before the server answers with a SYN-ACK.",
                     "You put “The server answers with a SYN-ACK” before", "", id="en-before"),
        pytest.param("数据库主从",
                     "The primary first forwards the buffered write commands to the replica, then "
                     "it generates the snapshot.",
                     "The primary generates the snapshot first, then it forwards the buffered "
                     "write commands to the replica.",
                     "You put “The primary first forwards the buffered write commands",
                     "主库在后台生成数据快照", id="en-answer-zh-notes"),
    ],
)
def test_steps_in_the_wrong_order_are_named_and_cost_like_a_contradiction(
    plain: KeywordGrader, bank: QuestionBank, title: str, wrong: str, right: str, phrase: str,
    quote: str,
) -> None:
    bad = _grade(plain, bank, title, wrong)
    good = _grade(plain, bank, title, right)
    assert _steps(bad) and "contradiction" in bad.flags
    assert phrase in bad.feedback and quote in bad.feedback
    assert _steps(good) == [] and "contradiction" not in good.flags
    assert bad.score < good.score


@pytest.mark.parametrize(
    ("title", "answer"),
    [
        # Steps listed without claiming an order.
        ("数据库主从", "主库会生成数据快照，会把快照文件传给从库，也会把缓冲区里的写命令转发给从库。"),
        ("three-way", "The handshake uses a SYN, a SYN-ACK and an ACK: the ACK from the client "
                      "opens the connection."),
        ("maintenance", "You cordon, drain and uncordon the node around the maintenance."),
        # A subset of the steps, in the right order.
        ("数据库主从", "主库先生成数据快照，再把快照文件传给从库。"),
        ("three-way", "First the client sends a SYN, then the server answers with a SYN-ACK."),
        # One step alone.
        ("three-way", "The client sends a SYN first."),
        # A wrong order denied, the right one asserted.
        ("数据库主从", "不是先转发缓冲区里的写命令再生成快照，而是先生成数据快照，再转发缓冲区里的写命令。"),
        ("three-way", "It is not true that the client sends the ACK first and then the SYN; the "
                      "client sends a SYN first, then the server answers with a SYN-ACK."),
    ],
)
def test_answers_that_claim_no_wrong_order_are_not_flagged(
    plain: KeywordGrader, bank: QuestionBank, title: str, answer: str
) -> None:
    assert _steps(_grade(plain, bank, title, answer)) == []


def test_numbered_items_reversed_are_flagged_where_the_notes_number_those_steps(
    plain: KeywordGrader, bank: QuestionBank
) -> None:
    bad = _grade(plain, bank, "数据库主从", "1. 主库把缓冲区里的写命令转发给从库\n2. 主库生成数据快照\n"
                                            "3. 主库把快照文件传给从库")
    good = _grade(plain, bank, "数据库主从", "1. 主库生成数据快照\n2. 主库把快照文件传给从库\n"
                                             "3. 主库把缓冲区里的写命令转发给从库")
    assert _steps(bad) and not _steps(good)
    assert bad.score < good.score


@pytest.mark.parametrize(
    ("title", "answer"),
    [
        # The notes give these steps in words, not numbered.
        ("升级内核", "1. 停止业务进程\n2. 把服务器从负载均衡中摘除\n3. 安装新内核并重启"),
        ("maintenance", "1. uncordon the node\n2. drain it to evict the pods\n3. cordon it"),
        # The notes number these items without saying they are steps: an enumeration.
        ("缓存淘汰", "1. FIFO：淘汰最早写入的数据\n2. LRU：淘汰最久没被访问的数据\n"
                     "3. LFU：淘汰访问次数最少的数据"),
        ("pooling", "1. Protection: the pool caps the load on the database.\n"
                    "2. Lower latency: a request reuses an open connection."),
    ],
)
def test_numbered_items_are_not_held_to_steps_the_notes_do_not_number_as_steps(
    plain: KeywordGrader, bank: QuestionBank, title: str, answer: str
) -> None:
    assert _steps(_grade(plain, bank, title, answer)) == []


def test_the_grade_says_whether_the_notes_order_any_steps(
    plain: KeywordGrader, bank: QuestionBank
) -> None:
    ordered = _grade(plain, bank, "数据库主从", "主库在后台生成数据快照，然后把快照文件传给从库载入。")
    report = next(r for r in ordered.checks if r.name == "steps")
    assert report.ran and report.note == "1 ordered sequence in the notes"
    plain_prose = _grade(plain, bank, "socket", "A socket is an address and a port.")
    report = next(r for r in plain_prose.checks if r.name == "steps")
    assert not report.ran and report.note == "the notes give no steps in order here"


@pytest.mark.parametrize(
    ("title", "answer"),
    [
        ("缓存淘汰", "淘汰数据时先看 FIFO 最早写入的数据，再用 LRU 淘汰最久没有被访问的数据。"),
        ("pooling", "First you get protection, since the pool caps the load on the database, "
                    "then lower latency, since a request reuses an open connection."),
    ],
)
def test_a_numbered_list_of_kinds_or_advantages_orders_nothing(
    plain: KeywordGrader, bank: QuestionBank, title: str, answer: str
) -> None:
    graded = _grade(plain, bank, title, answer)
    report = next(r for r in graded.checks if r.name == "steps")
    assert not report.ran and _steps(graded) == []


def test_numbered_sub_headings_under_a_process_question_are_its_steps(
    plain: KeywordGrader, bank: QuestionBank
) -> None:
    worded = _grade(plain, bank, "发布一个新版本", "先构建镜像并推送到镜像仓库，再给提交打上版本标签。")
    numbered = _grade(plain, bank, "发布一个新版本",
                      "1. 构建容器镜像并推送\n2. 给提交打版本标签\n3. 灰度上线到少量实例")
    right = _grade(plain, bank, "发布一个新版本", "先给提交打上版本标签，再构建镜像并推送，最后灰度上线。")
    assert "先「打标签：在仓库里给要发布的提交打上版本标签" in _steps(worded)[0]
    assert _steps(numbered) and _steps(right) == []
