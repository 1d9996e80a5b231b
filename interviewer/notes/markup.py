"""Inline Markdown/HTML clean-up: plain text, previews, images, quotes, wrapped lines."""

from __future__ import annotations

import re

FONT = re.compile(
    r"<font\b[^>]*\bcolor\s*=\s*['\"]?[^'\">\s]+['\"]?[^>]*>(.*?)</font\s*>",
    re.IGNORECASE | re.DOTALL,
)
# `__init__` written bare is a Python name, not "init" in bold: `__` around one lower-case
# identifier is no emphasis.
NOT_DUNDER = r"(?![a-z][a-z0-9_]*__(?!\w))"
_UNDERSCORE_BOLD = re.compile(rf"(?<!\w)__(?=\S){NOT_DUNDER}(.+?)(?<=\S)__(?!\w)", re.DOTALL)
IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"(?<!!)\[([^\]]*)\]\([^)]*\)")
_BRACKETED_LINK = re.compile(r"\[\[([^\]]*)\]\]\([^)]*\)")  # [[src]](url)
_URL = re.compile(r"https?://\S+")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
CODE = re.compile(r"`+([^`]*)`+")
_SHIELD = str.maketrans({"<": "\0", "*": "\1", "_": "\2"})
UNSHIELD = str.maketrans({"\0": "<", "\1": "*", "\2": "_"})
# "*What is PHP?*" (what "***…***" leaves once bold is gone): a star hugging words on both
# sides is emphasis; "a * b", "2*3*4", "(a)*(b)*(c)" and "*args" are not.
_STAR_ITALIC = re.compile(
    r"(?<![A-Za-z0-9_*)])\*(?=[^\W_])([^*\n]+?)(?<=[^\s*()+\-/=^])\*(?![A-Za-z0-9_*(])"
)
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]")
_HARD_BREAK = re.compile(r"(?<!\\)\\[ \t]*$", re.MULTILINE)  # "hello \" ends a line, as <br>
EDGE_PUNCT = "：:；;，,、。. \t"
BULLET = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$")
# "1.原因一" / "2、原因二" on lines of their own: points numbered without the space Markdown
# wants after "1." — a list to their reader ("1.5 倍" is a number, not a point).
TIGHT_NUMBER = re.compile(r"^(\s*)\d{1,2}[.、)）](?=[^\d\s.])(.*)$")
FENCE_LINE = re.compile(r"^\s*(?:```|~~~)")
"""A line that opens or closes a fenced code block."""
QUOTE_MARKS = re.compile(r"^ {0,3}> ?")
# A bold name of its own on a line, ending in a colon ("**Example:**", "**解析**："): it heads
# what follows, it does not start a sentence that the next line continues.
_LABEL_LINE = re.compile(r"^\s*(\*\*|__)[^*_\n]+?\1\s*[:：]?\s*\\?\s*$")
EMPHASIS = re.compile(r"^([*_])(?=\S)(.+?)(?<=\S)\1$")
# Lines that start a block of their own: never the continuation of a wrapped line.
_BLOCK_STARTS = ("#", ">", "|", "<", "![", "[image", "http://", "https://")
_CJK_END = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]$")
_FIRST_ITEM = re.compile(r"^\s*1[.、)）](?=[^\d\s.])")
_SENTENCE_DONE = re.compile(r"[。！？.!?]\s*$")
CJK_START = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


IMAGE_NOTE = re.compile(r"\[image(?::[^\]]*)?\]")
"""What image_note() writes in place of an image."""


def image_note(alt: str) -> str:
    """How an image that is not shipped appears in text."""
    alt = alt.strip()
    return f"[image: {alt}]" if alt else "[image]"


def replace_images(markdown: str) -> str:
    """Replace image links (their files are not shipped) with their alt text."""
    if "![" not in markdown:
        return markdown
    return IMAGE.sub(lambda m: image_note(m.group(1)), markdown)


