"""Where a text says that things happen in an order: sequence words ("先 A 再 B", "首先…
然后…最后…", "first … then … finally"), "A before B" / "在 B 之后 A", arrows (A → B → C) and
numbered items (1. 2. 3., 1、2、, (1)(2), ①②, 第一步, Step 1). Each order found is its parts,
earliest first, as written; what the parts are about is for the caller (steps.py) to say.
Only the words that order things are known here, so any subject's notes and answers are read
alike."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Where a part may end: a sentence (a label's colon too: "捕获多尺度信息：先…再…" orders
# what follows it), and inside it a clause.
_SENTENCE_END = re.compile(r"[。！？!?；;\n：]|[.:](?=\s|$)")
_CLAUSE_END = re.compile(r"[，,、:]")
# What follows an order word before its part says anything ("Step 2: ", "第一步，").
_LABEL_END = " \t\n:：,，、"
# Verbs of telling right after an order word: the answer orders what it says, not the steps.
_TELLING = re.compile(r"(?:再来|来|我们|我)?(?:说说?|讲讲?|谈谈?|聊聊?|介绍|总结|回答)|"
                      r"(?:let(?:'s| us| me)\s+|i(?:'ll| will)\s+|we(?:'ll| will)\s+)?"
                      r"(?:talk|speak|discuss|mention|explain|describe|summari[sz]e|cover)\b",
                      re.IGNORECASE)
# Words that open the first part. Chinese 先 is one only alone: 优先, 先进, 先验, 祖先, 先后
# ("in turn", which orders nothing by itself) and the like are words of their own.
_FIRST = re.compile(
    r"首先|第一步|(?<![优领祖原预事首抢率争])先(?![进验后前天例锋驱知河见序])|"
    r"\b(?:first(?:ly)?|first of all|to begin with|initially|step 1)\b",
    re.IGNORECASE,
)
# Words that open a later part; "strong" ones say time, the others also enumerate reasons
# ("首先…其次…", "first… second…") and order nothing when they are all a text has.
_NEXT_STRONG = re.compile(
    r"然后|接着|随后|紧接着|接下来|下一步|第[二三四五六七八九十]步|(?<![不一])再(?![次生说者也加见则]|下一)|"
    r"(?<=[\u4e00-\u9fff\w])后[再才]|(?<![\u4e00-\u9fff\w])(?:之后|此后)(?=[，,\s])|"
    r"\b(?:then|next|after that|afterwards?|subsequently|followed by|step [2-9])\b",
    re.IGNORECASE,
)
# Opening words that say time as well: "先", "第一步", "step 1" (not "首先", "first").
_STRONG_FIRST = re.compile(r"先|第一步|step 1", re.IGNORECASE)
_NEXT_WEAK = re.compile(r"其次|\b(?:second(?:ly)?|third(?:ly)?)\b", re.IGNORECASE)
_LAST = re.compile(r"最后(?![一的几面])|最终(?!的)|\b(?:finally|lastly|in the end)\b",
                   re.IGNORECASE)
# A word inside code ("p->next", "iter.next()") is a name.
_CODE_MARKS = frozenset("->._/$@")
_IDENTIFIER = re.compile(r"[(.\[]")
# An English ordinal after a determiner names a thing ("the first packet", "the next
# step"), not when it happens; "if … then" is a condition; "by then" a time.
_DETERMINER = re.compile(r"\b(?:the|a|an|its|their|his|her|our|your|my|this|that|each|every|"
                         r"per|by|until|since|just)\s*$", re.IGNORECASE)
# …and "more useful then X" a comparison misspelt.
_CONDITION = re.compile(r"\b(?:if|unless|more|less|rather|better|worse|greater|fewer)\b",
                        re.IGNORECASE)
# A word of negation just before an order denies it ("不是先 A 再 B", "not first A").
_NEGATION = re.compile(
    r"不是|并非|并不|而不是|不能|不应|不要|不用|不会|不该|别|"
    r"\b(?:not|never|no|rather than|instead of)\b|n't",
    re.IGNORECASE,
)
# "A before B", "B after A", "在 A 之后 B", "A 之前 B": the word's side tells which is first.
# "之前的"/"之后的" qualify a thing ("加在激活函数之前的", "之后的写命令"): no order of events.
_BEFORE = re.compile(r"(?:之前|以前)(?!的)|\bbefore\b|\bprior to\b", re.IGNORECASE)
_AFTER = re.compile(r"(?:之后|以后)(?!的)|(?<=[\u4e00-\u9fff\w])后(?=[，,])|\b(?:after|once)\b",
                    re.IGNORECASE)
_NOT_TIME = re.compile(r"\b(?:after all|as before|than before|ever before|never before|"
                       r"look(?:s|ed)? after|once again|at once|once more|"
                       r"once (?:per|every|a|an|in|at|on|and|or|for|during|more|again|before|"
                       r"after)|(?:only|just|than|exactly|used|run|called|touched) once)\b",
                       re.IGNORECASE)
# Words that open a clause without saying what happens ("and after X, Y", "而在 X 之后").
_OPENER = re.compile(r"^\s*(?:(?:and|but|so|then|only|just|right|shortly|long)\b\s*|"
                     r"(?:而|并且|但是|但|在(?!于)|等到|等(?![待级])|当(?![前然]))\s*)*",
                     re.IGNORECASE)
# Arrows between parts (spaced or unicode: "p->next" is code).
_ARROW = re.compile(r"\s*(?:→|⟶|⇒|➡|➔|⟹)\s*|\s+(?:-+>|=+>)\s+")
# A numbered item: "1.", "1、", "1)", "(1)", "①", "第一步", "Step 1:".
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ZH_DIGITS = "一二三四五六七八九十"
_NUMBERED = re.compile(
    rf"^\s*(?:(?P<n>\d{{1,2}})\s*[.、)）](?!\d)|[（(](?P<p>\d{{1,2}})[)）]|(?P<c>[{_CIRCLED}])|"
    rf"第(?P<z>[{_ZH_DIGITS}])步[：:，,]?|step\s*(?P<s>\d{{1,2}})\s*[:：.)]?)\s*",
    re.IGNORECASE,
)
# The same, inside a line ("1、发送 PSYNC；2、执行 BGSAVE"): after a boundary only.
_INLINE_NUMBER = re.compile(
    rf"(?:(?<=^)|(?<=[\s，,。；;：:]))(?:(?P<n>\d{{1,2}})[、)）]|(?P<d>\d{{1,2}})\.(?=\s)|"
    rf"[（(](?P<p>\d{{1,2}})[)）]|(?P<c>[{_CIRCLED}]))\s*|(?P<c2>[{_CIRCLED}])\s*"
)
MIN_PART = 2
"""A part shorter than this (in characters, stripped) says nothing to place."""


@dataclass(frozen=True)
class Ordered:
    """An order a text asserts: its parts, earliest first."""

    parts: tuple[str, ...]
    text: str
    """The passage that says it, as written."""
    numbered: bool = False
    """Said by numbering items, not in words."""
    weak: bool = False
    """Said only with words that also enumerate reasons (首先/其次, first/second)."""


def item_number(line: str) -> tuple[int, str] | None:
    """(number, rest of the line) for a numbered item; None for any other line."""
    match = _NUMBERED.match(line)
    if match is None:
        return None
    return _number(match), line[match.end():]


def _number(match: re.Match[str]) -> int:
    for name in ("n", "p", "s", "d"):
        value = match.groupdict().get(name)
        if value:
            return int(value)
    circled = match.groupdict().get("c") or match.groupdict().get("c2")
    if circled:
        return _CIRCLED.index(circled) + 1
    return _ZH_DIGITS.index(match.group("z")) + 1


def _sentence_start(text: str, at: int) -> int:
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, at)]
    return ends[-1] if ends else 0


def _sentence_end(text: str, at: int) -> int:
    match = _SENTENCE_END.search(text, at)
    return match.start() if match else len(text)


def _clause_start(text: str, at: int) -> int:
    start = _sentence_start(text, at)
    ends = [m.end() for m in _CLAUSE_END.finditer(text, start, at)]
    return ends[-1] if ends else start


def _markers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each sequence word, in order; kind is first, next, weak or last."""
    found = []
    for pattern, kind in ((_FIRST, "first"), (_NEXT_STRONG, "next"), (_NEXT_WEAK, "weak"),
                          (_LAST, "last")):
        for match in pattern.finditer(text):
            before = text[:match.start()]
            if match.group().isascii() and (_DETERMINER.search(before)
                                            or _IDENTIFIER.match(text, match.end())
                                            or before[-1:] in _CODE_MARKS):
                continue
            if match.group().lower() == "then" and _CONDITION.search(
                    before[_sentence_start(text, match.start()):]):
                continue
            found.append((match.start(), match.end(), kind))
    found.sort()
    # One word matched twice ("第一步" and its "一"): keep the first.
    kept: list[tuple[int, int, str]] = []
    for marker in found:
        if not kept or marker[0] >= kept[-1][1]:
            kept.append(marker)
    return kept


