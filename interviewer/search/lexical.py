"""The lexical side of search: BM25 terms of notes and of queries (jieba words, CJK bigrams,
glossary synonyms in both languages, domain terms behind colloquial phrasings), and weighted
scoring over bm25s models."""

from __future__ import annotations

import hashlib
import math
import re
from functools import lru_cache
from itertools import zip_longest
from typing import Any

from interviewer.search.phrases import Bridges, Expander, stem
from interviewer.search.spelling import Speller
from interviewer.search.term_tags import TermTagger, tag
from interviewer.search.vocabulary import Vocabulary, active
from interviewer.text import ASCII_WORD
from interviewer.topics import compact, load_glossary

BIGRAM_WEIGHT = 1.0
"""A CJK bigram counts as much as a word: it catches segmentation differences (过拟合 cut as
过/拟合) and near-misses of colloquial wording."""
SYNONYM_WEIGHT = 0.5
"""A synonym from the glossary's term table counts less than the word the candidate typed."""
TOPIC_WEIGHT = 0.5
"""A topic's other aliases are related words as much as synonyms (sigmoid → relu, tanh); on
the development queries 0.35–0.5 did alike and 0.7 worse."""

TERMS_VERSION = 8
"""Raise it when doc_terms() changes what it makes of the same text."""

PACK_WORD_HINTS = 8
"""At most this many spellings of one word group are looked at for the other language's."""
DENSE_HINTS = 6
"""At most this many glossary names are appended to a query for the vector search."""
DENSE_TOKENS = 30
"""Names are appended while the query stays within about this many tokens: e5's time grows
with the text, and the names doubled it (29 → 50 tokens at p95 on the bundled queries; a
query's p95 72 → 47 ms with this budget). A long query says enough by itself; short ones
keep their names (bundled R@1 0.972 → 0.963, foreign dev sets and blind sets unchanged or up)."""
_ROUGH_TOKEN = re.compile(r"[\u3400-\u9fff]|[A-Za-z0-9]+")

_STOP_EN = frozenset(
    str.split(
        "a an and are as at be but by for if in into is it no of on or such that the their then "
        "there these they this to was will with what why how when which who whom does do did can "
        "could should would we you i me my our your its about between vs versus use used using "
        "difference differences s t d ll re ve m don doesn isn aren get got so happen happens "
        "any some all from too much very more most than also only each both other others "
        "here where while been being has have had were am up out just like even still "
        "because since whether via per until after before again further once own "
        "he him his she her hers them themselves itself myself yourself one ones"
    )
)
# 区别, 机制, 原理 close questions on any topic ("X和Y的区别", "X机制", "X的原理"), as
# "difference" does in English: a rare one outweighed the topic's own term.
_STOP_ZH = frozenset(
    str.split(
        "的 了 是 在 和 与 及 或 吗 呢 啊 吧 呀 么 嘛 哦 什么 "
        "为什么 为啥 啥 咋 咋办 咋整 干嘛 干啥 怎么 怎样 怎么样 "
        "怎么办 如何 哪些 哪个 哪种 有 有些 有啥 都 也 就 还 又 "
        "这 那 这个 那个 这些 那些 一个 一些 一下 一点 会 能 可以 "
        "要 该 把 被 让 给 对 对于 中 里 上 下 时 时候 到底 其 "
        "之 而 但 但是 如果 所以 因为 一般 分别 各自 各 我 你 他 "
        "我们 请问 问题 比较 到 去 来 说 做 是不是 那种 这种 东西 "
        "好 么样 呗 嗯 就是 区别 机制 原理"
    )
)
_SHORT_OPTION = re.compile(r"(?<![\w-])-[A-Za-z](?![\w-])")
"""A command's one-letter option (git branch -d, ls -a, git commit -m) is a word of its
own, hyphen and all: cut to its letter it was dropped as a stop word (a, d, m, s, t) or
matched every stray letter, and "git branch -d" found what a branch is instead of how to
delete one."""
_GAP = " "
"""Stands in for a query word searched through its tag (and breaks bigram runs)."""
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
def _expander() -> Expander:
    return _expander_of(active())


@lru_cache(maxsize=4)
def _expander_of(vocabulary: Vocabulary) -> Expander:
    topics, terms = vocabulary.glossary_groups()
    return Expander(topics + terms, [TOPIC_WEIGHT] * len(topics) + [SYNONYM_WEIGHT] * len(terms))


