"""The most and the least ("最多" / "最少"), earlier and later ("更早" / "更晚"), longer and
shorter ("长一点" / "短点") are directions,
and a word that only looks glued to a degree adverb ("最近", "更新") keeps its meaning: "丢弃最近
最多提交的任务" contradicts notes that say "最近最少", and the right answer stays clean."""

from __future__ import annotations

import pytest

from interviewer.grading.contradiction import direction
from interviewer.grading.keyword import KeywordGrader
from interviewer.grading.lexicon import Lexicon
from interviewer.notes import QuestionBank
from interviewer.text import cut
from tests.grading_helpers import found_by, notes_bank
from tests.grading_helpers import grade_for as _grade

NOTES = """# 调度

## 1. 打印队列满了时有哪些丢弃规则？

丢弃规则是指队列已满、新任务又要进来时，先丢掉哪个任务。

- oldest-first：当队列已满时，在全部任务中，丢弃最近最少提交的任务。
- deadline-first：当队列已满时，在设置了截止时间的任务中，有更早截止时间的任务优先丢弃。
- reject-new：当队列已满时，新提交的任务直接报错。

## 2. 失败的任务怎么重试？

失败的任务放回队列重试，重试间隔可以设置短点，如5秒（设置太长会让任务积压）。
"""


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"diaodu.md": NOTES})


@pytest.fixture(scope="module")
def plain(notes: QuestionBank) -> KeywordGrader:
    return KeywordGrader(notes, packs=[])


def _clashes(plain: KeywordGrader, notes: QuestionBank, answer: str) -> list[str]:
    return found_by(_grade(plain, notes, "丢弃规则", answer), "contradiction")


@pytest.mark.parametrize(("text", "expected"), [
    ("丢弃最近最少提交的任务", ("extreme", -1)),
    ("丢弃最近最多提交的任务", ("extreme", 1)),
    ("截止时间更晚的任务优先丢弃", ("order", 1)),
    ("截止时间较早的任务优先丢弃", ("order", -1)),
    ("重试间隔可以设置短点", ("size", -1)),
    ("重试间隔要设置得长一点", ("size", 1)),
    ("间隔变短", ("size", -1)),
    ("设置太长会让任务积压", ("excess", 1)),
])
def test_most_least_and_earlier_later_point_along_an_axis(
    text: str, expected: tuple[str, int]
) -> None:
    assert expected in direction(text)


@pytest.mark.parametrize("answer", [
    "oldest-first 在全部任务中丢弃最近最多提交的任务。",
    "deadline-first 在设置了截止时间的任务中，让截止时间更晚的任务优先丢弃。",
])
def test_the_opposite_end_is_a_contradiction(
    plain: KeywordGrader, notes: QuestionBank, answer: str
) -> None:
    assert _clashes(plain, notes, answer)


@pytest.mark.parametrize("answer", [
    "oldest-first 在全部任务中丢弃最近最少提交的任务。",
    "deadline-first 在设置了截止时间的任务中，让截止时间更早的任务先丢弃。",
    "reject-new 不丢弃任何任务，新提交的任务直接报错。",
])
def test_the_same_end_is_not_flagged(plain: KeywordGrader, notes: QuestionBank, answer: str) -> None:
    assert not _clashes(plain, notes, answer)


@pytest.mark.parametrize("text", ["选择让熵下降最多的特征", "让损失减少得最多的那一步",
                                  "误差降低最少的方案"])
def test_falling_the_most_is_no_most_of_the_thing(text: str) -> None:
    # "熵下降最多" minimizes the entropy: it must not clash with "minimizes the entropy"
    # (seen on the foreign dev set once 最多/最少 became directions).
    assert "extreme" not in dict(direction(text))


@pytest.mark.parametrize("text", ["任务数量增长一点", "成长", "长度", "缩短"])
def test_long_needs_a_comparison(text: str) -> None:
    assert not [axis for axis, _ in direction(text) if axis in ("size", "excess")]


def test_longer_where_the_notes_say_shorter_is_a_contradiction(
    plain: KeywordGrader, notes: QuestionBank
) -> None:
    def clashes(answer: str) -> list[str]:
        return found_by(_grade(plain, notes, "重试", answer), "contradiction")

    assert clashes("失败的任务放回队列重试，重试间隔要设置得长一点，比如 5 分钟。")
    assert not clashes("失败的任务放回队列重试，重试间隔设置短一点，比如 5 秒。")
    assert not clashes("重试间隔不能设置太长，否则任务会积压。")


def test_words_that_only_look_glued_stay_whole(plain: KeywordGrader) -> None:
    lexicon: Lexicon = plain._tools.lexicon
    words = ["最近", "更新", "会话", "还原", "最终"]
    assert lexicon.split_glue(words) == words
    assert "最近" in lexicon.split_glue(cut("丢弃最近最多提交的任务"))
    # A degree adverb or a particle jieba glued to an adjective, a negation or another
    # particle is still peeled off.
    assert lexicon.split_glue(["太低会"]) == ["太", "低", "会"]
    assert lexicon.split_glue(["更快"]) == ["更", "快"]
    assert lexicon.split_glue(["还会"]) == ["还", "会"]
