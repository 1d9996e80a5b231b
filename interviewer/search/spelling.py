"""Misspelt English words of a query put right against a known vocabulary ("gradiant" →
"gradient"), so a typo does not lose the glossary term it meant. A word pyspellchecker's
English dictionary knows is never changed (shaped is not a typo of shared)."""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

MIN_LENGTH = 5
"""Shorter words are left alone: one letter off in "relu" or "loss" is another word."""
_WORD = re.compile(r"[A-Za-z]+")


def _one_typo_away(word: str) -> set[str]:
    """Every word one typo from `word`: a letter dropped, added, mistyped or swapped with
    the next."""
    found = {word[:i] + word[i + 1 :] for i in range(len(word))}
    found |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    for letter in string.ascii_lowercase:
        found |= {word[:i] + letter + word[i + 1 :] for i in range(len(word))}
        found |= {word[:i] + letter + word[i:] for i in range(len(word) + 1)}
    found.discard(word)
    return found


@lru_cache(maxsize=1)
def _english() -> Any:
    from spellchecker import SpellChecker  # ~0.1 s: loaded for the first unknown word only

    return SpellChecker(distance=1)


class Speller:
    """Corrects a word that is not in the vocabulary to the one known word a single typo
    away, when there is exactly one."""

    def __init__(self, words: Iterable[str], stem: Callable[[str], str]) -> None:
        self._stem = stem
        self._words = {word.lower() for word in words if word.isascii() and word.isalpha()}
        self._stems = {stem(word) for word in self._words}
        self._fix = lru_cache(maxsize=4096)(self._correct)

    def _correct(self, word: str) -> str:
        lowered = word.lower()
        if len(lowered) < MIN_LENGTH or self._stem(lowered) in self._stems:
            return word
        candidates = _one_typo_away(lowered) & self._words
        if len(candidates) != 1 or lowered in _english():
            return word
        return candidates.pop()

    def respell(self, text: str) -> str:
        """The text with each English word of five letters or more that is neither in the
        vocabulary nor in the dictionary replaced by the vocabulary's word one typo away,
        when there is exactly one."""
        return _WORD.sub(lambda match: self._fix(match.group(0)), text)
