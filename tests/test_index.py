"""The index: incremental by file content, note sets side by side, repair of a damaged
store, the embedding function recorded with the collection, and a real Chroma server."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from interviewer.config import load_settings
from interviewer.notes import load_bank
from interviewer.search import Retriever, open_retriever
from interviewer.search.index_files import notes_files
from tests.search_fixtures import NOTES_A, NOTES_B, chroma_server, write_notes

__all__ = ["chroma_server"]  # the fixture, imported for pytest


# Most index tests do not need meaning, only vectors.
pytestmark = pytest.mark.usefixtures("hash_embeddings")


def _open(*folders: Path) -> Retriever:
    return open_retriever(load_settings(), load_bank(list(folders)))


def _generation(home: Path) -> Path:
    """The folder of the index generation in use (the pointer names it)."""
    from interviewer.search.index_pointer import LOCAL_PREFIX, read_pointer

    return home / "index" / f"{LOCAL_PREFIX}{read_pointer(home / 'index')}"


def _forget_open_stores() -> None:
    from chromadb.api.client import SharedSystemClient

    SharedSystemClient.clear_system_cache()


def test_second_run_indexes_nothing(tmp_path: Path) -> None:
    notes = write_notes(tmp_path / "notes", {"a.md": NOTES_A, "b.md": NOTES_B})
    first = _open(notes).report
    assert (first.files_indexed, first.questions_embedded) == (2, 4)
    again = _open(notes).report
    assert (again.files_indexed, again.questions_embedded, again.chunks_cached) == (0, 0, 0)


def test_changing_one_file_reindexes_only_that_file(tmp_path: Path) -> None:
    notes = write_notes(tmp_path / "notes", {"a.md": NOTES_A, "b.md": NOTES_B})
    _open(notes)
    (notes / "b.md").write_text(NOTES_B.replace("学习率太大", "学习率太小"), encoding="utf-8")
    retriever = _open(notes)
    assert (retriever.report.files_indexed, retriever.report.questions_embedded) == (1, 2)
    # The old version of b.md is gone from the collection; a.md was left alone.
    tables = retriever.tables
    assert retriever.index.collection.count() == 4 + len(tables.chunks)
    stored = retriever.index.collection.get(include=["metadatas"])["metadatas"] or []
    assert {meta["file_key"] for meta in stored} == set(tables.keys)
    assert retriever.search("学习率太小", k=1)[0].title == "学习率太小会怎样？"


def test_switching_note_sets_keeps_both_and_shows_only_the_one_in_use(tmp_path: Path) -> None:
    first = write_notes(tmp_path / "first", {"reg.md": NOTES_A})
    second = write_notes(tmp_path / "second", {"opt.md": NOTES_B})
    _open(first)
    on_second = _open(second)
    assert on_second.report.files_indexed == 1
    back = _open(first)
    assert (back.report.files_indexed, back.report.questions_embedded) == (0, 0)
    hits = back.search("梯度消失 学习率", k=5)
    assert {hit.question_id for hit in hits} <= {"reg-01", "reg-02"}
    assert {hit.question_id for hit in on_second.search("Dropout", k=5)} <= {"opt-01", "opt-02"}


def test_every_question_gets_a_passage_vector_of_its_leading_chunk(tmp_path: Path) -> None:
    from interviewer.search.chunking import PASSAGE_CHUNKS

    retriever = _open(write_notes(tmp_path / "notes", {"a.md": NOTES_A, "b.md": NOTES_B}))
    leading = [row for row, place in enumerate(retriever.tables.positions)
               if place[2] < PASSAGE_CHUNKS]
    assert retriever.tables.passage_rows == leading
    assert retriever.report.passages_embedded == len(leading) >= len(retriever.questions)
    (hit,) = retriever.search("scale and shift", k=1)
    assert hit.question_id == "a-02" and "scale and shift" in hit.text


@pytest.mark.parametrize("overfetch", [0, 160], ids=["filtered", "read-past"])
def test_another_sets_vectors_never_leak_into_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, overfetch: int
) -> None:
    from interviewer.search import index

    monkeypatch.setattr(index, "OVERFETCH", overfetch)  # both ways past foreign records

    small = write_notes(tmp_path / "small", {"a.md": NOTES_A})
    assert _open(small).report.passages_embedded > 0
    # The other set's vectors stay in the collection for when the user switches back; they
    # must not show up in this set's results.
    write_notes(tmp_path / "other", {"b.md": NOTES_B})
    other = _open(tmp_path / "other")
    hits = other.search("梯度消失的原因", k=4)
    assert hits[0].question_id == "b-01"
    assert {hit.question_id for hit in hits} <= {q.id for q in other.questions}
    assert len({hit.question_id for hit in hits}) == len(hits)
    assert _open(small).report.files_indexed == 0  # and the small set is still complete


def test_a_file_cut_off_half_way_is_embedded_again(tmp_path: Path) -> None:
    notes = write_notes(tmp_path / "notes", {"a.md": NOTES_A, "b.md": NOTES_B})
    first = _open(notes)
    names = [n.path.name for n in notes_files(load_bank([notes]))]
    b_key = first.tables.keys[names.index("b.md")]
    # As if indexing stopped after b.md's first question: its last record never arrived
    # (and its vector shard, dropped before writing, was never written again).
    first.index.collection.delete(ids=[f"{b_key}:1"])
    assert first.index.shards is not None
    first.index.shards.drop(b_key)
    again = _open(notes)
    assert (again.report.files_indexed, again.report.questions_embedded) == (1, 2)
    assert again.search("学习率太大", k=1)[0].question_id == "b-02"


def test_one_file_twice_in_a_set_is_embedded_once(tmp_path: Path) -> None:
    write_notes(tmp_path / "one", {"a.md": NOTES_A})
    write_notes(tmp_path / "two", {"a.md": NOTES_A})
    both = _open(tmp_path / "one", tmp_path / "two")
    assert both.report.questions_embedded == 2
    assert both.search("Dropout", k=1)[0].title.startswith("为什么 Dropout")


def test_same_file_in_two_places_is_embedded_once(tmp_path: Path) -> None:
    write_notes(tmp_path / "one", {"a.md": NOTES_A})
    write_notes(tmp_path / "two", {"a.md": NOTES_A})
    _open(tmp_path / "one")
    assert _open(tmp_path / "two").report.questions_embedded == 0


def test_corrupt_store_is_moved_aside_and_rebuilt(tmp_path: Path, isolated_env: Path) -> None:
    notes = write_notes(tmp_path / "notes", {"a.md": NOTES_A})
    _open(notes)
    _forget_open_stores()
    store = _generation(isolated_env) / "chroma" / "chroma.sqlite3"
    store.write_bytes(b"this is not a database" * 100)
    # Searches keep answering from the vector shards, a faithful copy ...
    assert _open(notes).search("Dropout", k=1)[0].question_id == "a-01"
    # ... until Chroma is needed again: then the damage is found, moved aside and rebuilt.
    (notes / "a.md").write_text(NOTES_A + "\n## 3. 新问题？\n新的答案。\n", encoding="utf-8")
    retriever = _open(notes)
    assert retriever.report.questions_embedded == 3
    (notice,) = retriever.notices
    assert "moved it to" in notice and "\n" not in notice
    (moved,) = isolated_env.glob("index.broken-*")
    assert (moved / "chroma" / "chroma.sqlite3").read_bytes().startswith(b"this is not")
    assert retriever.search("Dropout", k=1)[0].question_id == "a-01"


def test_foreign_folder_is_moved_aside(tmp_path: Path, isolated_env: Path) -> None:
    foreign = isolated_env / "index"
    foreign.mkdir(parents=True)
    (foreign / "thesis.txt").write_text("not ours", encoding="utf-8")
    retriever = _open(write_notes(tmp_path / "notes", {"a.md": NOTES_A}))
    assert any("not an interviewer index" in notice for notice in retriever.notices)
    (moved,) = isolated_env.glob("index.broken-*")
    assert (moved / "thesis.txt").read_text(encoding="utf-8") == "not ours"


def test_lost_chunk_cache_is_remade_without_reembedding(tmp_path: Path, isolated_env: Path) -> None:
    notes = write_notes(tmp_path / "notes", {"a.md": NOTES_A})
    _open(notes)
    for cached in (_generation(isolated_env) / "chunks").glob("*.json"):
        cached.write_text("{broken", encoding="utf-8")
    for cached in (_generation(isolated_env) / "tables").glob("*.pickle"):
        cached.write_bytes(b"not a pickle")
    retriever = _open(notes)
    assert retriever.report.questions_embedded == 0
    assert retriever.search("共适应", k=1)[0].question_id == "a-01"


def test_changing_the_embedding_function_rebuilds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = write_notes(tmp_path / "notes", {"a.md": NOTES_A})
    _open(notes)
    monkeypatch.setenv("INTERVIEWER_EMBEDDINGS", "e5")
    retriever = _open(notes)
    assert retriever.report.questions_embedded == 2
    assert any("embedding function changed" in notice for notice in retriever.notices), retriever.notices
    metadata = retriever.index.collection.metadata or {}
    assert str(metadata["embedding"]).startswith("interviewer-e5")


def test_chroma_server_mode(
    tmp_path: Path,
    isolated_env: Path,
    monkeypatch: pytest.MonkeyPatch,
    chroma_server: tuple[str, int],
) -> None:
    host, port = chroma_server
    monkeypatch.setenv("CHROMA_HOST", host)
    monkeypatch.setenv("CHROMA_PORT", str(port))
    notes = write_notes(tmp_path / "notes", {"a.md": NOTES_A, "b.md": NOTES_B})
    first = _open(notes)
    assert first.report.questions_embedded == 4
    assert first.search("梯度消失", k=1)[0].question_id == "b-01"
    assert _open(notes).report.questions_embedded == 0
    assert not list((isolated_env / "index").glob("*/chroma"))  # vectors live on the server


def test_unreachable_server_is_one_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from interviewer.errors import InterviewerError
    from tests.search_fixtures import free_port

    monkeypatch.setenv("CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("CHROMA_PORT", str(free_port()))
    with pytest.raises(InterviewerError, match="cannot reach the Chroma server"):
        _open(write_notes(tmp_path / "notes", {"a.md": NOTES_A}))


def test_a_new_vocabulary_gives_files_new_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    # BM25 terms depend on the glossary and lexicon: terms cut with another vocabulary
    # must not be reused.
    import interviewer.search.index_files as index_module

    before = index_module.file_key(b"## 1. Q\nA", [])
    monkeypatch.setattr(index_module, "vocabulary_fingerprint", lambda: "another")
    assert index_module.file_key(b"## 1. Q\nA", []) != before


def test_a_new_parse_or_chunk_format_gives_files_new_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Records hold the parsed questions cut into chunks: a parser or chunker that reads a
    # file differently must re-index it, not keep its old records — and a parser change that
    # reads it the same must not (re-embedding 3,000 questions takes minutes).
    import interviewer.search.index_files as index_module

    data = b"## 1. Q?\nA\n"
    (tmp_path / "a.md").write_bytes(data)
    questions = list(load_bank([tmp_path / "a.md"]).questions)
    before = index_module.file_key(data, questions)
    assert index_module.file_key(data, list(load_bank([tmp_path / "a.md"]).questions)) == before
    monkeypatch.setattr(index_module, "CHUNK_FORMAT", index_module.CHUNK_FORMAT + 1)
    chunked = index_module.file_key(data, questions)
    read_otherwise = [replace(questions[0], answer="A, read otherwise")]
    assert len({before, chunked, index_module.file_key(data, read_otherwise)}) == 3


def test_a_set_over_the_passage_budget_gets_title_vectors_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from interviewer.search import tables

    notes = write_notes(tmp_path / "notes", {"a.md": NOTES_A, "b.md": NOTES_B})
    monkeypatch.setattr(tables, "PASSAGE_BUDGET", 100)  # as a folder of thousands would be
    retriever = _open(notes)
    assert not retriever.tables.with_passages
    assert (retriever.report.questions_embedded, retriever.report.passages_embedded) == (4, 0)
    assert retriever.search("学习率太大", k=1)[0].question_id == "b-02"
    again = _open(notes)
    assert again.report.files_indexed == 0 and again.index._nearest is not None
