"""What every layout reader shares: the question draft it fills, the file context, block text,
labels (Q:/A:/问：/答：), metadata lines and "does this text ask something?"."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, TypeVar, cast

from interviewer.notes.document import Block, Document
from interviewer.notes.marks import (
    Title,
    difficulty_value,
    expertise_difficulty,
    importance_value,
)
from interviewer.notes.markup import (
    FENCE_LINE,
    fenced_prose,
    indented_block_is_prose,
    keep_line_breaks,
    plain_text,
)

T = TypeVar("T")
_TAGS_COMMENT = re.compile(r"<!--\s*tags:\s*\(?([^)>]*?)\)?\s*-->", re.IGNORECASE)
_EXPERTISE = re.compile(
    r"<!--\s*(?:expertise|difficulty|level)\s*:\s*\(?\s*(\w+)\s*\)?\s*-->", re.I
)
# Lines that say something about a question, not what answers it: its tags and level, and
# where it was asked ("公司：某电商、某外卖", "来源：二面").
_META = re.compile(
    r"^\s*(?:[-*]\s+)?(?:\*\*|__)?\s*(?P<key>类型|标签|难度|重要性|重要程度|公司|来源|出处|difficulty|"
    r"level|tags?|topics?|importance|type|category|compan(?:y|ies)|source)\s*(?:\*\*|__)?\s*[:：]"
    r"\s*(?:\*\*|__)?\s*(?P<value>.+?)\s*$",
    re.IGNORECASE,
)
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>|<!--.*?-->", re.DOTALL)
_TOP_WORDS = r"back to top|top|table of contents|contents|回到顶部|返回顶部|返回目录"
_BACK_TO_TOP = re.compile(rf"^\W*\[[^\]]*(?:{_TOP_WORDS}|⬆|↑)[^\]]*\]\(#[^)]*\)\W*$", re.IGNORECASE)
# "[뒤로](https://…/for_beginner)/[위로](#part-1-3-network)", "[← Prev](#q2) | [Next →](#q4)":
# a line of short links, one at least to a place on this page, is a way about the page.
_NAV_LINE = re.compile(
    r"^\W*\[[^\]]{1,12}\]\([^)\s]*\)(?:\s*[/|·•]?\s*\[[^\]]{1,12}\]\([^)\s]*\))*\W*$"
)
# "[TOC]", "[[toc]]", "${toc}": where an editor puts the table of contents it generates.
_TOC_MARKER = re.compile(r"^(?:\[\[?toc\]\]?|\$?\{:?toc\})$", re.IGNORECASE)
# The same words as the text of an HTML link ('<a href="#">↥ back to top</a>'), tags gone.
_BACK_TO_TOP_TEXT = re.compile(rf"^\W*(?:{_TOP_WORDS})\W*$", re.IGNORECASE)
_Q_LABEL = re.compile(
    r"^\s*(?:\*\*|__)?\s*(?:Q\s*\d*|Question\s*\d*|问题?\s*\d*)\s*[:：.]\s*(?:\*\*|__)?\s*",
    re.IGNORECASE,
)
_A_LABEL = re.compile(
    r"^\s*(\*\*|__)?\s*(?:A|Answer|Ans|答|答案|参考答案|回答|解答|解析)\s*"
    r"(?(1)(?:\1\s*[:：]|[:：]\s*\1)|[:：])\s*[:：]?[ \t]*(?:<br\s*/?>\s*|\\\n)?",
    re.IGNORECASE,
)
ANSWER_HEADING = re.compile(
    r"^(?:answers?|solutions?|explanations?|答案|参考答案|正确答案|解答|解析)\b", re.IGNORECASE
)
_QUOTED = re.compile(r"^\s*> ?")
# A link target may hold one level of parentheses: `…md#:~:text=at%20k%20(MAP%40k)`.
_LINK_ONLY = re.compile(r"^\W*(?:\[[^\]]*\]\((?:[^()]|\([^()]*\))*\)\W*)+$|^\W*https?://\S+\W*$")
_EN_ASK = re.compile(
    r"^(?:what|what's|why|how|when|where|which|who|whose|whom|is|are|was|were|can|could|do|does|"
    r"did|should|would|will|have|has|explain|describe|compare|contrast|discuss|define|name|list|"
    r"give|tell|walk|implement|design|write|differentiate|distinguish|outline|derive|propose|"
    r"suggest|evaluate|analy[sz]e|calculate)\b",
    re.IGNORECASE,
)
_ZH_ASK = re.compile(r"什么|为什么|为何|如何|怎么|怎样|哪些|哪个|哪种|区别|是否|能否|[吗呢][。.]?$")
# Japanese and Korean ask by how a sentence ends: a request ("…を教えてください",
# "…설명해주세요") or a question ending ("…ですか", "…무엇인가요", "…습니까").
_JA_KO_ASK = re.compile(
    r"(?:ください|下さい|教えて|ですか|ますか|でしょうか|とは(?:何|なに)(?:か|ですか)?|"
    r"주세요|하세요|하시오|습니까|나요|까요|인가요|인가|무엇인지)\s*[。.!！]?$"
)
_ZH_START = re.compile(
    r"^(?:简述|介绍|说说|说一下|谈谈|解释|比较|描述|阐述|请|列举|简要|分析|手写|实现)"
)
_LIST_OF = re.compile(r"list\s+of\b", re.I)
_SENTENCE = re.compile(r"\w\s+\w.*\w[.。]$")  # words ending in a full stop ("…", "?" aside)
# Words that say a section holds questions — also the round of an interview a candidate's log
# lists the questions of ("### 一面", "## 二面 - 总监面", "HR 面", "笔试").
_QUESTION_WORDS = re.compile(
    r"questions?|challenges?|exercises?|problems?|quiz|面试题|问题|习题|题目|练习|思考题|"
    r"[一二三四五六终]面|hr\s*面|技术面|笔试|面经",
    re.I,
)


def anchor_of(title: str) -> str:
    """The `#anchor` GitHub gives a heading of this title."""
    return re.sub(r"[^\w\- ]", "", plain_text(title).lower()).replace(" ", "-")


class Mode(Enum):
    """What the blocks after a question may add to its answer."""

    OPEN = "open"
    """Any following block (until the next question or heading) is its answer."""
    ANSWER_ONLY = "answer-only"
    """Only an answer fold or an answer-labelled paragraph is."""
    CLOSED = "closed"


@dataclass
class Draft:
    """A question being read: its title, marks, the question text and the answer text."""

    title: str
    line: int
    layout: str
    number: int | None = None
    stars: int = 0
    difficulty: str | None = None
    tags: list[str] = field(default_factory=list)
    sections: tuple[str, ...] = ()
    prompt: list[str] = field(default_factory=list)
    answer: list[str] = field(default_factory=list)
    scan: list[str] = field(default_factory=list)
    """The answer's text without code, where key points are looked for."""
    low_importance: bool = False

    @classmethod
    def titled(
        cls,
        title: Title,
        line: int,
        layout: str,
        number: int | None = None,
        sections: tuple[str, ...] = (),
    ) -> Draft:
        """A draft carrying a parsed title's text and marks (`number`: the list item's own
        number, when it has one, before the title's; `sections`: the context above it)."""
        return cls(
            title.text,
            line,
            layout,
            number=number or title.number,
            sections=sections,
            stars=title.stars,
            difficulty=title.difficulty,
            tags=list(title.tags),
            low_importance=title.low_importance,
        )

    def add_answer(self, markdown: str, scan: str | None = None) -> None:
        """Append answer text (and its code-free twin for key points)."""
        if markdown.strip():
            self.answer.append(markdown)
            self.scan.append(markdown if scan is None else scan)