def _pack_words() -> Expander:
    return _pack_words_of(active())


@lru_cache(maxsize=4)
def _pack_words_of(vocabulary: Vocabulary) -> Expander:
    groups = [group for group in vocabulary.hint_groups if len(group) > 1]
    return Expander(groups, [SYNONYM_WEIGHT] * len(groups))


def _bridges() -> Bridges:
    return _bridges_of(active())


@lru_cache(maxsize=4)
def _bridges_of(vocabulary: Vocabulary) -> Bridges:
    return Bridges.of(vocabulary.bridges())


def dense_hints(query: str, notes: Expander | None = None) -> str:
    """The query as the vector search sees it: with the Chinese names of the domain terms
    its colloquial phrasings stand for and of the glossary terms its English words name
    appended, so an English query lands near Chinese notes (on the development queries this
    lifted English recall@1 of passage vectors from 0.69 to 0.97), and with the other
    language's spelling of each term a pack's word group (游标, cursor) or the notes
    (`notes`) pair with one it names. A Chinese term's topic siblings are not appended:
    非线性 would pull 凸优化 into a question about activations."""
    bridged = [[t for t in means if not t.isascii()] for means, _ in _bridges().find(query)]
    groups = bridged + [
        [alias for alias in group if not alias.isascii()]
        for group, _ in _expander().expand_groups(query, english_only=True)
    ]
    from interviewer.text import language_of

    language = language_of(query)
    for expander in (_pack_words(), notes):
        if expander is None:
            continue
        groups += [
            [alias for alias in group[:PACK_WORD_HINTS] if language_of(alias) != language]
            for group, _ in expander.expand_groups(query)
        ]
    # Each term's first name before any term's second: under the budget every term the
    # query names gets a say ("网络…几层" may be an OSI question or a vanishing gradient).
    names = [name for rank in zip_longest(*groups) for name in rank if name]
    kept = _within_budget(query, names)
    return f"{query}（{'，'.join(kept)}）" if kept else query


def _within_budget(query: str, names: list[str]) -> list[str]:
    """The names worth appending, in order: not one the query already says, nor one that
    holds or is held in a kept one (初始化 covers 权重初始化 for a vector), while the probe
    stays within DENSE_TOKENS (the first name always goes: it may be the only bridge to the
    notes' language)."""
    kept: list[str] = []
    lowered = query.lower()
    room = DENSE_TOKENS - _rough_tokens(query)
    for name in dict.fromkeys(names):
        if name.lower() in lowered or any(name in k or k in name for k in kept):
            continue
        room -= _rough_tokens(name) + 1
        if len(kept) == DENSE_HINTS or (kept and room < 0):
            break
        kept.append(name)
    return kept


def _rough_tokens(text: str) -> float:
    """About how many tokens e5 makes of a text: a Chinese character or a word each, words
    a little more (they split into pieces)."""
    return sum(1.3 if len(m) > 1 else 1.0 for m in _ROUGH_TOKEN.findall(text))


def _words(text: str) -> list[str]:
    words = []
    for word in _option_cut(text):
        if word in _STOP_EN or word in _STOP_ZH:
            continue
        words.append(stem(word) if word.isascii() and word.isalpha() else word.replace(" ", "_"))
    return words


def _option_cut(text: str) -> list[str]:
    """cut() of a text, with each one-letter command option kept whole (lower-cased)."""
    from interviewer.text import cut  # jieba: loaded on first use

    if "-" not in text:
        return cut(text)
    words: list[str] = []
    at = 0
    for option in _SHORT_OPTION.finditer(text):
        words += cut(text[at : option.start()])
        words.append(option.group(0).lower())
        at = option.end()
    return words + cut(text[at:])


def _bigrams(words: list[str]) -> list[str]:
    # Bigrams of the Chinese left after function words are dropped, so 过/拟合 in one text
    # still meets 过拟合 in another; the "~" prefix keeps them apart from real words.
    grams: list[str] = []
    for run in _CJK_RUN.findall("".join(words)):
        grams.extend("~" + run[i : i + 2] for i in range(len(run) - 1))
    return grams


def _tagger() -> TermTagger:
    return _tagger_of(active())


@lru_cache(maxsize=4)
def _tagger_of(vocabulary: Vocabulary) -> TermTagger:
    """The synonym groups search counts as one word each: the glossary's term table and the
    packs' word groups. Topic alias lists are not among them: ReLU and sigmoid are both
    activation functions, not the same word."""
    return TermTagger(_tagger_groups(vocabulary), _words)


