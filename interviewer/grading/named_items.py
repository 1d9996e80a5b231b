"""Items of a list the notes name by code names, mixed up: "volatile-lru 是在所有 key 中淘汰"
where the notes say "volatile-lru：在设有过期时间的 key 中…" and "allkeys-lru：在所有 key 中…".
Such items share most of their words (every one of them "淘汰" keys), so no word is one
item's alone; a clause that names one item is held against what the notes say of each, and
one that says clearly more of another item's explanation than of its own names the wrong
item."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from interviewer.grading.matching import split_clauses

if TYPE_CHECKING:
    from interviewer.grading.judgement import Judgement, Wrong
    from interviewer.grading.rubric import RubricPoint

# A clause says another item's explanation when it shares this much more weight with it than
# with its own item's (at least one word of the other's that its own lacks).
MIN_LEAD = 1.0


def _written(name: str, text: str) -> bool:
    squeeze = "".join(name.lower().replace("-", "").split())
    return squeeze in "".join(text.lower().replace("-", "").split())


def mixed_items(j: Judgement) -> list[Wrong]:
    """Clauses that name one code-named item and say what the notes say of another."""
    from interviewer.grading.judgement import Wrong

    items = [p for p in j.prepared.reference.points if p.name]
    if len(items) < 2:
        return []
    concepts_of = j.tools.lexicon.text_concepts
    weight = j.tools.weights
    named = [_concepts(p.name, concepts_of) for p in items]
    told = [_concepts(p.text, concepts_of) - n for p, n in zip(items, named, strict=True)]
    found: list[Wrong] = []
    for sentence in j.view.sentences:
        for clause in split_clauses(sentence.text):
            at = [i for i, p in enumerate(items) if _written(p.name, clause)]
            if len(at) != 1:
                continue
            own = at[0]
            said = _concepts(clause, concepts_of) - named[own] - j.prepared.reference.title_concepts
            other = _closer(said, told, own, weight)
            if other is None:
                continue
            this, that = items[own], items[other]
            message = (f"你把「{this.name}」和「{that.name}」弄混了：「{clause}」说的是"
                       f"「{that.name}」，笔记里说「{that.text}」。" if j.zh else
                       f"You swapped {this.name} and {that.name}: “{clause}” is what the notes "
                       f"say of {that.name} — “{that.text}”.")
            found.append(Wrong("swapped", clause, that.text, _index(j, this), message))
    return found


def _concepts(text: str, concepts_of: Callable[[str], Sequence[str]]) -> frozenset[str]:
    return frozenset(c for c in concepts_of(text) if len(c) > 1)


def _closer(said: frozenset[str], told: Sequence[frozenset[str]], own: int,
            weight: Callable[[str], float]) -> int | None:
    """The item whose explanation the clause says clearly more of than its own's."""
    def share(i: int) -> float:
        return sum(weight(c) for c in said & told[i])

    mine = share(own)
    best = max((i for i in range(len(told)) if i != own), key=share)
    if share(best) < mine + MIN_LEAD or not (said & told[best]) - told[own]:
        return None
    return best


def _index(j: Judgement, point: RubricPoint) -> int | None:
    """The index of a point in the rubric: the one a mixed-up clause spoils."""
    points = j.prepared.reference.points
    return next((i for i, p in enumerate(points) if p is point), None)
