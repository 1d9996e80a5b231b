"""Question-and-answer tables: a Markdown or HTML table whose header names a question column
and an answer column (`| Question | Answer |`, `| 问题 | 答案 |`); each row is a question."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from interviewer.notes.document import Block
from interviewer.notes.draft import Context, Draft, Found, Mode
from interviewer.notes.marks import parse_title
from interviewer.notes.markup import plain_text, table_cells

NAME = "q-a table"
_QUESTION = re.compile(r"^(?:questions?|问题|题目|面试题|q)$", re.IGNORECASE)
_ANSWER = re.compile(r"^(?:answers?|答案|回答|解答|参考答案|a)$", re.IGNORECASE)
_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")
# Tags after which the text of a cell goes on on a new line.
_LINE_BREAKS = {"br", "p", "li", "div", "pre", "tr"}


def match(ctx: Context, blocks: list[Block], index: int) -> Found | None:
    """A table whose header has a question column and an answer column: a question a row."""
    block = blocks[index]
    if block.kind == "table":
        rows = _markdown_rows(ctx.lines(block).split("\n"))
    elif block.kind == "html" and "<table" in block.text.lower():
        rows = _html_rows(block.text)
    else:
        return None
    if not rows:
        return None
    header = [plain_text(cell).strip().strip(":：").strip() for cell in rows[0][1]]
    asked = next((i for i, name in enumerate(header) if _QUESTION.match(name)), None)
    answered = next((i for i, name in enumerate(header) if _ANSWER.match(name)), None)
    if asked is None or answered is None:
        return None
    drafts = []
    for offset, cells in rows[1:]:
        if len(cells) <= max(asked, answered):
            continue
        title = parse_title(plain_text(cells[asked]).strip(), ctx.emoji_difficulty)
        if not title.text:
            continue
        draft = Draft.titled(title, block.start + offset + 1, NAME)
        draft.add_answer(cells[answered].strip())
        drafts.append(draft)
    return Found(drafts, 1, Mode.CLOSED) if drafts else None


def _markdown_rows(lines: list[str]) -> list[tuple[int, list[str]]]:
    """(line offset, cells) of a Markdown table's rows, without its rule."""
    return [
        (offset, table_cells(line))
        for offset, line in enumerate(lines)
        if line.strip() and not _RULE.match(line)
    ]


def _html_rows(html: str) -> list[tuple[int, list[str]]]:
    """(line offset, cell texts) of the rows of the first HTML table in a block."""
    reader = _TableReader()
    reader.feed(html)
    reader.close()
    return reader.rows


class _TableReader(HTMLParser):
    """The text of each cell of each row, line breaks kept, entities resolved."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[tuple[int, list[str]]] = []
        self._cell: list[str] | None = None
        self._depth = 0  # tables inside a cell are read as the cell's text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._depth += 1
        elif self._depth == 1 and tag == "tr":
            self.rows.append((self.getpos()[0] - 1, []))
        elif self._depth == 1 and tag in ("td", "th") and self.rows:
            self._cell = []
        elif self._cell is not None and tag in _LINE_BREAKS:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._depth -= 1
        elif self._depth == 1 and tag in ("td", "th") and self._cell is not None and self.rows:
            text = re.sub(r"[ \t\u00a0]+", " ", "".join(self._cell))
            lines = [line.strip() for line in text.split("\n")]
            self.rows[-1][1].append("\n\n".join(line for line in lines if line))
            self._cell = None
        elif self._cell is not None and tag in _LINE_BREAKS:
            self._cell.append("\n")

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
