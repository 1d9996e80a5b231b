"""The machine-learning pack: which notes it applies to, and its misconceptions — each wrong
belief caught in English and Chinese, and the right statements around it left alone (the
fact stated right, the wrong claim negated, both sides of a comparison bound right)."""

from __future__ import annotations

import pytest

from interviewer.grading.misconceptions import find_misconceptions, load_misconceptions
from interviewer.packs import bundled_packs, question_texts, select_packs
from tests.grading_helpers import notes_bank


@pytest.fixture(scope="module")
def table():  # type: ignore[no-untyped-def]
    return load_misconceptions([p for p in bundled_packs() if p.name == "machine-learning"])


def _language(text: str) -> str:
    return "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in text) else "en"


WRONG = [
    ("Define precision and recall.", "Precision is TP/(TP+FN) and recall is TP/(TP+FP)."),
    ("Define precision and recall.", "Precision is TP divided by TP plus FN."),
    ("What is precision?",
     "Precision is the fraction of relevant instances that were retrieved: TP / (TP + FN)."),
    ("精确率和召回率", "精确率 = TP/(TP+FN)，召回率 = TP/(TP+FP)。"),
    ("What is the F1 score?", "F1 is the arithmetic mean of precision and recall, (P+R)/2."),
    ("F1 值是什么？", "F1 就是精确率和召回率的算术平均。"),
    ("What does AUC mean?", "An AUC of 0.8 means 80% of predictions are correct."),
    ("What does AUC mean?", "A lower AUC is better for a classifier."),
    ("ROC 曲线", "ROC 曲线的横轴是 TPR，纵轴是 FPR。"),
    ("ROC 曲线", "以 TPR 为横轴、FPR 为纵轴画出来就是 ROC 曲线。"),
    ("Explain the ROC curve.", "The ROC curve plots TPR on the x-axis against FPR on the y-axis."),
    ("Why split the data?", "The test set is what you use to tune hyperparameters."),
    ("为什么要划分数据集？", "测试集用来调参和选择模型。"),
    ("How do you check generalization?", "Train on the full dataset and evaluate on that same data."),
    ("What is k-fold cross-validation?",
     "You train the model on one fold and evaluate it on the remaining k-1 folds."),
    ("Bias vs variance", "High bias means the model is overfitting."),
    ("偏差和方差", "高方差意味着欠拟合。"),
    ("偏差和方差", "偏差是模型对训练数据太敏感导致的误差。"),
    ("Bias vs variance", "Variance is the error from a model that is too simple."),
    ("Bagging vs boosting", "Bagging mainly reduces bias."),
    ("Bagging vs boosting", "Boosting reduces variance by averaging many models."),
    ("Bagging vs boosting", "Bagging trains the models sequentially."),
    ("Bagging vs boosting", "Boosting trains its models in parallel on bootstrap samples."),
    ("What is PCA?", "PCA is a supervised method that needs the class labels."),
    ("k-means", "K-means is a supervised algorithm that requires labels."),
    ("How does kNN work?", "KNN learns the weights during a long training phase."),
    ("朴素贝叶斯的假设", "朴素贝叶斯假设特征之间相互依赖。"),
    ("Do trees need scaling?", "Decision trees need feature scaling before training."),
    ("What is logistic regression?", "Logistic regression predicts a continuous value."),
    ("L1 vs L2", "L2 regularization produces sparse weights, so it is used for feature selection."),
    ("L1 vs L2", "L1 gives dense weights and never sets them to zero."),
    ("Type I and Type II errors", "A Type I error is failing to reject the null hypothesis when "
                                  "it is false, and a Type II error is rejecting a true null."),
    ("第一类错误和第二类错误", "第一类错误是没有拒绝错误的原假设，也就是假阴性。"),
    ("What is a p-value?", "The p-value is the probability that the null hypothesis is true."),
    ("What is a p-value?",
     "The p-value is the probability that the null hypothesis is true given the data we observed."),
    ("第一类错误和第二类错误", "第一类错误是原假设为假时没有拒绝它，第二类错误是原假设为真时拒绝了它。"),
    ("p 值", "p 值就是原假设为真的概率。"),
    ("Margin of error", "The margin of error is z* times sigma times the square root of n."),
    ("Regularization", "Ridge (L2) forces some coefficients to be exactly zero and does variable "
                       "selection, while lasso (L1) only shrinks them close to zero but never "
                       "exactly zero."),
]

