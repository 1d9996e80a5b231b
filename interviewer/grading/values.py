"""Values bound to a named quantity — a number ("the default load factor is 0.75"), a
percentage, a range ("between 0.5 and 0.75"), a dimension tuple ("4×4×1", "7\\*7\\*512") or a
complexity ("O(n log n)") — found in notes and answers in Chinese and English, and compared by
value: 0.5 = 50% = 1/2, 1e-3 = 0.001, 4x4x1 = 4×4×1. What a value is the value of is the
words around it in its clause; no table of facts about any subject."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from interviewer.grading.lexicon import Lexicon

_NUM = r"\d+(?:\.\d+)?(?:[eE][-+]?\d+)?"
_PERCENT = r"\s*(?:%|％|\s+percent\b)"
_ORDER = re.compile(r"(?:\\mathcal\{O\}|(?<![A-Za-z])O)\s*\(")
_SHAPE = re.compile(r"(?<![A-Za-z0-9_.\\^])\d+(?:\s*(?:×|[xX]|\\?\*|∗|✕)\s*\d+)+"
                    r"(?![A-Za-z0-9_.^]|\s*[×xX*∗]\s*\d)")
_RANGE = re.compile(
    rf"(?:\bbetween\s+|介于\s*)?(?<![A-Za-z0-9_.])(?P<low>{_NUM})(?P<lp>{_PERCENT})?\s*"
    rf"(?:–|—|-|~|～|\bto\b|\band\b|至|到|和|与)\s*(?P<high>{_NUM})(?P<hp>{_PERCENT})?"
    r"(?![A-Za-z0-9_.])", re.I)
# "3,700", "1,234,567": thousands written with separators are one number — not in a tuple
# ("(3,224,224)") or a list ("1,2,3"), where the commas separate numbers.
_GROUPED = r"(?<![(\[（,，\d])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])"
_NUMBER = re.compile(
    rf"(?:百分之\s*)?(?<![A-Za-z0-9_.])(?:(?P<top>\d+)/(?P<bottom>\d+)|10\^\{{?(?P<exp>-?\d+)\}}?|"
    rf"(?P<num>{_GROUPED}|{_NUM}))(?P<pct>{_PERCENT})?(?![A-Za-z0-9_.]*\d)")
_CLAUSE_END = re.compile(r"[，,；;。！？!?：:\n]|\.(?=\s|$)")
_LABEL_ALIAS = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")
# "(0, 1)", "[-1, 1]" after "into", "range", 区间 …: an interval (not a point, a shape or a
# call's arguments, which no such word announces).
_INTERVAL = re.compile(rf"(?<![\w)])[(\[（]\s*(?P<low>-?{_NUM})\s*[,，]\s*(?P<high>-?{_NUM})\s*"
                       r"[)\]）]")
_INTERVAL_CUE = re.compile(r"\b(?:range|interval|between|into|within|bounded)\b|区间|范围|"
                           r"之间|映射到|映射为|取值|落在|介于", re.I)
_NEXT_STATEMENT = re.compile(r"\s(?:and|but|while|whereas)\s|而|但|并且|同时")
# A number that names something rather than measuring it: "L1", "VGG16", "SHA-256", "step 2".
_NAMED_BEFORE = re.compile(r"(?:[A-Za-z_\u0370-\u03ff]-?|第|\b(?:step|stage|phase|part|chapter|"
                           r"section|round|line|figure|fig\.?|table|version|v)\s*)$", re.I)
_OPERATOR_BEFORE = re.compile(r"[+\-*/^×÷<>(（]\s*$")
# "-1" after a space, a bracket or a colon, or opening the sentence, is a negative number
# ("returns -1"); after an operand ("3 -1", "n -1") the dash subtracts.
_SIGN_AFTER = re.compile(r"(?:^|[\s(\[（,，:：=])$")
_OPERAND_BEFORE = re.compile(r"(?:\d|[)）\]]|\b[A-Za-z])\s*$")
# A number opening its sentence is list numbering ("1. Lookups …", "2)", "1、") unless a
# word follows it: "0 means success", "404 表示资源不存在" (a list item's own value).
_WORD_AFTER = re.compile(r"\s*[A-Za-z\u4e00-\u9fff]")
# "32-bit", "8-character": a number hyphened to its unit word measures it; "1-p" and
# "2 - x" subtract.
_OPERATOR_AFTER = re.compile(r"^(?:\s*[+*/^×÷)）]|\s*-(?![A-Za-z]{2})|[A-Za-z_])")
# Sentences that give an example or a case: their numbers are the example's, not a fact.
# "with" sets an example up only with a number of its own in the clause ("with 12 buckets
# it is 0.5"); "a header with the payload size" describes.
EXAMPLE = re.compile(r"\b(?:e\.g\.|for example|for instance|such as|say|suppose|imagine|if|"
                     r"when)\b|\bwith\b(?=[^,.;:，。；：]*\d)|比如|例如|假设|假如|譬如|举例|举个|"
                     r"如果|若|当", re.I)
_CODE = re.compile(r"\bself\.|\b(?:def|return|print)\b|\w\[|^\s*#|==|\+=|-=")
_ORDER_NOISE = str.maketrans({c: "" for c in " \\${}·⋅*\t"})
_SUPERSCRIPT = str.maketrans({"²": "^2", "³": "^3"})
_CJK = re.compile(r"[\u4e00-\u9fff]")
# A quantity is the last few concepts before its value and the first few after it.
BEFORE = 4
AFTER = 3
# Two quantities are one when each has this share of the other's (weighted) concepts.
MATCH = 0.6
# Beside numbers of the answer's own, a quantity this sure of a note's is still that one.
SURE = 0.9
# A label this short before a colon names the value after it ("Power (1 - β): 80%").
LABEL_CHARS = 40


@dataclass(frozen=True)
class Value:
    """One value of a sentence: what kind, its value, where it is, and the clause around it."""

    kind: str
    """"number" (a range too), "shape" (a dimension tuple) or "order" (a complexity)."""
    text: str
    low: float = 0.0
    high: float = 0.0
    shape: tuple[int, ...] = ()
    order: str = ""
    before: str = ""
    """The clause's words before the value (from the previous value on)."""
    after: str = ""
    """The clause's words after the value (up to the next value)."""
    interval: bool = False
    """An interval ("(0, 1)"): its bounds are what it says, not a spread of settings."""
    clause: int = 0
    """Which clause of its sentence it is in (counted from 0)."""


