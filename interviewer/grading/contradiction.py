"""Claims that use the right words but say the opposite of the notes ("dropout is used at
test time", "过拟合说明模型太简单"). A clause is compared with the note clauses about the same
things (shared concepts); each has a direction on a few axes (bigger/smaller, causes/prevents,
training/test, before/after, same/different, …), flipped by a negation before it. An odd
number of flipped directions between the two is a contradiction."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from interviewer.grading.axes import AXES, NAMING, PLACES, UNNEGATED
from interviewer.grading.frames import boundaries, events, same_boundary, same_event
from interviewer.grading.labels import opens_with_pronoun, sentence_label
from interviewer.grading.lexicon import NAME_NEGATION, Lexicon
from interviewer.grading.matching import clause_concepts, split_sentences


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# "Without it" / "没有它" sets a condition for what follows ("没有它多层网络还是线性的",
# "stacked layers without them are still linear"); it denies nothing.
WITHOUT_IT_ZH = r"没(?!有?\s*(?:它|此(?![外时])|其(?![他它余中实次])))有?"
"""没 / 没有 as a negation, unless "it" follows it (它, 此, 其 — not 其他 "other")."""
NOT_WITHOUT_IT_EN = r"(?!\s+(?:it|them|this|that|these|those)\b)"
"""After "without": not a pronoun."""
# A negation flips the direction of what follows it in the clause ("不会引起" = prevents).
_NEGATION = _rx(
    r"(?<!差)不(?!同|一样|断|仅|久|错|管|少|论|足|稳定|可导|可微|相等|规律|一致|多)|"
    rf"{WITHOUT_IT_ZH}|无法|未|并非|"
    r"非(?!线性|凸|常|监督)|放弃|失去|避免|"
    rf"\bwithout\b{NOT_WITHOUT_IT_EN}|\b(?:not|no|never|cannot|abandon(?:s|ed|ing)?|"
    r"los(?:e|es|t|ing)|sacrific(?:e|es|ed|ing)|g[ia]ve(?:s|n)? up|giving up|"
    r"stop(?:s|ped|ping)? being|ceas(?:e|es|ed|ing) to be|avoid(?:s|ed|ing)?)\b|n't"
)
# "或者" / "并且" opening a predicate of its own ("不涉及时区或者要表示 2038 年以后的时间"):
# a negation before it does not reach the words after it.
_NEW_PREDICATE = _rx(r"(?:或者|或是|并且|而且)\s*(?=要|需要|需|想|希望|必须|应该|应|会|能|可以|可)")
# "既不是 A 也不是 B", "neither A nor B": a negation after "也/又/亦" (or "nor") that follows
# another starts a denial of its own; the first negation does not reach past it.
_ANOTHER_DENIAL = _rx(r"[也又亦]\s*(?=不|没|无|未)|\bnor\b")
# English also negates after the verb: "shares no weights", "has no effect".
_AFTER_NEGATION = re.compile(r"\s+(?:no|nothing)\b", re.IGNORECASE)
MIN_SHARED = 2
# A condition ("如果初始值太大", "参数数量相同的情况下") or a concession sets the scene for a
# claim; it is not one. Neither the answer's nor the notes' conditions are compared.
# "假设" opening a clause supposes; after its subject ("朴素贝叶斯假设特征独立") it assumes.
_CONDITION = _rx(
    r"如果|假如|(?<![\u4e00-\u9fffA-Za-z])假设|倘若|若(?!干)|只要|一旦|即使|即便|哪怕|虽然|尽管|(?:的|这种|此)(?:情况|前提)下|"
    r"\b(?:if|unless|even|although|though|provided|whenever|as long as|in case)\b"
)
# A clause that ends by judging what it describes ("初始化为0的话网络训练不好", "zero init
# doesn't work") says that thing is wrong: its direction words describe the wrong choice.
_JUDGED = _rx(r"(?:不好|不行|不对|不可行|没用|没法\w{0,4}|无法\w{0,4}|效果差|很差|失败)"
              r"[了吧啊呢]?\s*$|"
              r"\b(?:does\s*n[o']?t work|won'?t work|is bad|fails|is a bad idea)\W*$")
# A turn ("但", "however") qualifies what came before it: "更大的初始值有助于…；但如果太大…"
# does not say unconditionally that bigger is better.
_TURN = _rx(r"^\s*(?:但|但是|然而|不过|可是|只是|\bhowever\b|\bbut\b|\byet\b)")
# A thing named only to be compared with ("比 sigmoid 好", "better than sigmoid", "unlike
# bagging", "the difference from VMs is…", "与 bagging 不同", "和虚拟机最大的区别是…") is not
# what the clause is about: neither a misconception nor a note about it may be read into the
# clause's claim about the subject.
COMPARED = re.compile(
    r"(?:比(?!较|如|例|率|重|值)|不像|不同于|有别于|相比于?|相较于?)\s*[A-Za-z\u4e00-\u9fff'′\-\s、/]{1,16}?(?=\s*(?:好|强|快|慢|差|大|小|高|低|更|的|，|,|$))|"
    r"(?:与|和|跟|同)\s*[A-Za-z\u4e00-\u9fff'′\-]{1,12}?\s*(?:不同|不一样|相比|比起来|比较|"
    r"的?(?:最大|主要|最主要|根本|本质)?的?(?:区别|不同之处|差别|差异))|"
    r"\b(?:than|unlike|beats?|outperforms?|(?:compared|relative) (?:to|with)|in contrast to|"
    r"as opposed to|instead of|rather than|versus|vs\.?|(?:differen(?:ce|t)|differs?) from)"
    r"\s+(?:being\s+|be\s+)?(?:the\s+|a\s+|an\s+)?[A-Za-z][\w'′\-]*"
    r"(?:\s*(?:/|,|\band\b|\bor\b)\s*[A-Za-z][\w'′\-]*)*",
    re.IGNORECASE,
)
_CJK = re.compile(r"[\u4e00-\u9fff]")
# A clause that only frames a contrast ("Unlike bagging", "与 bagging 不同") or opens one
# ("而…", "whereas…") hands no subject on to the clause after it.
_FRAME = _rx(r"^\s*(?:unlike|in contrast to|as opposed to|compared (?:to|with)|不同于|不像|有别于|"
             r"(?:与|和|跟|同).{1,16}(?:不同|不一样|相比|比起来))\b[^,，]{0,20}$")
_OPENS = _rx(r"^\s*(?:而|whereas\b|while\b|unlike\b)")
# "跟 bagging 基本一样", "just like bagging": the thing named is a yardstick, not what the
# clauses after it talk about.
_LIKE = _rx(r"(?:跟|和|与|同|像)\s*([A-Za-z\u4e00-\u9fff'′\-\s]{1,16}?)\s*(?:基本|差不多|几乎)?"
            r"(?:一样|相同|类似|相似)|\b(?:just |much )?like\s+([A-Za-z][\w'′\-]*)")
# A clause that only names what the rest of its sentence is about ("在 Bagging 的情况下",
# "而在 Dropout 中", "in the case of bagging"): the claims after it hold for that thing.
_SCOPE = _rx(r"^\s*(?:而|但)?\s*(?:在|对于|对)\s*[^，,]{1,20}?\s*"
             r"(?:的情况下|的时候|中|里|来说|而言)\s*$|"
             r"^\s*(?:whereas|while|but)?\s*(?:in the case of|for|with|in)\s+[^,]{1,30}$")
# One pass over a clause finds every axis word: named groups say which axis and way.
_ANY = re.compile(
    "|".join(
        f"(?P<{axis}_{name}>{pattern.pattern})"
        for axis, pair in AXES.items()
        for name, pattern in zip(("plus", "minus"), pair, strict=True)
    ),
    re.IGNORECASE,
)


def is_condition(clause: str) -> bool:
    """True for a condition or concession ("如果测试时也丢弃", "even if…"): it sets the scene
    for a claim and claims nothing itself."""
    return bool(_CONDITION.search(clause) or _JUDGED.search(clause))


@dataclass(frozen=True)
class Claim:
    """One clause: what it is about (concepts) and which way it points."""

    text: str
    anchors: frozenset[str]
    own: frozenset[str]
    axes: tuple[tuple[str, int], ...]
    conditional: bool = False
    """A condition or concession ("如果…", "即使…"): no claim of its own."""
    qualified: bool = False
    """Followed by a turn ("…；但…"): the text does not hold it unconditionally."""
    subject: str | None = None
    """The first term the clause names: what it is about (known with a lexicon)."""
    foreign: frozenset[str] = frozenset()
    """What the clause contrasts its subject with ("unlike bagging"): notes about that
    thing say nothing about the claim."""
    scope: frozenset[str] = frozenset()
    """What a clause before it said the sentence is about ("在 Bagging 的情况下，…"): the
    claim holds for that thing only."""
    effect: frozenset[str] = frozenset()
    """What the clause says is caused or prevented ("防止「过拟合」"): two clauses point
    opposite ways on that axis only about the same effect."""
    since: frozenset[str] = frozenset()
    """What the clause's "before"/"after" is measured from ("after the first render",
    "在提交之前"): two clauses are earlier and later than each other only from one event."""
    within: frozenset[str] = frozenset()
    """The boundary of the clause's "inside"/"outside" ("outside the component")."""


