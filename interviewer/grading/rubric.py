"""The rubric of a question: its key points (with the explanation the notes give for a bare
label), topped up from the answer's bullets when the notes highlight too little, each turned
into weighted concepts for matching."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from interviewer.grading.claims import distinct_claims
from interviewer.grading.item_names import item_names
from interviewer.grading.lexicon import Lexicon, Weights
from interviewer.notes.draft import is_link_only
from interviewer.notes.markup import IMAGE_NOTE, plain_text, points_elsewhere, unwrap
from interviewer.notes.math_text import readable
from interviewer.notes.model import Question
from interviewer.terms.siblings import ASKING
from interviewer.text import AFTER_ABBREVIATION, AFTER_CLAUSE_SEMICOLON, cut

# Fewer highlighted points than this and the rubric is topped up from the answer's bullets.
MIN_POINTS = 5
# A highlight this short (or one followed by a colon) is a label; its explanation follows it.
LABEL_CHARS = 12
# Words the question itself uses prove nothing when an answer repeats them.
TITLE_DISCOUNT = 0.3
# A point naming two or more other points and at most this many characters or words besides
# ("和", "and", "四类") only lists them.
LIST_RESIDUE = 3
# A label's statement (label and explanation) is cut here: enough for a sentence vector.
EXPLAINED_CHARS = 240
# In a rubric of at least this many points, words every point uses are discounted.
BACKBONE_MIN_POINTS = 3
# A key term this common (or discounted for being in the title) is no evidence on its own.
KEY_TERM_MIN_WEIGHT = 2.5
_BULLET = re.compile(r"^\s*(?:[-*+]\s+|\d+\s*[.、)）]\s*|[（(]\d+[)）]\s*|<\d+>\s*)")
_SENTENCE = re.compile(
    rf"(?<=[。！？!?；])|{AFTER_CLAUSE_SEMICOLON}|(?<=\.){AFTER_ABBREVIATION}\s+"
)
_NOISE = re.compile(rf"{IMAGE_NOTE.pattern}|https?://\S+|==+>|[`*]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_EDGE = "：:；;，,、。. \t-"
# Words a label uses to name a part of the notes' layout rather than a term of the subject
# ("Key Features", "Main Idea", "要点"), which no answer says.
_PART_WORDS = frozenset([
    "definition", "definitions", "key", "main", "core", "idea", "ideas", "concept", "concepts",
    "overview", "detail", "details", "scenario", "scenarios", "case", "cases",
    "定义", "要点", "关键", "重点", "概念", "概述", "核心", "细节",
])


def bigrams(text: str) -> frozenset[str]:
    """Pairs of adjacent Chinese characters (a typo-tolerant fingerprint of a phrase)."""
    chars = "".join(_CJK.findall(text))
    return frozenset(chars[i : i + 2] for i in range(len(chars) - 1))


@dataclass
class RubricPoint:
    """One thing a good answer says, as text and as weighted concepts."""

    text: str
    label: bool = False
    core: dict[str, float] = field(default_factory=dict)
    context: dict[str, float] = field(default_factory=dict)
    grams: frozenset[str] = frozenset()
    key: str | None = None
    explained: str = ""
    """The explanation the notes give under a label ("Bucket Assignment: each slot…")."""
    name: str = ""
    """What names the thing a claim is about, from its label ("volatile-ttl" of
    "volatile-ttl：…", "击穿" of "缓存击穿：…"): what it says is said of that thing only, so an
    answer that never writes it does not make it."""

    @property
    def shown(self) -> str:
        """The point as the rubric shows it: the label, unless the label only names a part
        of an answer ("注意", "Pros", "Example"); then the label with its explanation. Math
        written in LaTeX reads as symbols."""
        if self.label and self.explained and all(
                word.lower() in ASKING for word in cut(self.text) if word.strip()):
            return readable(self.statement)
        return readable(self.text)

    @property
    def statement(self) -> str:
        """What the point says in words: a label with its explanation, else its text."""
        if self.label and self.explained:
            return f"{self.text}: {self.explained}"[:EXPLAINED_CHARS]
        return self.text


@dataclass
class Reference:
    """What the grader knows about one question, prepared once."""

    question: Question
    points: list[RubricPoint]
    title_concepts: frozenset[str]
    sentences: list[str]
    claims: bool = False
    """The points are the answer's distinct claims (the notes highlight nothing)."""


