"""The bilingual topic glossary: topic slugs ↔ aliases, synonym groups, `--topic` selection."""

from __future__ import annotations

import difflib
import hashlib
import re
import shlex
import tomllib
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

from interviewer.commands import command
from interviewer.errors import UsageError
from interviewer.resources import knowledge_dir

if TYPE_CHECKING:
    from interviewer.notes.model import Question

GLOSSARY_FILE = "topics.toml"
MIN_RELEVANCE = 2
MIN_PREFIX = 3
_COMPACT = re.compile(r"[\s\-_]+")
_WORD = re.compile(r"\w+")
# Emoji, pictographs and their joiners, variation selectors and keycaps: a heading's
# decoration, never part of the name people type.
_DECORATION = frozenset({"So", "Sk", "Cf", "Co", "Cs", "Me"})
_SELECTORS = frozenset("\ufe0e\ufe0f")
# Signs that end a name (C#, C++) are kept even at its end.
_NAME_SIGNS = "#+"
_Trie = dict[str, "_Trie"]


class UnknownTopicError(UsageError):
    """A `--topic` that names no topic of the notes (or several)."""

    def __init__(self, topic: str, suggestions: list[str], ambiguous: bool = False) -> None:
        self.topic = topic
        self.suggestions = suggestions
        """Topic names as people type them (shell-quoted in the message)."""
        quoted = ", ".join(shlex.quote(name) for name in suggestions)
        listed = f"(`{command('topics')}` lists them all)"
        if ambiguous:
            message = f"topic {topic!r} could be: {quoted}; give more of its name {listed}"
        else:
            # A word the notes use only in answers is no topic, but search finds it.
            hint = f"did you mean: {quoted}? " if suggestions else ""
            message = (
                f"unknown topic {topic!r}: no topic, section or question title names it; "
                f"{hint}`{command('search', topic)}` searches the answers {listed}"
            )
        super().__init__(message)


@dataclass(frozen=True)
class Topic:
    """A topic a candidate can ask for, with its aliases in both languages."""

    slug: str
    name: str
    zh: tuple[str, ...]
    en: tuple[str, ...]
    includes: tuple[str, ...] = ()


def compact(text: str) -> str:
    """Lower-case text with spaces, hyphens and underscores removed (for alias matching)."""
    return _COMPACT.sub("", text.lower())


def typable_name(name: str) -> str:
    """A topic's name as people type it: emoji and pictographs dropped, surrounding
    punctuation and spaces trimmed ("❗❗ Tricky Questions ❗❗" → "Tricky Questions"); the
    name itself when nothing is left."""
    kept = "".join(
        " " if unicodedata.category(char) in _DECORATION or char in _SELECTORS else char
        for char in unicodedata.normalize("NFKC", name)
    )
    words = " ".join(kept.split())
    start, end = 0, len(words)
    while start < end and _trimmed(words[start]):
        start += 1
    while end > start and _trimmed(words[end - 1]) and words[end - 1] not in _NAME_SIGNS:
        end -= 1
    return words[start:end] or name.strip()


