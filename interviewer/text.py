"""Words of Chinese and English text: jieba (rjieba, its Rust port) with the glossary's terms,
and language."""

from __future__ import annotations

import re
import threading
from functools import lru_cache

from interviewer.topics import load_glossary

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[\w\u3400-\u9fff]", re.UNICODE)
# rjieba keeps dotted, hyphenated and snake_case ASCII runs whole (self.table, k-nearest);
# jieba, and so every term table, splits them into their words. A name that ends in its
# sign keeps it (C++, C#): it is another thing than the name without.
_ASCII_PART = re.compile(r"[A-Za-z0-9]+(?:\+\+|#)?")
# A single letter joined to a word by a hyphen is one name: z-test and t-test, x-axis and
# y-axis, k-means, t-SNE, B-tree — split, the letters were dropped and the pairs became one.
_LETTER_NAME = re.compile(r"[A-Za-z]-[A-Za-z]{2,}$")
ASCII_WORD = re.compile(r"[a-z0-9]+(?:\+\+|#)|\b[a-z]\+|[a-z0-9]+(?:\+(?![a-z0-9]))?")
"""Lower-case English words of a text as cut() keeps them: C++, B+ (b+tree) and a word
before a "+" that ends it are words; TP+FP is two."""
_SIGNS = {"+": "+", "+-": "+", "++": "++", "#": "#"}
# Operators of two or three signs are words of their own: "== 和 === 的区别" asks about two
# things, and jieba cuts them into single signs that are dropped as punctuation. One sign
# alone is punctuation or arithmetic; "--", "**" and "..." are prose and markup.
_OPERATOR = re.compile(r"(===|!==|==|!=|<=|>=|=>|->|&&|\|\||\?\?|\?\.(?=[A-Za-z_])|[+\-*/]=|::)")
# An acronym's plural (CNNs, APIs) is the acronym; HTTPS, all capitals, is a word of its own.
_ACRONYM_PLURAL = re.compile(r"\b([A-Z][A-Z0-9]+)s\b")
_VOWEL = re.compile(r"[aeiouy]")
_lock = threading.Lock()
NOT_ABBREVIATED = r"(?<!\b[A-Za-z]\.[A-Za-z])(?<!\b[Vv]s)(?<!\b[Cc]f)"
"""Put before a full stop in a sentence-splitting pattern: "e.g.", "i.e.", "vs." and "cf."
end no sentence."""
AFTER_ABBREVIATION = r"(?<!\b[A-Za-z]\.[A-Za-z]\.)(?<!\b[Vv]s\.)(?<!\b[Cc]f\.)"
"""The same, put after the full stop (for patterns that split behind it)."""
# A semicolon between code and Chinese prose ends the code, not the sentence:
# "display:none;会让元素从渲染树中消失", "i++;表示自增" — cut there, the clause lost its
# subject and a rubric point read "会让元素从渲染树中消失" of nothing.
_CODE_END = r"[A-Za-z0-9%)\]+\-]"
_CJK_NEXT = r"[\u3400-\u4dbf\u4e00-\u9fff]"
CLAUSE_SEMICOLON = rf"(?:;(?!{_CJK_NEXT})|(?<!{_CODE_END});)"
"""An ASCII semicolon that ends a clause, for patterns that split at it."""
AFTER_CLAUSE_SEMICOLON = rf"(?:(?<=;)(?!{_CJK_NEXT})|(?<=[^A-Za-z0-9%)\]+\-];))"
"""The same, for patterns that split behind it."""


MATH_SPAN = re.compile(r"\$\$(.+?)\$\$|\$(?!\s)([^$\n]+?)(?<!\s)\$(?!\d)", re.DOTALL)
"""A `$$…$$` or `$…$` span, by Pandoc's rule for inline math: no space inside either dollar,
no digit after the closing one — "costs $5 and $6" is money."""
# What is written in no language: formulas, code and links. A Chinese answer that is mostly
# LaTeX (\frac, \left, \theta) or a pasted snippet is still a Chinese answer.
_NOT_PROSE = re.compile(r"```.*?(?:```|$)|~~~.*?(?:~~~|$)|`[^`\n]+`|(?:https?://|www\.)\S+",
                        re.DOTALL)


def language_of(text: str) -> str:
    """'zh' when the text's prose is mostly Chinese, else 'en'."""
    prose = MATH_SPAN.sub(" ", _NOT_PROSE.sub(" ", text))
    cjk = len(_CJK.findall(prose))
    latin_words = len(re.findall(r"[A-Za-z]+", prose))
    return "zh" if cjk and cjk >= latin_words else "en"


@lru_cache(maxsize=1)
def _jieba():  # type: ignore[no-untyped-def]
    # rjieba loads its dictionary in ~0.1 s (jieba: ~1 s on 2 cores) with the same
    # segmentation; still imported here, once, so commands that cut nothing never pay it.
    import rjieba

    # Keep domain terms whole (过拟合, not 过/拟合; 正则化, not 正则/化).
    for group in load_glossary().synonym_groups():
        for term in group:
            if _CJK.search(term) and " " not in term:
                rjieba.add_word(term, 200000, None)
    return rjieba


def warm_up() -> None:
    """Load jieba and its dictionary now (for a worker thread)."""
    with _lock:
        _jieba()


def cut(text: str) -> list[str]:
    """Lower-cased words of mixed Chinese/English text, punctuation and spaces dropped."""
    return list(_cut(text))


def may_be_plural(rest: str) -> bool:
    """Whether a word ending in "s" can be the plural of `rest` (the word less its "s"): not
    when `rest` has no vowel — HTTPS is no plural of HTTP."""
    return bool(_VOWEL.search(rest))


def singular_acronyms(text: str) -> str:
    """The text with each acronym's plural made singular (CNNs → CNN, HTTPS unchanged)."""
    return _ACRONYM_PLURAL.sub(r"\1", text)


@lru_cache(maxsize=8192)
def _cut(text: str) -> tuple[str, ...]:
    # Graders and search cut the same clauses and note sentences again and again.
    if not _OPERATOR.search(text):
        return _cut_words(text)
    words: list[str] = []
    for at, piece in enumerate(_OPERATOR.split(text)):
        words.extend((piece,) if at % 2 else _cut_words(piece))
    return tuple(words)


def _cut_words(text: str) -> tuple[str, ...]:
    with _lock:
        tokenizer = _jieba()
    tokens = tokenizer.cut(singular_acronyms(text))
    words: list[str] = []
    for at, token in enumerate(tokens):
        if token in _SIGNS and _names_sign(tokens, at):
            words[-1] += _SIGNS[token]
            continue
        if _LETTER_NAME.match(token):
            # The name whole, then its word, so "k means" and "k-means" still share one.
            words.append(token.lower())
        parts = _ASCII_PART.findall(token) if token.isascii() else (token,)
        words.extend(part.lower() for part in parts if _WORD.search(part))
    return tuple(words)


def _names_sign(tokens: list[str], at: int) -> bool:
    """Whether the sign at `at` ends the name before it (B+树, B+tree, F#, Notepad++), not a
    sum (TP+FP): it follows a word with no space between, and a word may follow a "+" or
    "#" only when the name is one letter (B+tree; a lone letter is no term anyway)."""
    before = tokens[at - 1] if at else ""
    after = tokens[at + 1] if at + 1 < len(tokens) else ""
    if not (before.isascii() and before.isalpha()):
        return False
    return (tokens[at] == "++" or len(before) == 1
            or not (after[:1].isascii() and after[:1].isalnum()))

