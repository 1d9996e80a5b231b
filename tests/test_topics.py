"""The glossary and `--topic` selection on the bundled notes."""

from __future__ import annotations

import pytest

from interviewer.notes import QuestionBank
from interviewer.topic_choice import UnknownTopicError, questions_for_topic
from interviewer.topics import Glossary, Topic, load_glossary

REQUIRED_TOPICS = [
    "overfitting", "dropout", "batch-norm", "initialization", "activation-functions",
    "gradients", "vanishing-gradients", "regularization", "loss-functions", "optimization",
    "autoencoders", "capacity", "representation", "depth-vs-width", "universal-approximation",
    "noise-injection", "ill-conditioning", "generalization",
]


def ids(bank: QuestionBank, topic: str) -> list[str]:
    return [q.id.rsplit("-", 1)[1] for q in questions_for_topic(bank.questions, topic, load_glossary())]


def test_every_required_topic_exists_and_has_questions(bundled_bank: QuestionBank) -> None:
    glossary = load_glossary()
    for slug in REQUIRED_TOPICS:
        assert slug in glossary.topics
        assert ids(bundled_bank, slug), slug


@pytest.mark.parametrize(
    ("topic", "expected", "not_expected"),
    [
        ("overfitting", ["11", "12"], ["16", "07", "02"]),
        ("过拟合", ["11", "12"], ["16"]),
        ("Over-fitting", ["11", "12"], ["16"]),
        ("dropout", ["12"], ["16"]),
        ("batch-norm", ["13"], ["12"]),
        ("BN", ["13"], ["12"]),
        ("批归一化", ["13"], []),
        ("initialization", ["01"], ["16"]),
        ("vanishing-gradients", ["08", "09"], ["16"]),
        ("gradients", ["08", "09"], ["16"]),
        ("activation-functions", ["06", "07", "10"], ["16", "03"]),
        ("regularization", ["11", "12", "14"], []),
        ("loss-functions", ["06"], []),
        ("autoencoders", ["16"], ["11"]),
        ("capacity", ["05"], []),
        ("representation", ["04"], []),
        ("depth-vs-width", ["02"], ["03"]),
        ("universal-approximation", ["02"], []),
        ("noise-injection", ["14"], []),
        ("ill-conditioning", ["15"], []),
        ("optimization", ["03", "15"], []),
    ],
)
def test_topic_selection(
    bundled_bank: QuestionBank, topic: str, expected: list[str], not_expected: list[str]
) -> None:
    found = ids(bundled_bank, topic)
    assert set(expected) <= set(found), found
    assert not set(not_expected) & set(found), found


def test_most_relevant_first(bundled_bank: QuestionBank) -> None:
    assert ids(bundled_bank, "regularization")[-1] == "16" or "16" not in ids(bundled_bank, "regularization")
    assert ids(bundled_bank, "dropout")[0] == "12"


def test_unknown_topic_suggests_close_ones(bundled_bank: QuestionBank) -> None:
    with pytest.raises(UnknownTopicError) as info:
        questions_for_topic(bundled_bank.questions, "overfiting", load_glossary())
    assert info.value.suggestions[0] == "overfitting"
    assert info.value.exit_code == 2


