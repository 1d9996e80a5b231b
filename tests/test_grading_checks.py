"""The offline grader's generic checks on notes it was never tuned for, with no domain pack:
swapped sibling terms, formulas compared by value, the checks reported in the grade — and
the right answers that must not be flagged."""

from __future__ import annotations

import pytest

from interviewer.grading.formulas import comparable, find_formulas, same_value
from interviewer.grading.keyword import KeywordGrader
from interviewer.notes import QuestionBank
from tests.grading_helpers import found_by as _found
from tests.grading_helpers import grade_for as _grade
from tests.grading_helpers import notes_bank

EN_NOTES = """# Metrics and data

## 1. Define precision and recall, and the F1 score.

- **Precision**: the share of predicted positives that are really positive,
  precision = TP/(TP+FP). High precision means few false alarms.
- **Recall**: the share of actual positives the model finds, recall = TP/(TP+FN).
  High recall means few missed positives.

The F1 score is their harmonic mean, F1 = 2PR/(P+R).

## 2. Why split data into training, validation and test sets?

- **Training set**: the data the model's weights are fitted on.
- **Validation set**: held-out data used to tune hyperparameters and choose between models.
- **Test set**: touched once at the end to estimate generalization on unseen data.

## 3. What is the output size of a convolution?

For an input of size m and a kernel of size k, a valid convolution gives m-k+1 outputs, and
a full convolution gives m+k-1 outputs.
"""

ZH_NOTES = """# 池化

## 1. 池化层的种类有哪些？

- 均值池化
  - 思路：对邻域内特征值取平均
  - 优点：抑制由邻域大小受限造成的估计值方差增大现象
  - 特点：对背景的保留效果好
- 最大值池化
  - 思路：取邻域内最大值
  - 优点：抑制网络参数误差造成估计均值偏移问题
  - 特点：更好提取纹理信息

## 2. 空洞卷积的有效卷积核大小是多少？

在卷积核的每两个元素之间插入 D-1 个空洞，有效大小为 K' = K+(K-1)×(D-1)，D 称为膨胀率。
"""


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"metrics.md": EN_NOTES, "pooling.md": ZH_NOTES})


@pytest.fixture(scope="module")
def plain(notes: QuestionBank) -> KeywordGrader:
    """The grader with no domain pack."""
    return KeywordGrader(notes, packs=[])


# --- formulas -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("precision = TP/(TP+FP)", "x = TP / (FP + TP)"),
        ("F1 = 2PR/(P+R)", "F1 = 2*P*R/(R+P)"),
        ("F1 = 2PR/(P+R)", "F1 = 2*precision*recall/(precision+recall)"),
        ("size = m-k+1", "size = 1 + m - k"),
        ("precision is TP divided by TP plus FP", "precision = TP/(TP+FP)"),
        ("精确率等于 TP 除以 (TP 加 FP)", "precision = TP/(TP+FP)"),
        ("K' = K+(K-1)×(D-1)", "K' = K + (K−1)(D−1)"),
    ],
)
def test_equal_formulas_written_differently_are_equal(a: str, b: str) -> None:
    fa, fb = find_formulas(a)[0], find_formulas(b)[0]
    assert comparable(fa, fb)
    assert same_value(fa, fb)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("precision = TP/(TP+FN)", "precision = TP/(TP+FP)"),
        ("F1 = (P+R)/2", "F1 = 2PR/(P+R)"),
        ("size = m+k-1", "size = m-k+1"),
    ],
)
def test_different_formulas_differ(a: str, b: str) -> None:
    fa, fb = find_formulas(a)[0], find_formulas(b)[0]
    assert comparable(fa, fb)
    assert not same_value(fa, fb)


def test_words_joined_by_slashes_or_hyphens_are_not_formulas() -> None:
    assert find_formulas("We use k-nearest neighbors and a train/test split.") == []


def test_a_wrong_formula_for_a_named_quantity_is_named(
    plain: KeywordGrader, notes: QuestionBank
) -> None:
    grade = _grade(plain, notes, "precision and recall",
                   "Precision is TP divided by TP plus FN, the share of predicted positives "
                   "that are right. Recall is TP/(TP+FN). F1 is the arithmetic mean (P+R)/2.")
    found = _found(grade, "formulas")
    assert len(found) == 2
    assert "contradiction" in grade.flags
    assert "TP/(TP+FP)" in grade.feedback  # the note sentence is quoted


