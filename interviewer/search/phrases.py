"""What a query says, matched against known phrasings: English words by their stems and
whole, the glossary's synonym groups (both languages) and a pack's colloquial bridges."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from interviewer.text import ASCII_WORD, may_be_plural, singular_acronyms
from interviewer.topics import compact

BRIDGE_WEIGHT = 1.0
"""A domain term a colloquial phrasing stands for (a pack's bridges.toml) counts as much as
the words typed (on the development queries 0.85–1.3 did alike, 0.5–0.7 worse), unless its
bridge gives a weight of its own."""
_GAP_ZH = 8
_GAP_EN = 4

# Longest first, so "initializations" loses "ations" rather than "s".
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "es", "ed", "s", "e")



def stem(word: str) -> str:
    """A crude English stem shared by glossary aliases and queries (initializing,
    initialization, initialized → initializ), so inflections still find their group."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word[-2] in "su":  # loss, relus: not plurals to cut
                continue
            if suffix == "s" and not may_be_plural(word[:-1]):
                continue
            root = word[: -len(suffix)]
            # dropping, stopped → drop, stop (but falling, missed keep their ll, ss)
            if suffix in ("ing", "ed") and root[-1] == root[-2] and root[-1] not in "lsz":
                root = root[:-1]
            return root
    return word


def stemmed_words(text: str) -> str:
    """The text's English words stemmed, space-separated and padded, for whole-word matching
    (so "unit" does not match inside "units_of_work" and "mean" not inside "meaning")."""
    words = ASCII_WORD.findall(singular_acronyms(text).lower())
    return " " + " ".join(stem(word) for word in words) + " "


class Expander:
    """Finds glossary terms in a query and adds their synonyms (English ↔ Chinese)."""

    def __init__(self, groups: list[tuple[str, ...]], weights: list[float]) -> None:
        self.groups = groups
        self.weights = weights
        self._english: list[tuple[str, int]] = []
        self._other: list[tuple[str, int]] = []
        for index, group in enumerate(groups):
            for alias in group:
                key = compact(alias)
                if not key:
                    continue
                if key.isascii():
                    self._english.append((stemmed_words(alias), index))
                else:
                    self._other.append((key, index))

    def expand_groups(
        self, query: str, english_only: bool = False
    ) -> list[tuple[list[str], float]]:
        """For each glossary group the query names (with English words only, if asked), its
        aliases the query does not hold and the weight they get."""
        words, squeezed = stemmed_words(query), compact(query)
        matched = {index for key, index in self._english if key in words}
        if not english_only:
            matched |= {index for key, index in self._other if key in squeezed}
        found = []
        for index in sorted(matched):
            aliases = [alias for alias in self.groups[index] if compact(alias) not in squeezed]
            if aliases:
                found.append((aliases, self.weights[index]))
        return found


class Bridges:
    """Colloquial phrasings and the domain terms they mean, from a pack's bridges.toml;
    "…" in a phrasing is a short gap (so 前面…层…学不动 matches 前面几层就学不动了)."""

    def __init__(
        self, bridges: list[tuple[list[str], list[str]]], weights: list[float] | None = None
    ) -> None:
        self.means: list[list[str]] = []
        self.weights = weights or [BRIDGE_WEIGHT] * len(bridges)
        self.term_weights = {
            compact(term): weight
            for (_, means), weight in zip(bridges, self.weights, strict=True)
            if weight != BRIDGE_WEIGHT
            for term in means
        }
        """The weight of each term that a bridge with a weight of its own stands for."""
        self._by_anchor: dict[str, list[tuple[int, _Phrasing]]] = {}
        """Each phrasing under a word (English) or one or two characters (other scripts) it
        cannot be said without: a query looks only at the phrasings its own words and
        characters could say (~1,700 phrasings in the deep-learning pack)."""
        for index, (says, means) in enumerate(bridges):
            for phrase in says:
                parts = phrase.split("…")
                if all(part.isascii() for part in parts):
                    phrasing = _english_phrasing(parts)
                else:
                    phrasing = _Phrasing(
                        False,
                        tuple(compact(part) for part in parts),
                        f".{{0,{_GAP_ZH}}}".join(re.escape(compact(part)) for part in parts),
                    )
                self._by_anchor.setdefault(phrasing.anchor, []).append((index, phrasing))
            self.means.append(list(means))

    @classmethod
    def load(cls, path: Path) -> Bridges:
        """The bridges of a pack's bridges.toml file."""
        import tomllib

        with path.open("rb") as handle:
            return cls.of(tomllib.load(handle).get("bridges", []))

    @classmethod
    def of(cls, bridges: list[dict[str, Any]]) -> Bridges:
        """Bridges from [[bridges]] entries (says, means, optional weight)."""
        return cls(
            [(list(b["says"]), list(b["means"])) for b in bridges],
            [float(b.get("weight", BRIDGE_WEIGHT)) for b in bridges],
        )

    def find(self, query: str) -> list[tuple[list[str], float]]:
        """The domain terms of each bridge the query says, without those it already holds,
        and the weight they get."""
        words, squeezed = stemmed_words(query), compact(query)
        pairs = (squeezed[i : i + 2] for i in range(len(squeezed)))
        anchors = {"", *words.split(), *squeezed, *pairs}
        said = {
            index
            for anchor in anchors
            for index, phrasing in self._by_anchor.get(anchor, ())
            if phrasing.says(words if phrasing.english else squeezed)
        }
        found = []
        for index in sorted(said):
            missing = [term for term in self.means[index] if compact(term) not in squeezed]
            if missing:
                found.append((missing, self.weights[index]))
        return found


@dataclass(frozen=True)
class _Phrasing:
    """One way a bridge is said: its literal parts, in order, with short gaps between them.
    The pattern is compiled only for a text holding every part (compiling all of a pack's
    took ~0.3 s of each search process)."""

    english: bool
    """Matched against the text's stemmed words (else against its compact form)."""
    parts: tuple[str, ...]
    pattern: str

    @property
    def anchor(self) -> str:
        """A word (English) or the first two characters of the longest part, which any text
        saying this phrasing holds ("" for a phrasing of gaps only)."""
        longest = max(self.parts, key=len).strip()
        return longest.split(" ")[0] if self.english else longest[:2]

    def says(self, text: str) -> bool:
        """Whether the text says this phrasing."""
        return all(part in text for part in self.parts) and bool(
            _compiled(self.pattern).search(text)
        )


@lru_cache(maxsize=4096)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _english_phrasing(parts: list[str]) -> _Phrasing:
    # Stemmed whole words, padded like stemmed_words(), with up to _GAP_EN words per "…".
    stems = [
        " ".join(stem(w) for w in ASCII_WORD.findall(singular_acronyms(p).lower())) for p in parts
    ]
    pattern = " " + f" (?:\\S+ ){{0,{_GAP_EN}}}".join(re.escape(part) for part in stems) + " "
    return _Phrasing(True, tuple(f" {part} " for part in stems), pattern)
