"""A notes file as a tree of Markdown blocks (markdown-it's token stream, nested), with the
line range of each block, its YAML front matter split off and `<details>` folds grouped."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from interviewer.notes.math_blocks import MATH_MARK, MATH_TOKEN, add_math_blocks

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_SUMMARY = re.compile(r"<summary\b[^>]*>(.*?)</summary\s*>", re.IGNORECASE | re.DOTALL)
_DETAILS_OPEN = re.compile(r"<details\b", re.IGNORECASE)
_DETAILS_CLOSE = re.compile(r"</details\s*>", re.IGNORECASE)
_FOLD_EDGE_LINE = re.compile(r"^\s*</?details\b", re.IGNORECASE)
_FOLD_EDGE_END = re.compile(r"</(?:summary|details)\s*>\s*$", re.IGNORECASE)
# Tools close their contents list with `<!-- /TOC -->`, `<!-- TOC END -->`, `<!-- tocstop -->`.
_TOC_OPEN = re.compile(r"<!--\s*(?:TOC|toc|目录)\b(?!.*/)(?!\s*(?:end|stop)\b)", re.I)
_TOC_CLOSE = re.compile(
    r"<!--\s*(?:/\s*(?:TOC|目录)|(?:end\s*)?toc\s*(?:end|stop)|end\s*toc)\s*-->", re.I
)
_UNSPACED_HEADING = re.compile(r"^ {0,3}(#{2,6})[^\s#]", re.MULTILINE)
_UNSPACED_HASHES = re.compile(r"^( {0,3}#{1,6})(?=[^\s#!])")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_HTML_HEADING = re.compile(r"^[ \t]*<h([1-6])\b[^>\n]*>([^\n]*?)</h\1\s*>[ \t]*$", re.I | re.M)

_CONTAINERS = {
    "bullet_list_open": "list",
    "ordered_list_open": "list",
    "list_item_open": "item",
    "blockquote_open": "quote",
    "paragraph_open": "paragraph",
    "heading_open": "heading",
    "table_open": "table",
}
_CLOSING = {name: name.replace("_open", "_close") for name in _CONTAINERS}
# A formula between `$$` lines is text, as the paragraphs around it are.
_LEAVES = {
    "html_block": "html", "fence": "code", "code_block": "code", "hr": "hr",
    MATH_TOKEN: "paragraph",
}


@dataclass(slots=True)
class Block:
    """One Markdown block: its kind, source lines [start, end) and children."""

    kind: str
    """heading, paragraph, list, item, quote, html, code, table, hr or details."""
    start: int
    end: int
    level: int = 0
    """Heading level; for lists, 1 when ordered."""
    text: str = ""
    """Raw inline text of a heading or paragraph; the HTML of an html block."""
    number: int | None = None
    """The number of an ordered list item."""
    summary: str = ""
    """The `<summary>` text of a details block."""
    fenced: bool = False
    """A code block written between fences (not one indented four spaces)."""
    children: list[Block] = field(default_factory=list)


@dataclass
class Document:
    """The blocks of a notes file, its lines and its front matter."""

    lines: list[str]
    blocks: list[Block]
    front_matter: dict[str, Any]


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt

    from interviewer.notes.block_rules import gate_block_rules, gate_normalize

    # Block structure is all we need; skipping the inline pass (and joining its text, which
    # then has nothing to join) makes parsing several times faster on large note folders
    # (inline markup is read from the raw text where needed).
    md = MarkdownIt("commonmark").enable("table").disable(["inline", "text_join"])
    return add_math_blocks(gate_normalize(gate_block_rules(md)))


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """YAML front matter (empty when absent or not a mapping) and the text with the front
    matter blanked out, so line numbers stay those of the file."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    import yaml  # only files with front matter pay for the import

    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}, text
    if not isinstance(data, dict):
        return {}, text
    blank = "\n" * match.group(0).count("\n")
    return data, blank + text[match.end() :]


