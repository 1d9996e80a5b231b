"""markdown-it's block rules behind a cheap gate on each line's first character.

markdown-it tries every block rule at every line, and each rule at every line of a paragraph
to see whether it ends it (entering each one logs a debug record): on a large notes folder
that is most of the parse. A gate answers "no" without entering a rule only where the rule's
own first test would answer "no" (a heading needs `#`, a list a bullet or a digit …), so the
tokens are markdown-it's own (`tests/test_notes_block_rules.py` compares them).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock
    from markdown_it.rules_core import StateCore

Rule = Callable[["StateBlock", int, int, bool], bool]

# What the first non-blank character of a line must be for the rule to start a block there.
_OPENERS = {
    "fence": "`~",
    "blockquote": ">",
    "list": "*-+0123456789",
    "reference": "[",
    "html_block": "<",
    "heading": "#",
}
_RULE_MARKERS = "*-_"
_TABLE_DELIMITER = "|-:"
_UNDERLINE = "-="
_CHAINS = ("paragraph", "reference", "blockquote", "list")


def _first_character(rule: Rule, openers: str) -> Rule:
    def gate(state: StateBlock, line: int, end: int, silent: bool) -> bool:
        pos = state.bMarks[line] + state.tShift[line]
        if pos < state.eMarks[line] and state.src[pos] not in openers:
            return False
        return rule(state, line, end, silent)

    return gate


def _hr(rule: Rule) -> Rule:
    def gate(state: StateBlock, line: int, end: int, silent: bool) -> bool:
        pos = state.bMarks[line] + state.tShift[line]
        stop = state.eMarks[line]
        if pos < stop:
            marker = state.src[pos]
            if marker not in _RULE_MARKERS or state.src[pos:stop].replace(marker, "").strip(" \t"):
                return False  # a rule is its marker and spaces only ("- item" is not one)
        return rule(state, line, end, silent)

    return gate


def _code(rule: Rule) -> Rule:
    def gate(state: StateBlock, line: int, end: int, silent: bool) -> bool:
        if state.sCount[line] - state.blkIndent < 4:
            return False  # not indented enough for an indented code block
        return rule(state, line, end, silent)

    return gate


def _table(rule: Rule) -> Rule:
    def gate(state: StateBlock, line: int, end: int, silent: bool) -> bool:
        below = line + 1
        if below + 1 > end:
            return False  # a table needs a header line and a delimiter line
        pos = state.bMarks[below] + state.tShift[below]
        if pos < state.eMarks[below] and state.src[pos] not in _TABLE_DELIMITER:
            return False
        return rule(state, line, end, silent)

    return gate


def _lheading(rule: Rule) -> Rule:
    def gate(state: StateBlock, line: int, end: int, silent: bool) -> bool:
        if state.sCount[line] - state.blkIndent >= 4:
            return rule(state, line, end, silent)
        src = state.src
        below = line + 1
        while below < end:
            pos = state.bMarks[below] + state.tShift[below]
            stop = state.eMarks[below]
            if pos >= stop:
                break  # an empty line ends the paragraph before any underline
            marker = src[pos]
            if marker in _UNDERLINE and not src[pos:stop].lstrip(marker).strip():
                return rule(state, line, end, silent)
            below += 1
        # The rule, finding no underline, returns having set this; so must the gate.
        state.parentType = "paragraph"
        return False

    return gate


def gate_block_rules(md: MarkdownIt) -> MarkdownIt:
    """Put markdown-it's block rules (as configured on `md`) behind first-character gates."""
    from markdown_it import rules_block

    gates: dict[str, tuple[Rule, Rule]] = {
        "table": (rules_block.table, _table(rules_block.table)),
        "code": (rules_block.code, _code(rules_block.code)),
        "hr": (rules_block.hr, _hr(rules_block.hr)),
        "lheading": (rules_block.lheading, _lheading(rules_block.lheading)),
    }
    for name, openers in _OPENERS.items():
        rule = getattr(rules_block, "list_block" if name == "list" else name)
        gates[name] = (rule, _first_character(rule, openers))
    ruler = md.block.ruler
    active = ruler.getRules("")
    chains = {chain: ruler.getRules(chain) for chain in _CHAINS}
    for name, (rule, gate) in gates.items():
        if rule not in active:
            continue  # disabled, or already replaced by someone else's rule
        # `at` replaces the rule's list of blocks it may interrupt: keep markdown-it's.
        ruler.at(name, gate, {"alt": [chain for chain in _CHAINS if rule in chains[chain]]})
    return md


def gate_normalize(md: MarkdownIt) -> MarkdownIt:
    """Skip markdown-it's input normalising (CR/CRLF to LF, NUL to U+FFFD) on text that has
    neither: it rewrites the whole text, every line ending, even when nothing changes."""
    from markdown_it.rules_core import normalize

    def gate(state: StateCore) -> None:
        if "\r" in state.src or "\0" in state.src:
            normalize(state)

    if normalize in md.core.ruler.getRules(""):
        md.core.ruler.at("normalize", gate)
    return md
