"""Sibling terms: things the notes define side by side, so an answer can mix them up
(precision/recall, L1/L2, train/validation/test, bagging/boosting, valid/same padding).
Found from the notes' structure, for any subject: a comparison in a title ("X 和 Y 的区别",
"difference between X and Y"), "X vs Y", "X/Y", the items of one list that each define a
term, the paragraphs of one answer that open with a bold label, the first cells of one
table, and sub-headings under one question."""

from __future__ import annotations

import re
from collections.abc import Iterable

from interviewer.notes.marks import is_skipped_title
from interviewer.notes.markup import table_cells

_MARKUP = re.compile(r"\*\*|__|`|<[^>]+>|^\s*#+\s*|^\s*\d+(?:\.\d+)*[.、)）]?\s*")
_COMPARE_ZH = re.compile(
    r"([^，。？?、：:（）()的]{1,16}?)\s*(?:和|与|跟|及|同|vs\.?|VS)\s*([^，。？?、：:（）()的]{1,16}?)\s*"
    r"(?:的|之间的|有什么|有何|有哪些)?\s*(?:区别|不同|差异|异同|比较|对比|联系|优缺点)"
)
_COMPARE_EN = re.compile(
    r"(?:difference|differences|distinguish|compare|comparison|contrast)\w*\s+(?:between\s+)?"
    r"(?:the\s+)?([\w\-/ ]{1,40}?)\s+(?:and|with|to|vs\.?|versus)\s+(?:the\s+)?([\w\-/ ]{1,40}?)"
    r"(?=\s*(?:[?.,;:]|$|\bin\b|\bfor\b))",
    re.IGNORECASE,
)
# Three or more things compared at once: "difference between fork, branch and clone",
# "进程、线程和协程的区别", "HashMap、Hashtable、TreeMap 的区别".
_LISTED_EN = re.compile(
    r"(?:difference|differences|distinguish|compare|comparison|contrast)\w*\s+"
    r"(?:between\s+|among\s+)?((?:(?:the\s+)?[\w\-/ ]{1,30}?\s*,\s*){1,4}(?:the\s+)?"
    r"[\w\-/ ]{1,30}?),?\s+(?:and|&)\s+(?:the\s+)?([\w\-/ ]{1,30}?)"
    r"(?=\s*(?:[?.;:]|$|\bin\b|\bfor\b))",
    re.IGNORECASE,
)
_LISTED_ZH = re.compile(
    r"([^，。？?：:（）()的、]{1,16}?(?:、[^，。？?：:（）()的、]{1,16}?)+)"
    r"(?:\s*(?:和|与|及|以及|跟)\s*([^，。？?、：:（）()的]{1,16}?))?\s*"
    r"(?:的|之间的|三者的|有什么|有何)?\s*(?:区别|不同|差异|异同|比较|对比)"
)
_LIST_COMMA = re.compile(r"\s*[,、]\s*")
# "How does X differ from Y", "How is X different from Y", "What is X, and how does it
# differ from Y": the subject of the question is X, named before "it" when it stands for X;
# Y ends where the question asks on ("… from Y and when should you use it?").
_TERM_EN = r"(?:an?\s+|the\s+)?([\w\-/+# ]{1,40}?)"
_DIFFER_EN = re.compile(
    rf"(?:what\s+(?:is|are)\s+{_TERM_EN}\s*,?\s*(?:and\s+)?how\s+(?:does|do|is|are)\s+"
    rf"(?:it|they)|(?:how|why|where|in what ways?)\s+(?:does|do|is|are)\s+{_TERM_EN})\s+"
    rf"differ(?:s|ent)?\s+from\s+{_TERM_EN}(?=\s*(?:[?.,;:]|$|\bin\b|\bfor\b|\bwhen\b|"
    r"\band\s+(?:when|why|how|what|where|which)\b))",
    re.IGNORECASE,
)
_VERSUS = re.compile(r"([A-Za-z\u4e00-\u9fff][\w\-\u4e00-\u9fff ]{0,30}?)\s+(?:vs\.?|versus|VS)\s+"
                     r"([A-Za-z\u4e00-\u9fff][\w\-\u4e00-\u9fff ]{0,30})", re.IGNORECASE)
# "L1/L2", "train/validation/test": short terms joined by slashes.
_SLASHED = re.compile(r"(?<![\w/])((?:[A-Za-z\u4e00-\u9fff][\w\-\u4e00-\u9fff]{0,15}/){1,4}"
                      r"[A-Za-z\u4e00-\u9fff][\w\-\u4e00-\u9fff]{0,15})(?![\w/])")
