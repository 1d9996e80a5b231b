"""The key points of an answer: what the notes highlight (bold, coloured spans), else the
first sentence of each bullet or paragraph; each point once."""

from __future__ import annotations

import re

from interviewer.notes.marks import NON_QUESTION_TITLES
from interviewer.notes.markup import (
    BULLET,
    CJK_START,
    CODE,
    EDGE_PUNCT,
    EMPHASIS,
    FONT,
    IMAGE,
    NOT_DUNDER,
    QUOTE_MARKS,
    TABLE_RULE,
    TIGHT_NUMBER,
    UNSHIELD,
    plain_text,
    points_elsewhere,
    table_cells,
    unwrap,
)
from interviewer.text import CLAUSE_SEMICOLON, NOT_ABBREVIATED

# Emphasis is inline: it never runs past a blank line or into the next list item (a stray
# "**" would otherwise pair with the next item's bold).
_IN_BLOCK = r"(?:(?!\n[ \t]*(?:\n|[-*+][ \t]|\d+[.)][ \t])).)+?"
_BOLD = re.compile(
    rf"\*\*(?=\S)({_IN_BLOCK})(?<=\S)\*\*|(?<!\w)__(?=\S){NOT_DUNDER}({_IN_BLOCK})(?<=\S)__",
    re.DOTALL,
)
# Four or more asterisks touching no word ("（Young GC）****：", an empty bold an editor left)
# are text: they neither open nor close a bold span.
_EMPTY_BOLD = re.compile(r"(?<![\w*])\*{4,}(?![\w*])")
_SHIELD_EMPHASIS = str.maketrans({"*": "\1", "_": "\2"})
_LABEL_CHARS = 12
"""A line this short ending in a colon is a label ("For example:", "优点:"), no point."""
# "1." before a digit is a number's own point ("192.168.1.255", "3.14"), not an enumerator.
_ENUMERATOR = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:[（(]\s*\d+\s*[)）]|<\d+>|\d+\s*(?:[.．](?!\d)|[、)）])|[①-⑳])\s*"
)
# "!" or "?" run into a word or a formula ("1-(10!/10^10)", "a?b:c") ends no sentence.
_SENTENCE_END = re.compile(
    rf"[。！？；]|[!?](?![\w/^*+=(-])|{CLAUSE_SEMICOLON}|{NOT_ABBREVIATED}\.(?:\s|$)"
)
_LETTER = re.compile(r"[^\W\d_]")
_THEMATIC_BREAK = re.compile(r"(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}")


def _clean_point(raw: str) -> str:
    point = plain_text(raw).strip(EDGE_PUNCT)
    # Emphasis around the whole point ("**_Value receivers_**") is markup too.
    point = EMPHASIS.sub(r"\2", point).strip(EDGE_PUNCT)
    return _ENUMERATOR.sub("", point).strip(EDGE_PUNCT)


def _unique(points: list[str]) -> tuple[str, ...]:
    kept: list[str] = []
    for point in points:
        if len(point) >= 2 and not any(_holds(earlier, point) for earlier in kept):
            kept.append(point)
    return tuple(kept)


NAME_CHARS = 24
"""A point this short may be a name: one an earlier point already gives is said again (an
example's "**BCR:** 15%" under "**Baseline Conversion Rate (BCR):** …")."""
_TRAILING_BRACKET = re.compile(r"\s*[(（]([^()（）]*)[)）]\s*$")
_LISTING = re.compile(r"[、，,;；/]|\s(?:and|or|vs\.?)\s|[和与及或]")


def _holds(earlier: str, point: str) -> bool:
    """Whether an earlier point says this one: the same, or the earlier names a term and
    this is its bracketed short form (批归一化（BN）) or its English head word ("Statistical
    Power (1 - β)" holds "Power"). A point that lists things ("表级锁和行级锁对比") holds
    none of them."""
    first, later = earlier.lower(), point.lower()
    if first == later:
        return True
    if len(later) > NAME_CHARS:
        return False
    bracket = _TRAILING_BRACKET.search(first)
    if bracket:
        if bracket.group(1).strip() == later:
            return True
        first = first[: bracket.start()]
    if not later.isascii() or _LISTING.search(first) or not first.endswith(later):
        return False  # 非抢占式 does not hold 抢占式: a Chinese name's head is no name of it
    return first != later and first[-len(later) - 1] == " "


