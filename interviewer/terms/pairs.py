"""Term pairs that notes write themselves: a Chinese term with its English name in brackets
(`稀疏连接（sparse connectivity）`, `有效（valid）卷积`), an English term with its Chinese
gloss (`Batch Normalization（批标准化）`), and an abbreviation with its long form
(`k-nearest neighbors (KNN)`, `ROC (Receiver Operating Characteristic)`)."""

from __future__ import annotations

import math
import re

_CJK = re.compile(r"[\u4e00-\u9fff]")
# A Chinese run, then a bracket: its names are the Latin ones of one to five words among
# what it lists (卷积神经网络（Convolutional Neural Network，CNN）, 共享锁（Share Lock，S 锁）).
_ZH_EN = re.compile(
    r"((?<![A-Za-z0-9])[A-Za-z0-9]{1,3}[\u4e00-\u9fff]{1,12}|[\u4e00-\u9fff]{1,12})\s*[（(]([^（）()\n]{1,80})[)）]"
)
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9\-]*(?:\s+[A-Za-z0-9\-]+){0,4}")
_LISTED = re.compile(r"\s*[，,、;；]\s*")
_ALIAS_CHARS = 4
"""Longest other name a bracket may list beside its Latin one (S 锁, 读锁)."""
# A bracketed Chinese gloss, then (looking back from it) the Latin words before it. Brackets
# are found first: a pattern that starts at every Latin word backtracks over all English
# text (~1.5 s per 1,000 questions of it).
_ZH_GLOSS = re.compile(r"[（(]\s*([\u4e00-\u9fff]{2,10})\s*[)）]")
# A bracket that opens this way explains or illustrates the word before it ("64byte（可以通过
# 配置文件修改）", "entry（可以理解为一个数据）"): it does not name it.
_REMARK_ZH = re.compile(
    r"^(?:可以|也就是|就是|即|指的是|比如|例如|如果|表示|一般|通常|默认|需要|没有|注意)"
)
_EN_BEFORE = re.compile(r"([A-Za-z][A-Za-z0-9\-]*(?:\s+[A-Za-z][A-Za-z0-9\-]*){0,5})\s*$")
# A bracketed abbreviation, then the words before it; or an abbreviation, then its
# bracketed long form.
_SHORT_BRACKET = re.compile(r"[（(]([A-Z][A-Za-z0-9]{1,7})[)）]")
_WORDS_BEFORE = re.compile(r"((?:[A-Za-z][\w\-']*\s+){0,7}?[A-Za-z][\w\-']*)\s*$")
_LOOK_BACK = 300
"""Characters before a bracket that can hold the words it glosses."""
_SHORT_LONG = re.compile(r"\b([A-Z][A-Z0-9]{1,7})\s*[（(]((?:[A-Za-z][\w\-']*\s*){2,8})[)）]")
# Words that start or join a clause, never part of a term in front of a bracket.
_LEAD_ZH = ("使用", "采用", "称为", "叫做", "叫", "即", "是", "的", "了", "和", "与", "或",
            "通过", "进行", "一种", "这种", "也", "就", "在", "把", "将", "被", "对", "用")
_LEAD_EN_TEXT = """a an the of to in on for and or is are was with by as at from this that these
    those its their we use using called known also"""
_LEAD_EN = frozenset(_LEAD_EN_TEXT.split())
# Emphasis inside a term (**等变的**（equivariant）) hides it from the patterns.
_EMPHASIS = re.compile(r"\*\*|__|`")


_ACRONYM = re.compile(r"[A-Z]{2,6}s?")


def _before(pattern: re.Pattern[str], text: str, end: int) -> re.Match[str] | None:
    """The pattern's match that ends right before `end` (leftmost start)."""
    return pattern.search(text, max(0, end - _LOOK_BACK), end)


def _zh_tail(run: str, words: int) -> str:
    """The Chinese term right before a bracket: the last words of the run (jieba's), about
    two characters per English word (and a one-character prefix: 上采样（Upsample）, not
    采样), stopping at a function word."""
    from interviewer.text import cut  # jieba: only when there are pairs to mine

    term = ""
    for word in reversed(cut(run)):
        if not term and word == "的":
            continue  # 等变的（equivariant）: the term is 等变
        if len(term) >= 2 * words + (len(word) == 1) or word in _LEAD_ZH:
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
    text = _EMPHASIS.sub("", text)
    found: list[tuple[str, str]] = []
    for match in _ZH_EN.finditer(text):
        names, aliases = _bracket_names(match.group(2))
        if not names:
            continue
        chinese = _zh_tail(match.group(1), max(_spoken_words(name) for name in names))
        # An alias shares a character with the term it stands for (共享锁, S 锁); one that
        # does not is another thing listed beside the name (参数（L1、L2正则）).
        if len(chinese) >= 2 and all(set(alias) & set(chinese) for alias in aliases):
            found += [(chinese, name) for name in names]
    for gloss in _ZH_GLOSS.finditer(text):
        if _REMARK_ZH.match(gloss.group(1)):
            continue
        words = _before(_EN_BEFORE, text, gloss.start())
        if words is None:
            continue
        english = _en_tail(words.group(1).split(), len(gloss.group(1)))
        if english and len(english) >= 2:
            found.append((gloss.group(1), english))
    return list(dict.fromkeys(found))


