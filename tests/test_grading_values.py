"""The `values` check: a number, a dimension tuple, a percentage or a complexity bound to a
named quantity that differs from the value the notes state for it — in Chinese and English,
with no table of facts — and the right statements that must not be flagged (the same value
written differently, the answer's own example, a value the notes never state, a value inside
a range the notes give, list numbering and years)."""

from __future__ import annotations

import pytest

from interviewer.grading.keyword import KeywordGrader
from interviewer.grading.values import find_values, same
from interviewer.notes import QuestionBank
from tests.grading_helpers import found_by as _found
from tests.grading_helpers import grade_for as _grade
from tests.grading_helpers import notes_bank

EN_NOTES = """# Hashing and training

## 1. What is the load factor of a hash table?

The load factor is the number of stored elements divided by the number of buckets. The default
load factor of Java's HashMap is 0.75; once it is exceeded, the table doubles its capacity.
For most uses a load factor between 0.5 and 0.75 strikes a good balance between time and
space. Lookups take O(1) time on average and O(n) time in the worst case.

## 2. How is VGG16 built, and how is it trained?

VGG16 has 13 convolutional layers and 3 fully connected layers, all with 3x3 kernels and
stride 1. It is trained with dropout p=0.5 in the fully connected layers.

## 3. What is separate chaining?

Separate chaining keeps a linked list in every bucket and appends colliding keys to it.
"""

ZH_NOTES = """# 卷积

## 1. channel 的含义是什么？

channel 是每个卷积层中卷积核的数量。假设输入是一个 6×6×3 的图片样本，使用一个 3×3×3 的卷积核进行
卷积，输出的尺寸为 4×4×1，out_channels 为 1。如果再加一个卷积核，输出的尺寸就是 4×4×2。

## 2. Adam 优化器的默认参数是什么？

Adam 的默认学习率为 0.001，一阶矩的衰减率默认为 0.9。排序的时间复杂度是 O(n log n)。
"""


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"hashing.md": EN_NOTES, "conv.md": ZH_NOTES})


@pytest.fixture(scope="module")
def plain(notes: QuestionBank) -> KeywordGrader:
    """The grader with no domain pack."""
    return KeywordGrader(notes, packs=[])


# --- values written differently ------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("p is 0.5", "p is 50%"),
        ("p is 0.5", "p is 1/2"),
        ("学习率为 1e-3", "学习率为 0.001"),
        ("输出为 4x4x1", "输出为 4×4×1"),
        ("输出为 4\\*4\\*1", "输出为 4×4×1"),
        ("输出为 4×4×1", "输出为 4 * 4 * 1"),
        ("sorting takes O(n log n)", "sorting takes $O(n \\log n)$"),
        ("sorting takes O(nlogn)", "sorting takes O(n·log(n))"),
    ],
)
def test_equal_values_written_differently_are_equal(a: str, b: str) -> None:
    [va], [vb] = find_values(a), find_values(b)
    assert same(va, vb)


@pytest.mark.parametrize(
    ("a", "b"),
    [("p is 0.5", "p is 0.2"), ("输出为 4×4×3", "输出为 4×4×1"), ("O(n^2)", "O(n log n)")],
)
def test_different_values_differ(a: str, b: str) -> None:
    [va], [vb] = find_values(a), find_values(b)
    assert not same(va, vb)


@pytest.mark.parametrize(
    "text",
    [
        "1. Lookups are fast.",
        "第1步，计算哈希值。",
        "HashMap arrived in Java in 1998.",
        "VGG16 and ResNet50 are deep.",
        "L2 regularization shrinks weights.",
        "The output size is m-k+1.",
    ],
)
def test_list_numbers_years_names_and_formula_terms_are_not_values(text: str) -> None:
    assert find_values(text) == []


@pytest.mark.parametrize(
    "text", ["a load factor between 0.5 and 0.75 is good", "Between 50% and 75% is good",
             "负载因子在 0.5~0.75 之间比较好", "a load factor of 0.5 to 0.75 is good"])
def test_a_range_is_one_value(text: str) -> None:
    [value] = find_values(text)
    assert (value.low, value.high) == (0.5, 0.75)


# --- wrong values are named ----------------------------------------------------------------


