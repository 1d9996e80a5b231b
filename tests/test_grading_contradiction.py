"""The offline grader against claims the notes contradict: misconceptions, negation,
direction, contrast and conditions — and the correct statements that must not be flagged."""

from __future__ import annotations

import pytest
from grading_helpers import grade

from interviewer.grading.contradiction import direction, text_clauses
from interviewer.grading.denial import denied_links
from interviewer.grading.keyword import KeywordGrader
from interviewer.grading.lexicon import load_lexicon
from interviewer.grading.misconceptions import find_misconceptions as _find
from interviewer.grading.misconceptions import load_misconceptions
from interviewer.notes import QuestionBank, load_bank
from interviewer.packs import bundled_packs


def find_misconceptions(answer: str, title: str, language: str) -> list[tuple[str, str]]:
    """The bundled packs' misconceptions the answer states."""
    return _find(answer, title, language, load_misconceptions(bundled_packs()))


DROPOUT = "deep_learning_basics-12"
OVERFIT = "deep_learning_basics-11"
BN = "deep_learning_basics-13"
INIT = "deep_learning_basics-01"
DEPTH = "deep_learning_basics-02"
TITLES = {
    "dropout": "为什么 Dropout 可以防止模型过拟合？",
    "overfit": "解决过拟合的方法都有哪些？",
    "bn": "深度学习中 Batch Normalization 的作用？",
    "relu": "为什么 ReLU 的性能要比 tanh 和 sigmoid 要好?",
    "grad": "深度神经网络中为什么容易出现梯度爆炸和梯度弥散？",
    "convex": "在深度神经网络中，引入了隐藏层（非线性单元），放弃训练问题的凸性，其意义何在？",
}
NOTES_ON_NOISE = ["噪声是一种正则化：向权重添加噪声可以提高泛化能力。"]


@pytest.mark.parametrize(
    ("qid", "wrong", "right"),
    [
        (DROPOUT, "dropout is used at test time", "dropout is only used during training"),
        # The same effect ("共适应"), caused rather than prevented.
        (DROPOUT, "Dropout 会导致神经元之间的共适应，所以能防止过拟合。",
         "Dropout 会防止神经元之间的共适应，所以能防止过拟合。"),
        (OVERFIT, "过拟合说明模型太简单，应该增加层数。", "过拟合说明模型太复杂，应该减少层数或加正则化。"),
        (DROPOUT,
         "Dropout is also applied at test time: neurons are randomly dropped during inference, "
         "so the prediction averages many subnetworks like bagging.",
         "Dropout is applied only during training: neurons are randomly dropped, so the network "
         "averages many subnetworks like bagging."),
        (BN, "BN 是加在激活函数之后的，用来规范化输出。", "BN 是加在激活函数之前的，用来规范化输入。"),
        ("deep_learning_basics-03", "引入隐藏层以后训练问题仍然是凸优化问题，梯度下降一定能找到全局最优。",
         "引入隐藏层以后训练问题不再是凸优化问题，梯度下降只能找到足够好的局部最小值。"),
        # English wrong claims are caught like Chinese ones.
        (INIT, "Starting every weight at zero works fine; the symmetry breaks on its own during backprop.",
         "Zero init leaves every unit in a layer identical, so the symmetry never breaks and we need random init."),
        ("deep_learning_basics-06",
         "With cross-entropy the gradient still carries an extra sigmoid derivative σ'(z) term.",
         "With cross-entropy the σ'(z) term cancels out, so the gradient is just the error σ(z) - y."),
        ("deep_learning_basics-07", "ReLU is differentiable everywhere, including at zero.",
         "ReLU is not differentiable at zero, but we just use the left or right derivative there."),
        ("deep_learning_basics-04", "A sparse representation is one where most of the entries are non-zero.",
         "A sparse representation is one where most of the entries are zero."),
        ("deep_learning_basics-10", "ReLU's problem is that it saturates on both sides.",
         "Sigmoid saturates on both sides, while ReLU does not saturate for positive inputs."),
        ("deep_learning_basics-15", "Ill-conditioning means the condition number is about 1.",
         "Ill-conditioning means a huge condition number; near 1 the problem is well-conditioned."),
        ("deep_learning_basics-15", "To be safe, avoid normalizing the inputs.",
         "Normalizing the inputs helps to avoid ill-conditioning."),
        ("deep_learning_basics-08",
         "These gradient problems are mostly caused by a badly chosen learning rate, not by depth.",
         "Backprop multiplies one factor Wσ'(z) per layer, so in a deep network the product explodes or vanishes."),
    ],
)
def test_claims_that_contradict_the_notes_are_penalised(
    grader: KeywordGrader, bank: QuestionBank, qid: str, wrong: str, right: str
) -> None:
    bad = grade(grader, bank, qid, wrong)
    good = grade(grader, bank, qid, right)
    assert "contradiction" in bad.flags
    assert "contradiction" not in good.flags
    assert bad.score < good.score
    assert "矛盾" in bad.feedback or "contradicts" in bad.feedback


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("训练问题不再是凸优化问题", ("convex", -1)),
        ("训练问题仍然是凸优化问题", ("convex", 1)),
        ("dropout is used at test time", ("phase", -1)),
        ("只在训练时随机丢弃神经元", ("phase", 1)),
        ("sigmoid 的导数大于1所以不会引起梯度消失", ("effect", -1)),
        ("过拟合说明模型太简单", ("excess", -1)),
        ("the initial weights are too large", ("excess", 1)),
    ],
)
def test_direction_of_a_clause(text: str, expected: tuple[str, int]) -> None:
    assert expected in direction(text)