def _part(text: str) -> str:
    return text.strip(" \t\n，,。.；;：:、")


def _negated(text: str, start: int, at: int) -> bool:
    """True when the words from the clause's start to the order word deny it."""
    return bool(_NEGATION.search(text[start:at]))


def sequence_words(text: str) -> list[Ordered]:
    """The orders a passage gives with sequence words: a chain opens at 先/首先/first (or at
    a later word, with the words before it in its sentence as the first part) and each later
    word opens the next part; a part ends where the next begins, the last at its sentence's
    end. A chain opened by a denied word ("不是先…", "not first") is not asserted."""
    chains: list[Ordered] = []
    starts: list[int] = []
    bodies: list[int] = []
    words: list[str] = []
    denied = False

    def close(limit: int) -> None:
        # "先说 A，再讲 B", "first, let me explain A": the order of the answer's own telling.
        telling = any(_TELLING.match(text, body) for body in bodies)
        if len(starts) >= 2 and not denied and not telling:
            # Each part ends with its sentence at the latest (past the colon of "Step 2:"):
            # what follows it in the passage is commentary, not the next step.
            ends = [min(b, _sentence_end(text, body))
                    for body, b in zip(bodies, [*starts[1:], limit], strict=True)]
            parts = tuple(_part(text[a:b]) for a, b in zip(starts, ends, strict=True))
            if all(len(p) >= MIN_PART for p in parts):
                chains.append(Ordered(parts, text[starts[0]:ends[-1]].strip(),
                                      weak=not any(_STRONG_FIRST.fullmatch(w) or w == "next"
                                                   for w in words)))
        starts.clear()
        bodies.clear()
        words.clear()

    for at, end, kind in _markers(text):
        clause, sentence = _clause_start(text, at), _sentence_start(text, at)
        # A part opens with its clause when the word comes right after a short subject
        # ("主库再把…", "the client first sends"), else at the word ("先 A 再 B").
        opens = clause if kind == "first" or _short(text[clause:at]) else at
        if starts and opens <= starts[-1]:
            opens = at
        # What a part opened with: the word for the first, else the kind ("next" says time).
        word = text[at:end] if kind == "first" else kind
        # A chain goes on in the sentence after its last part only when that sentence opens
        # with the next word ("… SYN. Then the server …"); a sentence between ends it.
        last = bodies[-1] if bodies else 0
        goes_on = sentence <= last or (_sentence_start(text, _sentence_end(text, last) + 1)
                                       == sentence and _short(text[sentence:at]))
        if starts and (kind == "first" or _ends(words[-1]) or not goes_on):
            close(opens if kind == "first" and sentence <= last else len(text))
        if not starts:
            denied = _negated(text, clause, at)
            if kind != "first":
                # The first part is what came before the word in its sentence, or the
                # sentence before when the word opens one ("… SYN. Then the server …").
                begin = sentence
                if not _part(text[begin:at]):
                    begin = _sentence_start(text, max(begin - 1, 0))
                if not _part(text[begin:at]):
                    continue
                starts.append(begin)
                bodies.append(begin)
                words.append("")
                opens = opens if opens > begin else at
        starts.append(opens)
        bodies.append(len(text) - len(text[end:].lstrip(_LABEL_END)))
        words.append(word)
    close(len(text))
    return chains


