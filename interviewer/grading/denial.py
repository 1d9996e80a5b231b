"""Denied links: "加噪声跟正则化没关系", "has nothing to do with regularization" — an answer
that cuts a relation the notes draw between two things is wrong however it is worded."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from interviewer.grading.contradiction import is_condition
from interviewer.grading.lexicon import Lexicon

# "X 跟 Y 没关系", "has nothing to do with Y": a relation the notes draw, denied. Only the
# words for a relation itself: "对小 batch 没有帮助" may well be right, so it is not one.
_DENIAL = re.compile(
    r"(?:跟|和|与|同)\s*(?P<zh>[^，。；,;]{1,12}?)\s*(?:没有?(?:什么|任何|多大)?(?:关系|关联)|"
    r"无关|不相关|毫无关系|毫不相关)|"
    r"\b(?:nothing to do with|unrelated to|not related to|no (?:relation|connection|"
    r"relationship) (?:to|with))\s+(?:the\s+|a\s+|an\s+)?(?P<en>[^,.;:]{1,40})",
    re.IGNORECASE,
)


_ASKED = re.compile(r"[吗么?？]\s*$")


def denied_links(
    sentences: Sequence[Sequence[tuple[str, list[str]]]],
    notes: Sequence[tuple[str, frozenset[str]]],
    context: frozenset[str],
    lexicon: Lexicon,
    is_term: Callable[[str], bool] | None = None,
) -> list[tuple[str, str]]:
    """(answer clause, note sentence) for each clause that denies a link the notes draw:
    "加噪声…跟正则化没关系" where a note sentence names the noise and regularization together.
    The denied thing must be a term of the field (`is_term`, default the lexicon's domain
    terms) and no note may deny the link itself."""
    is_term = is_term or lexicon.is_domain
    found: list[tuple[str, str]] = []
    for sentence in sentences:
        previous: frozenset[str] = frozenset()
        for clause, listed in sentence:
            concepts = frozenset(c for c in listed if len(c) > 1)
            match = _DENIAL.search(clause)
            if match is not None and not is_condition(clause) and not _ASKED.search(clause):
                named = match.group("zh") or match.group("en") or ""
                # Only a thing itself: "跟输入的大小无关" denies a dependence on a quantity,
                # which a note naming the input does not settle.
                terms = lexicon.text_concepts(named)
                pure = bool(terms) and all(is_term(c) for c in terms)
                denied = set(terms) if pure else set()
                # The clause's other things, or those just before it, or the question's.
                anchors = (concepts | previous | context) - denied
                note = _linking_note(denied, anchors, notes)
                if note is not None:
                    found.append((clause, note))
            previous = concepts
    return found


def _linking_note(
    denied: set[str], anchors: frozenset[str], notes: Sequence[tuple[str, frozenset[str]]]
) -> str | None:
    """The first note sentence naming every denied term with one of the anchors, unless
    some note sentence naming them denies a link too."""
    if not denied:
        return None
    about = [(text, concepts) for text, concepts in notes if denied <= concepts]
    if any(_DENIAL.search(text) for text, _ in about):
        return None
    return next((text for text, concepts in about if anchors & (concepts - denied)), None)
