"""Concepts of mixed Chinese/English text for grading: jieba words mapped onto bilingual
synonym groups (a domain pack's words, term pairs mined from the notes, the glossary),
English words stemmed, filler dropped."""

from __future__ import annotations

import math
import re
import tomllib
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path

from interviewer.notes.math_text import GREEK
from interviewer.packs import Pack, bundled_packs
from interviewer.packs import word_groups as pack_word_groups
from interviewer.text import cut, may_be_plural
from interviewer.topics import Glossary, load_glossary

LEXICON_FILE = Path(__file__).with_name("lexicon.toml")
MAX_PHRASE = 4
# A word used by at most this share of the questions is one of the notes' own terms.
RARE_SHARE = 0.1
# Concepts from a synonym group are domain terms; they weigh more than plain words.
DOMAIN_BOOST = 1.6
# Plain words are weak evidence (paraphrase changes them); one Chinese character is weaker.
PLAIN_WEIGHT = 0.7
CHAR_WEIGHT = 0.3

# Words that carry no content of their own: they are the "glue" of an explanation.
_STOPWORDS_TEXT = """
    的 了 是 在 和 与 及 或 也 都 就 而 这 那 这个 那个 这些 那些 这样
    那样 一个 一种 一些 我们 我 你 他 她 它 其 之 为 被 把 对 从 中 上 下
    等 很 非常 比较 可以 能 能够 会 要 将 如 如果 那么 就是 还 又 即 但
    但是 所以 因为 因此 并 并且 而且 同时 时 时候 来 去 让 使 使得 得 地 着
    过 个 些 什么 为什么 怎么 如何 哪些 吧 呢 啊 嘛 哦 嗯 其实 然后 有 有的
    没 一般 通常 主要 可能 比如 例如 例如说 像 就像 大概 一下 一点 之后 之前
    以及 其中 通过 由于 导致 造成 从而 进而 以便 以 于 所 该 各 每 每个 更
    最 较 太 过于 越 已经 正好 只 只是 只要 也就是 也就是说 相当于 看作 看成
    称为 叫 叫做 用 用来 使用 采用 利用 进行 做 实现 带来 来说 说 讲 方面
    角度 层面 问题 方法 方式 作用 意义 情况 东西 部分 原因 效果 好 不错 当 后
    前 里 内 外 中的 上的 他们 它们 虽然 依然 仍然 于是 是因为 的话 还是 而言 对于 关于
    a an the of to in on for and or is are was were be been being it its this that these those
    with as by at from which what why how can could would should will may might so such than
    then there their we you i they he she them our your my me very also just more most into onto
    about when while where who whom whose do does did done has have had having not no nor but if
    because since thus hence therefore each every any all both either neither one ones some many
    much few other another own same too only s t d ll re ve m
"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())
_ASCII_WORD = re.compile(r"^[a-z][a-z\-]*$")
_CJK_WORD = re.compile(r"^[\u4e00-\u9fff]+$")
_GREEK_NAMES = {symbol: name.lower() for name, symbol in GREEK.items() if name.islower()}
# Chinese negation characters that also open term names ("不可重复读", "无锁", "非聚簇索引").
NAME_NEGATION = re.compile(r"[不无非没未]")
# Function characters jieba sometimes glues onto the word next to them.
_GLUE_HEAD = frozenset("太很越更最也都就会还才又")
_GLUE_TAIL = frozenset("会的了地得着就也都")
# A two-character word opened by a degree adverb or a particle is that glue and a word only
# when its other character is an adjective of degree, a negation or a function word ("太大",
# "更快", "还有"); otherwise it is a word of its own that only looks glued ("最近", "更新",
# "会话", "还原", "最终").
_DEGREE = frozenset("大小多少高低快慢深浅强弱长短早晚好坏难易不没未无非")


@lru_cache(maxsize=65536)
def stem(token: str) -> str:
    """A crude English stem (training → train, gradients → gradient); other tokens as is."""
    if len(token) <= 3 or not _ASCII_WORD.match(token):
        return token
    word = token
    if word.endswith(("ies", "ied")) and len(word) > 4:
        return word[:-3] + "y"  # copies, copied → copy
    for suffix in ("ing", "ed", "es", "ly", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word[-2] in "su":
                break
            if suffix == "s" and word[-2] in "ai" and len(word) <= 5:
                break
            if suffix == "s" and not may_be_plural(word[:-1]):
                break
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


# Texts whose concepts a lexicon keeps (a grade reads a few hundred clauses).
TEXT_CACHE = 20_000


class Lexicon:
    """Maps text to concept ids: synonyms in either language share one id."""

    def __init__(
        self,
        groups: Sequence[Sequence[str]],
        broad: Sequence[Sequence[str]] = (),
        plain: Sequence[Sequence[str]] = (),
        apart: Sequence[Sequence[str]] = (),
    ) -> None:
        """`groups` are precise synonyms; `broad` groups (the glossary's topics lump related
        terms together) only name words the precise groups leave out, smallest group first.
        `plain` groups are everyday words in either language ("打破" = break, "减少" = reduce
        = lower): one concept, named by its first word, that stays a plain word in weight.
        `apart`: sets of terms the notes tell apart (bagging / boosting): no group makes two
        of them one concept."""
        self._concept: dict[str, str] = {}
        # Longest phrase (in words) starting with each word: most words start none.
        self._widths: dict[str, int] = {}
        self._peeled: dict[str, tuple[str, ...]] = {}
        self._texts: dict[str, tuple[str, ...]] = {}
        keyed = [(f"#{i}", group, self._keys(group)) for i, group in enumerate([*groups, *broad])]
        precise, rest = keyed[: len(groups)], keyed[len(groups) :]
        for concept, _, keys in [*precise, *sorted(rest, key=lambda item: len(item[2]))]:
            for key in keys:
                self._concept.setdefault(key, concept)
        for names in apart:
            self._split(names)
        self.domain = set(self._concept.values())
        # After the terms: a word that is a term ("random") stays one.
        for group in plain:
            named = "".join(stem(word) for word in cut(group[0]))
            for key in self._keys(group):
                self._concept.setdefault(key, named)

    def _split(self, names: Sequence[str]) -> None:
        """Names that share a concept lose it: each is a word of its own. So does a name
        whose concept another name holds as a part ("stochastic gradient descent", grouped
        with "gradient descent", beside "batch gradient descent"): the notes tell two kinds
        of the concept apart, and the kind is no synonym of it."""
        keys_of: dict[str, list[str]] = {}
        parts: list[set[str]] = []
        for name in names:
            stems = [stem(word) for word in cut(name)]
            key = "".join(stems)
            concept = self._concept.get(key)
            if concept is not None:
                keys_of.setdefault(concept, []).append(key)
            parts.append({c for at, width, c in self._phrases(stems)
                          if c is not None and width < len(stems)})
        for concept, keys in keys_of.items():
            if len(set(keys)) > 1 or any(concept in held for held in parts):
                for key in set(keys):
                    del self._concept[key]

    def _keys(self, group: Sequence[str]) -> set[str]:
        keys = set()
        for term in group:
            words = [stem(word) for word in cut(term)]
            if words:
                keys.add("".join(words))
                self._widths[words[0]] = max(self._widths.get(words[0], 0), len(words))
        keys.discard("")
        return keys

    def concepts(self, tokens: Sequence[str]) -> list[str]:
        """Concept ids of tokens from `cut()`, longest phrase first, filler words dropped."""
        out: list[str] = []
        stems = [stem(token) for token in tokens]
        for at, _, concept in self._phrases(stems):
            if concept is not None:
                out.append(concept)
            elif stems[at] in _GREEK_NAMES:
                out.append(_GREEK_NAMES[stems[at]])  # "α" in the notes is "alpha" typed
            elif stems[at] not in STOPWORDS and not stems[at].isdigit():
                out.extend(self._split_compound(stems[at]) or (stems[at],))
        return out

    def _phrases(self, stems: Sequence[str]) -> Iterator[tuple[int, int, str | None]]:
        """(start, width, concept) of each known phrase, longest first, and (start, 1, None)
        for each stem no phrase covers."""
        i, n = 0, len(stems)
        while i < n:
            widest = min(self._widths.get(stems[i], 1), MAX_PHRASE, n - i)
            for width in range(widest, 0, -1):
                concept = self._concept.get("".join(stems[i : i + width]))
                if concept is not None:
                    yield i, width, concept
                    i += width
                    break
            else:
                yield i, 1, None
                i += 1

    def _split_compound(self, token: str) -> tuple[str, ...]:
        """The terms of an unknown Chinese compound jieba kept whole ("信息压缩" → 信息, 压缩),
        or () unless it splits cleanly into two known terms."""
        if not 3 <= len(token) <= 6 or not _CJK_WORD.match(token):
            return ()
        for at in range(2, len(token) - 1):
            head, tail = self._concept.get(token[:at]), self._concept.get(token[at:])
            if head is not None and tail is not None:
                return (head, tail)
        return ()

    def split_glue(self, tokens: Sequence[str]) -> list[str]:
        """Tokens with function characters jieba glued onto an unknown word split off
        ("太低会" → 太, 低, 会; "大会" in "太大会…" → 大, 会), so they count as glue."""
        out: list[str] = []
        for token in tokens:
            out.extend(self._peel(token))
        return out

    def _peel(self, token: str) -> tuple[str, ...]:
        peeled = self._peeled.get(token)
        if peeled is None:
            peeled = self._peeled[token] = self._peel_once(token)
        return peeled

    def _peel_once(self, token: str) -> tuple[str, ...]:
        if (len(token) < 2 or token in STOPWORDS or not _CJK_WORD.match(token)
                or token in self._concept or token in self._widths):
            return (token,)
        head = tail = ""
        if token[0] in _GLUE_HEAD and (len(token) > 2 or token[1] in _DEGREE
                                       or token[1] in STOPWORDS):
            head, token = token[0], token[1:]
        if len(token) > 1 and token[-1] in _GLUE_TAIL:
            token, tail = token[:-1], token[-1]
        return tuple(part for part in (head, token, tail) if part)

    def text_concepts(self, text: str) -> list[str]:
        """Concept ids of a text (the same note and answer clauses are read by several
        checks: each is cut once)."""
        found = self._texts.get(text)
        if found is None:
            if len(self._texts) >= TEXT_CACHE:
                self._texts.clear()
            found = self._texts[text] = tuple(self.concepts(cut(text)))
        return list(found)

    def negated_names(self, text: str) -> list[str]:
        """The names of terms in the text that hold a negation character ("不可重复读",
        "非聚簇索引"): naming a thing denies nothing."""
        if not NAME_NEGATION.search(text):
            return []
        tokens = cut(text)
        names = ["".join(tokens[at : at + width])
                 for at, width, concept in self._phrases([stem(token) for token in tokens])
                 if concept in self.domain]
        return [name for name in names if NAME_NEGATION.search(name) and name in text]

    def is_domain(self, concept: str) -> bool:
        """True for a concept from a synonym group (a term, not a plain word)."""
        return concept in self.domain


# Words that join the items of a list: "A 和 B", "A, B and C" connect terms without saying
# anything about them, so they are not evidence of an explanation.
LIST_JOINERS = frozenset({"和", "与", "及", "以及", "或", "或者", "还有", "and", "or", "等", "etc"})


def glue_count(tokens: Sequence[str]) -> int:
    """How many tokens are function words that relate terms to each other — the connective
    tissue of an explanation (list joiners like 和/and do not count)."""
    return sum(1 for token in tokens if token in STOPWORDS and token not in LIST_JOINERS)


@lru_cache(maxsize=1)
def _lexicon_data() -> dict[str, list[dict[str, list[str]]]]:
    with LEXICON_FILE.open("rb") as handle:
        return tomllib.load(handle)


def _groups(kind: str) -> list[tuple[str, ...]]:
    entries = _lexicon_data().get(kind, [])
    return [tuple((*entry.get("zh", ()), *entry.get("en", ()))) for entry in entries]


def word_groups() -> list[tuple[str, ...]]:
    """The [[words]] groups of every bundled pack: subject vocabulary that means the same
    in Chinese and English (search counts each group as one word too)."""
    return pack_word_groups(bundled_packs())


_LEXICONS: dict[tuple[object, ...], Lexicon] = {}


def load_lexicon(
    glossary: Glossary | None = None,
    packs: Sequence[Pack] | None = None,
    mined: Sequence[Sequence[str]] = (),
    apart: Sequence[Sequence[str]] = (),
) -> Lexicon:
    """The grading lexicon: the packs' word groups (every bundled pack when `packs` is None),
    term groups `mined` from the notes, the glossary's synonym groups and everyday words,
    with the terms of each set the notes tell `apart` kept apart (cached)."""
    glossary = glossary or load_glossary()
    chosen = bundled_packs() if packs is None else list(packs)
    key = (id(glossary), tuple(p.fingerprint for p in chosen), tuple(map(tuple, mined)),
           tuple(map(tuple, apart)))
    lexicon = _LEXICONS.get(key)
    if lexicon is None:
        if len(_LEXICONS) > 8:
            _LEXICONS.clear()
        groups = [*pack_word_groups(chosen), *mined]
        lexicon = _LEXICONS[key] = Lexicon(groups, glossary.synonym_groups(), _groups("plain"),
                                           apart)
    return lexicon


class Weights:
    """Inverse document frequency of concepts over the question bank: rare words count more."""

    def __init__(self, documents: Sequence[Sequence[str]], lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        df: Counter[str] = Counter()
        for concepts in documents:
            df.update(set(concepts))
        self._n = max(len(documents), 1)
        self._df = df
        self._memo: dict[str, float] = {}

    def __call__(self, concept: str) -> float:
        weight = self._memo.get(concept)
        if weight is None:
            weight = self._memo[concept] = self._weigh(concept)
        return weight

    def is_rare(self, concept: str) -> bool:
        """True for a word of a few questions only (at most RARE_SHARE of them, or one):
        in notes no pack knows, such words are the subject's terms."""
        if len(concept) < 2:
            return False
        return self._df.get(concept, 0) <= max(1.0, RARE_SHARE * self._n)

    def is_known(self, concept: str) -> bool:
        """True for a word the notes use somewhere (or a term of the lexicon)."""
        return concept in self._df or self._lexicon.is_domain(concept)

    def _weigh(self, concept: str) -> float:
        idf = math.log((self._n + 1) / (self._df.get(concept, 0) + 0.5)) + 0.5
        if self._lexicon.is_domain(concept):
            return idf * DOMAIN_BOOST
        return idf * (CHAR_WEIGHT if len(concept) == 1 else PLAIN_WEIGHT)
