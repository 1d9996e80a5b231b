"""What a heading's body holds when it is no answer: a table of contents, a list of
references, markup alone, or a placeholder for an answer still to write — and what any
question's answer holds when it only points elsewhere."""

from __future__ import annotations

import re
from urllib.parse import unquote

from interviewer.notes.document import Block
from interviewer.notes.draft import Context, is_link_only
from interviewer.notes.marks import TOC_TITLES, is_skipped_title
from interviewer.notes.markup import labels_links, plain_text

_TOC_MARK = re.compile(r"^\[\[?toc\]?\]$|^\$?\{:?toc\}|^<!--", re.IGNORECASE)
_IN_PAGE_LINK = re.compile(r"\[[^\]]*\]\(#[^)]*\)")
_MARKUP = re.compile(r"</?[a-zA-Z][^>]*>|<!--.*?-->", re.DOTALL)
_FRAGMENT = re.compile(r"\]\([^)\s]*#([^)\s]+)\)")
_LIST_MARK = re.compile(r"^\s*(?:[-*+|]|\d+[.)])\s*(?:\[[ xX]\]\s+)?")
# What notes write where an answer is still to come: "TODO", "- [ ] TODO" (an open task),
# "TBD", "待补充", a template's "Answer goes here" — a mark of the author's, never an answer
# or a question.
_PLACEHOLDER = re.compile(
    r"^(?:\[\s?\]\s*)?(?:todo|to-?do|tbd|tba|fixme|wip|coming soon"
    r"|to be (?:added|written|done|completed|filled(?: in)?)"
    r"|(?:(?:the|your|an?) )?(?:answer|content|explanation|solution)s?"
    r" (?:(?:goes|go|will go) )?here"
    r"|(?:answer|solution)s? (?:pending|to come)"
    r"|待补充|待完善|待更新|待续|待填写|未完成|暂无|答案待补充)\s*[.。…!！:：]*$",
    re.IGNORECASE,
)
# Where an answer may point to instead of giving it: a link with its text (one level of
# brackets inside, "[[Answer]](url)"), an <a> element, an autolink or a bare URL.
_POINTER = re.compile(
    r"(?<!!)\[(?:[^\[\]]|\[[^\]]*\])*\]\((?:[^()\s]|\([^()]*\))*\)"
    r"|<a\s[^>]*>.*?</a>|<https?://[^>\s]+>|https?://\S+",
    re.IGNORECASE,
)
_FENCE = re.compile(r"^\s*(?:```|~~~)")
# A field that files a question rather than answers it ("公司：自如", "分类：网络&安全",
# "Tags: css"): question banks put these over the link to where the answer is.
_FILING = re.compile(
    r"^(?:公司|分类|类别|标签|来源|出处|难度|频率|出现频率|考察频率|面试公司|"
    r"tags?|categor(?:y|ies)|compan(?:y|ies)|source|difficulty|frequency)\s*[:：]",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"^\s*(?:>\s*)+")
_IMAGE = re.compile(r"!\[[^\]]*\]\(|<img\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]")


def is_toc(ctx: Context, title: str, body: list[Block]) -> bool:
    """A heading that is a table of contents: by its title, or by a body of links to this
    file's own headings."""
    if re.sub(r"^[^\w(（]+", "", title.strip().lower()).rstrip(":： ") in TOC_TITLES:
        # "## Index" over "### 인덱스란 무엇인가?" is the subject (a database's index), not the
        # file's contents: a contents heading lists links, or marks where they are generated.
        return bool(body) and (
            not any(b.kind == "paragraph" for b in body)
            or any(
                "](" in line or "<a " in line or _TOC_MARK.match(line.strip())
                for b in body
                for line in ctx.lines(b).split("\n")
            )
        )
    # Lazily: most bodies show on their first line that they are not a list of links. A
    # thematic break ("---" between a section heading and its first question) is no table rule.
    lines = (
        line for b in body if b.kind != "hr" for line in ctx.lines(b).split("\n") if line.strip()
    )
    first = next(lines, None)
    if first is not None and _toc_line(first) and all(_toc_line(line) for line in lines):
        return True
    return _links_to_own_headings(ctx, body)