def _order_end(text: str, start: int) -> int:
    """The end of an O(…) whose "(" is at `start` - 1, brackets balanced; -1 if open."""
    depth = 1
    for at in range(start, min(len(text), start + 40)):
        depth += {"(": 1, ")": -1}.get(text[at], 0)
        if depth == 0:
            return at + 1
    return -1


def _order(inner: str) -> str:
    """A complexity in one spelling: "n \\log n", "n·log(n)" and "nlogn" are one."""
    text = inner.translate(_SUPERSCRIPT).lower().replace("**", "^").translate(_ORDER_NOISE)
    text = re.sub(r"\blg|\\log|ln", "log", text)
    return re.sub(r"log\((\w+)\)", r"log\1", text)


def _number(match: re.Match[str]) -> float:
    if match.group("top"):
        return int(match.group("top")) / max(int(match.group("bottom")), 1)
    if match.group("exp"):
        return 10.0 ** int(match.group("exp"))
    value = float(match.group("num").replace(",", ""))
    return value / 100 if match.group("pct") or match.group(0).startswith("百分之") else value


def _plain(text: str, start: int, end: int, first: bool = False) -> bool:
    """True when a number at text[start:end] measures something: not a name's digits, not a
    term of a formula, not list numbering (`first`: may a value open the sentence), not a
    year."""
    before, after = text[:start], text[end:]
    if _NAMED_BEFORE.search(before) or _OPERATOR_BEFORE.search(before):
        return False
    if _OPERATOR_AFTER.match(after) or not (
            first or before.strip(" *#>-(（[`") or _WORD_AFTER.match(after)):
        return False
    said = text[start:end]
    return not (re.fullmatch(r"(?:19|20)\d\d", said) and not after.startswith("%"))