def test_right_formulas_written_differently_are_not_flagged(
    plain: KeywordGrader, notes: QuestionBank
) -> None:
    grade = _grade(plain, notes, "precision and recall",
                   "Precision = TP / (FP + TP): of what we predict positive, how much is. "
                   "Recall = TP/(FN+TP): of the real positives, how many we find. "
                   "F1 = 2*P*R/(R+P), the harmonic mean.")
    assert _found(grade, "formulas") == []
    assert "contradiction" not in grade.flags
    assert grade.score >= 6


def test_a_chinese_wrong_formula_is_named_in_chinese(
    plain: KeywordGrader, notes: QuestionBank
) -> None:
    grade = _grade(plain, notes, "空洞卷积", "空洞卷积的有效卷积核大小是 K' = K×D，D 是膨胀率。")
    assert _found(grade, "formulas")
    assert "公式" in grade.feedback and "K+(K-1)×(D-1)" in grade.feedback


# --- swapped terms ---------------------------------------------------------------------------


def test_swapped_siblings_are_named(plain: KeywordGrader, notes: QuestionBank) -> None:
    grade = _grade(plain, notes, "training, validation and test",
                   "The training set fits the weights. The test set is used to tune "
                   "hyperparameters and choose between models.")
    assert _found(grade, "swapped_terms")
    assert "swapped" in grade.feedback and "Validation" in grade.feedback


def test_swapped_siblings_in_chinese(plain: KeywordGrader, notes: QuestionBank) -> None:
    grade = _grade(plain, notes, "池化层的种类",
                   "均值池化对邻域取平均，它的优点是能抑制网络参数误差造成的估计均值偏移；"
                   "最大值池化取邻域最大值。")
    assert _found(grade, "swapped_terms")
    assert "弄混" in grade.feedback


def test_a_swapped_clause_ticks_no_point(plain: KeywordGrader, notes: QuestionBank) -> None:
    # The swapped clause was the evidence for a point: that point is not covered.
    grade = _grade(plain, notes, "training, validation and test",
                   "The training set fits the weights. The test set is used to tune "
                   "hyperparameters and choose between models.")
    swapped = _found(grade, "swapped_terms")[0]
    ticked = [p for p in grade.rubric
              if p.status != "missed" and p.evidence and p.evidence in swapped]
    assert swapped and not ticked


@pytest.mark.parametrize(
    "answer",
    [
        # A correct comparison names both and binds each right.
        "The validation set is used to tune hyperparameters, while the test set is touched "
        "once at the end to estimate generalization.",
        # A wrong claim, negated, is right.
        "The test set is not used to tune hyperparameters; the validation set is.",
    ],
)
def test_correct_statements_are_not_swaps(
    plain: KeywordGrader, notes: QuestionBank, answer: str
) -> None:
    grade = _grade(plain, notes, "training, validation and test", answer)
    assert _found(grade, "swapped_terms") == []
    assert "contradiction" not in grade.flags


def test_a_correct_chinese_comparison_is_not_a_swap(
    plain: KeywordGrader, notes: QuestionBank
) -> None:
    grade = _grade(plain, notes, "池化层的种类",
                   "均值池化取平均，能抑制邻域大小受限造成的估计值方差增大，对背景保留好；"
                   "最大值池化取最大值，能抑制参数误差造成的估计均值偏移，更好提取纹理。")
    assert _found(grade, "swapped_terms") == []
    assert grade.score >= 7


ENSEMBLES = """# Ensembles

## What is boosting, and how does it differ from bagging?

Boosting trains models sequentially, each one focusing on the errors of the previous ones,
unlike bagging's parallel training on bootstrap samples. It mainly reduces bias.
"""


@pytest.fixture(scope="module")
def ensembles(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"ensembles.md": ENSEMBLES})