def _lines(answer: str) -> list[str]:
    return [_NOISE.sub("", line).rstrip() for line in unwrap(answer)]


def _is_section(line: str) -> bool:
    return bool(re.match(r"^\s*(?:[（(]\d+[)）]|<\d+>)", line))


def _label_context(point: str, lines: list[str], index: int, rest: str) -> str:
    """The explanation of a label: the rest of its line, else the lines under it."""
    if len(_CJK.findall(rest)) + len(re.findall(r"[A-Za-z]+", rest)) >= 4:
        return rest
    below: list[str] = []
    listed = False
    for line in lines[index + 1 :]:
        if _is_section(line) and below:
            break
        if not line.strip():
            continue
        # A list under the label is its explanation; the paragraph after the list is not
        # ("**复杂度分析**" over two bullets, then the author's sign-off).
        if listed and not _BULLET.match(line) and not line.startswith((" ", "\t")):
            break
        listed = listed or (not below and bool(_BULLET.match(line)))
        below.append(plain_text(line))
        if len(below) >= 12:
            break
    return " ".join(below)


def _continued(rest: str, lines: list[str], index: int) -> str:
    """The rest of a label's line with the lines that continue it (a wrapped list item)."""
    parts = [rest]
    for line in lines[index + 1 :]:
        if not line.strip() or _BULLET.match(line) or line.lstrip().startswith("#"):
            break
        parts.append(plain_text(line).strip())
    return " ".join(parts)


def _locate(point: str, lines: list[str]) -> tuple[int, str] | None:
    """The line a point is explained on and the rest of that line: the first line it heads
    ("- **预防**：提前破坏…"), else the first that names it (an introduction that lists
    预防、避免、检测 explains none of them)."""
    probe = point[:12]
    first = None
    for index, line in enumerate(lines):
        plain = plain_text(line)
        at = plain.find(probe)
        if at < 0:
            continue
        found = index, plain[at + len(point) :].strip(_EDGE) if point in plain else ""
        if plain_text(_BULLET.sub("", line)).lstrip().startswith(probe):
            return found
        first = first or found
    return first


def trimmed(text: str) -> str:
    """A sentence without the punctuation at its edges, but for a minus sign that opens its
    first number: "-1 is returned on error" is not "1 is returned on error"."""
    kept = text.strip(_EDGE)
    cut = text[: len(text) - len(text.lstrip(_EDGE))]
    return "-" + kept if cut.endswith("-") and kept[:1].isdigit() else kept


def _bullet_sentences(answer: str) -> list[str]:
    """First sentence (or two, when the first is short) of each bullet of the answer."""
    found = []
    # Whether a line only points elsewhere is read before its addresses are cut out: "- [React
    # Docs](https://…)" without its address is "- [React Docs](", which reads as words.
    for line in unwrap(answer):
        if not _BULLET.match(line) or points_elsewhere(line):
            continue
        text = trimmed(plain_text(_BULLET.sub("", _NOISE.sub("", line).rstrip())))
        parts = [trimmed(p) for p in _SENTENCE.split(text) if trimmed(p)]
        if not parts:
            continue
        sentence = parts[0]
        if len(sentence) < 20 and len(parts) > 1:
            sentence = f"{sentence}；{parts[1]}"
        if len(sentence) >= 8:
            found.append(sentence[:160])
    return found


def _unhighlighted(answer: str, points: list[str]) -> str:
    """The answer's plain paragraphs: no list item, heading, table or quote, and nothing
    highlighted or named by a point (those lines are the points' own explanations)."""
    kept = []
    for line in answer.splitlines():
        plain = plain_text(line)
        # A picture or a link alone on its line ("[image: 元素尺寸]", a reference) claims
        # nothing an answer could say.
        if (_BULLET.match(line) or line.lstrip().startswith(("#", "|", ">")) or "**" in line
                or "<font" in line or any(point[:12] in plain for point in points)
                or not _NOISE.sub("", plain).strip(_EDGE) or is_link_only(line)):
            kept.append("")
        else:
            kept.append(line)
    return "\n".join(kept)