@lru_cache(maxsize=16384)
def direction(text: str) -> tuple[tuple[str, int], ...]:
    """(axis, +1/-1) for each axis the text points along, negations applied (cached: the
    claims, the negation flips and the coverage of one answer ask of the same clauses)."""
    totals: dict[str, int] = {}
    negations: list[int] | None = None
    breaks: list[int] = []
    for match in _ANY.finditer(text):
        if negations is None:
            negations = [m.start() for m in _NEGATION.finditer(text)]
            breaks = [m.start() for m in _NEW_PREDICATE.finditer(text)]
            breaks += [m.start() for m in _ANOTHER_DENIAL.finditer(text)
                       if any(at < m.start() for at in negations)]
        axis, _, way = (match.lastgroup or "").rpartition("_")
        flips = 0 if axis in UNNEGATED else sum(
            1 for at in negations if at < match.start()
            and not any(at < cut_at < match.start() for cut_at in breaks))
        flips += bool(_AFTER_NEGATION.match(text, match.end())) and axis not in UNNEGATED
        if axis == "excess" and flips % 2:
            continue  # "不能太大" sets a limit; it does not say "small"
        totals[axis] = totals.get(axis, 0) + (1 if way == "plus" else -1) * (-1) ** flips
    return tuple((axis, 1 if total > 0 else -1) for axis, total in totals.items() if total)


