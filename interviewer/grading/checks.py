"""The offline grader's checks, in the order they run. Each takes the `Judgement` of one
answer, adds what it established (statuses, wrong claims, honesty verdicts) and returns a
`CheckReport` — the grade's `checks` list is these reports, so a reader can follow an answer
through the grader here, top to bottom (the last two, on what the answer is about, are in
scope_checks.py)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from interviewer.grading.alignment import matched_by_meaning
from interviewer.grading.contradiction import claims, find_contradictions, unnegated
from interviewer.grading.denial import denied_links
from interviewer.grading.denied_abilities import abilities, denied_abilities
from interviewer.grading.denied_terms import affirmed_denials, denials
from interviewer.grading.honesty import (
    asks_for_list,
    explanation_factor,
    is_non_answer,
    is_stuffed,
)
from interviewer.grading.judgement import Judgement, Wrong
from interviewer.grading.matching import (
    AnswerView,
    match_point,
    named_only,
    status_for,
)
from interviewer.grading.misconceptions import find_misconceptions
from interviewer.grading.model import CheckReport, Status
from interviewer.grading.opposite_prefixes import turned_prefixes
from interviewer.grading.order_words import asserted_orders
from interviewer.grading.polarity import polarity_flips, stances, undenied_matches
from interviewer.grading.ratios import upside_down
from interviewer.grading.relations import identified, reversed_relations
from interviewer.grading.relations import relations as find_relations
from interviewer.grading.removal import removals
from interviewer.grading.scope_checks import alignment, relevance
from interviewer.grading.steps import reversed_steps
from interviewer.grading.substitution import substituted
from interviewer.grading.support import NOTABLE_LOSS, UNKNOWN, answer_support, support_loss
from interviewer.grading.swaps import swapped_formulas, swapped_terms
from interviewer.grading.values import differing
from interviewer.grading.verdict import opposite

Check = Callable[[Judgement], CheckReport]


def cap_status(status: Status, demote: bool = False) -> Status:
    """At most "partly" (a term named, not explained); `demote` also drops partly to missed."""
    if status == "covered":
        return "partly"
    return "missed" if demote else status


def _only(terms: dict[str, float], present: set[str], named: frozenset[str]) -> bool:
    """True when every term of a point the answer has is one it only lists."""
    found = present.intersection(terms)
    return bool(found) and found <= named


def honesty(j: Judgement) -> CheckReport:
    """Empty and non-answers (which end grading at 0), instructions to the grader, and
    answers that only list terms."""
    found = []
    if j.injected:
        j.findings.injected = j.verdicts.injected = True
        j.flags.append("injection")
        found.append("instructions to the grader ignored")
    if is_non_answer(j.text, j.view, j.tools.lexicon.is_domain):
        j.findings.non_answer = j.finished = True
        j.flags.append("non_answer")
        return CheckReport(name="honesty", found=[*found, "no answer to grade"])
    j.findings.stuffed = j.verdicts.stuffed = is_stuffed(j.view)
    if j.findings.stuffed:
        j.flags.append("keyword_stuffing")
        found.append("a list of terms without explanation")
    j.verdicts.explained = explanation_factor(j.view)
    j.verdicts.listing = asks_for_list(j.question.title)
    return CheckReport(name="honesty", found=found)


def coverage(j: Judgement) -> CheckReport:
    """How well the answer makes each rubric point; a term only named or listed is not a
    point explained."""
    points = j.prepared.reference.points
    j.matches, by_meaning = matched_by_meaning(j, [match_point(p, j.view) for p in points])
    j.matches = undenied_matches(j.view, points, j.matches, j.tools.lexicon.text_concepts)
    statuses = [status_for(match.strength) for match in j.matches]
    if j.findings.stuffed:
        statuses = [cap_status(st) for st in statuses]
    else:
        named = named_only(j.view, j.tools.lexicon)
        present = set(j.view.concepts)
        statuses = [cap_status(st) if not point.label and _only(point.core, present, named)
                    else st for point, st in zip(points, statuses, strict=True)]
    j.statuses = statuses
    covered = sum(st == "covered" for st in statuses)
    partly = sum(st == "partly" for st in statuses)
    found = [f"{covered} of {len(points)} key points covered, {partly} partly"]
    # A point lined up by meaning alone is on the subject, not checked: across languages
    # the other checks compare only what both write alike (names, formulas, numbers).
    meaning = sum(1 for i in by_meaning if statuses[i] != "missed")
    if meaning:
        j.findings.by_meaning = meaning
        j.flags.append("statements_unchecked")
        found.append(f"{meaning} of them matched by meaning only (the answer is in another "
                     f"language than the notes): its statements were not checked")
    return CheckReport(name="coverage", found=found)


def support(j: Judgement) -> CheckReport:
    """How much of what the answer says the notes say too: each sentence against the passage
    of the notes closest to it (in the notes' language only: words are compared)."""
    if j.language != j.prepared.language:
        return CheckReport(name="support", ran=False,
                           note="the answer is in another language than the notes")
    weights = j.tools.weights
    sentences = [(s.text, frozenset(c for c in s.concepts if len(c) > 1))
                 for s in j.view.sentences]
    found = answer_support(sentences, j.prepared.passages,
                           lambda c: weights(c) * (1.0 if weights.is_known(c) else UNKNOWN))
    loss = support_loss(found.share, j.prepared.trust)
    j.verdicts.unsupported = loss
    report = f"{found.backed} of {found.judged} sentences backed by the notes"
    if loss < NOTABLE_LOSS:
        return CheckReport(name="support", note=report)
    j.findings.unsupported = found.weakest
    j.flags.append("unsupported")
    return CheckReport(name="support", found=[f"much of the answer is not in the notes, "
                                              f"e.g. “{found.weakest}”"], note=report)


def _skip_claims(name: str, j: Judgement) -> CheckReport | None:
    # A list of terms claims nothing, so there is nothing to find wrong in it.
    if j.findings.stuffed:
        return CheckReport(name=name, ran=False, note="a list of terms makes no claims")
    return None


def misconceptions(j: Judgement) -> CheckReport:
    """Common misconceptions of the subject, from the domain packs that apply."""
    skipped = _skip_claims("misconceptions", j)
    if skipped:
        return skipped
    if not j.tools.misconceptions:
        return CheckReport(name="misconceptions", ran=False, note="no domain pack applies")
    found = []
    for said, fact in find_misconceptions(j.text, j.question.title, j.language,
                                          j.tools.misconceptions):
        spoiled = [i for i, m in enumerate(j.matches) if m.evidence and said in m.evidence]
        if j.add_wrong(Wrong("misconception", said, fact, spoiled[0] if spoiled else None)):
            found.append(f"{said} — {fact}")
    return CheckReport(name="misconceptions", found=found)


def contradiction(j: Judgement) -> CheckReport:
    """Claims that point the other way from the note clause about the same things
    (bigger/smaller, causes/prevents, before/after … and negations), what the notes deny of a
    thing said of it (or the reverse), relations the notes draw that the answer denies, and
    the notes' terms said with their prefix turned round ("阻塞IO" for "非阻塞IO")."""
    skipped = _skip_claims("contradiction", j)
    if skipped:
        return skipped
    lexicon = j.tools.lexicon
    reference = j.prepared.reference
    points = reference.points
    found = []
    mine = claims([s.clauses for s in j.view.sentences], lexicon=lexicon)
    clashes = [(said.text, note.text) for said, note in find_contradictions(
        mine, j.prepared.claims, lexicon, reference.title_concepts, j.tools.is_term,
        j.prepared.labels)]
    is_thing = partial(j.prepared.names_thing, is_term=j.tools.is_term)
    answered = stances([s.clauses for s in j.view.sentences], is_thing,
                       lexicon.text_concepts,
                       partial(unnegated, lexicon=lexicon))
    clashes += [(said.text, note.text)
                for said, note in polarity_flips(answered, j.prepared.stances, is_thing)
                if said.text not in {text for text, _ in clashes}]
    for said_text, note_text in clashes:
        inside = [i for i, p in enumerate(points) if note_text in p.text]
        if inside and j.statuses[inside[0]] == "covered":
            # Covered even without the clashing sentence: the answer states the point
            # correctly elsewhere, so the clash is a parsing slip, not an error.
            rest = [s for s in j.view.sentences if said_text not in s.text]
            elsewhere = AnswerView(j.view.text, rest, j.view.concepts, j.view.glue)
            if status_for(match_point(points[inside[0]], elsewhere).strength) == "covered":
                continue
        if j.add_wrong(Wrong("contradiction", said_text, note_text,
                             inside[0] if inside else None)):
            found.append(f"{said_text} — the notes: {note_text}")
    clauses = [s.clauses for s in j.view.sentences]
    for clause, sentence in denied_links(clauses, j.prepared.sentences,
                                         reference.title_concepts, lexicon, j.tools.is_term):
        inside = [i for i, p in enumerate(points) if p.text in sentence or sentence in p.text]
        if j.add_wrong(Wrong("contradiction", clause, sentence, inside[0] if inside else None)):
            found.append(f"{clause} — the notes: {sentence}")
    for removal in removals(clauses, points, [text for text, _ in j.prepared.sentences],
                            reference.title_concepts, lexicon):
        point = points[removal.point]
        message = (f"你说要去掉「{removal.removed}」，但笔记把它列为做法：「{point.statement}」。"
                   if j.zh else f"You said to do without “{removal.removed}”, but the notes "
                   f"recommend it: “{point.statement}”.")
        if j.add_wrong(Wrong("removal", removal.clause, point.statement, removal.point,
                             message)):
            found.append(f"{removal.clause} — removes what the notes recommend: "
                         f"{point.statement}")
    notes = [text for text, _ in j.prepared.sentences]
    concepts_of, topic = lexicon.text_concepts, reference.title_concepts
    denied = denials(notes, concepts_of, j.tools.is_term)
    able = abilities(notes, concepts_of, j.tools.is_term)
    turned_round = [(c, d.note) for c, d in affirmed_denials(j.text, denied, concepts_of, topic)]
    turned_round += [(c, a.note) for c, a in denied_abilities(j.text, able, concepts_of, topic)]
    for clause, note in turned_round:
        if j.add_wrong(Wrong("contradiction", clause, note)):
            found.append(f"{clause} — the notes: {note}")
    for turned in turned_prefixes(j.text, notes):
        message = (f"「{turned.clause}」把笔记里的「{turned.meant}」说成了「{turned.said}」："
                   f"笔记里说「{turned.note}」。" if j.zh else
                   f"“{turned.clause}” says {turned.said} where the notes say {turned.meant}: "
                   f"“{turned.note}”.")
        if j.add_wrong(Wrong("contradiction", turned.clause, turned.note, None, message)):
            found.append(f"{turned.clause} — the notes: {turned.note}")
    flipped = opposite(j.question.title, j.question.answer, j.text)
    if flipped is not None:
        opening, conclusion = flipped
        inside = [i for i, p in enumerate(points)
                  if p.text in conclusion or conclusion[:40] in p.text]
        message = (f"你的结论是「{opening}」，但笔记的结论相反：「{conclusion}」。" if j.zh else
                   f"You answered “{opening}”, but the notes conclude the opposite: "
                   f"“{conclusion}”.")
        if j.add_wrong(Wrong("verdict", opening, conclusion, inside[0] if inside else None,
                             message)):
            found.append(f"{opening} — the notes conclude the opposite: {conclusion}")
    return CheckReport(name="contradiction", found=found)


def swapped(j: Judgement) -> CheckReport:
    """Sibling terms mixed up: the answer says of one what the notes say of the other."""
    skipped = _skip_claims("swapped_terms", j)
    if skipped:
        return skipped
    named = any(point.name for point in j.prepared.reference.points)
    if not j.prepared.siblings and not named:
        return CheckReport(name="swapped_terms", ran=False,
                           note="the notes define no terms side by side here")
    found = []
    for wrong in swapped_terms(j):
        if j.add_wrong(wrong):
            found.append(wrong.message)
    return CheckReport(name="swapped_terms", found=found)


def substitutions(j: Judgement) -> CheckReport:
    """A note statement said back with a term replaced by the one the notes set against it."""
    skipped = _skip_claims("substitution", j)
    if skipped:
        return skipped
    if not j.prepared.counterparts:
        return CheckReport(name="substitution", ran=False,
                           note="the notes set no terms against each other here")
    found = []
    for sentence in j.view.sentences:
        for clause, _ in sentence.clauses:
            hit = substituted(clause, j.prepared.counterparts, j.prepared.statements)
            if hit is None:
                continue
            (old, new), note = hit
            glue = "" if j.zh else " "
            said, meant = glue.join(old), glue.join(new)
            message = (f"「{clause}」把「{meant}」说成了「{said}」：笔记里说「{note.text}」。"
                       if j.zh else f"“{clause}” says {said} where the notes say {meant}: "
                                    f"“{note.text}”.")
            if j.add_wrong(Wrong("substitution", clause, note.text, None, message)):
                found.append(message)
    return CheckReport(name="substitution", found=found)


def relations(j: Judgement) -> CheckReport:
    """One-way relations said backwards ("A is based on B" where the notes say B is based on
    A) and two things the notes tell apart said to be the same."""
    skipped = _skip_claims("relations", j)
    if skipped:
        return skipped
    if not j.prepared.relations and not j.prepared.apart:
        return CheckReport(name="relations", ran=False,
                           note="the notes state no one-way relation and tell nothing apart here")
    lexicon, is_term = j.tools.lexicon, j.tools.is_term
    found = []
    sentences = [s.text for s in j.view.sentences]
    for said, note in reversed_relations(find_relations(sentences, lexicon, is_term),
                                         j.prepared.relations):
        message = (f"「{said.text}」把关系说反了：笔记里说「{note.text}」。" if j.zh else
                   f"“{said.text}” puts the relation the wrong way round: the notes say "
                   f"“{note.text}”.")
        if j.add_wrong(Wrong("reversed", said.text, note.text, None, message)):
            found.append(message)
    for sentence in j.view.sentences:
        for clause, _ in sentence.clauses:
            hit = identified(clause, j.prepared.apart, lexicon, is_term)
            if hit is None:
                continue
            message = (f"「{clause}」把笔记区分开的两者当成了一回事：笔记里说「{hit}」。"
                       if j.zh else f"“{clause}” says two things are the same that the notes "
                       f"tell apart: “{hit}”.")
            if j.add_wrong(Wrong("identified", clause, hit, None, message)):
                found.append(message)
    return CheckReport(name="relations", found=found)


def steps(j: Judgement) -> CheckReport:
    """Steps the answer says in an order (sequence words, before/after, arrows, numbering)
    that is the other way round from the order the notes give them."""
    skipped = _skip_claims("steps", j)
    if skipped:
        return skipped
    notes = j.prepared.procedures
    if not notes:
        return CheckReport(name="steps", ran=False, note="the notes give no steps in order here")
    points = j.prepared.reference.points
    found = []
    for rev in reversed_steps(asserted_orders(j.text), notes, j.tools.lexicon, j.tools.is_term):
        message = rev.message(j.zh)
        inside = [i for i, p in enumerate(points)
                  if rev.later.text in p.text or p.text in rev.later.text]
        if j.add_wrong(Wrong("order", rev.said.text, f"{rev.earlier.text} → {rev.later.text}",
                             inside[0] if inside else None, message)):
            found.append(message)
    return CheckReport(name="steps", found=found,
                       note=f"{len(notes)} ordered sequence{'' if len(notes) == 1 else 's'} "
                            f"in the notes")


def formulas(j: Judgement) -> CheckReport:
    """Formulas the answer gives for something the notes give a formula for, and ratios
    said in words that are the notes' ratio upside down."""
    skipped = _skip_claims("formulas", j)
    if skipped:
        return skipped
    if not j.prepared.formulas and not j.prepared.ratios:
        return CheckReport(name="formulas", ran=False, note="the notes give no formula here")
    found = []
    for wrong in swapped_formulas(j) + _upside_down(j):
        if j.add_wrong(wrong):
            found.append(wrong.message)
    return CheckReport(name="formulas", found=found)


def _upside_down(j: Judgement) -> list[Wrong]:
    found = []
    sentences = [s.text for s in j.view.sentences]
    for said, ratio, note in upside_down(sentences, j.prepared.ratios, j.tools.lexicon):
        message = (f"「{ratio.text}」把笔记里的比值颠倒了：笔记里说「{note}」。" if j.zh else
                   f"“{ratio.text}” turns the notes' ratio upside down; the notes say “{note}”.")
        found.append(Wrong("formula", said, note, None, message))
    return found


def values(j: Judgement) -> CheckReport:
    """Numbers, dimensions, percentages and complexities the answer gives for something the
    notes give another value for ("the default load factor is 0.5" against the notes' 0.75)."""
    skipped = _skip_claims("values", j)
    if skipped:
        return skipped
    if not j.prepared.values:
        return CheckReport(name="values", ran=False, note="the notes state no values here")
    points = j.prepared.reference.points
    found = []
    for sentence in j.view.sentences:
        hit = differing(sentence.text, j.prepared.values, j.tools.lexicon, j.tools.weights,
                        j.prepared.reference.title_concepts)
        if hit is None:
            continue
        value, note = hit
        message = (f"「{sentence.text}」里的 {value.text} 与笔记不符：笔记里说「{note.sentence}」。"
                   if j.zh else f"“{value.text}” in “{sentence.text}” is not the notes' value: "
                   f"the notes say “{note.sentence}”.")
        inside = [i for i, p in enumerate(points) if note.sentence in p.text]
        if j.add_wrong(Wrong("value", sentence.text, note.sentence,
                             inside[0] if inside else None, message)):
            found.append(message)
    return CheckReport(name="values", found=found)


CHECKS: tuple[Check, ...] = (
    honesty,
    coverage,
    support,
    misconceptions,
    contradiction,
    swapped,
    substitutions,
    relations,
    steps,
    formulas,
    values,
    relevance,
    alignment,
)