# Words a note sets in bold to stress its sentence ("it is **not** a firewall", "**only** the
# transport", "**不能**"): the stress belongs to the sentence, the word alone is no point.
_EMPHASIS_WORDS = frozenset(
    [
        "not", "no", "never", "only", "always", "all", "any", "none", "both", "every", "each",
        "must", "cannot", "can't", "don't", "doesn't", "won't", "isn't", "aren't", "also",
        "very", "exactly", "just", "even", "still", "before", "after", "and", "or", "but",
        "不", "不是", "不能", "不会", "不要", "没有", "必须", "一定", "只有", "只能", "所有",
    ]
)


def highlighted_points(body: str) -> tuple[str, ...]:
    """Coloured `<font>` spans and bold spans of a body, cleaned, in order of appearance."""
    found: list[tuple[int, str]] = []
    outside_fonts = body
    if "<" in body:  # most answers colour nothing
        for match in FONT.finditer(body):
            found.append((match.start(), _clean_point(match.group(1))))
        outside_fonts = FONT.sub(lambda m: " " * len(m.group(0)), body)
    coded = "`" in outside_fonts
    if coded:  # `__init__` and `**kwargs` in a code span are no bold (a bold span may hold one)
        outside_fonts = CODE.sub(lambda m: m.group(0).translate(_SHIELD_EMPHASIS), outside_fonts)
    if "****" in outside_fonts:
        outside_fonts = _EMPTY_BOLD.sub(lambda m: " " * len(m.group(0)), outside_fonts)
    for match in _BOLD.finditer(outside_fonts):
        point = match.group(1) or match.group(2)
        if points_elsewhere(point):
            continue  # a bold link ("**[详细解释](…)**") points to a text, it is no point
        found.append((match.start(), _clean_point(point.translate(UNSHIELD) if coded else point)))
    found.sort()
    # "**Explanation**" over the text, "**Note:** …": a bold word that titles a part of the
    # answer is its structure, not a point it makes.
    return _unique([
        point for _, point in found
        if point.lower() not in _EMPHASIS_WORDS and point.lower() not in NON_QUESTION_TITLES
    ])


def first_sentence(text: str) -> str:
    """The first sentence of a line of prose, enumerators and markup removed."""
    clean = _clean_point(text)
    end = _SENTENCE_END.search(clean)
    sentence = clean[: end.start()] if end else clean
    return sentence.strip(EDGE_PUNCT)


def _says_something(line: str) -> bool:
    text = plain_text(line)
    label = len(text) <= _LABEL_CHARS and text.endswith((":", "："))
    return not label and not points_elsewhere(line)



# Two rules tell code from prose, one for each way Markdown misreads a notes file: code
# pasted without a fence (a paragraph to Markdown; here) and prose indented 4 spaces (code to
# Markdown; markup.indented_block_is_prose). Each overrides Markdown only on clear evidence
# of its own kind, so the two differ on purpose over lines that are neither sentences nor
# C-like statements (`kubectl scale …`, `a = f(x)`, a link, a heading): a paragraph keeps them
# as prose, an indented block as code. One rule for both would tip those lines one way in
# both places, e.g. drop ordinary paragraphs from key points or give indented shell commands
# key points.
_C_CODE_LINE = re.compile(r"^(?:#\s*include\b|//|/\*|\*/)|[;{}]$")
_LABELLED = re.compile(r"^[^\W\d_][\w ]{0,20}:\s+\S")


def _c_code_line(line: str) -> bool:
    """A line of C-like code: it ends a statement or block (`;` `{` `}`), or is a comment or
    an `#include` — and holds no CJK text (Chinese prose may end in a half-width `;`) and
    opens with no label ("Correct: B;" names an answer)."""
    text = line.strip()
    return (bool(_C_CODE_LINE.search(text)) and not CJK_START.search(text)
            and not _LABELLED.match(text))


def _without_unfenced_code(body: str) -> str:
    """The body without the paragraphs that are code pasted without a fence (Markdown reads
    them as prose; at least half their lines are C-like code lines): a statement such as
    `return 0;` is no point an answer must make."""
    kept = []
    for paragraph in re.split(r"\n[ \t]*\n", body):
        lines = [line for line in paragraph.splitlines() if line.strip()]
        code = sum(1 for line in lines if _c_code_line(line))
        if not lines or code * 2 < len(lines) or BULLET.match(lines[0]):
            kept.append(paragraph)
    return "\n\n".join(kept)


