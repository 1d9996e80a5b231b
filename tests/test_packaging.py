"""A plain (non-editable) wheel carries the bundled notes, glossary and prompts."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_ships_knowledge_and_prompts(tmp_path: Path) -> None:
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True, timeout=300,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    wheel = next(tmp_path.glob("interviewer-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "interviewer/_bundled/knowledge/deep_learning_basics.md" in names
    assert "interviewer/_bundled/knowledge/topics.toml" in names
    prompts = [n for n in names if n.startswith("interviewer/_bundled/prompts/")]
    assert prompts, "prompt templates missing from the wheel"
    assert not any(".venv" in n or "__pycache__" in n for n in names)