def test_a_clause_opening_with_unlike_binds_its_words_to_the_other_term(
    ensembles: QuestionBank,
) -> None:
    # "…, unlike bagging's parallel training": the clause that opens with "unlike" says what
    # bagging does, so each term has its own words and swapping them is caught.
    grader = KeywordGrader(ensembles, packs=[])
    swapped = _grade(grader, ensembles, "boosting",
                     "Boosting trains models in parallel on bootstrap samples, while bagging "
                     "trains models sequentially, each focusing on the errors of the previous "
                     "ones.")
    assert _found(swapped, "swapped_terms")
    right = _grade(grader, ensembles, "boosting",
                   "Boosting trains models sequentially, each focusing on the errors of the "
                   "previous ones, which reduces bias; bagging trains models in parallel on "
                   "bootstrap samples.")
    assert _found(right, "swapped_terms") == []
    assert right.score >= 8.5 > swapped.score + 4


def test_terms_the_notes_tell_apart_stay_apart_when_a_pack_groups_them(
    ensembles: QuestionBank,
) -> None:
    # The deep-learning pack lists bagging and boosting among the words for ensembles; these
    # notes compare the two, so for them the two are not one word.
    from interviewer.packs import bundled_packs

    packs = [p for p in bundled_packs() if p.name == "deep-learning"]
    grader = KeywordGrader(ensembles, packs=packs)
    assert grader._tools.lexicon.text_concepts("bagging") != (
        grader._tools.lexicon.text_concepts("boosting"))
    swapped = _grade(grader, ensembles, "boosting",
                     "Boosting trains models in parallel on bootstrap samples, while bagging "
                     "trains models sequentially, each focusing on the errors of the previous "
                     "ones.")
    assert _found(swapped, "swapped_terms")


ASPECTS = """# 集成学习

## Bagging 和 Boosting 的区别

1）样本选择上：

Bagging：训练集是在原始集中有放回选取的，各轮训练集之间是独立的。

Boosting：每一轮的训练集不变，只是每个样例的权重根据上一轮的分类结果调整。

2）并行计算：

Bagging：各个预测函数可以并行生成。

Boosting：各个预测函数只能顺序生成，因为后一个模型需要前一轮模型的结果。
"""


