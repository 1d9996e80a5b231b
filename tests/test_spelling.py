"""Query typos of glossary words are put right; real words and near-ties are left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.search.lexical import respell
from interviewer.search.phrases import stem
from interviewer.search.spelling import Speller


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("vanishing gradiant cause", "vanishing gradient cause"),
        ("exploding graidents", "exploding gradients"),
        ("sigmod saturation", "sigmoid saturation"),
        ("activation functoin", "activation function"),
        ("initialzation of weigths", "initialization of weights"),
        ("Batch Normalizaton", "Batch normalization"),
        ("tanhh", "tanh"),
    ],
)
def test_typos_of_glossary_words_are_put_right(query: str, expected: str) -> None:
    assert respell(query) == expected


@pytest.mark.parametrize(
    "query",
    [
        "shaped across nearly hitting",  # English words one letter from glossary words
        "PReLU and ReLU",  # domain words the dictionary does not know
        "overfiting",  # its stem is known: search finds it already
        "rleu sgdd",  # too short to guess
        "过拟合怎么办",
    ],
)
def test_real_and_short_words_are_left_alone(query: str) -> None:
    assert respell(query) == query


def test_a_word_one_typo_from_two_known_words_is_left_alone() -> None:
    speller = Speller(["zorbex", "zorbix"], stem)
    assert speller.respell("zorbax") == "zorbax"
    assert speller.respell("zorbexq zorbix") == "zorbex zorbix"



def test_capitalised_aliases_are_in_the_vocabulary(tmp_path: Path) -> None:
    from interviewer.packs import Pack
    from interviewer.search.lexical import respell
    from interviewer.search.vocabulary import use_packs

    use_packs([Pack(name="optim", folder=tmp_path, words=(("Nesterov momentum",),),
                    fingerprint="optim")])
    assert respell("nesterv momentum") == "nesterov momentum"