def _blank_toc(text: str) -> str:
    """`<!-- TOC -->` … `<!-- /TOC -->` regions become blank lines. An opening marker with no
    closing one below it blanks nothing: the rest of the file is notes, not contents."""
    lines = text.split("\n")
    start: int | None = None
    for index, line in enumerate(lines):
        if start is None and _TOC_OPEN.search(line) and not _TOC_CLOSE.search(line):
            start = index
        elif start is not None and _TOC_CLOSE.search(line):
            lines[start : index + 1] = [""] * (index + 1 - start)
            start = None
    return "\n".join(lines)


# A line that is only HTML anchors ("<a name='q2'>", '<a id="q3"></a>'): a place for links to
# land, invisible on the page.
_ANCHOR_LINE = re.compile(
    r"^[ \t]*(?:<a\s+(?:name|id)\s*=\s*(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s>]+)\s*/?>\s*"
    r"(?:</a>)?[ \t]*)+$",
    re.IGNORECASE,
)


def _blank_anchors(text: str) -> str:
    """Anchor lines become blank lines, outside code fences: CommonMark runs an unclosed one
    ("<a name='q2'>") and the heading under it into one block of HTML, and the question
    under the anchor was lost."""
    if "<a " not in text and "<A " not in text:
        return text
    return _outside_fences(text, lambda line: "" if _ANCHOR_LINE.match(line) else line)


# The fences of a custom container ("::: tip 说明" … ":::"), as VuePress, VitePress and
# Docusaurus sites write a boxed note: markup around the text, not text.
_CONTAINER_FENCE = re.compile(r"^ {0,3}:{3,}[ \t]*(?:[A-Za-z][\w-]*(?:[ \t{\[].*)?)?$")


def _blank_container_fences(text: str) -> str:
    """Container fence lines become blank lines: CommonMark reads "::: tip Issue", the note
    and the closing ":::" as one paragraph, and its words ("tip Issue …") reached the answer's
    key points."""
    if ":::" not in text:
        return text
    return _outside_fences(text, lambda line: "" if _CONTAINER_FENCE.match(line) else line)


def _outside_fences(text: str, change: Callable[[str], str]) -> str:
    """Each line outside code fences (quoted ones too) passed through `change`; lines stay
    where they were."""
    lines = text.split("\n")
    fence = ""
    for index, line in enumerate(lines):
        opening = _FENCE.match(line.lstrip(" >"))
        if opening:
            mark = opening.group(1)
            fence = "" if fence == mark else fence or mark
        elif not fence:
            lines[index] = change(line)
    return "\n".join(lines)


def _space_headings(text: str) -> str:
    """`###1. 标题` / `##进阶` (no space after the hashes) made headings, in notes that write
    their headings so (two such lines at least): CommonMark reads them as text, a person
    reading the notes as headings. One such line is a heading too where the notes write
    spaced headings with as many hashes (`###2、 …` between `### 1、` and `### 3、`).
    Lines inside code fences stay as they are."""
    unspaced = _UNSPACED_HEADING.findall(text, 0)
    if not unspaced:
        return text  # most notes put the space in: nothing to do
    every = len(unspaced) >= 2
    lines = text.split("\n")
    fence = ""
    for index, line in enumerate(lines):
        opening = _FENCE.match(line)
        if opening:
            mark = opening.group(1)
            fence = "" if fence == mark else fence or mark
        elif not fence and (every or _matches_a_spaced_level(line, text)):
            lines[index] = _UNSPACED_HASHES.sub(r"\1 ", line, count=1)
    return "\n".join(lines)


# A kramdown attribute list: `{: .label .label-red }` after a span, `{: .note }` or `{:toc}`
# on a line of its own (Jekyll themes): styling the reader of the page never sees. Only class,
# id and key=value items, so that a format spec such as `'{:.2f}'` is not one.
_ATTRIBUTE_LIST = re.compile(
    r"\{:[ \t]*(?:(?:[.#][A-Za-z_][\w-]*|[A-Za-z_][\w-]*=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s}]+)"
    r"|toc)[ \t]*)+\}"
)


