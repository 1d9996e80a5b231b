"""The vector shards beside an embedded index: a search over an up-to-date index reads them
instead of Chroma (no chromadb import), gives the same results, and anything missing or
made by another encoder sends it through Chroma, which writes the shards back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from interviewer.config import load_settings
from interviewer.notes import load_bank
from interviewer.search import Retriever, open_retriever
from interviewer.search.vector_shards import FOLDER, STAMP
from tests.search_fixtures import NOTES_A, NOTES_B, write_notes

pytestmark = pytest.mark.usefixtures("hash_embeddings")

QUERIES = ["梯度消失的原因", "dropout 为什么能防止过拟合", "scale and shift", "学习率"]


def _open(folder: Path) -> Retriever:
    return open_retriever(load_settings(), load_bank([folder]))


def _shards(home: Path) -> Path:
    from interviewer.search.index_pointer import LOCAL_PREFIX, read_pointer

    return home / "index" / f"{LOCAL_PREFIX}{read_pointer(home / 'index')}" / FOLDER


def _ranked(retriever: Retriever) -> list[list[tuple[str, float]]]:
    return [[(hit.question_id, round(hit.score, 4)) for hit in retriever.search(q, k=4)]
            for q in QUERIES]


def _through_chroma(retriever: Retriever) -> Retriever:
    """The retriever made to search with Chroma's query instead of the shards."""
    retriever.index._nearest = None
    return retriever


def _hits(retriever: Retriever) -> list[list[tuple[str, float]]]:
    return [[(hit.question_id, hit.score) for hit in retriever.search(q, k=4)]
            for q in QUERIES]


def test_an_up_to_date_index_is_read_from_the_shards_with_the_same_results(
    tmp_path: Path,
) -> None:
    notes = write_notes(tmp_path / "notes", {"a.md": NOTES_A, "b.md": NOTES_B})
    _open(notes)
    from_shards = _open(notes)
    assert from_shards.index._nearest is not None
    assert from_shards.index._collection is None  # Chroma was never opened
    through_chroma = _through_chroma(_open(notes))
    assert _ranked(from_shards) == _ranked(through_chroma)
    assert through_chroma.index._collection is not None  # it did read Chroma


def test_the_process_that_writes_the_index_reads_the_same_vectors_as_the_next(
    tmp_path: Path,
) -> None:
    # Chroma's query is approximate (HNSW) and computes its own distances: the process that
    # has just written the index searches the shards too, so the same index gives the same
    # hits and scores in every process — after a first build and after an in-place update.
    notes = write_notes(tmp_path / "notes", {"a.md": NOTES_A, "b.md": NOTES_B})
    built = _open(notes)
    assert built.report.files_indexed == 2
    assert _hits(built) == _hits(_open(notes))
    assert built.index._nearest is not None
    (notes / "a.md").write_text(NOTES_A + "\n## 3. 新问题？\n新的答案。\n", encoding="utf-8")
    updated = _open(notes)
    assert updated.report.files_indexed == 1
    assert _hits(updated) == _hits(_open(notes))
    assert updated.index._nearest is not None
    assert updated.index._nearest.keys == [n.key for n in updated.index._notes or []]


def test_a_rebuild_reads_the_shards_it_wrote(tmp_path: Path) -> None:
    from interviewer.search.encoders import make_encoder
    from interviewer.search.index import NotesIndex
    from interviewer.search.index_files import notes_files

    notes = write_notes(tmp_path / "notes", {"a.md": NOTES_A, "b.md": NOTES_B})
    expected = _hits(_open(notes))
    index = NotesIndex(load_settings(), make_encoder(load_settings())[0])
    files = notes_files(load_bank([notes]))
    assert index.rebuild(files).rebuilt
    assert index._nearest is not None and index._nearest.keys == [n.key for n in files]
    assert _hits(_open(notes)) == expected


NOTES_EN = """# Evaluation
## 1. What is the difference between precision and recall?
Precision is TP / (TP + FP): how many of the predicted positives are right. Recall is
TP / (TP + FN): how many of the real positives are found.
## 2. Why use a validation set?
To tune hyperparameters and stop early without touching the test set.
"""