@pytest.mark.parametrize("text", ["初始值也不能太大", "权重不宜过大", "weights must not be too large"])
def test_a_negated_limit_points_nowhere(text: str) -> None:
    # "不能太大" says where a limit lies; it does not say "small".
    assert direction(text) == ()


@pytest.mark.parametrize(
    ("topic", "wrong"),
    [
        ("dropout", "dropout is used at test time"),
        ("dropout", "测试的时候也要随机丢弃神经元"),
        ("dropout", "dropout在训练和测试阶段都会随机丢弃神经元"),
        ("overfit", "过拟合说明模型太简单"),
        ("overfit", "overfitting means the model is too simple"),
        ("bn", "BN一般放在激活函数后面"),
        ("bn", "BN applied after the activation"),
        ("relu", "ReLU在正区间会饱和"),
        ("grad", "sigmoid的导数最大是1，所以不会梯度消失"),
        ("grad", "the sigmoid derivative is greater than 1"),
        ("convex", "加入非线性以后训练问题仍然是凸优化问题"),
        ("convex", "非凸函数的局部最小值都是全局最小值"),
        ("convex", "The local minima of a non-convex loss are all global minima."),
        ("convex", "只有两层的小网络训练在多项式时间内就能精确求解"),
        ("convex", "Training a small network can be solved exactly in polynomial time."),
        ("convex", "训练神经网络并不是NP难问题"),
        ("dropout", "和bagging一样每个子模型独立训练，不共享参数"),
    ],
)
def test_common_misconceptions_are_recognised(topic: str, wrong: str) -> None:
    assert find_misconceptions(wrong, TITLES[topic], "zh")


@pytest.mark.parametrize(
    ("topic", "right"),
    [
        ("dropout", "dropout只在训练时使用，测试时不丢弃神经元，而是用完整网络"),
        ("dropout", "At test time dropout is turned off and the weights are scaled."),
        ("dropout", "The full network is used at test time."),
        ("dropout", "bagging的模型是独立的，dropout的子网络共享参数"),
        ("overfit", "模型太简单会导致欠拟合，太复杂才会过拟合"),
        ("overfit", "过拟合说明模型太复杂，应该简化模型"),
        ("bn", "BN放在卷积层之后、激活函数之前"),
        ("bn", "γ和β不是固定的，而是学出来的"),
        ("relu", "ReLU在正区间梯度为1，不会饱和"),
        ("relu", "ReLU在0点不可导，但有左导数和右导数"),
        ("grad", "sigmoid的导数最大是1/4"),
        ("grad", "relu的导数是1，而sigmoid的导数最大只有0.25"),
        ("grad", "sigmoid在输入接近0时不会饱和"),
        ("convex", "对于凸问题梯度下降一定能找到全局最优，但神经网络不是凸的"),
        ("convex", "非线性使问题变成非凸"),
        ("convex", "凸函数的局部最小值就是全局最小值"),
        ("convex", "对于凸问题，局部最小值就是全局最小值，但神经网络是非凸的"),
        ("convex", "非凸函数的局部最小值不一定是全局最小值"),
        ("convex", "For a convex loss, every local minimum is a global minimum."),
        ("convex", "即使两层三个节点的网络，训练也是NP难的，不能在多项式时间内精确求解"),
        ("convex", "Even a tiny network is NP-hard to train; it cannot be solved exactly in polynomial time."),
        ("convex", "线性回归可以在多项式时间内精确求解"),
        ("dropout", "bagging的子模型不共享参数，而dropout的子网络共享参数"),
        # A condition claims nothing: "if we also dropped at test time…" explains why not to.
        ("dropout", "如果测试时也随机丢弃，预测就不稳定，所以测试时用完整网络"),
    ],
)
def test_correct_statements_near_a_misconception_are_not_flagged(topic: str, right: str) -> None:
    assert find_misconceptions(right, TITLES[topic], "zh") == []


