"""A command's one-letter option (git branch -d, ls -a) is a search term of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.config import load_settings
from interviewer.notes import load_bank
from interviewer.search import open_retriever
from interviewer.search.lexical import doc_terms, flat_terms, query_terms
from tests.search_fixtures import write_notes

GIT_NOTES = """# Git
## What is a branch in git?
A branch is a movable pointer to a commit. Every repository starts with one branch.

## How do you list the branches?
Run git branch to list local branches and git branch -a to list remote ones too.

## How do you delete a branch?
Run git branch -d old-feature once it is merged; a remote one goes with git push.

## What does git merge do?
It joins the history of another branch into the current branch with a merge commit.

## What does git rebase do?
It replays the commits of the current branch on top of another branch.
"""


@pytest.mark.parametrize(("text", "option"), [
    ("git branch -d old-feature", "-d"),
    ("ls -a", "-a"),
    ('git commit -m "fix"', "-m"),
])
def test_a_one_letter_option_is_a_term(text: str, option: str) -> None:
    assert option in doc_terms(text)
    assert option in flat_terms(query_terms(text))


def test_hyphenated_words_and_list_dashes_are_no_options() -> None:
    assert not [t for t in doc_terms("a well-known k-means - a list item") if t.startswith("-")]


def test_an_option_finds_the_question_whose_command_uses_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("INTERVIEWER_EMBEDDINGS", "hash")
    monkeypatch.setenv("INTERVIEWER_PACKS", "none")
    notes = write_notes(tmp_path / "notes", {"git.md": GIT_NOTES})
    retriever = open_retriever(load_settings(), load_bank([notes]))
    assert retriever.search("git branch -d", k=1)[0].title == "How do you delete a branch?"
    assert retriever.search("git branch -a", k=1)[0].title == "How do you list the branches?"