def unnegated(text: str, lexicon: Lexicon) -> str:
    """The text with the negation inside term names blanked ("不可重复读" → "〇可重复读"), so
    that only real denials count; a name that points along an axis itself ("非线性") keeps
    its negation, which is part of its direction."""
    for name in lexicon.negated_names(text):
        if not direction(name):
            text = text.replace(name, NAME_NEGATION.sub("〇", name))
    return text


def text_clauses(text: str, lexicon: Lexicon) -> list[list[tuple[str, list[str]]]]:
    """Sentences of a text as clauses with their concepts."""
    return [clause_concepts(sentence, lexicon) for sentence in split_sentences(text)]


def claims(
    sentences: Sequence[Sequence[tuple[str, list[str]]]],
    context: frozenset[str] = frozenset(),
    lexicon: Lexicon | None = None,
) -> list[Claim]:
    """Clauses (with their concepts) that point along an axis, with their anchors: their
    own concepts, the previous clause's and `context` (e.g. the question's title). With a
    `lexicon`, things named only to be compared with ("比 sigmoid", "than sigmoid") are
    left out of a clause's concepts."""
    found = []
    # The clause after each one, across sentence ends: "…消失；但如果…" turns across a "；".
    flat = [clause for sentence in sentences for clause, _ in sentence]
    at = 0
    # What a labelled sentence ("ClusterIP: …") is about, and the pronoun-led sentences after
    # it: "It exposes the Service on an internal IP" speaks of ClusterIP only.
    labelled: frozenset[str] = frozenset()
    for sentence in sentences:
        previous: frozenset[str] = frozenset()
        framed: frozenset[str] = frozenset()
        if label := sentence_label(sentence, context, lexicon):
            labelled = label
        elif not sentence or not opens_with_pronoun(sentence[0][0]):
            labelled = frozenset()
        scope: frozenset[str] = labelled
        for clause, listed in sentence:
            at += 1
            # Single characters ("大", "小") are the direction's own words, not its subject.
            concepts = frozenset(c for c in listed if len(c) > 1)
            foreign = framed
            if lexicon is not None and (compared := COMPARED.findall(clause)):
                foreign = foreign | (frozenset(lexicon.text_concepts(" ".join(compared))) - set(
                    lexicon.text_concepts(COMPARED.sub(" ", clause))))
                concepts -= foreign
            if _OPENS.search(clause):
                previous = frozenset()
            axes = direction(unnegated(clause, lexicon) if lexicon is not None else clause)
            effect: frozenset[str] = frozenset()
            if lexicon is not None and axes:
                concepts, effect = _pointed(clause, concepts, lexicon)
            if axes:
                turned = at < len(flat) and bool(_TURN.search(flat[at]))
                subject = _subject(clause, listed, concepts, lexicon)
                anchors = (concepts | previous | context) - foreign
                found.append(Claim(clause, anchors, concepts, axes,
                                   conditional=is_condition(clause), qualified=turned,
                                   subject=subject, foreign=foreign, scope=scope,
                                   effect=effect, since=events(clause, lexicon),
                                   within=boundaries(clause, lexicon)))
            elif _SCOPE.search(clause):
                scope = frozenset(c for c in concepts
                                  if lexicon is None or lexicon.is_domain(c)) or scope
            framed = foreign if _FRAME.search(clause) else frozenset()
            previous = frozenset() if framed else concepts - _yardsticks(clause, lexicon)
    return found


