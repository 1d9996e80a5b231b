"""Shared set-up for the index and search tests: small notes folders and a real Chroma
server on loopback."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

NOTES_A = """# 正则化
## 1. 为什么 Dropout 可以防止模型过拟合？:star::star:
- <font color='red'>减少神经元之间的共适应性</font>：每次训练随机删除一部分神经元。
- 起到模型融合（Bagging）的作用：相当于训练了很多共享参数的子网络。

## 2. 批规范化（Batch Normalization）的作用？:star:
（1）内部协变量偏移
- 每层输入的分布在训练中不断变化。

（2）做法
- 把每层的输入规范化到均值为 0、方差为 1，再做 scale and shift。
"""

NOTES_B = """# 优化
## 1. 梯度消失的原因是什么？:star::star:
- sigmoid 的导数小于 1/4，层数多时连乘使靠近输入层的梯度越来越小。

## 2. 学习率太大会怎样？
- 损失震荡甚至发散，需要减小学习率或使用学习率衰减。
"""


def write_notes(folder: Path, files: dict[str, str]) -> Path:
    """A notes folder holding these files (name → Markdown)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[tuple[str, int]]:
    """A real `chroma run` on 127.0.0.1 with its own data folder; killed afterwards."""
    chroma = Path(sys.executable).parent / "chroma"
    if not chroma.exists():
        pytest.skip("the chroma command is not installed in this environment")
    port = free_port()
    process = subprocess.Popen(
        [str(chroma), "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1",
         "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("chroma run did not start") from None
                time.sleep(0.1)
        yield "127.0.0.1", port
    finally:
        process.kill()
        process.wait(timeout=10)
