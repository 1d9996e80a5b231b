"""Glossary terms found in word sequences: each alias of a synonym group, in either
language, becomes the same tag, so search counts 权重, weights and parameters as one word
with one document frequency (an English word is rare in Chinese notes, and matching it
literally would make the one passage quoting English win every English query)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

TAG = "#"
"""Tags start with this (jieba never yields it as a word)."""


class TermTagger:
    """Finds the aliases of synonym groups in a sequence of (normalised) words, longest
    first, and names the groups they belong to."""

    def __init__(
        self, groups: Sequence[Sequence[str]], words: Callable[[str], list[str]]
    ) -> None:
        """`words` turns an alias into the words a text's alias would be cut into: the
        same function as the text's, so both sides meet."""
        self._groups: dict[tuple[str, ...], set[int]] = {}
        for index, group in enumerate(groups):
            for alias in group:
                key = tuple(words(alias))
                if key:
                    self._groups.setdefault(key, set()).add(index)
        self._longest = max((len(key) for key in self._groups), default=0)
        self._starts = {key[0] for key in self._groups if len(key) > 1}

    def spans(self, words: Sequence[str]) -> list[tuple[int, int, frozenset[int]]]:
        """(start, end, groups) of each alias in the words, left to right, longest match
        first and not overlapping."""
        found = []
        position = 0
        while position < len(words):
            end = self._match(words, position)
            if end:
                found.append((position, end, frozenset(self._groups[tuple(words[position:end])])))
                position = end
            else:
                position += 1
        return found

    def _match(self, words: Sequence[str], start: int) -> int:
        # Where the longest alias starting at `start` ends (0 when none does).
        if words[start] in self._starts:
            for end in range(min(len(words), start + self._longest), start + 1, -1):
                if tuple(words[start:end]) in self._groups:
                    return end
        return start + 1 if (words[start],) in self._groups else 0

    def tags(self, words: Sequence[str]) -> list[str]:
        """A tag for every group of every alias in the words (repeated per occurrence)."""
        return [tag(group) for _, _, groups in self.spans(words) for group in sorted(groups)]


def tag(group: int) -> str:
    """The word that stands for a synonym group."""
    return f"{TAG}{group}"
