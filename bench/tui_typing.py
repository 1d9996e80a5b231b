"""Cost of typing into the interview's answer box as the answer grows, headless (Textual's
`App.run_test()`), on the bundled notes with the offline grader.

    python bench/tui_typing.py [--lengths 0,10000,25000,50000] [--keys 1000] [--typed 40]

For each answer length L the box is filled with L characters of generated English (one
line, as a long paste is), the cursor put at its end, and then:
- burst: `--keys` key events are queued at once, as the terminal driver delivers a paste
  made without bracketed paste (`tmux paste-buffer` without `-p`); printed as ms per 1,000
  keys until all of them are in the box;
- typed: `--typed` keys sent one at a time, each waited for until it is in the box; printed
  as the median ms from a key to its character in the box (a person typing).
Figures only: the machine is shared and noisy. Before the answer box gathered the keys of a
frame into one edit, every key re-wrapped the whole line, so a burst cost grew with L.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time

SENTENCES = (
    "Dropout switches off a random share of the units at each training step, ",
    "so no unit can rely on a fixed set of others. ",
    "Weight decay keeps the weights small and the function smooth, ",
    "and early stopping ends training when the validation loss turns up. ",
)
# Key names Textual gives these characters; any other character here is its own key name.
KEY_NAMES = {" ": "space", ",": "comma", ".": "full_stop"}
TIMEOUT_SECONDS = 600.0


def english(length: int) -> str:
    """`length` characters of repeated English sentences, on one line."""
    text = "".join(SENTENCES)
    return (text * (length // len(text) + 1))[:length]


def key_event(char: str) -> object:
    """The key event the terminal driver makes for one typed character."""
    from textual import events

    return events.Key(KEY_NAMES.get(char, char), char)


async def _until(predicate: object, what: str) -> None:
    deadline = time.perf_counter() + TIMEOUT_SECONDS
    while not predicate():  # type: ignore[operator]
        if time.perf_counter() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        await asyncio.sleep(0.0005)


async def measure(length: int, keys: int, typed: int) -> tuple[float, float]:
    """(ms per 1,000 keys of a burst, median ms per key typed alone) at one answer length."""
    from interviewer.config import load_settings
    from interviewer.notes import load_bank
    from interviewer.practice.session import Interview
    from interviewer.practice.store import HISTORY_FILE, HistoryStore
    from interviewer.tui.app import InterviewApp
    from interviewer.tui.backends import Backends

    settings = load_settings()
    bank = load_bank()
    store = HistoryStore(settings.data_dir / HISTORY_FILE)
    interview = Interview(store, bank.questions[:1])
    app = InterviewApp(interview, Backends(settings, bank, None), warm=False)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            box = app.screen.answer_box  # type: ignore[attr-defined]
            box.load_text(english(length))
            box.move_cursor(box.document.end)
            await pilot.pause()
            burst = english(length + keys)[length:]
            started = time.perf_counter()
            for char in burst:
                app.post_message(key_event(char))  # type: ignore[arg-type]
            await _until(lambda: len(box.text) >= length + keys, "the burst of keys")
            burst_ms = (time.perf_counter() - started) * 1000 / keys * 1000
            await pilot.pause()
            latencies = []
            for char in english(typed):
                size = len(box.text)
                started = time.perf_counter()
                app.post_message(key_event(char))  # type: ignore[arg-type]
                await _until(lambda size=size: len(box.text) > size, "a typed key")
                latencies.append((time.perf_counter() - started) * 1000)
                await pilot.pause()
            return burst_ms, statistics.median(latencies)
    finally:
        store.close()


def main() -> None:
    """Print the figures, one line per answer length."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lengths", default="0,10000,25000,50000",
                        help="answer lengths in characters, comma-separated")
    parser.add_argument("--keys", type=int, default=1000, help="keys in each burst")
    parser.add_argument("--typed", type=int, default=40, help="keys typed one at a time")
    args = parser.parse_args()
    os.environ.setdefault("INTERVIEWER_HOME", tempfile.mkdtemp(prefix="interviewer-bench-"))
    os.environ["INTERVIEWER_EMBEDDINGS"] = "hash"  # no index is opened: warm-up is off
    print(f"{'answer length':>14} {'burst ms/1,000 keys':>20} {'typed ms/key (median)':>22}")
    for length in (int(part) for part in args.lengths.split(",")):
        burst, typed = asyncio.run(measure(length, args.keys, args.typed))
        print(f"{length:>14,} {burst:>20.0f} {typed:>22.1f}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