RIGHT = [
    ("Define precision and recall.", "Precision is TP/(TP+FP) and recall is TP/(TP+FN)."),
    ("Define precision and recall.",
     "Precision is the share of predicted positives that are right: TP / (TP + FP)."),
    ("Define precision and recall.", "Recall is TP over TP plus FN, precision TP/(TP+FP)."),
    ("精确率和召回率", "精确率 = TP/(TP+FP)，召回率 = TP/(TP+FN)。"),
    ("What is the F1 score?", "F1 is the harmonic mean of precision and recall, 2PR/(P+R)."),
    ("What is the F1 score?", "F1 is not the arithmetic mean but the harmonic mean."),
    ("What does AUC mean?", "AUC is the probability that a random positive ranks above a random negative."),
    ("What does AUC mean?", "A higher AUC is better; 0.5 is random guessing."),
    ("ROC 曲线", "ROC 曲线横轴是 FPR，纵轴是 TPR。"),
    ("Explain the ROC curve.", "The ROC curve plots TPR (y-axis) against FPR (x-axis)."),
    ("ROC 曲线", "以 FPR 为横轴、TPR 为纵轴画出来就是 ROC 曲线。"),
    ("Explain the ROC curve.", "It is drawn with FPR on the x-axis and TPR on the y-axis."),
    ("Why split the data?", "Tune hyperparameters on the validation set, not the test set."),
    ("Why split the data?", "The test set is used only once at the end to estimate generalization."),
    ("为什么要划分数据集？", "测试集不能用来调参，调参用验证集。"),
    ("How do you check generalization?",
     "Evaluating on the training data gives an optimistic estimate, so use held-out data."),
    ("What is k-fold cross-validation?",
     "Train on k-1 folds and evaluate on the remaining fold, k times, then average."),
    ("Bias vs variance", "High bias means underfitting; high variance means overfitting."),
    ("Bias vs variance", "Overfitting is low bias and high variance."),
    ("偏差和方差", "方差是模型对训练数据太敏感导致的误差，偏差来自模型太简单。"),
    ("Bagging vs boosting", "Bagging mainly reduces variance, boosting mainly reduces bias."),
    ("Bagging vs boosting",
     "Bagging trains models in parallel, while boosting trains them sequentially."),
    ("Bagging vs boosting", "XGBoost parallelizes the split finding inside each tree."),
    ("What is PCA?", "PCA is an unsupervised method that needs no labels."),
    ("k-means", "K-means is unsupervised and works on unlabeled data."),
    ("How does kNN work?", "KNN is a lazy learner: it stores the data and learns no parameters."),
    ("朴素贝叶斯的假设", "朴素贝叶斯假设特征之间条件独立。"),
    ("Do trees need scaling?", "Decision trees do not need feature scaling."),
    ("What is logistic regression?",
     "Despite its name, logistic regression is a classification model that outputs a probability."),
    ("L1 vs L2", "L1 produces sparse weights, L2 shrinks them without zeroing them."),
    ("L1 vs L2", "L2 does not produce sparse weights."),
    ("Type I and Type II errors", "A Type I error is rejecting a true null hypothesis (a false "
                                  "positive); a Type II error is failing to reject a false null."),
    ("第一类错误和第二类错误", "第一类错误是拒绝了真的原假设（弃真），第二类错误是没有拒绝错误的原假设（取伪）。"),
    ("What is a p-value?", "The p-value is the probability of data at least this extreme, "
                           "given that the null hypothesis is true."),
    ("What is a p-value?", "It is not the probability that the null hypothesis is true."),
    ("第一类错误和第二类错误", "第一类错误是原假设为真时拒绝了它，第二类错误是原假设为假时没有拒绝它。"),
    ("Margin of error", "The margin of error is z* times sigma over the square root of n."),
    ("Regularization", "Lasso (L1) forces some coefficients to be exactly zero and does variable "
                       "selection, while ridge (L2) only shrinks them close to zero but never "
                       "exactly zero."),
]


@pytest.mark.parametrize(("title", "answer"), WRONG)
def test_a_classic_wrong_belief_is_caught(table, title: str, answer: str) -> None:  # type: ignore[no-untyped-def]
    assert find_misconceptions(answer, title, _language(answer), table)


@pytest.mark.parametrize(("title", "answer"), RIGHT)
def test_the_right_statement_is_left_alone(table, title: str, answer: str) -> None:  # type: ignore[no-untyped-def]
    assert find_misconceptions(answer, title, _language(answer), table) == []


def test_the_pack_applies_to_classical_notes_not_to_neural_network_or_cs_notes(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    classical = notes_bank(tmp_path_factory, {"ml.md": (
        "## What is a random forest?\n\nAn ensemble of decision trees trained with bagging.\n\n"
        "## Precision vs recall?\n\nPrecision is TP/(TP+FP), recall TP/(TP+FN).\n\n"
        "## How does k-means work?\n\nIt assigns points to the nearest centroid.\n")})
    neural = notes_bank(tmp_path_factory, {"dl.md": (
        "## 什么是梯度消失？\n\n反向传播时梯度逐层变小。\n\n## Dropout 的作用？\n\n随机丢弃神经元，缓解过拟合。\n\n"
        "## 为什么要做批规范化？\n\n让每层输入的分布稳定，训练集上收敛更快。\n")})
    chosen = {p.name for p in select_packs(None, question_texts(classical.questions))}
    assert "machine-learning" in chosen
    assert "machine-learning" not in {
        p.name for p in select_packs(None, question_texts(neural.questions))}


def test_the_pack_the_notes_are_most_about_gives_shared_words_their_meaning(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # Both packs apply to these notes; for the deep-learning pack "precision" is numerical
    # accuracy and "bias" a neuron's 偏置, for the machine-learning pack the metric and 偏差.
    # The notes are mostly about classical machine learning, so its meanings win.
    from interviewer.grading.keyword import KeywordGrader

    bank = notes_bank(tmp_path_factory, {"ml.md": (
        "## How do you fight overfitting in a decision tree?\n\nPruning and regularization; "
        "overfitting is high variance.\n\n"
        "## Precision vs recall?\n\nPrecision is TP/(TP+FP), recall TP/(TP+FN); regularization "
        "does not change them directly, overfitting lowers them on the test set.\n\n"
        "## What does a random forest average?\n\nDecision trees trained with bagging.\n\n"
        "## How does k-means work?\n\nIt assigns points to the nearest centroid.\n")})
    chosen = [p.name for p in select_packs(None, question_texts(bank.questions))]
    assert chosen[0] == "machine-learning" and "deep-learning" in chosen
    lexicon = KeywordGrader(bank).__dict__["_tools"].lexicon
    assert lexicon.text_concepts("precision") != lexicon.text_concepts("accuracy")
    assert lexicon.text_concepts("bias") == lexicon.text_concepts("偏差")