def _overlaps(text: str, points: list[str]) -> bool:
    grams = bigrams(text)
    for point in points:
        if point in text or text in point:
            return True
        other = bigrams(point)
        if grams and other and len(grams & other) / min(len(grams), len(other)) > 0.5:
            return True
    return False


def _weigh(
    concepts: list[str], weights: Weights, title: frozenset[str], skip: set[str] | None = None
) -> dict[str, float]:
    weighted: dict[str, float] = {}
    for concept in concepts:
        if skip and concept in skip:
            continue
        weight = weights(concept) * (TITLE_DISCOUNT if concept in title else 1.0)
        weighted[concept] = max(weighted.get(concept, 0.0), weight)
    return weighted


def build_reference(question: Question, lexicon: Lexicon, weights: Weights) -> Reference:
    """The rubric and reference sentences of a question."""
    title = frozenset(lexicon.text_concepts(question.title))
    lines = _lines(question.answer)
    texts = [p for p in question.key_points if p.strip()]
    # Notes that highlight nothing: their own claims are the rubric, not the parser's guess
    # (first sentences, sub-headings).
    claimed = question.key_points_derived and not question.follow_up
    if claimed:
        texts = distinct_claims(question.answer, lexicon, weights) or texts
    # A follow-up asks about exactly the points it names: never top those up.
    if len(texts) < MIN_POINTS and not question.follow_up and not claimed:
        for sentence in _bullet_sentences(question.answer):
            if len(texts) >= MIN_POINTS:
                break
            # A heading-like bullet ("Logistic Shape 类型") says nothing to check.
            if len(lexicon.text_concepts(sentence)) >= 4 and not _overlaps(sentence, texts):
                texts.append(sentence)
        # Paragraphs the notes highlight nothing in say their part too: a lone labelled
        # paragraph ("**Drawback**: …") after a plain definition is not the whole answer.
        for claim in distinct_claims(_unhighlighted(question.answer, texts), lexicon, weights):
            if len(texts) >= MIN_POINTS:
                break
            if not _overlaps(claim, texts):
                texts.append(claim)
    # A highlight the notes explain with a picture ("损失函数图像大致如下：[image]") cannot be
    # checked in words; asking for it would keep every answer from full marks.
    shown = [t for t in texts if not _pictured(t, question.answer)]
    texts = _without_lists_of_points(shown or texts)
    order = {text: _position(text, question.answer) for text in texts}
    points = []
    for text in sorted(texts, key=lambda t: order[t]):
        located = _locate(text, lines)
        rest = located[1] if located else ""
        after = _after(text, lines, located[0]) if located else ""
        followed_by_colon = bool(re.match(r"^\s*[：:]", after))
        label = len(text) <= LABEL_CHARS or (followed_by_colon and len(rest) > 10)
        core = _weigh(lexicon.text_concepts(text), weights, title)
        context: dict[str, float] = {}
        explained = ""
        if label and located:
            explained = _label_context(text, lines, located[0], rest)
            context = _weigh(lexicon.text_concepts(explained), weights, title, set(core))
            if explained == rest:
                explained = _continued(rest, lines, located[0])
        if label and context and _names_a_part(text):
            # "Definition", "Key Features", "要点" name a part of the answer, which no answer
            # says: the explanation under such a label is the point, shown with its label.
            core, context = _weigh(lexicon.text_concepts(explained), weights, title), {}
            text, label = f"{text}: {explained}"[:EXPLAINED_CHARS], False
        points.append(
            RubricPoint(
                text=text,
                label=label and bool(context),
                core=core,
                context=context,
                grams=bigrams(text) - bigrams(question.title),
                key=_key_term(core, lexicon),
                explained=explained if context else "",
            )
        )
    _discount_backbone(points)
    if claimed:
        _discount_shared(points)
        for point, name in zip(points, item_names([point.text for point in points]),
                               strict=True):
            point.name = name
    sentences = [
        trimmed(s)
        for line in lines
        for s in _SENTENCE.split(plain_text(_BULLET.sub("", line)))
        if len(s.strip(_EDGE)) >= 4
    ]
    return Reference(question, points, title, sentences, claims=claimed)