def _tagger_groups(vocabulary: Vocabulary) -> list[tuple[str, ...]]:
    return [*vocabulary.glossary_groups()[1], *vocabulary.word_groups]


@lru_cache(maxsize=4)
def _speller_of(vocabulary: Vocabulary) -> Speller:
    groups = [*_expander_of(vocabulary).groups, *_tagger_groups(vocabulary)]
    words = {w for group in groups for alias in group for w in ASCII_WORD.findall(alias.lower())}
    return Speller(words | _STOP_EN, stem)


def respell(query: str) -> str:
    """The query with misspelt English vocabulary words put right ("vanishing gradiant")."""
    return _speller_of(active()).respell(query)


@lru_cache(maxsize=4)
def _aliases_of(vocabulary: Vocabulary) -> frozenset[str]:
    return frozenset(compact(alias) for group in _expander_of(vocabulary).groups for alias in group)


def _aliases() -> frozenset[str]:
    """Every glossary spelling, compacted (jieba keeps the Chinese ones whole)."""
    return _aliases_of(active())


def known_spellings() -> frozenset[str]:
    """Every spelling the packs' vocabulary groups (glossary and word groups), compacted."""
    return _known_of(active())


@lru_cache(maxsize=4)
def _known_of(vocabulary: Vocabulary) -> frozenset[str]:
    words = {compact(alias) for group in _tagger_groups(vocabulary) for alias in group}
    return _aliases_of(vocabulary) | words


def vocabulary_fingerprint() -> str:
    """A hash of what turns notes into BM25 terms (this code's version, its function words,
    the packs in use and the glossary, which also feeds jieba): terms cached under another
    fingerprint are stale."""
    return _fingerprint_of(active())


@lru_cache(maxsize=4)
def _fingerprint_of(vocabulary: Vocabulary) -> str:
    digest = hashlib.sha256(f"terms={TERMS_VERSION}".encode())
    digest.update(" ".join(sorted(_STOP_EN | _STOP_ZH)).encode())
    digest.update(load_glossary().fingerprint.encode())
    digest.update(vocabulary.fingerprint.encode())
    return digest.hexdigest()[:16]


def doc_terms(text: str) -> list[str]:
    """BM25 terms of a chunk of notes: jieba words (English ones stemmed) without function
    words, CJK bigrams, and a tag for each synonym-group word."""
    words = _words(text)
    return words + _bigrams(words) + _tagger().tags(words)


def _weighted(text: str, weight: float) -> dict[str, float]:
    words = _words(text)
    terms = dict.fromkeys(_bigrams(words), weight * BIGRAM_WEIGHT)
    terms.update(dict.fromkeys(words, weight))
    return terms


Concept = list[dict[str, float]]
"""Alternative spellings of one thing a query asks about, each a set of weighted terms."""


def query_terms(text: str, notes: Expander | None = None) -> list[Concept]:
    """BM25 terms of a query: the tag of each synonym-group word, each other word and bigram
    on its own, then one concept per glossary group it names (its synonyms in both
    languages), per group of spellings the notes pair (`notes`) and per colloquial bridge it
    says (the domain terms meant), which counts once, through its best-matching spelling,
    however many of them a passage uses."""
    words = _words(text)
    # A word of a synonym group is searched as the group's tag, not as itself: "weights"
    # then meets 权重 in the notes, at the group's document frequency, instead of being a
    # rare word that only the notes' English quotations hold.
    loose = list(words)
    tagged: dict[str, None] = {}
    for start, end, found in _tagger().spans(words):
        loose[start:end] = [_GAP] * (end - start)
        tagged.update(dict.fromkeys(tag(group) for group in sorted(found)))
    # A word a weighted bridge stands for weighs as much typed as bridged (原因, 解决).
    weights = _bridges().term_weights
    concepts: list[Concept] = [
        [{word: weights.get(word, 1.0)}] for word in dict.fromkeys(loose) if word != _GAP
    ]
    # Bigrams stand in for words jieba may cut differently; a glossary word is cut whole in
    # the notes too, and its bigrams would only reward near-misses (整流线性单元's 线性单元
    # in 非线性单元).
    unknown = [_GAP if word in _aliases() else word for word in loose]
    concepts += [[{gram: BIGRAM_WEIGHT}] for gram in dict.fromkeys(_bigrams(unknown))]
    concepts += [[{name: 1.0}] for name in tagged]
    typed = set(words)
    groups = [*_expander().expand_groups(text)]
    if notes is not None:
        groups += notes.expand_groups(text)
    groups += _bridges().find(text)
    for synonyms, weight in groups:
        # Each spelling of a concept counts only with the words the query did not type.
        spellings = [
            terms
            for synonym in synonyms
            if (terms := {t: w for t, w in _weighted(synonym, weight).items() if t not in typed})
        ]
        if spellings:
            concepts.append(spellings)
    return concepts


