"""Key points for notes that highlight nothing: the answer's distinct claims — sentences that
each say something the others do not — rather than its first sentences or its sub-headings."""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Callable

from interviewer.grading.lexicon import Lexicon
from interviewer.notes.markup import FENCE_LINE, IMAGE_NOTE, plain_text, points_elsewhere, unwrap
from interviewer.terms.siblings import ASKING
from interviewer.text import AFTER_ABBREVIATION, AFTER_CLAUSE_SEMICOLON, cut

MAX_CLAIMS = 8
MIN_CONCEPTS = 3
MIN_CHARS = 12
MAX_CHARS = 160
# A sentence adds a claim when at least this share of its weight is new.
MIN_NEW = 0.5
_BULLET = re.compile(r"^\s*(?:[-*+]\s+|\d+\s*[.、)）]\s*|[（(]\d+[)）]\s*|<\d+>\s*)")
_SENTENCE = re.compile(rf"(?<=[。！？!?；])|{AFTER_CLAUSE_SEMICOLON}|"
                       rf"(?<=[.]){AFTER_ABBREVIATION}\s+(?=[A-Z0-9(\"“])")
# A label opening a sentence: a few words, then a colon and what is said of it.
_LABEL = re.compile(r"^\s*([^：:，,。；;.!?！？]{1,24}?)\s*[：:]\s*\S")
# Lines that point elsewhere or frame the answer rather than state anything.
_BOILERPLATE = re.compile(
    r"^\s*(?:#|!\[|\[[^\]]*\]\([^)]*\)\s*$|\|)|rest of the answer|read more|see (?:more|also|here)|"
    r"参考|详见|更多|^\s*(?:answer|note|example|tl;?dr|答案|答)\s*[:：]?\s*$",
    re.IGNORECASE,
)
# Sentences about the answer itself rather than its subject: how easy it is ("The answer is
# pretty direct", "这个问题很简单") or what to say ("you should mention all the points
# presented below", "以下几点").
_FRAMING = re.compile(
    r"^\s*(?:the|this|my)\s+(?:answer|question)\s+is\b|"
    r"\byou\s+(?:should|must|need\s+to|have\s+to)\s+(?:mention|cover|name|list|remember)\b|"
    r"\b(?:presented|listed|shown|given|described|mentioned)\s+below\b|\bthe\s+below\b|"
    r"^\s*(?:这个|这道)?(?:问题|题目?|答案)(?:很|比较|非常|相当)?(?:简单|直接|容易)|"
    r"(?:如下|以下几点|下面几点)[。.]?\s*$",
    re.IGNORECASE,
)
# A paragraph that opens with a scenario sets the question up ("Let's say you're a developer…
# The issue is… The solution here is…", "假设你…"): what it says is the story, not a claim.
_SCENARIO = re.compile(
    r"^\s*(?:let[’']?s\s+say|let\s+us\s+say|(?:imagine|suppose|say)\s+(?:you|we|that)\b)|"
    r"^\s*(?:假设|假如|设想|想象一下)(?:你|我们)",
    re.IGNORECASE,
)
# A command written out as an example ("git commit –m “message”", "ls -la {dir}"): a tool's
# name, its arguments and a flag or placeholder, and no words of a statement around them.
_COMMAND = re.compile(r"^[a-z][\w.-]*(?:\s+[\w./:=@-]+)*\s+(?:--?[A-Za-z]|[–—]\s?[A-Za-z]|"
                      r"<[^>]+>|\{[^}]+\}|[“\"'][^”\"']*[”\"'])")
COMMAND_WORDS = 6
# A line that ends a statement with no stop: an item on a line of its own.
_OPEN_END = re.compile(r"(?:[.,;:!?，。；：！？、(（\-–—/&+=]|\b(?:a|an|the|of|to|and|or|in|on|"
                       r"at|for|with|by|from|as|is|are|was|be|that|which|than|its|their)"
                       r")\s*$", re.IGNORECASE)
# Three or more such lines under one another make a list written without list marks.
MIN_LINE_ITEMS = 3


def _items(run: list[str]) -> bool:
    """True when a paragraph's lines are items of their own: three or more, each line after
    the first opening a new statement and each before it ending one."""
    return len(run) >= MIN_LINE_ITEMS and all(
        not _OPEN_END.search(before) and re.match(r"[A-Z]", after.lstrip())
        for before, after in itertools.pairwise(run))