def _signed_start(text: str, start: int) -> int:
    """Where the number at `start` begins with its minus sign, when it has one."""
    if start and text[start - 1] in "-−":
        before = text[: start - 1]
        if _SIGN_AFTER.search(before) and not _OPERAND_BEFORE.search(before):
            return start - 1
    return start


def find_values(sentence: str) -> list[Value]:
    """The values of one sentence, in order, each with the words of its clause around it."""
    found: list[tuple[int, int, Value]] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    for match in _ORDER.finditer(sentence):
        end = _order_end(sentence, match.end())
        if end > 0 and free(match.start(), end):
            inner = sentence[match.end():end - 1]
            taken.append((match.start(), end))
            found.append((match.start(), end, Value("order", sentence[match.start():end],
                                                    order=_order(inner))))
    for match in _SHAPE.finditer(sentence):
        if free(*match.span()) and _plain(sentence, *match.span(), first=True):
            shape = tuple(int(n) for n in re.findall(r"\d+", match.group(0)))
            taken.append(match.span())
            found.append((*match.span(), Value("shape", match.group(0), shape=shape)))
    for match in _INTERVAL.finditer(sentence):
        low, high = float(match.group("low")), float(match.group("high"))
        near = sentence[max(0, match.start() - 40):match.start()] + sentence[match.end():
                                                                            match.end() + 6]
        if low < high and free(*match.span()) and _INTERVAL_CUE.search(near):
            taken.append(match.span())
            found.append((*match.span(), Value("number", match.group(0), low=low, high=high,
                                               interval=True)))
    for match in _RANGE.finditer(sentence):
        low, high = float(match.group("low")), float(match.group("high"))
        if match.group("hp"):
            low, high = (low / 100 if match.group("lp") or low > 1 else low), high / 100
        joined = re.search(r"\band\b|和|与", match.group(0))
        if (not free(*match.span()) or low >= high
                or (joined and not re.match(r"between|介于", match.group(0), re.I))
                or not _plain(sentence, match.start("low"), match.end())):
            continue
        taken.append(match.span())
        found.append((*match.span(), Value("number", match.group(0), low=low, high=high)))
    for match in _NUMBER.finditer(sentence):
        start = _signed_start(sentence, match.start())
        if free(start, match.end()) and _plain(sentence, start, match.end()):
            number = _number(match) * (-1 if start < match.start() else 1)
            taken.append((start, match.end()))
            found.append((start, match.end(), Value("number", sentence[start:match.end()],
                                                    low=number, high=number)))
    found.sort(key=lambda item: item[0])
    values = []
    for i, (start, end, value) in enumerate(found):
        left = max([m.end() for m in _CLAUSE_END.finditer(sentence, 0, start)]
                   + ([found[i - 1][1]] if i else []), default=0)
        stop = _CLAUSE_END.search(sentence, end)
        joined = _NEXT_STATEMENT.search(sentence, end)
        if joined and (stop is None or joined.start() < stop.start()):
            stop = joined  # "… is 80% and the power is 5%": what follows "and" is not its
        right = min([stop.start() if stop else len(sentence)]
                    + ([found[i + 1][0]] if i + 1 < len(found) else []))
        before = sentence[left:start]
        if left and sentence[left - 1] in ":：" and not (i and found[i - 1][1] >= left - 1):
            # "Significance level (α): typically 5%": the label before the colon is what the
            # value is the value of.
            opens = max([m.end() for m in _CLAUSE_END.finditer(sentence, 0, left - 1)]
                        + ([found[i - 1][1]] if i else []), default=0)
            # Its bracketed symbol or short form ("(α)", "(1 - β)") only names it again.
            label = _LABEL_ALIAS.sub("", sentence[opens:left - 1]).strip()
            if label and len(label) <= LABEL_CHARS:
                before = f"{label} {before}"
        clause = sum(1 for _ in _CLAUSE_END.finditer(sentence, 0, start)) + sum(
            1 for _ in _NEXT_STATEMENT.finditer(sentence, 0, start))
        values.append(replace(value, before=before, after=sentence[end:right], clause=clause))
    return values