def _cells(row: str) -> list[str]:
    """A table row's cells, edge pipes dropped and escaped pipes kept."""
    return [_clean_point(cell) for cell in table_cells(row)]


def _table_points(rows: list[str]) -> list[str]:
    """The cells of a table's body rows as points, each named by its column ("TCP: …") and,
    where the first column labels the rows, by its row ("LRU 淘汰依据: …")."""
    if len(rows) < 3 or not TABLE_RULE.match(rows[1]):
        return []
    header = _cells(rows[0])
    body = [cells for cells in map(_cells, rows[2:]) if any(cells)]
    if not body:
        return []
    labels = [cells[0] for cells in body]
    longest = max((len(cell) for cells in body for cell in cells[1:]), default=0)
    # Labels that are values ("0", "1", "all / -1" under "acks") are keys of the rows, and
    # values of the column's name: each row is named by both ("acks 0").
    valued = bool(header[0]) and any(label and not _LETTER.search(label) for label in labels)
    # The first column labels the rows under an empty corner, beside two compared columns,
    # as short names beside longer text ("momentum | keeps a running average …"), or as values.
    labelled = (not header[0] or len(header) > 2
                or (all(len(label) <= NAME_CHARS for label in labels)
                    and (longest > NAME_CHARS or valued)))
    points = []
    for cells in body:
        label = cells[0] if labelled else ""
        if labelled and valued and label:
            label = f"{header[0]} {label}"
        for column in range(int(labelled), len(cells)):
            cell = cells[column]
            if cell in ("", "-", "—"):
                continue
            # A two-column table of labels names each row only; else a cell is its column's.
            named_by_column = column < len(header) and not (labelled and len(header) == 2)
            named = " ".join(part for part in (header[column] if named_by_column else "", label)
                             if part)
            points.append(cell if not named or named.lower() in cell.lower()
                          else f"{named}: {cell}")
    return points


def derived_points(body: str, limit: int = 8) -> tuple[str, ...]:
    """Key points for a body that highlights nothing: the first sentence of each bullet
    (top level first), else of each paragraph (of a quote, when the body is one), else the
    cells of its tables."""
    bullets: list[tuple[int, str]] = []
    paragraphs: list[str] = []
    tables: list[list[str]] = []
    lines = body.splitlines()
    own = [line for line in lines if line.strip() and not QUOTE_MARKS.match(line)]
    if own:  # beside the answer's own prose a quote is an aside; else it is the answer
        body = "\n".join(line for line in lines if not QUOTE_MARKS.match(line))
    body = _without_unfenced_code(body)
    previous_row = False
    for line in unwrap(body):
        row = line.lstrip().startswith("|")
        if row:
            if not previous_row:
                tables.append([])
            tables[-1].append(line)
        previous_row = row
        if not line.strip() or IMAGE.fullmatch(line.strip()):
            continue
        bullet = BULLET.match(line) or TIGHT_NUMBER.match(line)
        if bullet:
            bullets.append((len(bullet.group(1).expandtabs(4)), bullet.group(2)))
        elif (not line.lstrip().startswith(("#", ">", "|", "http://", "https://"))
              and not _THEMATIC_BREAK.fullmatch(line.strip())):
            paragraphs.append(line)
    # A pointer elsewhere ("推荐: http://…", "见[某篇文章](…)") says nothing to ask for, and
    # a label ("Example:", "优点:") introduces what follows.
    bullets = [(indent, text) for indent, text in bullets if _says_something(text)]
    paragraphs = [text for text in paragraphs if _says_something(text)]
    if bullets:
        shallowest = min(indent for indent, _ in bullets)
        chosen = [text for indent, text in bullets if indent == shallowest]
        if len(chosen) < 2:
            chosen = [text for _, text in bullets]
    elif paragraphs and tables and all(plain_text(t).endswith((":", "：")) for t in paragraphs):
        # Prose that only leads into a table ("Controls how producers wait for confirmation:"
        # over "| acks | Meaning |"): the table is what the answer says.
        table = [point for rows in tables for point in _table_points(rows)]
        return _unique([*(first_sentence(text) for text in paragraphs), *table])[:limit]
    elif paragraphs:
        chosen = paragraphs
    else:
        # A comparison written only as a table: its cells are what the answer says.
        return _unique([point for rows in tables for point in _table_points(rows)])[:limit]
    return _unique([first_sentence(text) for text in chosen])[:limit]
