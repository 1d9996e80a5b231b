"""A real OpenAI-compatible HTTP server on 127.0.0.1 for tests: `/v1/chat/completions`
(with `response_format` json_schema / json_object) and `/v1/models`, scripted per test.

    server = OpenAIServer().start()
    server.enqueue(Reply.json({...}), Reply.error(429, retry_after=1), Reply.hang(5))
    ... point OPENAI_BASE_URL at server.url ...
    server.requests[0].body["messages"]
    server.stop()

Each chat request takes the next queued reply (a `Reply`, or a function of the request that
returns one); with nothing queued it answers `default`, else a 500 that says so. Like OpenAI,
it rejects a json_object request whose messages lack the word "json", and a json_schema that
is not strict-compatible; `rejects_json_schema = True` makes it a server without
structured output (400 for json_schema, like DeepSeek or Moonshot)."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    """One scripted answer of the server."""

    status: int = 200
    content: str | None = ""
    refusal: str | None = None
    finish_reason: str = "stop"
    headers: dict[str, str] = field(default_factory=dict)
    error: str = ""
    delay: float = 0.0
    """Seconds to wait before answering (a hang when longer than the client's timeout)."""
    raw: bytes | None = None
    """Send these bytes as the body instead of a chat completion."""
    trickle: float = 0.0
    """Seconds between the body's bytes (a server that never stops sending, but slowly)."""

    @classmethod
    def json(cls, data: Any, finish_reason: str = "stop") -> Reply:
        """A completion whose content is `data` as JSON text."""
        return cls(content=json.dumps(data, ensure_ascii=False), finish_reason=finish_reason)

    @classmethod
    def text(cls, content: str, finish_reason: str = "stop") -> Reply:
        """A completion with this content as is (e.g. invalid JSON)."""
        return cls(content=content, finish_reason=finish_reason)

    @classmethod
    def refused(cls, message: str = "I can't help with that.") -> Reply:
        """A refusal: no content, the `refusal` field set."""
        return cls(content=None, refusal=message)

    @classmethod
    def empty(cls) -> Reply:
        """A completion with empty content."""
        return cls(content="")

    @classmethod
    def fail(cls, status: int, message: str = "", retry_after: float | None = None) -> Reply:
        """An error status with an OpenAI-style error body (and Retry-After if given)."""
        headers = {"Retry-After": f"{retry_after:g}"} if retry_after is not None else {}
        return cls(status=status, error=message or f"test error {status}", headers=headers)

    @classmethod
    def trickling(cls, data: Any, every: float) -> Reply:
        """A valid completion sent one byte every `every` seconds."""
        return cls(content=json.dumps(data, ensure_ascii=False), trickle=every)

    @classmethod
    def hang(cls, seconds: float) -> Reply:
        """No answer for `seconds` (then a 500, should the client still wait)."""
        return cls(status=500, error="hung", delay=seconds)


@dataclass
class Request:
    """A request the server received."""

    method: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any]
    at: float = field(default_factory=time.monotonic)
    """When it arrived (`time.monotonic()`)."""

    @property
    def text(self) -> str:
        """All message contents of a chat request, joined."""
        return "\n".join(str(m.get("content") or "") for m in self.body.get("messages", []))

    @property
    def response_type(self) -> str | None:
        """The `response_format.type` asked for, if any."""
        fmt = self.body.get("response_format")
        return fmt.get("type") if isinstance(fmt, dict) else None


def strict_problems(schema: Any, where: str = "$") -> list[str]:
    """Why a JSON schema would be refused by strict structured output (OpenAI's rules)."""
    problems: list[str] = []
    if isinstance(schema, dict):
        for word in ("default", "minimum", "maximum", "$ref", "minLength", "maxLength"):
            if word in schema:
                problems.append(f"{where}: '{word}' is not supported")
        if schema.get("type") == "object":
            props = schema.get("properties", {})
            if schema.get("additionalProperties") is not False:
                problems.append(f"{where}: additionalProperties must be false")
            if sorted(schema.get("required", [])) != sorted(props):
                problems.append(f"{where}: every property must be required")
            for name, sub in props.items():
                problems += strict_problems(sub, f"{where}.{name}")
        if "items" in schema:
            problems += strict_problems(schema["items"], f"{where}[]")
    return problems


Script = Reply | Callable[[Request], Reply]


