"""Regenerate the README's screen capture of the result view (SVG and text).

Run: python docs/screenshot.py   (offline; uses a temporary data folder)
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

DOCS = Path(__file__).resolve().parent
QUESTION = "deep_learning_basics-12"
ANSWER = (
    "Dropout 在训练时随机让一部分神经元失活，一个神经元不能依赖某几个固定的神经元同时出现，"
    "所以减少了神经元之间复杂的共适应，逼着网络学更鲁棒的特征。另外每次训练的都是不同的子网络，"
    "而且它们共享参数，效果上像很多模型做 bagging 融合，测试时用完整网络相当于取平均。"
)
SIZE = (110, 46)


async def capture() -> tuple[str, str]:
    """Answer one question in the real app (offline grader) and export the result view."""
    sys.path.insert(0, str(DOCS.parent / "tests"))
    from tui_fixtures import svg_text

    from interviewer.config import load_settings
    from interviewer.notes import load_bank
    from interviewer.practice.session import Interview
    from interviewer.practice.store import HistoryStore
    from interviewer.tui.app import InterviewApp
    from interviewer.tui.backends import Backends
    from interviewer.tui.screens.interview import InterviewScreen

    settings = load_settings(offline=True)
    bank = load_bank()
    store = HistoryStore.open(settings)
    interview = Interview(store, [bank.get(QUESTION)], topic="dropout", min_stars=1)
    app = InterviewApp(interview, Backends(settings, bank))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        # Pilot types only what a key name can say; a paste brings the full-width punctuation.
        screen.answer_box.load_text(ANSWER)
        await pilot.press("ctrl+s")
        deadline = time.monotonic() + 60
        while app.interview.current.grade is None and time.monotonic() < deadline:
            await pilot.pause(0.1)
        await pilot.pause(1.0)
        svg = app.export_screenshot(title="interviewer")
    store.close()
    return svg, svg_text(svg)


def main() -> None:
    """Write docs/screenshot-result.svg and .txt."""
    with tempfile.TemporaryDirectory() as home:
        os.environ["INTERVIEWER_HOME"] = home
        svg, text = asyncio.run(capture())
    (DOCS / "screenshot-result.svg").write_text(svg, encoding="utf-8")
    (DOCS / "screenshot-result.txt").write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
