"""Questions that are not like the others in search: one written twice word for word is one
hit, and one the notes leave unanswered gets no say from its bare-title passage vector."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from interviewer.config import load_settings
from interviewer.notes import load_bank
from interviewer.search import open_retriever
from interviewer.search.fusion import LanguageMix, fuse
from tests.search_fixtures import write_notes


def test_a_question_written_twice_word_for_word_is_one_hit(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Notes with a block pasted twice (or one question copied into two files): its copies
    # filled the results, "tides" gave the tides question twice in the top 2 and pushed
    # the others down. From the walk9c walkthrough (ten questions of a real file repeated).
    monkeypatch.setenv("INTERVIEWER_EMBEDDINGS", "hash")
    block = (
        "## What causes tides?\nThe moon's gravity pulls the oceans; the sun adds a smaller pull.\n\n"
        "## Why is the sky blue?\nAir scatters short blue wavelengths more than red ones.\n\n"
    )
    tides_moon = "## How does the moon affect the sea?\nIts gravity raises tides twice a day.\n\n"
    notes = write_notes(tmp_path / "notes", {
        "physics.md": block + tides_moon + block,
        "copy.md": "## What causes tides?\nThe moon's gravity pulls the oceans; the sun adds a smaller pull.\n",
    })
    bank = load_bank([notes])
    assert sum(q.title == "What causes tides?" for q in bank.questions) == 3
    retriever = open_retriever(load_settings(), bank)
    titles = [hit.title for hit in retriever.search("tides moon gravity", k=3)]
    assert titles.count("What causes tides?") == 1, titles
    assert "How does the moon affect the sea?" in titles[:2]
    # Related notes of one copy are other questions, not the copy's twins.
    first = next(q for q in bank.questions if q.title == "What causes tides?")
    related = [hit.title for hit in retriever.related(first, k=3)]
    assert "What causes tides?" not in related, related
    # A question with the same title but another answer is another question.
    notes_b = write_notes(tmp_path / "notes_b", {
        "a.md": "## What causes tides?\nThe moon's gravity.\n\n## What causes tides? \nThe sun's gravity, less so.\n",
    })
    other = open_retriever(load_settings(), load_bank([notes_b]))
    assert [hit.title for hit in other.search("tides gravity", k=2)] == ["What causes tides?"] * 2
    # A bare title asked of two things, or one answer under two sections, is two questions.
    notes_c = write_notes(tmp_path / "notes_c", {
        "c.md": "# Trees\n## What is the basic idea?\n## What are the pros?\nFast.\n"
                "# Forests\n## What is the basic idea?\n## What are the pros?\nFast.\n",
    })
    third = open_retriever(load_settings(), load_bank([notes_c]))
    assert [hit.sections for hit in third.search("basic idea", k=4)] == [("Trees",), ("Forests",)]
    assert [hit.sections for hit in third.search("pros fast", k=4)] == [("Trees",), ("Forests",)]


def test_an_unanswered_question_gets_no_say_from_its_bare_title_passage(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # An unanswered question's passage vector embeds its title alone, and a short text lies
    # near any query: in real notes with most questions unanswered such bare titles were the
    # nearest passages of every everyday Chinese query (walk9h walkthrough). The passage
    # ranking now has no say about them; title and BM25 still find them.
    monkeypatch.setenv("INTERVIEWER_EMBEDDINGS", "hash")
    monkeypatch.setenv("INTERVIEWER_PACKS", "none")
    notes = write_notes(tmp_path / "notes", {"ml.md": (
        "## What is bagging?\nTrain several models on bootstrap samples and average them.\n\n"
        "## What is boosting?\nTrain weak models one after another, each on the last one's errors.\n\n"
        "## How do models average samples?\n\n"
        "## What is k-means clustering?\n"
    )})
    retriever = open_retriever(load_settings(), load_bank([notes]))
    assert retriever.tables.with_passages
    _, passages, _ = retriever._dense("models average samples")
    assert not np.isnan(passages[[0, 1]]).any()
    assert np.isnan(passages[[2, 3]]).all()
    assert retriever.search("k-means clustering", k=1)[0].title == "What is k-means clustering?"


def test_fusion_gives_an_unanswered_question_the_passage_ranking_mean() -> None:
    # Three questions BM25 cannot tell apart; by passages the first is far ahead of the
    # second. The third has no answer: it sits between them, not last (as a question the
    # store did not return would) nor first (as its bare title's passage might put it).
    mix = LanguageMix(np.asarray(["en"] * 3, dtype=object), translates=True, bridged=False)
    rankings = {
        "question": np.asarray([1.0, 1.0, 1.0]),
        "passage": np.asarray([0.9, 0.1, np.nan]),
    }
    order = [q for q, _ in fuse(rankings, -1, "en", mix, lambda: 1.0,
                                unanswered=np.asarray([False, False, True]))]
    assert order == [0, 2, 1]
    plain = [q for q, _ in fuse(rankings, -1, "en", mix, lambda: 1.0)]
    assert plain == [0, 1, 2]
