"""Display math written between `$$` lines, read as one block of text.

CommonMark knows no math: inside a formula spread over lines, a line that is only `=` (an
aligned equation) underlines the text above it as a heading, and a line opening with
`- \\lambda` starts a list. Notes full of formulas (machine learning, probability) then grow
headings and questions out of their equations. Read whole, the formula stays the paragraph
its writer saw.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock

MATH_TOKEN = "math_block"
MATH_MARK = "$$"


def _text(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]].strip()


def math_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A `$$` line opening a formula closed by a later line ending in `$$`."""
    pos = state.bMarks[start] + state.tShift[start]
    if state.src[pos : pos + 2] != MATH_MARK or state.sCount[start] - state.blkIndent >= 4:
        return False  # most lines: tried at each, so the cheapest test first
    if MATH_MARK in _text(state, start)[len(MATH_MARK) :]:
        return False  # "$$ x $$" (and text) on one line: inline math, no lines to keep together
    line = start + 1
    while line < end:
        if state.sCount[line] < state.blkIndent and _text(state, line):
            return False  # the container ended before the formula did
        if _text(state, line).endswith(MATH_MARK):
            break
        line += 1
    else:
        return False  # never closed: the dollars are text
    if silent:
        return True
    token = state.push(MATH_TOKEN, "math", 0)
    token.block = True
    token.map = [start, line + 1]
    token.content = state.getLines(start, line + 1, state.blkIndent, False)
    state.line = line + 1
    return True


def add_math_blocks(md: MarkdownIt) -> MarkdownIt:
    """Read `$$` display math as one block, wherever a code fence could start."""
    md.block.ruler.before(
        "fence", MATH_TOKEN, math_block, {"alt": ["paragraph", "reference", "blockquote", "list"]}
    )
    return md
