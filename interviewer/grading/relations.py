"""Relations said backwards and things the notes tell apart said to be one: "Unix 是参考
Linux 开发的" where the notes say "Linux 参考了 Unix", "entity integrity is built on
referential integrity" against "referential integrity is based on entity integrity", "内核和
CPU 本质上是同一个东西" where the notes warn not to confuse the two. Only the form of the
statement is known here (which side of "based on" a term stands, "the same thing"); what the
terms are comes from the notes, so the check needs no table of any subject."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from interviewer.grading.lexicon import Lexicon
from interviewer.grading.matching import split_clauses

# "A rests on B": A is what is built, B what it is built on. Only relations whose two sides
# cannot trade places; Chinese "基于 X 的 Y" (an X-based Y) has nothing before it and is
# left alone.
_RELATION = re.compile(
    r"(?:是|都|也|就)?(?:基于|建立在|构建在|参考了?|借鉴了?|模仿了?|派生自|派生于|依赖于?|"
    r"源自|源于|衍生自|继承(?:自|于))|"
    r"\b(?:is|are|was|were|be|been)?\s*(?:(?:largely|mostly|partly|directly)\s+)?"
    r"(?:based|built|founded|modell?ed|derived|dependent|depend(?:s|ing)?|reli(?:es|ed)|rel(?:y|ying)"
    r"|inherit(?:s|ed|ing)?)\s+(?:(?:on\s+top\s+of)|on|upon|from|after)\b",
    re.IGNORECASE,
)
# A relation denied or said of its passive side is not one the answer asserts.
_NEGATED = re.compile(r"不|没|非|无|并非|\b(?:not|no|never|isn't|aren't|wasn't|weren't)\b|n't|被",
                      re.IGNORECASE)
# The far side ends where the clause turns: "… but it is not the other way around".
_TURN = re.compile(r"\b(?:but|and not|not|rather than|whereas|while|so|which)\b|而|但|不是|并非|"
                   r"所以|因此|反过来|the other way", re.IGNORECASE)
# "A 和 B 是同一个东西", "A and B are the same thing", "A 只是 B 的别名", "A is just an alias
# of B", "there is no difference between A and B".
_SAME_PAIR = re.compile(
    r"(?P<a>[^，,。；;：:]{1,30}?)\s*(?:和|与|跟|同)\s*(?P<b>[^，,。；;：:]{1,30}?)\s*"
    r"(?:本质上|其实|实际上|基本上|基本|完全)?\s*(?:就)?(?:是)?\s*"
    r"(?:同一个?(?:东西|概念|事物|意思)?|一回事|一样的?(?:东西)?|相同的?(?:东西)?|等价的?|"
    r"没有?(?:什么|任何)?区别|没什么区别|无区别)|"
    r"\b(?P<c>[^,.;:]{1,40}?)\s+and\s+(?P<d>[^,.;:]{1,40}?)\s+(?:are|is)\s+"
    r"(?:(?:basically|essentially|really|actually|just|simply|exactly|completely|all)\s+)*"
    r"(?:the same(?: thing)?|identical|one and the same|equivalent|interchangeable)\b|"
    r"\bno (?:real )?difference between\s+(?P<e>[^,.;:]{1,40}?)\s+and\s+(?P<f>[^,.;:]{1,40})",
    re.IGNORECASE,
)
_ALIAS = re.compile(
    r"(?P<a>[^，,。；;：:]{1,30}?)\s*(?:只是|就是|其实是|其实就是|本质上就?是)\s*"
    r"(?P<b>[^，,。；;：:]{1,30}?)\s*的?(?:别名|另一个名字|另一种叫法|另一种说法|简称)|"
    r"\b(?P<c>[^,.;:]{1,40}?)\s+(?:is|are)\s+(?:(?:just|simply|basically|essentially|really|"
    r"only|actually)\s+)*(?:an?\s+)?(?:alias|other name|synonym|different name)\s+(?:of|for)\s+"
    r"(?P<d>[^,.;:]{1,40})",
    re.IGNORECASE,
)
# Words that say two things differ or get confused: a note sentence with them and two terms
# tells those terms apart ("很多人容易把内核和 CPU 弄混", "the difference between A and B").
_APART = re.compile(r"区别|区分|不同|不一样|弄混|混淆|搞混|差异|差别|\b(?:differen\w*|differ\w*|"
                    r"distinguish\w*|confus\w*|versus|vs\.?|mix(?:ed)? up)\b", re.IGNORECASE)
_NEGATED_SAME = re.compile(r"(?:不|并不|并非|不是)\s*(?:是\s*)?(?:同一|一回事|一样|相同|等价)|"
                           r"\b(?:not|n't|never)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Relation:
    """One clause stating "A rests on B", with the terms of each side."""

    text: str
    near: frozenset[str]
    far: frozenset[str]


def relations(texts: Iterable[str], lexicon: Lexicon,
              is_term: Callable[[str], bool]) -> list[Relation]:
    """The asymmetric relations stated in these texts, one per clause at most."""
    found = []
    for text in texts:
        for clause in split_clauses(text):
            match = _RELATION.search(clause)
            if match is None:
                continue
            before, after = clause[:match.start()], clause[match.end():]
            if _NEGATED.search(before) or _NEGATED.search(match.group()):
                continue
            turn = _TURN.search(after)
            after = after[:turn.start()] if turn else after
            # Chinese attributive "参考 X 的 Y": X is what it rests on, Y is not.
            after = after.split("的")[0]
            near = _terms(before, lexicon, is_term)
            far = _terms(after, lexicon, is_term)
            if near and far:
                found.append(Relation(clause, near - far, far - near))
    return found


def _terms(text: str, lexicon: Lexicon, is_term: Callable[[str], bool]) -> frozenset[str]:
    return frozenset(c for c in lexicon.text_concepts(text) if len(c) > 1 and is_term(c))


def reversed_relations(
    answer: Sequence[Relation], notes: Sequence[Relation]
) -> list[tuple[Relation, Relation]]:
    """(answer relation, note relation) where the answer puts on the built side a term the
    notes put on the ground side, and the other way round — unless some note says it the
    answer's way too."""
    found = []
    for said in answer:
        backwards = [note for note in notes if said.near & note.far and said.far & note.near]
        agrees = any(said.near & note.near and said.far & note.far for note in notes)
        if backwards and not agrees:
            found.append((said, backwards[0]))
    return found