def _toc_line(line: str) -> bool:
    """Only in-page links (a list or table of them), or a table's rule."""
    return bool(
        _IN_PAGE_LINK.search(line)
        and not _IN_PAGE_LINK.sub("", _LIST_MARK.sub("", line)).strip(" |")
    ) or set(line.strip()) <= set("|-: ")


def _links_to_own_headings(ctx: Context, body: list[Block]) -> bool:
    """A list whose every item is a link, most of them to headings of this very file (written
    as `#anchor` or as the file's full URL with `#anchor`): a table of contents."""
    lists = [b for b in body if b.kind == "list"]
    if not lists or any(b.kind not in ("list", "hr", "paragraph") for b in body):
        return False
    lines: list[str] = []
    for block in lists:
        for item in block.children:
            first = item.children[0] if item.children else None
            if first is None or first.kind != "paragraph" or not is_link_only(first.text):
                return False  # most answers' lists end at their first item
            lines.append(first.text)
    anchors = ctx.anchors()
    own = sum(
        1
        for line in lines
        for fragment in _FRAGMENT.findall(line)[:1]
        if unquote(fragment).lower() in anchors
    )
    return own * 2 >= len(lines)


def has_text(block: Block) -> bool:
    """Not a bare `<br>`/`<p align="center">` block nor a thematic break (`---`): markup
    alone is no answer."""
    if block.kind == "hr":
        return False
    return block.kind != "html" or bool(_MARKUP.sub("", block.text).strip())


def only_links(ctx: Context, body: list[Block]) -> bool:
    """A body of link lines only: a reference list, not an answer."""
    lines = [
        _LIST_MARK.sub("", line)
        for b in body
        if b.kind in ("paragraph", "list")
        for line in ctx.lines(b).split("\n")
        if line.strip()
    ]
    return (
        bool(lines)
        and all(b.kind in ("paragraph", "list", "hr") for b in body)
        and all(is_link_only(line) for line in lines)
    )


def is_placeholder(ctx: Context, block: Block) -> bool:
    """A paragraph or list that only says its answer is still to write ("- [ ] TODO")."""
    if block.kind not in ("paragraph", "list"):
        return False
    lines = [_LIST_MARK.sub("", line) for line in ctx.lines(block).split("\n") if line.strip()]
    return bool(lines) and all(_PLACEHOLDER.match(plain_text(line).strip()) for line in lines)


def without_placeholders(ctx: Context, body: list[Block]) -> tuple[list[Block], bool]:
    """A body without its placeholders, and whether they were all it held besides the
    references to read (then it is left empty: the notes do not answer yet)."""
    kept = [block for block in body if not is_placeholder(ctx, block)]
    if len(kept) == len(body):
        return body, False
    rest = [b for b in kept if not (b.kind == "paragraph" and is_skipped_title(plain_text(b.text)))]
    if not rest or only_links(ctx, rest):
        return [], True
    return kept, False


def points_elsewhere(answer: str) -> bool:
    """An answer of links only, perhaps under a references label ("[[Answer]](url)",
    "**参考资料**" over a list of links) or beside the fields that file the question ("分类：
    CSS"): it says where the answer is, or what it is about, not what it is."""
    pointers = 0
    filed = False
    for line in answer.split("\n"):
        if _FENCE.match(line) or _IMAGE.search(line):
            return False  # code, or a picture (linked or not): it shows something
        found = len(_POINTER.findall(line))
        rest = plain_text(_POINTER.sub(" ", _LIST_MARK.sub("", _QUOTED.sub("", line)))).strip()
        # A link's text names the page it points to — "Answer", an article's title — even
        # when it reads like a claim: only text outside the links answers.
        if _FILING.match(rest):
            filed = True
        elif found and labels_links(rest):
            pass  # "欢迎在 Issue 中回答此问题: [Issue 108](…)": its words only label the link
        elif _WORD.search(rest) and not is_skipped_title(rest):
            return False
        pointers += found
    return pointers > 0 or filed