_HEADING = re.compile(r"^(#{2,6})\s+(.+?)\s*#*\s*$")
_TABLE_ROW = re.compile(r"^\s*\|(.+)\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}")
_LINKS = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|https?://\S+|www\.\S+")
MAX_WORDS = 5
MAX_CHARS = 30
# A set this large is a table of contents or a list of examples, not terms to tell apart.
MAX_SET = 6
_BAD_START = tuple("的而不了是在和与或也就都[")
# A compared name that opens with a negation: "不可" + at least two more characters.
_NAMED_NEGATION = re.compile(r"不可[\u4e00-\u9fff]{2,}$")
# Words that ask rather than name, and aspects of one thing ("CNN 的特点" / "CNN 的局限性",
# "Pros" / "Cons", "Example" / "Explanation"): titles sharing only these ("什么是进程" /
# "什么是线程") share no subject, and titles or labels that differ in these differ in what
# they ask or how an answer is laid out, not in the thing they are about.
_ASKING_TEXT = """
    什么 是什么 什么样 为什么 怎么 怎样 如何 哪些 有哪些 哪个 区别 介绍 一下 简述 解释 说说
    谈谈 理解 作用 原理 特点 特性 局限 局限性 流程 过程 步骤 优点 缺点 优缺点 优势 劣势 种类
    类型 定义 意义 应用 用途 场景 方法 方式 问题 本质 目的 好处 坏处 影响
    what which how why when where who is are was the a an of in on for to and or does do did
    can could should explain define describe difference differences between means meaning
    purpose advantages disadvantages pros cons benefits drawbacks limitations features types
    kinds steps process use uses role understand know tell talk give briefly you your we our
    by with from at as into about it its this that there example examples explanation answer
    note notes summary 示例 例子 举例 解析 答案 总结 注意 说明
"""
ASKING = frozenset(_ASKING_TEXT.split())


def clean_term(text: str) -> str:
    """A term without markup, numbering, trailing punctuation and articles."""
    term = _MARKUP.sub("", text).strip(" \t：:，,。.;；?？!！-—")
    term = re.sub(r"^(?:the|a|an)\s+", "", term, flags=re.IGNORECASE)
    return term


def _ok(term: str, named: bool = False) -> bool:
    """A term of a sibling set; `named` (a title compares it by name) lets a name open with
    a negation ("不可重复读和幻读的区别"), which elsewhere opens a claim ("不支持排序")."""
    bad = term.startswith(_BAD_START) and not (named and _NAMED_NEGATION.match(term))
    return (1 <= len(term) <= MAX_CHARS and len(term.split()) <= MAX_WORDS
            and not term.isdigit() and not bad)


def _group(terms: Iterable[str], named: bool = False) -> tuple[str, ...] | None:
    kept = tuple(dict.fromkeys(t for t in (clean_term(x) for x in terms) if _ok(t, named)))
    distinct = {t.lower() for t in kept}
    return kept if 2 <= len(distinct) <= MAX_SET else None


def title_siblings(title: str) -> list[tuple[str, ...]]:
    """Terms a question's title compares ("L1 和 L2 的区别", "difference between X and Y",
    "进程、线程和协程的区别")."""
    found = []
    for pattern in (_COMPARE_ZH, _COMPARE_EN, _DIFFER_EN, _VERSUS, _LISTED_EN, _LISTED_ZH):
        for match in pattern.finditer(title):
            terms = [t for term in match.groups() if term for t in _LIST_COMMA.split(term)]
            if len(terms) > 2 and " " in terms[0].strip() and not any(
                " " in t.strip() for t in terms[1:]
            ):
                # The list's first item runs back into the title's opening words
                # ("访问修饰符 public、private、protected 的区别"): it is one word like the rest.
                terms[0] = terms[0].split()[-1]
            group = _group(terms, named=True)
            if group:
                found.append(group)
    return found


_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d+[.)、])\s+(.*)$")
# A label: bold, its colon inside or after the bold ("**Power (1 - β):** …", "**Bagging**: …",
# "**新生代收集**（Minor GC）：…"), or plain; a bracket inside a label is kept whole
# ("Recall (1 - FNR): …").
_LABEL = re.compile(
    r"^(?:\*\*([^*]{1,40}?)\s*(?:[：:]\s*\*\*|\*\*\s*(?:[(（][^)）]*[)）]\**)?\s*"
    r"(?:[：:]|——|\s-\s|\s—\s))"
    r"|(?!\*\*)((?:[^：:(（]|[(（][^)）]*[)）]){1,30}?)\s*(?:[：:]|——|\s-\s|\s—\s))\s*(.*)$"
)
SHORT_ITEM = 16


