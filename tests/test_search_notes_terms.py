"""Search through the term pairs and abbreviations the notes define themselves: a query that
names one spelling also finds notes that use only the other, across languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.config import load_settings
from interviewer.notes import load_bank
from interviewer.search import open_retriever
from interviewer.search.lexical import flat_terms, notes_expander, query_terms
from tests.search_fixtures import write_notes

CNN_ZH = """# 卷积神经网络
## 1. 卷积层有哪些特点？
卷积层有两个特点：稀疏连接（sparse connectivity）和权值共享（weight sharing）。

## 2. 权值共享有什么好处？
同一个卷积核在整张图上滑动，参数量大大减少，也让特征检测与位置无关。

## 3. 池化层的作用？
降低特征图的分辨率，扩大感受野。
"""

CNN_EN = """# CNN

## What does each output unit of a convolution look at?
Sparse connectivity: each output unit connects only to a small local region of the input,
so the layer needs far fewer operations than a dense one.

## What is dropout?
Randomly zeroing activations during training so units cannot co-adapt.
"""

METRICS_EN = """# Models

## How does k-nearest neighbors (KNN) classify a point?
It finds the k closest training points and takes the majority label among them.

## Why is k-nearest neighbors slow at prediction time?
Every prediction measures the distance to all training points.

## What is the ROC curve?
The true positive rate against the false positive rate at every threshold.

## How is a decision tree split chosen?
By the feature and threshold that reduce impurity the most.
"""


def _questions(tmp_path: Path, files: dict[str, str]) -> list[object]:
    return list(load_bank([write_notes(tmp_path / "notes", files)]).questions)


def test_a_chinese_term_searches_its_english_partner_and_back(tmp_path: Path) -> None:
    terms = notes_expander(_questions(tmp_path, {"cnn.md": CNN_ZH}))  # type: ignore[arg-type]
    chinese = flat_terms(query_terms("稀疏连接是什么意思", terms))
    assert {"spars", "connectivity"} <= chinese  # stemmed, as BM25 holds English words
    english = flat_terms(query_terms("why weight sharing", terms))
    assert "权值" in english or "~权值" in english
    # without the notes' pairs, neither query reaches the other language
    assert "connectivity" not in flat_terms(query_terms("稀疏连接是什么意思"))


def test_an_abbreviation_searches_its_long_form(tmp_path: Path) -> None:
    terms = notes_expander(_questions(tmp_path, {"models.md": METRICS_EN}))  # type: ignore[arg-type]
    assert {"nearest", "neighbor"} <= flat_terms(query_terms("when is knn slow", terms))
    assert "knn" in flat_terms(query_terms("k nearest neighbors with large k", terms))


def test_notes_without_pairs_expand_nothing(tmp_path: Path) -> None:
    terms = notes_expander(_questions(tmp_path, {"b.md": "# B\n## 池化层的作用？\n降低分辨率。\n"}))  # type: ignore[arg-type]
    assert terms.groups == []
    assert query_terms("池化层", terms) == query_terms("池化层")


@pytest.mark.usefixtures("hash_embeddings")
def test_search_finds_the_question_that_writes_only_the_long_form(tmp_path: Path) -> None:
    # Hash vectors match strings, not meaning: "knn" reaches the second k-nearest-neighbors
    # question only through the abbreviation the first one defines.
    notes = write_notes(tmp_path / "notes", {"cnn_en.md": CNN_EN, "models.md": METRICS_EN})
    retriever = open_retriever(load_settings(), load_bank([notes]))
    titles = [hit.title for hit in retriever.search("knn", k=2)]
    assert titles == [
        "How does k-nearest neighbors (KNN) classify a point?",
        "Why is k-nearest neighbors slow at prediction time?",
    ]
