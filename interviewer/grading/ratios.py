"""Ratios said in words and compared with the notes': "the number of buckets divided by the
number of elements" against the notes' "ratio of stored elements to available buckets" is the
notes' ratio upside down. Found in English and Chinese ("A 除以 B", "A 与 B 的比值") and in
LaTeX (`\\frac{\\text{A}}{\\text{B}}`), for any subject: what is divided by what is compared by
the concepts of each side, never by a table of facts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from interviewer.grading.lexicon import Lexicon

_LATEX_TEXT = re.compile(r"\\(?:text|mathrm|operatorname)\s*")
_FRAC = re.compile(r"\\frac\s*\{([^{}]{2,60})\}\s*\{([^{}]{2,60})\}")
_SIDE_EN = r"[A-Za-z][A-Za-z'’\- ]{1,50}?"
_SIDE_ZH = r"[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z \-]{0,15}?"
# Each pattern names its numerator and denominator.
_PATTERNS = (
    re.compile(rf"(?P<num>{_SIDE_EN})\s+(?:divided by|over)\s+(?P<den>{_SIDE_EN})"
               r"(?=\s*(?:[,.;:)]|$|\b(?:so|and|which|that|when|while|because|times)\b))",
               re.IGNORECASE),
    re.compile(rf"\bratio (?:of|between)\s+(?P<num>{_SIDE_EN})\s+(?:to|and)\s+(?P<den>{_SIDE_EN})"
               r"(?=\s*(?:[,.;:)]|$|\b(?:so|and|which|that|when|while|because)\b))",
               re.IGNORECASE),
    re.compile(rf"(?P<num>{_SIDE_ZH})\s*除以\s*(?P<den>{_SIDE_ZH})(?=\s*(?:[，。；,.;：:）)]|$|所以|得到|就是))"),
    re.compile(rf"(?P<num>{_SIDE_ZH})\s*(?:与|和|跟)\s*(?P<den>{_SIDE_ZH})\s*的?(?:比值|之比|比率)"),
)
# The start of a side that only frames it ("the load factor is the number of …").
_FRAME = re.compile(r"^.*\b(?:is|are|equals|means|as|=)\s+(?:equal to\s+)?|"
                    r"^.*(?:是|为|等于|就是|即)\s*", re.IGNORECASE)
# Words that say "how many" on either side of any ratio: they tell no two sides apart.
_COUNTING = frozenset({"number", "numb", "count", "total", "amount", "个数", "数量", "数目", "总数",
                       "stor", "stored", "availabl", "available"})


_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Ratio:
    """What is divided by what, as concepts."""

    numerator: frozenset[str]
    denominator: frozenset[str]
    text: str


def _concepts(text: str, lexicon: Lexicon) -> frozenset[str]:
    # One Chinese character can be a whole quantity ("桶"); one Latin letter is a variable.
    return frozenset(c for c in lexicon.text_concepts(text)
                     if len(c) > 1 or _CJK.match(c)) - _COUNTING


def find_ratios(sentence: str, lexicon: Lexicon) -> list[Ratio]:
    """The ratios a sentence states in words."""
    text = _LATEX_TEXT.sub("", sentence)
    while "{{" in text or "}}" in text:
        text = text.replace("{{", "{").replace("}}", "}")
    found = []
    found = [(m.group(1), m.group(2), m.group(0)) for m in _FRAC.finditer(text)]
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            found.append((_FRAME.sub("", match.group("num")), match.group("den"), match.group(0)))
    ratios = []
    for numerator, denominator, said in found:
        top, bottom = _concepts(numerator, lexicon), _concepts(denominator, lexicon)
        # Words on both sides ("inter-cluster distance" / "cluster size") tell neither apart.
        top, bottom = top - bottom, bottom - top
        if top and bottom:
            ratios.append(Ratio(top, bottom, said.strip()))
    return ratios


def inverted(answer: Ratio, note: Ratio) -> bool:
    """True when the answer divides the notes' denominator by their numerator (two ratios of
    the same two quantities in one question's notes are the same ratio)."""
    return bool(answer.numerator & note.denominator and answer.denominator & note.numerator
                and not answer.numerator & note.numerator
                and not answer.denominator & note.denominator)


def upside_down(
    sentences: Sequence[str], notes: Sequence[tuple[Ratio, str]], lexicon: Lexicon
) -> list[tuple[str, Ratio, str]]:
    """(answer sentence, its ratio, the note sentence) for each ratio the answer states upside
    down — unless the notes themselves state it that way too."""
    found = []
    for sentence in sentences:
        for ratio in find_ratios(sentence, lexicon):
            same = [n for n, _ in notes if not inverted(ratio, n) and (
                ratio.numerator & n.numerator and ratio.denominator & n.denominator)]
            flipped = [(n, text) for n, text in notes if inverted(ratio, n)]
            if flipped and not same:
                found.append((sentence, ratio, flipped[0][1]))
    return found