def _without_attribute_lists(text: str) -> str:
    """Kramdown attribute lists removed, outside code fences; lines stay where they were."""
    if "{:" not in text:
        return text
    return _outside_fences(text, lambda line: _ATTRIBUTE_LIST.sub("", line) if "{:" in line
                           else line)


def _matches_a_spaced_level(line: str, text: str) -> bool:
    """An unspaced `##`–`######` line whose hashes the notes' spaced headings also use."""
    unspaced = _UNSPACED_HEADING.match(line)
    if unspaced is None:
        return False
    spaced = rf"^ {{0,3}}{unspaced.group(1)}[ \t]+\S"
    return re.search(spaced, text, re.MULTILINE) is not None


# Invisible characters that are no text: zero-width space, word joiner, a byte-order mark
# inside the file. An editor (Typora) starts an indented paragraph with a zero-width space
# and tabs ("\u200b\t\t…") so that Markdown does not read it as code: that indentation goes
# with it, and the line stays the paragraph its writer saw. Zero-width joiners stay (emoji).
_ZERO_WIDTH = re.compile("[\u200b\u2060\ufeff]")
_ZERO_WIDTH_INDENT = re.compile("^([ \t]*)[\u200b\u2060\ufeff]+[ \t]*", re.MULTILINE)


def parse_document(text: str) -> Document:
    """Normalise line endings, split off front matter and build the block tree."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    text = _ZERO_WIDTH.sub("", _ZERO_WIDTH_INDENT.sub(r"\1", text))
    front_matter, body = split_front_matter(text)
    body = _blank_container_fences(_without_attribute_lists(body))
    body = _space_headings(_blank_toc(_blank_anchors(body)))
    lines = body.split("\n")
    tokens = _markdown().parse(body)
    blocks, _ = _build(tokens, 0, None)
    if len(_HTML_HEADING.findall(body)) >= 2:
        blocks = [piece for block in blocks for piece in _split_html_headings(block)]
    return Document(lines, _group_details(blocks), front_matter)


def _build(tokens: list[Token], index: int, closing: str | None) -> tuple[list[Block], int]:
    blocks: list[Block] = []
    count = len(tokens)
    while index < count:
        token = tokens[index]
        kind_of_token = token.type
        if kind_of_token == closing:
            return blocks, index + 1
        start, end = token.map if token.map else (0, 0)
        kind = _CONTAINERS.get(kind_of_token)
        if kind == "paragraph" or kind == "heading":
            inline = tokens[index + 1].content if index + 1 < count else ""
            level = int(token.tag[1]) if kind == "heading" else 0
            if not (kind == "paragraph" and _run_on(blocks, (start, end), inline, math=False)):
                blocks.append(Block(kind, start, end, level, inline))
            index += 3
        elif kind is not None:
            block = Block(kind, start, end, 1 if kind_of_token == "ordered_list_open" else 0)
            if kind == "item" and token.info.isdigit():
                block.number = int(token.info)
            children, index = _build(tokens, index + 1, _CLOSING[kind_of_token])
            block.children = _group_details(children) if kind == "item" else children
            blocks.append(block)
        else:
            leaf = _LEAVES.get(kind_of_token)
            joined = kind_of_token == MATH_TOKEN and _run_on(
                blocks, (start, end), token.content, math=True
            )
            if leaf is not None and not joined:
                text = token.content if leaf != "hr" else ""
                blocks.append(Block(leaf, start, end, text=text, fenced=kind_of_token == "fence"))
            index += 1
    return blocks, index


def _run_on(blocks: list[Block], lines: tuple[int, int], text: str, math: bool) -> bool:
    """A formula written on the lines right after a paragraph ("公式如下：" then `$$`), or a
    paragraph right after a formula, goes on with that paragraph, as its writer saw it: the
    last block grows. False when the text starts a block of its own."""
    last = blocks[-1] if blocks else None
    if last is None or last.kind != "paragraph" or last.end != lines[0]:
        return False
    if not (math or last.text.rstrip().endswith(MATH_MARK)):
        return False
    last.text = f"{last.text.rstrip()}\n{text}"
    last.end = lines[1]
    return True


def _group_details(blocks: list[Block]) -> list[Block]:
    """Fold `<details>` … `</details>` (often several blocks apart) into one details block."""
    if all(block.kind != "html" for block in blocks):
        return blocks  # most lists of blocks hold no HTML at all
    blocks = [piece for block in blocks for piece in _split_fold_edges(block)]
    grouped: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        opens = len(_DETAILS_OPEN.findall(block.text)) if block.kind == "html" else 0
        if not opens:
            grouped.append(block)
            index += 1
            continue
        depth = opens - len(_DETAILS_CLOSE.findall(block.text))
        inner: list[Block] = []
        last = index
        while depth > 0 and last + 1 < len(blocks):
            last += 1
            inner.append(blocks[last])
            if blocks[last].kind == "html":
                depth += len(_DETAILS_OPEN.findall(blocks[last].text))
                depth -= len(_DETAILS_CLOSE.findall(blocks[last].text))
        summary = _SUMMARY.search(block.text)
        html_all = block.text + "".join(b.text for b in inner if b.kind == "html")
        if summary is None:
            summary = _SUMMARY.search(html_all)
        details = Block("details", block.start, blocks[last].end, children=[block, *inner])
        details.summary = summary.group(1) if summary else ""
        grouped.append(details)
        index = last + 1
    return grouped


def _split_fold_edges(block: Block) -> list[Block]:
    """An HTML block cut at the edges of its folds. CommonMark ends an HTML block only at a
    blank line, so notes that write a fold's answer right under its `</summary>`, or close
    one fold and open the next with no blank line between, run them into one block: the
    answer would be lost with the summary, the next fold merged into this one. Each piece
    stays HTML, as CommonMark reads it (its tags dropped when it is rendered as an answer)."""
    if block.kind != "html" or not (
        _DETAILS_OPEN.search(block.text) or _DETAILS_CLOSE.search(block.text)
    ):
        return [block]
    lines = block.text.split("\n")[: block.end - block.start]
    cuts = {0, len(lines)}
    for index, line in enumerate(lines):
        if _FOLD_EDGE_LINE.match(line):
            cuts.add(index)
        if _FOLD_EDGE_END.search(line):
            cuts.add(index + 1)
    bounds = sorted(cut for cut in cuts if 0 <= cut <= len(lines))
    if len(bounds) <= 2:
        return [block]
    pieces: list[Block] = []
    for first, last in pairwise(bounds):
        text = "\n".join(lines[first:last]) + "\n"
        if text.strip():
            pieces.append(Block("html", block.start + first, block.start + last, text=text))
    return pieces


def _split_html_headings(block: Block) -> list[Block]:
    """An HTML block cut at its `<h3>What is Node.js?</h3>` lines, each made a heading: notes
    written in HTML (two such headings at least), which GitHub shows as headings over their
    `<p>` text. CommonMark runs the lines up to a blank one into one HTML block, which would
    hide every question of such a file."""
    if block.kind != "html" or not _HTML_HEADING.search(block.text):
        return [block]
    lines = block.text.split("\n")[: block.end - block.start]
    pieces: list[Block] = []
    rest: list[str] = []
    first = 0
    for index, line in enumerate([*lines, None]):
        heading = _HTML_HEADING.fullmatch(line) if line is not None else None
        if line is not None and heading is None:
            rest.append(line)
            continue
        if "".join(rest).strip():
            text = "\n".join(rest) + "\n"
            pieces.append(Block("html", block.start + first, block.start + index, text=text))
        at = block.start + index
        if heading is not None:
            level, inner = int(heading.group(1)), heading.group(2).strip()
            pieces.append(Block("heading", at, at + 1, level, inner))
        rest, first = [], index + 1
    return pieces