def plain_text(markdown: str) -> str:
    """Markdown/HTML inline markup removed, whitespace collapsed."""
    # Each pattern is tried only when the text holds the characters it needs: most text is
    # plain, and this runs on every title, paragraph and key point.
    text = markdown
    if "![" in text:
        text = IMAGE.sub(lambda m: m.group(1), text)
    if "](" in text:
        text = _BRACKETED_LINK.sub(lambda m: f"[{m.group(1)}]", text)
        text = _LINK.sub(lambda m: m.group(1), text)
    if "://" in text:
        text = _URL.sub("", text)
    shielded = "`" in text
    if shielded:
        # A code span is text: its `<p>` is no tag and its `__init__` or `**kwargs` no bold.
        # Shield those characters while tags and emphasis are removed.
        text = CODE.sub(lambda m: m.group(1).translate(_SHIELD), text)
    if "<" in text:
        text = _TAG.sub("", text)
    if "\\" in text:
        text = _HARD_BREAK.sub("", text)
    text = text.replace("**", "")
    if "*" in text:
        text = _STAR_ITALIC.sub(r"\1", text)
    if "__" in text:
        text = _UNDERSCORE_BOLD.sub(r"\1", text)
    if shielded:
        text = text.translate(UNSHIELD)
    return _SPACE.sub(" ", text).strip()


# A line of three or more dashes, stars or underscores ("---", "* * *") rules off a section.
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_HEADING_MARK = re.compile(r"^\s{0,3}#{1,6}\s+")
# A table row's outer pipes, and the pipes between its cells ("\|" is a pipe inside a cell).
_TABLE_EDGE = re.compile(r"^\s*\|\s*|\s*(?<!\\)\|\s*$")
_CELL_SPLIT = re.compile(r"\s*(?<!\\)\|\s*")


def table_cells(row: str) -> list[str]:
    """A Markdown table row's cells, stripped, escaped pipes kept as pipes."""
    inner = _TABLE_EDGE.sub("", row)
    return [cell.replace("\\|", "|") for cell in _CELL_SPLIT.split(inner)]


def preview(markdown: str, limit: int) -> str:
    """Note text as one line of prose for a preview: code fences, table rules, heading marks
    and inline markup dropped (the code and cells themselves kept), cut to `limit`."""
    lines = []
    for line in markdown.splitlines():
        if FENCE_LINE.match(line) or TABLE_RULE.match(line):
            continue
        lines.append(_TABLE_EDGE.sub("", _HEADING_MARK.sub("", line)))
    text = plain_text("\n".join(lines))
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# The elements a notes file may use as HTML; any other `<name>` in its prose is text
# (`<job-name>`, `List<String>`), which a Markdown renderer would take for a tag and hide.
_HTML_ELEMENTS = frozenset(
    [
        "a", "abbr", "address", "article", "aside", "audio", "b", "bdi", "bdo", "big",
        "blockquote", "body", "br", "button", "caption", "center", "cite", "code", "col",
        "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "embed",
        "figcaption", "figure", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "head", "header", "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "label",
        "legend", "li", "link", "main", "mark", "meta", "nav", "ol", "p", "picture", "pre", "q",
        "rp", "rt", "ruby", "s", "samp", "section", "small", "source", "span", "strike",
        "strong", "style", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
        "thead", "time", "tr", "tt", "u", "ul", "var", "video", "wbr"
    ]
)
_TAG_NAME = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])")
_CODE_SPAN = re.compile(r"(`+).*?\1")


