"""Removing what the notes recommend: "缓解过拟合要去掉正则化", "stop using early stopping" —
an answer that gives up a thing the notes present as one of the ways to do what is asked.
Words for removing are generic; what may be removed comes from the notes: a thing the notes
themselves remove ("随机删除一部分神经元") is not one of them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from interviewer.grading.contradiction import is_condition
from interviewer.grading.lexicon import Lexicon
from interviewer.grading.rubric import RubricPoint
from interviewer.text import cut

# Saying to do without something (not describing a mechanism: "removes the rest" is one).
# Telling the candidate a step is not needed counts too ("you don't need git add", "你不需要
# twine"); a thing that does not need another ("CAS doesn't need a lock") is a property.
_REMOVE = re.compile(
    r"去掉|去除|拿掉|取消|不用|不要用|别用|禁用|不使用|舍弃|你(?:并)?(?:不需要|无需|没必要)|"
    r"\b(?:remove|removing|get rid of|getting rid of|disable|disabling|stop using|"
    r"don't use|do not use|never use|drop|you (?:don't|do not|won't|will not) need(?: to use)?|"
    r"(?:there is |there's )?no need (?:for|to use))\b",
    re.IGNORECASE,
)
# Any word for removing or doing without, in the notes: what they remove, or say is not
# needed ("而无需回表查询", "no need to lock"), may be removed.
_NOTES_REMOVE = re.compile(
    r"去掉|去除|拿掉|取消|删除|删掉|丢弃|丢掉|移除|舍弃|无需|无须|不需要|不必|不用|免去|"
    r"\b(?:remov\w*|drop\w*|discard\w*|delet\w*|eliminat\w*|without|no need (?:to|for))\b",
    re.IGNORECASE,
)
# What is removed: the words right after the verb, up to a break or a joining word.
_OBJECT = re.compile(
    r"\s*(?:(?:the|a|an|all|any)\s+)?(?P<object>[^，。；、,;:：.!?！？]{1,24}?)"
    r"(?=\s+(?:and|or|to|from|with|in|for|so|because)\b|[和与及并让使来，。；、,;:：.!?！？]|$)",
    re.IGNORECASE,
)
_NEGATED = re.compile(
    r"(?:不要|不能|不该|不应该?|不必|别|不|没有?|未|"
    r"\b(?:never|not|don't|do not|shouldn't|should not|no need to))\s*$",
    re.IGNORECASE,
)
# A sentence about what removing leads to ("去掉正则化，模型就会过拟合") is right.
_CONSEQUENCE = re.compile(
    r"会|导致|造成|引起|容易|就|否则|"
    r"\b(?:would|will|causes?|leads?|results?|makes?|otherwise|overfits?|worse)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Removal:
    """A clause that removes what a rubric point recommends."""

    clause: str
    removed: str
    point: int


def removals(
    sentences: Sequence[Sequence[tuple[str, list[str]]]],
    points: Sequence[RubricPoint],
    note_sentences: Sequence[str],
    asked: frozenset[str],
    lexicon: Lexicon,
) -> list[Removal]:
    """Each answer clause that says to do without a thing one of the `points` is about,
    unless the notes remove that thing too or the question asks about it (`asked`)."""
    found: list[Removal] = []
    removable: frozenset[str] | None = None
    for sentence in sentences:
        whole = "".join(clause for clause, _ in sentence)
        if _CONSEQUENCE.search(whole):
            continue
        for clause, _ in sentence:
            if is_condition(clause):
                continue
            for verb in _REMOVE.finditer(clause):
                if _NEGATED.search(clause[: verb.start()]):
                    continue
                thing = _OBJECT.match(clause, verb.end())
                if thing is None:
                    continue
                concepts = set(lexicon.concepts(cut(thing["object"]))) - asked
                if removable is None:
                    removable = _removable(note_sentences, lexicon)
                point = _recommending(points, concepts - removable)
                if point is not None:
                    found.append(Removal(clause, thing["object"].strip(), point))
                    break
    return found


def _removable(note_sentences: Sequence[str], lexicon: Lexicon) -> frozenset[str]:
    """The things the notes themselves remove."""
    out: set[str] = set()
    for sentence in note_sentences:
        for verb in _NOTES_REMOVE.finditer(sentence):
            thing = _OBJECT.match(sentence, verb.end())
            if thing is not None:
                out.update(lexicon.concepts(cut(thing["object"])))
    return frozenset(out)


def _recommending(points: Sequence[RubricPoint], concepts: set[str]) -> int | None:
    """The point that recommends one of `concepts`: its key term, or a label ("**正则化**：
    …") made of its terms. A word that only occurs in a point's explanation is not it."""
    for index, point in enumerate(points):
        if (point.key is not None and point.key in concepts) or (
            point.label and concepts & set(point.core)
        ):
            return index
    # Notes with no field's terms (no key) and no labels, such as steps written as sentences
    # ("Upload the wheel to the index with twine."): the point that holds everything removed,
    # one of it its own ("twine" in no other step).
    for index, point in enumerate(points):
        others = set().union(*(set(p.core) for i, p in enumerate(points) if i != index))
        if (point.key is None and not point.label and concepts
                and concepts <= set(point.core) and concepts - others):
            return index
    return None