def _bracket_names(inside: str) -> tuple[list[str], list[str]]:
    """The names a bracket gives its term and the short aliases beside them: its one Latin
    name (beside, at most, aliases such as "S 锁"), or a long form with its abbreviation
    (Convolutional Neural Network，CNN). A list of several things (byte、short、int) or of
    prose around a name names nothing, nor does a bare number ("pooling 123" is a size)."""
    parts = _LISTED.split(inside.strip())
    names = [part for part in parts if _LATIN_NAME.fullmatch(part) and len(part) >= 2]
    others = [part for part in parts if part not in names]
    if len(parts) > 1 and any(len(part) > _ALIAS_CHARS for part in others):
        return [], []
    names = [name for name in names if not any(word.isdigit() for word in name.split())]
    if len(names) > 2 or (len(names) == 2 and _abbreviation(*names) is None):
        return [], []
    return names, others


def _abbreviation(a: str, b: str) -> tuple[str, str] | None:
    """(abbreviation, long form) when one of the two spells the initials of the other."""
    for short, long in ((a, b), (b, a)):
        tail = [w for w in long.split() if w.lower() not in ("of", "and", "the", "for")]
        if _ACRONYM.fullmatch(short) and _initials(tail) == short.lower().rstrip("s"):
            return short, long
    return None


def _bracketed_abbreviations(text: str) -> list[tuple[str, str]]:
    """(abbreviation, long form) listed in one bracket: （Convolutional Neural Network，CNN）."""
    found: list[tuple[str, str]] = []
    for match in _ZH_EN.finditer(text):
        names, _ = _bracket_names(match.group(2))
        pair = _abbreviation(*names) if len(names) == 2 else None
        if pair:
            found.append(pair)
    return found


def _spoken_words(english: str) -> int:
    """How many words an English term says: an acronym one per letter (卷积神经网络（CNN）,
    not 神经网络)."""
    if _ACRONYM.fullmatch(english):
        return len(english.rstrip("s"))
    return len(english.split())


def same_term(a: str, b: str, links: set[tuple[str, str]]) -> bool:
    """Whether two English spellings name one term: linked as abbreviation and long form,
    one the initials of the other, or sharing a word (context switch, Context Switching)."""
    la, lb = a.lower(), b.lower()
    if (la, lb) in links or (lb, la) in links:
        return True
    wa, wb = la.replace("-", " ").split(), lb.replace("-", " ").split()
    if _initials(wa) == lb.replace("-", "") or _initials(wb) == la.replace("-", ""):
        return True
    return bool(set(wa) & set(wb))


def _initials(words: list[str]) -> str:
    letters: list[str] = []
    for word in words:
        letters.extend(part[0] for part in re.split(r"[\-]", word) if part)
    return "".join(letters).lower()


def abbreviations(text: str) -> list[tuple[str, str]]:
    """(abbreviation, long form) pairs the text defines, where the long form's initials
    spell the abbreviation (`k-nearest neighbors (KNN)`, `AUC (area under the curve)`)."""
    text = _EMPHASIS.sub("", text)
    found: list[tuple[str, str]] = []
    for bracket in _SHORT_BRACKET.finditer(text):
        before = _before(_WORDS_BEFORE, text, bracket.start())
        if before is None:
            continue
        short = bracket.group(1)
        words = before.group(1).split()
        for start in range(len(words) - 1, -1, -1):
            tail = [w for w in words[start:] if w.lower() not in ("of", "and", "the", "for")]
            initials = _initials(tail)
            # A small word may keep its letter in lower case: Quality of Service (QoS).
            spelled = {initials}
            if short != short.upper():
                spelled.add(_initials(words[start:]))
            if short.lower() in spelled or initials.replace("-", "") == short.lower():
                found.append((short, " ".join(words[start:])))
                break
            if len(initials) > len(short):
                break
    for match in _SHORT_LONG.finditer(text):
        short, words = match.group(1), match.group(2).split()
        tail = [w for w in words if w.lower() not in ("of", "and", "the", "for")]
        if _initials(tail) == short.lower():
            found.append((short, " ".join(words)))
    found += _bracketed_abbreviations(text)
    return list(dict.fromkeys(found))


def is_chinese(term: str) -> bool:
    """True when a term is written in Chinese."""
    return bool(_CJK.search(term))
