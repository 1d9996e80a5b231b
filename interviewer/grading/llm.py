"""The LLM grader: question, reference answer, rubric, related notes and the delimited answer
go to an OpenAI-compatible chat endpoint; the structured-output chain is
json_schema → json_object (+ one corrective retry) → the offline grader, with a `notice`
saying why. The whole grade stays within 3× INTERVIEWER_TIMEOUT."""

from __future__ import annotations

import secrets
import time
from typing import TYPE_CHECKING

from pydantic import ValidationError

from interviewer.grading.levels import FILE_NAME, LEVELS, LevelMemory
from interviewer.grading.llm_client import ChatClient, Completion, LLMFailure
from interviewer.grading.llm_schema import GradingReply, reply_schema_text, response_format
from interviewer.grading.llm_score import build_grade
from interviewer.grading.model import Grade
from interviewer.grading.prompts import Prompts, bundled_prompts
from interviewer.text import language_of

if TYPE_CHECKING:
    from interviewer.config import Settings
    from interviewer.grading.model import Grader
    from interviewer.notes.model import Question

# Share of the 3× timeout bound the LLM may use; the rest covers the offline grade and
# building the result.
BUDGET_FACTOR = 2.7
REFERENCE_CHARS = 4000
PROMPT_CHARS = 3000
CONTEXT_CHUNKS = 4
CONTEXT_CHARS = 600
ANSWER_CHARS = 6000
LANGUAGE_NAMES = {"zh": "Chinese (简体中文)", "en": "English"}


def asked(question: Question) -> str:
    """The question as the notes ask it: its title with the options or program it comes with
    (an output question cannot be graded without its program)."""
    prompt = question.prompt.strip()[:PROMPT_CHARS]
    return f"{question.title}\n\n{prompt}" if prompt else question.title


def _problem(completion: Completion, points: int) -> tuple[GradingReply | None, str]:
    """The validated reply, or None and what was wrong with the completion."""
    if not completion.content.strip():
        return None, "the reply was empty"
    text = completion.content.strip()
    if text.startswith("```"):
        # Some models fence JSON even when told not to.
        text = text.strip("`").removeprefix("json").strip()
    try:
        reply = GradingReply.model_validate_json(text)
    except ValidationError as exc:
        cut = " (it was cut off: be shorter)" if completion.finish_reason == "length" else ""
        errors = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'reply'}: {err['msg']}"
            for err in exc.errors()[:5]
        )
        return None, f"it is not valid JSON for the schema{cut}: {errors}"
    judged = {j.index for j in reply.rubric}
    absent = [str(n) for n in range(1, points + 1) if n not in judged]
    if absent:
        return reply, f"key point(s) {', '.join(absent)} of {points} were not judged"
    return reply, ""


NO_REFERENCE_PROMPT = (
    "(none: the candidate's notes give no answer to this question; grade the answer on your "
    "own knowledge of the subject)"
)
NO_REFERENCE_NOTICE = (
    "the notes have no answer to this question: graded on the model's own knowledge"
)