@dataclass
class Found:
    """What a layout found at a block: drafts, blocks used, and what may follow."""

    drafts: list[Draft]
    used: int = 1
    mode: Mode = Mode.OPEN


@dataclass
class Context:
    """The file being read, shared by the layout readers."""

    doc: Document
    emoji_difficulty: bool = False
    heading: str = ""
    """The title of the nearest heading above (tells whether a list holds questions)."""
    question_lists: int = 0
    """Lists of questions met so far: the notes keep questions in lists."""
    answer_labels: frozenset[str] = frozenset()
    """Labels this file opens its answers with beyond the usual ones (`**Solution:**`)."""
    _anchors: set[str] | None = None
    _memo: dict[tuple[int, str], tuple[object, Any]] = field(default_factory=dict)

    def memo(
        self, blocks: list[Block], key: str, compute: Callable[[Context, list[Block]], T]
    ) -> T:
        """`compute(self, blocks)`, once per list of blocks (layouts that look at a whole
        section ask for it at each block)."""
        slot = (id(blocks), key)
        cached = self._memo.get(slot)
        if cached is None or cached[0] is not blocks:
            cached = (blocks, compute(self, blocks))  # the list is kept so its id stays unique
            self._memo[slot] = cached
        return cast(T, cached[1])

    def anchors(self) -> set[str]:
        """The `#anchor` of every heading of the file, as GitHub writes them."""
        if self._anchors is None:
            self._anchors = {
                anchor_of(block.text) for block in self.doc.blocks if block.kind == "heading"
            }
        return self._anchors

    def lines(self, block: Block) -> str:
        """The source text of a block, dedented (list items are indented) and, inside a
        blockquote, without its `>` markers."""
        lines = self.doc.lines[block.start : block.end]
        first = lines[0].lstrip() if lines else ""
        if (
            block.kind != "quote"
            and first.startswith(">")
            and all(_QUOTED.match(line) for line in lines if line.strip())
        ):
            lines = [_QUOTED.sub("", line, count=1) for line in lines]
        text = "\n".join(lines)
        # Most blocks are not indented: dedent (slow on large notes) only those that are.
        return (textwrap.dedent(text) if text[:1].isspace() else text).strip("\n")

    def render(self, blocks: list[Block]) -> tuple[str, str]:
        """Markdown of blocks for an answer, and the same without code (for key points)."""
        parts: list[str] = []
        scan: list[str] = []
        for block in blocks:
            text, plain = self.render_one(block)
            if text.strip():
                parts.append(text)
                scan.append(plain)
        return "\n\n".join(parts), "\n\n".join(scan)

    def render_one(self, block: Block) -> tuple[str, str]:
        """One block as answer Markdown: details unfolded, HTML reduced to its text, "back to
        top" links dropped."""
        if block.kind == "details":
            return self.render([b for b in block.children if not _is_fold_tag(b)])
        if block.kind == "html":
            text = _HTML_TAG.sub(
                "", re.sub(r"<summary\b.*?</summary\s*>", "", block.text, flags=re.I | re.S)
            )
            # '<a href="#">↥ back to top</a>' in a <div>: a link back up, as in Markdown.
            text = "\n".join(line.strip() for line in text.splitlines()
                             if line.strip() and not _BACK_TO_TOP_TEXT.match(line.strip()))
            return text, text
        if block.kind == "code":
            text = self.lines(block)
            if FENCE_LINE.match(text):
                # Sentences fenced as a block are still what the answer says.
                return text, fenced_prose(text)
            # An indented block: preformatted text (on GitHub too), read as prose, whose
            # lines Markdown would otherwise run together; when it is sentences rather than
            # code, its claims are the answer's points too.
            return keep_line_breaks(text), text if indented_block_is_prose(text) else ""
        if block.kind == "heading" and ANSWER_HEADING.match(_key(block.text)):
            return _key(block.text), _key(block.text)  # "#### Answer: B" → "Answer: B"
        text = self.lines(block)
        if "](#" in text:  # only in-page links can be "back to top" links
            text = "\n".join(line for line in text.split("\n") if not is_nav_line(line))
        if block.kind in ("list", "item", "quote") and ("```" in text or "~~~" in text):
            return text, _without_fences(text)
        return text, text


