"""Inline Markdown/HTML clean-up and the key points the notes highlight."""

from __future__ import annotations

import re

from interviewer.text import NOT_ABBREVIATED

_FONT = re.compile(
    r"<font\b[^>]*\bcolor\s*=\s*['\"]?[^'\">\s]+['\"]?[^>]*>(.*?)</font\s*>",
    re.IGNORECASE | re.DOTALL,
)
# `__init__` written bare is a Python name, not "init" in bold: `__` around one lower-case
# identifier is no emphasis.
_NOT_DUNDER = r"(?![a-z][a-z0-9_]*__(?!\w))"
# Emphasis is inline: it never runs past a blank line or into the next list item (a stray
# "**" would otherwise pair with the next item's bold).
_IN_BLOCK = r"(?:(?!\n[ \t]*(?:\n|[-*+][ \t]|\d+[.)][ \t])).)+?"
_BOLD = re.compile(
    rf"\*\*(?=\S)({_IN_BLOCK})(?<=\S)\*\*|(?<!\w)__(?=\S){_NOT_DUNDER}({_IN_BLOCK})(?<=\S)__",
    re.DOTALL,
)
# Four or more asterisks touching no word ("（Young GC）****：", an empty bold an editor left)
# are text: they neither open nor close a bold span.
_EMPTY_BOLD = re.compile(r"(?<![\w*])\*{4,}(?![\w*])")
_UNDERSCORE_BOLD = re.compile(rf"(?<!\w)__(?=\S){_NOT_DUNDER}(.+?)(?<=\S)__(?!\w)", re.DOTALL)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"(?<!!)\[([^\]]*)\]\([^)]*\)")
_BRACKETED_LINK = re.compile(r"\[\[([^\]]*)\]\]\([^)]*\)")  # [[src]](url)
_URL = re.compile(r"https?://\S+")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_CODE = re.compile(r"`+([^`]*)`+")
_SHIELD = str.maketrans({"<": "\0", "*": "\1", "_": "\2"})
_SHIELD_EMPHASIS = str.maketrans({"*": "\1", "_": "\2"})
_UNSHIELD = str.maketrans({"\0": "<", "\1": "*", "\2": "_"})
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]")
_LABEL_CHARS = 12
"""A line this short ending in a colon is a label ("For example:", "优点:"), no point."""
_HARD_BREAK = re.compile(r"(?<!\\)\\[ \t]*$", re.MULTILINE)  # "hello \" ends a line, as <br>
_EDGE_PUNCT = "：:；;，,、。. \t"
# "1." before a digit is a number's own point ("192.168.1.255", "3.14"), not an enumerator.
_ENUMERATOR = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:[（(]\s*\d+\s*[)）]|<\d+>|\d+\s*(?:[.．](?!\d)|[、)）])|[①-⑳])\s*"
)
_SENTENCE_END = re.compile(rf"[。！？!?；;]|{NOT_ABBREVIATED}\.(?:\s|$)")
_BULLET = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$")
# "1.原因一" / "2、原因二" on lines of their own: points numbered without the space Markdown
# wants after "1." — a list to their reader ("1.5 倍" is a number, not a point).
_TIGHT_NUMBER = re.compile(r"^(\s*)\d{1,2}[.、)）](?=[^\d\s.])(.*)$")
FENCE_LINE = re.compile(r"^\s*(?:```|~~~)")
"""A line that opens or closes a fenced code block."""
_QUOTE_MARKS = re.compile(r"^ {0,3}> ?")
# A bold name of its own on a line, ending in a colon ("**Example:**", "**解析**："): it heads
# what follows, it does not start a sentence that the next line continues.
_LABEL_LINE = re.compile(r"^\s*(\*\*|__)[^*_\n]+?\1\s*[:：]?\s*\\?\s*$")
_EMPHASIS = re.compile(r"^([*_])(?=\S)(.+?)(?<=\S)\1$")
# Lines that start a block of their own: never the continuation of a wrapped line.
_BLOCK_STARTS = ("#", ">", "|", "<", "![", "[image", "http://", "https://")
_CJK_END = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]$")
_CJK_START = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def image_note(alt: str) -> str:
    """How an image that is not shipped appears in text."""
    alt = alt.strip()
    return f"[image: {alt}]" if alt else "[image]"


