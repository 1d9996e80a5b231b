"""The bilingual topic glossary: topic slugs ↔ aliases, synonym groups, and topic names as
people type them (`--topic` selection is in topic_choice)."""

from __future__ import annotations

import hashlib
import re
import tomllib
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from interviewer.resources import knowledge_dir

GLOSSARY_FILE = "topics.toml"
_COMPACT = re.compile(r"[\s\-_]+")
# Emoji, pictographs and their joiners, variation selectors and keycaps: a heading's
# decoration, never part of the name people type.
_DECORATION = frozenset({"So", "Sk", "Cf", "Co", "Cs", "Me"})
_SELECTORS = frozenset("\ufe0e\ufe0f")
# Signs that end a name (C#, C++) are kept even at its end.
_NAME_SIGNS = "#+"
_Trie = dict[str, "_Trie"]
# "BERT (Bidirectional Encoder Representations from Transformers)": a word, then in brackets
# the words its letters stand for.
_SPELLED_OUT = re.compile(r"\b([A-Za-z][A-Za-z0-9]+)\s*[(（]([A-Za-z][^()（）]*)[)）]")
_LINKING_WORDS = frozenset({"a", "an", "and", "by", "for", "from", "in", "of", "on", "the", "to"})


@dataclass(frozen=True)
class Topic:
    """A topic a candidate can ask for, with its aliases in both languages."""

    slug: str
    name: str
    zh: tuple[str, ...]
    en: tuple[str, ...]
    includes: tuple[str, ...] = ()


def _unspelled(found: re.Match[str]) -> str:
    """An acronym without the words in brackets that spell it out: they tell what it stands
    for ("Representations" in BERT's), not what the text is about."""
    acronym, words = found.group(1).upper(), re.findall(r"[A-Za-z]+", found.group(2))
    initials = "".join(word[0] for word in words).upper()
    meaning = "".join(word[0] for word in words if word.lower() not in _LINKING_WORDS).upper()
    return found.group(1) if acronym in (initials, meaning) else found.group(0)


def compact(text: str) -> str:
    """Lower-case text with spaces, hyphens and underscores removed (for alias matching)."""
    return _COMPACT.sub("", text.lower())


def typable_name(name: str) -> str:
    """A topic's name as people type it: emoji and pictographs dropped, surrounding
    punctuation and spaces trimmed ("❗❗ Tricky Questions ❗❗" → "Tricky Questions") but for
    brackets that pair inside it ("支持向量机（SVM）"); the name itself when nothing is left."""
    kept = "".join(
        " " if unicodedata.category(char) in _DECORATION or char in _SELECTORS else char
        for char in unicodedata.normalize("NFKC", name)
    )
    words = " ".join(kept.split())
    start, end = 0, len(words)
    while start < end and _trimmed(words[start]) and not _paired(words[start + 1 : end], "Ps"):
        start += 1
    while (
        end > start
        and _trimmed(words[end - 1])
        and words[end - 1] not in _NAME_SIGNS
        and not _paired(words[start : end - 1], "Pe")
    ):
        end -= 1
    return words[start:end] or name.strip()


def _trimmed(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("P")


def _paired(rest: str, bracket: str) -> bool:
    """Does an opening (`Ps`) or closing (`Pe`) bracket at one end of a name pair with one
    left open in the `rest` of it ("支持向量机(SVM" + ")")? Then it is part of the name."""
    opened = sum(unicodedata.category(char) == "Ps" for char in rest)
    closed = sum(unicodedata.category(char) == "Pe" for char in rest)
    return opened > closed if bracket == "Pe" else closed > opened


@lru_cache(maxsize=8192)
def topic_key(name: str) -> str:
    """What two spellings of one topic name share: its typable name, case-folded and
    compacted ("🤖 General-Questions!" and "general questions" → "generalquestions")."""
    return compact(typable_name(name).casefold())


class _AliasIndex:
    """Finds which topics' aliases occur in a text, in one pass: short English aliases as
    whole words, the rest as substrings of the compacted text."""

    def __init__(self, aliases: dict[str, set[str]]) -> None:
        self._owners: dict[str, set[str]] = {}
        words, substrings = set(), set()
        for alias, slugs in aliases.items():
            key = compact(alias)
            if not key:
                continue
            if key.isascii() and len(key) <= 3:
                key = alias.lower().strip()
                words.add(key)
            else:
                substrings.add(key)
            self._owners.setdefault(key, set()).update(slugs)

        # Substring aliases as one regex shaped like a trie of them: the regex engine skips the
        # positions no alias starts at, and at the others finds the longest alias in one
        # walk (a plain alternation would try every alias at every position).
        self._substring = re.compile(_trie_pattern(substrings)) if substrings else None
        alternation = "|".join(re.escape(k) for k in sorted(words, key=len, reverse=True))
        word_pattern = rf"(?<![a-z0-9])(?:{alternation})(?![a-z0-9])"
        self._word = re.compile(word_pattern) if words else None

    def owners_each(self, texts: Sequence[str]) -> list[set[str]]:
        """Slugs whose aliases occur in each text, in one pass over them all (a question's
        title and key points) joined by NUL, which no alias holds."""
        if len(texts) > 1 and any("\0" in text for text in texts):
            return [self.owners_each([text])[0] for text in texts]
        found: list[set[str]] = [set() for _ in texts]
        pieces = [text.lower() for text in texts]
        lowered = "\0".join(pieces)
        if self._word is not None:
            starts = _starts(pieces)
            for match in self._word.finditer(lowered):
                found[bisect_right(starts, match.start()) - 1] |= self._owners[match.group(0)]
        if self._substring is not None:
            # The longest alias at each position counts; searching again from the next
            # position (not the match's end) lets overlapping aliases all count.
            compacted = compact(lowered)
            starts = _starts(compacted.split("\0")) if len(texts) > 1 else [0]
            search = self._substring.search
            hit = search(compacted)
            while hit is not None:
                found[bisect_right(starts, hit.start()) - 1] |= self._owners[hit.group()]
                hit = search(compacted, hit.start() + 1)
        return found


def _starts(pieces: list[str]) -> list[int]:
    """Where each piece starts in the pieces joined by one character."""
    starts, at = [], 0
    for piece in pieces:
        starts.append(at)
        at += len(piece) + 1
    return starts


def _trie_pattern(keys: set[str]) -> str:
    """A regex matching the longest of `keys` that starts where it is tried."""
    trie: _Trie = {}
    for key in keys:
        node = trie
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: _Trie) -> str:
        longer = [re.escape(char) + branch(rest) for char, rest in sorted(node.items()) if char]
        if not longer:
            return ""
        either = longer[0] if len(longer) == 1 else f"(?:{'|'.join(longer)})"
        # Where a key ends here, going on to a longer key is tried first.
        return f"(?:{either})?" if "" in node else either

    return branch(trie)


