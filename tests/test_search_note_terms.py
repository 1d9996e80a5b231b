"""Synonyms the notes define themselves (bilingual pairs, abbreviations) in search, with no
domain pack: a query naming one spelling also searches the others."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from interviewer.config import load_settings
from interviewer.notes import load_bank
from interviewer.search import open_retriever
from interviewer.search.lexical import dense_hints, flat_terms, query_terms
from interviewer.search.note_terms import mine_groups, note_synonyms
from interviewer.search.vocabulary import use_packs
from tests.search_fixtures import write_notes


@dataclass(frozen=True)
class Note:
    id: str
    title: str
    answer: str


NOTES = [
    Note("a-1", "卷积层为什么具有平移等变性？", "满足这一性质的函数是**等变的**（equivariant）。"),
    Note("a-2", "池化层有什么作用？", "池化使表示近似**不变的**（invariant），也就是平移不变性。"),
    Note("b-1", "What is KNN?", "k-nearest neighbors (KNN) votes among the closest examples."),
]


def test_mine_groups_pairs_spellings_across_languages_and_abbreviations() -> None:
    groups = {frozenset(group) for group in mine_groups(NOTES)}
    assert frozenset({"等变", "equivariant"}) in groups
    assert frozenset({"不变", "invariant"}) in groups
    assert frozenset({"KNN", "k-nearest neighbors"}) in groups


def test_a_group_the_packs_already_know_is_left_to_them() -> None:
    synonyms = note_synonyms([("不变", "invariant"), ("等变", "equivariant")], frozenset({"不变"}))
    assert synonyms.groups == [("等变", "equivariant")]


def test_a_query_naming_one_spelling_searches_the_others() -> None:
    synonyms = note_synonyms(mine_groups(NOTES), frozenset())
    terms = flat_terms(query_terms("why are CNNs translation invariant", synonyms))
    assert "不变" in terms
    assert "不变" not in flat_terms(query_terms("why are CNNs translation invariant"))
    assert "knn" in flat_terms(query_terms("how do k-nearest neighbors vote", synonyms))


def test_the_vector_probe_gets_the_other_languages_spelling() -> None:
    use_packs([])  # the notes' own pairs only, no pack's word groups
    synonyms = note_synonyms(mine_groups(NOTES), frozenset())
    assert dense_hints("translation invariant", synonyms).endswith("（不变）")
    assert dense_hints("平移等变性是什么", synonyms).endswith("（equivariant）")
    assert dense_hints("KNN", synonyms) == "KNN"  # same language: BM25 has it


ZH_NOTES = """# CNN
## 1. 卷积层的本质是什么？
- 稀疏交互：每个输出只与输入的一个局部区域相连。

## 2. 卷积神经网络为什么会具有平移不变性？
- 池化层使表示近似**不变的**（invariant）：输入平移少许，输出几乎不受影响。

## 3. 反卷积有什么用途？
- 把小尺寸的特征图上采样回原来的尺寸，用于语义分割。
"""


@pytest.fixture
def cnn_notes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The Chinese CNN notes, searched with hash vectors (they match strings only: a mined
    pair is what lets BM25 read an English query) and no pack."""
    monkeypatch.setenv("INTERVIEWER_EMBEDDINGS", "hash")
    monkeypatch.setenv("INTERVIEWER_PACKS", "none")
    return write_notes(tmp_path / "notes", {"cnn.md": ZH_NOTES})


def test_an_english_query_finds_chinese_notes_through_their_own_pairs(cnn_notes: Path) -> None:
    settings = load_settings()
    retriever = open_retriever(settings, load_bank([cnn_notes]))
    assert retriever.search("why are CNNs invariant", k=1)[0].question_id == "cnn-02"
    # Mined once per note set, then read back from beside its tables.
    cached = list((settings.data_dir).rglob("*.terms"))
    assert cached
    reopened = open_retriever(settings, load_bank([cnn_notes]))
    assert reopened.search("why are CNNs invariant", k=1)[0].question_id == "cnn-02"


def test_terms_mined_by_an_older_miner_are_mined_again_once(
    cnn_notes: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pickle

    from interviewer.search import note_terms
    from interviewer.search import retriever as retriever_module

    settings = load_settings()
    open_retriever(settings, load_bank([cnn_notes]))
    (cached,) = settings.data_dir.rglob("*.terms")
    cached.write_bytes(pickle.dumps({"version": -1, "groups": []}))  # an older miner's
    calls = []
    real = note_terms.mine_groups
    monkeypatch.setattr(retriever_module, "mine_groups",
                        lambda questions: calls.append(1) or real(questions))
    open_retriever(settings, load_bank([cnn_notes]))
    open_retriever(settings, load_bank([cnn_notes]))
    assert len(calls) == 1  # mined again, and the new result kept
    assert pickle.loads(cached.read_bytes())["version"] == note_terms.MINED_VERSION
