"""Negation flips: the answer says of a thing what the notes deny of it, or denies what they
say ("=== 比较前会做类型转换" where the notes say "=== 不做类型转换"; "arrow functions have
their own this" where they say "do not"). Clauses are compared only when both name the
same thing first and say nearly the same about it — no table of facts, any subject."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from interviewer.grading.contradiction import (
    NOT_WITHOUT_IT_EN,
    WITHOUT_IT_ZH,
    direction,
    is_condition,
)
from interviewer.grading.matching import AnswerView, PointMatch, match_point

if TYPE_CHECKING:
    from interviewer.grading.rubric import RubricPoint

# A negation of what the clause says. Unlike the contradiction check's, no verb that only
# sounds negative ("避免", "lose"): those are effects, not denials.
_NEGATION = re.compile(
    r"(?<!差)不(?!同|一样|断|仅|久|错|管|少|论|足|稳定|相等|规律|一致|多|但|过|然|如|变|良|均|"
    rf"平衡|确定|明|便|停|得不)|{WITHOUT_IT_ZH}|无法|并非|未(?!来|知)|"
    rf"\b(?:not|no|never|cannot|neither|nor)\b|\bwithout\b{NOT_WITHOUT_IT_EN}|n't",
    re.IGNORECASE,
)
# A hedge or a restriction qualifies a claim rather than denying it: "不一定", "not always",
# "not only"; a question asks.
_HEDGE = re.compile(
    r"不一定|未必|不总是|不完全|不全是|不只|不光|\bnot (?:necessarily|always|only|just|all)\b|"
    r"[吗么?？]\s*$",
    re.IGNORECASE,
)
# "会不会", "是不是", "有没有" ask whether; they deny nothing.
_WHETHER = re.compile(r"(\w)[不没]\1")
# A negation inside an attribute ("未提交的修改", "无效的请求", "不可变的对象") names a kind of
# thing; it denies nothing the clause says.
_ATTRIBUTE = re.compile(r"(?:[未非无]|不可)(?=[\u4e00-\u9fff]{1,3}的)")


def _attributes_blanked(text: str) -> str:
    return _ATTRIBUTE.sub(lambda m: "〇" * len(m.group()), text)
# A clause with no subject of its own: it opens with an adverb or verb that continues the
# sentence ("也可以…", "并且不能…", "and cannot be…", "takes no parameters").
_GOES_ON = re.compile(
    r"\s*(?:也|还|并且|而且|且|又|同时|并|就|都|不|没有|可以|能|会)|"
    r"\s*(?:and\s+|but\s+)?(?:also\s+)?(?:is|are|has|have|can|cannot|can't|could|does|"
    r"doesn't|do|don't|will|won't|must|should|may|takes?|uses?|needs?|requires?|runs?|"
    r"returns?|supports?|works?|keeps?|gives?|makes?)\b",
    re.IGNORECASE,
)
# A clause that is only a code name ("memory_order_relaxed", "max-age"): one thing, named by
# all its words — an answer may name it by the word that sets it apart ("relaxed").
_CODE_NAME = re.compile(r"^\s*[A-Za-z0-9]+(?:[-_.:][A-Za-z0-9]+)+\s*$")
# The thing a clause is about is among its first concepts…
SUBJECT_WITHIN = 2
# …after the owner a Chinese clause may open with ("Redis的内存淘汰策略…", "该模型的输出…"):
# the thing is what the owner has.
_OWNER = re.compile(r"^\s*([A-Za-z][\w.\-]*|[\u4e00-\u9fff]{1,4})\s*的(?!话|时候)")
# Two clauses say nearly the same when they share this many concepts besides the thing (or
# one term, when neither says more than this many: "=== 不做「类型转换」")…
MIN_SHARED = 2
SHORT = 2
# …and this share of the shorter one's, and of the longer one's.
MIN_SHARE = 0.6
MIN_SHARE_OF_LONGER = 0.3


@dataclass(frozen=True)
class Stance:
    """One clause: the thing it is about, what it says of it, and whether it denies it."""

    text: str
    subject: str
    said: frozenset[str]
    negated: bool
    opener: str | None = None
    """The thing the clause's sentence names first: what a clause inside it is about too."""
    denied: frozenset[str] = frozenset()
    """What a denying clause denies: its concepts after the negation."""
    opened: frozenset[str] = frozenset()
    """Every term of the sentence's opening code name ("memory_order_relaxed": memory order
    and relaxed), else the opener alone: the one thing the sentence is about."""