def test_the_notes_never_contradict_themselves(grader: KeywordGrader, bank: QuestionBank) -> None:
    for question in bank.questions:
        assert find_misconceptions(question.answer, question.title, "zh") == [], question.id
        assert "contradiction" not in grader.grade(question, question.answer).flags, question.id


def test_misconception_feedback_is_in_the_answers_language(
    grader: KeywordGrader, bank: QuestionBank
) -> None:
    en = grade(grader, bank, DROPOUT, "Dropout also drops neurons at test time, like bagging.")
    zh = grade(grader, bank, DROPOUT, "dropout测试时也要随机丢弃神经元，和bagging类似。")
    assert "contradiction" in en.flags and "full network" in en.feedback
    assert "contradiction" in zh.flags and "完整网络" in zh.feedback


@pytest.mark.parametrize(
    ("qid", "answer"),
    [
        # A threshold in the notes ("输入大于0时为线性") is not a size claim to contradict.
        ("deep_learning_basics-07", "ReLU只在0点不可导，而且输入正好等于0的概率很小，所以不影响训练。"),
        # The notes describe both cases ("h 比 x 小" and, for overcomplete codes, "h 大于 x").
        ("deep_learning_basics-16", "欠完备自编码器限制h的维度比x小，强迫它学到最显著的特征。"),
        # Agreeing with the question's premise is not a contradiction.
        (DROPOUT, "dropout 随机关掉一些神经元，这样模型就没那么容易过拟合。"),
        # The notes concede: "更大的初始值有助于避免…梯度消失；但如果初始值太大，又会造成梯度爆炸".
        (INIT, "权重的初始值也不能太大，不然会梯度爆炸，通常取很小的随机数。"),
        (INIT, "初始值大一点可以避免梯度消失，但是太大又会梯度爆炸，所以一般用小的随机数。"),
        (INIT, "权重不宜过大，否则会造成梯度爆炸；也不能全为0，否则神经元是对称的。"),
        (INIT, "The initial weights must not be too large, otherwise the gradients explode."),
        (INIT, "If the initial weights are too large, gradients explode; if too small, they vanish."),
        # "参数数量相同的情况下…" is a condition in the notes, not a claim about "different".
        (DEPTH, "深度和宽度的区别在于深的网络能学到不同抽象层次的特征。"),
        (DEPTH, "深的网络能学到不同层次的抽象特征，宽而浅的网络更擅长记忆。"),
        (DEPTH, "With the same number of parameters, a deeper network is more expressive."),
        # Opposite limits are both true: too little capacity underfits, too much overfits.
        ("deep_learning_basics-05", "容量太低连训练集都拟合不好，就是欠拟合；容量太高会过拟合。"),
        ("deep_learning_basics-14", "噪声的方差不能太大，太大会淹没信号，一般加方差较小的高斯噪声。"),
        # "防止共适应" and the notes' "导致两个神经元不一定…出现" are different effects: sharing
        # 神经元, or the notes' own "prevents" a clause before, does not make them one claim.
        (DROPOUT, "Dropout在训练时随机丢弃一部分神经元，防止神经元之间共适应，迫使网络学习更鲁棒的特征；"
                  "同时相当于训练了很多共享参数的子网络，预测时做模型平均，类似Bagging的效果。"),
        (DROPOUT, "Dropout randomly drops neurons during training, which prevents neurons from "
                  "co-adapting and forces the network to learn robust features."),
    ],
)
def test_right_answers_are_not_flagged_as_contradictions(
    grader: KeywordGrader, bank: QuestionBank, qid: str, answer: str
) -> None:
    assert "contradiction" not in grade(grader, bank, qid, answer).flags


def test_negated_relations_are_claims_too(grader: KeywordGrader, bank: QuestionBank) -> None:
    noise = "deep_learning_basics-14"
    assert "contradiction" in grade(grader, bank, noise, "噪声和正则化没什么关系，只是让训练更快。").flags
    assert "contradiction" in grade(grader, bank, noise, "Noise is unrelated to regularization.").flags
    assert "contradiction" not in grade(grader, bank, noise, "加小方差的噪声相当于一种正则化。").flags


