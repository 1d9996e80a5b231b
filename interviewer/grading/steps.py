"""Steps said in the wrong order: "主库先把写命令发给从库，然后才生成 RDB 快照" where the
notes give the snapshot first, "run kubectl uncordon, then kubectl drain", a handshake told
backwards. The notes' ordered steps come from their layout and words (a numbered list or
numbered sub-headings under a question about a process, sequence words, before/after,
arrows); each step is known by its distinctive terms (those the other steps do not share,
through the lexicon, so an English answer lines up with Chinese steps where the names pair).
An answer is held to an order only where it asserts one (order_words.py): steps merely
listed in another order, one step alone or steps the notes do not order are never flagged."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from interviewer.grading.feedback import short
from interviewer.grading.lexicon import Lexicon
from interviewer.grading.order_words import (
    Ordered,
    arrows,
    before_after,
    item_number,
    numbered_items,
    sequence_words,
    shown_part,
    without_order_words,
)
from interviewer.notes.markup import FENCE_LINE, plain_text, unwrap

# A numbered list is a list of steps only when the question, the line leading into the
# list or its items say it is a process: "流程如下", "the steps are", "第一步", "Step 1".
_PROCESS = re.compile(
    r"步骤|流程|过程|顺序|先后|依次|阶段|环节|生命周期|几步|"
    r"\b(?:steps?|process(?:es)?|procedures?|workflow|flow|sequence|phases?|stages?|"
    r"life ?cycle|in (?:this|that|the following) order|in order:)\b",
    re.IGNORECASE,
)
# A question asking for kinds, reasons or pros and cons is answered by a list that only
# enumerates: its numbers order nothing unless the notes say the items are steps.
_ENUMERATION = re.compile(
    r"哪些|哪几|几种|几类|种类|类型|优点|缺点|优势|劣势|好处|特点|特性|区别|不同|作用|原因|为什么|"
    r"\b(?:what are the|which|types?|kinds?|advantages?|disadvantages?|benefits?|drawbacks?|"
    r"pros|cons|features?|differences?|reasons?|why)\b",
    re.IGNORECASE,
)
_ITEM_CUE = re.compile(r"^\s*(?:首先|然后|接着|随后|最后|再|先|第.步|step\s*\d|first|then|next|"
                       r"finally)", re.IGNORECASE)
_CAPITALS = re.compile(r"\b[A-Z][A-Z0-9]+(?:-[A-Z][A-Z0-9]+)*\b")
_COMPOUND = re.compile(r"\b[A-Z][A-Z0-9]+(?:-[A-Z][A-Z0-9]+)+\b")
_BULLET = re.compile(r"^\s*[-*+•]\s+")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*)$")
_EDGE = " \t，,。.；;：:、"
# A part is placed on a step when it shares a term or this many words with it alone.
MIN_SHARED = 2
# A step named in feedback is cut to about this many characters (of Chinese).
SHOWN = 30


@dataclass(frozen=True)
class Step:
    """One step of the notes: its text and its concepts."""

    text: str
    concepts: frozenset[str]


@dataclass(frozen=True)
class Procedure:
    """Steps the notes put in an order, earliest first."""

    steps: tuple[Step, ...]
    numbered: bool = False
    """Given as numbered items (a list or sub-headings), not in words."""
    names: frozenset[str] = frozenset()
    """Concepts the steps write as names in capitals (SYN, RDB): terms, whatever their weight."""
    stated: bool = True
    """The notes say these are steps (sequence words, or a list under a question or a line
    about a process); a bare numbered list may only enumerate."""


@dataclass(frozen=True)
class Reversal:
    """Two steps the answer puts the other way round from the notes."""

    said: Ordered
    first_said: str
    """The part of the answer said first…"""
    then_said: str
    """…and the one said after it."""
    earlier: Step
    """The note step the notes give first (the answer's `then_said`)…"""
    later: Step
    """…and the one they give after it (the answer's `first_said`)."""

    def message(self, zh: bool) -> str:
        """The feedback line naming the two steps and quoting the notes' order."""
        earlier, later = (short(shown_part(step.text), SHOWN) for step in (self.earlier,
                                                                           self.later))
        if zh:
            return f"你把顺序说反了：笔记里是先「{earlier}」，再「{later}」。"
        return (f"You put “{short(shown_part(self.first_said), SHOWN)}” before "
                f"“{short(shown_part(self.then_said), SHOWN)}”; the notes: first “{earlier}”, "
                f"then “{later}”.")


def _concepts(text: str, lexicon: Lexicon) -> frozenset[str]:
    # One Chinese character is a word too ("写" tells 写命令 from RDB 文件): weights make
    # it count for little. Names of capitals joined by a hyphen are one name: the step
    # sending a SYN-ACK is not the one sending a SYN nor the one sending an ACK.
    text = _COMPOUND.sub(lambda m: m.group().replace("-", ""), without_order_words(text))
    return frozenset(lexicon.text_concepts(text))


def _procedure(parts: Sequence[str], lexicon: Lexicon, numbered: bool = False,
               stated: bool = True) -> Procedure | None:
    steps = tuple(Step(p, _concepts(p, lexicon)) for p in parts)
    if len(steps) < 2 or any(not [c for c in s.concepts if len(c) > 1] for s in steps):
        return None
    capitals = " ".join(_CAPITALS.findall(" ".join(parts)))
    return Procedure(steps, numbered, _concepts(capitals, lexicon), stated)


def procedures(title: str, answer: str, lexicon: Lexicon) -> list[Procedure]:
    """The ordered steps a question's notes give."""
    lines = _prose_lines(answer)
    process = bool(_PROCESS.search(title))
    enumerates = not process and bool(_ENUMERATION.search(title))
    found = []
    for parts, stated in _numbered_runs(lines, process) + _numbered_headings(lines, process):
        if enumerates and not stated:
            continue
        made = _procedure(parts, lexicon, numbered=True, stated=stated)
        if made:
            found.append(made)
    for passage in _passages(lines):
        orders = [o for o in sequence_words(passage) if not o.weak or process]
        orders += before_after(passage) + arrows(passage)
        for order in orders:
            made = _procedure(order.parts, lexicon)
            if made:
                found.append(made)
    return found


def _prose_lines(answer: str) -> list[str]:
    """The answer's lines as plain text, code blocks left out (headings keep their marks)."""
    kept, fenced = [], False
    for line in unwrap(answer):
        if FENCE_LINE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        heading = _HEADING.match(line)
        kept.append(f"{heading.group(1)} {plain_text(heading.group(2))}" if heading
                    else _BULLET.sub("", plain_text(line)) if line.strip() else "")
    return kept


def _passages(lines: list[str]) -> list[str]:
    """Runs of prose lines between blank lines and headings, joined by line breaks."""
    found: list[str] = []
    run: list[str] = []
    for line in [*lines, ""]:
        if line.strip() and not _HEADING.match(line) and not line.lstrip().startswith("|"):
            run.append(line)
            continue
        if run:
            found.append("\n".join(run))
        run = []
    return found


def _numbered_runs(lines: list[str], process: bool) -> list[tuple[tuple[str, ...], bool]]:
    """Numbered lists, each with whether the notes say its items are steps: the question or
    the line leading into the list names a process, or the items open with sequence words."""
    return [(order.parts, process or bool(_ITEM_CUE.match(order.parts[1]))
             or _led_in(lines, order.parts[0]))
            for order in numbered_items("\n".join(lines))]


def _led_in(lines: list[str], first_item: str) -> bool:
    """True when the line before the list's first item names a process ("流程如下：")."""
    for at, line in enumerate(lines):
        item = item_number(line)
        if item is not None and first_item in item[1]:
            before = next((b for b in reversed(lines[:at]) if b.strip()), "")
            return bool(_PROCESS.search(before))
    return False


def _numbered_headings(lines: list[str], process: bool
                       ) -> list[tuple[tuple[str, ...], bool]]:
    """Sub-headings numbered 1, 2, 3 … at one level, each with the first line below it."""
    found = []
    run: list[str] = []
    level, expected = "", 1
    for at, line in enumerate([*lines, "# end"]):
        heading = _HEADING.match(line)
        if heading is None:
            continue
        marks, text = heading.groups()
        number = item_number(text)
        if number and number[0] == expected and marks == (level or marks):
            body = next((b for b in lines[at + 1:] if b.strip()), "")
            body = "" if _HEADING.match(body) else body
            run.append("：".join(p for p in (number[1].strip(_EDGE), body.strip(_EDGE)) if p))
            level, expected = marks, expected + 1
            continue
        if len(marks) > len(level or marks) and run:
            continue  # a deeper heading inside a step
        if len(run) >= 2:
            found.append((tuple(run), process or any(bool(_ITEM_CUE.match(s)) for s in run)))
        level, run, expected = "", [], 1
    return found


def _placer(procedure: Procedure, is_term: Callable[[str], bool]
            ) -> Callable[[frozenset[str]], int | None]:
    """Which step a part of an answer names, by the terms that tell the steps apart: the one
    step whose own words (said in no other step) it uses — or, using none, the step it
    shares everything with that any other step shares, and a word more ("写命令发给从库" is
    the step sending the writes, not the one sending the RDB file). It must share a term (or
    two words) with that step; a part using words of two steps is about neither."""
    steps = procedure.steps
    counts = Counter(c for step in steps for c in step.concepts)

    def place(concepts: frozenset[str]) -> int | None:
        shared = [frozenset(c for c in concepts & step.concepts if counts[c] < len(steps))
                  for step in steps]
        own = {at for at, words in enumerate(shared) if any(counts[c] == 1 for c in words)}
        if len(own) > 1:
            return None
        if own:
            at = own.pop()
        else:
            at = max(range(len(steps)), key=lambda i: len(shared[i]))
            if not all(other < shared[at] and any(len(c) > 1 for c in shared[at] - other)
                       for other in shared[:at] + shared[at + 1:] if other):
                return None
        words = [c for c in shared[at] if len(c) > 1]
        named = any(is_term(c) or c in procedure.names for c in words)
        return at if len(words) >= MIN_SHARED or named else None

    return place


def _placed(order: Ordered, procedure: Procedure, lexicon: Lexicon,
            is_term: Callable[[str], bool]) -> list[tuple[int, str]] | None:
    """(step, part) for each part of the order that names a step, in the answer's order;
    None when the order comes back to a step it has left (it is not a sequence of them)."""
    place = _placer(procedure, is_term)
    found: list[tuple[int, str]] = []
    for part in order.parts:
        at = place(_concepts(part, lexicon))
        if at is None or (found and found[-1][0] == at):
            continue
        if any(step == at for step, _ in found):
            return None
        found.append((at, part))
    return found


def _pairs(placed: Sequence[tuple[int, str]]) -> Iterable[tuple[tuple[int, str], tuple[int, str]]]:
    for a, first in enumerate(placed):
        for then in placed[a + 1:]:
            yield first, then


def _holds(order: Ordered, procedure: Procedure) -> bool:
    """Whether the order an answer asserts is held to these steps of the notes: numbered
    items only to steps the notes number as steps, "首先…其次…" / "first… second…" (which
    also enumerate reasons) only to steps the notes say are steps, words that say time to
    any ordered items of the notes."""
    if order.numbered:
        return procedure.numbered and procedure.stated
    return procedure.stated or not order.weak


def reversed_steps(
    orders: Sequence[Ordered], notes: Sequence[Procedure], lexicon: Lexicon,
    is_term: Callable[[str], bool],
) -> list[Reversal]:
    """Pairs of steps an answer asserts in the other order from the notes' — unless the notes
    also give them the answer's way somewhere, or the answer also says them the notes' way."""
    found: list[Reversal] = []
    # (procedure, a, b) where the answer says step a before step b, as the notes do; and the
    # pairs of the answer's parts some passage of the notes orders the answer's way.
    agreed: set[tuple[int, int, int]] = set()
    kept: set[tuple[str, str]] = set()
    backwards: list[tuple[tuple[int, int, int], Reversal]] = []
    for order in orders:
        for index, procedure in enumerate(notes):
            if not _holds(order, procedure):
                continue
            placed = _placed(order, procedure, lexicon, is_term)
            for (a, first_said), (b, then_said) in _pairs(placed or []):
                if a < b:
                    agreed.add((index, a, b))
                    kept.add((first_said, then_said))
                    continue
                steps = procedure.steps
                backwards.append(((index, b, a), Reversal(order, first_said, then_said,
                                                          steps[b], steps[a])))
    seen: set[tuple[int, int, int]] = set()
    for key, reversal in backwards:
        if key in agreed or key in seen or (reversal.first_said, reversal.then_said) in kept:
            continue
        seen.add(key)
        found.append(reversal)
    return found
