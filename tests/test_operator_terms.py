"""Operators are terms of programming notes: "== 和 === 的区别" is found by a query that names
them, whichever order it names them in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from interviewer.cli.main import main

NOTES = """# JavaScript

## 1. == 和 === 的区别？

== 比较前会做类型转换，=== 不做类型转换，类型和值都相同才相等。

## 2. let、const 和 var 的区别？

var 是函数作用域，会变量提升；let 和 const 是块级作用域，const 声明后不能重新赋值。

## 3. 什么是闭包？

闭包是函数和它引用的外部变量的组合，函数执行完后这些变量仍然可以被访问。

## 4. 箭头函数 => 和普通函数有什么不同？

箭头函数没有自己的 this，它的 this 来自定义时的外层作用域，也不能用作构造函数。
"""


def test_a_query_naming_operators_finds_their_question(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "js.md"
    notes.write_text(NOTES, encoding="utf-8")
    assert main(["search", "--notes", str(notes), "--json", "=== 和 == 有什么不同"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits[0]["title"] == "== 和 === 的区别？"
