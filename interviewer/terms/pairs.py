"""Term pairs that notes write themselves: a Chinese term with its English name in brackets
(`稀疏连接（sparse connectivity）`, `有效（valid）卷积`), an English term with its Chinese
gloss (`Batch Normalization（批标准化）`), and an abbreviation with its long form
(`k-nearest neighbors (KNN)`, `ROC (Receiver Operating Characteristic)`)."""

from __future__ import annotations

import math
import re

_CJK = re.compile(r"[\u4e00-\u9fff]")
# A Chinese run, then a bracketed Latin name of one to five words.
_ZH_EN = re.compile(
    r"((?<![A-Za-z0-9])[A-Za-z0-9]{1,3}[\u4e00-\u9fff]{1,12}|[\u4e00-\u9fff]{1,12})\s*[（(]\s*([A-Za-z][A-Za-z0-9\-]*(?:\s+[A-Za-z0-9\-]+){0,4})\s*[)）]"
)
# Latin words, then a bracketed Chinese gloss.
_EN_ZH = re.compile(
    r"([A-Za-z][A-Za-z0-9\-]*(?:\s+[A-Za-z][A-Za-z0-9\-]*){0,5})\s*[（(]\s*([\u4e00-\u9fff]{2,10})\s*[)）]"
)
# Words, then a bracketed abbreviation; or an abbreviation, then its bracketed long form.
_LONG_SHORT = re.compile(
    r"((?:[A-Za-z][\w\-']*\s+){1,7}?[A-Za-z][\w\-']*)\s*[（(]([A-Z][A-Za-z0-9]{1,7})[)）]"
)
_SHORT_LONG = re.compile(r"\b([A-Z][A-Z0-9]{1,7})\s*[（(]((?:[A-Za-z][\w\-']*\s*){2,8})[)）]")
# Words that start or join a clause, never part of a term in front of a bracket.
_LEAD_ZH = ("使用", "采用", "称为", "叫做", "叫", "即", "是", "的", "了", "和", "与", "或",
            "通过", "进行", "一种", "这种", "也", "就", "在", "把", "将", "被", "对", "用")
_LEAD_EN_TEXT = """a an the of to in on for and or is are was with by as at from this that these
    those its their we use using called known also"""
_LEAD_EN = frozenset(_LEAD_EN_TEXT.split())


def _zh_tail(run: str, words: int) -> str:
    """The Chinese term right before a bracket: the last words of the run (jieba's), about
    two characters per English word, stopping at a function word."""
    from interviewer.text import cut  # jieba: only when there are pairs to mine

    term = ""
    for word in reversed(cut(run)):
        if len(term) >= 2 * words or word in _LEAD_ZH:
            break
        term = word + term
    return term


def _en_tail(words: list[str], chars: int) -> str:
    """The English term right before a Chinese gloss: at most about half as many words as
    the gloss has characters, stopping at a function word."""
    limit = max(1, math.ceil(chars / 2))
    kept: list[str] = []
    for word in reversed(words):
        if word.lower() in _LEAD_EN or len(kept) >= limit:
            break
        kept.insert(0, word)
    return " ".join(kept)


def term_pairs(text: str) -> list[tuple[str, str]]:
    """(Chinese, English) pairs the text defines by a bracket, in order, without repeats."""
    found: list[tuple[str, str]] = []
    for match in _ZH_EN.finditer(text):
        english = match.group(2).strip()
        chinese = _zh_tail(match.group(1), len(english.split()))
        if len(chinese) >= 2 and not any(word.isdigit() for word in english.split()):
            found.append((chinese, english))
    for match in _EN_ZH.finditer(text):
        english = _en_tail(match.group(1).split(), len(match.group(2)))
        if english and len(english) >= 2:
            found.append((match.group(2), english))
    return list(dict.fromkeys(found))


def _initials(words: list[str]) -> str:
    letters: list[str] = []
    for word in words:
        letters.extend(part[0] for part in re.split(r"[\-]", word) if part)
    return "".join(letters).lower()


def abbreviations(text: str) -> list[tuple[str, str]]:
    """(abbreviation, long form) pairs the text defines, where the long form's initials
    spell the abbreviation (`k-nearest neighbors (KNN)`, `AUC (area under the curve)`)."""
    found: list[tuple[str, str]] = []
    for match in _LONG_SHORT.finditer(text):
        short = match.group(2)
        words = match.group(1).split()
        for start in range(len(words) - 1, -1, -1):
            tail = [w for w in words[start:] if w.lower() not in ("of", "and", "the", "for")]
            initials = _initials(tail)
            if initials == short.lower() or initials.replace("-", "") == short.lower():
                found.append((short, " ".join(words[start:])))
                break
            if len(initials) > len(short):
                break
    for match in _SHORT_LONG.finditer(text):
        short, words = match.group(1), match.group(2).split()
        tail = [w for w in words if w.lower() not in ("of", "and", "the", "for")]
        if _initials(tail) == short.lower():
            found.append((short, " ".join(words)))
    return list(dict.fromkeys(found))


def is_chinese(term: str) -> bool:
    """True when a term is written in Chinese."""
    return bool(_CJK.search(term))
