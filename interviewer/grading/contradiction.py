"""Claims that use the right words but say the opposite of the notes ("dropout is used at
test time", "过拟合说明模型太简单"). A clause is compared with the note clauses about the same
things (shared concepts); each has a direction on a few axes (bigger/smaller, causes/prevents,
training/test, before/after, same/different, …), flipped by a negation before it. An odd
number of flipped directions between the two is a contradiction."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from interviewer.grading.lexicon import Lexicon
from interviewer.grading.matching import clause_concepts, split_sentences


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# axis: (words for +, words for -). Bare "more"/"small"/"更多" are left out on purpose:
# they qualify too many unrelated things to be a claim's direction.
AXES: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "size": (
        _rx(r"(?:太|过于|过|越来越|越)(?:大|多|高|深|强|复杂)|"
            r"(?:很|较|更|变|非常|比较|特别)(?:大|高|深|强|复杂)|"
            r"(?<=[\u4e00-\u9fff])[高大](?=的)|比\s*[^，。；\s]{1,6}\s*[大高多]|"
            r"\btoo (?:large|big|many|high|deep|complex)\b|"
            r"\b(?:larger|bigger|deeper|higher|greater|stronger)\b"),
        _rx(r"(?:太|过于|过|越来越|越)(?:小|少|低|浅|弱|简单)|"
            r"(?:很|较|更|变|非常|比较|特别)(?:小|低|浅|弱|简单)|"
            r"(?<=[\u4e00-\u9fff])[低小](?=的)|比\s*[^，。；\s]{1,6}\s*[小低少]|"
            r"\btoo (?:small|few|low|shallow|simple)\b|"
            r"\b(?:smaller|shallower|lower|weaker|simpler|fewer)\b"),
    ),
    # A bound ("σ′ < 1", "大于0时") is a threshold, not a size: "输入大于0时为线性" says
    # nothing against "等于0的概率很小".
    "bound": (
        _rx(r"大于\s*[\d一]|>\s*\d|\b(?:greater|more|larger) than \d|\babove \d"),
        _rx(r"小于\s*[\d一]|<\s*\d|\b(?:less|smaller) than \d|\bbelow \d"),
    ),
    "change": (
        _rx(r"增加|增大|提高|提升|加大|加剧|放大|\b(?:increase[sd]?|raise[sd]?|boost|amplif\w*)\b"),
        _rx(r"减少|减小|降低|减弱|减缓|\b(?:decrease[sd]?|reduce[sd]?|shrinks?|lowers?)\b"),
    ),
    "effect": (
        _rx(r"导致|造成|引起|引发|带来|容易(?:出现|产生|造成)|"
            r"\b(?:causes?|caused|leads? to|results? in)\b"),
        _rx(r"防止|避免|解决|缓解|抑制|消除|阻止|\b(?:prevents?|avoids?|solves?|fix(?:es)?|mitigates?|"
            r"alleviates?|protects?)\b"),
    ),
    "speed": (
        _rx(r"(?<!加)快|\b(?:fast|faster|quick|quickly)\b"),
        _rx(r"慢|\b(?:slow|slower|slowly)\b"),
    ),
    "phase": (
        _rx(r"训练(?:时|阶段|的时候|过程)|\b(?:during|at) training\b"),
        _rx(r"测试(?:时|阶段|的时候)|推理|预测时|实际使用时|"
            r"\b(?:at test|test time|inference|testing)\b"),
    ),
    "order": (_rx(r"之后|以后|\bafter\b"), _rx(r"之前|以前|\bbefore\b")),
    "same": (
        _rx(r"相同|一样(?!的方式)|同样的|一致|\b(?:same|identical)\b"),
        _rx(r"不同|不一样|各不相同|\b(?:different|distinct)\b"),
    ),
    "fit": (_rx(r"过拟合|\boverfit"), _rx(r"欠拟合|\bunderfit")),
    "convex": (_rx(r"(?<!非)凸|(?<!non-)(?<!non)\bconvex"), _rx(r"非凸|non-?convex")),
    "linear": (_rx(r"(?<!非)线性|(?<!non-)(?<!non)\blinear"), _rx(r"非线性|non-?linear")),
    "sparse": (_rx(r"稀疏|\bsparse"), _rx(r"稠密|\bdense")),
    "shared": (_rx(r"共享|\bshar(?:e|ed|es|ing)\b"), _rx(r"独立|\bindependent")),
    "supervised": (
        _rx(r"(?<!无)(?<!非)监督|(?<!un)\bsupervised"),
        _rx(r"无监督|非监督|unsupervised"),
    ),
}
# A negation flips the direction of what follows it in the clause ("不会引起" = prevents).
_NEGATION = _rx(
    r"(?<!差)不(?!同|一样|断|仅|久|错|管|少|论|足|稳定|可导|可微|相等|规律|一致|多)|没有|没|无法|未|并非|"
    r"非(?!线性|凸|常|监督)|放弃|失去|\b(?:not|no|never|without|cannot|abandons?|loses?)\b|n't"
)
MIN_SHARED = 2
# Axes that name a phenomenon, not a direction: "不容易过拟合" is not "欠拟合", so a negation
# does not flip them.
UNNEGATED = frozenset({"fit"})
# One pass over a clause finds every axis word: named groups say which axis and way.
_ANY = re.compile(
    "|".join(
        f"(?P<{axis}_{name}>{pattern.pattern})"
        for axis, pair in AXES.items()
        for name, pattern in zip(("plus", "minus"), pair, strict=True)
    ),
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Claim:
    """One clause: what it is about (concepts) and which way it points."""

    text: str
    anchors: frozenset[str]
    own: frozenset[str]
    axes: tuple[tuple[str, int], ...]


def direction(text: str) -> tuple[tuple[str, int], ...]:
    """(axis, +1/-1) for each axis the text points along, negations applied."""
    totals: dict[str, int] = {}
    negations: list[int] | None = None
    for match in _ANY.finditer(text):
        if negations is None:
            negations = [m.start() for m in _NEGATION.finditer(text)]
        axis, _, way = (match.lastgroup or "").rpartition("_")
        flips = 0 if axis in UNNEGATED else sum(1 for at in negations if at < match.start())
        totals[axis] = totals.get(axis, 0) + (1 if way == "plus" else -1) * (-1) ** flips
    return tuple((axis, 1 if total > 0 else -1) for axis, total in totals.items() if total)


def text_clauses(text: str, lexicon: Lexicon) -> list[list[tuple[str, list[str]]]]:
    """Sentences of a text as clauses with their concepts."""
    return [clause_concepts(sentence, lexicon) for sentence in split_sentences(text)]


def claims(
    sentences: Sequence[Sequence[tuple[str, list[str]]]], context: frozenset[str] = frozenset()
) -> list[Claim]:
    """Clauses (with their concepts) that point along an axis, with their anchors: their
    own concepts, the previous clause's and `context` (e.g. the question's title)."""
    found = []
    for sentence in sentences:
        previous: frozenset[str] = frozenset()
        for clause, listed in sentence:
            concepts = frozenset(listed)
            axes = direction(clause)
            if axes:
                found.append(Claim(clause, concepts | previous | context, concepts, axes))
            previous = concepts
    return found


def _flips(a: Claim, b: Claim) -> tuple[int, int]:
    """(flipped axes, axes both claims share)."""
    mine = dict(a.axes)
    common = [(axis, sign) for axis, sign in b.axes if axis in mine]
    return sum(1 for axis, sign in common if mine[axis] != sign), len(common)


def contradiction(
    claim: Claim, reference: Sequence[Claim], is_domain: Callable[[str], bool]
) -> Claim | None:
    """The note clause this claim contradicts: a note clause about the same things that
    points the other way along a shared axis, with no note clause at least as close that
    agrees (notes discuss both sides: "h 比 x 小" and, of another autoencoder, "h 大于 x")."""
    conflict: tuple[tuple[int, int], Claim] | None = None
    agree = (0, 0)
    for ref in reference:
        shared = claim.own & ref.anchors
        both = len(claim.own & ref.own)
        # About the same things: two concepts of both clauses, or three with the context.
        if both < MIN_SHARED and len(shared) < MIN_SHARED + 1:
            continue
        if not any(is_domain(c) for c in shared):
            continue
        flipped, common = _flips(claim, ref)
        if common == 0:
            continue  # nothing comparable: neither agrees nor disagrees
        # Closeness: concepts the two clauses share themselves, then with their context.
        rank = (both, len(shared))
        if flipped % 2 == 0:
            agree = max(agree, rank)
        elif conflict is None or rank > conflict[0]:
            conflict = (rank, ref)
    if conflict is not None and conflict[0] > agree:
        return conflict[1]
    return None


def find_contradictions(
    answer_claims: Sequence[Claim], reference: Sequence[Claim], lexicon: Lexicon
) -> list[tuple[Claim, Claim]]:
    """(answer clause, note clause) pairs that contradict each other."""
    found = []
    for claim in answer_claims:
        ref = contradiction(claim, reference, lexicon.is_domain)
        if ref is not None:
            found.append((claim, ref))
    return found
