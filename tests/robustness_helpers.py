"""What the robustness tests share: running the command line in-process or as a real
process, and checking that an expected failure is one line on stderr."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from interviewer.cli.main import main

QID = "deep_learning_basics-12"
ANSWER = "dropout 训练时随机丢掉一些神经元，神经元之间就不会互相依赖太多，学到的特征更鲁棒。"
NOTE = "## 1. 什么是过拟合？\n过拟合是模型在训练集上好、测试集上差。**正则化**可以缓解。\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse leaves by SystemExit
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def one_error(err: str) -> str:
    """The single stderr line of an expected failure (no traceback, no usage block)."""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err and "internal error" not in err, err
    return lines[0]


def cli(*argv: str, env: dict[str, str] | None = None, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "interviewer", *argv],
        capture_output=True, text=True, timeout=60, env=env, **kwargs,  # type: ignore[call-overload]
    )


def without_file_permission_bypass() -> list[str]:
    """A command prefix under which chmod is obeyed (root ignores it unless its caps drop)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: permissions are not enforced")
    drop = "-dac_override,-dac_read_search"
    return [setpriv, f"--bounding-set={drop}", f"--inh-caps={drop}"]
