"""A term of the notes said with the opposite prefix: "阻塞IO" where the notes say "非阻塞IO",
"多进程" where they say "单进程", "blocking I/O" for "non-blocking I/O", "multi-threaded" for
"single-threaded". Prefixes are morphology, not facts of a subject: the term is the notes'
own, and only its prefix is turned round."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from interviewer.grading.contradiction import COMPARED, is_condition
from interviewer.grading.matching import split_clauses
from interviewer.grading.polarity import denies

# (the notes' prefix, its opposite): "" is the bare stem, which must then be followed by the
# word the notes put after it ("阻塞IO", not the verb "阻塞").
_ZH = (("非", ""), ("单", "多"), ("多", "单"))
_EN = (("non-", ""), ("non", ""), ("single-", "multi-"), ("multi-", "single-"))
# A Chinese stem is the two characters after the prefix; the word after it is a Latin word or
# the next two characters.
_ZH_TERM = re.compile(r"(?P<stem>[\u4e00-\u9fff]{2})(?P<head>[A-Za-z][\w/]*|[\u4e00-\u9fff]{2})?")
_EN_TERM = re.compile(r"(?P<stem>[A-Za-z]+)(?:\s+(?P<head>[A-Za-z][\w/]*))?")
# Before a bare stem, these still deny it ("不阻塞", "un-blocking").
_DENIED_BEFORE = re.compile(r"(?:[非不无没未]|\bnon-?|\bun-?)$", re.IGNORECASE)


@dataclass(frozen=True)
class Turned:
    """The answer's term, the notes' term it turns round, and the note sentence saying it."""

    said: str
    meant: str
    clause: str
    note: str


def _terms(sentence: str) -> list[tuple[str, str, str, str]]:
    """(prefix, opposite, stem, head) of each prefixed term of a note sentence."""
    found = []
    for pairs, term in ((_ZH, _ZH_TERM), (_EN, _EN_TERM)):
        for prefix, opposite in pairs:
            for at in _occurrences(sentence, prefix):
                match = term.match(sentence, at + len(prefix))
                if match is not None:
                    found.append((prefix, opposite, match["stem"], match["head"] or ""))
    return found


def _occurrences(text: str, prefix: str) -> list[int]:
    boundary = r"" if not prefix[0].isascii() else r"\b"
    return [m.start() for m in re.finditer(boundary + re.escape(prefix), text, re.IGNORECASE)]


def _form(prefix: str, stem: str, head: str) -> re.Pattern[str]:
    """The written term: the prefix and stem, and for a bare stem the word after it."""
    latin = stem.isascii()
    after = (r"\s+" if latin else r"\s*") + re.escape(head) if not prefix and head else ""
    before = r"\b" if latin and (not prefix or prefix[0].isascii()) else ""
    return re.compile(before + re.escape(prefix) + re.escape(stem) + after, re.IGNORECASE)


def _written(text: str, pattern: re.Pattern[str], bare: bool) -> str | None:
    for match in pattern.finditer(text):
        if bare and _DENIED_BEFORE.search(text[:match.start()]):
            continue
        return match.group()
    return None


def turned_prefixes(answer: str, notes: Sequence[str]) -> list[Turned]:
    """The answer's clauses that write a term of the notes with its prefix turned round,
    when the notes never write that form and the answer never writes the notes' own one
    (an answer that writes both contrasts them). A denial, a condition or a comparison
    ("相比阻塞IO") says nothing wrong."""
    found: list[Turned] = []
    whole = " ".join(notes)
    for note in notes:
        for prefix, opposite, stem, head in _terms(note):
            if not opposite and not head:
                continue
            theirs = _form(prefix, stem, head)
            mine = _form(opposite, stem, head)
            bare = not opposite
            if _written(whole, mine, bare) or theirs.search(answer):
                continue
            for clause in split_clauses(answer):
                said = _written(COMPARED.sub(" ", clause), mine, bare)
                if said is None or denies(clause) or is_condition(clause):
                    continue
                meant = theirs.search(note)
                turned = Turned(said, meant.group() if meant else prefix + stem, clause, note)
                if turned not in found:
                    found.append(turned)
    return found
