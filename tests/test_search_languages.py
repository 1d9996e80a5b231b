"""Search over notes written in two languages: a Chinese term's BM25 rarity judged among the
Chinese questions, and a query whose vectors lean to the other language's notes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from interviewer.config import load_settings
from interviewer.notes import load_bank
from interviewer.search import open_retriever
from interviewer.search.fusion import UNKNOWN_TO_NOTES, LanguageMix, fuse, own_language_scores
from interviewer.search.lexical import known_share, own_language_idf, scores
from tests.search_fixtures import write_notes

CHINESE = [
    ["卷积", "局部", "特征"],
    ["卷积", "参数", "共享"],
    ["池化", "降采样"],
    ["卷积", "感受野"],
]
ENGLISH = [
    ["hash", "table", "bucket"],
    ["collision", "chain"],
    ["load", "factor"],
    ["binary", "search"],
    ["linked", "list"],
    ["open", "address"],
]


def _model(corpus: list[list[str]]):  # type: ignore[no-untyped-def]
    import bm25s

    model = bm25s.BM25(k1=1.6, b=0.9)
    model.index(corpus, show_progress=False)
    return model


def test_own_language_idf_shrinks_a_word_common_among_its_own_language() -> None:
    # 卷积 is in 3 of 4 Chinese documents: common there, though rare among all 10.
    assert own_language_idf(3, 4, 10) < 0.5
    assert own_language_idf(3, 10, 10) == pytest.approx(1.0)


def test_chinese_terms_weigh_by_their_rarity_among_chinese_documents() -> None:
    model = _model(CHINESE + ENGLISH)
    size = len(CHINESE) + len(ENGLISH)
    plain = scores(model, [[{"卷积": 1.0}], [{"hash": 1.0}]], size)
    judged = scores(model, [[{"卷积": 1.0}], [{"hash": 1.0}]], size, cjk_documents=len(CHINESE))
    assert judged[0] < plain[0]  # 卷积, in 3 of the 4 Chinese documents
    assert judged[len(CHINESE)] == pytest.approx(plain[len(CHINESE)])  # hash: English
    every = scores(model, [[{"卷积": 1.0}]], size, cjk_documents=size)
    assert every[0] == pytest.approx(plain[0])  # all Chinese: nothing to judge apart


def test_known_share_weighs_the_query_words_the_notes_hold() -> None:
    model = _model(CHINESE + ENGLISH)
    size = len(CHINESE) + len(ENGLISH)
    chinese = np.arange(size) < len(CHINESE)
    assert known_share(model, [[{"卷积": 1.0}], [{"特征": 1.0}]], size, chinese) == 1.0
    half = known_share(model, [[{"卷积": 1.0}], [{"哈希": 1.0}]], size, chinese)
    assert 0.0 < half < 0.5  # 哈希 is unknown, and rarer than 卷积 could be
    assert known_share(model, [[{"哈希": 1.0}], [{"冲突": 1.0}]], size, chinese) == 0.0
    # Synonyms a pack adds are not words the query typed.
    assert known_share(model, [[{"哈希": 1.0}, {"hash": 0.5}]], size, chinese) == 1.0
    assert known_share(model, [], size, chinese) == 1.0


def test_known_share_counts_a_word_where_the_query_language_holds_it() -> None:
    # "#7" stands for the tag a synonym group's word is searched as: the English questions
    # hold it (hash, table), the Chinese ones do not.
    tagged = [[*words, "#7"] if "hash" in words or "table" in words else words
              for words in CHINESE + ENGLISH]
    model = _model(tagged)
    size = len(tagged)
    english = np.arange(size) >= len(CHINESE)
    query = [[{"#7": 1.0}], [{"hold": 1.0}]]  # a tagged domain word and unknown filler
    assert known_share(model, query, size, english) > 0.3
    assert known_share(model, query, size, ~english) == 0.0


def test_own_language_bm25_counts_less_when_the_notes_know_little_of_the_query() -> None:
    lexical = np.array([3.0, -1.0])
    dense = np.array([0.2, 1.0])
    alone = dense * 2
    kept = own_language_scores(lexical, dense, alone, UNKNOWN_TO_NOTES + 0.1)
    assert kept == pytest.approx(lexical + dense)
    assert own_language_scores(lexical, dense, alone, 0.0) == pytest.approx(alone)
    damped = own_language_scores(lexical, dense, alone, 0.2)
    assert damped[0] < kept[0]  # the filler match loses most of its lead
    assert damped[0] > alone[0]


MIXED_ZH = """# 深度学习
## 1. 过拟合有哪些解决方法？
- 增加数据、正则化、早停等方法都可以解决过拟合。

## 2. 梯度消失有什么解决方法？
- 使用 ReLU、残差连接、批规范化等方法解决梯度消失问题。