def escape_non_html_tags(markdown: str) -> str:
    """Markdown whose `<name>` placeholders outside code show as written, while its real
    HTML (`<font>`, `<br>`, `<sup>`) stays HTML."""
    if "<" not in markdown:
        return markdown

    def escape(match: re.Match[str]) -> str:
        known = match.group(2).lower() in _HTML_ELEMENTS
        return match.group(0) if known else "\\" + match.group(0)

    lines = markdown.split("\n")
    fenced = False
    for index, line in enumerate(lines):
        if FENCE_LINE.match(line):
            fenced = not fenced
        elif not fenced and "<" in line and not line.startswith(("    ", "\t")):
            # Code spans show their text as written already: escape only between them.
            rebuilt, end = [], 0
            for span in _CODE_SPAN.finditer(line):
                rebuilt += [_TAG_NAME.sub(escape, line[end : span.start()]), span.group(0)]
                end = span.end()
            lines[index] = "".join([*rebuilt, _TAG_NAME.sub(escape, line[end:])])
    return "\n".join(lines)


def highlights_to_bold(markdown: str) -> str:
    """Turn coloured `<font>` spans into bold, so Markdown renderers show the highlight."""
    if "<" not in markdown:
        return markdown

    def bold(match: re.Match[str]) -> str:
        inner = match.group(1).replace("**", "").strip()
        return f"**{inner}**" if inner else ""

    return FONT.sub(bold, markdown)


def _strip_quotes(line: str, most: int | None) -> tuple[int, str]:
    depth = 0
    while (most is None or depth < most) and (match := QUOTE_MARKS.match(line)):
        depth, line = depth + 1, line[match.end() :]
    return depth, line


def unquote(text: str) -> str:
    """The text with its blockquote markers (`> `) removed: a quoted answer read as the prose
    it quotes. A code block keeps the markers of its lines beyond its own quote depth (in an
    unquoted block, `> ` is the program's text)."""
    if ">" not in text:
        return text
    lines: list[str] = []
    fence_depth: int | None = None  # the quote depth of the open code block
    for line in text.split("\n"):
        depth, rest = _strip_quotes(line, fence_depth)
        if FENCE_LINE.match(rest):
            fence_depth = depth if fence_depth is None else None
        lines.append(rest)
    return "\n".join(lines)


def keep_line_breaks(text: str) -> str:
    """Preformatted text as Markdown that shows its lines: each line that another follows
    ends in a hard break (fenced code inside is left as it is)."""
    lines = text.split("\n")
    fenced = False
    for index, line in enumerate(lines[:-1]):
        if FENCE_LINE.match(line):
            fenced = not fenced
        elif (
            not fenced
            and line.strip()
            and lines[index + 1].strip()
            and not FENCE_LINE.match(lines[index + 1])
        ):
            lines[index] = line.rstrip() + "  "
    return "\n".join(lines)


def unwrap(text: str) -> list[str]:
    """The text's lines with hard-wrapped prose put back together: a line that continues a
    paragraph or a list item joins the line before it (with no space between Chinese), as
    Markdown renders it; quotes are read as their prose; code, headings, tables and a bold
    label on a line of its own keep their lines."""
    lines: list[str] = []
    fenced = joinable = False
    for line in _edged_tables(unquote(text).splitlines()):
        stripped = line.strip()
        if FENCE_LINE.match(line):
            fenced, joinable = not fenced, False
        elif fenced or _LABEL_LINE.match(line):
            joinable = False
        elif not stripped or stripped.startswith(_BLOCK_STARTS) or BULLET.match(line):
            joinable = bool(stripped) and not fenced and bool(BULLET.match(line))
        elif joinable and not (
            TIGHT_NUMBER.match(line)
            and (TIGHT_NUMBER.match(lines[-1]) or lines[-1].rstrip().endswith((":", "："))
                 # "…惩罚项。\n1、L1…": as a Markdown list opening at 1 interrupts a paragraph.
                 or (_FIRST_ITEM.match(line) and _SENTENCE_DONE.search(lines[-1])))
        ):
            before = lines[-1]
            glue = "" if _CJK_END.search(before) and CJK_START.match(stripped) else " "
            lines[-1] = _HARD_BREAK.sub("", before).rstrip() + glue + stripped
            continue
        else:
            joinable = True
        lines.append(line)
    return lines


