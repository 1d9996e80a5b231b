"""Helpers for the TUI tests: an interview app over the bundled notes, waiting for the
workers, and the screen as plain text (from Textual's own SVG screenshot)."""

from __future__ import annotations

import html
import re
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import pytest
from rich.cells import cell_len
from textual.pilot import Pilot

from interviewer.config import load_settings
from interviewer.grading.model import Grader
from interviewer.notes import load_bank
from interviewer.practice.session import Interview
from interviewer.practice.store import HISTORY_FILE, HistoryStore
from interviewer.tui.app import InterviewApp
from interviewer.tui.backends import Backends

OVERFITTING = ("deep_learning_basics-11", "deep_learning_basics-12")
# Textual's SVG puts each run of text at x = column * 12.2 on a clip path named after its line.
_SPAN = re.compile(
    r'<text class="[^"]*-r\d+" x="([\d.]+)" y="[\d.]+" textLength="[\d.]+" '
    r'clip-path="url\(#[^)]*-line-(\d+)\)">([^<]*)</text>'
)
_CELL_WIDTH = 12.2


class AppFactory:
    """Builds interview apps on one history store, closed after the test."""

    def __init__(self) -> None:
        self.bank = load_bank()
        self.clock: Callable[[], float] = time.time
        # The store keeps the app's clock too, so due dates on screen do not follow the date.
        path = load_settings().data_dir / HISTORY_FILE
        self.store = HistoryStore(path, clock=lambda: self.clock())

    def __call__(
        self,
        question_ids: Sequence[str] = OVERFITTING,
        *,
        earlier: bool = False,
        warm: bool = False,
        clock: Callable[[], float] = time.time,
        grader: Grader | None = None,
    ) -> InterviewApp:
        self.clock = clock
        questions = [self.bank.get(qid) for qid in question_ids]
        interview = Interview(self.store, questions, topic=None, min_stars=1, clock=clock)
        pending = self.store.ungraded(exclude_session=interview.session_id) if earlier else []
        # Settings are read per app, after the test has set up its environment.
        backends = Backends(load_settings(), self.bank, grader)
        return InterviewApp(interview, backends, earlier=pending, warm=warm)


def app_factory(monkeypatch: pytest.MonkeyPatch) -> Iterator[AppFactory]:
    """Body of a test module's app fixture; the index uses the cheap hash embeddings."""
    monkeypatch.setenv("INTERVIEWER_EMBEDDINGS", "hash")
    factory = AppFactory()
    yield factory
    factory.store.close()


async def wait_until(
    pilot: Pilot[Any], predicate: Callable[[], object], what: str, timeout: float = 20.0
) -> None:
    """Let the app run until `predicate()` holds (workers report through messages)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause(0.05)


def svg_text(svg: str) -> str:
    """The characters of a Textual SVG screenshot, line by line, trailing spaces trimmed."""
    lines: dict[int, list[tuple[float, str]]] = {}
    for x, line, content in _SPAN.findall(svg):
        text = html.unescape(content).replace("\xa0", " ")
        lines.setdefault(int(line), []).append((float(x), text))
    rows = []
    for number in range(max(lines, default=-1) + 1):
        row = ""
        for x, text in sorted(lines.get(number, [])):
            row += " " * max(0, round(x / _CELL_WIDTH) - cell_len(row)) + text
        rows.append(row.rstrip())
    return "\n".join(rows)


def screen_text(app: InterviewApp) -> str:
    """What the screen shows now, as text."""
    return svg_text(app.export_screenshot())