def _pointed(
    clause: str, concepts: frozenset[str], lexicon: Lexicon
) -> tuple[frozenset[str], frozenset[str]]:
    """The clause's concepts without those only its direction words carry ("防止" is how,
    not what), and the concepts of what its effect word acts on: the words after the last
    one ("防止「神经元之间共适应」"), or before the first when nothing follows ("梯度消失是
    sigmoid 导致的")."""
    pointing = [m for m in _ANY.finditer(clause)
                if (m.lastgroup or "").rpartition("_")[0] not in NAMING]
    if not pointing:
        return concepts, frozenset()
    plain = clause
    for match in reversed(pointing):
        plain = plain[:match.start()] + " " * len(match.group()) + plain[match.end():]
    kept = concepts & frozenset(lexicon.text_concepts(plain))
    effects = [m for m in pointing if m.lastgroup in ("effect_plus", "effect_minus")]
    if not effects:
        return kept, frozenset()
    after = frozenset(c for c in lexicon.text_concepts(plain[effects[-1].end():]) if len(c) > 1)
    before = frozenset(c for c in lexicon.text_concepts(plain[:effects[0].start()])
                       if len(c) > 1)
    return kept, after & kept or before & kept


def _yardsticks(clause: str, lexicon: Lexicon | None) -> frozenset[str]:
    """Concepts a clause names only as what something is like ("跟 bagging 一样")."""
    if lexicon is None:
        return frozenset()
    named = " ".join(part for match in _LIKE.findall(clause) for part in match if part)
    return frozenset(lexicon.text_concepts(named)) if named else frozenset()


def _subject(
    clause: str, listed: Sequence[str], concepts: frozenset[str], lexicon: Lexicon | None
) -> str | None:
    """The first term of the clause: a lexicon term or, in Chinese text, a Latin name
    ("maxout 单元…"), which is always a technical one there."""
    if lexicon is None:
        return None
    named = _CJK.search(clause) is not None
    return next((c for c in listed if c in concepts
                 and (lexicon.is_domain(c) or (named and c.isascii() and c.isalpha()))), None)


def _flips(a: Claim, b: Claim, is_domain: Callable[[str], bool]) -> tuple[int, int]:
    """(flipped axes, axes both claims share)."""
    mine = dict(a.axes)
    # "太低不行" and "过高也不行" are both true: opposite limits are not opposite claims.
    common = [(axis, sign) for axis, sign in b.axes
              if axis in mine and (axis != "excess" or mine[axis] == sign)
              and (axis != "effect" or _same_effect(a.effect, b.effect, is_domain))
              and (axis != "order" or same_event(a.since, b.since))
              and (axis != "place" or same_boundary(a.within, b.within))]
    flipped = {axis for axis, sign in common if mine[axis] != sign}
    # The opposite corner flips both of a place's axes: it is one other place, not two
    # flips that cancel ("less X prevents Y" is "more X causes Y"; bottom-right is not
    # top-left).
    if len(flipped & PLACES) > 1:
        flipped -= set(sorted(flipped & PLACES)[1:])
    return len(flipped), len(common)


