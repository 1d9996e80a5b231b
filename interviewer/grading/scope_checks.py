"""The checks of what an answer is about, run last: whether it answers this question
(not a restatement of it, not another question of the notes) and which of its sentences the
notes could verify."""

from __future__ import annotations

from interviewer.grading.alignment import aligned_sentences
from interviewer.grading.honesty import better_question, is_restated
from interviewer.grading.judgement import Judgement
from interviewer.grading.model import CheckReport
from interviewer.grading.scoring import capped, coverage_ratio
from interviewer.grading.verdict import asks_yes_or_no, verdict

# Off-topic only when the asked question is covered this little.
OFF_TOPIC_BELOW = 0.35


def relevance(j: Judgement) -> CheckReport:
    """Answers that restate the question, or answer another question of the notes."""
    reference = j.prepared.reference
    tools = j.tools
    strengths = [capped(m.strength, st) for m, st in zip(j.matches, j.statuses, strict=True)]
    # Credit, not statuses: a few "partly"s from shared words do not make an answer about
    # one thing an answer about another.
    j.ratio = coverage_ratio(strengths, claims=reference.claims)
    # "不会，新值不会被这次持久化" uses the question's words, but gives the notes' verdict: a
    # bare answer, not a restatement.
    if is_restated(j.view, reference.title_concepts, tools.weights, tools.lexicon.is_domain) \
            and not _gives_the_verdict(j):
        j.findings.restated = j.verdicts.restated = True
        j.flags.append("restated")
        return CheckReport(name="relevance", found=["restates the question"])
    if j.ratio < OFF_TOPIC_BELOW:
        other = better_question(j.view.concepts, j.question.id, tools.index, tools.weights,
                                tools.lexicon.is_domain)
        if other is not None:
            found_q = tools.bank.get(other[0])
            j.findings.off_topic = found_q.title if found_q else other[0]
            j.verdicts.off_topic = True
            j.flags.append("off_topic")
            return CheckReport(name="relevance", found=[f"answers another question: "
                                                        f"{j.findings.off_topic}"])
    return CheckReport(name="relevance")


def _gives_the_verdict(j: Judgement) -> bool:
    """Whether a yes/no question is answered with the notes' own verdict."""
    if not asks_yes_or_no(j.question.title):
        return False
    mine = verdict(j.text)
    return mine is not None and mine == verdict(j.question.answer)


def alignment(j: Judgement) -> CheckReport:
    """Which of the answer's sentences could be lined up with a sentence of the notes: what
    the other checks could verify. Nothing aligned means nothing was verified."""
    sentences, aligned, method = aligned_sentences(j)
    if sentences and not aligned:
        j.findings.unverified = True
        j.flags.append("unverified")
        return CheckReport(name="alignment", found=["no sentence of the answer could be "
                                                    "matched with the notes"], note=method)
    return CheckReport(name="alignment", found=[f"{aligned} of {sentences} sentences "
                                                f"matched with the notes"], note=method)