def _trimmed(shape: tuple[int, ...]) -> tuple[int, ...]:
    while len(shape) > 2 and shape[-1] == 1:
        shape = shape[:-1]
    return shape


def same(a: Value, b: Value) -> bool:
    """True when two values are equal, or one lies in the other's range (a shape's trailing
    1s aside: 4×4×1 is 4×4); two intervals only when their bounds are."""
    if a.kind != b.kind:
        return False
    if a.kind == "order":
        return a.order == b.order
    if a.kind == "shape":
        return _trimmed(a.shape) == _trimmed(b.shape)
    close = math.isclose
    if a.interval and b.interval:  # (0, 1) is not (-1, 1), though they overlap
        return close(a.low, b.low, abs_tol=1e-12) and close(a.high, b.high, abs_tol=1e-12)
    return (b.low <= a.low <= b.high or a.low <= b.low <= a.high
            or close(a.low, b.low, rel_tol=1e-9) or close(a.high, b.high, rel_tol=1e-9))


def near(a: Value, b: Value) -> bool:
    """True when two shapes differ in one place only (4×4×3 against 4×4×1)."""
    return (a.kind == b.kind == "shape" and len(a.shape) == len(b.shape)
            and sum(x != y for x, y in zip(a.shape, b.shape, strict=True)) == 1)


def fits(a: Value, b: Value) -> bool:
    """True when two values could be the same setting (3×3 is a 3×3×3 kernel seen flat)."""
    if same(a, b):
        return True
    return (a.kind == b.kind == "shape"
            and (a.shape[:len(b.shape)] == b.shape or b.shape[:len(a.shape)] == a.shape))


def is_code(sentence: str) -> bool:
    """True for a line of code kept as a sentence."""
    return bool(_CODE.search(sentence))


def quantity(value: Value, lexicon: Lexicon) -> frozenset[str]:
    """What a value is the value of: the concepts just before it and just after it."""

    def concepts(text: str) -> list[str]:
        cleaned = re.sub(r"\d+", " ", text)
        return [c for c in lexicon.text_concepts(cleaned)
                if (len(c) > 1 or _CJK.match(c)) and not c.startswith("#")]

    return frozenset(concepts(value.before)[-BEFORE:] + concepts(value.after)[:AFTER])


def cover(mine: frozenset[str], other: frozenset[str], weight: Callable[[str], float]) -> float:
    """Share of `mine`'s weight that `other` has too."""
    total = sum(weight(c) for c in mine)
    return sum(weight(c) for c in mine & other) / total if total else 0.0


def stated(values: Sequence[Value], value: Value) -> bool:
    """True when one of `values` is this value (or a range holding it)."""
    return any(same(value, v) for v in values)


@dataclass(frozen=True)
class NoteValue:
    """A value the notes state, what it is the value of, its sentence, and whether that
    sentence gives an example."""

    value: Value
    quantity: frozenset[str]
    sentence: str
    example: bool


def prepare_values(sentences: Sequence[str], lexicon: Lexicon) -> list[NoteValue]:
    """The values the notes state (lines of code aside), each with its quantity."""
    return [NoteValue(value, quantity(value, lexicon), sentence, bool(EXAMPLE.search(sentence)))
            for sentence in sentences if not is_code(sentence)
            for value in find_values(sentence)]


def _match(mine: frozenset[str], note: frozenset[str], weight: Callable[[str], float]) -> float:
    """How surely two quantities are one: the smaller share either has of the other."""
    if not mine or not note:
        return 0.0
    return min(cover(mine, note, weight), cover(note, mine, weight))


def _fit(
    said: frozenset[str], note: frozenset[str], weight: Callable[[str], float],
    context: frozenset[str],
) -> float:
    """How surely the answer's quantity is a note's, leaving out the words of the question
    the note does not repeat: under "What do exit codes mean?", "0 means success" is what
    the answer's "exit code 0 means success" is about."""
    return _match(said - (context - note), note, weight)


