"""The gated block rules (and input normalising) give exactly markdown-it's own tokens."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from interviewer.notes.block_rules import gate_block_rules, gate_normalize
from interviewer.resources import bundled_notes

FIXTURES = Path(__file__).parent / "fixtures" / "notes"

# Lines where one block may or may not start, end or interrupt another.
TRICKY = [
    "Title\n===\n\nSub\n---\ntext",
    "para\n- - -\nmore",
    "para\n---x\n\npara\n  ---  \n",
    "para line\n    indented lazy\n===",
    "- item\n  text\n  ---\n- b\n\n  c\n",
    "para\n2. not a list\n1. a list\n",
    "para\n-\n*\n+ x\n",
    "| a | b |\n|---|:-:|\n| 1 | 2 |\nafter",
    "a | b\n- | -\n1 | 2",
    "para\n|-|\n",
    "    code\n\n      more\nend",
    "> quote\nlazy\n> - item\n>   ---\n===",
    "> para\n> ===\n",
    "[ref]: http://example.com\n'title'\n\n[x]\n",
    "para\n[ref]: /url\n",
    "<details>\n<summary>Q?</summary>\n\nanswer\n\n</details>\n",
    "para\n<div>\nx\n</div>\n<!-- c -->\n",
    "# h\n#no\n####### seven\n## closed ##\n",
    "```py\ncode\n```\n~~~\nx\n~~\n~~~\n``` a`b\n",
    "1) one\n2) two\n   - nested\n     ===\n10. ten\n",
    "\ttab\n\n-\ttab item\n \t===\n",
    "***\n___\n* * *\n- a\n***\n",
    "para\n_ _ _\t\n-\t-\t-\n--- x\n**\n",
    "line\n\u3000全角\n==\n",
    "",
    "\n\n\n",
    "nul\0here\n\0\n- \0",
    "cr\ronly\rlines\r\n---\r",
    "x",
]


def _tokens(tokens: list[Token]) -> list[tuple[object, ...]]:
    return [
        (t.type, t.tag, t.nesting, t.map, t.content, t.info, t.markup, t.level, t.hidden, t.attrs)
        for t in tokens
    ]


def _parsers() -> tuple[MarkdownIt, MarkdownIt]:
    stock = MarkdownIt("commonmark").enable("table").disable("inline")
    gated = gate_normalize(
        gate_block_rules(MarkdownIt("commonmark").enable("table").disable("inline"))
    )
    return stock, gated


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_blocks_tokenize_as_markdown_it_does(text: str) -> None:
    stock, gated = _parsers()
    for variant in (text, text.replace("\n", "\r\n"), f"- {text.replace(chr(10), chr(10) + '  ')}"):
        assert _tokens(gated.parse(variant)) == _tokens(stock.parse(variant))


def test_notes_files_tokenize_as_markdown_it_does() -> None:
    stock, gated = _parsers()
    files = [*sorted(FIXTURES.glob("*.md")), *bundled_notes()]
    assert len(files) > 5
    for path in files:
        text = path.read_bytes().decode("utf-8", "replace")
        assert _tokens(gated.parse(text)) == _tokens(stock.parse(text)), path.name


# Line fragments that start, continue or end blocks, for documents made at random.
_PIECES = [
    "text", "Title?", "- item", "* item", "+ item", "1. one", "2) two", "  - nested", "    code",
    "> quote", ">", "---", "===", "***", "- - -", "# H", "## H ##", "```", "~~~", "<div>",
    "</div>", "<!-- c -->", "<details>", "[a]: /u", "| a | b |", "|---|---|", "a | b",
    "-|-", "", "", "\t- tab", "   3. three", "**bold?**", "Q: q?", "A: a",
]


def test_random_documents_tokenize_as_markdown_it_does() -> None:
    stock, gated = _parsers()
    rng = random.Random(7)
    for _ in range(400):
        text = "\n".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 30)))
        assert _tokens(gated.parse(text)) == _tokens(stock.parse(text)), text


def test_gates_only_the_rules_markdown_it_has() -> None:
    md = gate_block_rules(MarkdownIt("zero").enable(["heading", "paragraph"]))
    assert md.block.ruler.get_active_rules() == ["heading", "paragraph"]
    assert _tokens(md.parse("# a\n- b\n")) == _tokens(
        MarkdownIt("zero").enable(["heading", "paragraph"]).parse("# a\n- b\n")
    )
