"""Search with and without domain packs: the subject vocabulary (glossary synonyms, word
groups, colloquial bridges) comes only from the packs in use, a user's pack can bring its
own bridges, and a query in one language finds notes written in the other through the
vectors alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.config import load_settings
from interviewer.notes import load_bank
from interviewer.packs import load_pack, pack_folders
from interviewer.search import open_retriever
from interviewer.search.lexical import dense_hints, flat_terms, query_terms, respell
from interviewer.search.vocabulary import Vocabulary, use_packs
from tests.search_fixtures import write_notes


def test_without_a_pack_search_knows_no_subject() -> None:
    use_packs([])
    assert "过拟合" not in flat_terms(query_terms("how to avoid overfitting"))
    assert dense_hints("why do early layers learn slowly") == "why do early layers learn slowly"
    assert respell("vanishing gradiant") == "vanishing gradiant"


def test_the_deep_learning_pack_brings_glossary_words_and_bridges() -> None:
    use_packs([load_pack(pack_folders()["deep-learning"])])
    assert "过拟合" in flat_terms(query_terms("how to avoid overfitting"))
    assert "梯度消失" in flat_terms(query_terms("为啥前面几层训练不动"))
    assert respell("vanishing gradiant") == "vanishing gradient"


def test_a_packs_words_give_the_vector_query_the_other_languages_spelling(
    tmp_path: Path,
) -> None:
    # Notes in one language, a query in the other: the pack's word group names the term in
    # both, so e5 sees the notes' spelling too (BM25 already counts the group as one word).
    (tmp_path / "pack.toml").write_text(
        '[pack]\nname = "sql"\n\n[[words]]\nzh = ["游标"]\nen = ["cursor", "cursors"]\n',
        encoding="utf-8",
    )
    use_packs([load_pack(tmp_path)])
    # "cursors" holds "cursor": one spelling is enough for a vector.
    assert dense_hints("游标是什么，什么时候用") == "游标是什么，什么时候用（cursor）"
    assert dense_hints("when would I use a cursor") == "when would I use a cursor（游标）"
    assert dense_hints("when would I use an index") == "when would I use an index"
    use_packs([])
    assert dense_hints("when would I use a cursor") == "when would I use a cursor"


def test_the_vocabulary_is_part_of_what_indexed_terms_are_keyed_by() -> None:
    from interviewer.search.lexical import vocabulary_fingerprint

    use_packs([])
    bare = vocabulary_fingerprint()
    use_packs([load_pack(pack_folders()["deep-learning"])])
    assert vocabulary_fingerprint() != bare
    assert Vocabulary.of([]).fingerprint != Vocabulary.of(
        [load_pack(pack_folders()["deep-learning"])]).fingerprint


USER_PACK = """[pack]
name = "hashing"

[[words]]
zh = ["装载因子", "负载因子"]
en = ["load factor"]
"""
USER_BRIDGES = """[[bridges]]
says = ["table…too full"]
means = ["装载因子"]
"""
HASH_NOTES_ZH = """# 哈希表
## 1. 哈希表的装载因子是什么？
- 已存元素个数除以桶的个数，超过阈值就扩容。

## 2. 什么是拉链法？
- 每个桶挂一个链表，冲突的元素都放进链表。
"""


def test_a_user_pack_brings_its_own_bridges(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pack = tmp_path / "hashing"
    pack.mkdir()
    (pack / "pack.toml").write_text(USER_PACK, encoding="utf-8")
    (pack / "bridges.toml").write_text(USER_BRIDGES, encoding="utf-8")
    monkeypatch.setenv("INTERVIEWER_EMBEDDINGS", "hash")
    monkeypatch.setenv("INTERVIEWER_PACKS", str(pack))
    notes = write_notes(tmp_path / "notes", {"hash.md": HASH_NOTES_ZH})
    retriever = open_retriever(load_settings(), load_bank([notes]))
    assert retriever.packs == ["hashing"]
    assert {"装载", "因子"} <= flat_terms(query_terms("the table is too full"))
    assert retriever.search("what happens when the table gets too full", k=1)[0].question_id \
        == "hash-01"
    # Its word group: "load factor" is searched as the group's one word, as 负载因子 is.
    assert flat_terms(query_terms("load factor")) & flat_terms(query_terms("负载因子"))


BILINGUAL = {
    "hash.md": """# Hash tables