def stances(
    sentences: Sequence[Sequence[tuple[str, Sequence[str]]]],
    is_term: Callable[[str], bool],
    concepts_of: Callable[[str], Sequence[str]],
    unnegated: Callable[[str], str] = str,
) -> list[Stance]:
    """The clauses (of sentences) that name their thing first and say something of it, with
    their polarity. A clause with a direction ("减少", "不会…太多") is the contradiction
    check's: a denial and a decrease may say the same. `unnegated` blanks the negations
    inside term names ("不可重复读"), which deny nothing."""
    found = []
    for sentence in sentences:
        opener = next((c for _, listed in sentence[:1] for c in listed
                       if len(c) > 1 and is_term(c)), None)
        opened = frozenset(c for clause, listed in sentence[:1] if _CODE_NAME.match(clause)
                           for c in listed if len(c) > 1 and is_term(c))
        opened = opened or frozenset(filter(None, [opener]))
        for at, (clause, listed) in enumerate(sentence):
            concepts = [c for c in listed if len(c) > 1]
            owner = _OWNER.match(clause)
            within = SUBJECT_WITHIN + (len([c for c in concepts_of(owner.group(1)) if len(c) > 1])
                                       if owner else 0)
            subject = next((c for c in concepts[:within] if is_term(c)), None)
            if at and opener and _GOES_ON.match(clause):
                # "箭头函数有自己的 this，也可以用作构造函数", "…, and cannot be overloaded":
                # a clause that opens with its verb goes on about what its sentence opened
                # with.
                subject = opener
            if subject is None:
                continue
            said = frozenset(concepts) - {subject}
            # "能不能用作构造函数" asks whether (the question mark is in the next clause's
            # sentence end, or absent): it states nothing either way.
            if (not said or is_condition(clause) or _HEDGE.search(clause)
                    or _WHETHER.search(clause) or direction(clause)):
                continue
            negated = denies(unnegated(clause))
            denied = (_after_negation(unnegated(clause), concepts_of) - {subject} if negated
                      else frozenset())
            found.append(Stance(clause, subject, said, negated, opener, denied, opened))
    return found


def _after_negation(clause: str, concepts_of: Callable[[str], Sequence[str]]) -> frozenset[str]:
    asserted = _WHETHER.sub("", _attributes_blanked(clause))
    negation = _NEGATION.search(asserted)
    if negation is None:
        return frozenset()
    return frozenset(c for c in concepts_of(asserted[negation.start():]) if len(c) > 1)


def _close(a: Stance, b: Stance, is_term: Callable[[str], bool]) -> int:
    """How many concepts two clauses about one thing share, when they say nearly the same
    of it; 0 otherwise."""
    if a.subject != b.subject:
        return 0
    # Two clauses inside sentences about other things ("不变性是指…，输入变了输出不受影响";
    # "卷积层具有平移等变性，…输入的平移能等价地影响输出") speak of those things. A sentence
    # that opens with no term ("Redis中，单条命令是…") is about nothing else.
    inside = (a.opener is not None and a.subject != a.opener
              and b.opener is not None and b.subject != b.opener)
    if inside and not a.opened & b.opened:
        return 0
    shared = a.said & b.said
    if a.negated != b.negated:
        # A negation denies what follows it: "客户端发出 ACK 后不能确定服务端能否收到" denies
        # being sure of the receipt, not the sending another clause speaks of. At least half
        # of what the two clauses share must be what is denied.
        denied = (a if a.negated else b).denied
        if 2 * len(shared & denied) < len(shared):
            return 0
    short = max(len(a.said), len(b.said)) <= SHORT
    enough = len(shared) >= MIN_SHARED or (short and any(is_term(c) for c in shared))
    shorter, longer = sorted((len(a.said), len(b.said)))
    if (not shared or not enough or len(shared) < MIN_SHARE * shorter
            or len(shared) < MIN_SHARE_OF_LONGER * longer):
        return 0
    return len(shared)


