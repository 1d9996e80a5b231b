"""Words of Chinese and English text: jieba with the glossary's terms, and language."""

from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache
from pathlib import Path

from interviewer.topics import load_glossary

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[\w\u3400-\u9fff]", re.UNICODE)
_lock = threading.Lock()
_cache_dir: Path | None = None


def language_of(text: str) -> str:
    """'zh' when the text is mostly Chinese, else 'en'."""
    cjk = len(_CJK.findall(text))
    latin_words = len(re.findall(r"[A-Za-z]+", text))
    return "zh" if cjk and cjk >= latin_words else "en"


def set_cache_dir(path: Path) -> None:
    """Where jieba keeps its prefix-dictionary cache (call before the first cut)."""
    global _cache_dir
    _cache_dir = path


@lru_cache(maxsize=1)
def _jieba():  # type: ignore[no-untyped-def]
    # jieba costs ~0.5 s on first use (it builds a prefix dictionary) and logs to stderr,
    # which would garble a Textual screen: import it here, quietly, once.
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    if _cache_dir is not None:
        _cache_dir.mkdir(parents=True, exist_ok=True)
        tokenizer.tmp_dir = str(_cache_dir)
    tokenizer.initialize()
    # Keep domain terms whole (过拟合, not 过/拟合; 正则化, not 正则/化).
    for group in load_glossary().synonym_groups():
        for term in group:
            if _CJK.search(term) and " " not in term:
                tokenizer.add_word(term, freq=200000)
    return tokenizer


def warm_up() -> None:
    """Load jieba and its dictionary now (for a worker thread)."""
    with _lock:
        _jieba()


def cut(text: str) -> list[str]:
    """Lower-cased words of mixed Chinese/English text, punctuation and spaces dropped."""
    return list(_cut(text))


@lru_cache(maxsize=8192)
def _cut(text: str) -> tuple[str, ...]:
    # Graders and search cut the same clauses and note sentences again and again.
    with _lock:
        tokenizer = _jieba()
    return tuple(
        token.lower()
        for token in tokenizer.lcut(text)
        if token.strip() and _WORD.search(token)
    )

