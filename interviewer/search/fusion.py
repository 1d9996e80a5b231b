"""One ranking out of four (BM25 over whole questions and over their best chunk, e5 on
titles and on passages): weighted z-scores over the candidates any of them puts near the top,
levelled for notes in two languages, where BM25 cannot match a question written in the
other language than the query."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

CANDIDATES = 40
"""How deep each ranking is read before fusing."""
UNKNOWN_TO_NOTES = 0.3
"""In notes in two languages, a query whose vectors lean to the notes in the other language
and of whose words (weighted by idf) the notes hold no more than this share is about those
notes: its BM25 matches in its own language are on its filler (解决, 方法 of 解决哈希冲突的方法
over English hash-table notes). On the foreign dev set 0.3 moved one cross-lingual query to
first place and four into the top 3; 0.5 also damped everyday Chinese queries over Chinese
notes, three of which fell from first place."""
DENSE = ("title", "passage")
WEIGHTS = {"question": 1.0, "chunk": 0.5, "title": 0.5, "passage": 1.0}
"""How much each ranking counts (BM25 over whole questions and over their best chunk; e5 on
titles and on chunks). Fused on z-scores, not reciprocal ranks: RRF throws away how far
ahead a list's leader is and ties whenever two lists swap their top two; over these same four
rankings and all 809 benchmark queries it reached 0.91–0.95 Chinese recall@1 (k from 60 down
to 1) where z-score fusion reached 0.96."""


@dataclass(frozen=True)
class LanguageMix:
    """The languages of a note set's questions and what can carry a query across them."""

    languages: Any
    """numpy array: each question's language."""
    translates: bool
    """Whether the vectors carry meaning across languages (not hash vectors)."""
    bridged: bool
    """Whether a pack's bilingual vocabulary lets BM25 match words across languages."""


def fuse(
    rankings: dict[str, Any],
    skip: int,
    language: str,
    mix: LanguageMix,
    known_share: Callable[[], float],
    unanswered: Any = None,
) -> list[tuple[int, float]]:
    """(question, score in 0..1) best first, from each ranking's scores (NaN where a vector
    was not read); `skip` is left out, `language` is the query's, `known_share` the share
    of its words the notes hold (asked only when its vectors lean to the other language),
    `unanswered` (a mask over the questions) those with no passage to judge: the passage
    ranking gives them its mean, neither for nor against them."""
    import numpy as np

    pool: set[int] = set()
    for scores in rankings.values():
        known = np.flatnonzero(~np.isnan(scores) & (scores != 0))
        pool.update(int(q) for q in known[np.argsort(-scores[known])][:CANDIDATES])
    pool.discard(skip)
    members = np.asarray(sorted(pool), dtype=np.int64)
    lexical = np.zeros(len(members))
    dense = np.zeros(len(members))
    total = dense_total = 0.0
    by_vector: list[Any] = []
    for name, scores in rankings.items():
        values = scores[members]
        if np.isnan(values).all():
            continue
        # A question the vector store did not return ranks below every one it did.
        missing = np.isnan(values)
        values = np.where(missing, np.nanmin(values), values)
        if name == "passage" and unanswered is not None:
            silent = missing & unanswered[members]
            if not silent.all():
                values[silent] = values[~silent].mean()
        spread = values.std()
        if spread > 0:
            z = WEIGHTS[name] * (values - values.mean()) / spread
            total += WEIGHTS[name]
            if name in DENSE:
                by_vector.append(z)
                dense += z
                dense_total += WEIGHTS[name]
            else:
                lexical += z
    fused = lexical + dense
    other = mix.languages[members] != language
    if dense_total and mix.translates and other.any() and not (other.all() and mix.bridged):
        # BM25 cannot match a question written in another language than the query, so
        # beside questions in the query's language its low lexical scores say nothing:
        # such a question is ranked by its vectors alone (scaled to the full weight, when
        # the vectors lean to its language: leans_across) when they think better of it.
        # When every candidate is in the other language and a
        # pack's bilingual vocabulary lets BM25 read them, BM25 still tells them apart.
        alone = dense * total / dense_total
        if not other.all() and not leans_across(by_vector, other):
            alone = dense
        fused = np.where(other, np.maximum(fused, alone), fused)
        if not other.all() and dense[other].max() > dense[~other].max():
            share = known_share()
            fused = np.where(other, fused, own_language_scores(lexical, dense, alone, share))
    order = np.argsort(-fused, kind="stable")
    low, high = (fused.min(), fused.max()) if len(fused) else (0.0, 0.0)
    span = high - low
    ranked = [
        (int(members[i]), float((fused[i] - low) / span) if span > 0 else 1.0) for i in order
    ]
    return ranked


def leans_across(by_vector: list[Any], other: Any) -> bool:
    """Whether every vector ranking (titles, passages) puts a question in the other language
    than the query's ahead of all those in its own. Only then are the other language's
    questions judged by their vectors alone, scaled to the full weight; otherwise BM25's
    silence on them is neither for nor against them (their vectors count at their own
    weight). One vector alone leaning across is often a hub — a text near many queries: in
    the walk11 walkthrough (Redis notes in Chinese beside English system-design and Git
    notes) the title 先删除缓存，后更新数据库 was the nearest title to three unrelated everyday
    English queries and, scaled up, outranked their English answers. Over the foreign dev
    sets this moved seven queries up and two cross-lingual ones down (one from 2nd to 5th)."""
    return all(z[other].max() > z[~other].max() for z in by_vector)


def own_language_scores(lexical: Any, dense: Any, alone: Any, share: float) -> Any:
    """Fused scores of the questions in the query's own language when its vectors lean to
    the notes in the other language: unchanged (BM25 plus vectors) unless the notes know no
    more than UNKNOWN_TO_NOTES of the query's words; then BM25 counts by the share they know
    and the vectors, scaled as for the other language's questions (`alone`), make up the
    rest."""
    if share > UNKNOWN_TO_NOTES:
        return lexical + dense
    return share * lexical + dense + (1 - share) * (alone - dense)
