"""The subject vocabulary search reads queries and notes with — synonym groups, the topic
glossary, colloquial bridges — taken only from the domain packs in use: with no pack, search
knows no subject and works from the notes alone.

A pack folder gives search, beside its [[words]] groups (see interviewer/packs.py):
    bridges.toml   [[bridges]] says = [...], means = [...], weight: colloquial phrasings and
                   the terms they stand for (format in the bundled deep-learning pack's file)
    [search]       glossary = true: the bundled topic glossary (knowledge/topics.toml) is this
                   pack's vocabulary, so its aliases and term groups count as synonyms
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from interviewer.packs import Pack

BRIDGES_FILE = "bridges.toml"


@dataclass(frozen=True)
class Vocabulary:
    """What search knows about the notes' subject, from the packs in use."""

    packs: tuple[str, ...] = ()
    word_groups: tuple[tuple[str, ...], ...] = ()
    """The packs' [[words]] groups: each is one search word, in either language."""
    bridge_files: tuple[Path, ...] = ()
    glossary: bool = False
    """Whether the bundled topic glossary's aliases and term groups count as synonyms."""
    hint_groups: tuple[tuple[str, ...], ...] = ()
    """The word groups of the packs that do not take the glossary: the vector query gets the
    other language's spellings of the terms it names from them. A glossary pack's hints come
    from the glossary alone: with its word groups as well, the deep-learning blind query sets
    lost 3 queries of 720."""
    fingerprint: str = ""

    @classmethod
    def of(cls, packs: Sequence[Pack]) -> Vocabulary:
        """The vocabulary of these packs (none: the empty vocabulary)."""
        bridges = tuple(
            p.folder / BRIDGES_FILE for p in packs if (p.folder / BRIDGES_FILE).is_file()
        )
        takes_glossary = [bool(_search_options(p.folder).get("glossary", False)) for p in packs]
        glossary = any(takes_glossary)
        digest = hashlib.sha256("|".join(p.fingerprint for p in packs).encode())
        if glossary:
            from interviewer.topics import load_glossary

            digest.update(load_glossary().fingerprint.encode())
        return cls(
            packs=tuple(p.name for p in packs),
            word_groups=tuple(g for p in packs for g in p.words),
            bridge_files=bridges,
            glossary=glossary,
            hint_groups=tuple(
                g for p, takes in zip(packs, takes_glossary, strict=True) if not takes
                for g in p.words
            ),
            fingerprint=digest.hexdigest()[:16],
        )

    def glossary_groups(self) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
        """The glossary's topic alias groups and term groups (both empty without it)."""
        if not self.glossary:
            return [], []
        from interviewer.topics import load_glossary

        glossary = load_glossary()
        topics = [(*topic.zh, *topic.en) for topic in glossary.topics.values()]
        return topics, [tuple(group) for group in glossary.terms]

    def bridges(self) -> list[dict[str, Any]]:
        """The [[bridges]] entries of the packs' bridges.toml files, in order."""
        entries: list[dict[str, Any]] = []
        for path in self.bridge_files:
            with path.open("rb") as handle:
                entries += tomllib.load(handle).get("bridges", [])
        return entries


def _search_options(folder: Path) -> dict[str, Any]:
    options: dict[str, Any] = {}
    for path in sorted(folder.glob("*.toml")):
        with path.open("rb") as handle:
            options.update(tomllib.load(handle).get("search", {}))
    return options


_active: Vocabulary | None = None


def use_packs(packs: Sequence[Pack] | None) -> Vocabulary:
    """Make search read with these packs' vocabulary from now on (None: every bundled pack,
    the default); returns it."""
    global _active
    _active = None if packs is None else Vocabulary.of(packs)
    return active()


def active() -> Vocabulary:
    """The vocabulary search reads with now."""
    return _active if _active is not None else _bundled()


@lru_cache(maxsize=1)
def _bundled() -> Vocabulary:
    from interviewer.packs import bundled_packs

    return Vocabulary.of(bundled_packs())