class Glossary:
    """Topics and synonym groups loaded from the glossary file."""

    def __init__(
        self, topics: Sequence[Topic], terms: Sequence[tuple[str, ...]], fingerprint: str = ""
    ) -> None:
        self.fingerprint = fingerprint
        """A hash of the glossary file: what was derived from it is stale when it changes."""
        self.topics = {topic.slug: topic for topic in topics}
        self.terms = [tuple(group) for group in terms]
        aliases: dict[str, set[str]] = {}
        for topic in topics:
            for alias in (*topic.zh, *topic.en):
                aliases.setdefault(alias, set()).add(topic.slug)
        self._index = _AliasIndex(aliases)
        # Every topic's own slug and name first: a broad topic may list a narrower one's
        # name among its aliases (activation functions: "relu"), and `--topic relu` means
        # the topic named so.
        self._alias_to_slug: dict[str, str] = {}
        for topic in topics:
            for alias in (topic.slug, topic.name):
                self._alias_to_slug.setdefault(compact(alias), topic.slug)
        for topic in topics:
            for alias in (*topic.zh, *topic.en):
                self._alias_to_slug.setdefault(compact(alias), topic.slug)

    @classmethod
    def load(cls, path: Path) -> Glossary:
        """Read a glossary TOML file."""
        raw = path.read_bytes()
        data = tomllib.loads(raw.decode("utf-8"))
        topics = [
            Topic(
                slug=slug,
                name=str(entry.get("name", slug)),
                zh=tuple(entry.get("zh", ())),
                en=tuple(entry.get("en", ())),
                includes=tuple(entry.get("includes", ())),
            )
            for slug, entry in data.get("topics", {}).items()
        ]
        terms = [
            (*entry.get("zh", ()), *entry.get("en", ())) for entry in data.get("terms", [])
        ]
        return cls(topics, terms, hashlib.sha1(raw).hexdigest())

    def synonym_groups(self) -> list[tuple[str, ...]]:
        """Every group of words that mean the same: topic aliases and the term table."""
        groups = [(*topic.zh, *topic.en) for topic in self.topics.values()]
        return [tuple(group) for group in groups] + list(self.terms)

    def topic_weights(
        self, heading: str, key_points: Sequence[str]
    ) -> tuple[tuple[str, int], ...]:
        """Each topic's weight for a question: 3 when its heading names the topic, plus one
        per key point that does; strongest first, zero weights left out."""
        heading = _SPELLED_OUT.sub(_unspelled, heading)
        heading_owners, *point_owners = self._index.owners_each([heading, *key_points])
        weights: dict[str, int] = dict.fromkeys(heading_owners, 3)
        for slugs in point_owners:
            for slug in slugs:
                weights[slug] = weights.get(slug, 0) + 1
        # Ties by name: the owners come as a set, whose order changes with the hash seed.
        ordered = sorted(weights.items(), key=lambda item: (-item[1], item[0]))
        return tuple((slug, weight) for slug, weight in ordered if weight > 0)

    def slug_for(self, name: str) -> str | None:
        """The slug a name or alias stands for, or None (no suggestions: cheap)."""
        return self._alias_to_slug.get(compact(name))

    def lookup(self, topic: str) -> str | None:
        """The slug for a slug or alias (English or Chinese) as typed, emoji and surrounding
        punctuation aside; None when it is none."""
        return self._alias_to_slug.get(compact(topic)) or self._alias_to_slug.get(
            topic_key(topic)
        )

    def expand(self, slug: str) -> set[str]:
        """A topic and every topic it includes, transitively."""
        seen: set[str] = set()
        pending = [slug]
        while pending:
            current = pending.pop()
            if current in seen or current not in self.topics:
                continue
            seen.add(current)
            pending.extend(self.topics[current].includes)
        return seen


@lru_cache(maxsize=4)
def load_glossary(path: Path | None = None) -> Glossary:
    """The bundled glossary (or the one at `path`), cached."""
    return Glossary.load(path or knowledge_dir() / GLOSSARY_FILE)
