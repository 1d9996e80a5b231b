"""Common misconceptions of a subject ("dropout is used at test time", "过拟合说明模型太简单"),
recognised in an answer's clauses. The table comes from a domain pack's [[misconception]]
entries (domain facts), so it also catches wrong claims the notes do not spell out as the
opposite."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from interviewer.grading.contradiction import COMPARED, is_condition
from interviewer.grading.matching import split_sentences
from interviewer.packs import Pack

# `~` in a pattern: a short gap that stays inside one clause. English words are about three
# times as long as Chinese ones, so in a clause without Chinese the same few words may take
# up to 24 characters ("has an extra σ′" ≈ "多出一项σ′").
_GAP = r"[^，。；,.;!?！？\n]{0,8}"
_GAP_EN = r"[^，。；,.;!?！？\n]{0,24}"
_CJK = re.compile(r"[\u4e00-\u9fff]")
# Clauses end at commas, not colons: what follows a colon says what came before it ("Precision
# is the fraction retrieved: TP / (TP + FN)" binds the formula to precision).
_COMMA = re.compile(r"[，,]+|\s+-\s+|——")
# A reason that opens by naming whose property it states ("…是因为MSE的梯度里有σ′", "because
# MSE's gradient…") is a claim about that other thing: the σ′ belongs to MSE, not to 交叉熵.
# Without the possessive ("是因为学习率太大") the reason is part of the claim.
# "does not vanish like sigmoid": a thing named after the predicate as what behaves so is a
# yardstick, not what the clause is about ("it's like bagging" is a claim, so a copula
# before "like" keeps it).
_TRAILING_LIKE = re.compile(
    r"(?<!\bis)(?<!'s)(?<!\bare)(?<!\bwas)(?<!\bjust)(?<!\bexactly)(?<!\bbasically)(?<!\bmuch)"
    r"\s+(?:like|as with|as in|as for)\s+(?:the\s+|a\s+)?[A-Za-z][\w'′\-]*(?:\s+(?:does|do|did))?"
    r"(?=\s*(?:[,，。.;；!?！？]|$))",
    re.IGNORECASE,
)
_REASON = re.compile(r"(?:是|就是)?(?:因为|所以|因此)(?=\s*[A-Za-z\u4e00-\u9fff'′]{1,10}的)|"
                     r"\b(?:because|since|so)(?=\s+(?:the\s+)?[A-Za-z]+'s\b)", re.IGNORECASE)


@dataclass(frozen=True)
class Misconception:
    """One wrong belief: what it is about, how it is said, what turns it right, the fact."""

    about: re.Pattern[str]
    claim: re.Pattern[str]
    claim_en: re.Pattern[str]
    """The claim with the wider gap of clauses written in English."""
    unless: re.Pattern[str] | None
    implicit: bool
    near: bool
    outside: bool
    given: re.Pattern[str] | None
    fact_zh: str
    fact_en: str

    def fact(self, language: str) -> str:
        """The correct statement in the answer's language."""
        return self.fact_zh if language == "zh" else self.fact_en


def _compile(pattern: str, gap: str = _GAP) -> re.Pattern[str]:
    return re.compile(pattern.replace("~", gap), re.IGNORECASE)


def load_misconceptions(packs: Sequence[Pack]) -> tuple[Misconception, ...]:
    """The misconception table of the packs."""
    return tuple(item for pack in packs for item in _compiled(pack))


@lru_cache(maxsize=16)
def _compiled(pack: Pack) -> tuple[Misconception, ...]:
    entries = pack.misconceptions
    return tuple(
        Misconception(
            about=_compile(entry["about"]),
            claim=_compile(entry["claim"]),
            claim_en=_compile(entry["claim"], _GAP_EN),
            unless=_compile(entry["unless"]) if entry.get("unless") else None,
            implicit=bool(entry.get("implicit", False)),
            near=bool(entry.get("near", False)),
            outside=bool(entry.get("outside", False)),
            given=_compile(entry["given"]) if entry.get("given") else None,
            fact_zh=entry["zh"],
            fact_en=entry["en"],
        )
        for entry in entries
    )


def _states(item: Misconception, clause: str, lead: str = "") -> bool:
    """True when the clause makes the claim, nothing else in it turns the claim right and
    no condition in the clauses before it (`lead`) scopes it to where it holds."""
    match = (item.claim if _CJK.search(clause) else item.claim_en).search(clause)
    if match is None:
        return False
    # A condition stated first ("对于凸问题，局部最小值就是全局最小值") scopes the claim.
    if item.given is not None and item.given.search(lead):
        return False
    if item.unless is None:
        return True
    # A claim made of a negation ("不参与训练") is vetoed only by the words around it.
    scope = clause[: match.start()] + " " + clause[match.end() :] if item.outside else clause
    return not item.unless.search(scope)


def find_misconceptions(
    answer: str, title: str, language: str, table: Sequence[Misconception]
) -> list[tuple[str, str]]:
    """(clause of the answer, the fact it gets wrong) for each clause in `table` it states."""
    found: list[tuple[str, str]] = []
    if not table:
        return found
    implied = [item.implicit and bool(item.about.search(title)) for item in table]
    # Most of a pack's entries are about things the answer never names: one search of the
    # whole answer each rules them out before its sentences are cut.
    relevant = [(item, by_title) for item, by_title in zip(table, implied, strict=True)
                if by_title or item.about.search(answer)]
    if not relevant:
        return found
    for sentence in split_sentences(answer):
        sentence = _TRAILING_LIKE.sub("", COMPARED.sub(" ", sentence))
        clauses = [part for clause in _COMMA.split(sentence)
                   for part in _REASON.split(clause) if part.strip()]
        claiming = [not is_condition(clause) for clause in clauses]
        for item, by_title in relevant:
            if not by_title and not item.about.search(sentence):
                continue
            for at, clause in enumerate(clauses):
                if not claiming[at] or (item.near and not item.about.search(clause)):
                    continue
                lead = " ".join(clauses[:at])
                if _states(item, clause, lead) and all(clause != said for said, _ in found):
                    found.append((clause, item.fact(language)))
    return found