## 1. What is the load factor of a hash table?
The number of stored keys divided by the number of buckets. When it passes a threshold
the table is resized and every key is rehashed.

## 2. How does separate chaining handle collisions?
Each bucket keeps a linked list; keys that hash to the same bucket are appended to it.

## 3. What makes a good hash function?
It is fast, deterministic and spreads keys uniformly over the buckets.
""",
    "cnn.md": """# 卷积网络
## 1. 池化层的作用是什么？
- 降低特征图的尺寸，减少参数，带来一定的平移不变性。

## 2. 卷积层为什么参数少？
- 局部连接和权值共享：每个输出只看输入的一小块，同一个卷积核在整张图上滑动。

## 3. 什么是空洞卷积？
- 在卷积核的元素之间插入空洞，不增加参数就扩大感受野。
""",
}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("哈希表的装载因子是什么", "hash-01"),
        ("好的哈希函数有什么特点", "hash-03"),
        ("why does a convolution layer need so few parameters", "cnn-02"),
    ],
)
def test_a_query_finds_notes_in_the_other_language_with_no_pack(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, query: str, expected: str
) -> None:
    # No pack, no term table: only the multilingual vectors can carry these queries over.
    monkeypatch.setenv("INTERVIEWER_PACKS", "none")
    retriever = open_retriever(load_settings(), load_bank([write_notes(tmp_path / "n", BILINGUAL)]))
    assert retriever.packs == []
    assert retriever.search(query, k=1)[0].question_id == expected


def test_the_language_means_are_read_once_and_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERVIEWER_PACKS", "none")
    bank = load_bank([write_notes(tmp_path / "n", BILINGUAL)])
    first = open_retriever(load_settings(), bank)
    assert sorted(first._centroids) == ["en", "zh"]
    assert list(first.index.store.table_dir.glob("*.centroids"))

    def no_reading(where: object) -> list[object]:
        raise AssertionError("the vectors were read again")

    from interviewer.search.index import NotesIndex

    monkeypatch.setattr(NotesIndex, "vectors", lambda self, where: no_reading(where))
    again = open_retriever(load_settings(), bank)
    assert again.search("哈希表的装载因子是什么", k=1)[0].question_id == "hash-01"



def test_with_a_pack_one_language_notes_are_ranked_by_bm25_and_vectors_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An English query on Chinese-only notes with the pack's bilingual vocabulary: BM25 reads
    # every candidate alike, so neither the levelling nor the vectors-alone rescue reorders.
    monkeypatch.setenv("INTERVIEWER_PACKS", "deep-learning")
    notes = write_notes(tmp_path / "n", {"cnn.md": BILINGUAL["cnn.md"]})
    retriever = open_retriever(load_settings(), load_bank([notes]))
    query = "what is a pooling layer for"
    ranked = [(hit.question_id, hit.score) for hit in retriever.search(query, k=3)]
    retriever._translates = False
    assert [(hit.question_id, hit.score) for hit in retriever.search(query, k=3)] == ranked


def test_only_a_packs_vocabulary_lets_bm25_read_across_languages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without one, an English query's BM25 scores on Chinese-only notes come from stray
    # English words: the vectors-alone rescue stays on for them.
    monkeypatch.setenv("INTERVIEWER_EMBEDDINGS", "hash")
    notes = write_notes(tmp_path / "n", {"cnn.md": BILINGUAL["cnn.md"]})
    monkeypatch.setenv("INTERVIEWER_PACKS", "none")
    assert not open_retriever(load_settings(), load_bank([notes]))._bridged
    monkeypatch.setenv("INTERVIEWER_PACKS", "deep-learning")
    assert open_retriever(load_settings(), load_bank([notes]))._bridged
