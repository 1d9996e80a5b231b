"""The topics a notes file gives its questions: the glossary's topics when the notes are
about its subject (judged per file, or per folder for files too small to judge alone), and
the names of the file and the folders it sits in."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from interviewer.notes.draft import asks
from interviewer.notes.marks import TAG_WORDS
from interviewer.notes.model import Question
from interviewer.topics import Glossary

# The glossary's topics belong to a file only when this share of its questions names one:
# in notes about something else a few words are a coincidence ("广度遍历和深度遍历二叉树" is
# no question about network depth and width; a Go slice's "capacity" no model capacity) —
# unless a section of the notes names the topic.
GLOSSARY_SHARE = 0.15
_NUMBERED_QUESTION = re.compile(r"\b(?:q|question|problem)\s*\d+\b|(?:question|problem)\d+|"
                                r"第\s*\d+\s*[题问]", re.IGNORECASE)
SMALL_FILE = 5
"""A file with fewer questions is judged with the other small files of its folder."""


def about_glossary(questions: list[Question]) -> bool:
    """Whether enough of these questions name a glossary topic for the glossary to be
    their subject (else a topic named once is a coincidence: "initialization" in Android
    notes is no weight initialization)."""
    return sum(1 for q in questions if q.topic_weights) >= GLOSSARY_SHARE * len(questions)


def small_files_by_folder(questions: list[Question], glossary: Glossary) -> list[Question]:
    """The glossary topics of files too small to judge alone (a folder of one question per
    file), judged with the other small files of their folder."""
    sizes = Counter(q.source for q in questions)
    folders: dict[str, list[Question]] = {}
    for q in questions:
        if sizes[q.source] < SMALL_FILE:
            folders.setdefault(str(Path(q.source).parent), []).append(q)
    off = {q.id for group in folders.values() if not about_glossary(group) for q in group}
    return [replace(q, topic_weights=sectioned(q, glossary)) if q.id in off else q
            for q in questions]


def sectioned(question: Question, glossary: Glossary) -> tuple[tuple[str, int], ...]:
    """The question's glossary topics that a section of the notes names ("Optimization
    tips"): the notes' own structure, never a coincidence."""
    named = {slug for slug, _ in glossary.topic_weights(" ".join(question.sections), ())}
    return tuple((slug, weight) for slug, weight in question.topic_weights if slug in named)


def topic_tags(tags: tuple[str, ...]) -> list[str]:
    """Tags that name a subject (not 高频, easy, 了解即可 …)."""
    return [tag for tag in tags if tag.lower() not in TAG_WORDS]


def notes_topics(names: Iterable[str], glossary: Glossary) -> tuple[str, ...]:
    """Structure names as topics: the glossary's slug when it knows the name, else the name."""
    return tuple(dict.fromkeys(glossary.slug_for(name) or name for name in names))


# "01_激活函数", "10. optimizers", "2-basics": a number that sorts the files of a folder is
# no part of their subject ("3d_vision" keeps its 3d: no separator follows the number).
_ORDER = re.compile(r"^\d+(?:\.\d+)*[\s._\-、]+(?=\S)")
_NUMBER_ONLY = re.compile(r"^[\d.\s]+$")


def place_names(source: str) -> list[str]:
    """Folder and file names of a notes file as topics ("ml/k_means.md" → ml, k means)."""
    parts = Path(source).with_suffix("").parts
    names = [re.sub(r"[_\-]+", " ", _ORDER.sub("", part)).strip() for part in parts]
    return [name for name in names if name.strip(".")]


def only_numbers(name: str) -> bool:
    """A folder or file name that is only a number ("http/108.md", one page of a numbered
    series; a year): it orders or dates the notes, it names no topic."""
    return bool(_NUMBER_ONLY.match(name))


def names_its_question(name: str) -> bool:
    """A one-question file's name that asks ("What do you know about ArrayMap") or numbers
    it ("AC Question01"): the question's, no topic of its own (a name such as "激活函数"
    is)."""
    return asks(name) or bool(_NUMBERED_QUESTION.search(name))


def shared_places(sources: list[str]) -> frozenset[str]:
    """A file name every notes file has (aws/questions.md, git/questions.md …): a naming
    habit of the notes, not a subject — their folders name the subjects. (A folder all the
    files share names the subject of them all, and stays.)"""
    stems = {Path(source).stem for source in sources}
    if len(sources) < 2 or len(stems) != 1:
        return frozenset()
    return frozenset(place_names(sources[0])[-1:])


def with_places(
    questions: list[Question], places: list[str], glossary: Glossary
) -> list[Question]:
    if not places:
        return questions
    titles = _file_titles(questions, places)
    return [
        replace(q, notes_topics=notes_topics(
            (*(t for t in q.notes_topics if t not in titles), *places), glossary))
        for q in questions
    ]


def _file_titles(questions: list[Question], places: list[str]) -> set[str]:
    """Topics of one file that hold all its questions and say a name of its place again,
    with more words ("Linux Questions" in linux/questions.md): the file's title, which its
    place names already — a second topic for the same questions. (A shorter one, "java" in
    zh_java.md, is the better name, and stays.)"""
    if not questions:
        return set()
    every = set(questions[0].notes_topics).intersection(*(q.notes_topics for q in questions))
    names = [place.casefold() for place in places]
    return {
        topic for topic in every
        if any(name != topic.casefold() and name in topic.casefold() for name in names)
    }