def test_notes_in_two_languages_read_from_the_shards_give_the_same_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One read per language and the per-language mean vectors (e5 only: hash vectors do not
    # cross languages): from Chroma and from the shards alike.
    monkeypatch.setenv("INTERVIEWER_EMBEDDINGS", "e5")
    notes = write_notes(tmp_path / "notes", {"a.md": NOTES_A, "b.md": NOTES_B,
                                             "c.md": NOTES_EN})
    _open(notes)
    from_shards = _open(notes)
    assert from_shards.index._nearest is not None
    assert len(from_shards._reads) == 2 and from_shards._centroids
    through_chroma = _through_chroma(_open(notes))
    for query in [*QUERIES, "precision recall", "验证集有什么用"]:
        expected = [hit.question_id for hit in through_chroma.search(query, k=4)]
        assert [hit.question_id for hit in from_shards.search(query, k=4)] == expected


def test_a_search_process_over_an_up_to_date_index_never_imports_chromadb(
    tmp_path: Path, isolated_env: Path
) -> None:
    notes = write_notes(tmp_path / "notes", {"a.md": NOTES_A})
    _open(notes)
    probe = (
        "import sys\n"
        "from interviewer.cli.main import main\n"
        "code = main(['search', '--notes', sys.argv[1], '--json', 'Dropout 过拟合'])\n"
        "print('chromadb' in sys.modules, file=sys.stderr)\n"
        "raise SystemExit(code)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe, str(notes)], capture_output=True,
                          text=True, env=os.environ.copy(), timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["question_id"] == "a-01"
    assert done.stderr.strip().splitlines()[-1] == "False"


def test_a_lost_shard_is_read_through_chroma_and_written_back(
    tmp_path: Path, isolated_env: Path
) -> None:
    notes = write_notes(tmp_path / "notes", {"a.md": NOTES_A, "b.md": NOTES_B})
    expected = _ranked(_open(notes))
    shards = sorted(_shards(isolated_env).glob("*.npz"))
    assert len(shards) == 2
    shards[0].unlink()  # as a process killed between Chroma and the shard leaves it
    healed = _open(notes)
    assert healed.index._collection is not None and healed.report.files_indexed == 0
    assert shards[0].is_file()
    assert healed.index._nearest is not None  # and it searches the shard it wrote back
    assert _ranked(healed) == expected
    assert _open(notes).index._nearest is not None


def test_shards_of_another_encoder_are_not_used(
    tmp_path: Path, isolated_env: Path
) -> None:
    notes = write_notes(tmp_path / "notes", {"a.md": NOTES_A})
    _open(notes)
    (_shards(isolated_env) / STAMP).write_text(json.dumps({"encoder": "other:dim=3"}))
    again = _open(notes)
    assert again.index._collection is not None  # through Chroma, which checks its record
    assert again.search("梯度消失", k=1)
    assert _open(notes).index._nearest is not None  # and the stamp is put right


def test_a_changed_file_drops_its_old_shard(tmp_path: Path, isolated_env: Path) -> None:
    notes = write_notes(tmp_path / "notes", {"a.md": NOTES_A})
    _open(notes)
    before = {p.name for p in _shards(isolated_env).glob("*.npz")}
    (notes / "a.md").write_text(NOTES_A + "\n## 3. 新问题？\n新的答案。\n", encoding="utf-8")
    changed = _open(notes)
    assert changed.report.files_indexed == 1
    after = {p.name for p in _shards(isolated_env).glob("*.npz")}
    assert len(after) == 1 and after != before
    assert _open(notes).index._nearest is not None


def test_a_note_sets_stack_is_read_while_its_shards_are_unchanged(
    tmp_path: Path, isolated_env: Path
) -> None:
    import pickle

    from interviewer.search.vector_shards import VectorShards

    notes = write_notes(tmp_path / "notes", {"a.md": NOTES_A, "b.md": NOTES_B})
    expected = _ranked(_open(notes))
    assert _ranked(_open(notes)) == expected  # the first read from the shards stacks them
    folder = _shards(isolated_env)
    (stack,) = folder.glob("*.stack")
    keys = pickle.loads(stack.read_bytes()).keys
    shards = VectorShards(folder.parent)
    assert shards.load(keys).vectors.shape == pickle.loads(stack.read_bytes()).vectors.shape
    # A shard written again (as healing does) makes its stack stale: stacked afresh.
    first = folder / f"{keys[0]}.npz"
    data = first.read_bytes()
    first.unlink()
    first.write_bytes(data)
    os.utime(first, ns=(1, 1))
    reloaded = shards.load(keys)
    assert len(list(folder.glob("*.stack"))) == 2
    assert (reloaded.vectors == pickle.loads(stack.read_bytes()).vectors).all()
    assert _ranked(_open(notes)) == expected


def test_switching_packs_re_keys_files_without_running_the_model_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_env: Path
) -> None:
    # Another pack changes how notes become search words, so every file is indexed again
    # under a new key; its titles and passages are the same text, so their vectors are not.
    from interviewer.search.encoders import E5Encoder
    from interviewer.search.index_generation import VECTOR_CACHE

    monkeypatch.setenv("INTERVIEWER_EMBEDDINGS", "e5")
    notes = write_notes(tmp_path / "notes", {"a.md": NOTES_A, "b.md": NOTES_B})
    embedded: list[str] = []
    documents = E5Encoder.documents

    def counting(self: E5Encoder, texts: list[str]) -> object:
        embedded.extend(texts)
        return documents(self, texts)

    monkeypatch.setattr(E5Encoder, "documents", counting)
    monkeypatch.setenv("INTERVIEWER_PACKS", "deep-learning")
    first = _open(notes)
    assert embedded and (isolated_env / "index" / VECTOR_CACHE).is_file()
    expected = [hit.question_id for hit in first.search("梯度消失的原因", k=3)]
    embedded.clear()
    monkeypatch.setenv("INTERVIEWER_PACKS", "none")
    other = _open(notes)
    assert other.report.files_indexed == 2 and embedded == []
    monkeypatch.setenv("INTERVIEWER_PACKS", "deep-learning")
    again = _open(notes)
    assert embedded == []
    assert [hit.question_id for hit in again.search("梯度消失的原因", k=3)] == expected


def test_an_index_updated_for_another_note_set_reads_that_sets_vectors(tmp_path: Path) -> None:
    from interviewer.search.encoders import make_encoder
    from interviewer.search.index import NotesIndex
    from interviewer.search.index_files import notes_files

    only_a = write_notes(tmp_path / "a", {"a.md": NOTES_A})
    both = write_notes(tmp_path / "ab", {"a.md": NOTES_A, "b.md": NOTES_B})
    _open(only_a)
    index = NotesIndex(load_settings(), make_encoder(load_settings())[0])
    index.update(notes_files(load_bank([only_a])))
    assert index._nearest is not None  # read from the shards
    files = notes_files(load_bank([both]))
    assert index.update(files).files_indexed == 1  # b.md is new: written through Chroma
    assert index.vectors([files[1].key])  # not the first set's vectors alone
    found = index.nearest(index.encoder.query(["学习率"])[0], 8)
    assert {meta["file_key"] for meta, _ in found} == {n.key for n in files}
