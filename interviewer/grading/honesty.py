"""Checks that keep the offline grade honest: non-answers, instructions aimed at the grader,
bare lists of terms, restating the question and answering a different question."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from interviewer.grading.matching import AnswerView, split_sentences
from interviewer.text import cut

_NON_ANSWER = re.compile(
    r"^(?:我|这题|这个|这道题|嗯+|呃+|额+|啊+|hmm+|um+|uh+|sorry|抱歉|对不起|老实说|说实话|i|,|，|。|\.|\s)*"
    r"(?:不知道|不晓得|不清楚|不太清楚|不太懂|不懂|不会|不太会|不了解|没学过|没复习到?|没看过|忘了|忘记了|不记得了?|"
    r"想不起来|答不上来|跳过|略|无|暂无|pass|skip|next|idk|dunno|n/?a|none|no idea|not sure|"
    r"(?:i\s+)?(?:do\s*n[o']?t|dont)\s+know|(?:i\s+)?have\s+no\s+idea|no\s+clue|todo|tbd|\?+|？+)"
    r"(?:[\s,，。.!！…~～]|吧|了|啊|呢|哈|这题|这个|跳过|sorry|抱歉|pass|skip)*$",
    re.IGNORECASE,
)
_TAG_PAIR = re.compile(r"<(system|sys|instructions?)>(.*?)</\1>", re.IGNORECASE | re.DOTALL)
_PUNCT_ONLY = re.compile(r"^[\W_]*$", re.UNICODE)
# Sentences that talk to the grader instead of answering: they are removed before grading.
_INJECTION = re.compile(
    r"ignore\s+(?:all\s+)?(?:the\s+)?(?:previous|prior|above|earlier|preceding)|"
    r"disregard\s+(?:the\s+|all\s+|any\s+)?"
    r"(?:previous|prior|above|rubric|instructions|rules)|"
    r"\b(?:system|developer)\s*(?:prompt|message|override|mode)|\[/?system\]|</?system>|"
    r"\bgrader\b|\bevaluator\b|grading\s+(?:model|rubric|system)|"
    r"\bthe\s+(?:ai|llm|model)\s+(?:grader|must|should)|"
    r"(?:give|award|assign|output|return|respond\s+with)\s+(?:this\s+answer\s+|me\s+|it\s+)?(?:a\s+)?"
    r"(?:full\s+marks|max(?:imum)?\s+(?:score|marks)|perfect\s+score|score|10\b|ten\b)|"
    r"\b10\s*/\s*10\b|\bfull\s+marks\b|score\s*[:=]\s*10|\"score\"\s*:\s*10|verdict\s*[:=]|"
    r"you\s+are\s+(?:now\s+)?(?:chatgpt|an?\s+ai|the\s+grader|in\s+developer)|new\s+instructions?|"
    r"忽略(?:之前|以上|上面|前面|先前|所有|上述)|无视(?:之前|以上|上面|评分)|系统提示|系统指令|系统消息|"
    r"满分|打满分|给(?:我|这个回答|本回答|该回答)?(?:打)?\s*10\s*分|直接(?:给|输出|打)|"
    r"评分(?:员|者|助手|模型|系统|标准)|"
    r"作为(?:评分|评委|打分|考官)|你(?:现在)?是(?:一个)?(?:评分|打分|考官|ai|助手)|输出\s*score",
    re.IGNORECASE,
)
# Below this many function words per content word, text is a list of terms, not an answer.
STUFFED_DENSITY = 0.12
EXPLAINED_DENSITY = 0.3
MIN_TERMS_FOR_STUFFING = 4
# Segments of a list: split at list punctuation, and at spaces next to Chinese characters
# ("对称性 随机初始化 梯度消失").
_SEGMENT = re.compile(r"[,，、;；/|\n]+|(?<=[\u4e00-\u9fff])\s+|\s+(?=[\u4e00-\u9fff])")
# Words that make a segment a statement about something rather than a bare term.
_PREDICATES = frozenset({
    "是", "为", "会", "能", "可以", "可", "让", "使", "使得", "导致", "造成",
    "引起", "因为", "所以", "因此", "把", "被", "为了", "通过", "就", "用",
    "用来", "来", "如果", "那么", "而", "但", "但是", "要", "需要", "防止",
    "避免", "减少", "增加", "降低", "提高", "保证", "相当于", "看作", "没有", "不",
    "有",
    "is", "are", "was", "were", "be", "can", "could", "will", "would", "make", "makes",
    "cause", "causes", "because", "so", "to", "by", "from", "that", "which", "when", "if",
    "then", "help", "helps", "prevent", "prevents", "reduce", "reduces", "keep", "keeps",
    "means", "avoid", "avoids",
})
BARE_TERM_TOKENS = 4
BARE_TERM_CHARS = 24
BARE_SHARE = 0.75
# An answer whose own words are mostly the question's restates it.
RESTATED_SHARE = 0.3
# Another question fits the answer this much better than the asked one: off topic.
OFF_TOPIC_MARGIN = 0.2


@dataclass
class Cleaned:
    """The answer with instructions to the grader taken out, and what was taken."""

    text: str
    injected: list[str]


def strip_injection(answer: str) -> Cleaned:
    """Remove sentences that address the grader; keep the rest to be graded."""
    if not _INJECTION.search(answer):
        return Cleaned(answer, [])
    kept: list[str] = []
    injected: list[str] = []
    for sentence in split_sentences(_tagless(answer)):
        (injected if _INJECTION.search(sentence) else kept).append(sentence)
    if not injected:
        injected.append(answer.strip())
        kept = []
    return Cleaned("。".join(kept), injected)


def _tagless(text: str) -> str:
    # "<system>…</system> real answer": the tag pair and its content are one instruction.
    return _TAG_PAIR.sub(r"\n<system>\2\n", text)


def is_non_answer(text: str, view: AnswerView, is_domain: Callable[[str], bool]) -> bool:
    """True for empty answers, "不知道"/"pass"/"idk", punctuation and keyboard mashing."""
    stripped = text.strip()
    if not stripped or _PUNCT_ONLY.match(stripped) or _NON_ANSWER.match(stripped):
        return True
    # Two words or fewer and none of them a term of the field: "asdf", "好的", "ok".
    return len(view.concepts) <= 2 and not any(is_domain(c) for c in view.concepts)


def explanation_density(view: AnswerView) -> float:
    """Function words per content word: ~0 for a bare list of terms, 0.4-1 for prose."""
    return view.glue / max(len(view.concepts), 1)


def is_term_list(text: str) -> bool:
    """True when most segments of the text are bare terms: a few words and no predicate
    ("symmetry breaking, random init, Xavier, He, …")."""
    parts = [part.strip() for part in _SEGMENT.split(text) if part.strip()]
    # Prose has long segments: rule it out before paying for jieba.
    short = [part for part in parts if len(part) <= BARE_TERM_CHARS]
    if len(parts) < MIN_TERMS_FOR_STUFFING or len(short) < BARE_SHARE * len(parts):
        return False
    bare = 0
    for part in short:
        tokens = cut(part)
        if tokens and len(tokens) <= BARE_TERM_TOKENS and not _PREDICATES.intersection(tokens):
            bare += 1
    return bare >= BARE_SHARE * len(parts)


def is_stuffed(view: AnswerView) -> bool:
    """True when the answer is a list of terms with (almost) nothing explaining them: no
    words relating the terms, or segment after segment of bare terms."""
    if len(view.concepts) < MIN_TERMS_FOR_STUFFING:
        return False
    return explanation_density(view) < STUFFED_DENSITY or is_term_list(view.text)


def explanation_factor(view: AnswerView) -> float:
    """1 for explained answers, falling towards 0.25 as they thin into a list of terms."""
    if len(view.concepts) < MIN_TERMS_FOR_STUFFING:
        return 1.0
    density = explanation_density(view)
    return min(1.0, 0.25 + 0.75 * density / EXPLAINED_DENSITY)


def novel_share(view: AnswerView, title: frozenset[str], weight: Callable[[str], float]) -> float:
    """Share of the answer's weighted concepts that the question itself does not contain."""
    total = sum(weight(c) for c in view.concepts)
    if total <= 0:
        return 0.0
    return sum(weight(c) for c in view.concepts if c not in title) / total


