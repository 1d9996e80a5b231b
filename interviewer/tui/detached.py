"""Blocking calls a worker can walk away from.

Textual's thread workers run in asyncio's default executor, and the event loop waits for
that executor when the app exits: a grade stuck on a slow server would keep `ctrl+q`
hanging for the whole client timeout. So the blocking call runs in a daemon thread and the
worker only waits for it, giving up as soon as the worker is cancelled (escape, quit)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from textual.worker import get_current_worker

T = TypeVar("T")
POLL_SECONDS = 0.05


class Cancelled(Exception):
    """The worker was cancelled before the call finished."""


class _Outcome(Generic[T]):
    def __init__(self) -> None:
        self.done = threading.Event()
        self.value: T | None = None
        self.error: BaseException | None = None


def wait_detached(call: Callable[[], T], name: str = "interviewer-call") -> T:
    """Run `call` in a daemon thread and return its result, from inside a thread worker;
    raises Cancelled when the worker is cancelled first, or whatever `call` raised."""
    worker = get_current_worker()
    outcome: _Outcome[T] = _Outcome()

    def run() -> None:
        try:
            outcome.value = call()
        except BaseException as exc:  # handed to the waiting worker, which decides
            outcome.error = exc
        finally:
            outcome.done.set()

    threading.Thread(target=run, name=name, daemon=True).start()
    while not outcome.done.wait(POLL_SECONDS):
        if worker.is_cancelled:
            raise Cancelled
    if worker.is_cancelled:
        raise Cancelled
    if outcome.error is not None:
        raise outcome.error
    return outcome.value  # type: ignore[return-value]
