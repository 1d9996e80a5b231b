"""Feedback a candidate can act on, in the answer's language: what was covered, what was
missed (named from the rubric), one concrete suggestion and the interviewer's follow-up."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from interviewer.grading.model import RubricItem
from interviewer.notes.math_text import readable

SHORT = 28
"""Characters of Chinese a quoted rubric point keeps…"""
LATIN_CHARS = 2.2
"""…and how many times as many of English (which says as much in about twice the letters)."""
CJK_SHARE = 0.3
"""A point with fewer Chinese characters than this share of its length is read as English."""
_CJK = re.compile(r"[\u3400-\u9fff]")
# An aside in brackets; "O(1)" and "f(x)" are formulas and "(0, 1)" an interval, not asides.
_ASIDE = re.compile(r"\s*（(?![\d.,，\s-]*）)[^）]*）|(?:\s+|^)\((?![\d.,\s-]*\))[^)]*\)")
_CLAUSE_END = re.compile(r"[，；。：,;:]")
# (Chinese, English) templates; {a}/{b} are filled with rubric points or quotes.
_TEXT: dict[str, tuple[str, str]] = {
    "non_answer": ("没有给出可评分的回答。", "No answer to grade."),
    "injected": (
        "回答里写给评分者的指令已被忽略，并且扣分；只有对问题的回答才计分。",
        "Instructions addressed to the grader were ignored and cost points; "
        "only the answer to the question counts.",
    ),
    "off_topic": (
        "这个回答更像是在回答另一道题「{a}」，没有回答本题。",
        "This answers a different question (“{a}”), not the one asked.",
    ),
    "restated": (
        "回答基本是在复述题目，复述不得分。",
        "The answer mostly restates the question, which earns nothing.",
    ),
    "stuffed": (
        "只罗列了术语，没有解释它们是什么、为什么起作用——罗列关键词不能算答对。",
        "It lists terms without explaining what they mean or why they work; "
        "a list of keywords is not an answer.",
    ),
    "contradiction": (
        "「{a}」与笔记矛盾，笔记的说法是「{b}」。",
        "“{a}” contradicts the notes, which say “{b}”.",
    ),
    "unverified": (
        "离线评分器没能把这个回答的任何一句与笔记对上，无法核实其内容；分数只反映与笔记共有的词。",
        "The offline keyword grader could not match any sentence of this answer with the notes, "
        "so it could not verify it; the score only reflects words shared with the notes.",
    ),
    "unsupported": (
        "回答里有不少说法（如「{a}」）在笔记里找不到依据，离线评分器无法核实，这部分不计分。",
        "Much of the answer (e.g. “{a}”) is not in the notes; the offline grader could not "
        "verify it, so it earns less.",
    ),
    "by_meaning": (
        "回答和笔记不是同一种语言：离线评分器按语义对上了 {a} 个要点，但无法逐句核对回答里的说法，"
        "错误的细节可能没被发现。",
        "The answer is not in the notes' language: the offline grader matched {a} by meaning "
        "but could not check the answer's statements against the notes, so wrong "
        "details may go unnoticed.",
    ),
    "covered": ("覆盖了：{a}。", "Covered: {a}."),
    "partly": ("提到但没讲透：{a}。", "Mentioned but not explained: {a}."),
    "missed": ("遗漏了：{a}。", "Missed: {a}."),
    "fix_first": (
        "建议：先纠正「{a}」这一点，再补充原因。",
        "Suggestion: correct “{a}” first, then explain why.",
    ),
    "start_from": (
        "建议：从「{a}」开始，用自己的话解释原理。",
        "Suggestion: start from “{a}” and explain the mechanism in your own words.",
    ),
    "explain_terms": (
        "建议：挑两三个术语，每个用一句话说明它解决什么问题、为什么有效。",
        "Suggestion: pick two or three of those terms and say in one sentence each "
        "what problem it solves and why it works.",
    ),
    "no_rubric": (
        "笔记里这道题没有可核对的要点（参考答案可能只有图片或链接），分数只反映回答是否切题；"
        "可以在笔记里用加粗标出要点。",
        "The notes give this question nothing to check against (its reference answer may be "
        "only an image or a link), so the score only reflects whether you stayed on topic; "
        "mark its key points in bold in your notes.",
    ),
    "complete": (
        "建议：答得很完整，可以再结合一个实际例子或实验现象来说明。",
        "Suggestion: the answer is complete; back it with a concrete example or experiment.",
    ),
    "add_gap": (
        "建议：补充「{a}」，说明它是什么以及为什么。",
        "Suggestion: add “{a}” — what it is and why it holds.",
    ),
    "ask_conflict": (
        "你说「{a}」，但笔记里是「{b}」，能解释一下为什么吗？",
        "You said “{a}”, but the notes say “{b}” — can you reconcile the two?",
    ),
    "ask_deeper": (
        "如果在实际项目里遇到「{a}」相关的问题，你会怎么排查和验证？",
        "In a real project, how would you diagnose and verify this (“{a}”)?",
    ),
    "ask_missed": (
        "你的回答没有提到「{a}」——能说说它是什么、为什么成立吗？",
        "Your answer did not cover “{a}” — can you explain what it is and why it holds?",
    ),
    "ask_partly": (
        "你提到了「{a}」，能再展开讲讲背后的原理吗？",
        "You touched on “{a}” — can you go deeper into why it works?",
    ),
}


@dataclass
class Findings:
    """What the honesty checks found, for the feedback text."""

    non_answer: bool = False
    injected: bool = False
    stuffed: bool = False
    restated: bool = False
    off_topic: str | None = None
    contradictions: list[tuple[str, str]] = field(default_factory=list)
    explained: dict[str, str] = field(default_factory=dict)
    """A wrong claim → the line that names its error ("you swapped …"), when a check has one."""
    unverified: bool = False
    """Nothing in the answer could be matched with the notes: nothing was verified."""
    unsupported: str = ""
    """The answer's least backed sentence, when much of it is not in the notes."""
    by_meaning: int = 0
    """Key points credited by sentence vectors alone (an answer in the other language)."""