def test_a_wrong_default_value_is_named_with_the_note_sentence(
    plain: KeywordGrader, notes: QuestionBank
) -> None:
    grade = _grade(plain, notes, "load factor",
                   "The load factor is the number of elements divided by the number of buckets. "
                   "The default load factor of Java's HashMap is 0.9; once it is exceeded the "
                   "table doubles its capacity.")
    found = _found(grade, "values")
    assert len(found) == 1
    assert "contradiction" in grade.flags
    assert "0.75" in grade.feedback and "the notes say" in grade.feedback


def test_a_wrong_complexity_is_named(plain: KeywordGrader, notes: QuestionBank) -> None:
    grade = _grade(plain, notes, "load factor",
                   "Lookups take O(1) time on average and O(log n) time in the worst case.")
    assert len(_found(grade, "values")) == 1
    assert "O(n)" in grade.feedback


def test_a_wrong_complexity_beside_one_the_notes_do_not_give_is_named(
    plain: KeywordGrader, notes: QuestionBank
) -> None:
    grade = _grade(plain, notes, "load factor",
                   "Lookups are a binary search over sorted hashes, so they take O(log n) "
                   "and O(n log n) time in the worst case.")
    assert len(_found(grade, "values")) == 1
    assert "O(n log n)" in _found(grade, "values")[0]


def test_a_wrong_count_is_named(plain: KeywordGrader, notes: QuestionBank) -> None:
    grade = _grade(plain, notes, "VGG16",
                   "VGG16 has 16 convolutional layers and 3 fully connected layers.")
    assert len(_found(grade, "values")) == 1


def test_a_wrong_dimension_is_named_in_chinese(plain: KeywordGrader, notes: QuestionBank) -> None:
    grade = _grade(plain, notes, "channel",
                   "channel 是卷积核的数量。6×6×3 的图片用一个 3×3×3 的卷积核卷积，输出的尺寸是 "
                   "4×4×3。")
    found = _found(grade, "values")
    assert len(found) == 1
    assert "笔记里说" in grade.feedback and "4×4×1" in grade.feedback


def test_a_wrong_chinese_default_is_named(plain: KeywordGrader, notes: QuestionBank) -> None:
    grade = _grade(plain, notes, "Adam", "Adam 的默认学习率是 0.01，一阶矩衰减率默认 0.9。")
    assert len(_found(grade, "values")) == 1
    assert "0.001" in grade.feedback


# --- right statements are not flagged ------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "answer"),
    [
        # the same value, written differently
        ("load factor", "Java's HashMap uses a default load factor of 75%, and doubles the "
                        "table once it is exceeded. Lookups are O(1) on average, O(n) in the "
                        "worst case."),
        ("load factor", "The default load factor of Java's HashMap is 3/4."),
        ("VGG16", "VGG16 stacks 13 convolutional layers and 3 fully connected layers of 3×3 "
                  "kernels with stride 1; dropout p = 50% in the fully connected layers."),
        ("Adam", "Adam 的默认学习率是 1e-3，一阶矩的衰减率默认为 0.9。"),
        ("channel", "6×6×3 的图片用一个 3×3×3 的卷积核，输出的尺寸为 4x4x1；两个卷积核就是 "
                    "4\\*4\\*2。"),
        # the answer's own example
        ("channel", "比如一张 32×32×3 的图片用一个 5×5×3 的卷积核，输出的尺寸是 28×28×1；"
                    "用 16 个卷积核，输出就是 28×28×16。"),
        ("load factor", "For example, with 6 elements in 8 buckets the load factor is 0.75, "
                        "and with 12 buckets it is 0.5."),
        # a value the notes never state
        ("load factor", "Python's dict resizes when it is two-thirds full, and Redis starts "
                        "rehashing at a load factor of 1."),
        ("Adam", "Adam 的二阶矩衰减率默认为 0.999，epsilon 默认是 1e-8。"),
        # inside the range the notes give
        ("load factor", "A load factor of 0.6 strikes a good balance between time and space."),
        # list numbering, years, ordinals
        ("load factor", "1. The load factor is elements over buckets. 2. Java's HashMap "
                        "(since 1998) resizes at the default load factor of 0.75."),
        ("Adam", "第一，Adam 的默认学习率为 0.001；第二，一阶矩的衰减率默认为 0.9。"),
    ],
)
def test_right_statements_are_not_flagged(
    plain: KeywordGrader, notes: QuestionBank, title: str, answer: str
) -> None:
    grade = _grade(plain, notes, title, answer)
    assert _found(grade, "values") == []