def replace_images(markdown: str) -> str:
    """Replace image links (their files are not shipped) with their alt text."""
    if "![" not in markdown:
        return markdown
    return _IMAGE.sub(lambda m: image_note(m.group(1)), markdown)


def plain_text(markdown: str) -> str:
    """Markdown/HTML inline markup removed, whitespace collapsed."""
    # Each pattern is tried only when the text holds the characters it needs: most text is
    # plain, and this runs on every title, paragraph and key point.
    text = markdown
    if "![" in text:
        text = _IMAGE.sub(lambda m: m.group(1), text)
    if "](" in text:
        text = _BRACKETED_LINK.sub(lambda m: f"[{m.group(1)}]", text)
        text = _LINK.sub(lambda m: m.group(1), text)
    if "://" in text:
        text = _URL.sub("", text)
    shielded = "`" in text
    if shielded:
        # A code span is text: its `<p>` is no tag and its `__init__` or `**kwargs` no bold.
        # Shield those characters while tags and emphasis are removed.
        text = _CODE.sub(lambda m: m.group(1).translate(_SHIELD), text)
    if "<" in text:
        text = _TAG.sub("", text)
    if "\\" in text:
        text = _HARD_BREAK.sub("", text)
    text = text.replace("**", "")
    if "__" in text:
        text = _UNDERSCORE_BOLD.sub(r"\1", text)
    if shielded:
        text = text.translate(_UNSHIELD)
    return _SPACE.sub(" ", text).strip()