def is_restated(view: AnswerView, title: frozenset[str], weight: Callable[[str], float]) -> bool:
    """True when the answer mostly repeats the question's words."""
    return novel_share(view, title, weight) < RESTATED_SHARE


class ProfileIndex:
    """Which questions of the bank mention each concept (for spotting off-topic answers)."""

    def __init__(self, profiles: Mapping[str, Iterable[str]]) -> None:
        self._postings: dict[str, set[str]] = {}
        for question_id, concepts in profiles.items():
            for concept in set(concepts):
                self._postings.setdefault(concept, set()).add(question_id)

    def fits(self, concepts: Iterable[str], weight: Callable[[str], float]) -> dict[str, float]:
        """Each question's share of the answer's weighted concepts (questions with any)."""
        present = set(concepts)
        total = sum(weight(c) for c in present)
        scores: dict[str, float] = {}
        if total <= 0:
            return scores
        for concept in present:
            share = weight(concept) / total
            for question_id in self._postings.get(concept, ()):
                scores[question_id] = scores.get(question_id, 0.0) + share
        return scores


def better_question(
    concepts: Iterable[str], asked: str, index: ProfileIndex, weight: Callable[[str], float]
) -> tuple[str, float, float] | None:
    """(id, its fit, asked fit) of a question the answer fits clearly better, or None."""
    scores = index.fits(concepts, weight)
    own = scores.get(asked, 0.0)
    best_id = max(scores, key=lambda q: scores[q], default=asked)
    best_fit = scores.get(best_id, 0.0)
    if best_id != asked and best_fit >= own + OFF_TOPIC_MARGIN:
        return best_id, best_fit, own
    return None
