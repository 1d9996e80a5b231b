"""Sibling terms mixed up and formulas that differ from the notes'. Siblings come from the
notes' structure (interviewer.terms); what the notes attach to each (the concepts of the
sentences about it alone, and the formulas written after its name) is compared with what
the answer attaches to it — no table of facts about any subject."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from interviewer.grading.contradiction import COMPARED, unnegated
from interviewer.grading.crossed_names import crossed_names
from interviewer.grading.formulas import Formula, comparable, find_formulas, same_value
from interviewer.grading.lexicon import Lexicon
from interviewer.grading.matching import split_clauses
from interviewer.grading.named_items import mixed_items
from interviewer.terms.siblings import clean_term
from interviewer.text import language_of

if TYPE_CHECKING:
    from interviewer.grading.judgement import Judgement, Wrong

# Concepts the answer attaches to a term that the notes attach only to its sibling: this
# many make a swap (one shared word is too little to say so).
MIN_BOUND = 2
# …and they must be this share of what the clause says besides the term itself.
MIN_BOUND_SHARE = 0.4
CARRIED_SHARE = 0.6
# A clause is about the term it names among its first few concepts (its subject).
SUBJECT_WITHIN = 3
_NEGATED = re.compile(r"不|没|非|无|\b(?:not|no|never|neither|nor|isn't|aren't|doesn't|don't)\b|"
                      r"n't", re.IGNORECASE)
_CLAUSE = re.compile(r"[，,；;：:]")


def _negated(text: str, lexicon: Lexicon) -> bool:
    """Whether the text denies something: the negation inside a name ("不可重复读") does not."""
    return bool(_NEGATED.search(unnegated(text, lexicon)))


# "A is X while B is Y": two clauses, one about each.
_CONTRAST = re.compile(r"\b(?:while|whereas)\b", re.IGNORECASE)
_CONTRASTED = re.compile(
    r"\s*(?:unlike|in contrast to|as opposed to|不像|不同于|有别于)(?![A-Za-z])", re.IGNORECASE
)


@dataclass(frozen=True)
class Sibling:
    """One term of a sibling set: its name, its concepts, what the notes say only of it."""

    name: str
    concepts: frozenset[str]
    bound: frozenset[str]
    """Concepts of note sentences about this term alone, never said of its siblings."""
    sentences: tuple[tuple[str, frozenset[str]], ...]


@dataclass(frozen=True)
class NoteFormula:
    """A formula of the notes, what it is the formula of, and the sentence it is in."""

    formula: Formula
    subject: frozenset[str]
    sentence: str


def _mentions(concepts: frozenset[str], term: frozenset[str]) -> bool:
    return bool(term) and term <= concepts


def _clauses(sentences: Sequence[str], lexicon: Lexicon) -> list[tuple[str, list[str]]]:
    return [(clause, [c for c in lexicon.text_concepts(_own(clause)) if len(c) > 1])
            for sentence in sentences for clause in split_clauses(sentence)]


def _own(clause: str) -> str:
    """The clause less the other side of a comparison ("faster than B" is not about B) —
    unless the clause opens with it: "unlike bagging's parallel training" says what bagging
    does."""
    return clause if _CONTRASTED.match(clause) else COMPARED.sub(" ", clause)


def _names(clause: str, name: str) -> bool:
    """True when the clause writes the term's name ("buffered" is not named by "unbuffered")."""
    pattern = rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])"
    return re.search(pattern, clause, re.IGNORECASE) is not None


def _about(listed: Sequence[str], term: frozenset[str]) -> bool:
    """True when a clause is about the term: it names it among its first concepts."""
    return _mentions(frozenset(listed), term) and bool(term & frozenset(listed[:SUBJECT_WITHIN]))


_NONE: frozenset[str] = frozenset()
# A relative clause ("commits that do not exist in your branch") qualifies a thing; its
# negation does not deny what the clause says of the term.
_RELATIVE = re.compile(r"\s+(?:that|which|who)\s+(?:do|does|did|is|are|was|were|has|have)\s+"
                       r"(?:not|n't)\b[^,;]*?(?=\s+and\s|$)", re.IGNORECASE)


def _main(clause: str) -> str:
    """The clause less its negated relative clauses."""
    return _RELATIVE.sub("", COMPARED.sub(" ", clause))


# A sentence's first clause of at most this many concepts, opening with a word that sets a
# topic or a case, is a lead-in ("When you pull, the client downloads…", "对于 X，…"): the
# clauses after it are about what it names.
LEAD_IN = 3
_LEAD = re.compile(r"^\s*(?:(?:when|if|once|for|with)\b|对于|当|使用|用)", re.IGNORECASE)