def _edged_tables(lines: list[str]) -> list[str]:
    """The lines with each row of a table written without edge pipes ("对比 | LRU | LFU"
    over "--- | ---") given its leading pipe, so it reads as a table, not as prose."""
    rows = set()
    for at, line in enumerate(lines):
        if at and "|" in line and TABLE_RULE.match(line) and "|" in lines[at - 1]:
            rows.add(at - 1)
            end = at + 1
            while end < len(lines) and "|" in lines[end] and lines[end].strip():
                rows.add(end)
                end += 1
            rows.add(at)
    return [f"| {line.strip()}" if at in rows and not line.lstrip().startswith("|") else line
            for at, line in enumerate(lines)]


_LABEL_CHARS = 40
_SENTENCE_END = re.compile(r"[。！？!?，,；;]|\.(?:\s|$)")


def points_elsewhere(line: str) -> bool:
    """A line that is mostly links: what it says is elsewhere (its own words, "推荐:",
    "get:", are a label for them)."""
    if "](" not in line and "://" not in line:
        return False
    linked = sum(len(_WORD.findall(m.group(1))) for m in _LINK.finditer(line))
    rest = _LINK.sub(" ", line)
    linked += sum(len(_WORD.findall(url)) for url in _URL.findall(rest))
    own = _URL.sub(" ", rest)
    return linked > 0 and (len(_WORD.findall(own)) * 3 <= linked or labels_links(own))


def labels_links(own: str) -> bool:
    """The words of a line outside its links are a short label ending in a colon, one phrase
    and no sentence before it ("欢迎在 Issue 中回答此问题: [Issue 108](…)", "回答者: [name](…)",
    "详见：…"): they say where the answer is."""
    label = own.strip().rstrip(" 。.，,;；")
    return (
        label.endswith((":", "："))
        and len(label) <= _LABEL_CHARS
        and not _SENTENCE_END.search(label[:-1])
    )


# The other half of key_points' rule for code pasted without a fence (see there): prose
# indented 4 spaces, which Markdown reads as code.
_HAN = re.compile(r"[\u4e00-\u9fff]")
_ANY_CODE_MARK = re.compile(r"[=;{}<>\[\]]|\w\(|^\s*(?:#|//)")


def indented_block_is_prose(text: str) -> bool:
    """An indented block (code to Markdown) that is sentences rather than code: most of its
    lines are Chinese, or several words without code's operators and brackets."""
    lines = [line for line in text.splitlines() if line.strip()]
    prose = sum(
        1
        for line in lines
        if len(_HAN.findall(line)) >= 4
        or (len(line.split()) >= 4 and not _ANY_CODE_MARK.search(line))
    )
    return prose * 2 > len(lines)


# A fenced line of fewer English words is a program's output ("Hi! i am 50"), not a sentence.
_FENCED_SENTENCE_WORDS = 6
_PROSE_FENCE = re.compile(r"^\s*(?:```|~~~)\s*(?:text|txt|plain|plaintext|markdown|md)?\s*$", re.I)


def fenced_prose(block: str) -> str:
    """The lines of a fenced block that holds sentences rather than code (no language, or a
    text one, and most lines sentences without a mark of code: notes that fence every
    answer, "```\\n容器是从镜像创建的运行实例…\\n```"), else ""."""
    lines = block.strip("\n").split("\n")
    if not _PROSE_FENCE.match(lines[0]):
        return ""
    inner = lines[1:-1] if len(lines) > 1 and FENCE_LINE.match(lines[-1]) else lines[1:]
    text = "\n".join(inner).strip("\n")
    lines = [line for line in text.splitlines() if line.strip()]
    # Stricter than for an indented block, which Markdown alone made code: the author fenced
    # it, so a line with any mark of code (a comment, a call, a semicolon) is code.
    prose = sum(
        1
        for line in lines
        if not _ANY_CODE_MARK.search(line)
        and (len(_HAN.findall(line)) >= 4 or len(line.split()) >= _FENCED_SENTENCE_WORDS)
    )
    return text if prose * 2 > len(lines) else ""