def is_nav_line(line: str) -> bool:
    """A "back to top" link, a line of short links (one at least within this page) that
    moves about the notes, or the mark where a table of contents is generated: navigation,
    never part of an answer."""
    line = line.strip()
    return bool(_BACK_TO_TOP.match(line) or _TOC_MARKER.match(line)) or (
        "](#" in line and bool(_NAV_LINE.match(line))
    )


def _key(text: str) -> str:
    return re.sub(r"^[^\w]+", "", plain_text(text)).strip()


def _without_fences(text: str) -> str:
    return re.sub(r"^\s*(```|~~~).*?^\s*\1[^\n]*$", "", text, flags=re.M | re.S)


def _is_fold_tag(block: Block) -> bool:
    """The `<details>`/`<summary>`/`</details>` lines around a fold's content."""
    if block.kind != "html":
        return False
    rest = re.sub(r"<summary\b.*?</summary\s*>", "", block.text, flags=re.I | re.S)
    return not _HTML_TAG.sub("", rest).strip()


def strip_q_label(text: str) -> tuple[str, bool]:
    """Text without a leading `Q:`/`Q：`/`问：`/`**Q:**` label, and whether it had one."""
    match = _Q_LABEL.match(text)
    if not match:
        return text, False
    return text[match.end() :], True