def _lead_ins(note_sentences: Sequence[str], lexicon: Lexicon) -> dict[str, frozenset[str]]:
    """Each clause after a sentence's short first clause, with that lead-in's concepts."""
    found: dict[str, frozenset[str]] = {}
    for sentence in note_sentences:
        clauses = _clauses([sentence], lexicon)
        if len(clauses) > 1 and 0 < len(clauses[0][1]) <= LEAD_IN and _LEAD.match(clauses[0][0]):
            lead = frozenset(clauses[0][1])
            for text, _ in clauses[1:]:
                found.setdefault(text, lead)
    return found


def prepare_siblings(
    sets: Sequence[Sequence[str]],
    note_sentences: Sequence[str],
    lexicon: Lexicon,
    attached: Mapping[str, str] | None = None,
) -> list[tuple[Sibling, ...]]:
    """Sibling sets with what the notes attach to each term: the clauses about it alone and
    the text under its label (`attached`: term → text); sets the notes never tell apart are
    dropped."""
    attached = attached or {}
    sentences = [(text, frozenset(c for c in lexicon.text_concepts(_main(text)) if len(c) > 1))
                 for text, _ in _clauses(note_sentences, lexicon)
                 if not _negated(_main(text), lexicon)]
    heads = {text: listed for text, listed in _clauses(note_sentences, lexicon)}
    leads = _lead_ins(note_sentences, lexicon)
    prepared = []
    for names in sets:
        full = [frozenset(c for c in lexicon.text_concepts(n) if len(c) > 1) for n in names]
        common = frozenset.intersection(*full) if full else frozenset()
        terms = [t - common for t in full]
        if any(not t for t in terms) or len(set(terms)) < len(terms):
            continue
        # What sets each term apart, word by word: notes comparing "git pull" and "git fetch"
        # (one concept each in a pack) write "when you use pull, …", the shared "git" left out.
        words = [frozenset(c for w in n.split() for c in lexicon.text_concepts(w) if len(c) > 1)
                 for n in names]
        shared = frozenset.intersection(*words) if words else frozenset()
        own = [w - shared for w in words]
        if all(own) and len(set(own)) == len(own):
            terms = own
        about = []
        for name, term in zip(names, terms, strict=True):
            others = [t for t in terms if t != term]
            alone = tuple((text, concepts) for text, concepts in sentences
                          if (_about(heads[text], term) or _mentions(leads.get(text, _NONE), term))
                          and not any(_mentions(concepts, o) for o in others))
            # The text under a term's label is about that term, whatever else it names.
            under = attached.get(clean_term(name).lower(), "")
            alone += tuple((text, frozenset(listed)) for text, listed in _clauses([under], lexicon)
                           if not _negated(text, lexicon))
            about.append(alone)
        said = [frozenset().union(*(c for _, c in alone)) for alone in about]
        everyone = frozenset().union(*full, *words)
        members = []
        for i, (name, term) in enumerate(zip(names, full, strict=True)):
            elsewhere = frozenset().union(*(s for j, s in enumerate(said) if j != i))
            bound = frozenset(c for c in said[i] - elsewhere - everyone if len(c) > 1)
            members.append(Sibling(name, term, bound, about[i]))
        if sum(1 for m in members if m.bound) >= 2:
            prepared.append(tuple(members))
    return prepared


def _subject(before: str, lexicon: Lexicon) -> frozenset[str]:
    """What a formula is the formula of: the concepts of the last clause before it."""
    parts = [p for p in _CLAUSE.split(before) if p.strip()]
    for part in reversed(parts):
        concepts = frozenset(c for c in lexicon.text_concepts(part) if len(c) > 1)
        if concepts:
            return concepts
    return frozenset()


def prepare_formulas(sentences: Sequence[str], lexicon: Lexicon) -> list[NoteFormula]:
    """The formulas the notes give, each with what it is the formula of."""
    return [NoteFormula(f, _subject(f.subject, lexicon) - f.variables, sentence)
            for sentence in sentences for f in find_formulas(sentence)]


def _say(j: Judgement, zh: str, en: str) -> str:
    return zh if j.zh else en


