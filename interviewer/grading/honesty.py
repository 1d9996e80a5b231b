"""Checks that keep the offline grade honest: non-answers, instructions aimed at the grader,
bare lists of terms, restating the question and answering a different question."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from interviewer.grading.lexicon import STOPWORDS
from interviewer.grading.matching import AnswerView, split_sentences
from interviewer.text import cut

_NON_ANSWER = re.compile(
    r"^(?:我|这题|这个|这道题|嗯+|呃+|额+|啊+|hmm+|um+|uh+|sorry|抱歉|对不起|老实说|说实话|i|,|，|。|\.|\s)*"
    r"(?:不知道|不晓得|不清楚|不太清楚|不太懂|不懂|不会|不太会|不了解|没学过|没复习到?|没看过|忘了|忘记了|不记得了?|"
    r"想不起来|答不上来|跳过|略|无|暂无|pass|skip|next|idk|dunno|n/?a|none|no idea|not sure|"
    r"(?:i\s+)?(?:do\s*n[o']?t|dont)\s+know|(?:i\s+)?have\s+no\s+idea|no\s+clue|todo|tbd|\?+|？+)"
    r"(?:[\s,，。.!！…~～]|吧|了|啊|呢|哈|这题|这个|跳过|sorry|抱歉|pass|skip)*$",
    re.IGNORECASE,
)
_TAG_PAIR = re.compile(r"<(system|sys|instructions?)>(.*?)</\1>", re.IGNORECASE | re.DOTALL)
_PUNCT_ONLY = re.compile(r"^[\W_]*$", re.UNICODE)
# Sentences that talk to the grader instead of answering: they are removed before grading.
_INJECTION = re.compile(
    r"ignore\s+(?:all\s+)?(?:the\s+)?(?:previous|prior|above|earlier|preceding)|"
    r"disregard\s+(?:the\s+|all\s+|any\s+)?"
    r"(?:previous|prior|above|rubric|instructions|rules)|"
    r"\b(?:system|developer)\s*(?:prompt|message|override|mode)|\[/?system\]|</?system>|"
    r"\bgrader\b|\bevaluator\b|grading\s+(?:model|rubric|system)|"
    r"\bthe\s+(?:ai|llm|model)\s+(?:grader|must|should)|"
    r"(?:give|award|assign|output|return|respond\s+with)\s+(?:this\s+answer\s+|me\s+|it\s+)?(?:a\s+)?"
    r"(?:full\s+marks|max(?:imum)?\s+(?:score|marks)|perfect\s+score|score|10\b|ten\b)|"
    r"\b10\s*/\s*10\b|\bfull\s+marks\b|score\s*[:=]\s*10|\"score\"\s*:\s*10|verdict\s*[:=]|"
    r"you\s+are\s+(?:now\s+)?(?:chatgpt|an?\s+ai|the\s+grader|in\s+developer)|new\s+instructions?|"
    r"忽略(?:之前|以上|上面|前面|先前|所有|上述)|无视(?:之前|以上|上面|评分)|系统提示|系统指令|系统消息|"
    r"满分|打满分|给(?:我|这个回答|本回答|该回答)?(?:打)?\s*10\s*分|"
    # "直接给满分/打 9 分" asks for a grade; "请求直接打到数据库", "模型直接输出概率" describe.
    r"直接(?:给|输出|打)(?:我|它|这个回答|本回答|该回答)?\s*(?:高分|\d+\s*分|分数|score)|"
    r"评分(?:员|者|助手|模型|系统|标准)|"
    r"作为(?:评分|评委|打分|考官)|你(?:现在)?是(?:一个)?(?:评分|打分|考官|ai|助手)|"
    # "输出 score: 10" instructs; "叶子输出score的L2模" describes a model.
    r"输出\s*[\"']?score[\"']?\s*[:：=为是]\s*\d",
    re.IGNORECASE,
)
# Below this many function words per content word, text is a list of terms, not an answer.
STUFFED_DENSITY = 0.12
EXPLAINED_DENSITY = 0.3
MIN_TERMS_FOR_STUFFING = 4
# English words strung together: when this share of an answer's English content words (at
# least RUN_MIN_WORDS of them) stand in runs of RUN_WORDS or more with no function word or
# punctuation between them, it is a list of terms, not sentences ("the a of dropout neurons
# co-adaptation random drop bagging …"). The English answers of the grading sets here reach
# 0.45 at most, a pasted term salad 1.0.
RUN_WORDS = 5
RUN_SHARE = 0.7
RUN_MIN_WORDS = 8
_CLAUSE_BREAK = re.compile(r"[,，、;；:：.。!?！？()（）\[\]\"“”\n]+")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9+#'-]*")
# Segments of a list: split at list punctuation, and at spaces next to Chinese characters
# ("对称性 随机初始化 梯度消失") — but not between a Chinese term and the value it is given
# ("学习率 0.001").
_SEGMENT = re.compile(r"[,，、;；/|\n]+|(?<=[\u4e00-\u9fff])\s+(?![-+.\d])|\s+(?=[\u4e00-\u9fff])")
# The same without the spaces that only set a Latin word apart from Chinese ("BN 在测试时…跟
# 当前 batch 的大小无关"): typography, not a list.
_STRICT_SEGMENT = re.compile(r"[,，、;；/|\n]+|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
# The strict reading's segments joined again across "、": the items of one enumeration.
_CLAUSE = re.compile(r"[,，;；。\n]+|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
# Words that make a segment a statement about something rather than a bare term.
_PREDICATES = frozenset({
    "是", "为", "会", "能", "可以", "可", "让", "使", "使得", "导致", "造成",
    "引起", "因为", "所以", "因此", "把", "被", "为了", "通过", "就", "用",
    "用来", "来", "如果", "那么", "而", "但", "但是", "要", "需要", "防止",
    "避免", "减少", "增加", "降低", "提高", "保证", "相当于", "看作", "没有", "不",
    "有", "就是", "包括", "包含", "含有", "只有", "减小", "增大", "扩充", "最", "常用", "主要",
    "is", "are", "was", "were", "be", "can", "could", "will", "would", "make", "makes",
    "cause", "causes", "because", "so", "to", "by", "from", "that", "which", "when", "if",
    "then", "help", "helps", "prevent", "prevents", "reduce", "reduces", "keep", "keeps",
    "means", "avoid", "avoids",
    # Verbs candidates put in terse clauses ("缓解梯度消失，加速训练"): a verb with its
    # object states something, however short.
    "缓解", "加速", "加快", "提升", "抑制", "消除", "解决", "打破", "控制", "保持", "稳定",
    "收敛", "学到", "学习", "得到", "变得", "趋于", "依赖", "削弱", "放大", "缩小", "缩放",
    "校准", "拟合", "记住", "逼近", "近似", "表示", "压缩", "映射", "还原", "规范", "归一",
    "speeds", "speed", "accelerate", "accelerates", "mitigate", "mitigates", "stabilize",
    "stabilizes", "improve", "improves", "allow", "allows", "let", "lets", "lead", "leads",
    "break", "breaks", "learn", "learns", "normalize", "normalizes", "scale", "scales",
    "shift", "shifts", "converge", "converges", "fit", "fits", "memorize", "memorizes",
    # Chinese adjectives are predicates on their own ("计算快", "更鲁棒", "不饱和").
    "快", "慢", "大", "小", "高", "低", "强", "弱", "多", "少", "好", "差", "更", "易", "难",
    "换", "加", "减", "去", "学", "等于", "类似", "像", "重构", "到", "成", "变",
    # Verbs of terse property lists ("TCP 面向连接、基于字节流；UDP 无连接"), like "有"/"不".
    "面向", "基于", "无", "非", "只", "仅", "存", "支持",
})
# Verbs and negations that make a short segment a statement even when jieba keeps them
# inside a word ("并不独立", "而是共享参数", "用 ReLU 代替 sigmoid", "加 BN").
_STATEMENT = re.compile(
    r"不|没|而是|代替|替换|换成|采用|使用|加(?!速|权)|限制|丢弃|共享|相当|属于|在于|取决|变成|"
    r"\b(?:use|uses|add|adds|replace|replaces|share|shares|isn't|aren't|doesn't|don't|not)\b|"
    # A value given to something ("β1=0.9", "学习率 0.001", "input 224x224x3") states it.
    # A bare "6x6x3" in a list of terms names nothing.
    r"[^\W\d_][\w.]*\s*[=＝:：]\s*[-+]?\.?\d|"
    r"(?:[^\W\d_]{2,}\s+|[\u4e00-\u9fff]\s*)"
    r"(?:\d+\.\d+|\d+(?:\.\d+)?\s*%|\d+(?:\.\d+)?[eE]-?\d|\d+\s*[x×*]\s*\d)",
    re.IGNORECASE,
)
# A text most of whose segments state something is prose, however few function words it has.
STATED_SHARE = 0.5
BARE_TERM_TOKENS = 4
BARE_TERM_CHARS = 24
BARE_SHARE = 0.75
# A list whose items mostly say what each is ("CMS（并发标记清除，停顿短）", "G1: collects
# region by region") explains its terms, however tersely: a glossed list answers a list
# question, it does not stuff one. A gloss needs this many words (Chinese characters).
GLOSSED_SHARE = 0.6
GLOSS_WORDS = 3
_GLOSSED_ITEM = re.compile(
    r"^(?P<term>[^（(：:]{1,40}?)\s*(?:[（(](?P<paren>[^）)]+)[）)]|[：:]\s*(?P<colon>.+)|"
    r"\s[-–—]\s*(?P<dash>.+))\s*$"
)
_GLOSS_WORD = re.compile(r"[\u4e00-\u9fff]|[A-Za-z0-9]+")
_GLOSS_MARK = re.compile(r"[（(：:]|\s[-–—]\s")
# A list separator not inside brackets (not followed by a closing bracket before an opening).
_ITEM_BREAK = re.compile(r"[,，、;；\n。](?![^（(]*[）)])")
# An answer whose own words are mostly the question's restates it.
RESTATED_SHARE = 0.3
# An answer that talks about the question ("这题问的是…", "the question asks…") restates it
# when few of its terms are new, however many plain words it wraps them in.
RESTATED_TERM_SHARE = 0.35
_ABOUT_QUESTION = re.compile(
    r"这(?:道|个)?题|(?:这个)?问题(?:是|问)|问的是|就是问|(?:主要|就是)?(?:是)?问(?:的|了|为什么|为啥|什么|如何|怎么)|"
    r"就是说|\bthe question\b|\bthis question\b|\b(?:it|question) asks?\b|"
    r"\basking (?:about|why|what|how)\b",
    re.IGNORECASE,
)
# Off topic needs strong positive evidence for another question and the asked question's
# subject clearly absent: the other question fits the answer this much better, at least this
# well, the asked one at most this well, and the answer names this many terms that only the
# other question's notes use (a one-clause answer such as "可以加速训练" fits many questions and
# proves none).
OFF_TOPIC_MARGIN = 0.2
OFF_TOPIC_FIT = 0.6
ASKED_ABSENT = 0.45
MIN_DISTINCT = 2


# Questions whose expected answer is a list of named items ("有哪些", "如何解决", "what are
# the ways…"): a bare list there is a thin answer, not an attempt to game the grader.
_LIST_QUESTION = re.compile(
    r"哪些|如何(?:解决|避免|实现|防止|缓解)|怎么(?:解决|避免|办)|怎样|什么方法|几种|"
    r"\bwhat are the (?:ways|methods|techniques)|\bwhich (?:methods|techniques|ways)|"
    r"\bhow (?:to|do you|can you)\b",
    re.IGNORECASE,
)


def asks_for_list(title: str) -> bool:
    """True when the question asks for a list of methods or kinds."""
    return bool(_LIST_QUESTION.search(title))


@dataclass
class Cleaned:
    """The answer with instructions to the grader taken out, and what was taken."""

    text: str
    injected: list[str]


def strip_injection(answer: str) -> Cleaned:
    """Remove sentences that address the grader; keep the rest to be graded."""
    if not _INJECTION.search(answer):
        return Cleaned(answer, [])
    kept: list[str] = []
    injected: list[str] = []
    for sentence in split_sentences(_tagless(answer)):
        (injected if _INJECTION.search(sentence) else kept).append(sentence)
    if not injected:
        injected.append(answer.strip())
        kept = []
    return Cleaned("。".join(kept), injected)


def _tagless(text: str) -> str:
    # "<system>…</system> real answer": the tag pair and its content are one instruction.
    return _TAG_PAIR.sub(r"\n<system>\2\n", text)


def is_non_answer(text: str, view: AnswerView, is_domain: Callable[[str], bool]) -> bool:
    """True for empty answers, "不知道"/"pass"/"idk", punctuation and keyboard mashing."""
    stripped = text.strip()
    if not stripped or _PUNCT_ONLY.match(stripped) or _NON_ANSWER.match(stripped):
        return True
    # Two words or fewer and none of them a term of the field: "asdf", "好的", "ok".
    return len(view.concepts) <= 2 and not any(is_domain(c) for c in view.concepts)


def explanation_density(view: AnswerView) -> float:
    """Function words per content word: ~0 for a bare list of terms, 0.4-1 for prose."""
    return view.glue / max(len(view.concepts), 1)


def is_term_list(text: str) -> bool:
    """True when most segments of the text are bare terms: a few words and no predicate
    ("symmetry breaking, random init, Xavier, He, …"), however spaces around Latin words
    are read."""
    return _is_term_list(text, _SEGMENT) and _is_term_list(text, _STRICT_SEGMENT)


def _is_term_list(text: str, segment: re.Pattern[str]) -> bool:
    parts = [part.strip() for part in segment.split(text) if part.strip()]
    # Prose has long segments: rule it out before paying for jieba.
    short = [part for part in parts if len(part) <= BARE_TERM_CHARS]
    if len(parts) < MIN_TERMS_FOR_STUFFING or len(short) < BARE_SHARE * len(parts):
        return False
    bare = sum(1 for part in short if _is_bare(part))
    return bare >= BARE_SHARE * len(parts)


def _is_bare(segment: str) -> bool:
    tokens = cut(segment)
    return (bool(tokens) and len(tokens) <= BARE_TERM_TOKENS
            and not _PREDICATES.intersection(tokens) and not _STATEMENT.search(segment))


def states_things(text: str) -> bool:
    """True when most segments of the text make a statement (have a predicate), however
    spaces around Latin words are read ("Redis 事务用 MULTI 开启，EXEC 执行" states things;
    cut at every such space it is a row of bare words)."""
    if _states_things(text, _SEGMENT, _is_bare):
        return True
    # Read whole, a segment of many words is no bare term, but a salad of terms is many
    # words too ("im2col image to column 矩阵乘法 GPU 加速"): only a Chinese predicate states
    # (English ones also name things, "scale and shift", and the first reading has them).
    # A clause that says something, then lists ("offsetWidth 包括内容、内边距和边框"), states
    # it; a list with a word at its end ("dropout、BN、早停都有用") still stuffs.
    return (_states_things(text, _STRICT_SEGMENT, _says_nothing)
            or _states_things(text, _CLAUSE, _lists_before_saying))


_CJK_PREDICATES = frozenset(word for word in _PREDICATES if not word.isascii())


def _says_nothing(segment: str) -> bool:
    return not _CJK_PREDICATES.intersection(cut(segment)) and not _STATEMENT.search(segment)


def _lists_before_saying(clause: str) -> bool:
    """A clause whose first listed item says nothing: a list, whatever follows it."""
    return _says_nothing(clause.split("、")[0])


def _states_things(text: str, segment: re.Pattern[str], bare: Callable[[str], bool]) -> bool:
    parts = [part.strip() for part in segment.split(text) if part.strip()]
    stated = sum(1 for part in parts if not bare(part))
    return bool(parts) and stated >= STATED_SHARE * len(parts)


def is_stuffed(view: AnswerView) -> bool:
    """True when the answer is a list of terms with (almost) nothing explaining them: no
    words relating the terms and no segment stating anything, or segment after segment of
    bare terms."""
    if len(view.concepts) < MIN_TERMS_FOR_STUFFING or is_glossed_list(view.text):
        return False
    if explanation_density(view) < STUFFED_DENSITY and not states_things(view.text):
        return True
    return is_term_list(view.text) or is_word_run(view.text)


def is_glossed_list(text: str) -> bool:
    """True when most items of a list of three or more say what they are: a term, then its
    gloss in brackets, after a colon or after a dash."""
    if not _GLOSS_MARK.search(text):
        return False
    items = _list_items(text)
    glossed = sum(1 for item in items if _is_glossed(item))
    return len(items) >= 3 and glossed >= GLOSSED_SHARE * len(items)


def _list_items(text: str) -> list[str]:
    """The text cut at list separators outside brackets (a gloss may hold commas)."""
    return [item.strip() for item in _ITEM_BREAK.split(text) if item.strip()]


def _is_glossed(item: str) -> bool:
    match = _GLOSSED_ITEM.match(item)
    if match is None:
        return False
    words = _GLOSS_WORD.findall(match["paren"] or match["colon"] or match["dash"])
    # "TPR (true positive rate)" spells a name out; it does not say what the thing is.
    spelled = "".join(word[0] for word in words).lower() == match["term"].strip().lower()
    return len(words) >= GLOSS_WORDS and not spelled


def is_word_run(text: str) -> bool:
    """True when most English content words of the text stand in long runs with nothing
    relating them: terms strung together, however many filler words open the string."""
    words = in_runs = 0
    for clause in _CLAUSE_BREAK.split(text):
        run = 0
        for word in [*_LATIN_WORD.findall(clause), ""]:
            if word and word.lower() not in STOPWORDS:
                run += 1
                continue
            words += run
            in_runs += run if run >= RUN_WORDS else 0
            run = 0
    return words >= RUN_MIN_WORDS and in_runs >= RUN_SHARE * words


def explanation_factor(view: AnswerView) -> float:
    """1 for explained answers, falling towards 0.25 as they thin into a list of terms."""
    if len(view.concepts) < MIN_TERMS_FOR_STUFFING:
        return 1.0
    density = explanation_density(view)
    return min(1.0, 0.25 + 0.75 * density / EXPLAINED_DENSITY)


def novel_share(view: AnswerView, title: frozenset[str], weight: Callable[[str], float]) -> float:
    """Share of the answer's weighted concepts that the question itself does not contain."""
    total = sum(weight(c) for c in view.concepts)
    if total <= 0:
        return 0.0
    return sum(weight(c) for c in view.concepts if c not in title) / total