@pytest.mark.parametrize(
    ("qid", "answer"),
    [
        (DROPOUT, "Unlike bagging, the sub-networks are not independent: they share the parent's weights."),
        (DROPOUT, "与 bagging 不同，dropout 的子网络并不独立，而是共享参数。"),
        (DROPOUT, "bagging 的模型相互独立，而 dropout 的子网络共享参数。"),
        ("deep_learning_basics-07", "ReLU 比 sigmoid 强在正半轴梯度恒为1，不容易梯度消失。"),
        ("deep_learning_basics-07", "It beats sigmoid and tanh because its gradient is 1 for positive inputs, so it doesn't vanish."),
    ],
)
def test_contrast_framing_is_not_a_contradiction(
    grader: KeywordGrader, bank: QuestionBank, qid: str, answer: str
) -> None:
    assert "contradiction" not in grade(grader, bank, qid, answer).flags


def test_the_contrasted_thing_still_counts_when_it_is_the_subject(
    grader: KeywordGrader, bank: QuestionBank
) -> None:
    # Framing only removes the compared thing; a wrong claim about the subject stays wrong.
    result = grade(grader, bank, DROPOUT, "Like bagging, dropout's sub-networks are independent and share nothing.")
    assert "contradiction" in result.flags


def test_misconception_gaps_stretch_for_english_words() -> None:
    # The same three words take three times the characters in English.
    found = find_misconceptions("Cross-entropy's gradient has an extra σ'(z) factor in it.",
                                "交叉熵", "en")
    assert found
    assert not find_misconceptions("交叉熵的梯度里多出来了一项很长很长很长很长的东西σ'(z)", "交叉熵", "zh")


def test_compared_things_are_not_the_subject() -> None:
    assert find_misconceptions("ReLU 比 sigmoid 好，不会饱和", "ReLU", "zh") == []
    assert find_misconceptions("sigmoid 不会饱和", "sigmoid", "zh")


def _denied(answer: str, notes: list[str] = NOTES_ON_NOISE) -> list[tuple[str, str]]:
    lexicon = load_lexicon()
    said = [(note, frozenset(lexicon.text_concepts(note))) for note in notes]
    return denied_links(text_clauses(answer, lexicon), said, frozenset(), lexicon)


@pytest.mark.parametrize(
    "answer",
    ["加噪声其实跟正则化没关系，只是让训练更快。", "Adding noise has nothing to do with regularization.",
     "噪声和正则化无关。"],
)
def test_a_denied_link_the_notes_draw_is_caught(answer: str) -> None:
    assert [note for _, note in _denied(answer)] == NOTES_ON_NOISE


@pytest.mark.parametrize(
    "answer",
    [
        "噪声的效果跟噪声的大小无关。",  # a quantity of a thing, not the thing itself
        "噪声跟正则化没关系吗？",  # a question, not a claim
        "如果噪声跟正则化无关，就不会提高泛化能力。",  # a condition
        "噪声跟卷积核没关系。",  # a link the notes never draw
    ],
)
def test_denials_the_notes_do_not_settle_are_not_caught(answer: str) -> None:
    assert _denied(answer) == []


def test_a_denial_the_notes_share_is_not_caught() -> None:
    notes = [*NOTES_ON_NOISE, "输出层的噪声与正则化无关。"]
    assert _denied("输出层加噪声跟正则化没关系。", notes) == []


@pytest.mark.parametrize(
    ("answer", "wrong"),
    [
        # Bagging's models are independent and dropout's share weights: a claim is held
        # against the note about the thing it is about.
        ("它跟 bagging 基本一样，每个子模型都是独立的、参数互不共享。", True),
        ("bagging 里每个模型是独立的，dropout 里所有子模型共享参数。", False),
        ("在 bagging 中模型互相独立，而在 dropout 中子网络共享参数。", False),
        ("In bagging the models share no parameters, while dropout's sub-networks share them.", False),
        ("Unlike bagging, where every model is independent, dropout's sub-networks share parameters.",
         False),
    ],
)
def test_claims_are_held_against_notes_about_the_same_thing(
    grader: KeywordGrader, bank: QuestionBank, answer: str, wrong: bool
) -> None:
    assert ("contradiction" in grade(grader, bank, DROPOUT, answer).flags) is wrong


@pytest.mark.parametrize(
    ("text", "expected"),
    [("shares no weights", -1), ("they share weights", 1), ("不共享参数", -1)],
)
def test_a_negation_after_the_verb_flips_it(text: str, expected: int) -> None:
    assert dict(direction(text))["shared"] == expected