def _line_items(answer: str) -> str:
    """The answer with a paragraph of items on lines of their own ("A set of files…" /
    "Reference to parent commits" / "An SHA-1 name…": text pasted without list marks) cut
    into paragraphs, which Markdown would run into one; hard-wrapped prose stays whole."""
    out: list[str] = []
    run: list[str] = []
    fenced = False
    for line in [*answer.splitlines(), ""]:
        if FENCE_LINE.match(line):
            fenced = not fenced
        if not fenced and line.strip() and not _BULLET.match(line) \
                and not line.lstrip().startswith(("#", ">", "|", "<", "![")):
            run.append(line)
            continue
        glue = "\n\n" if _items(run) else "\n"
        out.extend([glue.join(run)] if run else [])
        run.clear()
        out.append(line)
    return "\n".join(out[:-1])


def _is_command(line: str) -> bool:
    """True for a command written out on its own line: short, no full stop, a flag or a
    placeholder among its arguments."""
    return (bool(_COMMAND.match(line)) and len(line.split()) <= COMMAND_WORDS
            and not line.rstrip().endswith((".", "。")))


def _sentences(answer: str) -> list[str]:
    """Plain sentences of an answer, outside code blocks, tables, headings and links."""
    found: list[str] = []
    fenced = False
    for line in unwrap(_line_items(answer)):
        if FENCE_LINE.match(line):
            fenced = not fenced
            continue
        if fenced or not line.strip() or _BOILERPLATE.search(line) or points_elsewhere(line):
            continue  # "1. [从面试被问到吐血，Redis事务的问题…](https://…)" is a reference
        if _is_command(_BULLET.sub("", line).strip()) or _SCENARIO.match(plain_text(line)):
            continue
        # A picture the notes show claims nothing in words ("[image: Alt_text]").
        text = IMAGE_NOTE.sub("", _BULLET.sub("", plain_text(_BULLET.sub("", line))))
        # A sentence ending in a colon introduces what follows ("The main benefits are:").
        found.extend(part.strip(" ：:;；，,") for part in _SENTENCE.split(text)
                     if part.strip() and not part.rstrip().endswith((":", "："))
                     and not _FRAMING.search(part))
    return found


def distinct_claims(
    answer: str, lexicon: Lexicon, weight: Callable[[str], float]
) -> list[str]:
    """Up to MAX_CLAIMS sentences of the answer that each add something new (weightiest
    first, then kept in the answer's order)."""
    candidates = []
    for position, sentence in enumerate(_sentences(answer)):
        concepts = {c for c in lexicon.text_concepts(sentence) if len(c) > 1}
        if len(concepts) >= MIN_CONCEPTS and len(sentence) >= MIN_CHARS:
            candidates.append((position, sentence[:MAX_CHARS], concepts))
    chosen: list[tuple[int, str]] = []
    seen: set[str] = set()
    used = Counter(_label(sentence) for _, sentence, _ in candidates)
    remaining = list(candidates)
    while remaining and len(chosen) < MAX_CLAIMS:
        # fsum: a float sum over a set depends on the set's order, which changes from one
        # process to the next (string hashing); a share of exactly MIN_NEW fell either side.
        gains = [math.fsum(weight(c) for c in item[2] - seen) for item in remaining]
        at = max(range(len(remaining)), key=gains.__getitem__)
        best = remaining.pop(at)
        total = math.fsum(weight(c) for c in best[2]) or 1.0
        label = _label(best[1])
        # Items that each name their own thing ("缓存穿透：…", "缓存击穿：…", "allkeys-lru:
        # …") say alike things of different things: each is a claim, however many words
        # it shares with the others. A label the answer repeats ("思路：" under each part)
        # or one that names an aspect ("优点：", "Example:") names no thing.
        own = bool(label) and used[label] == 1 and _names_thing(label)
        if gains[at] / total < MIN_NEW and not own:
            continue
        chosen.append((best[0], best[1]))
        seen |= best[2]
    return [text for _, text in sorted(chosen)]


def _label(sentence: str) -> str:
    """The label a sentence opens with ("volatile-lru：在设有过期时间的 key 中…"), else ""."""
    match = _LABEL.match(sentence)
    return match.group(1).strip() if match else ""


def _names_thing(label: str) -> bool:
    """Whether a label names a thing rather than an aspect of an answer ("优点", "Pros",
    "Example")."""
    return not all(word.lower() in ASKING for word in cut(label) if word.strip())


def thing_label(sentence: str) -> str:
    """The thing a sentence's opening label names ("volatile-ttl：…" → "volatile-ttl"), else
    "" (no label, or one naming an aspect)."""
    label = _label(sentence)
    return label if label and _names_thing(label) else ""