def is_restated(
    view: AnswerView,
    title: frozenset[str],
    weight: Callable[[str], float],
    is_domain: Callable[[str], bool] = bool,
) -> bool:
    """True when the answer mostly repeats the question's words, or talks about the question
    and adds few terms (`is_domain`) of its own: a paraphrase of the question."""
    if novel_share(view, title, weight) < RESTATED_SHARE:
        return True
    if not _ABOUT_QUESTION.search(view.text):
        return False
    terms = [c for c in view.concepts if is_domain(c)]
    total = sum(weight(c) for c in terms)
    new = sum(weight(c) for c in terms if c not in title)
    return total > 0 and new / total < RESTATED_TERM_SHARE


class ProfileIndex:
    """Which questions of the bank mention each concept (for spotting off-topic answers)."""

    def __init__(self, profiles: Mapping[str, Iterable[str]]) -> None:
        self._postings: dict[str, set[str]] = {}
        for question_id, concepts in profiles.items():
            for concept in set(concepts):
                self._postings.setdefault(concept, set()).add(question_id)

    def holds(self, question_id: str, concept: str) -> bool:
        """True when the question's notes mention the concept."""
        return question_id in self._postings.get(concept, ())

    def fits(self, concepts: Iterable[str], weight: Callable[[str], float]) -> dict[str, float]:
        """Each question's share of the answer's weighted concepts (questions with any)."""
        present = set(concepts)
        total = sum(weight(c) for c in present)
        scores: dict[str, float] = {}
        if total <= 0:
            return scores
        for concept in present:
            share = weight(concept) / total
            for question_id in self._postings.get(concept, ()):
                scores[question_id] = scores.get(question_id, 0.0) + share
        return scores


def better_question(
    concepts: Iterable[str],
    asked: str,
    index: ProfileIndex,
    weight: Callable[[str], float],
    is_domain: Callable[[str], bool] = bool,
) -> tuple[str, float, float] | None:
    """(id, its fit, asked fit) of a question the answer fits clearly better, or None;
    `is_domain` says which concepts are terms of the field (evidence for a question)."""
    present = set(concepts)
    scores = index.fits(present, weight)
    own = scores.get(asked, 0.0)
    best_id = max(scores, key=lambda q: scores[q], default=asked)
    best_fit = scores.get(best_id, 0.0)
    if best_id == asked or own > ASKED_ABSENT:
        return None
    if best_fit < max(OFF_TOPIC_FIT, own + OFF_TOPIC_MARGIN):
        return None
    distinct = [c for c in present
                if is_domain(c) and index.holds(best_id, c) and not index.holds(asked, c)]
    return (best_id, best_fit, own) if len(distinct) >= MIN_DISTINCT else None
