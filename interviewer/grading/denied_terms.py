"""What the notes deny, affirmed: "Redis 事务完全满足原子性" where the notes say "不具有原子性",
"会自动回滚" where they say "无法回滚", "transactions are atomic" where they say "are not
atomic". The denied term is the notes' own, the answer says it has, supports or does it, and
the notes never affirm it anywhere — no table of facts, any subject."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from interviewer.grading.contradiction import COMPARED, is_condition
from interviewer.grading.matching import split_clauses

# A denial at the end of a note clause: the negation, a verb of having or doing, the term.
_DENIED = re.compile(
    r"(?:不|无法|没有|没|并非|未)(?:具有|具备|支持|保证|满足|提供|拥有|能够|能|会|可以|可)?"
    r"\s*(?P<zh>[\u4e00-\u9fffA-Za-z0-9-]{2,8})$|"
    r"\b(?:not|never|cannot|can't|doesn't|don't|isn't|aren't|won't)\s+(?:be\s+|have\s+|has\s+|"
    r"support\s+|guarantee\s+|provide\s+)?(?P<en>[A-Za-z][A-Za-z-]*(?:\s+[A-Za-z][A-Za-z-]*)?)"
    r"[)\].\s]*$",
    re.IGNORECASE,
)
# Any negation or hedge in an answer clause: it may deny or qualify the term, not affirm it.
_NEGATED = re.compile(r"不|没|无|非|未|否|\b(?:not|no|never|cannot|neither|nor|without)\b|n't|"
                      r"[吗么?？]\s*$", re.IGNORECASE)
# A verb of having, supporting or doing just before the term (up to four characters or two
# words between: "会自动回滚", "are fully atomic").
_AFFIRMED_ZH = re.compile(r"(?:具有|具备|支持|保证|满足|提供|拥有|能够|能|会|可以|有)"
                          r"[^，,。；;]{0,4}$")
_AFFIRMED_EN = re.compile(r"\b(?:is|are|be|has|have|supports?|guarantees?|provides?|can|will)"
                          r"(?:\s+[A-Za-z-]+){0,2}\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class Denial:
    """A term a note clause denies, what the clause is about, and the clause."""

    term: str
    concepts: frozenset[str]
    about: frozenset[str]
    note: str


def denials(
    sentences: Sequence[str],
    concepts_of: Callable[[str], Sequence[str]],
    is_term: Callable[[str], bool],
) -> list[Denial]:
    """The terms note clauses deny that no note clause affirms."""
    found: list[Denial] = []
    clauses = [clause for sentence in sentences for clause in split_clauses(sentence)]
    for clause in clauses:
        match = _DENIED.search(clause)
        if match is None or is_condition(clause):
            continue
        term = match["zh"] or match["en"]
        concepts = frozenset(c for c in concepts_of(term) if len(c) > 1)
        if not any(is_term(c) for c in concepts):
            continue
        affirmed = [other for other in clauses if not _NEGATED.search(other)
                    and concepts <= frozenset(concepts_of(other))]
        if affirmed:
            continue
        about = frozenset(c for c in concepts_of(clause[:match.start()]) if len(c) > 1)
        found.append(Denial(term, concepts, about, clause))
    return found


def spelled(term: str) -> re.Pattern[str]:
    """The term as an answer writes it: Chinese as is, English words by their first three
    letters ("array indices" is "array index")."""
    if not term.isascii():
        return re.compile(re.escape(term))
    words = [re.escape(w[:3]) + r"\w*" if len(w) > 3 else re.escape(w) for w in term.split()]
    return re.compile(r"\b" + r"\s+".join(words) + r"\b", re.IGNORECASE)


def affirmed_denials(
    answer: str,
    notes: Sequence[Denial],
    concepts_of: Callable[[str], Sequence[str]],
    topic: frozenset[str],
) -> list[tuple[str, Denial]]:
    """(answer clause, note denial) for each clause that says the thing has or does what the
    notes deny: no negation or hedge in it, a verb of having or doing right before the term,
    and about what the denial is about (the words before its negation, else the question's)."""
    found: list[tuple[str, Denial]] = []
    clauses = split_clauses(answer)
    # An answer that denies the term somewhere too tells cases apart ("单条命令具有原子性，
    # 事务不具有"): what it affirms is of another case.
    kept = [d for d in notes if not any(_NEGATED.search(c) and spelled(d.term).search(c)
                                        for c in clauses)]
    for clause in clauses:
        if _NEGATED.search(clause) or is_condition(clause):
            continue
        plain = COMPARED.sub(" ", clause)
        concepts = frozenset(concepts_of(plain))
        for denial in kept:
            match = spelled(denial.term).search(plain)
            if match is None or not (concepts & (denial.about or topic)):
                continue
            before = plain[:match.start()]
            if _AFFIRMED_ZH.search(before) or _AFFIRMED_EN.search(before):
                found.append((clause, denial))
                break
    return found