def _same_effect(a: frozenset[str], b: frozenset[str], is_domain: Callable[[str], bool]) -> bool:
    """True unless the two effects are told apart by their terms: "防止共适应" and "导致两个
    神经元不一定同时出现" share 神经元 but neither names all the other's terms."""
    terms_a = frozenset(c for c in a if is_domain(c))
    terms_b = frozenset(c for c in b if is_domain(c))
    return terms_a <= terms_b or terms_b <= terms_a


def contradiction(
    claim: Claim,
    reference: Sequence[Claim],
    is_domain: Callable[[str], bool],
    topic: frozenset[str] = frozenset(),
    labelled: frozenset[str] = frozenset(),
) -> Claim | None:
    """The note clause this claim contradicts. Precision first, since a false "与笔记矛盾"
    on a right answer is the worst thing the grader can say: the note clause must share a
    domain term with the claim itself, point the other way along a shared axis and say so
    unconditionally, and no note clause about the same things may agree (notes discuss both
    sides: "h 比 x 小" and, of another autoencoder, "h 大于 x"). A note scoped to one thing
    ("在 Bagging 的情况下…") speaks only to claims about it: named by the claim, by its clause
    before or by the question (`topic`: what an answer is about unless it contrasts)."""
    if claim.conditional:
        return None
    # The question's topic stands in only for a claim that names none of the things the
    # notes scope their claims to ("In bagging the models share no parameters" is about bagging).
    scopes = frozenset().union(*(ref.scope for ref in reference)) | labelled
    about = claim.anchors if claim.anchors & scopes else claim.anchors | (topic - claim.foreign)
    conflict: tuple[tuple[int, int], Claim] | None = None
    agree = (-1, -1)
    for ref in reference:
        if claim.foreign & ref.anchors and not claim.foreign & claim.own:
            continue  # a note about what the answer contrasts itself with
        if ref.scope and not ref.scope & about:
            continue  # "在 Bagging 的情况下，所有模型都是独立的" says nothing about dropout
        if None not in (ref.subject, claim.subject) and ref.subject not in claim.anchors:
            continue  # about another thing ("maxout 单元…凸函数" is not "training is non-convex")
        shared = claim.own & ref.anchors
        own = claim.own & ref.own
        # About the same things: two concepts of both clauses, or three with the context.
        if len(own) < MIN_SHARED and len(shared) < MIN_SHARED + 1:
            continue
        if not any(is_domain(c) for c in shared):
            continue
        flipped, common = _flips(claim, ref, is_domain)
        if common == 0:
            continue  # nothing comparable: neither agrees nor disagrees
        # Closeness: concepts the two clauses share themselves, then with their context.
        rank = (len(own), len(shared))
        if flipped % 2 == 0:
            # A note that agrees settles it for the answer unless a closer one disagrees
            # ("selects the variable that maximizes the gain" is closer to "the lowest gain"
            # than "which in turn minimizes the entropy" is).
            agree = max(agree, rank)
            continue
        if ref.conditional or ref.qualified or not any(is_domain(c) for c in own):
            continue
        if conflict is None or rank > conflict[0]:
            conflict = (rank, ref)
    if conflict is None or conflict[0] <= agree:
        return None
    return conflict[1]


def find_contradictions(
    answer_claims: Sequence[Claim],
    reference: Sequence[Claim],
    lexicon: Lexicon,
    topic: frozenset[str] = frozenset(),
    is_term: Callable[[str], bool] | None = None,
    labelled: frozenset[str] = frozenset(),
) -> list[tuple[Claim, Claim]]:
    """(answer clause, note clause) pairs that contradict each other; `topic` is what the
    question is about, `is_term` what counts as a term of the subject (default: the
    lexicon's domain terms), `labelled` the terms the notes label sentences with."""
    found = []
    for claim in answer_claims:
        ref = contradiction(claim, reference, is_term or lexicon.is_domain, topic, labelled)
        if ref is not None:
            found.append((claim, ref))
    return found