def flat_terms(concepts: list[Concept]) -> set[str]:
    """Every term a query's concepts use."""
    return {term for concept in concepts for spelling in concept for term in spelling}


def scores(
    model: Any, concepts: list[Concept], size: int, cjk_documents: int | None = None
) -> Any:
    """BM25 scores of every document of a bm25s model: per concept, its best spelling's
    weighted term scores, summed over concepts. `cjk_documents` (of the `size`) are written
    in Chinese: a Chinese term's rarity is judged among them, as only they can hold it."""
    import numpy as np  # with bm25s, only search needs it

    out = np.zeros(size, dtype=np.float32)
    if not size:
        return out
    vocab = model.vocab_dict
    matrix = model.scores  # bm25s keeps each term's document scores as a CSC column
    data, indices, indptr = matrix["data"], matrix["indices"], matrix["indptr"]
    columns = {
        term: (indices[indptr[c] : indptr[c + 1]], data[indptr[c] : indptr[c + 1]])
        for term in flat_terms(concepts)
        if (c := vocab.get(term)) is not None
    }
    factors: dict[str, float] = {}
    if cjk_documents is not None and 0 < cjk_documents < size:
        factors = {
            term: own_language_idf(len(rows), cjk_documents, size)
            for term, (rows, _) in columns.items()
            if _CJK_RUN.search(term)
        }
    spelling_score = np.zeros(size, dtype=np.float32)
    best = np.zeros(size, dtype=np.float32)
    for concept in concepts:
        present = [s for s in concept if any(term in columns for term in s)]
        if not present:
            continue
        if len(present) == 1:
            target = out  # one spelling: add straight in
        else:
            best[:] = 0.0
            target = spelling_score
        for spelling in present:
            if target is spelling_score:
                spelling_score[:] = 0.0
            for term, weight in spelling.items():
                if term in columns:
                    rows, values = columns[term]
                    target[rows] += weight * factors.get(term, 1.0) * values
            if target is spelling_score:
                np.maximum(best, spelling_score, out=best)
        if target is spelling_score:
            out += best
    return out


def _idf(documents: int, frequency: int) -> float:
    # bm25s's default ("lucene") inverse document frequency.
    return math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5))


def own_language_idf(frequency: int, own: int, size: int) -> float:
    """How a term's BM25 weight changes when its rarity is judged among the `own` documents
    written in its language instead of all `size`: in notes half in English, a Chinese word
    that half the Chinese questions use (卷积 in CNN notes) would otherwise look rare."""
    return _idf(max(own, frequency), frequency) / _idf(size, frequency)


def known_share(model: Any, concepts: list[Concept], size: int, own: Any) -> float:
    """The share of a query's own words and bigrams (weighted by idf) that occur in the
    bm25s model's documents `own` marks (those in the query's language); 1.0 for a query
    with none. A word of a synonym group counts as its group's tag, held where one of the
    group's spellings is: skipped, a query whose every domain word a pack names was judged by
    its filler alone ("one database server can no longer hold all the rows" by "longer" and
    "hold", unknown to the notes, so its English matches on database, server and rows were
    discounted as if the query were about the Chinese notes beside them)."""
    indptr = model.scores["indptr"]
    indices = model.scores["indices"]
    vocab = model.vocab_dict
    total = known = 0.0
    for concept in concepts:
        if len(concept) != 1 or len(concept[0]) != 1:
            continue  # synonyms and bridges: not words the query typed
        (term,) = concept[0]
        column = vocab.get(term)
        rows = indices[indptr[column] : indptr[column + 1]] if column is not None else []
        weight = _idf(size, len(rows))
        total += weight
        known += weight if len(rows) and own[rows].any() else 0.0
    return known / total if total else 1.0
