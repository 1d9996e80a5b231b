"""Hybrid retrieval over the notes in use: dense vectors (Chroma) and BM25 over jieba words,
fused by reciprocal rank, with queries widened through the bilingual glossary."""

from __future__ import annotations

import re
import sys
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from interviewer.chunking import dense_text
from interviewer.topics import compact, load_glossary

if TYPE_CHECKING:
    from interviewer.config import Settings
    from interviewer.index import IndexReport, NotesFile, NotesIndex
    from interviewer.notes import Question, QuestionBank

RRF_K = 5
"""Reciprocal-rank constant: small, because the top ranks of each list matter most."""
CANDIDATES = 40
"""How deep each list is read before fusing."""

_STOP_EN = frozenset(
    str.split(
        "a an and are as at be but by for if in into is it no of on or such that the their then "
        "there these they this to was will with what why how when which who whom does do did can "
        "could should would we you i me my our your its about between vs versus use used using "
        "difference differences"
    )
)
_STOP_ZH = frozenset(
    str.split(
        "的 了 是 在 和 与 及 或 吗 呢 啊 吧 呀 么 什么 为什么 为啥 啥 怎么 "
        "怎样 怎么办 如何 哪些 哪个 有 有些 都 也 就 还 又 这 那 这个 那个 "
        "这些 那些 一个 一些 一下 会 能 可以 要 该 把 被 让 给 "
        "对 对于 中 里 上 下 时 时候 到底 其 之 而 但 但是 如果 所以 因为 一般 分别 各自 各 "
        "我 你 他 我们 请问 问题 一点 比较 到 去 来 说 做"
    )
)
_SHORT_ASCII = re.compile(r"^[a-z0-9]{1,3}$")
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")


@dataclass(frozen=True)
class SearchHit:
    """A question that matches a query, with its best-matching chunk."""

    question_id: str
    title: str
    score: float
    text: str
    source: str
    section: str = ""
    stars: int = 0

    def to_json(self) -> dict[str, Any]:
        """design.md's search-hit shape (plus section and stars)."""
        return {
            "question_id": self.question_id,
            "title": self.title,
            "score": round(self.score, 4),
            "text": self.text,
            "source": self.source,
            "section": self.section,
            "stars": self.stars,
        }


@dataclass
class QuestionContext:
    """What a grader needs beside the answer: the reference and related notes."""

    reference: str
    related: list[SearchHit] = field(default_factory=list)

    def notes(self) -> list[str]:
        """The related chunks as plain strings, each prefixed with its question."""
        return [f"{hit.title}\n{hit.text}" for hit in self.related]


class _Expander:
    """Finds glossary terms in a query and adds their synonyms (English ↔ Chinese)."""

    def __init__(self, groups: list[tuple[str, ...]]) -> None:
        self.groups = groups
        self._word: list[tuple[re.Pattern[str], int]] = []
        self._substring: list[tuple[str, int]] = []
        for index, group in enumerate(groups):
            for alias in group:
                key = compact(alias)
                if not key:
                    continue
                if _SHORT_ASCII.match(key):
                    pattern = r"(?<![a-z0-9])" + re.escape(alias.lower()) + r"(?![a-z0-9])"
                    self._word.append((re.compile(pattern), index))
                else:
                    self._substring.append((key, index))

    def expand(self, query: str) -> list[str]:
        """Synonyms of the glossary terms in the query that the query does not already hold."""
        lowered, squeezed = query.lower(), compact(query)
        matched = {index for pattern, index in self._word if pattern.search(lowered)}
        matched |= {index for key, index in self._substring if key in squeezed}
        extra: list[str] = []
        for index in sorted(matched):
            extra.extend(a for a in self.groups[index] if compact(a) not in squeezed)
        return list(dict.fromkeys(extra))


@lru_cache(maxsize=1)
def _expander() -> _Expander:
    return _Expander(load_glossary().synonym_groups())