def test_section_titles_work_as_topics(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from interviewer.notes import load_bank

    notes = tmp_path / "n.md"
    notes.write_text("## 强化学习\n### 什么是策略梯度\n直接优化策略。\n### Q-learning\n学习价值函数。\n", encoding="utf-8")
    bank = load_bank([notes])
    assert [q.title for q in questions_for_topic(bank.questions, "强化学习", load_glossary())] == [
        "什么是策略梯度",
        "Q-learning",
    ]
    assert "强化学习" in bank.questions[0].topics
    # The start of one topic's name selects it; a misspelt name is offered.
    assert len(questions_for_topic(bank.questions, "强化学", load_glossary())) == 2
    with pytest.raises(UnknownTopicError) as info:
        questions_for_topic(bank.questions, "强化字习", load_glossary())
    assert "强化学习" in info.value.suggestions


def test_synonym_groups_are_bilingual() -> None:
    groups = load_glossary().synonym_groups()
    assert any("梯度消失" in g and "vanishing gradient" in g for g in groups)
    assert any("批规范化" in g and "batch normalization" in g and "bn" in g for g in groups)


def test_short_english_aliases_match_whole_words_only() -> None:
    glossary = load_glossary()
    assert "batch-norm" in dict(glossary.topic_weights("Why does BN help?", ()))
    assert "batch-norm" not in dict(glossary.topic_weights("the BNN model", ()))


def test_aliases_found_anywhere_longest_at_each_position() -> None:
    # At one position only the longest alias starting there counts; aliases that start
    # further on (overlapping or not) count too, and a one-character alias is found.
    topics = [
        Topic("tree", "tree", ("树",), ()),
        Topic("tree-structure", "tree structure", ("树结构",), ()),
        Topic("structure-learning", "structure learning", ("结构学习",), ()),
        Topic("neural-net", "neural net", (), ("neural network",)),
        Topic("net-work", "network", (), ("network",)),
    ]
    glossary = Glossary(topics, [])
    assert set(dict(glossary.topic_weights("树结构学习", ()))) == {
        "tree-structure", "structure-learning"
    }
    assert set(dict(glossary.topic_weights("一棵树", ()))) == {"tree"}
    assert dict(glossary.topic_weights("Neural-Network pruning", ("a network",))) == {
        "net-work": 4, "neural-net": 3
    }
    # Title and key points are read in one pass: no alias runs from one into the next.
    assert dict(glossary.topic_weights("一棵树结", ("构学习", "neural\0network", "树"))) == {
        "tree": 4, "net-work": 1
    }


def test_topics_of_equal_weight_come_in_name_order_whatever_the_hash_seed() -> None:
    # The owners of a heading come as a set: without a tie-break `questions --json` listed
    # a question's topics in another order in each process.
    topics = [Topic(slug, slug, (alias,), ()) for slug, alias in
              [("zeta", "过拟合"), ("alpha", "正则化"), ("mid", "丢弃法")]]
    glossary = Glossary(topics, [])
    weights = glossary.topic_weights("过拟合、正则化与丢弃法", ("正则化",))
    assert weights == (("alpha", 4), ("mid", 3), ("zeta", 3))


def test_a_topics_own_name_wins_over_another_topics_alias(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # A broad topic may list a narrower topic's name among its aliases ("fruit" lists
    # "apple"): `--topic apple` means the topic named apple, not every fruit. Found by a
    # walkthrough where `--topic relu` selected every activation-function question.
    from interviewer.notes import load_bank

    topics = [
        Topic("fruit", "Fruit", ("水果",), ("fruit", "fruits", "apple", "pear")),
        Topic("apple", "Apple", ("苹果",), ("apple", "apples")),
    ]
    glossary = Glossary(topics, [])
    assert glossary.lookup("apple") == "apple"
    assert glossary.lookup("Apple") == "apple"
    assert glossary.lookup("pear") == "fruit"
    assert glossary.lookup("fruit") == "fruit"
    # The bundled glossary has such a pair: activation-functions lists "relu".
    notes = tmp_path / "n.md"
    notes.write_text(
        "## What is the sigmoid function?\nIt squashes any input into (0, 1).\n\n"
        "## Why is ReLU popular?\nReLU is cheap and does not saturate for positive inputs.\n\n"
        "## What does tanh output?\nValues between -1 and 1.\n",
        encoding="utf-8",
    )
    bank = load_bank([notes])
    bundled = load_glossary()
    assert [q.title for q in questions_for_topic(bank.questions, "relu", bundled)] == [
        "Why is ReLU popular?"
    ]
    assert len(questions_for_topic(bank.questions, "activation-functions", bundled)) == 3


def test_the_spelled_out_name_of_an_acronym_names_no_topic_of_its_own() -> None:
    # "Bert（Bidirectional Encoder Representations from Transformer）": the words in the
    # brackets spell BERT out; they say what BERT stands for, not that its questions are
    # about representations. A bracket that does not spell the word before it still counts.
    topics = [
        Topic("representation", "Representations", ("表示学习",), ("representations",)),
        Topic("bert", "BERT", (), ("bert",)),
        Topic("regularization", "Regularization", ("正则化",), ("regularization",)),
    ]
    glossary = Glossary(topics, [])
    heading = "2.2.2 Bert（Bidirectional Encoder Representations from Transformer） 模型输入"
    assert dict(glossary.topic_weights(heading, ())) == {"bert": 3}
    spelled = "BERT (Bidirectional Encoder Representations from Transformers)"
    assert dict(glossary.topic_weights(spelled, ())) == {"bert": 3}
    assert dict(glossary.topic_weights("L2 (regularization by weight decay)", ())) == {
        "regularization": 3
    }
    assert dict(glossary.topic_weights("Learned representations (BERT)", ())) == {
        "bert": 3, "representation": 3
    }