def _candidates(
    value: Value, said: frozenset[str], notes: Sequence[NoteValue],
    weight: Callable[[str], float], anchored: bool, context: frozenset[str],
) -> list[tuple[float, NoteValue]]:
    """The note values of the same quantity as `value`, each with how surely it is."""
    found = []
    for note in notes:
        if note.value.kind != value.kind:
            continue
        match = _fit(said, note.quantity, weight, context)
        if match >= MATCH or (near(value, note.value) and (anchored or match > 0)):
            found.append((match, note))
    return found


def _given_elsewhere(
    value: Value, said: frozenset[str], candidates: list[tuple[float, NoteValue]],
    notes: Sequence[NoteValue], weight: Callable[[str], float], context: frozenset[str],
) -> bool:
    """A value the notes give, but for another quantity: this one's they give otherwise and
    surely ("significance level: 5%", "power: 80%", and the answer's "significance level is
    80%")."""
    best = max(match for match, _ in candidates)
    elsewhere = [_fit(said, n.quantity, weight, context) for n in notes if same(value, n.value)]
    return best >= MATCH and max(elsewhere, default=0.0) < best / 2


def _same_quantity(
    other: frozenset[str], mine: frozenset[str], note: frozenset[str],
    weight: Callable[[str], float],
) -> bool:
    """Whether another value of the answer's sentence is of this value's quantity (or of no
    quantity of its own): then giving the notes' value there is giving it here. In "the
    significance level is 80% and the power is 5%" the 5% is the power's."""
    return not other or max(_match(other, mine, weight), _match(other, note, weight)) >= MATCH


def differing(
    sentence: str, notes: Sequence[NoteValue], lexicon: Lexicon, weight: Callable[[str], float],
    context: frozenset[str] = frozenset(),
) -> tuple[Value, NoteValue] | None:
    """(the answer's value, the note value it contradicts) for the first value of a sentence
    that the notes give otherwise for the same quantity — unless the sentence works through
    an example of its own (a number the notes never use for anything), or also gives the
    notes' value."""
    mine = find_values(sentence)
    known = [n.value for n in notes]
    familiar = [any(fits(v, k) for k in known) for v in mine]
    said = [quantity(v, lexicon) for v in mine]
    found = [_candidates(v, q, notes, weight, any(familiar[:i] + familiar[i + 1:]), context)
             for i, (v, q) in enumerate(zip(mine, said, strict=True))]
    # The answer's own setup: a number the notes never use for anything makes the numbers of
    # its clause its example's ("copying 1000 MB at 500 MB/s takes 2 s"). Another clause
    # is a statement of its own, but the answer is telling more than the notes there: a
    # value of it contradicts them only when its quantity is surely theirs ("the second
    # moment's decay is 0.999, epsilon 1e-8" is not the notes' "first moment's decay is
    # 0.9"). A complexity sets nothing up: it is always a claim.
    setups = {v.clause for v, f, c in zip(mine, familiar, found, strict=True)
              if not f and not c and v.kind != "order"}
    if setups:
        found = [[(match, note) for match, note in candidates if match >= SURE]
                 for candidates in found]
    example = bool(EXAMPLE.search(sentence))
    for i, value in enumerate(mine):
        anchored = any(familiar[:i] + familiar[i + 1:])
        candidates = found[i]
        if value.clause in setups:
            continue
        if not candidates or (value.kind != "order" and stated(known, value)
                              and not _given_elsewhere(value, said[i], candidates, notes, weight,
                                                           context)):
            continue
        if (example or any(n.example for _, n in candidates)) and not anchored:
            continue
        if value.kind == "order" and any(
            same(value, n.value) and (n.quantity & said[i] or not said[i]) for n in notes
        ):
            continue  # a complexity the notes give for this very thing (a value the notes
            # give was let through above unless they surely give it for something else)
        if any(same(mine[j], n.value) and _same_quantity(said[j], said[i], n.quantity, weight)
               for j in range(len(mine)) if j != i for _, n in candidates):
            continue  # the answer gives the notes' value too ("0.5 or 0.75")
        # The notes' statement of the fact before their worked example of it.
        return value, max(candidates, key=lambda c: (not c[1].example, c[0]))[1]
    return None
