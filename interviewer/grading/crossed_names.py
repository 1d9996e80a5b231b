"""Two things the notes tell apart, swapped in an answer in the other language: "AOF is a full
snapshot of memory" where the Chinese notes say "RDB是全量快照". Words cannot be compared across
languages, but names such as "RDB" and "AOF" are written alike: each answer clause that names
one of them is compared by sentence vectors, every name masked, with what the notes say of
each; a clause clearly closer to what they say of another one says it of the wrong thing."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from interviewer.grading.alignment import ALIKE, MAX_SENTENCES
from interviewer.grading.matching import split_clauses

if TYPE_CHECKING:
    from interviewer.grading.judgement import Judgement, Wrong
    from interviewer.grading.swaps import Sibling

# e5's cosines sit in a narrow band: a clause is about another thing when what the notes say
# of that thing is this much closer to it than what they say of the thing it names (a clause
# of a right answer leans towards its own thing by about as much).
MARGIN = 0.015
_CONTRAST = re.compile(r"\b(?:while|whereas)\b|而", re.IGNORECASE)
MASK = "X"
_NEGATED = re.compile(r"不|没|无|非|未|\b(?:not|no|never|cannot|without)\b|n't", re.IGNORECASE)


def _named(clause: str, names: Sequence[str]) -> list[int]:
    return [i for i, name in enumerate(names)
            if re.search(rf"(?<![A-Za-z0-9]){re.escape(name)}(?![A-Za-z0-9])", clause, re.I)]


def _masked(text: str, names: Sequence[str]) -> str:
    for name in sorted(names, key=len, reverse=True):
        text = re.sub(rf"(?<![A-Za-z0-9]){re.escape(name)}(?![A-Za-z0-9])", MASK, text,
                      flags=re.IGNORECASE)
    return text


def crossed_names(j: Judgement) -> list[Wrong]:
    """Clauses of an answer in the other language than the notes that say of one named
    thing what the notes say of its sibling."""
    from interviewer.grading.judgement import Wrong

    aligner = j.tools.aligner
    if aligner is None or j.language == j.prepared.language:
        return []
    found: list[Wrong] = []
    for members in j.prepared.siblings:
        # Each thing by the one name it writes alike ("L2" of "L2 regularization").
        names = [tokens[0] if len(tokens := ALIKE.findall(m.name)) == 1 else ""
                 for m in members]
        if not all(names) or len({name.lower() for name in names}) < len(names):
            continue
        said = [_notes(m, names) for m in members]
        if not all(said):
            continue
        mine = [part for s in j.view.sentences[:MAX_SENTENCES] for part in _parts(s.text, names)]
        if not mine:
            continue
        key = f"crossed\0{j.question.id}\0{'/'.join(names)}"
        scores = aligner.cosines(key, said, [_masked(c, names) for c, _ in mine])
        for (clause, own), row in zip(mine, scores, strict=True):
            other = max((i for i in range(len(names)) if i != own), key=lambda i: row[i])
            if float(row[other]) >= float(row[own]) + MARGIN:
                this, that = members[own], members[other]
                note = max((text for text, _ in that.sentences), key=len)
                message = (f"你把「{this.name}」和「{that.name}」弄混了：「{clause}」说的是"
                           f"「{that.name}」，笔记里说「{note}」。" if j.zh else
                           f"You swapped {this.name} and {that.name}: “{clause}” is what the "
                           f"notes say of {that.name} — “{note}”.")
                found.append(Wrong("swapped", clause, note, None, message))
    return found


def _parts(sentence: str, names: Sequence[str]) -> list[tuple[str, int]]:
    """(text, which thing) for each stretch of a sentence about one named thing: from a
    clause that names it through the clauses after it that name none ("AOF is a snapshot,
    so it restores fast, while RDB logs …" is two)."""
    found: list[tuple[str, int]] = []
    current: list[str] = []
    thing = -1
    clauses = [part.strip() for clause in split_clauses(sentence)
               for part in _CONTRAST.split(clause) if part.strip()]
    for clause in [*clauses, None]:
        named = _named(clause, names) if clause is not None else [-1]
        if clause is not None and not named:
            current.append(clause)
            continue
        # Sentence vectors do not read a negation: "UDP does not guarantee delivery" is as
        # close to "TCP 保证可靠送达" as its opposite would be, so a denial says nothing here.
        kept = [c for c in current if not _NEGATED.search(c)]
        if thing >= 0 and kept and _named(kept[0], names):
            found.append(("，".join(kept), thing))
        if clause is not None and len(named) == 1:
            current, thing = [clause], named[0]
        else:
            current, thing = [], -1
    return found


def _notes(member: Sibling, names: Sequence[str]) -> str:
    """What the notes say of one thing alone, its names masked."""
    return _masked("，".join(text for text, _ in member.sentences), names)