def _short(prefix: str) -> bool:
    """True for the few words a subject takes before an order word ("主库", "the client")."""
    return len(prefix.strip()) <= 12 and len(prefix.split()) <= 3


def _ends(word: str) -> bool:
    return word == "last"


def before_after(text: str) -> list[Ordered]:
    """Two-part orders said with before/after: "A before B", "Before B, A", "在 A 之后，B",
    "A 之前，B" (A is then the later)."""
    found = []
    for pattern, first_said_first in ((_BEFORE, True), (_AFTER, False)):
        for match in pattern.finditer(text):
            at = match.start()
            if _NOT_TIME.search(text[max(0, at - 8):match.end() + 7]):
                continue
            sentence, end = _sentence_start(text, at), _sentence_end(text, at)
            clause = _clause_start(text, at)
            if _negated(text, clause, at):
                continue
            head = _part(_OPENER.sub("", text[clause:at]))
            inside = head.find("在")
            if not match.group().isascii() and inside > 0:
                # "A 在 B 之前": A and B are both before the word.
                one, other = _part(head[:inside]), _part(head[inside + 1:])
                parts = (one, other) if first_said_first else (other, one)
                if all(len(p) >= MIN_PART for p in parts):
                    found.append(Ordered(parts, text[sentence:end].strip()))
                continue
            if match.group().isascii() and not head:
                # "Before B, A" / "After A, B": the clause after the word ends at a comma.
                comma = _CLAUSE_END.search(text, match.end(), end)
                if comma is None:
                    continue
                said, rest = _part(text[match.end():comma.start()]), _part(text[comma.end():end])
                parts = (rest, said) if first_said_first else (said, rest)
            elif match.group().isascii():
                # "A before B", "B after A": the rest of the clause is the other side.
                stop = _CLAUSE_END.search(text, match.end(), end)
                tail = _part(text[match.end():stop.start() if stop else end])
                parts = (head, tail) if first_said_first else (tail, head)
            else:
                # "A 之后，B" / "在 A 之前 B": the side named before the word is A.
                tail = _part(text[match.end():end])
                parts = (tail, head) if first_said_first else (head, tail)
            if all(len(p) >= MIN_PART for p in parts):
                found.append(Ordered(parts, text[sentence:end].strip()))
    return found