class OpenAIServer:
    """An OpenAI-compatible chat server on 127.0.0.1, scripted by the test."""

    def __init__(self, models: tuple[str, ...] = ("test-model",)) -> None:
        self.models = list(models)
        self.requests: list[Request] = []
        self.default: Script | None = None
        self.rejects_json_schema = False
        self._queue: deque[Script] = deque()
        self._lock = threading.Lock()
        self._release = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._connections: list[socket.socket] = []

    @property
    def url(self) -> str:
        """Base URL for OPENAI_BASE_URL."""
        assert self._httpd is not None, "start() the server first"
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    @property
    def chat_requests(self) -> list[Request]:
        """The chat-completion requests received, in order."""
        return [r for r in self.requests if r.path.endswith("/chat/completions")]

    def enqueue(self, *replies: Script) -> OpenAIServer:
        """Answer the next chat requests with these, in order."""
        with self._lock:
            self._queue.extend(replies)
        return self

    @property
    def pending(self) -> int:
        """Queued replies not used yet."""
        return len(self._queue)

    def start(self) -> OpenAIServer:
        """Listen on a free port of 127.0.0.1 in a background thread."""
        handler = type("Handler", (_Handler,), {"owner": self})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()
        return self

    def stop(self) -> None:
        """Stop listening, release hanging requests and close kept-alive connections."""
        self._release.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        with self._lock:
            for connection in self._connections:
                with contextlib.suppress(OSError):
                    connection.shutdown(socket.SHUT_RDWR)

    def _next(self, request: Request) -> Reply:
        with self._lock:
            self.requests.append(request)
        # Requests the "server" refuses do not use up a scripted reply.
        if self.rejects_json_schema and request.response_type == "json_schema":
            return Reply.fail(400, "response_format type json_schema is not supported")
        problem = self._check(request)
        if problem:
            return Reply.fail(400, problem)
        with self._lock:
            script = self._queue.popleft() if self._queue else self.default
        if script is None:
            return Reply.fail(500, "test server: no reply queued")
        return script(request) if callable(script) else script

    def _check(self, request: Request) -> str:
        if request.response_type == "json_object" and "json" not in request.text.lower():
            return "'messages' must contain the word 'json' to use 'response_format' json_object"
        if request.response_type == "json_schema":
            spec = request.body["response_format"].get("json_schema", {})
            problems = strict_problems(spec.get("schema")) if spec.get("strict") else []
            if problems:
                return "invalid schema for response_format: " + "; ".join(problems[:3])
        return ""

    def wait(self, seconds: float) -> None:
        """Sleep that ends early when the server stops."""
        self._release.wait(seconds)


class _Handler(BaseHTTPRequestHandler):
    owner: OpenAIServer
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        super().setup()
        # Headers and body go out as two writes: without this, Nagle + delayed ACK add ~40 ms.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self.owner._lock:
            self.owner._connections.append(self.connection)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: tests read `server.requests` instead."""

    def _send(
        self, status: int, body: bytes, headers: dict[str, str] | None = None, trickle: float = 0.0
    ) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            if not trickle:
                self.wfile.write(body)
                return
            for index in range(len(body)):
                self.wfile.write(body[index : index + 1])
                self.wfile.flush()
                if self.owner._release.wait(trickle):
                    return
        except OSError:
            pass  # the client gave up (timeout) and closed the connection

    def _request(self, body: dict[str, Any]) -> Request:
        headers = {k.lower(): v for k, v in self.headers.items()}
        return Request(self.command, self.path, headers, body)

    def do_GET(self) -> None:
        if self.path.rstrip("/").endswith("/models"):
            self.owner.requests.append(self._request({}))
            data = [{"id": m, "object": "model", "created": 0, "owned_by": "test"}
                    for m in self.owner.models]
            self._send(200, json.dumps({"object": "list", "data": data}).encode())
        else:
            self._send(404, _error_body(f"no route {self.path}"))

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        try:
            body = json.loads(self.rfile.read(length) or b"{}")
        except ValueError:
            self._send(400, _error_body("request body is not JSON"))
            return
        if not self.path.rstrip("/").endswith("/chat/completions"):
            self._send(404, _error_body(f"no route {self.path}"))
            return
        reply = self.owner._next(self._request(body))
        if reply.delay:
            self.owner.wait(reply.delay)
        if reply.raw is not None:
            self._send(reply.status, reply.raw, reply.headers)
        elif reply.status != 200:
            self._send(reply.status, _error_body(reply.error), reply.headers)
        else:
            completion = _completion(body.get("model", ""), reply)
            self._send(200, completion, reply.headers, reply.trickle)


def _error_body(message: str) -> bytes:
    error = {"message": message, "type": "invalid_request_error", "param": None, "code": None}
    return json.dumps({"error": error}).encode()


def _completion(model: str, reply: Reply) -> bytes:
    message = {"role": "assistant", "content": reply.content, "refusal": reply.refusal}
    return json.dumps(
        {
            "id": "chatcmpl-test",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": model,
            "choices": [
                {"index": 0, "message": message, "finish_reason": reply.finish_reason,
                 "logprobs": None}
            ],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        },
        ensure_ascii=False,
    ).encode()