# A table row's outer pipes, at the ends of a text or of a quote in it, and its inner ones.
_TABLE_EDGE = re.compile(r"^\s*\|\s*|\s*\|\s*$|(?<=[“「])\s*\|\s*|\s*\|\s*(?=[”」])")
_TABLE_CELL = re.compile(r"\s+\|\s+")


def shown(text: str) -> str:
    """Notes' text as people read it: math without LaTeX, a table row as its cells."""
    text = readable(text).strip()
    if "|" in text:
        text = _TABLE_CELL.sub("; ", _TABLE_EDGE.sub("", text))
    return text


def short(point: str, limit: int = SHORT) -> str:
    """A rubric point cut to a readable length: asides in brackets dropped first, then cut
    at a clause boundary where one is near enough, else with an ellipsis."""
    point = shown(point)  # as people read it, before any cut splits a formula
    said = _ASIDE.sub("", point)  # an English gloss in brackets does not make a point English
    if len(_CJK.findall(said)) < len(said) * CJK_SHARE:
        limit = round(limit * LATIN_CHARS)
    if len(point) <= limit:
        return point
    plain = _ASIDE.sub("", point).strip()
    if len(plain) >= 4:
        point = plain
    if len(point) <= limit:
        return point
    ends = [m.start() for m in _CLAUSE_END.finditer(point, 0, limit) if m.start() >= limit * 3 // 5]
    if ends:
        return point[: ends[-1]]
    cut = point[: limit - 1]
    if point[limit - 1].isalnum() and " " in cut:
        cut = cut[: cut.rindex(" ")]  # between words, not inside one
    return cut.rstrip(" ,;:") + "…"


def _say(key: str, zh: bool, a: str = "", b: str = "") -> str:
    return _TEXT[key][0 if zh else 1].format(a=a, b=b)


def _join(points: list[str], zh: bool) -> str:
    if zh:
        return "；".join(f"「{short(p)}」" for p in points)
    return "; ".join(f"“{short(p)}”" for p in points)


def _gap(rubric: list[RubricItem]) -> RubricItem | None:
    """The biggest gap: the first missed point, else the first partly covered one."""
    for status in ("missed", "partly"):
        for item in rubric:
            if item.status == status:
                return item
    return None


def compose(
    rubric: list[RubricItem], findings: Findings, language: str, title: str
) -> tuple[str, str]:
    """(feedback, follow-up question) for a graded answer."""
    zh = language == "zh"
    lines: list[str] = []
    for flag, key in ((findings.non_answer, "non_answer"), (findings.injected, "injected")):
        if flag:
            lines.append(_say(key, zh))
    if findings.off_topic:
        lines.append(_say("off_topic", zh, short(findings.off_topic, 40)))
    for flag, key in ((findings.restated, "restated"), (findings.stuffed, "stuffed")):
        if flag:
            lines.append(_say(key, zh))
    for said, note in findings.contradictions[:2]:
        # What the notes (or the field) actually say is the part to learn from: keep it whole.
        lines.append(findings.explained.get(said)
                     or _say("contradiction", zh, short(said, 40), short(note, 120)))
    if findings.unverified:
        lines.append(_say("unverified", zh))
    elif findings.unsupported:
        lines.append(_say("unsupported", zh, short(findings.unsupported, 40)))
    if findings.by_meaning:
        count = findings.by_meaning
        lines.append(_say("by_meaning", zh, str(count) if zh
                          else f"{count} key point{'' if count == 1 else 's'}"))
    for status in ("covered", "partly", "missed"):
        points = [item.point for item in rubric if item.status == status]
        if points and not (status == "missed" and findings.non_answer):
            lines.append(_say(status, zh, _join(points, zh)))
    lines.append(_suggestion(rubric, findings, zh, title))
    return " ".join(lines), _follow_up(rubric, findings, zh, title)


def _suggestion(rubric: list[RubricItem], findings: Findings, zh: bool, title: str) -> str:
    if findings.contradictions:
        return _say("fix_first", zh, short(findings.contradictions[0][0], 30))
    if findings.non_answer or findings.off_topic or findings.restated:
        return _say("start_from", zh, short(rubric[0].point if rubric else title))
    if findings.stuffed:
        return _say("explain_terms", zh)
    if not rubric:
        return _say("no_rubric", zh)
    gap = _gap(rubric)
    return _say("complete", zh) if gap is None else _say("add_gap", zh, short(gap.point, 40))


def _follow_up(rubric: list[RubricItem], findings: Findings, zh: bool, title: str) -> str:
    if findings.contradictions:
        said, note = findings.contradictions[0]
        return _say("ask_conflict", zh, short(said, 30), short(note, 40))
    gap = _gap(rubric)
    if gap is None:
        return _say("ask_deeper", zh, short(title, 30))
    key = "ask_missed" if gap.status == "missed" else "ask_partly"
    return _say(key, zh, short(gap.point, 40))