def apart(texts: Iterable[str], lexicon: Lexicon,
          is_term: Callable[[str], bool]) -> list[tuple[frozenset[str], str]]:
    """(terms, sentence) for each sentence that tells two or more terms apart."""
    found = []
    for text in texts:
        if _APART.search(text) and not _same_pairs(text):
            terms = _terms(text, lexicon, is_term)
            if len(terms) >= 2:
                found.append((terms, text))
    return found


def _same_pairs(clause: str) -> list[tuple[str, str]]:
    pairs = []
    for pattern in (_SAME_PAIR, _ALIAS):
        for match in pattern.finditer(clause):
            if _NEGATED_SAME.search(match.group()):
                continue
            sides = [g for g in match.groups() if g]
            if len(sides) == 2:
                pairs.append((sides[0], sides[1]))
    return pairs


def identified(
    clause: str, told_apart: Sequence[tuple[frozenset[str], str]], lexicon: Lexicon,
    is_term: Callable[[str], bool],
) -> str | None:
    """The note sentence telling apart two things the clause says are the same."""
    for one, other in _same_pairs(clause):
        left = _terms(one, lexicon, is_term)
        right = _terms(other, lexicon, is_term)
        for terms, sentence in told_apart:
            a, b = left & terms - right, right & terms - left
            if a and b:
                return sentence
    return None
