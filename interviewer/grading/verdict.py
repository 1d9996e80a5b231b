"""Yes/no questions ("`float f=3.4;` 是否正确？", "Can a constructor be overridden?") and the
verdict an answer opens with ("不正确。…", "Yes, …"): an answer whose verdict is the opposite
of the notes' is wrong however well its words cover them. Verdict words are the same in any
subject, and an English verdict can be held against Chinese notes."""

from __future__ import annotations

import re

_ZH_ASKS = re.compile(
    r"吗\s*$|是否|能否|可否|有没有|能不能|会不会|是不是|可不可以|对不对|要不要|行不行"
)
_EN_ASKS = re.compile(
    r"^(?:is|are|can|could|does|do|did|should|will|would|has|have|was|were|may|must)\b", re.I
)
# Questions that ask for an explanation or a choice, not a verdict.
_OPEN = re.compile(
    r"为什么|为何|怎么|如何|哪|什么|还是|区别|why\b|how\b|what\b|which\b|\bor\b", re.I
)
_LEAD = re.compile(r"^(?:\s|[*_>#`-]|答[:：]|回答[:：]|a[:：]|answer[:：])+", re.I)
_CLAUSE = re.compile(r"[，。,.;；:：!！?？\n（(]")
_ZH_YES_ANYWHERE = re.compile(r"没错|没问题|不错")
_ZH_NO = re.compile(r"不|没|否|错")
_ZH_YES = re.compile(r"^(?:是|正确|对|可以|能|会|有|行|当然)")
_EN_NO = re.compile(
    r"\b(?:no|not|nope|never|cannot|can't|isn't|aren't|doesn't|don't|won't|wasn't|incorrect|"
    r"false|wrong)\b", re.I
)
_EN_YES = re.compile(
    r"^(?:yes|yeah|yep|correct|true|sure|right|absolutely|it (?:is|does|can|will)|"
    r"they (?:are|do|can|will))\b", re.I
)
_SENTENCE_END = re.compile(r"[。！？]|[.!?](?=\s|$)")
_ZH_CLAUSE_CHARS = 8
_EN_CLAUSE_WORDS = 5


def asks_yes_or_no(title: str) -> bool:
    """A single question answered by a verdict: yes or no, right or wrong, can or cannot."""
    text = re.sub(r"`[^`]*`", "X", title).strip()
    parts = [part for part in re.split(r"[?？]", text) if part.strip()]
    if len(parts) != 1 or _OPEN.search(text):
        return False
    return bool(_ZH_ASKS.search(parts[0]) or _EN_ASKS.match(parts[0].strip()))


def opening(text: str) -> str:
    """The first clause of a text, past list marks and "答：" labels."""
    body = _LEAD.sub("", text.strip())
    return _CLAUSE.split(body, maxsplit=1)[0].strip()


def verdict(text: str) -> bool | None:
    """True for an opening yes ("是正确的", "Yes"), False for a no ("不正确", "No, …"), None
    when the text does not open with a verdict."""
    clause = opening(text)
    if not clause:
        return None
    if re.search(r"[\u4e00-\u9fff]", clause):
        if len(clause) > _ZH_CLAUSE_CHARS or re.search(r"[A-Za-z0-9]", clause):
            return None
        if _ZH_YES_ANYWHERE.search(clause):
            return True
        if _ZH_NO.search(clause):
            return False
        return True if _ZH_YES.match(clause) else None
    if len(clause.split()) > _EN_CLAUSE_WORDS:
        return None
    if _EN_NO.search(clause):
        return False
    return True if _EN_YES.match(clause) else None


def opposite(title: str, notes_answer: str, answer: str) -> tuple[str, str] | None:
    """(the answer's verdict, the notes' first sentence) when a yes/no question is answered
    the other way from the notes; None otherwise."""
    if not asks_yes_or_no(title):
        return None
    mine, theirs = verdict(answer), verdict(notes_answer)
    if mine is None or theirs is None or mine == theirs:
        return None
    return opening(answer), _first_sentences(_LEAD.sub("", notes_answer.strip()), 2)


def _first_sentences(text: str, count: int) -> str:
    """The text up to the end of its `count`-th sentence ("3.4" does not end one)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    return text[: ends[count - 1]] if len(ends) >= count else text