## 3. 样本不均衡有哪些解决方法？
- 过采样少数类、欠采样多数类，或者给少数类更大的损失权重。
"""

MIXED_EN = """# Data structures
## 1. What are hash collisions and how can they be resolved?
- Two keys map to the same bucket. Separate chaining keeps a list per bucket; open
  addressing probes for another free slot.

## 2. What is the load factor of a hash table?
- The number of stored entries divided by the number of buckets; past a threshold the
  table is resized.

## 3. How does binary search work?
- Halve the interval of a sorted array at each step until the key is found.
"""


def test_a_chinese_query_finds_english_notes_beside_chinese_ones_sharing_its_filler(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # 解决 and 方法 are all the Chinese notes share with the query; 哈希 and 冲突 are words
    # no note holds, and the vectors place the query among the English notes.
    monkeypatch.setenv("INTERVIEWER_PACKS", "none")
    notes = write_notes(tmp_path / "notes", {"dl.md": MIXED_ZH, "ds.md": MIXED_EN})
    retriever = open_retriever(load_settings(), load_bank([notes]))
    assert retriever.search("解决哈希冲突的方法有哪些", k=1)[0].question_id == "ds-01"
    assert retriever.search("过拟合的解决方法", k=1)[0].question_id == "dl-01"


@pytest.mark.parametrize(
    ("query", "head_noun"),
    [("进程和线程的区别", "区别"), ("STW 机制", "机制"), ("索引的原理", "原理")],
)
def test_the_head_nouns_chinese_questions_end_with_are_no_search_terms(
    query: str, head_noun: str
) -> None:
    # Like "difference" in English: 区别, 机制, 原理 close any topic's question. A rare one
    # outweighed the topic's own term: on the walk8a walkthrough (Chinese JVM notes) the
    # notes related to "STW(stop-the-world)机制" were led by "JVM为什么采用双亲委派机制？".
    from interviewer.search.lexical import doc_terms, flat_terms, query_terms

    assert head_noun not in flat_terms(query_terms(query))
    assert head_noun not in doc_terms(query)


def test_related_notes_follow_the_topic_not_its_head_noun(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("INTERVIEWER_EMBEDDINGS", "hash")
    notes = write_notes(tmp_path / "notes", {"jvm.md": (
        "# JVM\n\n## 1. 什么是 STW 机制？\n\n- 垃圾回收时暂停所有用户线程，即 STW。\n\n"
        "## 2. 为什么采用双亲委派机制？\n\n- 避免类被重复加载。\n\n"
        "## 3. CMS 收集器的过程？\n\n- 初始标记和重新标记需要 STW，并发标记不需要 STW。\n\n"
        "## 4. Minor GC 的特点？\n\n- 新生代回收，也会 STW，但很短。\n\n"
        "## 5. 什么是 G1？\n\n- 按 Region 回收，停顿可预测，仍有 STW。\n\n"
        "## 6. 对象头里有什么？\n\n- Mark Word 和类型指针。\n"
    )})
    retriever = open_retriever(load_settings(), load_bank([notes]))
    stw = retriever.questions[0]
    assert stw.title == "什么是 STW 机制？"
    assert retriever.related(stw, k=1)[0].title in {
        "CMS 收集器的过程？", "Minor GC 的特点？", "什么是 G1？",
    }


def _mixed_rankings(title: list[float], passage: list[float]) -> dict[str, np.ndarray]:
    """Three English questions BM25 ranks (the query is English) and two Chinese ones it
    cannot read, with the given vector scores."""
    bm25 = np.asarray([2.0, 1.5, 1.0, 0.0, 0.0])
    return {"question": bm25, "chunk": bm25,
            "title": np.asarray(title), "passage": np.asarray(passage)}


MIX = LanguageMix(np.asarray(["en", "en", "en", "zh", "zh"], dtype=object),
                  translates=True, bridged=False)


def test_a_title_alone_near_the_query_does_not_lift_a_question_across_languages() -> None:
    # The Chinese question 3 has the nearest title (a hub: a text near many queries) but the
    # English answer 0, first by BM25, has the nearest passage: the query does not lean to
    # the Chinese notes, so 3 is not ranked by its vectors alone.
    rankings = _mixed_rankings([0.10, 0.20, 0.10, 0.30, 0.05], [0.40, 0.20, 0.15, 0.35, 0.10])
    assert fuse(rankings, -1, "en", MIX, lambda: 1.0)[0][0] == 0


def test_a_query_whose_vectors_all_lean_across_still_finds_the_other_language() -> None:
    rankings = _mixed_rankings([0.10, 0.20, 0.10, 0.40, 0.05], [0.20, 0.20, 0.15, 0.45, 0.10])
    assert fuse(rankings, -1, "en", MIX, lambda: 1.0)[0][0] == 3
