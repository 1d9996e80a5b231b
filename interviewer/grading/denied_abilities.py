"""What the notes say a thing can do, denied: "无法内联" where the notes say "可内联",
"cannot be inlined" where they say "can be inlined". The mirror of denied_terms: the ability
is the notes' own term, the answer says it cannot be done, and the notes never deny it
anywhere — no table of facts, any subject."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from interviewer.grading.contradiction import COMPARED, is_condition
from interviewer.grading.denied_terms import spelled
from interviewer.grading.matching import split_clauses

# An ability at the end of a note clause: "可内联", "能够复用", "can be inlined". "可能",
# "可以说", "可见" are no abilities; "不可…" is a denial.
_ABLE = re.compile(
    r"(?<![不无没])(?:可以|能够|(?<!可)能|可(?![能以见是知惜怕爱笑口]))\s*"
    r"(?P<zh>[\u4e00-\u9fffA-Za-z0-9-]{2,8})$|"
    r"\bcan\s+(?:be\s+)?(?P<en>[A-Za-z][A-Za-z-]*(?:\s+[A-Za-z][A-Za-z-]*)?)[)\].\s]*$",
    re.IGNORECASE,
)
# Any negation in a note clause: the notes deny the ability somewhere themselves.
_NEGATED = re.compile(r"不|没|无|非|未|\b(?:not|no|never|cannot|without)\b|n't", re.IGNORECASE)
# A denial of an ability just before the term (up to two characters or one word between:
# "无法内联", "不能被复用", "cannot be inlined").
_UNABLE_ZH = re.compile(r"(?:无法|不能够|不能|不可以|不可|没法|没办法)[^，,。；;]{0,2}$")
_UNABLE_EN = re.compile(r"\b(?:cannot|can't|can\s+not|unable\s+to|not\s+able\s+to)"
                        r"(?:\s+be)?(?:\s+[A-Za-z-]+)?\s+$", re.IGNORECASE)
# A hedge or a question does not deny.
_HEDGED = re.compile(r"不一定|未必|不总是|\bnot (?:always|necessarily)\b|[吗么?？]\s*$",
                     re.IGNORECASE)


@dataclass(frozen=True)
class Ability:
    """A term a note clause says can be done, what the clause is about, and the clause."""

    term: str
    about: frozenset[str]
    note: str


def abilities(
    sentences: Sequence[str],
    concepts_of: Callable[[str], Sequence[str]],
    is_term: Callable[[str], bool],
) -> list[Ability]:
    """The abilities note clauses state that no note clause denies."""
    found: list[Ability] = []
    clauses = [clause for sentence in sentences for clause in split_clauses(sentence)]
    for sentence in sentences:
        for clause in split_clauses(sentence):
            match = _ABLE.search(clause)
            if match is None or is_condition(clause) or _NEGATED.search(clause):
                continue
            term = match["zh"] or match["en"]
            concepts = frozenset(c for c in concepts_of(term) if len(c) > 1)
            if not any(is_term(c) for c in concepts) or any(
                    _NEGATED.search(other) and spelled(term).search(other) for other in clauses):
                continue
            # What can do it: the words before it, else the rest of its sentence ("编译期分发，
            # 可内联" is about the dispatch).
            about = (_named(clause[:match.start()], concepts_of)
                     or _named(sentence, concepts_of) - concepts)
            found.append(Ability(term, about, clause))
    return found


def _named(text: str, concepts_of: Callable[[str], Sequence[str]]) -> frozenset[str]:
    return frozenset(c for c in concepts_of(text) if len(c) > 1)


def denied_abilities(
    answer: str,
    notes: Sequence[Ability],
    concepts_of: Callable[[str], Sequence[str]],
    topic: frozenset[str],
) -> list[tuple[str, Ability]]:
    """(answer clause, note ability) for each clause that says the thing cannot do what the
    notes say it can: a denial of ability right before the term, in a sentence about what the
    ability is about (the words before it in the note, else the question's)."""
    found: list[tuple[str, Ability]] = []
    clauses = split_clauses(answer)
    # An answer that grants the ability somewhere too tells cases apart ("虚函数无法内联，
    # CRTP 可以内联"): what it denies is of another case.
    kept = [a for a in notes
            if not any(not _NEGATED.search(c) and spelled(a.term).search(c) for c in clauses)]
    for sentence in re.split(r"[。！？!?\n]+|(?<=[a-z0-9)])\.(?:\s+|$)", answer):
        about = frozenset(concepts_of(sentence))
        for clause in split_clauses(sentence):
            if _HEDGED.search(clause):
                continue
            plain = COMPARED.sub(" ", clause)
            for ability in kept:
                match = spelled(ability.term).search(plain)
                if match is None or not (about & (ability.about or topic)):
                    continue
                before = plain[:match.start()]
                unable = _UNABLE_ZH.search(before) or _UNABLE_EN.search(before)
                # Only what sets the scene before the denial makes it a condition: the
                # denial itself ends the clause as a judgement would ("所以无法内联").
                if unable and not is_condition(before[:unable.start()]):
                    found.append((clause, ability))
                    break
    return found
