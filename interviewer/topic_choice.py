"""`--topic`: which questions a typed topic means — a glossary topic, a section of the
notes, a prefix or the words of one, else the questions whose titles name the word."""

from __future__ import annotations

import difflib
import re
import shlex
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from interviewer.commands import command
from interviewer.errors import UsageError
from interviewer.text import may_be_plural
from interviewer.topics import Glossary, topic_key, typable_name

if TYPE_CHECKING:
    from interviewer.notes.model import Question

MIN_RELEVANCE = 2
MIN_PREFIX = 3
_WORD = re.compile(r"\w+")


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
    if not may_be_plural(stem):
        stem = last
    phrase = r"[\s\-_]+".join([*(re.escape(w) for w in words[:-1]), re.escape(stem)])
    pattern = re.compile(rf"(?<![\w]){phrase}(?:e?s)?(?![\w])" if stem.isascii() else phrase)
    return [
        q for q in questions
        if any(pattern.search(text.casefold()) for text in (q.title, *_own_topics(q)))
    ]