def _names_a_part(label: str) -> bool:
    """Whether a label only names a part of the notes' own layout ("Definition", "Key
    Features", "要点"): a word for such a part, the rest question words. A label a question
    asks for ("Drawbacks", "局限") is what an answer says too ("its drawback is…"), so it
    stays a label the answer names."""
    words = [word.lower() for word in cut(label) if word.strip()]
    return (any(word in _PART_WORDS for word in words)
            and all(word in ASKING or word in _PART_WORDS for word in words))


def _without_lists_of_points(texts: list[str]) -> list[str]:
    """The points less any that only lists others ("**预防、避免、检测和解除**" before a
    highlight for each): an answer covers it by covering them, and asking for it as well
    counted them twice."""
    kept = []
    for text in texts:
        rest, parts = text, 0
        for other in sorted(texts, key=len, reverse=True):
            if other != text and other in rest:
                rest, parts = rest.replace(other, " "), parts + 1
        words = _CJK.findall(rest) + re.findall(r"[A-Za-z0-9]+", rest)
        if parts < 2 or len(words) > LIST_RESIDUE:
            kept.append(text)
    return kept


def _discount_backbone(points: list[RubricPoint]) -> None:
    """Words every point of a rubric uses ("表示" in 低维/稀疏/独立表示) tell the points apart
    no better than the question's own words: they are discounted the same way."""
    # A label ("模型容量", "有效容量") is its shared word plus what tells it apart: keep it.
    explained = [p for p in points if not p.label and len(p.text) > LABEL_CHARS]
    # What the notes explain under their labels uses the same words ("data", "component"
    # under **Props** and **State**, then "Use props for data…", "Use state for data…").
    said = [set(p.core) for p in explained] + [set(p.context) for p in points
                                               if p.label and p.context]
    if not explained or len(said) < BACKBONE_MIN_POINTS:
        return
    shared = set.intersection(*said)
    for point in explained:
        for concept in shared:
            point.core[concept] *= TITLE_DISCOUNT


def _discount_shared(points: list[RubricPoint]) -> None:
    """Claims of one answer share its vocabulary: a word two claims use tells neither apart,
    so repeating it makes neither (discounted like the question's own words)."""
    counts: dict[str, int] = {}
    for point in points:
        for concept in point.core:
            counts[concept] = counts.get(concept, 0) + 1
    for point in points:
        for concept in point.core:
            if counts[concept] > 1:
                point.core[concept] *= TITLE_DISCOUNT


def _key_term(core: dict[str, float], lexicon: Lexicon) -> str | None:
    """The point's rarest domain term, unless the question's own words make it cheap."""
    terms = [(weight, concept) for concept, weight in core.items() if lexicon.is_domain(concept)]
    if not terms:
        return None
    weight, concept = max(terms)
    return concept if weight >= KEY_TERM_MIN_WEIGHT else None


def _pictured(point: str, answer: str) -> bool:
    """True when a short highlight is followed only by a picture: the rest of its line says
    nothing ("大致如下：") and the next non-blank line is an image."""
    if len(point) > LABEL_CHARS:
        return False
    raw = answer.splitlines()
    for index, line in enumerate(raw):
        plain = plain_text(line)
        at = plain.find(point)
        if at < 0:
            continue
        tail = plain[at + len(point) :]
        rest = _CJK.findall(tail) + re.findall(r"[A-Za-z]+", tail)
        following = next((r.strip() for r in raw[index + 1 :] if r.strip()), "")
        return len(rest) <= 4 and following.startswith("[image")
    return False


def _after(text: str, lines: list[str], index: int) -> str:
    plain = plain_text(lines[index])
    at = plain.find(text)
    return plain[at + len(text) :] if at >= 0 else ""


def _position(text: str, answer: str) -> int:
    at = plain_text(answer).find(text[:12])
    return at if at >= 0 else len(answer)