@pytest.mark.parametrize(
    ("qid", "answer"),
    [
        # The clause judges what it describes: it agrees with "随机初始化而不是全初始化为 0".
        (INIT, "初始化为0的话网络训练不好，所以一般用随机初始化。"),
        (INIT, "Initializing everything to zero doesn't work, so we use random init."),
        # A yardstick after the predicate is not what the clause is about.
        ("deep_learning_basics-07", "For positive inputs the gradient is 1, so it does not vanish like sigmoid."),
    ],
)
def test_judged_choices_and_yardsticks_are_not_contradictions(
    grader: KeywordGrader, bank: QuestionBank, qid: str, answer: str
) -> None:
    assert "contradiction" not in grade(grader, bank, qid, answer).flags


def test_a_reason_clause_keeps_its_own_subject() -> None:
    title = "为什么交叉熵损失函数能取得比均方误差损失函数更好的性能？"
    assert find_misconceptions("交叉熵比MSE好是因为MSE的梯度里有σ'(z)。", title, "zh") == []
    assert find_misconceptions("Cross-entropy beats MSE because MSE's gradient has σ'(z).",
                               title, "en") == []
    assert find_misconceptions("交叉熵的梯度里有σ'(z)，所以饱和时也慢。", title, "zh")
    # A reason that names no other thing is part of the claim.
    gradients = "深度神经网络中为什么容易出现梯度爆炸和梯度弥散？"
    assert find_misconceptions("梯度消失主要是因为学习率太大。", gradients, "zh")


@pytest.mark.parametrize(
    ("qid", "answer"),
    [
        (INIT, "虽然随机初始化能打破对称性，但初始值太大会梯度爆炸，太小又会梯度消失。"),
        (INIT, "Although random init breaks the symmetry, weights that are too large explode and "
               "too small ones vanish."),
        ("deep_learning_basics-03", "We give up convexity, yet SGD still finds good local minima in practice."),
        ("deep_learning_basics-05", "If capacity is too low the model underfits; if it is too high it overfits."),
        ("deep_learning_basics-06", "Unlike MSE, the cross-entropy gradient has no σ'(z) term, so learning "
                                    "does not stall when the unit saturates."),
        ("deep_learning_basics-08", "If the per-layer factor is below 1 the gradient vanishes; above 1 it explodes."),
        ("deep_learning_basics-11", "Early stopping halts training when the validation error starts to rise, "
                                    "not when the training loss converges."),
        (BN, "BN 放在激活函数之前，把输入规范化到均值 0 方差 1，再用可学习的 γ 和 β 做缩放和平移。"),
        ("deep_learning_basics-15", "With a large condition number, a learning rate that suits the steep "
                                    "direction is too slow for the flat one."),
        ("deep_learning_basics-16", "An overcomplete autoencoder needs regularization, otherwise it can "
                                    "just copy the input."),
    ],
)
def test_concessive_and_conditional_statements_close_to_the_notes_are_not_flagged(
    grader: KeywordGrader, bank: QuestionBank, qid: str, answer: str
) -> None:
    assert "contradiction" not in grade(grader, bank, qid, answer).flags


@pytest.mark.parametrize(
    ("qid", "answer"),
    [
        ("03", "Adding nonlinear hidden units makes the loss non-convex, so training stops being a convex optimization problem and the global optimum is no longer guaranteed."),
        ("12", "Unlike bagging, the sub-networks share parameters instead of being independent, and most of them are never trained to convergence."),
        ("12", "The difference from bagging is that dropout's submodels share weights rather than being independent models."),
    ],
)
def test_correct_english_statements_with_stop_or_instead_are_not_contradictions(
    qid: str, answer: str
) -> None:
    bank = load_bank()
    question = bank.get(f"deep_learning_basics-{qid}")
    assert question is not None
    grade = KeywordGrader(bank).grade(question, answer)
    assert "contradiction" not in grade.flags, grade.feedback


@pytest.mark.parametrize(
    "text", ["训练与推理时BN中的均值和方差分别是多少", "训练和测试时 dropout 有什么不同", "训练、预测时各用什么", "在相同的样本上训练和测试模型"]
)
def test_a_clause_naming_both_phases_points_to_neither(text: str) -> None:
    # "训练与推理时" shares its 时 between both phases: a question about both claims neither.
    assert ("phase", 1) not in direction(text) and ("phase", -1) not in direction(text)