def _swap(
    clause: str, concepts: frozenset[str], this: Sibling, members: Sequence[Sibling],
    carried: bool = False,
) -> tuple[Sibling, str] | None:
    """(the sibling whose notes the clause repeats, the note clause) when the clause says
    of `this` what the notes say only of that sibling. A clause that does not name `this`
    itself (`carried` from its sentence) needs more of the sibling's words."""
    said = concepts - this.concepts
    if said & this.bound:
        return None
    least, share = (MIN_BOUND + 1, CARRIED_SHARE) if carried else (MIN_BOUND, MIN_BOUND_SHARE)
    # A named clause is judged by the words that tell the siblings apart ("mean pooling 把梯度
    # 传给值最大的像素": 传给, 像素 are max pooling's), not by all it says around them.
    told = said if carried else said & frozenset().union(*(m.bound for m in members))
    for other in members:
        bound = said & other.bound
        # Notes that tell the siblings apart by one word each ("struct … public", "class …
        # private") make that word enough in a clause that names its term.
        needed = least if carried else max(1, min(least, len(other.bound)))
        if (other is this or len(bound) < needed or len(bound) < share * len(told)
                or _names(clause, other.name)):
            continue
        note = max(other.sentences, key=lambda s: len(s[1] & said))[0]
        if not _names(note, this.name):
            # Text under a label ("Bagging：训练集是…") is quoted with it: without its term
            # the quote does not say whose it is.
            colon = "：" if language_of(note) == "zh" else ": "
            return other, note if _names(note, other.name) else f"{other.name}{colon}{note}"
    return None


def swapped_terms(j: Judgement) -> list[Wrong]:
    """Clauses that say of one sibling what the notes say only of another. A clause that
    names no sibling speaks of the one its sentence last named ("L1, or Ridge, penalizes
    the squares": the penalty is L1's)."""
    from interviewer.grading.judgement import Wrong

    found: list[Wrong] = []
    lexicon = j.tools.lexicon
    for sentence in j.view.sentences:
        current: dict[int, Sibling] = {}
        parts = [part for clause, _ in sentence.clauses for part in _CONTRAST.split(clause)]
        for clause in (part.strip() for part in parts if part.strip()):
            listed = [c for c in lexicon.text_concepts(COMPARED.sub(" ", clause)) if len(c) > 1]
            concepts = frozenset(listed)
            head = frozenset(listed[:SUBJECT_WITHIN])
            negated = _negated(clause, lexicon)
            for index, members in enumerate(j.prepared.siblings):
                # A sibling named in passing ("…偏移" naming 均值) is not the clause's subject.
                named = [m for m in members if _mentions(concepts, m.concepts)
                         and m.concepts & head]
                if len(named) > 1:
                    current.pop(index, None)
                    continue
                if named:
                    current[index] = named[0]
                this = current.get(index)
                # "the test set is not used for tuning" is right, not a swap.
                if this is None or negated:
                    continue
                swap = _swap(clause, concepts, this, members, carried=not named)
                if swap is None:
                    continue
                other, note = swap
                message = _say(
                    j, f"你把「{this.name}」和「{other.name}」弄混了：「{clause}」说的是"
                       f"「{other.name}」，笔记里说「{note}」。",
                    f"You swapped {this.name} and {other.name}: “{clause}” is what the "
                    f"notes say of {other.name} — “{note}”.")
                found.append(Wrong("swapped", clause, note, None, message))
                break
    # Across languages the words differ; the names are written alike. Items named by code
    # names share their words; which one an answer names is written.
    return found + crossed_names(j) + mixed_items(j)


def swapped_formulas(j: Judgement) -> list[Wrong]:
    """Formulas of the answer that differ from the notes' formula for the same thing, or
    that are the notes' formula for a sibling."""
    from interviewer.grading.judgement import Wrong

    found: list[Wrong] = []
    lexicon = j.tools.lexicon
    notes = j.prepared.formulas
    for sentence in j.view.sentences:
        for formula in find_formulas(sentence.text):
            subject = _subject(formula.subject, lexicon) - formula.variables
            if not subject:
                continue
            same = [n for n in notes if comparable(formula, n.formula)
                    and same_value(formula, n.formula)]
            if any(n.subject & subject for n in same):
                continue  # the notes' formula for the same thing, however written
            mine = [n for n in notes if n.subject & subject and comparable(formula, n.formula)]
            if not mine:
                continue
            right = max(mine, key=lambda n: len(n.subject & subject))
            said = sentence.text
            if same:
                other = same[0]
                message = _say(
                    j, f"「{formula.text}」是笔记里另一个量的公式（「{other.sentence}」）；"
                       f"笔记里说「{right.sentence}」。",
                    f"“{formula.text}” is the notes' formula for something else "
                    f"(“{other.sentence}”); the notes say “{right.sentence}”.")
            else:
                message = _say(
                    j, f"公式「{formula.text}」与笔记不符：笔记里说「{right.sentence}」。",
                    f"The formula “{formula.text}” differs from the notes, which say "
                    f"“{right.sentence}”.")
            found.append(Wrong("formula", said, right.sentence, None, message))
    return found
