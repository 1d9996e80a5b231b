"""Synonym-group tags: every spelling of a group, in either language, is one search word."""

from __future__ import annotations

import pytest

from interviewer.search.lexical import doc_terms, flat_terms, query_terms
from interviewer.search.term_tags import TAG, TermTagger


def _split(text: str) -> list[str]:
    return text.lower().split()


@pytest.fixture
def tagger() -> TermTagger:
    groups = [("weight", "weights", "权重"), ("batch norm", "bn"), ("batch",), ("norm",)]
    return TermTagger(groups, _split)


def test_spans_take_the_longest_alias_and_do_not_overlap(tagger: TermTagger) -> None:
    words = _split("batch norm keeps weights small and bn is batch norm")
    spans = tagger.spans(words)
    assert [(words[start:end], set(groups)) for start, end, groups in spans] == [
        (["batch", "norm"], {1}),
        (["weights"], {0}),
        (["bn"], {1}),
        (["batch", "norm"], {1}),
    ]


def test_a_lone_first_word_of_a_longer_alias_is_still_its_own_alias(tagger: TermTagger) -> None:
    assert [set(groups) for _, _, groups in tagger.spans(["batch", "size"])] == [{2}]


def test_tags_repeat_per_occurrence_and_name_every_group_of_an_alias() -> None:
    tagger = TermTagger([("relu",), ("relu", "rectifier")], _split)
    assert tagger.tags(_split("relu then relu")) == [f"{TAG}0", f"{TAG}1", f"{TAG}0", f"{TAG}1"]
    assert tagger.tags([]) == []


def test_chinese_and_english_spellings_share_a_tag_in_notes_and_queries() -> None:
    chinese = {term for term in doc_terms("权重全部初始化为相同的值") if term.startswith(TAG)}
    english = {term for term in doc_terms("the weights are all initialized") if term.startswith(TAG)}
    assert chinese & english
    assert chinese & flat_terms(query_terms("why not set the weights to zero"))


def test_a_tagged_query_word_is_not_also_searched_literally() -> None:
    # "weight" alone is rare in Chinese notes: searched literally it would favour whichever
    # answer quotes English, whatever it is about.
    terms = flat_terms(query_terms("why not set the weights to zero"))
    assert "weight" not in terms
    assert "set" in terms


def test_bigrams_of_a_tagged_chinese_word_are_left_to_its_tag() -> None:
    terms = flat_terms(query_terms("梯度爆炸怎么处理"))
    assert "~度爆" not in terms
    assert "处理" in terms


def test_a_typed_glossary_word_brings_no_bigrams_of_its_own() -> None:
    # 修正线性单元 is kept whole by jieba in notes and queries alike; its bigrams would
    # reward 非线性单元 for sharing 线性单元.
    concepts = query_terms("修正线性单元在原点不可导")
    assert [{"修正线性单元": 1.0}] in concepts
    assert [{"~性单": 1.0}] not in concepts
    assert [{"~原点": 1.0}] in concepts


def test_english_function_words_are_not_search_terms() -> None:
    # Only the notes' English quotations hold them: they would point at those, whatever
    # the query is about.
    terms = flat_terms(query_terms("prevents units from co-adapting too much"))
    assert not {"from", "too", "much"} & terms
    assert "prevent" in terms