def polarity_flips(
    answer: Sequence[Stance], notes: Sequence[Stance], is_term: Callable[[str], bool]
) -> list[tuple[Stance, Stance]]:
    """(answer clause, note clause) pairs where the answer affirms what the note denies, or
    the reverse — unless a note clause at least as close agrees with the answer (notes say
    "A 不做 X" of one case and "A 做 X" of another)."""
    found = []
    for claim in answer:
        best_conflict: tuple[int, Stance] | None = None
        best_agreement = 0
        for note in notes:
            closeness = _close(claim, note, is_term)
            if not closeness:
                continue
            if note.negated == claim.negated:
                best_agreement = max(best_agreement, closeness)
            elif best_conflict is None or closeness > best_conflict[0]:
                best_conflict = (closeness, note)
        if best_conflict is not None and best_conflict[0] > best_agreement:
            found.append((claim, best_conflict[1]))
    return found


# "不是 A 而是 B", "not A but B": the clause denies A and affirms B.
_INSTEAD = re.compile(r"而是|\bbut rather\b|\binstead\b", re.IGNORECASE)
# "既不是 A 也不是 B", "neither A nor B": a negation after "也/又/亦" (or "nor") that follows
# another denies one more thing; it does not cancel the first.
_ALSO = re.compile(r"[也又亦]\s*$")


def _negations(text: str) -> int:
    """How many negations of a clause count: a repeated denial is one."""
    count = 0
    for negation in _NEGATION.finditer(text):
        if count and (negation.group().lower() == "nor"
                      or _ALSO.search(text[:negation.start()])):
            continue
        count += 1
    return count


def denies(text: str) -> bool:
    """True when a clause denies what it says ("不支持列表、哈希和集合", "has no capacity"):
    an odd number of negations, no hedge, no question and no "而是" turning it round."""
    if _HEDGE.search(text) or _INSTEAD.search(text):
        return False
    return _negations(_WHETHER.sub("", _attributes_blanked(text))) % 2 == 1


def denied_only(
    clauses: Sequence[tuple[str, Sequence[str]]], concepts_of: Callable[[str], Sequence[str]]
) -> frozenset[str]:
    """Concepts an answer names only after a negation ("只有 String，不支持列表、哈希和集合"
    names the hash, and makes no point about it); what comes before the negation in its
    clause is said ("limits overfitting since weights cannot fit the noise")."""
    denied: set[str] = set()
    said: set[str] = set()
    for clause, concepts in clauses:
        asserted = _WHETHER.sub("", clause)
        negation = _NEGATION.search(asserted) if denies(clause) else None
        if negation is None:
            said.update(concepts)
            continue
        after = set(concepts_of(asserted[negation.start():]))
        denied.update(after)
        said.update(c for c in concepts if c not in after)
    return frozenset(denied - said)


def undenied_matches(
    view: AnswerView,
    points: Sequence[RubricPoint],
    matches: list[PointMatch],
    concepts_of: Callable[[str], Sequence[str]],
) -> list[PointMatch]:
    """The matches again without the concepts the answer only denies, for points that
    affirm them: "不支持列表、哈希和集合" makes no point that Redis has hashes."""
    denied = denied_only([c for s in view.sentences for c in s.clauses], concepts_of)
    if not denied:
        return matches
    sentences = [replace(s, concepts=s.concepts - denied,
                         clauses=[(text, [c for c in concepts if c not in denied])
                                  for text, concepts in s.clauses])
                 for s in view.sentences]
    plain = AnswerView(view.text, sentences, [c for c in view.concepts if c not in denied],
                       view.glue)
    # A point with a direction ("less time to fit noise", "减少共适应") may say what a
    # denial says ("cannot fit the noise").
    return [match_point(point, plain) if denied & point.core.keys() and not denies(point.text)
            and not direction(point.text) else match
            for point, match in zip(points, matches, strict=True)]
