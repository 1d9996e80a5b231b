"""How well an answer covers each rubric point: weighted concept recall (synonyms and both
languages through the lexicon) inside a window of neighbouring sentences, with Chinese
character pairs as a typo-tolerant second opinion."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from interviewer.grading.lexicon import Lexicon, glue_count
from interviewer.grading.model import Status
from interviewer.grading.rubric import RubricPoint, bigrams
from interviewer.text import CLAUSE_SEMICOLON, NOT_ABBREVIATED, cut, language_of

# Sentences, then the comma-level clauses inside them.
_SENTENCE = re.compile(rf"(?:[。！？!?；\n]|{CLAUSE_SEMICOLON})+|"
                       rf"(?<=[a-z0-9\)]){NOT_ABBREVIATED}\.(?:\s+|$)")
_CLAUSE = re.compile(r"[，,：:]+|\s+-\s+|——")
# A long point is covered by a paraphrase that carries this share of its weight.
RECALL_FOR_FULL = 0.5
# A label ("数据增强") counts fully only with its explanation; this much of it is plenty.
CONTEXT_FOR_FULL = 0.4
# A clause that says the candidate does not know or remember something ("独立表示不太记得了",
# "I don't remember the third one") names the point without making it.
_ADMISSION = re.compile(
    r"(?:不太|不是很|不大|记不太|记不|不)(?:记得|清楚|确定|了解|懂|会)了?(?:[吧啊呢]|\s)*$|"
    r"(?:忘了|忘记了|想不起来了?|记不清了?)(?:[吧啊呢]|\s)*$|^(?:我)?(?:不太|不)(?:记得|清楚|知道|确定)|"
    r"\b(?:do\s*n[o']?t|can[no']?t|cannot)\s+(?:really\s+)?(?:remember|recall|know)\b|"
    r"\bnot\s+sure\s+(?:about|what|how|why)\b|\bforgot\b|\bno idea\b",
    re.IGNORECASE,
)
COVERED = 0.6
PARTLY = 0.2
KEY_TERM_CREDIT = 0.35
# The most a point is covered by an answer that never names its key term: partly.
WITHOUT_KEY = 0.55
MIN_POINT_WEIGHT = 3.0
# A concept weighing less than this share of a point's heaviest one (the question's own words,
# discounted) is not what the point says.
SUBSTANTIVE_SHARE = 0.3
# A point that says several things ("transaction snapshots", "multiple row versions") is not
# made by one of its words: an answer that names only "transaction" at most mentions it.
MIN_SAID = 2
WINDOW = 2


@dataclass
class Sentence:
    """One sentence of the answer, its clauses (with their concepts) and what it mentions."""

    text: str
    clauses: list[tuple[str, list[str]]]
    concepts: frozenset[str]
    grams: frozenset[str]


@dataclass
class AnswerView:
    """An answer split into sentences, with concepts, ready to match against points."""

    text: str
    sentences: list[Sentence]
    concepts: list[str]
    glue: int

    @cached_property
    def windows(self) -> list[tuple[list[Sentence], frozenset[str], frozenset[str]]]:
        """Each run of up to WINDOW neighbouring sentences with its concepts and bigrams,
        in the order points are matched against them (computed once for all points)."""
        found = []
        for start in range(len(self.sentences)):
            for width in range(1, WINDOW + 1):
                window = self.sentences[start : start + width]
                if len(window) < width:
                    break
                found.append((window, frozenset().union(*(s.concepts for s in window)),
                              frozenset().union(*(s.grams for s in window))))
        return found


@dataclass
class PointMatch:
    """How strongly one point is covered, and where."""

    strength: float
    evidence: str


# A clause shorter than this is quoted with its neighbours.
EVIDENCE_MIN_CHARS = 6


def split_sentences(text: str) -> list[str]:
    """Sentences of a Chinese or English text."""
    return [part.strip() for part in _SENTENCE.split(text) if part and part.strip()]


def split_clauses(sentence: str) -> list[str]:
    """Comma-level clauses of a sentence."""
    return [part.strip() for part in _CLAUSE.split(sentence) if part and part.strip()]


def clause_concepts(sentence: str, lexicon: Lexicon) -> list[tuple[str, list[str]]]:
    """The clauses of a sentence with their concepts."""
    return [(clause, lexicon.concepts(cut(clause))) for clause in split_clauses(sentence)]


def view_answer(text: str, lexicon: Lexicon) -> AnswerView:
    """Cut an answer once into sentences, clauses, words and concepts."""
    sentences = []
    all_concepts: list[str] = []
    glue = 0
    for part in split_sentences(text):
        clauses = []
        concepts: list[str] = []
        for clause in split_clauses(part):
            tokens = lexicon.split_glue(cut(clause))
            glue += glue_count(tokens)
            found = [] if _ADMISSION.search(clause) else lexicon.concepts(tokens)
            clauses.append((clause, found))
            concepts.extend(found)
        all_concepts.extend(concepts)
        sentences.append(Sentence(part, clauses, frozenset(concepts), bigrams(part)))
    return AnswerView(text, sentences, all_concepts, glue)


# The items of an enumeration: "sigmoid、tanh、relu", "sigmoid, tanh and relu".
_ITEM_SEP = re.compile(r"[、,，/]|\s+(?:and|or)\s+", re.IGNORECASE)
MIN_ITEMS = 2


def named_only(view: AnswerView, lexicon: Lexicon) -> frozenset[str]:
    """Concepts the answer only lists ("有sigmoid、tanh、relu这些"): each an item of an
    enumeration of bare terms, never part of a statement."""
    listed: set[str] = set()
    said: set[str] = set()
    for sentence in view.sentences:
        parts = _ITEM_SEP.split(sentence.text)
        if len(parts) <= MIN_ITEMS:
            said.update(sentence.concepts)
            continue
        found = [lexicon.concepts(cut(part)) for part in parts]
        items = [concepts for concepts in found if len(concepts) == 1]
        if len(items) < MIN_ITEMS:
            said.update(sentence.concepts)
            continue
        for concepts in found:
            (listed if len(concepts) == 1 else said).update(concepts)
    return frozenset(listed - said)


def _recall(weights: dict[str, float], present: frozenset[str]) -> float:
    # A point made only of the question's own (discounted) words cannot be covered by
    # repeating them: the denominator never drops below one real term's weight.
    total = max(sum(weights.values()), MIN_POINT_WEIGHT)
    return sum(w for concept, w in weights.items() if concept in present) / total


def _gram_recall(grams: frozenset[str], present: frozenset[str]) -> float:
    if len(grams) < 4:
        return 0.0
    return len(grams & present) / len(grams)


def match_point(point: RubricPoint, answer: AnswerView) -> PointMatch:
    """The best coverage of a point by any window of neighbouring sentences."""
    best = PointMatch(0.0, "")
    own_language = language_of(point.text)
    for window, concepts, grams in answer.windows:
        # Across languages only the terms a lexicon pairs are shared: one of them is as much
        # as another language can show of a short point.
        alike = language_of(" ".join(s.text for s in window)) == own_language
        strength = _strength(point, concepts, grams, alike)
        if point.name and not _names(point, " ".join(s.text for s in window)):
            # "volatile-lru 只在设置了过期时间的 key 中淘汰" says nothing of volatile-ttl,
            # however many of its words it shares: at most a mention.
            strength = min(strength, PARTLY)
        if strength > best.strength + 1e-9:
            best = PointMatch(strength, _evidence(point, window))
    return best


_NAME_GAPS = re.compile(r"[\s\-_]+")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _names(point: RubricPoint, text: str) -> bool:
    """Whether the text writes the name of the thing a point is about (spaces and hyphens
    aside); a Chinese name is asked only of Chinese text, which alone can write it."""
    if not point.name.isascii() and not _HAN.search(text):
        return True
    return _NAME_GAPS.sub("", point.name.lower()) in _NAME_GAPS.sub("", text.lower())


def _strength(
    point: RubricPoint, concepts: frozenset[str], grams: frozenset[str], alike: bool = True
) -> float:
    core = _recall(point.core, concepts)
    if point.label:
        context = min(1.0, _recall(point.context, concepts) / CONTEXT_FOR_FULL)
        return 0.5 * core + 0.5 * context * (1.0 if core > 0 else 0.5)
    lexical = min(1.0, core / RECALL_FOR_FULL)
    if alike and _one_word_of_several(point.core, concepts):
        lexical = min(lexical, WITHOUT_KEY)
    if point.key and point.key not in concepts:
        # Everything around the point's key term without the term itself ("finds the commit
        # that introduced the bug" for "a binary search detects the commit…") is half of it.
        lexical = min(lexical, WITHOUT_KEY)
    typed = min(1.0, _gram_recall(point.grams, grams) / RECALL_FOR_FULL) * 0.9
    # Naming the point's key term (its rarest domain concept) is at least a mention.
    named = KEY_TERM_CREDIT if point.key and point.key in concepts else 0.0
    return max(lexical, typed, named)


def _one_word_of_several(weights: dict[str, float], present: frozenset[str]) -> bool:
    """True when the point says at least two things and the answer names only one of them:
    half of a short point's weight can be a single word, the one it shares with a sentence
    about something else ("long transactions are harmless" is no word on snapshots)."""
    heaviest = max(weights.values(), default=0.0)
    said = [c for c, w in weights.items() if w >= SUBSTANTIVE_SHARE * heaviest]
    return len(said) >= MIN_SAID and sum(1 for c in said if c in present) < MIN_SAID


def _evidence(point: RubricPoint, window: list[Sentence]) -> str:
    """The clause of the window that makes the point best (its own terms first, then its
    explanation's), with the clauses around it when it is too short to read alone."""

    def fit(concepts: set[str]) -> tuple[float, int]:
        own = sum(w for concept, w in point.core.items() if concept in concepts)
        return own, len(concepts & set(point.context))

    best_fit: tuple[float, int] = (-1.0, -1)
    best_text = ""
    for sentence in window:
        clauses = sentence.clauses or [(sentence.text, list(sentence.concepts))]
        for index, (clause, concepts) in enumerate(clauses):
            score = fit(set(concepts))
            if score > best_fit:
                best_fit = score
                best_text = clause
                if len(clause) < EVIDENCE_MIN_CHARS:
                    around = clauses[max(0, index - 1) : index + 2]
                    best_text = "，".join(text for text, _ in around)
    if best_fit[0] <= 0 and best_fit[1] <= 0:
        # Nothing in any clause: the whole window is what matched (character n-grams).
        best_text = max(window, key=lambda s: len(s.concepts)).text
    return best_text if len(best_text) <= 120 else best_text[:117] + "…"


def status_for(strength: float) -> Status:
    """covered / partly / missed for a match strength."""
    if strength >= COVERED:
        return "covered"
    if strength >= PARTLY:
        return "partly"
    return "missed"