def _items(lines: list[str]) -> list[tuple[int, int, str, str]]:
    """(line index, indentation, label, attached text) of each list item that names a term:
    a label before a colon ("**Bagging**: …"), or a short item with items nested under it
    ("- 均值池化" then "  - 思路：…"). The attached text is the rest of the item and every
    line nested under it."""
    found = []
    for index, line in enumerate(lines):
        match = _ITEM.match(line)
        if not match:
            continue
        indent, body = len(match.group(1).expandtabs(4)), match.group(2)
        below = []
        for after in lines[index + 1:]:
            if not after.strip():
                continue
            if len(after) - len(after.lstrip()) <= indent:
                break
            below.append(after.strip())
        labelled = _LABEL.match(body)
        if labelled:
            label = labelled.group(1) or labelled.group(2)
            found.append((index, indent, label, " ".join([labelled.group(3), *below])))
        elif below and len(clean_term(body)) <= SHORT_ITEM:
            found.append((index, indent, body, " ".join(below)))
    return found


def _list_groups(lines: list[str]) -> list[tuple[str, ...]]:
    """Terms of the items of one list at one indentation (no other item between them at a
    shallower one)."""
    groups: list[tuple[str, ...]] = []
    items = _items(lines)
    runs: dict[int, list[str]] = {}
    last_line = -1
    for index, indent, label, _ in items:
        between = [ln for ln in lines[last_line + 1:index] if ln.strip()]
        shallower = any(len(ln) - len(ln.lstrip()) < indent for ln in between
                        if not _ITEM.match(ln) or len(ln) - len(ln.lstrip()) < indent)
        if shallower:
            for level in [lv for lv in runs if lv >= indent]:
                group = _group(runs.pop(level))
                if group:
                    groups.append(group)
        runs.setdefault(indent, []).append(label)
        last_line = index
    for run in runs.values():
        group = _group(run)
        if group:
            groups.append(group)
    return groups


def attached_text(answer: str) -> dict[str, str]:
    """Each term the answer labels (list item, heading, table row) → the text under it."""
    lines = [_LINKS.sub(r"\1", line) for line in answer.splitlines()]
    found: dict[str, str] = {}
    for _, _, label, text in _items(lines):
        found.setdefault(clean_term(label).lower(), text)
    # A term may label a paragraph under each aspect of a comparison ("1）样本选择上：" then
    # "Bagging：…" / "Boosting：…", "2）并行计算：" then both again): all of them are its.
    labelled: dict[str, list[str]] = {}
    for label, text in [*_labelled_paragraphs(lines), *_plain_labels(lines)]:
        labelled.setdefault(clean_term(label).lower(), []).append(text)
    for label, texts in labelled.items():
        found.setdefault(label, " ".join(dict.fromkeys(texts)))
    for term, cells in _columns(lines):
        found.setdefault(clean_term(term).lower(), cells)
    headings = [(i, len(m.group(1)), m.group(2)) for i, line in enumerate(lines)
                if (m := _HEADING.match(line))]
    for at, (index, level, title) in enumerate(headings):
        end = next((i for i, lv, _ in headings[at + 1:] if lv <= level), len(lines))
        found.setdefault(clean_term(title).lower(), " ".join(lines[index + 1:end]))
    return found


# A paragraph that opens with a bold label: "**浅拷贝：** …", "**浅拷贝: 创建新对象…**".
_BOLD_LABEL = re.compile(r"^\*\*([^*：:\n]{1,30}?)\s*(?:\*\*\s*[：:]|[：:]\s*\*\*|[：:])\s*(.*)$")


def _aspect(label: str) -> bool:
    """True for a label that names a part of an answer ("Pros", "How it works", "示例")."""
    words = label.lower().split()
    return bool(words) and (words[0] in ASKING or label.lower() in ASKING)


# A paragraph that opens with a plain label: "Bagging：训练集是…", "Recall: the share of…".
_PLAIN_LABEL = re.compile(r"^([A-Za-z\u4e00-\u9fff][^：:*#|\n]{0,29}?)\s*[：:]\s*(\S.*)$")