def _trimmed(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("P")


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
        self._alias_to_slug: dict[str, str] = {}
        for topic in topics:
            for alias in (topic.slug, topic.name, *topic.zh, *topic.en):
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


@dataclass(frozen=True)
class TopicMatch:
    """What a `--topic` selected: the questions, the topic's name and how it matched —
    "topic" (a glossary topic or section named exactly), "name" (a prefix or the words of
    one) or "titles" (no topic: the questions whose titles name the word)."""

    questions: list[Question]
    name: str
    how: str

    def notice(self, typed: str) -> str | None:
        """What to tell the user when the match was not a topic's own name."""
        if self.how != "titles":
            return None
        return (
            f"no topic {typed!r}: selected the {len(self.questions)} question(s) whose title "
            f"or section names it (`{command('search', typed)}` searches the answers too)"
        )


def questions_for_topic(
    questions: Sequence[Question], topic: str, glossary: Glossary
) -> list[Question]:
    """Questions about a topic (slug, alias or section name), most relevant first."""
    return select_topic(questions, topic, glossary).questions


def select_topic(questions: Sequence[Question], topic: str, glossary: Glossary) -> TopicMatch:
    """The questions a `--topic` means, most relevant first.

    A question belongs to a glossary topic when its heading names it (or a topic it
    includes), or when two or more of its key points do; a section, tag, folder or file name
    of the notes works as a topic too. Names match ignoring case, emoji and surrounding
    punctuation; then an unambiguous prefix or the words of one topic that has questions
    here; then a word the questions' titles name. UnknownTopicError otherwise, suggesting
    only topics these notes have questions about.
    """
    key = topic_key(topic)
    if not key:
        raise UsageError(f"--topic is empty: give a topic (`{command('topics')}` lists them)")
    in_section = [q for q in questions if any(topic_key(s) == key for s in _own_topics(q))]
    slug = glossary.lookup(topic)
    if slug is not None:
        picked = _about(questions, slug, glossary)
        return TopicMatch(picked + [q for q in in_section if q not in picked], slug, "topic")
    if in_section:
        name = next(s for s in _own_topics(in_section[0]) if topic_key(s) == key)
        return TopicMatch(in_section, name, "topic")
    offered = _offered(questions, glossary)
    named = _named_by(topic, offered)
    if len(named) == 1:
        (name,) = named
        return TopicMatch(offered[name](), name, "name")
    if named:
        raise UnknownTopicError(topic, [typable_name(n) for n in named], ambiguous=True)
    titled = _titles_naming(questions, topic)
    if titled:
        return TopicMatch(titled, topic, "titles")
    names = {topic_key(name): typable_name(name) for name in offered}
    close = difflib.get_close_matches(key, list(names), n=3, cutoff=0.5)
    raise UnknownTopicError(topic, list(dict.fromkeys(names[k] for k in close)))


def _own_topics(question: Question) -> tuple[str, ...]:
    return (*question.sections, *question.notes_topics, *question.tags)


def _about(questions: Sequence[Question], slug: str, glossary: Glossary) -> list[Question]:
    slugs = glossary.expand(slug)
    scored = [(q.relevance(slugs), order, q) for order, q in enumerate(questions)]
    chosen = [(score, order, q) for score, order, q in scored if score >= MIN_RELEVANCE]
    chosen.sort(key=lambda item: (-item[0], item[1]))
    return [q for _, _, q in chosen]


def _offered(
    questions: Sequence[Question], glossary: Glossary
) -> dict[str, Callable[[], list[Question]]]:
    """The topics these questions have, by name: the notes' own (sections, tags, folders,
    files) and the glossary's that at least one question is about; each with how to get
    its questions."""
    offered: dict[str, Callable[[], list[Question]]] = {}
    for q in questions:
        for name in _own_topics(q):
            if name not in glossary.topics and name not in offered:
                offered[name] = partial(_in_section, questions, topic_key(name))
    present = {slug for q in questions for slug, _ in q.topic_weights} | {
        slug for q in questions for slug in q.notes_topics if slug in glossary.topics
    }
    for slug in glossary.topics:
        if glossary.expand(slug) & present:
            about = _about(questions, slug, glossary)
            if about:
                offered[slug] = partial(list, about)
    return offered


def _in_section(questions: Sequence[Question], key: str) -> list[Question]:
    return [q for q in questions if any(topic_key(s) == key for s in _own_topics(q))]


def _named_by(topic: str, offered: dict[str, Callable[[], list[Question]]]) -> list[str]:
    """The offered topics a typed prefix (three characters or more) or the typed words
    (each a word of the name, the last one perhaps begun: three characters, or one after
    whole words) name."""
    key = topic_key(topic)
    typed = _WORD.findall(typable_name(topic).casefold())
    found = []
    for name in offered:
        words = _WORD.findall(typable_name(name).casefold())
        by_prefix = len(key) >= MIN_PREFIX and topic_key(name).startswith(key)
        by_words = bool(typed) and all(
            word in words
            or (
                i == len(typed) - 1
                and (i > 0 or len(word) >= MIN_PREFIX)
                and any(w.startswith(word) for w in words)
            )
            for i, word in enumerate(typed)
        )
        if by_prefix or by_words:
            found.append(name)
    return found


def _titles_naming(questions: Sequence[Question], topic: str) -> list[Question]:
    """Questions whose title, section or tags name the typed words: whole words, a plural
    as its singular (channels → channel); CJK text as a substring."""
    words = _WORD.findall(typable_name(topic).casefold())
    if not words:
        return []
    # A plural names the singular, but an acronym's "s" is no plural (HTTPS is not HTTP).
    last = words[-1]
    stem = re.sub(r"(?<=[a-z]{3})(?:es|s)$", "", last)
    if not re.search(r"[aeiouy]", stem):
        stem = last
    phrase = r"[\s\-_]+".join([*(re.escape(w) for w in words[:-1]), re.escape(stem)])
    pattern = re.compile(rf"(?<![\w]){phrase}(?:e?s)?(?![\w])" if stem.isascii() else phrase)
    return [
        q for q in questions
        if any(pattern.search(text.casefold()) for text in (q.title, *_own_topics(q)))
    ]
