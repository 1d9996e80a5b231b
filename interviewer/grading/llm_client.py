"""One chat completion through the `openai` client, inside a time budget: explicit timeouts,
our own bounded retries with backoff that honour Retry-After, and failures sorted into kinds
the grader can act on. The API key is handed to the client and never appears in a message."""

from __future__ import annotations

import random
import re
import threading
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any

from interviewer.grading.levels import endpoint_label

if TYPE_CHECKING:
    from openai import OpenAI

    from interviewer.config import Settings

MAX_ATTEMPTS = 3
# Local servers (Ollama, vLLM, llama.cpp) accept any key; the client insists on one.
PLACEHOLDER_KEY = "not-needed"
_SECRETISH = re.compile(r"\b(sk|key|api|tok)[-_][A-Za-z0-9*_.\-]{6,}", re.IGNORECASE)


class _Overdue(Exception):
    """A request still running when its time was up (a server sending slowly, say)."""


def _within(seconds: float, call: Any) -> Any:
    # The client's timeout bounds each read, not the whole reply: a server trickling a byte
    # at a time would hold a grade forever. The request runs in a daemon thread that is
    # abandoned when its time is up.
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = call()
        except BaseException as exc:  # handed to the caller's thread below
            outcome["error"] = exc

    worker = threading.Thread(target=run, name="llm-request", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise _Overdue
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


class LLMFailure(Exception):
    """A request that ended without a usable completion.

    kind: "rejected" (the server refused the request, e.g. an unsupported response_format),
    "auth", "not_found", "unavailable" (timeouts, 429, 5xx, connection errors after retries),
    "refused" (the model declined), "bad_output" (unusable content after the corrective retry).
    """

    def __init__(self, kind: str, reason: str) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason


@dataclass(frozen=True)
class Completion:
    """What the model sent back."""

    content: str
    refusal: str
    finish_reason: str


def redact(text: str, secret: str | None) -> str:
    """`text` without the key (or anything shaped like a key), on one short line."""
    if secret and len(secret) >= 8:
        text = text.replace(secret, "***")
    elif secret:
        # A short key ("x" for a local server) would garble every word it occurs in:
        # mask it only where it stands alone.
        text = re.sub(rf"(?<![A-Za-z0-9]){re.escape(secret)}(?![A-Za-z0-9])", "***", text)
    text = _SECRETISH.sub("***", text)
    return " ".join(text.split())[:200]


def _retry_after(exc: Any) -> float | None:
    response = getattr(exc, "response", None)
    if response is None:
        return None
    headers = response.headers
    millis = headers.get("retry-after-ms")
    if millis:
        try:
            return max(float(millis) / 1000, 0.0)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        return max(parsedate_to_datetime(value).timestamp() - time.time(), 0.0)
    except (TypeError, ValueError):
        return None


def _server_message(exc: Any) -> str:
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and isinstance(inner.get("message"), str):
            return str(inner["message"])
        if isinstance(body.get("message"), str):
            return str(body["message"])
    return str(getattr(exc, "message", "") or exc)


def _completion(response: Any) -> Completion:
    # Responses are not validated by the client: a lax server may leave out any field.
    choices = getattr(response, "choices", None) or []
    message = getattr(choices[0], "message", None) if choices else None
    if message is None:
        raise LLMFailure("bad_output", "the response has no message")
    return Completion(
        content=str(getattr(message, "content", None) or ""),
        refusal=str(getattr(message, "refusal", None) or ""),
        finish_reason=str(getattr(choices[0], "finish_reason", None) or ""),
    )


class ChatClient:
    """Chat completions against the configured endpoint, bounded by a deadline."""

    def __init__(self, settings: Settings) -> None:
        self.model = settings.model
        self.timeout = settings.timeout
        self.base_url = settings.openai_base_url
        self.endpoint = endpoint_label(settings.openai_base_url)
        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else ""
        self._key = key or None
        self._client: OpenAI | None = None
        self._lock = threading.Lock()

    def _openai(self) -> OpenAI:
        # openai costs ~0.5 s to import: only when the first request is made.
        from openai import OpenAI

        with self._lock:
            if self._client is None:
                self._client = OpenAI(
                    api_key=self._key or PLACEHOLDER_KEY,
                    base_url=self.base_url or "https://api.openai.com/v1",
                    timeout=self.timeout,
                    max_retries=0,  # retries are ours, so they fit the grade's time budget
                )
            return self._client

    def ready(self) -> None:
        """Import openai and build the client now (slow the first time), so that cost is
        not taken from a request's deadline."""
        self._openai()

    def _backoff(self, attempt: int) -> float:
        base = min(1.0, self.timeout / 4) * (2**attempt)
        return base * random.uniform(0.5, 1.0)

    def complete(
        self,
        messages: list[dict[str, str]],
        deadline: float,
        response_format: dict[str, Any] | None = None,
        attempts: int = MAX_ATTEMPTS,
    ) -> Completion:
        """One completion, tried up to `attempts` times on 429/5xx/timeouts/connection errors
        until `deadline` (a `time.monotonic()` value); raises `LLMFailure` otherwise."""
        import openai

        client = self._openai()
        extra: dict[str, Any] = {}
        if response_format is not None:
            extra["response_format"] = response_format
        reason = "no time left for a request"
        for attempt in range(attempts):
            remaining = deadline - time.monotonic()
            if remaining < 0.05:
                break
            budget = min(self.timeout, remaining)
            try:
                response = _within(
                    budget + 0.2,
                    lambda budget=budget: client.chat.completions.create(
                        model=self.model,
                        messages=messages,  # type: ignore[arg-type]
                        timeout=budget,
                        **extra,
                    ),
                )
            except _Overdue:
                reason = f"no complete reply within {self.timeout:g} s"
                delay = self._backoff(attempt)
            except openai.APITimeoutError:
                reason, delay = f"no reply within {self.timeout:g} s", self._backoff(attempt)
            except openai.APIConnectionError:
                reason, delay = f"cannot connect to {self.endpoint}", self._backoff(attempt)
            except openai.RateLimitError as exc:
                reason = "rate limited (429)"
                delay = _retry_after(exc) or self._backoff(attempt)
            except openai.APIStatusError as exc:
                status = exc.status_code
                message = redact(_server_message(exc), self._key)
                if status >= 500:
                    reason = f"server error {status}"
                    delay = _retry_after(exc) or self._backoff(attempt)
                elif status in (401, 403):
                    raise LLMFailure("auth", f"the endpoint refused the key ({status})") from None
                elif status == 404:
                    raise LLMFailure(
                        "not_found", f"model {self.model!r} or endpoint not found (404)"
                    ) from None
                else:
                    raise LLMFailure(
                        "rejected", f"request rejected ({status}: {message})"
                    ) from None
            except (openai.APIError, ValueError) as exc:
                # ValueError: a body that is not JSON at all (a proxy's HTML page, say).
                raise LLMFailure(
                    "bad_output", f"unreadable response ({redact(str(exc), self._key)})"
                ) from None
            else:
                return _completion(response)
            # Don't sleep into a retry that cannot finish before the deadline.
            if attempt + 1 >= attempts or time.monotonic() + delay + 0.05 >= deadline:
                break
            time.sleep(delay)
        raise LLMFailure("unavailable", reason)

    def model_ids(self, timeout: float) -> list[str]:
        """Model names the endpoint lists (`/models`); empty when it can't say."""
        import openai

        try:
            page = self._openai().models.list(timeout=timeout)
            return sorted(model.id for model in page.data)
        except openai.OpenAIError:
            return []