def _words(text: str) -> list[str]:
    from interviewer.text import cut  # jieba: loaded on first use

    return [w.replace(" ", "_") for w in cut(text) if w not in _STOP_EN and w not in _STOP_ZH]


def _bigrams(text: str) -> list[str]:
    # Character bigrams catch what word segmentation splits differently in query and notes
    # (隐层 / 隐藏层, 初值 / 初始值); the "~" prefix keeps them apart from real words.
    grams = []
    for run in _CJK_RUN.findall(text):
        grams.extend("~" + run[i : i + 2] for i in range(len(run) - 1))
    return grams


def doc_terms(text: str) -> list[str]:
    """BM25 terms of a chunk of notes: jieba words without function words, and CJK bigrams."""
    return _words(text) + _bigrams(text)


def query_terms(text: str) -> list[str]:
    """BM25 terms of a query, widened with the glossary synonyms of the terms it holds."""
    synonyms = _expander().expand(text)
    terms = doc_terms(text)
    for synonym in synonyms:
        terms.extend(doc_terms(synonym))
    return list(dict.fromkeys(terms))


def _ranks(scores: dict[int, float]) -> dict[int, int]:
    ordered = sorted(scores, key=lambda q: -scores[q])
    return {q: rank for rank, q in enumerate(ordered, start=1)}