def strip_a_label(text: str) -> tuple[str, bool]:
    """Text without a leading `A:`/`答：`/`**Answer:**` label, and whether it had one."""
    match = _A_LABEL.match(text)
    if not match:
        return text, False
    return text[match.end() :], True


def is_link_only(text: str) -> bool:
    """A line that is only links (a table of contents or reference entry)."""
    return bool(_LINK_ONLY.match(text.strip()))


def asks(text: str) -> bool:
    """Does this text ask something (question mark, interrogative or imperative start)?"""
    clean = plain_text(text).strip()
    if not clean or is_link_only(text):
        return False
    if clean.rstrip("*_ ").endswith(("?", "？")):
        return True
    if len(clean) <= 80 and ("？" in clean or "? " in clean):
        return True  # 应该用奇数还是偶数的字体？自定义字体的使用场景
    if _EN_ASK.match(clean) or _JA_KO_ASK.search(clean):
        return True
    return bool(_ZH_START.match(clean) or (len(clean) <= 80 and _ZH_ASK.search(clean)))


def ends_asking(text: str) -> bool:
    """Does this text end as a question does in Japanese or Korean ("…を教えてください",
    "…무엇인가요")? The question mark of those languages."""
    return bool(_JA_KO_ASK.search(plain_text(text).strip()))


def names_questions(title: str) -> bool:
    """A section title that says its list holds questions ("Behavioral Questions", "练习")."""
    if not _QUESTION_WORDS.search(title):
        return False
    # A title that asks itself ("Explain the cold start problem", "如何缓解雪崩问题？"), or
    # says a whole sentence ("Program an algorithm for the knapsack problem in a given
    # time."), is a question whose word "problem" names its subject; "List of questions"
    # still names a list.
    clean = plain_text(title).strip()
    return not (asks(title) or _SENTENCE.search(clean)) or bool(_LIST_OF.match(clean))


def read_metadata(text: str, draft: Draft) -> bool:
    """Apply metadata lines (`**标签：** X`, `Difficulty: Hard`, `<!-- expertise: 1 -->`) to a
    draft; True when the text held nothing else."""
    if ":" not in text and "：" not in text:
        return False  # every metadata line has a colon: most paragraphs end here
    for match in _TAGS_COMMENT.finditer(text):
        draft.tags.extend(t.strip() for t in match.group(1).split(",") if t.strip())
    for match in _EXPERTISE.finditer(text):
        value = match.group(1)
        level = expertise_difficulty(int(value)) if value.isdigit() else difficulty_value(value)
        draft.difficulty = draft.difficulty or level
    rest = _HTML_TAG.sub("", text)
    other = False
    for line in rest.splitlines():
        if not line.strip():
            continue
        meta = _META.match(line.rstrip(" \\"))
        if not meta:
            other = True
            continue
        key, value = meta.group("key").lower(), plain_text(meta.group("value"))
        if key in ("标签", "tag", "tags", "topic", "topics", "category"):
            draft.tags.extend(t.strip() for t in re.split(r"[,，、/|]", value) if t.strip())
        elif key in ("难度", "difficulty", "level"):
            draft.difficulty = difficulty_value(value) or draft.difficulty
        elif key in ("重要性", "重要程度", "importance"):
            stars = importance_value(value)
            draft.stars = stars if stars is not None else draft.stars
    return not other