def _plain_labels(lines: list[str]) -> list[tuple[str, str]]:
    """(label, text) of each paragraph that opens with a short plain label and a colon."""
    found = []
    for line in lines:
        match = _PLAIN_LABEL.match(line.strip())
        if match and not _aspect(match.group(1)):
            found.append((match.group(1), match.group(2)))
    return found


def _labelled_paragraphs(lines: list[str]) -> list[tuple[str, str]]:
    """(label, text) of each paragraph of the answer that opens with a bold label."""
    found = []
    for line in lines:
        match = _BOLD_LABEL.match(line.strip())
        if match:
            found.append((match.group(1), match.group(2).replace("**", "").strip()))
    return found


def _tables(lines: list[str]) -> list[tuple[list[str], list[list[str]]]]:
    """(header cells, body rows' cells) of each table of at least one body row."""
    tables = []
    rows: list[list[str]] = []
    for line in [*lines, ""]:
        if _TABLE_ROW.match(line):
            rows.append(table_cells(line))
            continue
        if len(rows) >= 3 and _TABLE_RULE.match("|".join(rows[1])):
            tables.append((rows[0], rows[2:]))
        rows = []
    return tables


def _table_groups(lines: list[str]) -> list[tuple[str, ...]]:
    """The first cells of a table's rows and its header cells after the first."""
    groups: list[tuple[str, ...]] = []
    for header, body in _tables(lines):
        for group in (_group(header[1:]), _group(row[0] for row in body if row)):
            if group:
                groups.append(group)
    return groups


def _columns(lines: list[str]) -> list[tuple[str, str]]:
    """(term, its column's cells) of each table whose header compares terms ("| Aspect |
    CMD | ENTRYPOINT |"): a cell is what the notes say of its column's term, one clause each
    (the feedback quotes the one an answer swapped)."""
    found = []
    for header, body in _tables(lines):
        if not _group(header[1:]):
            continue
        for at, term in enumerate(header[1:], start=1):
            cells = [row[at].strip() for row in body if len(row) > at and row[at].strip()]
            found.append((term, ", ".join(cells)))
    return found


# "### Answer:", "### Example", "## 参考资料" name a part of an answer, not a term beside the
# headings around them (not "解析", which may be one: 加载、验证、准备、解析、初始化).
_PART_TITLES = {
    "answer", "answers", "solution", "solutions", "explanation", "summary", "tl;dr", "tldr",
    "example", "examples", "notes", "问题", "答案", "参考答案", "总结", "小结", "示例",
}


def _names_a_part(title: str) -> bool:
    plain = re.sub(r"[*_`]", "", title)
    return is_skipped_title(plain) or plain.strip().rstrip(":： ").lower() in _PART_TITLES


def _heading_groups(lines: list[str]) -> list[tuple[str, ...]]:
    """Sub-headings of one level under the same parent."""
    groups: list[tuple[str, ...]] = []
    levels: dict[int, list[str]] = {}

    def close(above: int) -> None:
        for level in [lv for lv in levels if lv > above]:
            group = _group(levels.pop(level))
            if group:
                groups.append(group)

    for line in lines:
        match = _HEADING.match(line)
        if match:
            level = len(match.group(1))
            close(level)
            if not _names_a_part(match.group(2)):
                levels.setdefault(level, []).append(match.group(2))
    close(0)
    return groups


def sibling_sets(title: str, answer: str) -> list[tuple[str, ...]]:
    """Sets of sibling terms one question's title and answer define side by side."""
    lines = [_LINKS.sub(r"\1", line) for line in answer.splitlines()]
    found = title_siblings(title)
    for line in lines:
        found += [g for g in (_group(m.groups()) for m in _VERSUS.finditer(line)) if g]
        if re.search(r"区别|不同|差异|对比|比较|difference|compare|whereas|unlike", line, re.I):
            found += [g for g in (_group(m.groups()) for m in _COMPARE_ZH.finditer(line)) if g]
            found += [g for g in (_group(m.groups()) for m in _COMPARE_EN.finditer(line)) if g]
        for match in _SLASHED.finditer(line):
            group = _group(match.group(1).split("/"))
            if group and all(len(t) <= 15 for t in group):
                found.append(group)
    found += _list_groups(lines) + _table_groups(lines) + _heading_groups(lines)
    paragraphs = _group(label for label, _ in _labelled_paragraphs(lines))
    if paragraphs and not any(_aspect(label) for label in paragraphs):
        found.append(paragraphs)
    return list(dict.fromkeys(found))