# A line of three or more dashes, stars or underscores ("---", "* * *") rules off a section.
_THEMATIC_BREAK = re.compile(r"(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_HEADING_MARK = re.compile(r"^\s{0,3}#{1,6}\s+")
_TABLE_EDGE = re.compile(r"^\s*\|\s*|\s*\|\s*$")


def preview(markdown: str, limit: int) -> str:
    """Note text as one line of prose for a preview: code fences, table rules, heading marks
    and inline markup dropped (the code and cells themselves kept), cut to `limit`."""
    lines = []
    for line in markdown.splitlines():
        if FENCE_LINE.match(line) or _TABLE_RULE.match(line):
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

    return _FONT.sub(bold, markdown)


def _clean_point(raw: str) -> str:
    point = plain_text(raw).strip(_EDGE_PUNCT)
    # Emphasis around the whole point ("**_Value receivers_**") is markup too.
    point = _EMPHASIS.sub(r"\2", point).strip(_EDGE_PUNCT)
    return _ENUMERATOR.sub("", point).strip(_EDGE_PUNCT)


def _unique(points: list[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    kept = []
    for point in points:
        if len(point) >= 2 and point.lower() not in seen:
            seen.add(point.lower())
            kept.append(point)
    return tuple(kept)


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
        for match in _FONT.finditer(body):
            found.append((match.start(), _clean_point(match.group(1))))
        outside_fonts = _FONT.sub(lambda m: " " * len(m.group(0)), body)
    coded = "`" in outside_fonts
    if coded:  # `__init__` and `**kwargs` in a code span are no bold (a bold span may hold one)
        outside_fonts = _CODE.sub(lambda m: m.group(0).translate(_SHIELD_EMPHASIS), outside_fonts)
    if "****" in outside_fonts:
        outside_fonts = _EMPTY_BOLD.sub(lambda m: " " * len(m.group(0)), outside_fonts)
    for match in _BOLD.finditer(outside_fonts):
        point = match.group(1) or match.group(2)
        if points_elsewhere(point):
            continue  # a bold link ("**[详细解释](…)**") points to a text, it is no point
        found.append((match.start(), _clean_point(point.translate(_UNSHIELD) if coded else point)))
    found.sort()
    return _unique([point for _, point in found if point.lower() not in _EMPHASIS_WORDS])


def first_sentence(text: str) -> str:
    """The first sentence of a line of prose, enumerators and markup removed."""
    clean = _clean_point(text)
    end = _SENTENCE_END.search(clean)
    sentence = clean[: end.start()] if end else clean
    return sentence.strip(_EDGE_PUNCT)


def _strip_quotes(line: str, most: int | None) -> tuple[int, str]:
    depth = 0
    while (most is None or depth < most) and (match := _QUOTE_MARKS.match(line)):
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
        elif not stripped or stripped.startswith(_BLOCK_STARTS) or _BULLET.match(line):
            joinable = bool(stripped) and not fenced and bool(_BULLET.match(line))
        elif joinable and not (
            _TIGHT_NUMBER.match(line)
            and (_TIGHT_NUMBER.match(lines[-1]) or lines[-1].rstrip().endswith((":", "：")))
        ):
            before = lines[-1]
            glue = "" if _CJK_END.search(before) and _CJK_START.match(stripped) else " "
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
        if at and "|" in line and _TABLE_RULE.match(line) and "|" in lines[at - 1]:
            rows.add(at - 1)
            end = at + 1
            while end < len(lines) and "|" in lines[end] and lines[end].strip():
                rows.add(end)
                end += 1
            rows.add(at)
    return [f"| {line.strip()}" if at in rows and not line.lstrip().startswith("|") else line
            for at, line in enumerate(lines)]


def points_elsewhere(line: str) -> bool:
    """A line that is mostly links: what it says is elsewhere (its own words, "推荐:",
    "get:", are a label for them)."""
    if "](" not in line and "://" not in line:
        return False
    linked = sum(len(_WORD.findall(m.group(1))) for m in _LINK.finditer(line))
    rest = _LINK.sub(" ", line)
    linked += sum(len(_WORD.findall(url)) for url in _URL.findall(rest))
    return linked > 0 and len(_WORD.findall(_URL.sub(" ", rest))) * 3 <= linked


def _says_something(line: str) -> bool:
    text = plain_text(line)
    label = len(text) <= _LABEL_CHARS and text.endswith((":", "："))
    return not label and not points_elsewhere(line)


# Two rules tell code from prose, one for each way Markdown misreads a notes file: code
# pasted without a fence (a paragraph to Markdown) and prose indented 4 spaces (code to
# Markdown). Each overrides Markdown only on clear evidence of its own kind, so the two differ
# on purpose over lines that are neither sentences nor C-like statements (`kubectl scale …`,
# `a = f(x)`, a link, a heading): a paragraph keeps them as prose, an indented block as code.
# One rule for both would tip those lines one way in both places, e.g. drop ordinary
# paragraphs from key points or give indented shell commands key points.
_C_CODE_LINE = re.compile(r"^(?:#\s*include\b|//|/\*|\*/)|[;{}]$")
_LABELLED = re.compile(r"^[^\W\d_][\w ]{0,20}:\s+\S")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_ANY_CODE_MARK = re.compile(r"[=;{}<>\[\]]|\w\(|^\s*(?:#|//)")


def _c_code_line(line: str) -> bool:
    """A line of C-like code: it ends a statement or block (`;` `{` `}`), or is a comment or
    an `#include` — and holds no CJK text (Chinese prose may end in a half-width `;`) and
    opens with no label ("Correct: B;" names an answer)."""
    text = line.strip()
    return (bool(_C_CODE_LINE.search(text)) and not _CJK_START.search(text)
            and not _LABELLED.match(text))


def _without_unfenced_code(body: str) -> str:
    """The body without the paragraphs that are code pasted without a fence (Markdown reads
    them as prose; at least half their lines are C-like code lines): a statement such as
    `return 0;` is no point an answer must make."""
    kept = []
    for paragraph in re.split(r"\n[ \t]*\n", body):
        lines = [line for line in paragraph.splitlines() if line.strip()]
        code = sum(1 for line in lines if _c_code_line(line))
        if not lines or code * 2 < len(lines) or _BULLET.match(lines[0]):
            kept.append(paragraph)
    return "\n\n".join(kept)


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


def derived_points(body: str, limit: int = 8) -> tuple[str, ...]:
    """Key points for a body that highlights nothing: the first sentence of each bullet
    (top level first), else of each paragraph (of a quote, when the body is one)."""
    bullets: list[tuple[int, str]] = []
    paragraphs: list[str] = []
    lines = body.splitlines()
    own = [line for line in lines if line.strip() and not _QUOTE_MARKS.match(line)]
    if own:  # beside the answer's own prose a quote is an aside; else it is the answer
        body = "\n".join(line for line in lines if not _QUOTE_MARKS.match(line))
    body = _without_unfenced_code(body)
    for line in unwrap(body):
        if not line.strip() or _IMAGE.fullmatch(line.strip()):
            continue
        bullet = _BULLET.match(line) or _TIGHT_NUMBER.match(line)
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
    else:
        chosen = paragraphs
    return _unique([first_sentence(text) for text in chosen])[:limit]