def test_the_check_says_when_the_notes_state_no_values(
    plain: KeywordGrader, notes: QuestionBank
) -> None:
    grade = _grade(plain, notes, "separate chaining",
                   "Each bucket keeps a linked list; with 8 buckets and 12 keys lists hold 1.5 "
                   "keys on average.")
    report = next(r for r in grade.checks if r.name == "values")
    assert not report.ran and report.note


# --- end to end ----------------------------------------------------------------------------


def test_a_wrong_value_lowers_the_grade_and_is_reported(
    plain: KeywordGrader, notes: QuestionBank
) -> None:
    right = _grade(plain, notes, "load factor",
                   "The load factor is the number of stored elements divided by the number of "
                   "buckets. The default load factor of Java's HashMap is 0.75; once it is "
                   "exceeded, the table doubles its capacity. Lookups take O(1) time on "
                   "average and O(n) time in the worst case.")
    wrong = _grade(plain, notes, "load factor",
                   "The load factor is the number of stored elements divided by the number of "
                   "buckets. The default load factor of Java's HashMap is 0.9; once it is "
                   "exceeded, the table doubles its capacity. Lookups take O(1) time on "
                   "average and O(n) time in the worst case.")
    assert _found(right, "values") == []
    assert [r.name for r in wrong.checks].count("values") == 1
    assert _found(wrong, "values")
    assert wrong.score <= right.score - 1.5
    dumped = wrong.model_dump()
    entry = next(c for c in dumped["checks"] if c["name"] == "values")
    assert entry["ran"] is True and entry["found"]


# Found on a new-user walkthrough of third-party English notes (ux-walk8b): a number joined to
# its unit by a hyphen ("a 32-character string", "a 64-bit key") read as a formula term
# ("m-k"), so a wrong count written that way was never compared with the notes' value.
@pytest.mark.parametrize(
    ("text", "number"),
    [("the key is a 64-bit integer", 64.0), ("an 8-character hex string", 8.0),
     ("一个 32-bit 的整数", 32.0)],
)
def test_a_number_hyphened_to_its_unit_is_a_value(text: str, number: float) -> None:
    [value] = find_values(text)
    assert value.low == number


@pytest.mark.parametrize("text", ["The output size is n-k+1.", "the odds are 1-p over p",
                                  "use 2 - x here"])
def test_a_number_minus_a_variable_is_still_a_formula_term(text: str) -> None:
    assert [v for v in find_values(text) if v.kind == "number"] == []


HYPHENED = """# Identifiers

## 1. What is a record id?

A record id is a 40 character hex string that uniquely identifies the record in the log.
"""


def test_a_wrong_hyphened_count_is_named(tmp_path_factory: pytest.TempPathFactory) -> None:
    bank = notes_bank(tmp_path_factory, {"ids.md": HYPHENED})
    grader = KeywordGrader(bank, packs=[])
    wrong = _grade(grader, bank, "record id",
                   "A record id is a 32-character hex string that identifies the record.")
    right = _grade(grader, bank, "record id",
                   "A record id is a 40-character hex string that identifies the record.")
    assert _found(wrong, "values") and "32" in _found(wrong, "values")[0]
    assert not _found(right, "values")