def arrows(text: str) -> list[Ordered]:
    """Chains written with arrows: "A → B → C"."""
    found = []
    for line in text.splitlines():
        if not _ARROW.search(line):
            continue
        start = _sentence_start(line, _ARROW.search(line).start())  # type: ignore[union-attr]
        sentence = line[start:_sentence_end(line, start)]
        parts = tuple(_part(p) for p in _ARROW.split(sentence))
        if len(parts) >= 2 and all(len(p) >= MIN_PART for p in parts):
            found.append(Ordered(parts, sentence.strip()))
    return found


def numbered_items(text: str) -> list[Ordered]:
    """Runs of items numbered 1, 2, 3 … in order, one a line or inline ("1、A；2、B")."""
    found: list[Ordered] = []
    run: list[str] = []
    expected = 1
    for line in text.splitlines():
        inline = _inline(line)
        if inline:
            _keep(found, run)
            run, expected = [], 1
            found.extend(inline)
            continue
        item = item_number(line)
        if item is not None and item[0] == expected:
            run.append(_part(item[1]))
            expected += 1
            continue
        if item is not None and item[0] == 1:
            _keep(found, run)
            run, expected = [_part(item[1])], 2
            continue
        if run and not line.strip():
            continue
        _keep(found, run)
        run, expected = [], 1
    _keep(found, run)
    return found


def _keep(found: list[Ordered], run: list[str]) -> None:
    if len(run) >= 2 and all(len(p) >= MIN_PART for p in run):
        found.append(Ordered(tuple(run), "\n".join(run), numbered=True))


def _inline(line: str) -> list[Ordered]:
    """Items numbered 1, 2, 3 … inside one line."""
    marks = [(m, _number(m)) for m in _INLINE_NUMBER.finditer(line)]
    at = next((i for i, (_, n) in enumerate(marks) if n == 1), None)
    if at is None:
        return []
    kept = [marks[at][0]]
    for match, number in marks[at + 1:]:
        if number == len(kept) + 1:
            kept.append(match)
    if len(kept) < 2:
        return []
    bounds = [m.end() for m in kept]
    ends = [m.start() for m in kept[1:]] + [len(line)]
    parts = tuple(_part(line[a:b]) for a, b in zip(bounds, ends, strict=True))
    if all(len(p) >= MIN_PART for p in parts):
        return [Ordered(parts, line[kept[0].start():].strip(), numbered=True)]
    return []


_ORDER_WORDS = re.compile(
    "|".join(p.pattern for p in (_FIRST, _NEXT_STRONG, _NEXT_WEAK, _LAST, _BEFORE, _AFTER)),
    re.IGNORECASE,
)


def without_order_words(text: str) -> str:
    """The text less its words of order: they tell no step from another."""
    return _ORDER_WORDS.sub(" ", text)


_LEADING = re.compile(rf"^(?:\s*(?:{_ORDER_WORDS.pattern}|and|but|which|才|就|而是)[\s,，、:：]*)+",
                      re.IGNORECASE)


def shown_part(text: str) -> str:
    """A part as feedback names it: without the order word it opens with ("然后", "Then")."""
    return _LEADING.sub("", text).strip() or text


def asserted_orders(text: str) -> list[Ordered]:
    """Every order the text asserts, in words, arrows or numbering."""
    return [*sequence_words(text), *before_after(text), *arrows(text), *numbered_items(text)]