def test_terms_labelling_plain_paragraphs_aspect_by_aspect_are_caught_swapped(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # "Bagging：…" / "Boosting：…" under each numbered aspect: what follows each label is
    # what the notes say of that term, over all the aspects.
    bank = notes_bank(tmp_path_factory, {"ensembles.md": ASPECTS})
    grader = KeywordGrader(bank, packs=[])
    wrong = _grade(grader, bank, "Bagging", "Boosting 的训练集是从原始集中有放回抽样得到的，各轮相互"
                                           "独立，可以并行生成；Bagging 则根据上一轮的结果调整样例权重，只能顺序生成。")
    assert _found(wrong, "swapped_terms")
    assert "「Bagging：训练集是在原始集中有放回选取的" in wrong.follow_up
    right = _grade(grader, bank, "Bagging", "Bagging 的训练集是有放回抽样得到的，各轮独立，可以并行生成；"
                                           "Boosting 根据上一轮的结果调整样例权重，只能顺序生成。")
    assert _found(right, "swapped_terms") == [] and right.score >= 8.5


STRUCTS = """# C++

## What is the main difference between the keyword struct and class?

The keyword struct is used for resembling public members by default, while the keyword class
is used for resembling private members by default.
"""


def test_siblings_told_apart_by_one_word_each_are_caught_swapped(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # The notes tell struct and class apart by one word each (public / private), and the
    # wrong answer says both in one sentence joined by "while".
    bank = notes_bank(tmp_path_factory, {"cpp.md": STRUCTS})
    grader = KeywordGrader(bank, packs=[])
    wrong = _grade(grader, bank, "struct", "Members of a class are public by default while "
                                           "the members of a struct are private by default.")
    assert _found(wrong, "swapped_terms")
    for right in ("With struct the members are public by default, with class they are "
                  "private by default.",
                  "A struct's members are public by default while a class's are private."):
        graded = _grade(grader, bank, "struct", right)
        assert _found(graded, "swapped_terms") == [] and graded.score >= 8.5


# Found on a new-user walkthrough of third-party English notes (ux-walk8b): the title compares
# "vcs push" and "vcs pull", but the notes speak of "push" and "pull" alone (the shared "vcs"
# left out), open with a lead-in ("When you pull, the client downloads…") and qualify with a
# negated relative clause ("commits that do not exist on the server"), so no clause counted
# as about either term and a swapped answer went unflagged.
SHARED_WORD = """# Version control

## What is the difference between vcs push and vcs pull?

- When you use push, the client uploads the local commits that do not exist on the remote
  server and updates the remote branch there.
- When you pull, the client downloads the remote commits and merges them automatically into
  your current branch, which may cause conflicts.
"""


VCS_PACK = """[pack]
name = "vcs"

[[words]]
en = ["vcs push"]

[[words]]
en = ["vcs pull"]
"""


@pytest.mark.parametrize("with_pack", [False, True])
def test_siblings_named_without_their_shared_word_are_caught_swapped(
    tmp_path_factory: pytest.TempPathFactory, with_pack: bool
) -> None:
    # With a pack that makes each name one concept ("vcs push"), the notes' bare "push" is
    # still that term.
    from interviewer.packs import load_pack

    bank = notes_bank(tmp_path_factory, {"vcs.md": SHARED_WORD})
    folder = tmp_path_factory.mktemp("packs") / "vcs"
    folder.mkdir()
    (folder / "pack.toml").write_text(VCS_PACK, encoding="utf-8")
    grader = KeywordGrader(bank, packs=[load_pack(folder)] if with_pack else [])
    wrong = _grade(grader, bank, "push", "vcs push downloads the remote commits and merges "
                                         "them automatically into your current branch. vcs "
                                         "pull uploads your local commits to the remote server.")
    assert _found(wrong, "swapped_terms")
    for right in ("vcs push uploads your local commits to the remote server. vcs pull "
                  "downloads the remote commits and merges them automatically into your "
                  "current branch.",
                  "Push uploads local commits to the remote server, while pull downloads the "
                  "remote commits and merges them into the current branch."):
        graded = _grade(grader, bank, "push", right)
        assert _found(graded, "swapped_terms") == [] and graded.score >= 8.5


# --- what the grade says it checked ----------------------------------------------------------


def test_the_grade_lists_every_check_in_order(plain: KeywordGrader, notes: QuestionBank) -> None:
    grade = _grade(plain, notes, "training, validation and test",
                   "The validation set tunes hyperparameters; the test set estimates "
                   "generalization once at the end.")
    names = [report.name for report in grade.checks]
    assert names == ["honesty", "coverage", "support", "misconceptions", "contradiction",
                     "swapped_terms", "substitution", "relations", "steps", "formulas", "values",
                     "relevance", "alignment"]
    skipped = {report.name: report.note for report in grade.checks if not report.ran}
    assert skipped["misconceptions"] == "no domain pack applies"
    assert skipped["formulas"] == "the notes give no formula here"
    assert skipped["steps"] == "the notes give no steps in order here"
    data = grade.to_json()
    assert data["checks"][0] == {"name": "honesty", "ran": True, "found": [], "note": ""}
    assert "checks: honesty ✓" in grade.checks_line()
    assert "not run: misconceptions, relations, steps, formulas" in grade.checks_line()


def test_an_empty_answer_stops_after_honesty(plain: KeywordGrader, notes: QuestionBank) -> None:
    grade = _grade(plain, notes, "training, validation and test", "不知道")
    assert grade.score == 0
    assert [report.name for report in grade.checks] == ["honesty"]


@pytest.mark.parametrize(
    ("answer", "phrase"),
    [
        ("Dieser Satz hat mit nichts davon etwas zu tun und sagt allerlei Dinge über Katzen.",
         "could not verify"),
        ("这个回答讲的是猫咪喜欢晒太阳，晚上会到处跑来跑去。", "无法核实"),
    ],
)
def test_nothing_aligned_with_the_notes_is_said_to_be_unverified(
    plain: KeywordGrader, notes: QuestionBank, answer: str, phrase: str
) -> None:
    grade = _grade(plain, notes, "training, validation and test", answer)
    assert "unverified" in grade.flags
    assert phrase in grade.feedback
    assert grade.score < 3
    assert "could be verified" in grade.checks_line()
