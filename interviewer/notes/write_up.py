"""A file that is one problem written up as coding-practice sites do: a problem statement
("## 题目描述", "## Problem Description"), then its solution in labelled parts ("## 思路",
"## Solution", "## 关键点", "## Code", "## 复杂度分析"), perhaps grouped by approach
("## 两个栈" over "### 思路", "### 代码"). One question: the statement is its text, the parts
its answer — not one question per part."""

from __future__ import annotations

import re

from interviewer.notes.document import Block, Document
from interviewer.notes.draft import Context, Draft, is_link_only
from interviewer.notes.markup import plain_text
from interviewer.notes.whole_file import file_draft, file_stem_title

LAYOUT = "problem write-up"
_PROBLEM = re.compile(
    r"^(?:题目描述|题目内容|题目|问题描述|problem|problem description|problem statement|"
    r"description|title description)$",
    re.IGNORECASE,
)
_SOLUTION = re.compile(
    r"^(?:思路|解题思路|思路分析|解法|题解|分析|idea|ideas|approach|approaches|solution|solutions|"
    r"analysis|代码|code|关键点|关键点解析|key points?|复杂度|复杂度分析|complexity|"
    r"complexity analysis)$",
    re.IGNORECASE,
)
# Parts around the solution that are no part of it: where the problem is, who asks it, what to
# know first, which problems are like it.
_ASIDE = re.compile(
    r"^(?:题目地址|题目链接|原题链接|链接|来源|公司|companies|company|tags?|标签|难度|difficulty|"
    r"前置知识|pre-?knowledge|prerequisites?|相关题目|related problems?|similar problems?|"
    r"参考|references?)\b",
    re.IGNORECASE,
)
# Parts of the problem statement itself.
_STATEMENT_PART = re.compile(
    r"^(?:示例|例子|样例|提示|说明|注意|进阶|输入|输出|examples?|constraints?|notes?|input|output|"
    r"follow[- ]?up)\b",
    re.IGNORECASE,
)
# "题目地址(155. 最小栈)", "Problem (155. Minimum stack)": the problem's name in brackets.
_NAMED = re.compile(r"^(?:题目地址|题目链接|problem)\s*[(（]\s*(.+?)\s*[)）]\s*$", re.IGNORECASE)


def _key(block: Block) -> str:
    return re.sub(r"^[^\w]+", "", plain_text(block.text)).strip().rstrip(":：").strip()


def write_up_draft(ctx: Context, doc: Document, stem: str) -> Draft | None:
    """The file as one problem and its solution, when its headings are a write-up's parts:
    one problem statement, a solution part, and labelled parts for most of its headings."""
    headings = [b for b in doc.blocks if b.kind == "heading"]
    links = {id(b) for b in headings if _over_a_link(doc.blocks, b)}
    # "## Problem" over the problem's address only: where it is, not what it says.
    keys = ["题目地址" if id(b) in links else _key(b) for b in headings]
    problems = [i for i, key in enumerate(keys) if _PROBLEM.match(key)]
    solutions = [key for key in keys if _SOLUTION.match(key)]
    labelled = sum(
        1 for key in keys if _PROBLEM.match(key) or _SOLUTION.match(key) or _ASIDE.match(key)
    )
    if len(problems) != 1 or not solutions or labelled < 3 or labelled * 2 < len(headings):
        return None
    title = _name(headings, [_key(b) for b in headings]) or file_stem_title(stem)
    if not title:
        return None
    prompt: list[Block] = []
    answer: list[Block] = []
    into: list[Block] | None = answer
    level = 0  # the level of the heading whose part is being read
    for block in doc.blocks:
        if block.kind == "heading":
            key = "题目地址" if id(block) in links else _key(block)
            if _PROBLEM.match(key):
                into, level = prompt, block.level
                continue
            if _ASIDE.match(key) or _NAMED.match(key):
                into, level = None, block.level
                continue
            statement = into is prompt and _STATEMENT_PART.match(key)
            if _SOLUTION.match(key) or block.level <= level or (into is prompt and not statement):
                # A part of the solution, an approach ("## Two stacks"), or the end of an
                # aside: the rest is the answer.
                into = answer
        if into is not None:
            into.append(block)
    draft = file_draft(ctx, title, answer, LAYOUT)
    text, _ = ctx.render(prompt)
    if text:
        draft.prompt.append(text)
    return draft


def _over_a_link(blocks: list[Block], heading: Block) -> bool:
    at = blocks.index(heading)
    following = blocks[at + 1] if at + 1 < len(blocks) else None
    return (
        following is not None
        and following.kind == "paragraph"
        and is_link_only(following.text)
        and (at + 2 == len(blocks) or blocks[at + 2].kind == "heading")
    )


def _name(headings: list[Block], keys: list[str]) -> str:
    """The problem's name: in brackets after "题目地址" / "Problem", or a top title that is
    no part's label."""
    for key in keys:
        named = _NAMED.match(key)
        if named:
            return named.group(1)
    tops = [
        key for block, key in zip(headings, keys, strict=True)
        if block.level == min(b.level for b in headings)
        and not (_PROBLEM.match(key) or _SOLUTION.match(key) or _ASIDE.match(key))
    ]
    return tops[0] if len(tops) == 1 and headings[0].level == 1 else ""
