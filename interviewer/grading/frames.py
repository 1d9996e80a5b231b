"""What "before"/"after" and "inside"/"outside" are measured from. Two clauses are earlier
and later than each other only from one event ("the cleanup runs before the effect re-runs"
does not deny that "the effect runs after the first render"), and inside and outside of each
other only of one boundary ("read-only inside the child component" does not deny that props
"come from outside the component")."""

from __future__ import annotations

import re

from interviewer.grading.lexicon import Lexicon

# Up to four words after "before"/"after" ("before the effect re-runs"), or the words between
# "在" (or the clause's start) and "之前/之后" ("在事务提交之后").
_SINCE = re.compile(r"\b(?:before|after)\s+(?P<en>(?:[\w'’-]+\s*){1,4})|"
                    r"(?:在|^)\s*(?P<zh>[^，,；;。在]{1,12}?)\s*(?:之前|以前|之后|以后)",
                    re.IGNORECASE)


def events(clause: str, lexicon: Lexicon | None) -> frozenset[str]:
    """The concepts of what the clause's "before"/"after" is measured from."""
    if lexicon is None:
        return frozenset()
    named = " ".join(match.group("en") or match.group("zh") or ""
                     for match in _SINCE.finditer(clause))
    return frozenset(c for c in lexicon.text_concepts(named) if len(c) > 1)


def same_event(a: frozenset[str], b: frozenset[str]) -> bool:
    """True unless both clauses name what they measure from and the two share nothing."""
    return not (a and b) or bool(a & b)


# "inside the child component", "outside of the host": the boundary, a word or two after it,
# ending where another preposition starts ("outside the host over the network").
_BOUNDARY = re.compile(
    r"\b(?:inside|outside|within)\s+(?:of\s+)?(?:the\s+|a\s+|an\s+|its\s+|their\s+)?"
    r"(?P<en>[A-Za-z][\w-]*(?:\s+(?!(?:over|and|or|by|with|to|from|through|via|in|on|"
    r"at|for)\b)[A-Za-z][\w-]*)?)",
    re.IGNORECASE)


def boundaries(clause: str, lexicon: Lexicon | None) -> frozenset[str]:
    """The concepts of the boundary the clause's "inside"/"outside" is of."""
    if lexicon is None:
        return frozenset()
    named = " ".join(match.group("en") for match in _BOUNDARY.finditer(clause))
    return frozenset(c for c in lexicon.text_concepts(named) if len(c) > 1)


def same_boundary(a: frozenset[str], b: frozenset[str]) -> bool:
    """True unless both clauses name their boundary and the two differ: "the child
    component" is not "the component"."""
    return not (a and b) or a == b