class LLMGrader:
    """Grades through an OpenAI-compatible chat endpoint, falling back to `fallback`."""

    wants_context = True

    def __init__(
        self, settings: Settings, fallback: Grader, prompts: Prompts | None = None
    ) -> None:
        self.settings = settings
        self.fallback = fallback
        self.name = f"llm:{settings.model}"
        self.prompts = prompts or bundled_prompts()
        self.client = ChatClient(settings)
        self.levels = LevelMemory(settings.data_dir / FILE_NAME)

    def warm(self, question: Question) -> None:
        """Warm the offline grader for a question (the LLM's grade is cross-checked by it)."""
        warm = getattr(self.fallback, "warm", None)
        if warm is not None:
            warm(question)

    def grade(self, question: Question, answer: str, context: list[str] | None = None) -> Grade:
        """Grade with the LLM; on any failure the offline grade with a `notice` why."""
        offline = self.fallback.grade(question, answer, context)
        # The time budget is the server's: the offline grade and importing openai (seconds
        # on a busy machine, the first time) are not taken from it.
        self.client.ready()
        deadline = time.monotonic() + BUDGET_FACTOR * self.settings.timeout
        if not answer.strip() or offline.verdict == "no answer":
            # Empty and non-answers score 0 without a request.
            return self._offline(offline, "no answer to grade, so the LLM was not asked")
        points = list(question.key_points) or [question.answer[:300] or question.title]
        language = language_of(answer)
        nonce = secrets.token_hex(4)
        messages = self._messages(question, points, answer, context or [], nonce, language)
        start = self.levels.start_level(self.client.endpoint, self.settings.model)
        steps = LEVELS[LEVELS.index(start):]
        failure: LLMFailure | None = None
        for level in steps:
            try:
                reply, corrected = self._ask(messages, level, deadline, len(points))
            except LLMFailure as exc:
                failure = exc
                if exc.kind == "rejected" and level != steps[-1]:
                    continue  # the server may not support this response_format: step down
                break
            if level != LEVELS[0]:
                self.levels.remember(self.client.endpoint, self.settings.model, level)
            grade = build_grade(
                question.id, points, reply, answer, offline, self.name, language
            )
            # Which step of the chain produced the grade, for the record.
            path = [f"llm:{level}"] + (["llm:corrected"] if corrected else [])
            grade.flags.extend(path)
            grade = self._finish(grade, question, deadline, offline)
            if not question.has_reference:
                grade = grade.model_copy(update={"notice": NO_REFERENCE_NOTICE})
            return grade
        assert failure is not None
        return self._offline(offline, f"LLM grading failed: {failure.reason}; graded offline")

    def _messages(
        self,
        question: Question,
        points: list[str],
        answer: str,
        context: list[str],
        nonce: str,
        language: str,
    ) -> list[dict[str, str]]:
        chunks = list(dict.fromkeys(c.strip() for c in context if c.strip()))[:CONTEXT_CHUNKS]
        user = self.prompts.grade.render(
            question=asked(question),
            reference=question.answer[:REFERENCE_CHARS] or NO_REFERENCE_PROMPT,
            rubric="\n".join(f"{n}. {point}" for n, point in enumerate(points, start=1)),
            context="\n\n".join(f"- {c[:CONTEXT_CHARS]}" for c in chunks) or "(none)",
            # The closing marker can't be forged: the nonce is new for every request.
            answer=answer[:ANSWER_CHARS].replace(nonce, ""),
            nonce=nonce,
            language=LANGUAGE_NAMES.get(language, "English"),
            schema=reply_schema_text(),
        )
        return [
            {"role": "system", "content": self.prompts.system.render(nonce=nonce)},
            {"role": "user", "content": user},
        ]

    def _ask(
        self, messages: list[dict[str, str]], level: str, deadline: float, points: int
    ) -> tuple[GradingReply, bool]:
        """A validated reply at one level (and whether the corrective retry was needed)."""
        conversation = list(messages)
        for attempt in range(2):
            completion = self.client.complete(conversation, deadline, response_format(level))
            if completion.refusal:
                raise LLMFailure("refused", f"the model refused ({completion.refusal[:120]})")
            reply, problem = _problem(completion, points)
            if not problem and reply is not None:
                return reply, attempt == 1
            if attempt == 1:
                if reply is not None:
                    return reply, True  # usable; unjudged points count as missed
                raise LLMFailure("bad_output", f"unusable reply after a retry: {problem[:160]}")
            if completion.content.strip():
                conversation += [
                    {"role": "assistant", "content": completion.content},
                    {"role": "user", "content": self.prompts.repair.render(problem=problem)},
                ]
        raise AssertionError("unreachable")

    def _finish(self, grade: Grade, question: Question, deadline: float, offline: Grade) -> Grade:
        if grade.follow_up:
            return grade
        missed = [item.point for item in grade.rubric if item.status != "covered"]
        follow_up = ""
        if missed:
            follow_up = self._follow_up(question, missed[0], grade.language, deadline)
        return grade.model_copy(update={"follow_up": follow_up or offline.follow_up})

    def _follow_up(self, question: Question, point: str, language: str, deadline: float) -> str:
        """A follow-up question about `point` when the grading reply had none."""
        prompt = self.prompts.follow_up.render(
            question=asked(question), point=point, language=LANGUAGE_NAMES[language]
        )
        try:
            completion = self.client.complete([{"role": "user", "content": prompt}], deadline)
        except LLMFailure:
            return ""
        text = completion.content.strip()
        if completion.refusal or not text or text.startswith(("{", "[")):
            return ""
        return " ".join(text.split())[:500]

    def _offline(self, offline: Grade, why: str) -> Grade:
        notice = f"{why}; {offline.notice}" if offline.notice else why
        return offline.model_copy(update={"notice": notice})
