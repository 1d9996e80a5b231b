"""What a question's title says about it: its number, importance (stars), difficulty and
tags — and which titles are never questions (Answer, TL;DR, 参考 …)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

from interviewer.notes.markup import plain_text

_STAR = re.compile(r":star:|⭐\ufe0f?|★|🌟")
_HOLLOW_STAR = re.compile(r"☆")
# 👶/⭐️/🚀 is one difficulty scale; in a file that uses 👶 or 🚀, ⭐️ is "medium", not a star.
# Traffic-light colours are another, as circles or as squares (🟩 beginner … 🟥 advanced).
_DIFFICULTY_EMOJI = {
    "👶": "easy",
    "🚀": "hard",
    "🟢": "easy",
    "🟡": "medium",
    "🔴": "hard",
    "🟩": "easy",
    "🟨": "medium",
    "🟧": "medium",
    "🟥": "hard",
}
_EMOJI = re.compile("|".join(_DIFFICULTY_EMOJI))
_MEDIUM_STAR = re.compile(r"⭐\ufe0f?")
# "### Q: Describe the standard error.": the label says it is a question, with or without a "?";
# so does the interviewer's name over what they ask ("# 面试官：说说你对闭包的理解").
_ASKED = re.compile(
    r"^\s*(?:Q|Question|问|题目|面试官|Interviewer)\s*(?:[:：]|\.(?=\s))\s*(?=\S)", re.IGNORECASE
)
_NUMBER = re.compile(
    r"^\s*(?:"
    r"(?:[Qq]|Question|Problem|题目|问题|面试题)\s*#?\s*(?P<q>\d+)\s*(?:[.:：、)）]|[-–—](?=\s))?"
    r"|第\s*(?P<di>\d+)\s*[题问道]\s*[.:：、)）]?"
    r"|(?P<n>\d+)\s*(?:[.、)）．:：](?!\d)|\s+[.、)）．](?!\d)|\s+[-–—]\s+(?=\D))"
    r"|[（(](?P<p>\d+)[)）]"
    r")\s*"
)
# "Question? [[src](url)]" and "Question? [[src]](url)": a link to where it came from.
_RAW_SOURCE = re.compile(
    r"\s*\[\[\s*(?:src|source|来源)\s*\](?:\([^)]*\)\]|\]\([^)]*\))\s*$", re.IGNORECASE
)
# "Title [Top](#index)", "Title <a href="#index">[Top]</a>": a link back up the page,
# navigation and not part of the title.
_NAV_LINK = re.compile(
    r"\s*(?:\[[^\[\]]*\]\(#[^)\s]*\)|<a\b[^>]*\bhref\s*=\s*[\"']#[^\"']*[\"'][^>]*>(?:(?!<a\b).)*?</a\s*>)\s*$",
    re.IGNORECASE,
)
_EMPTY_BRACKETS = re.compile(r"\s*[(（\[【]\s*[)）\]】]")
# ":small_orange_diamond: Senior" — an emoji's shortcode is a picture, not the title's words.
_SHORTCODE = re.compile(r"(?<![\w:]):[a-z0-9_+-]*[a-z][a-z0-9_+-]*:(?![\w:])")
# "What is load average? ***" — asterisks standing alone after the title mark it (as
# unanswered, as a footnote); they are no words of it.
_TRAILING_ASTERISKS = re.compile(r"\s+\*+$")
# "are \_ by default", "\*\*___\*\*": a backslash shows the character after it as
# itself (outside code spans, where it is only a backslash).
_ESCAPED = re.compile(r"(`+).*?\1|\\([!-/:-@\[-`{-~])")
_QUOTED_TITLE = re.compile(r'^\s*["“]([^"“”]+)["”]\s*(?:[(（][^()（）]*[)）])?\s*$')
_COLON_AFTER_ASKING = re.compile(r"([?？])\s*[:：]\s*$")
_BARE_LEVEL = re.compile(r"\s+(简单|中等|困难|easy|medium|hard)$", re.IGNORECASE)
_TRAILING_TAG = re.compile(r"\s*[（(\[【]\s*([^()（）\[\]【】]{1,12}?)\s*[)）\]】]\s*$")
_SOURCE_LINK = re.compile(r"\s*\[+\s*(?:src|source|来源|link|answer)\s*\]+\s*$", re.IGNORECASE)
TAG_WORDS = {
    "高频",
    "重要",
    "必考",
    "常考",
    "必会",
    "经典",
    "面试",
    "基础",
    "进阶",
    "热门",
    "难",
    "中等",
    "简单",
    "易",
    "困难",
    "hot",
    "important",
    "must",
    "easy",
    "medium",
    "hard",
    "basic",
    "advanced",
    "frequent",
    "common",
    "e",
    "m",
    "h",
    "了解即可",
    "了解",
    "选读",
    "optional",
}
_DIFFICULTY_WORDS = {
    "easy": "easy",
    "e": "easy",
    "简单": "easy",
    "易": "easy",
    "basic": "easy",
    "medium": "medium",
    "m": "medium",
    "中等": "medium",
    "中": "medium",
    "hard": "hard",
    "h": "hard",
    "困难": "hard",
    "难": "hard",
    "advanced": "hard",
}
_LOW_IMPORTANCE = {"了解即可", "了解", "选读", "optional", "可选"}
_LEVELS = (
    (re.compile(r"junior|beginner|entry|初级|入门|基础篇", re.I), "easy"),
    (re.compile(r"middle|intermediate|mid-level|中级|进阶", re.I), "medium"),
    (re.compile(r"senior|advanced|expert|高级|架构级|专家", re.I), "hard"),
)
# Sections whose content is never questions: contents, references, project matters.
SKIPPED_TITLES = {
    "参考", "参考资料", "参考文献", "参考链接", "相关阅读", "延伸阅读", "扩展阅读", "推荐阅读",
    "references", "reference", "further reading", "see also", "resources", "links",
    "additional links", "contributing", "contributors", "contribution", "contributions",
    "license", "acknowledgements", "acknowledgments", "credits", "致谢", "贡献", "许可", "许可证",
    "back to top", "回到顶部", "返回顶部", "返回目录", "changelog", "更新日志",
}  # fmt: skip
# Titles that are never questions themselves: under a question they are part of it.
NON_QUESTION_TITLES = SKIPPED_TITLES | {
    "answer", "answers", "solution", "solutions", "tl;dr", "tldr", "summary", "参考答案", "答案",
    "解析", "正确答案", "explanation", "options", "选项", "题目", "问题", "question", "note",
    "notes", "笔记", "总结", "小结", "陷阱", "example", "examples", "示例", "代码", "code",
    "output", "good to hear", "faq",
}  # fmt: skip
# "学习资料", "Redis 参考链接", "推荐阅读", "参考文档" — not "静态链接和动态链接" (linking),
# "程序编译与链接": in Chinese a word that qualifies reading matter comes before 资料/链接 …,
# or nothing does.
_RESOURCES = re.compile(
    r"^(?:\w+\s+){0,2}(?:resources|references|links|reading|readings)$"
    r"|(?:^|参考|相关|推荐|扩展|延伸|拓展|学习|友情|外部|其他|更多|补充|精选|面试|常用|官方|在线)"
    r"\s*(?:资料|资源|链接|阅读|文档|文献)(?:汇总|合集|列表|推荐)?$"
)
# Project files that live next to notes; without questions they are not notes.
_PROJECT_FILE = re.compile(
    r"^(?:readme|contributing|changelog|changes|history|license|licence|code_of_conduct|"
    r"authors|contributors|security|support|pull_request_template|issue_template|summary)$",
    re.IGNORECASE,
)


def is_project_file(source: str) -> bool:
    """README, CONTRIBUTING, CHANGELOG and the like."""
    return bool(_PROJECT_FILE.match(PurePath(source).stem))


TOC_TITLES = {"index", "目录", "contents", "table of contents", "toc", "索引"}
ANSWER_WORDS = re.compile(
    r"^(?:view|show|see|click(?: here)? (?:to|for)|reveal|display|toggle)?\s*(?:the\s*)?"
    r"(?:answers?|solutions?|explanations?|参考答案|答案|解析|解答|展开|查看答案|点击展开|点击查看|"
    r"查看解析|显示答案|正确答案)\b|答案|展开|解析$|^click to (?:expand|see)|^expand",
    re.IGNORECASE,
)
_PROMPT_LABEL = re.compile(r"^(?:questions?|problem|题目|问题|面试题)$", re.IGNORECASE)
_LABEL_ONLY = re.compile(
    r"^(?:(?:Q|Question|Problem|题目|问题|面试题)\s*#?\s*\d+|第\s*\d+\s*[题问道]|#?\d+)\s*[.:：、)）]?$",
    re.IGNORECASE,
)


@dataclass
class Title:
    """A question title split into its text and marks."""

    text: str
    number: int | None
    stars: int
    tags: tuple[str, ...]
    difficulty: str | None = None
    low_importance: bool = False
    asked: bool = False
    """Labelled as a question ("Q: …", "问：…") though it may not end with a question mark."""

    @property
    def marked(self) -> bool:
        """Numbering, stars, a difficulty mark or a question mark say "this is a question"."""
        return (
            self.number is not None
            or self.stars > 0
            or self.difficulty is not None
            or self.asked
            or self.text.endswith(("?", "？"))
        )

    @property
    def label_only(self) -> bool:
        """A title that is only a number ("第 3 题", "Question 5"): the question is below it."""
        return not self.text or bool(_LABEL_ONLY.match(self.text))


def _unescape(match: re.Match[str]) -> str:
    return match.group(2) or match.group(0)


def parse_title(raw: str, emoji_difficulty: bool = False) -> Title:
    """Split a title into its text, number, stars, difficulty and trailing tags.

    With `emoji_difficulty` (the file uses 👶/🚀), ⭐️ means "medium", not a star.
    """
    difficulty = None
    emoji = _EMOJI.search(raw)
    if emoji:
        difficulty = _DIFFICULTY_EMOJI[emoji.group(0)]
    if emoji_difficulty and _MEDIUM_STAR.search(raw):
        difficulty = difficulty or "medium"
        raw = _MEDIUM_STAR.sub("", raw)
    raw = _EMOJI.sub("", raw)
    stars = len(_STAR.findall(raw))
    text = _SHORTCODE.sub("", _HOLLOW_STAR.sub("", _STAR.sub("", raw)))
    if text != raw:
        # "(★☆☆)": the brackets held the rating only, and go with it.
        text = _EMPTY_BRACKETS.sub("", text)
    text = _ESCAPED.sub(_unescape, _without_nav_links(_RAW_SOURCE.sub("", text)))
    text = _SOURCE_LINK.sub("", plain_text(text))
    text = _TRAILING_ASTERISKS.sub("", _SOURCE_LINK.sub("", text))
    bare = _BARE_LEVEL.search(text)
    if bare:
        difficulty = difficulty or _DIFFICULTY_WORDS[bare.group(1).lower()]
        text = text[: bare.start()]
    # "**Why X?**：" — a label's colon after the question mark ends nothing but the label.
    text = _COLON_AFTER_ASKING.sub(r"\1", text)
    asked = _ASKED.match(text)
    labelled = asked is not None
    if asked:
        text = text[asked.end() :]
    number = None
    match = _NUMBER.match(text)
    if match:
        number = int(next(g for g in match.groups() if g is not None))
        rest = text[match.end() :]
        # "第 17 题：…", "Q3. …": numbered as a question, it is one, as "Q:" says.
        counted = bool(match.group("q") or match.group("di"))
        labelled = labelled or (counted and bool(rest.strip()))
        text = rest if rest.strip() or not counted else text
    quoted = _QUOTED_TITLE.match(text)
    if quoted:
        # '“Why does TLS add latency?”', '7) "What happens when I open a site?" (The Classic
        # Question)': the question as it is asked, in quotes, perhaps with a remark after it.
        text = quoted.group(1).strip()
    tags: list[str] = []
    low = False
    while True:
        tag = _TRAILING_TAG.search(text)
        if not tag:
            break
        before = text[: tag.start()].rstrip()
        word = tag.group(1).strip()
        key = word.lower().removeprefix("难度").strip("：: ")
        # After a question mark or a full stop the title is over: a bracket there marks it.
        ended = before.endswith(("?", "？", ".", "。")) and not before.endswith("..")
        if word.endswith(("?", "？")):
            break  # "哪个先收到广播？（有序广播？）": a bracket that asks goes on asking
        if ended or word.lower() in TAG_WORDS or word.startswith("#"):
            if (key in _DIFFICULTY_WORDS and len(key) > 1) or word in ("E", "M", "H"):
                difficulty = difficulty or _DIFFICULTY_WORDS[key]
            elif word in _LOW_IMPORTANCE or word.lower() in _LOW_IMPORTANCE:
                low = True
                tags.insert(0, word)
            else:
                tags.insert(0, word.lstrip("#"))
            text = before
        else:
            break
    stars = min(stars, 5)
    if low:
        stars = min(stars, 1)
    return Title(text.strip(), number, stars, tuple(tags), difficulty, low, labelled)


def _without_nav_links(raw: str) -> str:
    """The title without the in-page links that end it, when it has text of its own."""
    while True:
        link = _NAV_LINK.search(raw)
        if not link or not plain_text(raw[: link.start()]).strip():
            return raw
        raw = raw[: link.start()]


def is_non_question_title(text: str) -> bool:
    """Titles that are never questions: Answer, TL;DR, 参考, "Answer: B", "✅ 正确答案：B" …"""
    key = re.sub(r"^[^\w(（]+", "", text.strip().lower()).rstrip(":： ")
    if key in NON_QUESTION_TITLES or key in TOC_TITLES or _RESOURCES.search(key):
        return True
    return bool(re.match(r"^(?:answer|正确答案|答案|solution)\s*[:：]", key))


def is_prompt_label(text: str) -> bool:
    """A title that only says "the question is below it" ("## 问题", "## Question", "### 💡
    Question": an emoji before the label decorates it), unnumbered."""
    return bool(_PROMPT_LABEL.match(re.sub(r"^[^\w(（]+", "", text.strip()).rstrip(":： ")))


def is_skipped_title(text: str) -> bool:
    """Sections whose content is not questions: contents, references, 参考, License …"""
    key = re.sub(r"^[^\w(（]+", "", text.strip().lower()).rstrip(":： ")
    return key in SKIPPED_TITLES or bool(_RESOURCES.search(key))


def is_answer_word(text: str) -> bool:
    """A `<summary>` or label that folds an answer ("Answer", "View answer", "展开", "答案")."""
    # "💡 Show Answer", "▶ Answer": a pictogram or arrow before the words is decoration.
    clean = re.sub(r"^[^\w(（]+", "", plain_text(text)).strip(" :：")
    return bool(clean) and len(clean) <= 24 and bool(ANSWER_WORDS.search(clean))


def level_difficulty(title: str) -> str | None:
    """The difficulty a section title gives its questions (Junior → easy, 高级 → hard)."""
    for pattern, level in _LEVELS:
        if pattern.search(title):
            return level
    return None


def difficulty_value(value: object) -> str | None:
    """A front-matter or metadata difficulty (easy/medium/hard, 简单/中等/困难, 1–5) normalised."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = int(value)
        return "easy" if number <= 1 else "medium" if number <= 3 else "hard"
    text = str(value).strip().lower()
    if text.isdigit():
        return difficulty_value(int(text))
    if text in _DIFFICULTY_WORDS:
        return _DIFFICULTY_WORDS[text]
    return level_difficulty(text)


def expertise_difficulty(level: int) -> str:
    """`<!-- expertise: N -->` (0 junior, 1 intermediate, 2 senior) as a difficulty."""
    return ("easy", "medium", "hard")[max(0, min(level, 2))]


def importance_value(value: object) -> int | None:
    """A front-matter importance (0–5, or high/medium/low) as stars."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return max(0, min(int(value), 5))
    text = str(value).strip().lower()
    if text.isdigit():
        return max(0, min(int(text), 5))
    named = {"high": 3, "高": 3, "medium": 2, "中": 2, "low": 1, "低": 1}
    return named.get(text, len(_STAR.findall(text)) or None)