class Retriever:
    """Search over the notes of one question bank. Safe to call from a worker thread."""

    def __init__(self, index: NotesIndex, files: list[NotesFile], report: IndexReport) -> None:
        import bm25s  # numpy/scipy based; only search needs it
        import numpy as np

        self.index = index
        self.report = report
        self.notices = report.notices
        self.questions: list[Question] = []
        self._position: dict[tuple[str, int], int] = {}
        self._by_id: dict[str, int] = {}
        self._keys = list(dict.fromkeys(n.key for n in files))
        owners: list[int] = []
        self._chunks: list[tuple[str, str]] = []  # (section, text)
        corpus: list[list[str]] = []
        for notes in files:
            cached = index.chunks(notes)
            base = len(self.questions)
            for position, question in enumerate(notes.questions):
                self._position[(notes.key, position)] = base + position
                self._by_id[question.id] = base + position
                self.questions.append(question)
            for chunk in cached:
                owners.append(base + chunk.question)
                self._chunks.append((chunk.section, chunk.text))
                corpus.append(chunk.tokens)
        self._owner = np.asarray(owners, dtype=np.int64)
        # Two BM25 views: chunks find the one passage that answers; whole questions add up
        # evidence spread over several parts of an answer.
        per_question: list[list[str]] = [[] for _ in self.questions]
        for owner, tokens in zip(owners, corpus, strict=True):
            per_question[owner].extend(tokens)
        cached = index.load_lexical(self._keys)
        if cached is not None:
            self._chunk_bm25, self._question_bm25 = cached
        else:
            self._chunk_bm25, self._question_bm25 = bm25s.BM25(), bm25s.BM25()
            if corpus:
                self._chunk_bm25.index(corpus, show_progress=False)
                self._question_bm25.index(per_question, show_progress=False)
            index.save_lexical(self._keys, (self._chunk_bm25, self._question_bm25))
        # Another note set's records in the collection mean queries must filter by file.
        self._filter = index.collection.count() != len(self._position)
        self._lock = threading.Lock()

    # -- the rankings --------------------------------------------------------------------

    @staticmethod
    def _bm25(model: Any, terms: list[str], size: int) -> Any:
        import numpy as np

        ids = model.get_tokens_ids(terms) if size else []
        if not ids:
            return np.zeros(size, dtype=np.float32)
        return model.get_scores_from_ids(ids)

    def _top(self, scores: Any) -> dict[int, float]:
        import numpy as np

        top = np.argsort(-scores)[:CANDIDATES]
        return {int(q): float(scores[q]) for q in top if scores[q] > 0}

    def _lexical(self, terms: list[str]) -> tuple[Any, dict[int, float], dict[int, float]]:
        import numpy as np

        chunk_scores = self._bm25(self._chunk_bm25, terms, len(self._chunks))
        best = np.zeros(len(self.questions), dtype=np.float64)
        np.maximum.at(best, self._owner, chunk_scores)
        whole = self._bm25(self._question_bm25, terms, len(self.questions))
        return chunk_scores, self._top(best), self._top(whole)

    def _dense_scores(self, text: str) -> dict[int, float]:
        found = self.index.query(
            text, self._keys, min(CANDIDATES, len(self.questions)), only_these=self._filter
        )
        scores: dict[int, float] = {}
        for key, position, similarity in found:
            owner = self._position.get((key, position))
            if owner is not None:
                scores[owner] = similarity
        return scores

    @staticmethod
    def _fused(rankings: list[dict[int, float]], skip: int = -1) -> list[tuple[int, float]]:
        fused: dict[int, float] = {}
        for scores in rankings:
            for owner, rank in _ranks(scores).items():
                fused[owner] = fused.get(owner, 0.0) + 1.0 / (RRF_K + rank)
        best_possible = len(rankings) / (RRF_K + 1)  # first in every list scores 1.0
        ordered = sorted(fused.items(), key=lambda item: (-item[1], item[0]))
        return [(owner, score / best_possible) for owner, score in ordered if owner != skip]

    def _hit(self, owner: int, score: float, chunk_scores: Any) -> SearchHit:
        import numpy as np

        mine = np.flatnonzero(self._owner == owner)
        best = int(mine[int(np.argmax(chunk_scores[mine]))]) if len(mine) else -1
        section, text = self._chunks[best] if best >= 0 else ("", self.questions[owner].answer)
        question = self.questions[owner]
        return SearchHit(
            question_id=question.id,
            title=question.title,
            score=score,
            text=text,
            source=question.source,
            section=section,
            stars=question.stars,
        )

    # -- public --------------------------------------------------------------------------

    def _run(self, terms: list[str], probe: str, k: int, skip: int = -1) -> list[SearchHit]:
        with self._lock:
            chunk_scores, by_chunk, by_question = self._lexical(terms)
            dense = self._dense_scores(probe)
            fused = self._fused([by_question, by_chunk, dense], skip=skip)[:k]
            return [self._hit(owner, score, chunk_scores) for owner, score in fused]

    def search(self, query: str, k: int = 5) -> list[SearchHit]:
        """The k questions that best match the query (best chunk each), best first."""
        query = query.strip()
        if not query or not self.questions:
            return []
        return self._run(query_terms(query), query, k)

    def related(self, question: Question, k: int = 3) -> list[SearchHit]:
        """Top chunks from other questions about the same things as `question`."""
        if not self.questions:
            return []
        terms = query_terms(question.title + "\n" + "\n".join(question.key_points))
        skip = self._by_id.get(question.id, -1)
        return self._run(terms, dense_text(question), k, skip=skip)

    def context(self, question: Question, k: int = 3) -> QuestionContext:
        """The question's reference answer and the top related chunks of other questions."""
        return QuestionContext(reference=question.answer, related=self.related(question, k))

    def get(self, question_id: str) -> Question | None:
        """A question of the notes in use by id."""
        owner = self._by_id.get(question_id)
        return self.questions[owner] if owner is not None else None


def open_retriever(settings: Settings, bank: QuestionBank, progress: bool = False) -> Retriever:
    """A retriever over `bank`, after indexing its new or changed files (with a progress bar
    on stderr when `progress` is true, which also prints notices there)."""
    from interviewer.embeddings import make_embedding_function
    from interviewer.index import NotesIndex, notes_files

    function, notice = make_embedding_function(settings)
    index = NotesIndex(settings, function, notices=[notice] if notice else [])
    files = notes_files(bank)
    report = index.update(files, progress=progress)
    if progress:
        for message in report.notices:
            print(f"interviewer: {message}", file=sys.stderr)
    return Retriever(index, files, report)