def test_with_and_no_number_of_its_own_sets_no_example_up(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    bank = notes_bank(tmp_path_factory, {"ids.md": HYPHENED})
    grader = KeywordGrader(bank, packs=[])
    wrong = _grade(grader, bank, "record id", "Stored with the log entry, a record id is a 32 "
                                              "character hex string that identifies the record.")
    assert _found(wrong, "values")


@pytest.mark.parametrize(
    ("text", "number"),
    [("A pool holds 1,000 connections.", 1000.0), ("默认最多容纳 12,500 个连接。", 12500.0),
     ("about 3,700 users per group", 3700.0), ("a table of 1,234,567 rows", 1234567.0),
     ("a median of 1,234.5 ms", 1234.5)],
)
def test_a_number_with_thousands_separators_is_one_value(text: str, number: float) -> None:
    [value] = find_values(text)
    assert value.low == number


@pytest.mark.parametrize("text", ["The input has shape (3,224,224).", "points 1,2,3 and 4"])
def test_numbers_in_a_tuple_or_a_list_are_no_thousands(text: str) -> None:
    assert all(v.low < 1000 for v in find_values(text))


def _named_when_wrong(
    factory: pytest.TempPathFactory, notes: str, title: str, wrong: str, right: str
) -> None:
    """The values check names the wrong answer's value and leaves the right one alone."""
    bank = notes_bank(factory, {"notes.md": notes})
    grader = KeywordGrader(bank, packs=[])
    assert _found(_grade(grader, bank, title, wrong), "values")
    assert not _found(_grade(grader, bank, title, right), "values")


GROUPED = """# Pools

## 1. How many connections does the pool hold?

By default the connection pool holds at most 1,000 open connections.

## 2. 连接池默认能容纳多少连接？

连接池默认最多容纳 1,000 个打开的连接。
"""


@pytest.mark.parametrize(
    ("title", "wrong", "right"),
    [("How many", "By default the connection pool holds at most 100 open connections.",
      "By default the connection pool holds at most 1000 open connections."),
     ("连接池", "连接池默认最多容纳 100 个打开的连接。", "连接池默认最多容纳 1,000 个打开的连接。")],
)
def test_a_count_written_with_thousands_separators_is_compared_whole(
    tmp_path_factory: pytest.TempPathFactory, title: str, wrong: str, right: str,
) -> None:
    _named_when_wrong(tmp_path_factory, GROUPED, title, wrong, right)


LABELLED = """# Tests

## 1. Which parameters size an A/B test?

- **Significance level (α):** typically set at 5%, the chance of a false positive.
- **Statistical power (1 - β):** typically set at 80%, the chance of finding a real effect.

## 2. 样本量由哪些参数决定？

- **显著性水平（α）：** 通常取 5%，即误报的概率。
- **统计功效（1 - β）：** 通常取 80%，即发现真实效果的概率。
"""


@pytest.mark.parametrize(
    ("title", "wrong", "right"),
    [("Which parameters", "The significance level is typically 80% and the statistical power "
      "is typically 5%.", "The significance level is typically 5% and the statistical power "
      "is typically 80%."),
     ("样本量", "显著性水平通常取 80%，统计功效通常取 5%。", "显著性水平通常取 5%，统计功效通常取 80%。")],
)
def test_a_value_after_a_label_and_its_colon_is_the_labels(
    tmp_path_factory: pytest.TempPathFactory, title: str, wrong: str, right: str,
) -> None:
    # Found on the walk9b walkthrough: "**Label:** Typically set at 5%" lost its quantity at
    # the colon, so 5% and 80% given the other way round passed.
    _named_when_wrong(tmp_path_factory, LABELLED, title, wrong, right)


def test_a_greek_letter_is_its_name_typed() -> None:
    # Notes write "α", "β", answers typed on a keyboard "alpha", "beta".
    from interviewer.grading.lexicon import Lexicon

    lexicon = Lexicon([])
    assert lexicon.text_concepts("显著性水平 α") == lexicon.text_concepts("显著性水平 alpha")
    assert lexicon.text_concepts("power (1 - β)") == lexicon.text_concepts("power (1 - Beta)")
    assert lexicon.text_concepts("alpha") != lexicon.text_concepts("beta")


INTERVALS = """# Activations

## 1. What does the sigmoid do?

It squashes any real number into the interval (0, 1), so the output reads as a probability.

## 2. tanh 的输出范围是多少？

tanh 把任意实数映射到 (-1, 1) 区间，输出以 0 为中心。
"""


@pytest.mark.parametrize(
    ("title", "wrong", "right"),
    [("sigmoid", "It squashes any real number into the interval (-1, 1), so the output reads "
      "as a probability.", "It squashes any real number into the interval (0, 1), so the "
      "output reads as a probability."),
     ("tanh", "tanh 把任意实数映射到 (0, 1) 区间，输出以 0 为中心。",
      "tanh 把任意实数映射到 (-1, 1) 区间，输出以 0 为中心。")],
)
def test_an_interval_is_a_range_value(
    tmp_path_factory: pytest.TempPathFactory, title: str, wrong: str, right: str,
) -> None:
    # Found on the walk9d walkthrough: a sigmoid "into (-1, 1)" passed.
    _named_when_wrong(tmp_path_factory, INTERVALS, title, wrong, right)


@pytest.mark.parametrize("text", ["a point (3, 4) on the plane", "shape (224, 224) images",
                                  "call f(0, 1) twice"])
def test_a_pair_that_is_no_interval_is_no_range(text: str) -> None:
    assert all(v.low == v.high for v in find_values(text))
